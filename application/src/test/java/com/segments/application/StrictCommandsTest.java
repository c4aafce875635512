package com.segments.application;

import com.segments.domain.SegmentsException;
import com.segments.domain.feature.FieldValidationException;
import com.segments.domain.model.ModelStatus;
import com.segments.domain.model.UnknownModelException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Version ids, aliases and segment edits are read strictly, for every door alike (issue 12, items 5 and 6). */
class StrictCommandsTest {

    @TempDir
    Path dir;

    private final InMemoryModelRepository models = new InMemoryModelRepository();
    private final InMemorySegmentCatalog catalog = new InMemorySegmentCatalog();
    private final Clock clock = Clock.systemUTC();
    private final ActiveModel active = new ActiveModel(models);
    private final ActivateModel activate = new ActivateModel(models, active, clock);
    private final TrainModel train = new TrainModel(Wiring.reader(), models, Wiring.algorithms(), activate,
            com.segments.domain.model.PromotionGate.OPEN, clock, catalog, Wiring.rules());
    private final DescribeSegments describe = new DescribeSegments(new ModelLookup(models, active), catalog,
            new SegmentNames(catalog));
    private int failed;

    @BeforeEach
    void trainOneAndFailOne() {
        Path customers = dir.resolve("c.csv");
        new GenerateCustomers(Wiring.files()).generate(new GenerateCustomers.Command(200, customers, null, 1L));
        train.train(new TrainModel.Command(customers, null, "kmeans", Map.of("k", 3, "restarts", 1), 1L));
        failed = models.reserve("kmeans", "c.csv", Instant.now(), "test");
        models.fail(failed, "broken on purpose");
    }

    @Test
    void aFailedVersionCannotBeActivatedOrAliasedAndSaysWhyRatherThanUnknown() {
        assertThatThrownBy(() -> activate.activate(failed)).isInstanceOf(ActivateModel.NotUsable.class)
                .hasMessageContaining("is FAILED");
        assertThatThrownBy(() -> activate.alias("champion", failed)).isInstanceOf(ActivateModel.NotUsable.class);
        assertThatThrownBy(() -> activate.activate(99)).isInstanceOf(UnknownModelException.class);
        assertThat(models.summary(1).orElseThrow().status()).isEqualTo(ModelStatus.ACTIVE);
        activate.alias("champion", 1);
        assertThat(models.alias("champion")).hasValue(1);
    }

    @Test
    void versionReferencesAreAsciiDigits() {
        assertThat(ModelReference.parse("1").version()).isEqualTo(1);
        for (String bad : List.of("\uFF11", "1.5", "\u0661", "0", "99999999999")) {
            assertThatThrownBy(() -> ModelReference.parse(bad)).as(bad).isInstanceOf(SegmentsException.class);
        }
        assertThatThrownBy(() -> ModelReference.parse("x".repeat(10_000)))
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
    }

    @Test
    void segmentEditsAreBoundedAndFreeOfControlAndBidiCharacters() {
        ModelReference model = ModelReference.ACTIVE;
        assertThatThrownBy(() -> describe.edit(model, 0, "x".repeat(300), null, null))
                .isInstanceOf(FieldValidationException.class).hasMessageContaining("field 'name'");
        assertThatThrownBy(() -> describe.edit(model, 0, "Evil\u202Eman", null, null)).hasMessageContaining("U+202E");
        assertThatThrownBy(() -> describe.edit(model, 0, "nul\u0000", null, null)).hasMessageContaining("U+0000");
        assertThatThrownBy(() -> describe.edit(model, 0, null, "d".repeat(1_001), null))
                .hasMessageContaining("field 'description'");
        assertThatThrownBy(() -> describe.edit(model, 0, null, null, Collections.nCopies(100_000, "offer")))
                .hasMessageContaining("field 'offers': holds 100000 items; at most 20");
        assertThatThrownBy(() -> describe.edit(model, 0, null, null, List.of("o".repeat(201))))
                .hasMessageContaining("field 'offers[0]'");
        assertThat(describe.edit(model, 0, "Cash Lovers", "They like\ncash.", List.of("Card")).name()).isEqualTo("Cash Lovers");
    }
}
