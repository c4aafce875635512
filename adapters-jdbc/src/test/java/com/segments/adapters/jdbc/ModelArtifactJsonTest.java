package com.segments.adapters.jdbc;

import com.segments.domain.cluster.HdbscanRule;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.cluster.NearestNeighbourRule;
import com.segments.domain.drift.DriftReference;
import com.segments.domain.feature.Clipping;
import com.segments.domain.feature.DerivedColumns;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.feature.Imputation;
import com.segments.domain.feature.Log1p;
import com.segments.domain.feature.OneHotEncoding;
import com.segments.domain.feature.PrincipalComponents;
import com.segments.domain.feature.Standardisation;
import com.segments.domain.feature.ValidRange;
import com.segments.domain.model.Segment;
import com.segments.domain.model.TrainedModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelArtifactJsonTest {

    /** Models stored by earlier releases must still load: the v1 document is kept as a fixture. */
    @Test
    void readsTheFormatVersionOneFixture() throws IOException {
        TrainedModel read = ModelArtifactJson.read(fixture());
        assertThat(read).isEqualTo(ModelFixtures.twoSegments("fixture.csv"));
    }

    @Test
    void writesWhatItReads() {
        TrainedModel model = ModelFixtures.twoSegments("x.csv");
        assertThat(ModelArtifactJson.read(ModelArtifactJson.write(model))).isEqualTo(model);
    }

    @Test
    void aDensityModelWithExemplarsAndNoiseSurvivesTheRoundTrip() {
        TrainedModel model = ModelFixtures.withNoise("x.csv");
        TrainedModel read = ModelArtifactJson.read(ModelArtifactJson.write(model));
        assertThat(read).isEqualTo(model);
        assertThat(read.assign(new double[] {5000, 5000, 5})).isEqualTo(model.assign(new double[] {5000, 5000, 5}));
    }

    /** Format v2: typed fields, group columns and every kind of step come back equal and predict the same. */
    @Test
    void aFullFeaturePipelineSurvivesTheRoundTrip() {
        TrainedModel model = fullPipeline();
        TrainedModel read = ModelArtifactJson.read(ModelArtifactJson.write(model));
        assertThat(read).isEqualTo(model);
        Map<String, Object> customer = Map.of("spend", 120, "limit", 1000, "status", "YOLO", "slab", "high",
                "joined", "04-09-2012", "bank", "Bank A");
        assertThat(read.assign(read.schema().toRawVector(customer))).isEqualTo(model.assign(model.schema().toRawVector(customer)));
        assertThat(read.originalColumns()).containsExactly("spend", "limit", "status", "slab", "joined", "ratio");
    }

    /** A model with typed fields and every kind of step, as format v2 first stored them. */
    static TrainedModel fullPipeline() {
        FeatureSchema schema = new FeatureSchema("id", List.of(Field.number("spend"), Field.number("limit"),
                Field.category("status", List.of("Single", "Married"), Map.of("alone", "single", "yolo", ""), false),
                Field.category("slab", List.of("Low", "High"), Map.of(), true), Field.date("joined", "dd-MM-yyyy")),
                List.of("bank"));
        FittedPreprocessing pipeline = new FittedPreprocessing(List.of(
                new ValidRange(new double[] {0, 0, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 0},
                        new double[] {1e6, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 1e6}),
                new DerivedColumns(List.of("spend", "limit", "status", "slab", "joined"),
                        List.of(new DerivedColumns.Derived("ratio", "spend / limit", 0))),
                new Imputation(new double[] {10, 100, 0, 1, 15000, 0.1}),
                new Clipping(new double[] {0, 0, 0, 0, 0, 0}, new double[] {500, 1e4, 3, 2, 1e6, 1}),
                new Log1p(new boolean[] {true, true, false, false, false, false}),
                new OneHotEncoding(new int[] {0, 0, 3, 0, 0, 0}),
                new Standardisation(new double[] {1, 2, 0, 0, 0, 0.5, 15000, 0.1}, new double[] {1, 1, 1, 1, 1, 0.5, 100, 0.1}),
                new PrincipalComponents(new double[8], new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0},
                        new double[] {0.6, 0.3})));
        TrainedModel base = ModelFixtures.twoSegments("x.csv");
        return new TrainedModel(base.algorithm(), base.parameters(), base.seed(), schema, pipeline,
                new NearestCentroidRule(2, 2, new double[] {0, 0, 3, 3}, new double[] {5, 5}),
                List.of(new Segment(0, 1, 0.5, new double[] {0, 0}, new double[] {1, 2, 0, 1, 15000, 0.5}),
                        new Segment(1, 1, 0.5, new double[] {3, 3}, new double[] {3, 4, 1, 0, 15100, 0.75})),
                base.metrics(), base.fingerprint(), base.libraryVersions());
    }

    /** Models stored by format v2 (typed fields, every step) must still load and predict the same. */
    @Test
    void readsTheFormatVersionTwoFixture() throws IOException {
        TrainedModel read = ModelArtifactJson.read(fixture("model-format-v2.json"));
        assertThat(read).isEqualTo(fullPipeline());
        assertThat(read.rule()).isInstanceOf(NearestCentroidRule.class);
    }

    /** Format v4: a hierarchical model keeps its training rows and their labels, noise included. */
    @Test
    void aNearestNeighbourModelSurvivesTheRoundTripAndPredictsTheSame() {
        TrainedModel base = ModelFixtures.twoSegments("x.csv");
        NearestNeighbourRule rule = NearestNeighbourRule.fromTraining(2, 3,
                new double[] {0, 0, 0, 0.5, 0, 0, 0, 0.5, 0, 3, 3, 3, 3.5, 3, 3, 9, 9, 9}, new int[] {0, 0, 0, 1, 1, -1}, 100, 1);
        TrainedModel model = new TrainedModel("single-linkage", base.parameters(), base.seed(), base.schema(),
                base.preprocessing(), rule, base.segments(), base.metrics(), base.fingerprint(), base.libraryVersions());
        String json = ModelArtifactJson.write(model);
        assertThat(json).contains("\"formatVersion\":5").contains("\"nearest_neighbour\"");
        TrainedModel read = ModelArtifactJson.read(json);
        assertThat(read).isEqualTo(model);
        for (double[] point : new double[][] {{0.5, 0, 0}, {3.4, 3.1, 3}, {9, 9, 9}, {6, 6, 6}}) {
            assertThat(read.rule().assign(point)).isEqualTo(rule.assign(point));
        }
        assertThat(read.rule().assign(new double[] {9, 9, 9}).isNoise()).isTrue();
    }

    /** Models stored by format v3 (the drift reference) and v4 (the nearest_neighbour rule) still load and predict. */
    @Test
    void readsTheFormatVersionThreeAndFourFixtures() throws IOException {
        TrainedModel v3 = ModelArtifactJson.read(fixture("model-format-v3.json"));
        assertThat(v3.reference()).isNotNull();
        assertThat(v3.reference().segmentSpreads()).hasSize(2);
        assertThat(v3.rule()).isEqualTo(ModelFixtures.twoSegments("fixture.csv").rule());
        TrainedModel v4 = ModelArtifactJson.read(fixture("model-format-v4.json"));
        assertThat(v4.algorithm()).isEqualTo("single-linkage");
        assertThat(v4.rule()).isInstanceOf(NearestNeighbourRule.class);
        assertThat(v4.rule().assign(new double[] {9, 9, 9}).isNoise()).isTrue();
        assertThat(v4.rule().assign(new double[] {3.4, 3.1, 3}).segment()).isEqualTo(1);
    }

    /** Format v5: an HDBSCAN model keeps its rows, core distances and condensed tree (infinite lambdas included). */
    @Test
    void anHdbscanModelSurvivesTheRoundTripAndPredictsTheSame() {
        TrainedModel base = ModelFixtures.twoSegments("x.csv");
        HdbscanRule rule = ModelFixtures.smallHdbscanRule(3);
        TrainedModel model = new TrainedModel("hdbscan", base.parameters(), base.seed(), base.schema(),
                base.preprocessing(), rule, base.segments(), base.metrics(), base.fingerprint(), base.libraryVersions());
        String json = ModelArtifactJson.write(model);
        assertThat(json).contains("\"formatVersion\":5").contains("\"type\":\"hdbscan\"");
        TrainedModel read = ModelArtifactJson.read(json);
        assertThat(read).isEqualTo(model);
        assertThat(((HdbscanRule) read.rule()).tree().lambda()).contains(Double.POSITIVE_INFINITY);
        for (double[] point : new double[][] {{0.1, 0, 0}, {0.15, 0, 0}, {5.05, 0, 0}, {20, 0, 0}, {12, 0, 0}}) {
            assertThat(read.rule().assign(point)).isEqualTo(rule.assign(point));
        }
        assertThat(read.rule().assign(new double[] {20, 0, 0}).isNoise()).isTrue();
    }

    @Test
    void anHdbscanModelWhoseLabelsContradictItsTreeIsRefused() {
        TrainedModel base = ModelFixtures.twoSegments("x.csv");
        TrainedModel model = new TrainedModel("hdbscan", base.parameters(), base.seed(), base.schema(),
                base.preprocessing(), ModelFixtures.smallHdbscanRule(3), base.segments(), base.metrics(),
                base.fingerprint(), base.libraryVersions());
        String json = ModelArtifactJson.write(model).replace("\"exemplarSegments\":[0,0,0,1,1,1,-1]",
                "\"exemplarSegments\":[0,0,0,1,1,0,-1]");
        assertThatThrownBy(() -> ModelArtifactJson.read(json)).isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("row 5");
    }

    /** Format v3: the drift reference comes back equal; a version stored before it reads without one. */
    @Test
    void theDriftReferenceSurvivesTheRoundTripAndOlderVersionsHaveNone() throws IOException {
        TrainedModel base = ModelFixtures.twoSegments("x.csv");
        int d = base.schema().size();
        double[] raw = new double[40 * d];
        int[] segments = new int[40];
        boolean[] outliers = new boolean[40];
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < d; j++) {
                raw[i * d + j] = i % 7 == 0 ? Double.NaN : 100.0 * j + i * (j + 1);
            }
            segments[i] = i % 2;
            outliers[i] = i % 9 == 0;
        }
        double[] positions = new double[40 * 2];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = Math.sin(i);
        }
        TrainedModel model = base.withReference(DriftReference.fit(base.schema(), raw, segments, outliers, 2,
                positions, 2));
        assertThat(model.reference().segmentSpreads()).hasSize(2);
        TrainedModel read = ModelArtifactJson.read(ModelArtifactJson.write(model));
        assertThat(read.reference()).isEqualTo(model.reference());
        assertThat(read.reference().fields().get(0).quantiles()).hasSize(200);
        assertThat(read).isEqualTo(model);
        assertThat(ModelArtifactJson.read(fixture()).reference()).isNull();
    }

    @Test
    void metricsAddedAfterTheFirstModelsReadAsNotRecorded() throws IOException {
        TrainedModel read = ModelArtifactJson.read(fixture());
        assertThat(read.metrics().daviesBouldin()).isNaN();
        assertThat(read.metrics().silhouette()).isEqualTo(0.2187357173949732);
    }

    @Test
    void refusesAFormatVersionItDoesNotKnow() throws IOException {
        String future = fixture().replace("\"formatVersion\" : 1", "\"formatVersion\" : 6");
        assertThatThrownBy(() -> ModelArtifactJson.read(future)).isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("v6").hasMessageContaining("reads segments-model v1 to v5");
    }

    @Test
    void refusesFieldsItDoesNotKnowRatherThanIgnoringThem() throws IOException {
        String typed = fixture().replace("\"seed\" : 42,", "\"seed\" : 42, \"@class\" : \"java.lang.Runtime\",");
        assertThatThrownBy(() -> ModelArtifactJson.read(typed)).isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("@class");
    }

    @Test
    void refusesAnUnknownPreprocessingStep() throws IOException {
        String unknown = fixture().replace("\"median_imputation\"", "\"quantum_scaling\"");
        assertThatThrownBy(() -> ModelArtifactJson.read(unknown)).isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("quantum_scaling");
    }

    @Test
    void refusesAnInconsistentModel() throws IOException {
        String wrongWidth = fixture().replace("\"medians\" : [ 873.385231, 361.28, 12.0 ]", "\"medians\" : [ 873.385231 ]");
        assertThatThrownBy(() -> ModelArtifactJson.read(wrongWidth)).isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("inconsistent");
    }

    private static String fixture() throws IOException {
        return fixture("model-format-v1.json");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ModelArtifactJsonTest.class.getResourceAsStream("/artifacts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
