package com.segments.algorithms;

import com.segments.domain.metric.AdjustedMutualInformation;
import com.segments.domain.metric.AdjustedRandIndex;
import com.segments.domain.metric.ClusterQuality;
import com.segments.domain.metric.Silhouette;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The domain's preprocessing and metrics against the figures scikit-learn computed on the same matrix. */
class ReferenceMetricsTest {

    @Test
    void medianImputationAndStandardisationMatchScikitLearnTo1e9() throws IOException {
        CcGeneralReference ref = CcGeneralReference.load();
        assertThat(ref.columns).containsExactlyElementsOf(
                ref.json.get("column_order").valueStream().map(n -> n.asText()).toList());
        double[] medians = ref.imputation.values();
        for (int j = 0; j < medians.length; j++) {
            assertThat(medians[j]).as(ref.columns.get(j)).isCloseTo(ref.json.get("medians").get(ref.columns.get(j)).asDouble(), within(1e-9));
        }
        double[] mean = ref.doubles("scaler_mean");
        double[] scale = ref.doubles("scaler_scale");
        for (int j = 0; j < mean.length; j++) {
            assertThat(ref.standardisation.means()[j]).isCloseTo(mean[j], within(1e-9));
            assertThat(ref.standardisation.scales()[j]).isCloseTo(scale[j], within(1e-9));
        }
        for (int i = 0; i < 3; i++) {
            double[] expected = new double[mean.length];
            for (int j = 0; j < expected.length; j++) {
                expected[j] = ref.json.get("X_first_rows").get(i).get(j).asDouble();
            }
            for (int j = 0; j < expected.length; j++) {
                assertThat(ref.x.get(i, j)).as("X[%d][%d]", i, j).isCloseTo(expected[j], within(1e-9));
            }
        }
    }

    @Test
    void silhouetteOfTheReferenceKMeansLabelingMatchesScikitLearn() throws IOException {
        CcGeneralReference ref = CcGeneralReference.load();
        double expected = ref.json.get("kmeans_k4").get("silhouette").asDouble();
        double actual = Silhouette.exact(ref.x, ref.labels("kmeans_k4"), 4);
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-6));
    }

    @Test
    void adjustedRandIndexBetweenWardAndKMeansMatchesScikitLearn() throws IOException {
        CcGeneralReference ref = CcGeneralReference.load();
        double expected = ref.json.get("ward_k4").get("ari_vs_kmeans_k4").asDouble();
        assertThat(AdjustedRandIndex.of(ref.labels("ward_k4"), ref.labels("kmeans_k4")))
                .isCloseTo(expected, within(expected * 1e-6));
    }

    /** Silhouette, Davies-Bouldin and Calinski-Harabasz of each reference labeling (HDBSCAN: over non-noise rows). */
    @ParameterizedTest
    @ValueSource(strings = {"kmeans_k4", "ward_k4", "hdbscan_mcs50"})
    void internalMetricsOfEachReferenceLabelingMatchScikitLearn(String labeling) throws IOException {
        CcGeneralReference ref = CcGeneralReference.load();
        var expected = ref.json.get(labeling);
        ClusterQuality quality = ClusterQuality.of(ref.x, ref.labels(labeling), Integer.MAX_VALUE, 0L);
        assertRelative(quality.silhouette(), expected.get("silhouette").asDouble());
        assertRelative(quality.daviesBouldin(), expected.get("davies_bouldin").asDouble());
        assertRelative(quality.calinskiHarabasz(), expected.get("calinski_harabasz").asDouble());
        if (expected.has("noise_fraction")) {
            assertRelative(quality.noiseFraction(), expected.get("noise_fraction").asDouble());
            assertThat(quality.segments()).isEqualTo(expected.get("clusters").asInt());
        }
    }

    @Test
    void adjustedMutualInformationBetweenWardAndKMeansMatchesScikitLearn() throws IOException {
        CcGeneralReference ref = CcGeneralReference.load();
        assertRelative(AdjustedMutualInformation.of(ref.labels("ward_k4"), ref.labels("kmeans_k4")),
                ref.json.get("ward_k4").get("ami_vs_kmeans_k4").asDouble());
    }

    private static void assertRelative(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-6));
    }
}
