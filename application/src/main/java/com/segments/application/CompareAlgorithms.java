package com.segments.application;

import com.segments.application.features.InferenceReport;
import com.segments.application.features.PreparedTable;
import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.Projector;
import com.segments.domain.metric.ClusterQuality;
import com.segments.domain.metric.Silhouette;
import com.segments.domain.metric.Stability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs several algorithm configurations on the same data, measures each (silhouette, Davies-Bouldin,
 * Calinski-Harabasz, noise, bootstrap stability, fit time), ranks them and explains which to trust and why.
 * Every configuration sees the same preprocessed matrix, the same seed and the same bootstrap samples.
 */
public final class CompareAlgorithms {

    /** Configurations whose segments leave more than this share of customers unassigned rank last. */
    static final double MAX_NOISE = 0.5;
    private static final int PROJECTED_ROWS = 3000;

    private final DataReader reader;
    private final AlgorithmCatalog algorithms;
    private final Optional<Projector> projector;

    public CompareAlgorithms(DataReader reader, AlgorithmCatalog algorithms) {
        this.reader = reader;
        this.algorithms = algorithms;
        this.projector = reader.projector();
    }

    /** One configuration to try: a plugin and its parameters. */
    public record Candidate(String algorithm, Map<String, Integer> parameters) {
        public Candidate {
            Objects.requireNonNull(algorithm, "algorithm");
            parameters = Map.copyOf(parameters);
        }
    }

    /**
     * @param bootstrap     B, bootstrap refits per configuration for stability (0 skips stability)
     * @param stabilityRows rows per bootstrap sample at most (an m-out-of-n bootstrap above it)
     */
    public record Command(DataInput input, List<Candidate> candidates, int bootstrap, int stabilityRows, long seed) {

        /** A customer table with inferred features. */
        public Command(Path data, Character delimiter, List<Candidate> candidates, int bootstrap, int stabilityRows,
                       long seed) {
            this(DataInput.customers(data, delimiter, null), candidates, bootstrap, stabilityRows, seed);
        }

        public Command {
            Objects.requireNonNull(input, "input");
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new SegmentsException("nothing to compare: give at least one algorithm");
            }
            if (bootstrap < 0 || bootstrap > 1000) {
                throw new SegmentsException("--bootstrap must be between 0 and 1000, got " + bootstrap);
            }
            if (stabilityRows < 50) {
                throw new SegmentsException("--stability-rows must be at least 50, got " + stabilityRows);
            }
        }
    }

    /** Hears about progress; asked nothing. */
    public interface Listener {
        void progress(int done, int total, String working);

        Listener SILENT = (done, total, working) -> {
        };
    }

    /** Thrown when the comparison was cancelled; carries what was finished. */
    public static final class Cancelled extends SegmentsException {
        private final int finished;

        Cancelled(int finished, int total) {
            super("comparison cancelled after " + finished + " of " + total + " configurations");
            this.finished = finished;
        }

        public int finished() {
            return finished;
        }
    }

    /**
     * The measurements of one configuration, or why it could not be fitted.
     *
     * @param labels training labels (for the report's pictures); empty when it failed
     */
    public record Outcome(Candidate candidate, String algorithm, AlgorithmParameters parameters, ClusterQuality quality,
                          Stability.Result stability, double inertia, Duration fitTime, Map<String, Object> diagnostics,
                          String error, int[] labels) {

        public boolean failed() {
            return error != null;
        }

        public String label() {
            return algorithm + " " + (parameters == null ? candidate.parameters() : parameters.describe());
        }

        /** The parameters that vary in a comparison, short: "k=4", "minClusterSize=50". */
        public String shortLabel() {
            Map<String, Integer> given = candidate.parameters();
            StringBuilder out = new StringBuilder(algorithm);
            given.keySet().stream().sorted().forEach(name -> out.append(' ').append(name).append('=').append(given.get(name)));
            return out.toString();
        }

        public double meanStability() {
            return stability == null ? Double.NaN : stability.meanJaccard();
        }

        boolean usable() {
            return !failed() && quality.segments() >= 2 && quality.noiseFraction() <= MAX_NOISE;
        }
    }

    /**
     * @param chosen  the configuration to trust, if any is usable
     * @param reasons why, and where the rules disagree, in plain sentences
     * @param elbowK  the k where k-means' inertia curve bends most, if k-means was compared over 3 or more k
     */
    public record Recommendation(Optional<Outcome> chosen, List<String> reasons, Optional<Integer> elbowK) {
    }

    /**
     * @param ranked     every configuration, best first; unusable ones (failed, one segment, mostly noise) last
     * @param projection the first two principal components of up to 3000 sampled rows, for a scatter plot
     * @param projected  which rows those are
     */
    public record Comparison(InferenceReport inference, int rows, List<String> features, List<Outcome> ranked,
                             Recommendation recommendation, Optional<DataMatrix> projection, int[] projected,
                             int bootstrap, int stabilityRows, long seed, Duration elapsed) {
    }

    public Comparison compare(Command command, Listener listener, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        List<ClusteringAlgorithm> plugins = new ArrayList<>();
        List<AlgorithmParameters> resolved = new ArrayList<>();
        for (Candidate candidate : command.candidates()) {
            ClusteringAlgorithm plugin = algorithms.require(candidate.algorithm());
            plugins.add(plugin);
            resolved.add(plugin.descriptor().resolve(candidate.parameters()));
        }
        PreparedTable data = reader.prepare(command.input());
        DataMatrix x = data.transformed();
        List<DataMatrix> samples = command.bootstrap() == 0 ? List.of()
                : Stability.samples(x, command.bootstrap(), command.stabilityRows(), command.seed());

        int total = command.candidates().size();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (cancelled.getAsBoolean()) {
                throw new Cancelled(i, total);
            }
            Candidate candidate = command.candidates().get(i);
            listener.progress(i, total, candidate.algorithm() + " " + candidate.parameters());
            outcomes.add(measure(candidate, plugins.get(i), resolved.get(i), x, samples, command.seed(), cancelled, i, total));
        }
        listener.progress(total, total, "done");

        List<Outcome> ranked = rank(outcomes);
        Recommendation recommendation = recommend(ranked);
        int[] projected = projectedRows(x.rows(), command.seed());
        Optional<DataMatrix> projection = projector.map(p -> p.project(x.selectRows(projected), 2));
        return new Comparison(data.report(), x.rows(), data.profiles().schema().features(), ranked,
                recommendation, projection, projected, command.bootstrap(), command.stabilityRows(), command.seed(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static Outcome measure(Candidate candidate, ClusteringAlgorithm plugin, AlgorithmParameters parameters,
                                   DataMatrix x, List<DataMatrix> samples, long seed, BooleanSupplier cancelled,
                                   int index, int total) {
        long started = System.nanoTime();
        ClusteringResult result;
        try {
            result = plugin.fit(x, parameters, seed);
        } catch (SegmentsException e) {
            return new Outcome(candidate, plugin.id(), parameters, null, null, Double.NaN,
                    Duration.ofNanos(System.nanoTime() - started), Map.of(), e.getMessage(), new int[0]);
        }
        Duration fitTime = Duration.ofNanos(System.nanoTime() - started);
        ClusterQuality quality = ClusterQuality.of(x, result.labels(), Silhouette.DEFAULT_MAX_ROWS, seed);
        Stability.Result stability = samples.isEmpty() ? null
                : Stability.bootstrap(x, result.labels(), result.rule().segmentCount(), samples, seed, (sample, refitSeed) -> {
                    if (cancelled.getAsBoolean()) {
                        throw new Cancelled(index, total);
                    }
                    try {
                        return plugin.fit(sample, parameters, refitSeed).rule();
                    } catch (SegmentsException e) {
                        return null;
                    }
                });
        return new Outcome(candidate, plugin.id(), parameters, quality, stability, result.inertia(), fitTime,
                result.diagnostics(), null, result.labels());
    }

    /**
     * Usable configurations first, ordered by their mean rank over silhouette (higher is better), Davies-Bouldin
     * (lower), Calinski-Harabasz (higher) and mean stability (higher, when measured); ties by silhouette.
     */
    static List<Outcome> rank(List<Outcome> outcomes) {
        List<Outcome> usable = outcomes.stream().filter(Outcome::usable).toList();
        double[] score = new double[usable.size()];
        addRanks(usable, score, o -> o.quality().silhouette(), true);
        addRanks(usable, score, o -> o.quality().daviesBouldin(), false);
        addRanks(usable, score, o -> o.quality().calinskiHarabasz(), true);
        if (usable.stream().anyMatch(o -> !Double.isNaN(o.meanStability()))) {
            addRanks(usable, score, Outcome::meanStability, true);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> score[i])
                .thenComparing(i -> -usable.get(i).quality().silhouette()));
        List<Outcome> ranked = new ArrayList<>();
        order.forEach(i -> ranked.add(usable.get(i)));
        outcomes.stream().filter(o -> !o.usable()).forEach(ranked::add);
        return ranked;
    }

    private static void addRanks(List<Outcome> usable, double[] score, java.util.function.ToDoubleFunction<Outcome> metric,
                                 boolean higherIsBetter) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> {
            double v = metric.applyAsDouble(usable.get(i));
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : higherIsBetter ? -v : v;
        }));
        for (int position = 0; position < order.size(); position++) {
            score[order.get(position)] += position + 1;
        }
    }

    static Recommendation recommend(List<Outcome> ranked) {
        List<String> reasons = new ArrayList<>();
        List<Outcome> usable = ranked.stream().filter(Outcome::usable).toList();
        Optional<Integer> elbow = elbow(ranked);
        if (usable.isEmpty()) {
            reasons.add("No configuration gave at least two segments covering most customers; try other parameters.");
            return new Recommendation(Optional.empty(), reasons, elbow);
        }
        Outcome chosen = usable.getFirst();
        Outcome bestSilhouette = usable.stream().max(Comparator.comparingDouble(o -> o.quality().silhouette())).orElseThrow();
        Optional<Outcome> mostStable = usable.stream().filter(o -> !Double.isNaN(o.meanStability()))
                .max(Comparator.comparingDouble(Outcome::meanStability));

        reasons.add(String.format(Locale.ROOT, "%s ranks first on average over silhouette (%.3f), Davies-Bouldin (%.3f), "
                        + "Calinski-Harabasz (%.0f)%s.", chosen.shortLabel(), chosen.quality().silhouette(),
                chosen.quality().daviesBouldin(), chosen.quality().calinskiHarabasz(),
                Double.isNaN(chosen.meanStability()) ? "" : String.format(Locale.ROOT, " and stability (mean Jaccard %.2f)",
                        chosen.meanStability())));
        reasons.add(String.format(Locale.ROOT, "Best silhouette: %s (%.3f).", bestSilhouette.shortLabel(),
                bestSilhouette.quality().silhouette()));
        mostStable.ifPresent(o -> reasons.add(String.format(Locale.ROOT,
                "Most stable under %d bootstrap refits: %s (mean Jaccard %.2f, mean ARI between refits %.2f).",
                o.stability().refits(), o.shortLabel(), o.meanStability(), o.stability().meanAri())));
        elbow.ifPresent(k -> reasons.add("The k-means inertia curve bends most at k = " + k + " (elbow)."));

        List<String> preferences = new ArrayList<>();
        if (bestSilhouette != chosen) {
            preferences.add("silhouette prefers " + bestSilhouette.shortLabel());
        }
        mostStable.filter(o -> o != chosen).ifPresent(o -> preferences.add("stability prefers " + o.shortLabel()));
        elbow.filter(k -> !Objects.equals(chosen.candidate().parameters().get("k"), k))
                .ifPresent(k -> preferences.add("the elbow suggests k = " + k));
        if (!preferences.isEmpty()) {
            reasons.add("The rules disagree: " + String.join("; ", preferences) + ". Silhouette rewards few, well-separated "
                    + "segments (it often peaks at k = 2), stability rewards segments that resampling reproduces, the elbow "
                    + "marks where more segments stop paying off; the recommendation balances all of them.");
        }
        if (chosen.stability() != null && chosen.stability().dissolved() > 0) {
            reasons.add(chosen.stability().dissolved() + " of " + chosen.quality().segments() + " segments of "
                    + chosen.shortLabel() + " dissolve under resampling (Jaccard <= 0.5): treat them with care.");
        }
        ranked.stream().filter(o -> !o.failed() && o.quality().noiseFraction() > MAX_NOISE).forEach(o -> reasons.add(
                String.format(Locale.ROOT, "%s was ranked last: %.0f%% of customers are noise, so its scores describe only "
                        + "the rest.", o.shortLabel(), 100 * o.quality().noiseFraction())));
        ranked.stream().filter(Outcome::failed).forEach(o -> reasons.add(o.shortLabel() + " could not be fitted: " + o.error()));
        return new Recommendation(Optional.of(chosen), reasons, elbow);
    }

    /** Kneedle-style elbow: the k whose inertia lies farthest below the chord from the first k to the last. */
    static Optional<Integer> elbow(List<Outcome> outcomes) {
        List<Outcome> kmeans = outcomes.stream()
                .filter(o -> !o.failed() && "kmeans".equals(o.algorithm()) && o.parameters().values().containsKey("k"))
                .sorted(Comparator.comparingInt(o -> o.parameters().get("k"))).toList();
        if (kmeans.size() < 3) {
            return Optional.empty();
        }
        double x0 = kmeans.getFirst().parameters().get("k");
        double x1 = kmeans.getLast().parameters().get("k");
        double y0 = kmeans.getFirst().inertia();
        double y1 = kmeans.getLast().inertia();
        Integer best = null;
        double bestGap = 0;
        for (Outcome o : kmeans) {
            double k = o.parameters().get("k");
            double chord = y0 + (y1 - y0) * (k - x0) / (x1 - x0);
            double gap = (chord - o.inertia()) / Math.max(Math.abs(y0 - y1), Double.MIN_VALUE);
            if (gap > bestGap) {
                bestGap = gap;
                best = (int) k;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int[] projectedRows(int rows, long seed) {
        if (rows <= PROJECTED_ROWS) {
            return java.util.stream.IntStream.range(0, rows).toArray();
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        return random.ints(0, rows).distinct().limit(PROJECTED_ROWS).sorted().toArray();
    }
}
