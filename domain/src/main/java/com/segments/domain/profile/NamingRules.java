package com.segments.domain.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rules that map profile patterns to names: "high purchases and high credit limit" is "Premium High Spenders".
 * Every segment gets a unique name: the best-scoring rule whose every condition the profile meets (direction and
 * size, in standard deviations and where a rule says so in the feature's own units) and is still free; else a
 * description of the features that stand out, in the direction they do ("High spending score, low annual income"),
 * or "Near average" when none does.
 */
public record NamingRules(List<Rule> rules, java.util.Map<String, List<String>> offers) {

    /**
     * @param offers offers by segment name (case-insensitive) or segment id ("3"), replacing what the rule offers
     */
    public NamingRules {
        rules = List.copyOf(rules);
        java.util.Map<String, List<String>> normalised = new java.util.HashMap<>();
        offers.forEach((key, list) -> normalised.put(key.strip().toLowerCase(Locale.ROOT), List.copyOf(list)));
        offers = java.util.Map.copyOf(normalised);
    }

    public NamingRules(List<Rule> rules) {
        this(rules, java.util.Map.of());
    }

    /** A name, what it means, when it applies (all conditions), and what to offer. */
    public record Rule(String name, String description, List<Condition> when, List<String> offers) {
        public Rule {
            when = List.copyOf(when);
            offers = List.copyOf(offers);
            if (when.isEmpty()) {
                throw new IllegalArgumentException("rule '" + name + "' has no condition");
            }
        }
    }

    /** One condition on a segment's profile. */
    public sealed interface Condition permits Above, Below, Near, MeanAbove, MeanBelow, TopShare {
        /** How well the segment fits (higher is better), or NaN when it does not, or the features are absent. */
        double score(SegmentProfile profile);
    }

    /** The first present feature among {@code features} is at least {@code z} standard deviations above the mean. */
    public record Above(List<String> features, double z) implements Condition {
        @Override
        public double score(SegmentProfile profile) {
            FeatureProfile f = first(profile, features);
            return f == null || f.standardisedDifference() < z ? Double.NaN : 1 + f.standardisedDifference() - z;
        }
    }

    /** The first present feature among {@code features} is at most {@code z} standard deviations from the mean. */
    public record Below(List<String> features, double z) implements Condition {
        @Override
        public double score(SegmentProfile profile) {
            FeatureProfile f = first(profile, features);
            return f == null || f.standardisedDifference() > z ? Double.NaN : 1 + z - f.standardisedDifference();
        }
    }

    /** The first present feature among {@code features} is within {@code z} standard deviations of the mean. */
    public record Near(List<String> features, double z) implements Condition {
        @Override
        public double score(SegmentProfile profile) {
            FeatureProfile f = first(profile, features);
            double d = f == null ? Double.NaN : Math.abs(f.standardisedDifference());
            return Double.isNaN(d) || d > z ? Double.NaN : 1 + z - d;
        }
    }

    /**
     * The segment's mean of the first present feature among {@code features} is at least {@code value}, in the
     * feature's own units: "recent" or "long ago" in days, not only against the population.
     */
    public record MeanAbove(List<String> features, double value) implements Condition {
        @Override
        public double score(SegmentProfile profile) {
            FeatureProfile f = first(profile, features);
            return f == null || !(f.mean() >= value) ? Double.NaN : 1;
        }
    }

    /** The segment's mean of the first present feature among {@code features} is at most {@code value}. */
    public record MeanBelow(List<String> features, double value) implements Condition {
        @Override
        public double score(SegmentProfile profile) {
            FeatureProfile f = first(profile, features);
            return f == null || !(f.mean() <= value) ? Double.NaN : 1;
        }
    }

    /** Among the features named {@code prefix*}, {@code prefix + category} has the largest segment mean. */
    public record TopShare(String prefix, String category) implements Condition {
        @Override
        public double score(SegmentProfile profile) {
            FeatureProfile best = null;
            double second = Double.NEGATIVE_INFINITY;
            for (FeatureProfile f : profile.features()) {
                if (!f.feature().toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (best == null || f.mean() > best.mean()) {
                    second = best == null ? second : best.mean();
                    best = f;
                } else {
                    second = Math.max(second, f.mean());
                }
            }
            if (best == null || !best.feature().equalsIgnoreCase(prefix + category)) {
                return Double.NaN;
            }
            return 1 + best.mean() - (Double.isInfinite(second) ? 0 : second);
        }
    }

    private static FeatureProfile first(SegmentProfile profile, List<String> features) {
        for (String name : features) {
            FeatureProfile f = profile.feature(name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** Names every segment; the result is in segment order. */
    public List<SegmentLabel> name(List<SegmentProfile> profiles) {
        record Match(int segment, Rule rule, double score) {
        }
        List<Match> matches = new ArrayList<>();
        for (SegmentProfile profile : profiles) {
            for (Rule rule : rules) {
                double score = 0;
                for (Condition condition : rule.when()) {
                    double s = condition.score(profile);
                    if (Double.isNaN(s)) {
                        score = Double.NaN;
                        break;
                    }
                    score += s;
                }
                if (!Double.isNaN(score) && profile.size() > 0) {
                    matches.add(new Match(profile.segment(), rule, score / rule.when().size()));
                }
            }
        }
        matches.sort(Comparator.comparingDouble((Match m) -> -m.score()));
        SegmentLabel[] labels = new SegmentLabel[profiles.size()];
        Set<String> used = new HashSet<>();
        for (Match match : matches) {
            if (labels[match.segment()] == null && used.add(match.rule().name().toLowerCase(Locale.ROOT))) {
                SegmentProfile profile = profiles.get(match.segment());
                labels[match.segment()] = new SegmentLabel(match.segment(), match.rule().name(),
                        match.rule().description() + ":" + facts(profile, 2), match.rule().offers(), false);
            }
        }
        for (SegmentProfile profile : profiles) {
            if (labels[profile.segment()] == null) {
                String name = fallbackName(profile, used);
                used.add(name.toLowerCase(Locale.ROOT));
                labels[profile.segment()] = new SegmentLabel(profile.segment(), name,
                        "No naming rule fits; what sets it apart:" + facts(profile, 3), List.of(), false);
            }
        }
        for (int i = 0; i < labels.length; i++) {
            SegmentLabel label = labels[i];
            List<String> configured = offers.getOrDefault(label.name().toLowerCase(Locale.ROOT),
                    offers.get(Integer.toString(label.segment())));
            if (configured != null) {
                labels[i] = new SegmentLabel(label.segment(), label.name(), label.description(), configured, false);
            }
        }
        return List.of(labels);
    }

    /** A feature stands out of the population, for a descriptive name, at this many standard deviations. */
    public static final double STANDS_OUT = 0.5;

    /**
     * "High spending score, low annual income": the features that stand out most, strongest first, each in the
     * direction it does; two of them, or three when two name another segment already; "Near average" when none
     * stands out. Made unique with a number when all else is taken.
     */
    static String fallbackName(SegmentProfile profile, Set<String> used) {
        List<FeatureProfile> top = profile.distinguishing(3).stream()
                .filter(f -> Math.abs(f.standardisedDifference()) >= STANDS_OUT).toList();
        if (top.isEmpty()) {
            return unique("Near average", used);
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < top.size(); i++) {
            FeatureProfile f = top.get(i);
            String level = f.standardisedDifference() >= 0 ? "high " : "low ";
            name.append(i == 0 ? cap(level) : ", " + level).append(words(f.feature()));
            if (i >= 1 && !used.contains(name.toString().toLowerCase(Locale.ROOT))) {
                return name.toString();
            }
        }
        return unique(name.toString(), used);
    }

    private static String cap(String level) {
        return Character.toUpperCase(level.charAt(0)) + level.substring(1);
    }

    /**
     * A column name as words for a name people read: units in brackets dropped, underscores and camel case
     * spaced, lower case ({@code Spending Score (1-100)} is "spending score", {@code CASH_ADVANCE} "cash advance").
     */
    public static String words(String feature) {
        String plain = feature.replaceAll("\\s*[(\\[].*?[)\\]]", "").replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replace('_', ' ').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
        return plain.isEmpty() ? feature : plain;
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int i = 2; used.contains(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = name + " (" + i + ")";
        }
        return candidate;
    }

    private static String facts(SegmentProfile profile, int count) {
        StringBuilder out = new StringBuilder();
        for (FeatureProfile f : profile.distinguishing(count)) {
            out.append(out.isEmpty() ? " " : "; ").append(f.describe());
        }
        for (LevelProfile level : profile.overRepresented().stream().limit(1).toList()) {
            out.append(String.format(Locale.ROOT, "; %s = %s for %.0f%% (%.0f%% overall)", level.feature(), level.level(),
                    100 * level.share(), 100 * level.populationShare()));
        }
        return out.toString();
    }
}
