package com.segments.application;

import com.segments.adapters.files.YamlFeatureSpecs;
import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.NearestCentroidRule;
import com.segments.domain.engine.EngineFit;
import com.segments.domain.engine.EngineRequest;
import com.segments.domain.engine.TrainingEngine;
import com.segments.domain.feature.CustomerProfiles;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.feature.Imputation;
import com.segments.domain.feature.Standardisation;
import com.segments.domain.model.DataFingerprint;
import com.segments.domain.model.ModelMetrics;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.PromotionGate;
import com.segments.domain.model.Segment;
import com.segments.domain.profile.FeatureProfile;
import com.segments.domain.profile.SegmentProfile;
import com.segments.domain.lineage.SegmentLineage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Storing what an engine fitted: a version like any other (activated, drift reference, named and profiled segments),
 * aligned with the active version through the engine's sample, and nothing reserved when the engine is missing or
 * refuses the data. The engine here is a stand-in for Spark (outside this module): three blobs in two features, its
 * centres handed back in the order the test chooses, as a real engine's arbitrary numbering would be.
 */
class TrainOnEngineTest {

    private final InMemoryModelRepository models = new InMemoryModelRepository();
    private final InMemorySegmentCatalog catalog = new InMemorySegmentCatalog();
    private final ActivateModel activate = new ActivateModel(models, new ActiveModel(models), Clock.systemUTC());

    private TrainOnEngine trainOn(TrainingEngine... engines) {
        return new TrainOnEngine(List.of(engines), new YamlFeatureSpecs(), models, activate, PromotionGate.OPEN,
                Clock.systemUTC(), catalog, Wiring.rules());
    }

    private static TrainOnEngine.Command command(String engine) {
        return new TrainOnEngine.Command(engine, "blobs.csv", null, null, null, "local[2]", "kmeans", 3, 100, 7L, 1000,
                null, "test");
    }

    /** Three blobs around (0, 0), (10, 0) and (0, 10), 100 rows each; centres numbered as {@code order} says. */
    private record BlobEngine(int[] order) implements TrainingEngine {
        static final double[][] CENTRES = {{0, 0}, {10, 0}, {0, 10}};

        @Override
        public String id() {
            return "blobs";
        }

        @Override
        public EngineFit fit(EngineRequest request) {
            Random random = new Random(request.seed());
            int n = 300;
            double[] raw = new double[n * 2];
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] c = CENTRES[i % 3];
                raw[2 * i] = c[0] + random.nextGaussian();
                raw[2 * i + 1] = c[1] + random.nextGaussian();
                ids.add("C" + i);
            }
            DataMatrix x = DataMatrix.wrap(n, 2, raw);
            Standardisation scaling = Standardisation.fit(x);
            FittedPreprocessing preprocessing = new FittedPreprocessing(List.of(new Imputation(new double[] {0, 0}), scaling));
            double[] centres = new double[6];
            for (int c = 0; c < 3; c++) {
                double[] scaled = scaling.apply(CENTRES[order[c]].clone());
                System.arraycopy(scaled, 0, centres, 2 * c, 2);
            }
            NearestCentroidRule rule = new NearestCentroidRule(3, 2, centres, new double[] {5, 5, 5});
            int[] labels = rule.labelAll(preprocessing.transform(x).rowMajorView());
            List<Segment> segments = new ArrayList<>();
            List<SegmentProfile> profiles = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                double[] original = CENTRES[order[c]];
                segments.add(new Segment(c, 100, 1.0 / 3, rule.centroid(c), original));
                profiles.add(new SegmentProfile(c, 100, 1.0 / 3, List.of(
                        new FeatureProfile("a", original[0], original[0], 10 / 3.0, 0, (original[0] - 10 / 3.0) / 4.7),
                        new FeatureProfile("b", original[1], original[1], 10 / 3.0, 0, (original[1] - 10 / 3.0) / 4.7)),
                        List.of()));
            }
            FeatureSchema schema = new FeatureSchema("id", List.of("a", "b"));
            return new EngineFit("blobs-kmeans", Map.of("k", 3), preprocessing, rule, segments,
                    new ModelMetrics(600, 0.8, 300, 0, 0.2, 900), profiles, new DataFingerprint("blobs.csv", n, "x"),
                    Map.of("engine", "blobs", "master", request.master()), List.of("fitted three blobs"),
                    new CustomerProfiles(schema, ids, x), labels, 12);
        }
    }

    @Test
    void anEngineFitIsStoredActivatedProfiledAndNamedLikeAnyVersion() {
        TrainOnEngine.Report report = trainOn(new BlobEngine(new int[] {0, 1, 2})).train(command("blobs"));
        ModelVersion stored = report.model();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(models.activeVersion()).hasValue(1);
        assertThat(stored.model().algorithm()).isEqualTo("blobs-kmeans");
        assertThat(stored.model().libraryVersions()).containsEntry("master", "local[2]");
        assertThat(stored.model().reference()).as("drift reference from the sample").isNotNull();
        assertThat(stored.model().reference().segmentCount()).isEqualTo(3);
        assertThat(report.sampleAgreement()).isEqualTo(1.0);
        assertThat(catalog.profiles(1)).hasSize(3);
        assertThat(catalog.labels(1)).hasSize(3).extracting(l -> l.name()).doesNotHaveDuplicates();
        assertThat(report.segments()).isEqualTo(catalog.labels(1));
        // a customer near (10, 0) is in the segment whose centre is there
        assertThat(stored.model().assignInPlace(new double[] {10.2, -0.3}).segment()).isEqualTo(1);
    }

    @Test
    void aSecondEngineVersionTakesTheSegmentIdsOfTheActiveOne() {
        trainOn(new BlobEngine(new int[] {0, 1, 2})).train(command("blobs"));
        // the engine numbers the same blobs the other way round this time
        TrainOnEngine.Report second = trainOn(new BlobEngine(new int[] {2, 0, 1})).train(command("blobs"));
        var model = second.model().model();
        assertThat(model.lineage()).isNotNull();
        assertThat(model.lineage().fromVersion()).isEqualTo(1);
        assertThat(model.lineage().links()).extracting(SegmentLineage.Link::kind).containsOnly(SegmentLineage.Kind.KEPT);
        assertThat(model.assignInPlace(new double[] {0.1, 0.2}).segment()).isEqualTo(0);
        assertThat(model.assignInPlace(new double[] {10.2, -0.3}).segment()).isEqualTo(1);
        assertThat(model.assignInPlace(new double[] {-0.2, 9.7}).segment()).isEqualTo(2);
        assertThat(model.segments()).extracting(Segment::id).containsExactly(0, 1, 2);
        assertThat(model.segments().get(1).centroidOriginal()).containsExactly(10, 0);
        assertThat(catalog.profiles(2).get(1).features().getFirst().mean()).isEqualTo(10);
        assertThat(second.sampleAgreement()).isEqualTo(1.0);
    }

    @Test
    void aMissingEngineSaysHowToBuildSparkAndReservesNothing() {
        assertThatThrownBy(() -> trainOn(new BlobEngine(new int[] {0, 1, 2})).train(command("spark")))
                .isInstanceOf(SegmentsException.class)
                .hasMessageContaining("no training engine 'spark'").hasMessageContaining("found: blobs")
                .hasMessageContaining(TrainOnEngine.BUILD_SPARK);
        assertThat(models.list()).isEmpty();
    }

    @Test
    void anEngineRefusingTheDataLeavesNoVersion() {
        TrainingEngine refusing = new TrainingEngine() {
            public String id() {
                return "refusing";
            }

            public EngineFit fit(EngineRequest request) {
                throw new SegmentsException("blobs.csv: column 'b' has no values to impute from");
            }
        };
        assertThatThrownBy(() -> trainOn(refusing).train(command("refusing"))).hasMessageContaining("column 'b'");
        assertThat(models.list()).isEmpty();
    }

    @Test
    void aRequestOutOfBoundsIsRefusedByName() {
        TrainOnEngine.Command oneSegment = new TrainOnEngine.Command("blobs", "blobs.csv", null, null, null, null,
                "kmeans", 1, 100, 7L, 1000, null, "test");
        assertThatThrownBy(() -> trainOn(new BlobEngine(new int[] {0, 1, 2})).train(oneSegment))
                .isInstanceOf(SegmentsException.class).hasMessageContaining("k must be at least 2");
        TrainOnEngine.Command gmm = new TrainOnEngine.Command("blobs", "blobs.csv", null, null, null, null,
                "gaussian-mixture", 3, 100, 7L, 1000, null, "test");
        assertThatThrownBy(() -> trainOn(new BlobEngine(new int[] {0, 1, 2})).train(gmm))
                .hasMessageContaining("kmeans or bisecting-kmeans");
        assertThat(models.list()).isEmpty();
    }
}
