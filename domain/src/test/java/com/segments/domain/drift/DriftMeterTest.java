package com.segments.domain.drift;

import com.segments.domain.cluster.Assignments;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.Field;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DriftMeterTest {

    /** P-values do not decide levels; these tests look at distances and shares only. */
    private static final SignificanceTests NO_P_VALUES = new SignificanceTests() {
        @Override
        public double ksPValue(double d, int n, int m) {
            return Double.NaN;
        }

        @Override
        public double chiSquarePValue(double statistic, int degreesOfFreedom) {
            return Double.NaN;
        }
    };

    private static final FeatureSchema SCHEMA = new FeatureSchema(null, List.of(Field.number("income"),
            Field.number("spend"), Field.number("visits"), Field.category("channel", List.of("web", "branch", "(other)"),
                    Map.of(), false)), List.of());

    /** Rows: income ~ N(50, 10), spend ~ N(20, 5) with 2% missing, visits ~ N(8, 2); segment 0 when spend < 20. */
    private static double[] rows(int n, long seed, double[] shift, double zeroSpend, double segmentOneWeight) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] raw = new double[n * 4];
        for (int i = 0; i < n; i++) {
            double spend;
            do {
                spend = 20 + 5 * random.nextGaussian();
            } while (random.nextDouble() > (spend >= 20 ? segmentOneWeight : 1.0) / Math.max(1.0, segmentOneWeight));
            raw[i * 4] = 50 + 10 * random.nextGaussian() + shift[0];
            raw[i * 4 + 1] = random.nextDouble() < 0.02 ? Double.NaN : random.nextDouble() < zeroSpend ? 0 : spend;
            raw[i * 4 + 2] = 8 + 2 * random.nextGaussian() + shift[2];
            raw[i * 4 + 3] = random.nextDouble() < 0.7 ? 0 : 1;
        }
        return raw;
    }

    private static Assignments assign(double[] raw) {
        int n = raw.length / 4;
        Assignments out = new Assignments(n);
        for (int i = 0; i < n; i++) {
            double spend = raw[i * 4 + 1];
            int segment = Double.isNaN(spend) || spend < 20 ? 0 : 1;
            out.set(i, segment, Math.abs(raw[i * 4] - 50) / 10, 0.5, Math.abs(raw[i * 4] - 50) > 25);
        }
        return out;
    }

    private static DriftReference reference() {
        double[] raw = rows(50_000, 1, new double[3], 0, 1);
        Assignments a = assign(raw);
        int[] segments = new int[a.size()];
        boolean[] outliers = new boolean[a.size()];
        for (int i = 0; i < a.size(); i++) {
            segments[i] = a.segment(i);
            outliers[i] = a.outlier(i);
        }
        return DriftReference.fit(SCHEMA, raw, segments, outliers, 2);
    }

    private static DriftReport measure(DriftReference reference, double[] raw) {
        DriftMeter meter = new DriftMeter(reference);
        for (int from = 0; from < raw.length; from += 4 * 7_000) {
            double[] block = java.util.Arrays.copyOfRange(raw, from, Math.min(raw.length, from + 4 * 7_000));
            meter.add(block, assign(block));
        }
        return meter.report(3, DriftThresholds.DEFAULTS, NO_P_VALUES, s -> "Segment " + s);
    }

    @Test
    void anUntouchedSampleIsStable() {
        DriftReport report = measure(reference(), rows(20_000, 2, new double[3], 0, 1));
        assertThat(report.verdict()).isEqualTo(DriftReport.Level.STABLE);
        assertThat(report.reasons()).isEmpty();
        assertThat(report.fields()).allSatisfy(f -> assertThat(f.psi()).isLessThan(0.02));
        assertThat(report.fields().get(0).wasserstein()).isLessThan(0.03);
        assertThat(report.fields().get(0).ks()).isLessThan(0.03);
        assertThat(report.rows()).isEqualTo(20_000);
    }

    @Test
    void aShiftOfOneStandardDeviationAndAZeroedFeedAreNamedDriftedAndNothingElse() {
        DriftReport report = measure(reference(), rows(20_000, 3, new double[] {10, 0, 0}, 0, 1));
        assertThat(report.verdict()).isEqualTo(DriftReport.Level.DRIFTED);
        assertThat(report.fields().get(0).level()).isEqualTo(DriftReport.Level.DRIFTED);
        assertThat(report.fields().get(0).wasserstein()).isBetween(0.9, 1.1);
        assertThat(report.fields().get(0).ks()).isGreaterThan(0.3);
        assertThat(report.reasons().getFirst()).startsWith("income: PSI ").contains("(drifted), median 6");
        assertThat(report.fields().subList(1, 4)).allSatisfy(f -> assertThat(f.level()).isEqualTo(DriftReport.Level.STABLE));

        DriftReport zeroed = measure(reference(), rows(20_000, 4, new double[3], 1.0, 1));
        assertThat(zeroed.fields().get(1).level()).isEqualTo(DriftReport.Level.DRIFTED);
        assertThat(zeroed.fields().get(1).currentMedian()).isZero();
        assertThat(zeroed.fields().get(0).level()).isEqualTo(DriftReport.Level.STABLE);
        assertThat(zeroed.reasons()).anySatisfy(r -> assertThat(r).startsWith("spend: PSI "));
    }

    @Test
    void aSegmentOversampledThreeTimesIsNamedAsGrown() {
        DriftReport report = measure(reference(), rows(20_000, 5, new double[3], 0, 3));
        assertThat(report.segments().get(1).currentShare()).isBetween(0.70, 0.80);
        assertThat(report.sharePsi()).isGreaterThan(0.2);
        assertThat(report.verdict()).isNotEqualTo(DriftReport.Level.STABLE);
        assertThat(report.reasons()).anySatisfy(r -> assertThat(r).startsWith("Segment 1 grew from 4"));
        assertThat(report.fields().get(0).level()).isEqualTo(DriftReport.Level.STABLE);
    }

    @Test
    void aFeedLosingAColumnIsNamedByItsMissingShare() {
        double[] raw = rows(10_000, 6, new double[3], 0, 1);
        for (int i = 0; i < 10_000; i += 5) {
            raw[i * 4 + 2] = Double.NaN;
        }
        DriftReport report = measure(reference(), raw);
        assertThat(report.fields().get(2).level()).isEqualTo(DriftReport.Level.DRIFTED);
        assertThat(report.reasons()).anySatisfy(r -> assertThat(r)
                .isEqualTo("visits: missing in 20% of rows, against 0% at training"));
    }

    /** Two sample-free halves added together count what one meter counts: same PSI, no distribution figures. */
    @Test
    void sampleFreeMetersAddUpToTheSameCounts() {
        DriftReference reference = reference();
        double[] raw = rows(6_000, 7, new double[] {4, 0, 0}, 0, 1);
        Assignments all = assign(raw);
        DriftMeter whole = new DriftMeter(reference);
        whole.add(raw, all);
        DriftMeter first = new DriftMeter(reference, 0);
        DriftMeter second = new DriftMeter(reference, 0);
        for (int i = 0; i < 6_000; i++) {
            (i < 2_500 ? first : second).addRow(raw, i * 4, all.segment(i), all.outlier(i));
        }
        DriftMeter sum = new DriftMeter(reference, 0);
        sum.addAll(first);
        sum.addAll(second);
        DriftReport counted = sum.report(1, DriftThresholds.DEFAULTS, NO_P_VALUES, s -> "S" + s);
        DriftReport sampled = whole.report(1, DriftThresholds.DEFAULTS, NO_P_VALUES, s -> "S" + s);
        assertThat(counted.rows()).isEqualTo(6_000);
        for (int j = 0; j < 4; j++) {
            assertThat(counted.fields().get(j).psi()).isEqualTo(sampled.fields().get(j).psi());
            assertThat(counted.fields().get(j).level()).isEqualTo(sampled.fields().get(j).level());
        }
        assertThat(counted.fields().get(0).wasserstein()).isNaN();
        assertThat(sampled.fields().get(0).wasserstein()).isBetween(0.3, 0.5);
        assertThat(counted.sharePsi()).isEqualTo(sampled.sharePsi());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sum.addAll(whole))
                .hasMessageContaining("sample-free meter of the same reference");
    }

    @Test
    void theReferenceKeepsQuantilesDecilesAndLevelSharesOnly() {
        DriftReference reference = reference();
        FieldReference income = reference.fields().get(0);
        assertThat(income.quantiles()).hasSize(FieldReference.QUANTILES);
        assertThat(income.edges()).hasSize(9);
        assertThat(income.median()).isBetween(49.5, 50.5);
        assertThat(income.mean()).isBetween(49.5, 50.5);
        assertThat(income.spread()).isBetween(9.5, 10.5);
        assertThat(reference.fields().get(1).missingRate()).isBetween(0.015, 0.025);
        FieldReference channel = reference.fields().get(3);
        assertThat(channel.category()).isTrue();
        assertThat(channel.shares()[0]).isBetween(0.68, 0.72);
        assertThat(reference.segmentShares()[2]).isZero();
        assertThat(reference).isEqualTo(reference());
    }
}
