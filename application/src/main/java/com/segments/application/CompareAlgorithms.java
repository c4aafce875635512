package com.segments.application;

import com.segments.application.features.InferenceReport;
import com.segments.application.features.PreparedTable;
import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.AlgorithmParameters;
import com.segments.domain.cluster.ClusteringAlgorithm;
import com.segments.domain.cluster.ClusteringResult;
import com.segments.domain.cluster.PredictAgreement;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.Projector;
import com.segments.domain.metric.ClusterQuality;
import com.segments.domain.metric.GapStatistic;
import com.segments.domain.metric.KRange;
import com.segments.domain.metric.Kneedle;
import com.segments.domain.metric.SelectionRule;
import com.segments.domain.metric.Silhouette;
import com.segments.domain.metric.Stability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * Runs several algorithm configurations on the same data, measures each (silhouette, Davies-Bouldin,
 * Calinski-Harabasz, noise, bootstrap stability, fit time), computes the signals for k (gap statistic, elbow) and
 * recommends one configuration by a stated {@link SelectionRule}. Every configuration sees the same preprocessed
 * matrix, the same seed and the same bootstrap samples.
 */
public final class CompareAlgorithms {

    /** Reference draws for the gap statistic when none are asked for. */
    public static final int DEFAULT_GAP_DRAWS = 10;
    private static final int PROJECTED_ROWS = 3000;

    private final DataReader reader;
    private final AlgorithmCatalog algorithms;
    private final Optional<Projector> projector;
    private final SelectionRule rule = new SelectionRule();

    public CompareAlgorithms(DataReader reader, AlgorithmCatalog algorithms) {
        this.reader = reader;
        this.algorithms = algorithms;
        this.projector = reader.projector();
    }

    /** For evaluating configurations on a matrix already prepared ({@link ChooseK}): reads no data itself. */
    CompareAlgorithms(AlgorithmCatalog algorithms) {
        this.reader = null;
        this.algorithms = algorithms;
        this.projector = Optional.empty();
    }

    /**
     * One configuration to try: a plugin and its parameters. A plugin that takes k but is given none here is tried
     * at every k of the command's range.
     */
    public record Candidate(String algorithm, Map<String, Integer> parameters) {
        public Candidate {
            Objects.requireNonNull(algorithm, "algorithm");
            parameters = Map.copyOf(parameters);
        }
    }

    /**
     * How hard to look, apart from which configurations.
     *
     * @param bootstrap      B, bootstrap refits per configuration for stability (0 skips stability)
     * @param stabilityRows  rows per bootstrap sample and per gap reference draw at most
     * @param gapDraws       reference draws for the gap statistic (0 skips it)
     * @param silhouetteRows rows up to which the silhouette is exact (sampled per segment above)
     */
    public record Effort(int bootstrap, int stabilityRows, int gapDraws, int silhouetteRows) {
        public Effort {
            if (bootstrap < 0 || bootstrap > 1000) {
                throw new SegmentsException("--bootstrap must be between 0 and 1000, got " + bootstrap);
            }
            if (stabilityRows < 50) {
                throw new SegmentsException("--stability-rows must be at least 50, got " + stabilityRows);
            }
            if (gapDraws < 0 || gapDraws > 1000) {
                throw new SegmentsException("--gap-draws must be between 0 and 1000, got " + gapDraws);
            }
        }
    }

    /**
     * @param range the k to try for plugins that take k and were given none; empty: sized to the data
     *              ({@link KRange#forRows})
     * @param goal  the selection rule
     */
    public record Command(DataInput input, List<Candidate> candidates, Optional<KRange> range, Effort effort,
                          SelectionRule.Goal goal, long seed) {

        /** A customer table with inferred features, the default rule and gap draws, explicit candidates. */
        public Command(Path data, Character delimiter, List<Candidate> candidates, int bootstrap, int stabilityRows,
                       long seed) {
            this(DataInput.customers(data, delimiter, null), candidates, Optional.empty(),
                    new Effort(bootstrap, stabilityRows, DEFAULT_GAP_DRAWS, Silhouette.DEFAULT_MAX_ROWS),
                    SelectionRule.Goal.DEFAULT, seed);
        }

        public Command {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(effort, "effort");
            Objects.requireNonNull(goal, "goal");
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new SegmentsException("nothing to compare: give at least one algorithm");
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
     * @param labels           training labels (for the report's pictures); empty when it failed
     * @param predictAgreement share of training rows the fit's prediction rule gives their training label, noise
     *                         included ({@link PredictAgreement}); NaN when it failed
     */
    public record Outcome(Candidate candidate, String algorithm, AlgorithmParameters parameters, ClusterQuality quality,
                          Stability.Result stability, double inertia, Duration fitTime, Map<String, Object> diagnostics,
                          String error, int[] labels, double predictAgreement) {

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

        public OptionalInt k() {
            Integer k = candidate.parameters().get("k");
            return k == null ? OptionalInt.empty() : OptionalInt.of(k);
        }

        /** What the selection rule reads. */
        public SelectionRule.Evidence evidence() {
            if (failed()) {
                return SelectionRule.Evidence.failed(shortLabel(), algorithm, k(), error);
            }
            return new SelectionRule.Evidence(shortLabel(), algorithm, k(), quality.segments(), quality.noiseFraction(),
                    quality.silhouette(), quality.silhouetteStandardError(), quality.daviesBouldin(),
                    quality.calinskiHarabasz(), stability == null ? new double[0] : stability.jaccard(), null);
        }
    }

    /**
     * @param decision        what the rule chose and why, every criterion's preference, what it excluded
     * @param chosen          the configuration recommended, if any
     * @param range           the k searched for plugins that take k
     * @param rangeSized      whether that range was sized to the data (no --k given)
     * @param signalAlgorithm the plugin whose fits the gap statistic and the elbow come from ("" when none)
     */
    public record Recommendation(SelectionRule.Decision decision, Optional<Outcome> chosen, KRange range,
                                 boolean rangeSized, String signalAlgorithm, Optional<GapStatistic.Result> gap,
                                 OptionalInt elbowK) {

        /** A wider range to try when the chosen k is the largest searched. */
        public Optional<KRange> widerRange() {
            return decision.atRangeEnd() ? Optional.of(range.wider()) : Optional.empty();
        }
    }

    /** Every configuration measured, in the order tried (by algorithm, then k), and the recommendation. */
    public record Evaluation(List<Outcome> outcomes, Recommendation recommendation) {
    }

    /**
     * @param outcomes   every configuration, in the order tried
     * @param projection the first two principal components of up to 3000 sampled rows, for a scatter plot
     * @param projected  which rows those are
     */
    public record Comparison(InferenceReport inference, int rows, List<String> features, List<Outcome> outcomes,
                             Recommendation recommendation, Optional<DataMatrix> projection, int[] projected,
                             Effort effort, long seed, Duration elapsed) {
    }

    public Comparison compare(Command command, Listener listener, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        command.candidates().forEach(c -> algorithms.require(c.algorithm()).descriptor().resolve(withSomeK(c)));
        PreparedTable data = reader.prepare(command.input());
        DataMatrix x = data.transformed();
        boolean sized = command.range().isEmpty();
        KRange range = command.range().orElseGet(() -> KRange.forRows(x.rows()));
        Evaluation evaluation = evaluate(x, expand(command.candidates(), range), range, sized, command.effort(),
                command.goal(), command.seed(), listener, cancelled);
        int[] projected = projectedRows(x.rows(), command.seed());
        Optional<DataMatrix> projection = projector.map(p -> p.project(x.selectRows(projected), 2));
        return new Comparison(data.report(), x.rows(), data.profiles().schema().features(), evaluation.outcomes(),
                evaluation.recommendation(), projection, projected, command.effort(), command.seed(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Validates a candidate's other parameters before any work, with a k the plugin accepts when none is given. */
    private Map<String, Integer> withSomeK(Candidate candidate) {
        if (candidate.parameters().containsKey("k") || !takesK(algorithms.require(candidate.algorithm()))) {
            return candidate.parameters();
        }
        Map<String, Integer> parameters = new HashMap<>(candidate.parameters());
        parameters.put("k", 2);
        return parameters;
    }

    static boolean takesK(ClusteringAlgorithm plugin) {
        return plugin.descriptor().parameters().stream().anyMatch(p -> p.name().equals("k"));
    }

    /** Candidates with every plugin that takes k but was given none tried at each k of the range. */
    List<Candidate> expand(List<Candidate> candidates, KRange range) {
        List<Candidate> expanded = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.parameters().containsKey("k") || !takesK(algorithms.require(candidate.algorithm()))) {
                expanded.add(candidate);
                continue;
            }
            for (int k : range.values()) {
                Map<String, Integer> parameters = new HashMap<>(candidate.parameters());
                parameters.put("k", k);
                expanded.add(new Candidate(candidate.algorithm(), parameters));
            }
        }
        return expanded;
    }

    /**
     * Measures every candidate on the preprocessed matrix, computes the signals for k and applies the rule. Training
     * without a k uses this too ({@link ChooseK}), so both choose by the same rule.
     */
    Evaluation evaluate(DataMatrix x, List<Candidate> candidates, KRange range, boolean sized, Effort effort,
                        SelectionRule.Goal goal, long seed, Listener listener, BooleanSupplier cancelled) {
        List<DataMatrix> samples = effort.bootstrap() == 0 ? List.of()
                : Stability.samples(x, effort.bootstrap(), effort.stabilityRows(), seed);
        int total = candidates.size();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (cancelled.getAsBoolean()) {
                throw new Cancelled(i, total);
            }
            Candidate candidate = candidates.get(i);
            ClusteringAlgorithm plugin = algorithms.require(candidate.algorithm());
            listener.progress(i, total, candidate.algorithm() + " " + candidate.parameters());
            outcomes.add(measure(candidate, plugin, plugin.descriptor().resolve(candidate.parameters()), x, samples,
                    effort.silhouetteRows(), seed, cancelled, i, total));
        }
        String signalAlgorithm = signalAlgorithm(outcomes);
        listener.progress(total, total, effort.gapDraws() > 0 && !signalAlgorithm.isEmpty() ? "gap statistic" : "done");
        Optional<GapStatistic.Result> gap = gap(outcomes, signalAlgorithm, x, effort, seed, cancelled, total);
        OptionalInt elbow = elbow(outcomes, signalAlgorithm);
        SelectionRule.KSignals signals = new SelectionRule.KSignals(signalAlgorithm, gap, elbow);
        SelectionRule.Decision decision = rule.select(outcomes.stream().map(Outcome::evidence).toList(), signals, goal);
        Optional<Outcome> chosen = decision.chosen().flatMap(e -> outcomes.stream()
                .filter(o -> o.shortLabel().equals(e.label())).findFirst());
        return new Evaluation(outcomes, new Recommendation(decision, chosen, range, sized, signalAlgorithm, gap, elbow));
    }

    private static Outcome measure(Candidate candidate, ClusteringAlgorithm plugin, AlgorithmParameters parameters,
                                   DataMatrix x, List<DataMatrix> samples, int silhouetteRows, long seed,
                                   BooleanSupplier cancelled, int index, int total) {
        long started = System.nanoTime();
        ClusteringResult result;
        try {
            result = plugin.fit(x, parameters, seed);
        } catch (SegmentsException e) {
            return new Outcome(candidate, plugin.id(), parameters, null, null, Double.NaN,
                    Duration.ofNanos(System.nanoTime() - started), Map.of(), e.getMessage(), new int[0], Double.NaN);
        }
        Duration fitTime = Duration.ofNanos(System.nanoTime() - started);
        ClusterQuality quality = ClusterQuality.of(x, result.labels(), silhouetteRows, seed);
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
                result.diagnostics(), null, result.labels(),
                PredictAgreement.of(result.rule(), x.rowMajorView(), result.labels()));
    }

    /** The first plugin compared over at least two k: the gap statistic and the elbow read its fits. */
    private static String signalAlgorithm(List<Outcome> outcomes) {
        Map<String, Long> fitted = new java.util.LinkedHashMap<>();
        outcomes.stream().filter(o -> !o.failed() && o.k().isPresent())
                .forEach(o -> fitted.merge(o.algorithm(), 1L, Long::sum));
        return fitted.entrySet().stream().filter(e -> e.getValue() >= 2).map(Map.Entry::getKey).findFirst().orElse("");
    }

    private static List<Outcome> curve(List<Outcome> outcomes, String algorithm) {
        return outcomes.stream().filter(o -> !o.failed() && o.algorithm().equals(algorithm) && o.k().isPresent())
                .sorted(Comparator.comparingInt(o -> o.k().getAsInt())).toList();
    }

    /** Kneedle on the signal plugin's inertia against k. */
    static OptionalInt elbow(List<Outcome> outcomes, String algorithm) {
        List<Outcome> points = curve(outcomes, algorithm);
        if (points.size() < 3) {
            return OptionalInt.empty();
        }
        double[] k = points.stream().mapToDouble(o -> o.k().getAsInt()).toArray();
        double[] inertia = points.stream().mapToDouble(o -> o.quality().withinSumOfSquares()).toArray();
        OptionalDouble knee = Kneedle.elbow(k, inertia);
        return knee.isPresent() ? OptionalInt.of((int) knee.getAsDouble()) : OptionalInt.empty();
    }

    /** The gap statistic over the signal plugin's k, its reference draws clustered by the same plugin. */
    private Optional<GapStatistic.Result> gap(List<Outcome> outcomes, String algorithm, DataMatrix x, Effort effort,
                                              long seed, BooleanSupplier cancelled, int total) {
        List<Outcome> points = curve(outcomes, algorithm);
        if (effort.gapDraws() == 0 || points.size() < 2) {
            return Optional.empty();
        }
        ClusteringAlgorithm plugin = algorithms.require(algorithm);
        int[] ks = points.stream().mapToInt(o -> o.k().getAsInt()).toArray();
        double[] w = points.stream().mapToDouble(o -> o.quality().withinSumOfSquares()).toArray();
        List<DataMatrix> references = GapStatistic.referenceDraws(x, effort.gapDraws(),
                Math.min(x.rows(), effort.stabilityRows()), seed);
        Map<Integer, AlgorithmParameters> parameters = new HashMap<>();
        points.forEach(o -> parameters.put(o.k().getAsInt(), o.parameters()));
        return Optional.of(GapStatistic.compute(x, ks, w, references, seed, (reference, k, drawSeed) -> {
            if (cancelled.getAsBoolean()) {
                throw new Cancelled(total, total);
            }
            try {
                return plugin.fit(reference, parameters.get(k), drawSeed).labels();
            } catch (SegmentsException e) {
                return null;
            }
        }));
    }

    private static int[] projectedRows(int rows, long seed) {
        if (rows <= PROJECTED_ROWS) {
            return java.util.stream.IntStream.range(0, rows).toArray();
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        return random.ints(0, rows).distinct().limit(PROJECTED_ROWS).sorted().toArray();
    }
}
