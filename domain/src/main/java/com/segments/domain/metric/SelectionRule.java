package com.segments.domain.metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;

/**
 * Which segmentation to recommend, from the evidence measured on each configuration. First a gate: a
 * configuration is not recommended when one of its segments dissolves under resampling (its mean clusterboot
 * Jaccard is below {@link #MIN_SEGMENT_JACCARD}: Hennig's reading is that such a segment should not be trusted),
 * when more than {@link #MAX_NOISE} of the customers are left as noise, when it finds fewer than two segments, or
 * when it failed. Then the goal decides among the rest:
 * <ul>
 *   <li>{@link Goal#DEFAULT}: the best silhouette among the configurations that pass the gate. The gate is what
 *       keeps the number of segments honest: a k that splits a real group (or merges two) gives segments that
 *       change from one resample to the next, and is out before silhouette is compared. On 40 seeded sets with a
 *       known number of groups this finds the true k more often than silhouette alone, the elbow, or the
 *       parsimonious variant below (docs/choosing-k.md);</li>
 *   <li>{@link Goal#FEWEST}: the best silhouette made parsimonious: every configuration whose silhouette is within
 *       one standard error of the best counts as equally good, and of those the one with the fewest segments wins,
 *       then the most stable (its weakest segment's Jaccard). The standard error is that of each mean on its own
 *       (the configurations are measured on the same customers, so their difference is known more precisely): it
 *       trades a little separation for fewer segments, for users who must act on every segment;</li>
 *   <li>{@link Goal#STABILITY}: the highest mean Jaccard;</li>
 *   <li>{@link Goal#GAP}: the gap statistic's 1-SE choice, for the algorithm the gap was computed with.</li>
 * </ul>
 * Every criterion's own preference (silhouette, Davies-Bouldin, Calinski-Harabasz, stability, gap, elbow) is
 * reported beside the decision, with whether they agree; a choice at the top of the searched range says so.
 */
public final class SelectionRule {

    /** A segment whose mean Jaccard under resampling is below this is not trusted (Hennig: 0.6 to 0.75 is "patterns"). */
    public static final double MIN_SEGMENT_JACCARD = 0.6;
    /** A configuration that leaves more than this share of customers unassigned describes only the rest. */
    public static final double MAX_NOISE = 0.5;

    private final double minSegmentJaccard;
    private final double maxNoise;

    /** The rule with the default thresholds. */
    public SelectionRule() {
        this(MIN_SEGMENT_JACCARD, MAX_NOISE);
    }

    public SelectionRule(double minSegmentJaccard, double maxNoise) {
        if (!(minSegmentJaccard >= 0 && minSegmentJaccard <= 1) || !(maxNoise >= 0 && maxNoise <= 1)) {
            throw new IllegalArgumentException("thresholds must be in [0, 1]: " + minSegmentJaccard + ", " + maxNoise);
        }
        this.minSegmentJaccard = minSegmentJaccard;
        this.maxNoise = maxNoise;
    }

    /** What the recommendation optimises, by the name a user types. */
    public enum Goal {
        DEFAULT("default"), FEWEST("fewest"), STABILITY("stability"), GAP("gap");

        private final String id;

        Goal(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /**
         * The goal a user names; {@code silhouette} (the best gated silhouette, which the default now is) is still
         * understood so that existing scripts keep their meaning.
         *
         * @throws IllegalArgumentException naming the choices when the name is none of them
         */
        public static Goal named(String name) {
            if ("silhouette".equalsIgnoreCase(name.strip())) {
                return DEFAULT;
            }
            for (Goal goal : values()) {
                if (goal.id.equalsIgnoreCase(name.strip())) {
                    return goal;
                }
            }
            throw new IllegalArgumentException("unknown selection rule '" + name + "'; choose one of "
                    + Arrays.stream(values()).map(Goal::id).toList());
        }
    }

    /**
     * What was measured on one configuration.
     *
     * @param k       the configuration's k parameter, empty for algorithms without one
     * @param jaccard each segment's mean Jaccard under resampling; empty when stability was not measured
     * @param error   why it could not be fitted, or null
     */
    public record Evidence(String label, String algorithm, OptionalInt k, int segments, double noiseFraction,
                           double silhouette, double silhouetteStandardError, double daviesBouldin,
                           double calinskiHarabasz, double[] jaccard, String error) {

        public Evidence {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(algorithm, "algorithm");
            jaccard = jaccard.clone();
        }

        public static Evidence failed(String label, String algorithm, OptionalInt k, String error) {
            return new Evidence(label, algorithm, k, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    new double[0], error);
        }

        public boolean failedToFit() {
            return error != null;
        }

        public boolean stabilityMeasured() {
            return jaccard.length > 0;
        }

        /** The weakest segment's mean Jaccard; NaN when not measured. */
        public double minJaccard() {
            return Arrays.stream(jaccard).min().orElse(Double.NaN);
        }

        public double meanJaccard() {
            return Arrays.stream(jaccard).average().orElse(Double.NaN);
        }

        /** The segment with the lowest Jaccard, -1 when not measured. */
        public int weakestSegment() {
            int weakest = -1;
            for (int c = 0; c < jaccard.length; c++) {
                if (weakest < 0 || jaccard[c] < jaccard[weakest]) {
                    weakest = c;
                }
            }
            return weakest;
        }
    }

    /**
     * The signals for k that come from a whole curve rather than one configuration.
     *
     * @param algorithm whose fits they come from
     * @param gap       the gap statistic, if computed
     * @param elbow     the knee of that algorithm's inertia curve (Kneedle), if it has one
     */
    public record KSignals(String algorithm, Optional<GapStatistic.Result> gap, OptionalInt elbow) {
        public static final KSignals NONE = new KSignals("", Optional.empty(), OptionalInt.empty());
    }

    /**
     * One criterion's own preference.
     *
     * @param prefers the configuration it prefers (a label), or empty when it has no preference
     * @param k       the k it prefers, when it has one
     * @param meaning what the criterion rewards, in plain words
     */
    public record Preference(String criterion, Optional<String> prefers, OptionalInt k, String meaning) {
    }

    /** A configuration the rule would not recommend, and why, in plain words. */
    public record Exclusion(String label, String reason) {
    }

    /**
     * @param chosen         the configuration recommended, if any passes the gate
     * @param why            the reason, in words a marketing analyst reads
     * @param preferences    each criterion's preference, side by side
     * @param agreeingK      the k most criteria prefer, and how many of them do
     * @param excluded       every configuration the gate kept out, with its reason
     * @param atRangeEnd     whether the chosen k is the largest searched for its algorithm
     * @param notes          further facts worth a sentence (stability not measured, gap still growing)
     */
    public record Decision(Goal goal, Optional<Evidence> chosen, String why, List<Preference> preferences,
                           Agreement agreeingK, List<Exclusion> excluded, boolean atRangeEnd, List<String> notes) {
    }

    /** How many criteria that name a k name the most common one. */
    public record Agreement(OptionalInt k, int agreeing, int stating) {
        public boolean unanimous() {
            return stating > 0 && agreeing == stating;
        }
    }

    public double minSegmentJaccard() {
        return minSegmentJaccard;
    }

    public double maxNoise() {
        return maxNoise;
    }

    public Decision select(List<Evidence> all, KSignals signals, Goal goal) {
        List<Exclusion> excluded = new ArrayList<>();
        List<Evidence> passed = new ArrayList<>();
        for (Evidence e : all) {
            Optional<String> reason = exclusion(e);
            reason.ifPresentOrElse(r -> excluded.add(new Exclusion(e.label(), r)), () -> passed.add(e));
        }
        List<Preference> preferences = preferences(all, signals);
        List<String> notes = new ArrayList<>();
        if (all.stream().anyMatch(e -> !e.failedToFit()) && all.stream().noneMatch(Evidence::stabilityMeasured)) {
            notes.add("Stability was not measured, so the recommendation could not check that its segments come back "
                    + "when the customers are resampled.");
        }
        signals.gap().filter(g -> g.chosen().equals(OptionalInt.of(1))).ifPresent(g -> notes.add("The gap statistic finds "
                + "no group structure stronger than in uniformly spread data (its 1-SE choice is k = 1): any segmentation "
                + "here cuts a continuum."));
        signals.gap().filter(g -> g.chosen().isEmpty()).ifPresent(g -> notes.add("The gap statistic still grows at the "
                + "largest k searched (" + g.ks()[g.ks().length - 1] + "): the data may hold more segments than the range covers."));
        Choice choice = choose(passed, signals, goal);
        boolean atEnd = choice.chosen().map(c -> c.k().isPresent() && count(all, c.algorithm()) > 1
                && largestK(all, c.algorithm()).orElse(-1) == c.k().getAsInt()).orElse(false);
        return new Decision(goal, choice.chosen(), choice.why(), preferences, agreement(preferences), excluded, atEnd, notes);
    }

    private record Choice(Optional<Evidence> chosen, String why) {
    }

    private Optional<String> exclusion(Evidence e) {
        if (e.failedToFit()) {
            return Optional.of("could not be fitted: " + e.error());
        }
        if (e.segments() < 2) {
            return Optional.of("found " + (e.segments() == 1 ? "a single segment" : "no segment") + ", nothing to tell apart");
        }
        if (e.noiseFraction() > maxNoise) {
            return Optional.of(String.format(Locale.ROOT, "%.0f%% of customers are left without a segment (at most %.0f%% "
                    + "allowed), so its scores describe only the rest", 100 * e.noiseFraction(), 100 * maxNoise));
        }
        if (e.stabilityMeasured() && !(e.minJaccard() >= minSegmentJaccard)) {
            return Optional.of(String.format(Locale.ROOT, "segment %d does not hold together: when the customers are "
                            + "resampled it keeps on average only %.0f%% of its members (Jaccard %.2f; at least %.2f needed)",
                    e.weakestSegment(), 100 * e.minJaccard(), e.minJaccard(), minSegmentJaccard));
        }
        return Optional.empty();
    }

    private Choice choose(List<Evidence> passed, KSignals signals, Goal goal) {
        if (passed.isEmpty()) {
            return new Choice(Optional.empty(), "No configuration passes: each one has a segment that does not hold together "
                    + "under resampling, leaves most customers unassigned, or failed (see below). Try fewer segments or "
                    + "another algorithm.");
        }
        return switch (goal) {
            case DEFAULT -> bestSilhouette(passed);
            case FEWEST -> parsimonious(passed);
            case STABILITY -> mostStable(passed);
            case GAP -> byGap(passed, signals);
        };
    }

    private Choice parsimonious(List<Evidence> passed) {
        Evidence best = best(passed, Evidence::silhouette).orElseThrow();
        double bar = best.silhouette() - (Double.isFinite(best.silhouetteStandardError()) ? best.silhouetteStandardError() : 0);
        // Parsimony only ever trades toward fewer segments; between equals the best silhouette stays.
        Evidence chosen = passed.stream().filter(e -> e.silhouette() >= bar && e.segments() < best.segments())
                .min(Comparator.comparingInt(Evidence::segments)
                        .thenComparing(Comparator.comparingDouble(SelectionRule::stabilityOrZero).reversed())
                        .thenComparing(Comparator.comparingDouble(Evidence::silhouette).reversed()))
                .orElse(best);
        StringBuilder why = new StringBuilder(String.format(Locale.ROOT, "%s: %s", chosen.label(), holdsTogether(chosen)));
        if (chosen == best) {
            why.append(String.format(Locale.ROOT, " Among the segmentations that pass this check, its segments are the most "
                    + "clearly separated from each other (silhouette %.3f).", chosen.silhouette()));
        } else {
            why.append(String.format(Locale.ROOT, " %s separates customers slightly better (silhouette %.3f against %.3f), "
                            + "but the difference is within the measurement's own uncertainty (one standard error, %.3f), "
                            + "so the simpler segmentation with %d segments is recommended.", best.label(), best.silhouette(),
                    chosen.silhouette(), best.silhouetteStandardError(), chosen.segments()));
        }
        return new Choice(Optional.of(chosen), why.toString());
    }

    private Choice bestSilhouette(List<Evidence> passed) {
        Evidence chosen = best(passed, Evidence::silhouette).orElseThrow();
        return new Choice(Optional.of(chosen), String.format(Locale.ROOT, "%s: %s Among the segmentations that pass this "
                        + "check, its segments are the most clearly separated from each other (silhouette %.3f).",
                chosen.label(), holdsTogether(chosen), chosen.silhouette()));
    }

    private Choice mostStable(List<Evidence> passed) {
        Optional<Evidence> chosen = passed.stream().filter(Evidence::stabilityMeasured)
                .max(Comparator.comparingDouble(Evidence::meanJaccard).thenComparing(Evidence::segments, Comparator.reverseOrder()));
        return chosen.map(c -> new Choice(Optional.of(c), String.format(Locale.ROOT, "%s: chosen because its segments "
                        + "come back most reliably when the customers are resampled (on average %.0f%% of each segment's "
                        + "members stay together, Jaccard %.2f). Stable segmentations are often coarse: few, large segments.",
                c.label(), 100 * c.meanJaccard(), c.meanJaccard())))
                .orElse(new Choice(Optional.empty(), "Stability was not measured (no bootstrap refits), so the most stable "
                        + "configuration cannot be named."));
    }

    private Choice byGap(List<Evidence> passed, KSignals signals) {
        if (signals.gap().isEmpty()) {
            return new Choice(Optional.empty(), "The gap statistic was not computed (it needs an algorithm with a k parameter "
                    + "over at least two values of k).");
        }
        GapStatistic.Result gap = signals.gap().get();
        List<Evidence> sameAlgorithm = passed.stream().filter(e -> e.algorithm().equals(signals.algorithm())
                && e.k().isPresent()).sorted(Comparator.comparingInt(e -> e.k().getAsInt())).toList();
        // The 1-SE rule among the configurations that pass the gate: the smallest k whose gap is within one standard
        // error of the next k's.
        for (Evidence e : sameAlgorithm) {
            int k = e.k().getAsInt();
            int next = nextK(gap.ks(), k);
            if (next > 0 && gap.gapAt(k) >= gap.gapAt(next) - gap.standardErrorAt(next)) {
                return new Choice(Optional.of(e), String.format(Locale.ROOT, "%s: %s Chosen by the gap statistic: with %d "
                                + "segments the customers are much tighter than they would be in data without any groups "
                                + "(gap %.3f), and one more segment would not tighten them noticeably more (gap %.3f at k = %d, "
                                + "within one standard error, %.3f).", e.label(), holdsTogether(e), k, gap.gapAt(k),
                        gap.gapAt(next), next, gap.standardErrorAt(next)));
            }
        }
        return new Choice(Optional.empty(), "The gap statistic keeps growing over every k that passes the stability check: "
                + "search a wider range of k.");
    }

    private String holdsTogether(Evidence e) {
        if (!e.stabilityMeasured()) {
            return "stability was not measured.";
        }
        return String.format(Locale.ROOT, "every one of its %d segments holds together when the customers are resampled "
                        + "(the weakest keeps %.0f%% of its members on average; %.0f%% is the bar).", e.segments(),
                100 * e.minJaccard(), 100 * minSegmentJaccard);
    }

    private List<Preference> preferences(List<Evidence> all, KSignals signals) {
        List<Evidence> usable = all.stream().filter(e -> !e.failedToFit() && e.segments() >= 2 && e.noiseFraction() <= maxNoise)
                .toList();
        List<Preference> out = new ArrayList<>();
        out.add(preference("silhouette", best(usable, Evidence::silhouette),
                "how much closer customers are to their own segment than to the next one (higher is better)"));
        out.add(preference("Davies-Bouldin", best(usable, e -> -e.daviesBouldin()),
                "how compact segments are against how far apart (lower is better)"));
        out.add(preference("Calinski-Harabasz", best(usable, Evidence::calinskiHarabasz),
                "spread between segments against spread within them (higher is better)"));
        out.add(preference("stability", best(usable.stream().filter(Evidence::stabilityMeasured).toList(), Evidence::meanJaccard),
                "how well segments come back when the customers are resampled (higher is better)"));
        OptionalInt gapK = signals.gap().map(GapStatistic.Result::chosen).orElse(OptionalInt.empty());
        out.add(signal("gap statistic", signals.algorithm(), gapK, all,
                "the fewest segments after which one more stops tightening them beyond what structureless data would show"));
        out.add(signal("elbow", signals.algorithm(), signals.elbow(), all,
                "where adding segments stops paying off on the inertia curve (Kneedle)"));
        return out;
    }

    private static Preference preference(String criterion, Optional<Evidence> best, String meaning) {
        return new Preference(criterion, best.map(Evidence::label), best.map(Evidence::k).orElse(OptionalInt.empty()), meaning);
    }

    private static Preference signal(String criterion, String algorithm, OptionalInt k, List<Evidence> all, String meaning) {
        Optional<String> label = k.isEmpty() ? Optional.empty() : all.stream()
                .filter(e -> e.algorithm().equals(algorithm) && e.k().equals(k)).map(Evidence::label).findFirst();
        return new Preference(criterion, label, k, meaning);
    }

    private static Agreement agreement(List<Preference> preferences) {
        int[] ks = preferences.stream().filter(p -> p.k().isPresent()).mapToInt(p -> p.k().getAsInt()).toArray();
        int bestK = -1;
        int bestCount = 0;
        for (int k : ks) {
            int count = (int) Arrays.stream(ks).filter(other -> other == k).count();
            if (count > bestCount || (count == bestCount && k < bestK)) {
                bestK = k;
                bestCount = count;
            }
        }
        return new Agreement(bestK < 0 ? OptionalInt.empty() : OptionalInt.of(bestK), bestCount, ks.length);
    }

    private static Optional<Evidence> best(List<Evidence> candidates, ToDoubleFunction<Evidence> score) {
        // Ties go to the first listed, which callers order by algorithm and then k: the simpler one.
        Evidence best = null;
        for (Evidence e : candidates) {
            double value = score.applyAsDouble(e);
            if (!Double.isNaN(value) && (best == null || value > score.applyAsDouble(best))) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double stabilityOrZero(Evidence e) {
        return e.stabilityMeasured() ? e.minJaccard() : 0;
    }

    private static OptionalInt largestK(List<Evidence> all, String algorithm) {
        return all.stream().filter(e -> e.algorithm().equals(algorithm) && e.k().isPresent())
                .mapToInt(e -> e.k().getAsInt()).max();
    }

    private static long count(List<Evidence> all, String algorithm) {
        return all.stream().filter(e -> e.algorithm().equals(algorithm) && e.k().isPresent()).count();
    }

    private static int nextK(int[] ks, int k) {
        for (int i = 0; i + 1 < ks.length; i++) {
            if (ks[i] == k) {
                return ks[i + 1];
            }
        }
        return -1;
    }
}
