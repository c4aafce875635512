package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.model.Activation;
import com.segments.domain.model.ModelStatus;
import com.segments.domain.model.NoActiveModelException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Activation, rollback, aliases, and serving from memory while the store is away. */
class ActivateModelTest {

    @TempDir
    Path dir;

    private final InMemoryModelRepository models = new InMemoryModelRepository();
    private final ActiveModel active = new ActiveModel(models);
    private final ActivateModel activate = new ActivateModel(models, active, Clock.systemUTC());
    private final TrainModel train = new TrainModel(Wiring.reader(), models, Wiring.algorithms(), activate, Clock.systemUTC());
    private final ModelLookup lookup = new ModelLookup(models, active);
    private final PredictSegment predict = new PredictSegment(lookup);
    private Path customers;

    @BeforeEach
    void trainThreeVersions() {
        customers = dir.resolve("c.csv");
        new GenerateCustomers(Wiring.files()).generate(new GenerateCustomers.Command(300, customers, null, 1L));
        for (int k = 2; k <= 4; k++) {
            train.train(new TrainModel.Command(customers, null, "kmeans", Map.of("k", k, "restarts", 2), 1L));
        }
    }

    @Test
    void trainingActivatesEachNewVersionAndRetiresTheLast() {
        assertThat(active.current().orElseThrow().version()).isEqualTo(3);
        assertThat(models.summary(1).orElseThrow().status()).isEqualTo(ModelStatus.RETIRED);
        assertThat(models.summary(3).orElseThrow().status()).isEqualTo(ModelStatus.ACTIVE);
    }

    @Test
    void activationSwapsTheServedModelAtOnce() {
        Activation activation = activate.activate(1);
        assertThat(activation.previous()).hasValue(3);
        assertThat(lookup.resolve(ModelReference.ACTIVE).version()).isEqualTo(1);
    }

    @Test
    void rollbackReturnsToWhatWasActiveBefore() {
        activate.activate(1);
        Activation rolledBack = activate.rollback();
        assertThat(rolledBack.version()).isEqualTo(3);
        assertThat(rolledBack.reason()).isEqualTo("rollback");
        assertThat(lookup.resolve(ModelReference.ACTIVE).version()).isEqualTo(3);
    }

    @Test
    void rollbackWithNoEarlierVersionSaysSo() {
        InMemoryModelRepository fresh = new InMemoryModelRepository();
        ActivateModel freshActivate = new ActivateModel(fresh, new ActiveModel(fresh), Clock.systemUTC());
        assertThatThrownBy(freshActivate::rollback).isInstanceOf(SegmentsException.class).hasMessageContaining("nothing to roll back");
    }

    @Test
    void aliasesNameVersionsForPrediction() {
        activate.alias("champion", 2);
        assertThat(lookup.resolve(ModelReference.parse("champion")).version()).isEqualTo(2);
        assertThat(lookup.resolve(ModelReference.parse("1")).version()).isEqualTo(1);
        assertThatThrownBy(() -> lookup.resolve(ModelReference.parse("challenger")))
                .hasMessageContaining("no model has the alias 'challenger'");
        assertThatThrownBy(() -> activate.alias("Active!", 1)).hasMessageContaining("not a model version or an alias");
        assertThatThrownBy(() -> activate.alias("active", 1)).hasMessageContaining("'active' is reserved");
    }

    @Test
    void predictionsKeepComingFromMemoryWhenTheStoreGoesAway() {
        Map<String, Object> customer = Map.of("balance", 100, "purchases", 2000, "oneoff_purchases", 100,
                "installment_purchases", 1900, "cash_advance", 0, "purchase_frequency", 0.9, "credit_limit", 4000,
                "payments", 1200, "tenure_months", 12);
        Prediction before = predict.predict(new PredictSegment.Command(customer, ModelReference.ACTIVE));
        models.goDown();
        Prediction during = predict.predict(new PredictSegment.Command(customer, ModelReference.ACTIVE));
        assertThat(during).isEqualTo(before);
        assertThat(active.refresh()).isFalse();
        assertThat(new CheckHealth(models, active).check().databaseUp()).isFalse();
        assertThat(new CheckHealth(models, active).check().activeModel()).hasValue(3);
    }

    @Test
    void withNothingActiveThePredictionSaysHowToTrain() {
        InMemoryModelRepository fresh = new InMemoryModelRepository();
        PredictSegment nothing = new PredictSegment(new ModelLookup(fresh, new ActiveModel(fresh)));
        assertThatThrownBy(() -> nothing.predict(new PredictSegment.Command(Map.of(), ModelReference.ACTIVE)))
                .isInstanceOf(NoActiveModelException.class);
    }

    @Test
    void aVersionBelowThePromotionGateIsStoredButNotActivated() {
        TrainModel gated = new TrainModel(Wiring.reader(), models, Wiring.algorithms(), activate,
                new com.segments.domain.model.PromotionGate(0.99, Double.NaN), Clock.systemUTC());
        TrainingReport report = gated.train(new TrainModel.Command(customers, null, "kmeans", Map.of("k", 5, "restarts", 2), 1L));

        assertThat(report.activated()).isFalse();
        assertThat(report.notPromoted()).hasValueSatisfying(reason -> assertThat(reason).contains("silhouette").contains("0.9900"));
        assertThat(models.summary(4).orElseThrow().status()).isEqualTo(ModelStatus.READY);
        assertThat(models.summary(4).orElseThrow().statusReason()).startsWith("not promoted");
        assertThat(active.current().orElseThrow().version()).isEqualTo(3);
        assertThat(activate.activate(4).version()).isEqualTo(4); // by hand it is always possible
    }

    @Test
    void theGateChecksNoiseToo() {
        var gate = new com.segments.domain.model.PromotionGate(Double.NaN, 0.5);
        var noisy = new com.segments.domain.model.ModelMetrics(1, 0.4, 100, 0.74, 0.7, 1900);
        var clean = new com.segments.domain.model.ModelMetrics(1, 0.2, 100, 0.0, 1.6, 2300);
        assertThat(gate.refusal(noisy)).hasValueSatisfying(r -> assertThat(r).contains("noise 74.0% is above the maximum 50.0%"));
        assertThat(gate.refusal(clean)).isEmpty();
        assertThat(com.segments.domain.model.PromotionGate.OPEN.refusal(noisy)).isEmpty();
    }

    @Test
    void aMinimumStabilityMakesTrainingMeasureItAndGateOnIt() {
        // 4 well-separated generated patterns at k = 4 are stable; at k = 9 the fit cuts them arbitrarily
        TrainModel gated = new TrainModel(Wiring.reader(), models, Wiring.algorithms(), activate,
                new com.segments.domain.model.PromotionGate(Double.NaN, Double.NaN, 0.85, 8), Clock.systemUTC());
        TrainingReport stable = gated.train(new TrainModel.Command(customers, null, "kmeans", Map.of("k", 4, "restarts", 3), 1L));
        assertThat(stable.model().model().metrics().meanStability()).isGreaterThan(0.85);
        assertThat(stable.activated()).isTrue();

        TrainingReport unstable = gated.train(new TrainModel.Command(customers, null, "kmeans", Map.of("k", 9, "restarts", 1), 1L));
        assertThat(unstable.model().model().metrics().meanStability()).isLessThan(0.85);
        assertThat(unstable.notPromoted()).hasValueSatisfying(r -> assertThat(r).contains("mean stability").contains("below the minimum 0.850"));
        assertThat(active.current().orElseThrow().version()).isEqualTo(stable.model().version());

        var unmeasured = new com.segments.domain.model.ModelMetrics(1, 0.4, 100, 0, 0.7, 1900);
        assertThat(new com.segments.domain.model.PromotionGate(Double.NaN, Double.NaN, 0.5, 10).refusal(unmeasured))
                .hasValueSatisfying(r -> assertThat(r).contains("stability was not measured"));
    }

    @Test
    void trainingReportsThePredictionAgreementAndAMinimumGatesOnIt() {
        var strict = new com.segments.domain.model.PromotionGate(Double.NaN, Double.NaN, Double.NaN, 0, 0.995);
        TrainModel gated = new TrainModel(Wiring.reader(), models, Wiring.algorithms(), activate, strict, Clock.systemUTC());
        TrainingReport kmeans = gated.train(new TrainModel.Command(customers, null, "kmeans", Map.of("k", 4, "restarts", 2), 1L));
        assertThat(kmeans.predictAgreement()).isEqualTo(1.0);
        assertThat(kmeans.activated()).isTrue();
        TrainingReport single = gated.train(new TrainModel.Command(customers, null, "single-linkage", Map.of("k", 4), 1L));
        assertThat(single.predictAgreement()).isEqualTo(1.0);
        assertThat(single.activated()).isTrue();

        var impossible = new com.segments.domain.model.PromotionGate(Double.NaN, Double.NaN, Double.NaN, 0, 1.0);
        TrainModel hdbscan = new TrainModel(Wiring.reader(), models, Wiring.algorithms(), activate, impossible, Clock.systemUTC());
        TrainingReport density = hdbscan.train(new TrainModel.Command(customers, null, "hdbscan", Map.of("minClusterSize", 20), 1L));
        assertThat(density.predictAgreement()).isBetween(0.0, 1.0);
        assertThat(density.activated()).isEqualTo(density.predictAgreement() == 1.0);
        density.notPromoted().ifPresent(r -> assertThat(r).contains("prediction agrees with").contains("below the minimum 100.00%"));
    }
}
