package com.segments.application;

import com.segments.adapters.files.CsvRecordStreams;
import com.segments.application.sample.SyntheticTransactions;
import com.segments.domain.model.PromotionGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A new active version re-scores every stored customer in bounded batches, recording moves with cause "model". */
class RescoreCustomersTest {

    @TempDir
    Path dir;

    private final InMemoryModelRepository models = new InMemoryModelRepository();
    private final InMemorySegmentCatalog catalog = new InMemorySegmentCatalog();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-10T09:00:00Z"), ZoneOffset.UTC);
    private final ActiveModel active = new ActiveModel(models);
    private final ModelLookup lookup = new ModelLookup(models, active);
    private final InMemoryCustomerProfileStore store = new InMemoryCustomerProfileStore();

    @Test
    void aNewActiveVersionReScoresEveryStoredCustomerInBatchesAndRecordsModelMoves() {
        Path log = dir.resolve("log.csv");
        new GenerateTransactions(Wiring.files()).generate(new GenerateTransactions.Command(20_000, 400, log, null, 5L));
        TrainModel train = new TrainModel(Wiring.reader(), models, Wiring.algorithms(), new ActivateModel(models, active, clock),
                PromotionGate.OPEN, clock, catalog, Wiring.rules());
        train.train(new TrainModel.Command(DataInput.transactions(log, null, null), "kmeans", Map.of("k", 5), 3L, "test"));
        RecordTransactions record = new RecordTransactions(store, lookup, new SegmentNames(catalog), clock,
                new CsvRecordStreams());
        SyntheticTransactions lines = new SyntheticTransactions(400, 20_000, 5L);
        List<RecordTransactions.Command> commands = new ArrayList<>();
        for (int n = 0; lines.hasNext(); n++) {
            SyntheticTransactions.Line line = lines.next();
            if (line.customer() != null) {
                commands.add(new RecordTransactions.Command("line-" + n, line.customer(), line.date(), line.amount(), 0,
                        line.category(), null, line.bank(), line.city()));
            }
        }
        record.recordAll(commands);
        RescoreCustomers rescore = new RescoreCustomers(store, lookup, clock);
        RescoreCustomers.Progress before = rescore.progress();
        assertThat(before.version()).isEqualTo(1);
        assertThat(before.scored()).isEqualTo(400);
        assertThat(before.done()).isTrue();

        train.train(new TrainModel.Command(DataInput.transactions(log, null, null), "kmeans", Map.of("k", 3), 3L, "test"));
        RescoreCustomers.Progress stale = rescore.progress();
        assertThat(stale.version()).isEqualTo(2);
        assertThat(stale.remaining()).isEqualTo(400);

        RescoreCustomers.Progress first = rescore.step(150);
        assertThat(first.current()).as("one bounded batch").isEqualTo(150);
        assertThat(first.done()).isFalse();
        int batches = 1;
        while (!rescore.step(150).done()) {
            batches++;
        }
        assertThat(batches + 1).isEqualTo(3);
        assertThat(rescore.progress().current()).isEqualTo(400);
        List<RecordTransactions.Move> moves = record.moves(clock.instant(), null, 10_000).stream()
                .filter(m -> m.cause().equals("model")).toList();
        assertThat(moves).as("five lifestyles in three segments: customers moved").hasSizeGreaterThan(100)
                .allMatch(m -> m.version() == 2 && m.from() != null);
        assertThat(store.page("", 1_000)).allMatch(p -> p.version() == 2);
    }
}
