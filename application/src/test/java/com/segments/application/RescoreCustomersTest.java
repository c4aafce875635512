package com.segments.application;

import com.segments.adapters.files.CsvRecordStreams;
import com.segments.application.sample.SyntheticTransactions;
import com.segments.domain.model.PromotionGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-10T09:00:00Z"));
    private final ActiveModel active = new ActiveModel(models);
    private final ModelLookup lookup = new ModelLookup(models, active);
    private final InMemoryCustomerProfileStore store = new InMemoryCustomerProfileStore();

    @Test
    void aNewActiveVersionReScoresEveryStoredCustomerInBatchesAndRecordsModelMoves() {
        TrainModel train = trainer();
        RecordTransactions record = recordFiveLifestyles(train);
        RescoreCustomers rescore = new RescoreCustomers(store, lookup, clock);
        RescoreCustomers.Progress before = rescore.progress();
        assertThat(before.version()).isEqualTo(1);
        assertThat(before.scored()).isEqualTo(400);
        assertThat(before.done()).isTrue();

        train.train(new TrainModel.Command(DataInput.transactions(log(), null, null), "kmeans", Map.of("k", 3), 3L, "test"));
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

    @Test
    void onceAVersionIsDoneStepsLeaveTheStoreAloneUntilTheRecheckAndANewVersionIsSeenAtOnce() {
        TrainModel train = trainer();
        recordFiveLifestyles(train);
        RescoreCustomers rescore = new RescoreCustomers(store, lookup, clock);
        assertThat(rescore.step(1_000).done()).isTrue();
        int scans = store.scans;
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(2));
            RescoreCustomers.Progress idle = rescore.step(1_000);
            assertThat(idle.done()).isTrue();
            assertThat(idle.current()).isEqualTo(400);
        }
        assertThat(store.scans).as("an idle server does not scan the profiles").isEqualTo(scans);

        clock.advance(RescoreCustomers.RECHECK);
        rescore.step(1_000);
        assertThat(store.scans).as("after the recheck period the store is asked again").isGreaterThan(scans);

        train.train(new TrainModel.Command(DataInput.transactions(log(), null, null), "kmeans", Map.of("k", 3), 3L, "test"));
        RescoreCustomers.Progress next = rescore.step(150);
        assertThat(next.version()).as("a newly active version is re-scored at once").isEqualTo(2);
        assertThat(next.current()).isEqualTo(150);
        assertThat(next.done()).isFalse();
    }

    private Path log() {
        return dir.resolve("log.csv");
    }

    private TrainModel trainer() {
        new GenerateTransactions(Wiring.files()).generate(new GenerateTransactions.Command(20_000, 400, log(), null, 5L));
        return new TrainModel(Wiring.reader(), models, Wiring.algorithms(), new ActivateModel(models, active, clock),
                PromotionGate.OPEN, clock, catalog, Wiring.rules());
    }

    /** Trains version 1 (k = 5) on the generated log, and records every line of it as a transaction. */
    private RecordTransactions recordFiveLifestyles(TrainModel train) {
        train.train(new TrainModel.Command(DataInput.transactions(log(), null, null), "kmeans", Map.of("k", 5), 3L, "test"));
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
        return record;
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
