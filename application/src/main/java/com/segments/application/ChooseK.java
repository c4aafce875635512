package com.segments.application;

import com.segments.domain.feature.DataMatrix;
import com.segments.domain.metric.KRange;
import com.segments.domain.metric.SelectionRule;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Picks k for a training that names none, by the same rule as {@code segments compare} (the default: the best
 * silhouette among segmentations that hold together under resampling), on k-means over the range sized to the data.
 * It looks less hard than a comparison so that training stays fast: {@value #RESTARTS} k-means++ restarts per k, {@value #BOOTSTRAP} bootstrap
 * refits of at most {@value #SAMPLE_ROWS} rows, the silhouette exact up to {@value #SILHOUETTE_ROWS} rows, and no gap
 * statistic (its reference draws would cost as much as the refits, and the default rule does not read it; compare
 * shows it). The samples keep compare's size (3,000 rows): smaller bootstrap samples make
 * small real segments look unstable (a segment of 40 customers has about 13 in a 1,000-row sample) and push k down.
 * On CC GENERAL (8,950 customers, k 2..25) that is 24 fits on all rows and 144 on samples.
 */
public final class ChooseK {

    static final String ALGORITHM = "kmeans";
    static final int RESTARTS = 3;
    static final int BOOTSTRAP = 6;
    static final int GAP_DRAWS = 0;
    static final int SAMPLE_ROWS = 3000;
    static final int SILHOUETTE_ROWS = 2000;

    private final CompareAlgorithms compare;

    public ChooseK(AlgorithmCatalog algorithms) {
        this.compare = new CompareAlgorithms(algorithms);
    }

    /**
     * What was chosen and the evidence: every k's measurements and the rule's decision.
     *
     * @param k        the number of segments to train
     * @param range    the k searched
     * @param evidence per k, what the rule read
     * @param decision the rule's decision, with every criterion's preference
     */
    public record Choice(int k, KRange range, List<SelectionRule.Evidence> evidence, SelectionRule.Decision decision) {

        /** One line for the person who ran the training: which k and why. */
        public String summary() {
            String agreement = decision.agreeingK().k().isPresent() ? String.format(Locale.ROOT, "; %d of %d criteria prefer k = %d",
                    decision.agreeingK().agreeing(), decision.agreeingK().stating(), decision.agreeingK().k().getAsInt()) : "";
            String end = decision.atRangeEnd() ? "; k = " + k + " is the largest searched, so there may be more segments "
                    + "(compare with --k " + range.wider() + ")" : "";
            if (decision.chosen().isEmpty()) {
                return String.format(Locale.ROOT, "No k in %s has every segment holding together under resampling; trained "
                        + "k = %d, the most stable, and treat its segments with care%s.", range, k, agreement);
            }
            SelectionRule.Evidence chosen = decision.chosen().get();
            return String.format(Locale.ROOT, "Chose k = %d of %s by the rule of 'segments compare': every segment holds "
                            + "together when customers are resampled (weakest %.2f), and no other such k separates customers "
                            + "clearly better (silhouette %.3f)%s%s.", k, range, chosen.minJaccard(), chosen.silhouette(),
                    agreement, end);
        }
    }

    /** Chooses k for the preprocessed matrix {@code x}. */
    public Choice choose(DataMatrix x, long seed, BooleanSupplier cancelled) {
        KRange range = KRange.forRows(x.rows());
        List<CompareAlgorithms.Candidate> candidates = compare.expand(
                List.of(new CompareAlgorithms.Candidate(ALGORITHM, Map.of("restarts", RESTARTS))), range);
        CompareAlgorithms.Effort effort = new CompareAlgorithms.Effort(BOOTSTRAP, SAMPLE_ROWS, GAP_DRAWS, SILHOUETTE_ROWS);
        CompareAlgorithms.Evaluation evaluation = compare.evaluate(x, candidates, range, true, effort,
                SelectionRule.Goal.DEFAULT, seed, CompareAlgorithms.Listener.SILENT, cancelled);
        List<SelectionRule.Evidence> evidence = evaluation.outcomes().stream().map(CompareAlgorithms.Outcome::evidence).toList();
        SelectionRule.Decision decision = evaluation.recommendation().decision();
        // When nothing passes the gate, the most stable k is still trained (a training must produce a model), and the
        // summary says so.
        int k = decision.chosen().map(e -> e.k().getAsInt()).orElseGet(() -> evidence.stream()
                .filter(e -> !e.failedToFit() && e.stabilityMeasured())
                .max(java.util.Comparator.comparingDouble(SelectionRule.Evidence::minJaccard))
                .map(e -> e.k().getAsInt()).orElse(range.from()));
        return new Choice(k, range, evidence, decision);
    }
}
