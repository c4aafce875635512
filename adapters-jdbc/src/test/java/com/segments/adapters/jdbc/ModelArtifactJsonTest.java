package com.segments.adapters.jdbc;

import com.segments.domain.model.TrainedModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

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

    @Test
    void metricsAddedAfterTheFirstModelsReadAsNotRecorded() throws IOException {
        TrainedModel read = ModelArtifactJson.read(fixture());
        assertThat(read.metrics().daviesBouldin()).isNaN();
        assertThat(read.metrics().silhouette()).isEqualTo(0.2187357173949732);
    }

    @Test
    void refusesAFormatVersionItDoesNotKnow() throws IOException {
        String future = fixture().replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
        assertThatThrownBy(() -> ModelArtifactJson.read(future)).isInstanceOf(ArtifactFormatException.class)
                .hasMessageContaining("v2");
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
        try (InputStream in = ModelArtifactJsonTest.class.getResourceAsStream("/artifacts/model-format-v1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
