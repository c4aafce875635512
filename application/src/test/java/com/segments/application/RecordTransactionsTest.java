package com.segments.application;

import com.segments.adapters.files.CsvRecordStreams;
import com.segments.application.sample.SyntheticTransactions;
import com.segments.domain.SegmentsException;
import com.segments.domain.feature.FieldValidationException;
import com.segments.domain.model.PromotionGate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16's acceptance on the generated lifestyles: the whole log streamed one transaction at a time gives each
 * customer a segment, and a diner who starts shopping moves from The Diner to The Shopper, with the move recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordTransactionsTest {

    private static final long SEED = 11L;
    private static final int CUSTOMERS = 1_600;
    private static final int LINES = 80_000;

    private final InMemoryModelRepository models = new InMemoryModelRepository();
    private final InMemorySegmentCatalog catalog = new InMemorySegmentCatalog();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-10T09:00:00Z"), ZoneOffset.UTC);
    private final ActiveModel active = new ActiveModel(models);
    private final ModelLookup lookup = new ModelLookup(models, active);
    private final SegmentNames names = new SegmentNames(catalog);
    private final InMemoryCustomerProfileStore store = new InMemoryCustomerProfileStore();
    private final RecordTransactions record = new RecordTransactions(store, lookup, names, clock, new CsvRecordStreams());

    @BeforeAll
    void trainOnTheGeneratedLogAndStreamIt(@TempDir Path dir) {
        Path log = dir.resolve("log.csv");
        new GenerateTransactions(Wiring.files()).generate(new GenerateTransactions.Command(LINES, CUSTOMERS, log, null, SEED));
        new TrainModel(Wiring.reader(), models, Wiring.algorithms(), new ActivateModel(models, active, clock),
                PromotionGate.OPEN, clock, catalog, Wiring.rules())
                .train(new TrainModel.Command(DataInput.transactions(log, null, null), "kmeans", Map.of("k", 5), 3L, "test"));
        SyntheticTransactions lines = new SyntheticTransactions(CUSTOMERS, LINES, SEED); // the same lines again
        List<RecordTransactions.Command> commands = new ArrayList<>();
        for (int n = 0; lines.hasNext(); n++) {
            SyntheticTransactions.Line line = lines.next();
            if (line.customer() != null) { // a line without a customer is refused by the door (asserted below)
                commands.add(new RecordTransactions.Command("line-" + n, line.customer(), line.date(), line.amount(), 0,
                        line.category(), null, line.bank(), line.city()));
            }
        }
        record.recordAll(commands);
    }

    @Test
    void aDinerWhoStartsShoppingMovesToTheShopperAndTheMoveIsInTheHistory() {
        SyntheticTransactions.Customer diner = java.util.Arrays.stream(new SyntheticTransactions(CUSTOMERS, LINES, SEED).customers())
                .filter(c -> c.lifestyle() == 0 && "The Diner".equals(record.customer(c.id()).name()))
                .findFirst().orElseThrow();
        RecordTransactions.Customer before = record.customer(diner.id());
        assertThat(before.name()).isEqualTo("The Diner");
        Instant since = clock.instant();

        RecordTransactions.Answer moved = null;
        LocalDate day = LocalDate.of(2026, 2, 1); // after every other test's days
        for (int n = 0; n < 400 && moved == null; n++) {
            RecordTransactions.Answer answer = record.record(List.of(Map.of("transaction_id", "shop-" + n,
                    "customer_id", diner.id(), "date", day.plusDays(n / 4).toString(), "amount", 95.0,
                    "category", "Shopping", "bank", "Bank A", "location", "Lisbon"))).getFirst();
            assertThat(answer.asOf()).isEqualTo(day.plusDays(n / 4));
            if (answer.changed()) {
                moved = answer;
            }
        }
        assertThat(moved).as("the diner moved within 400 shopping transactions").isNotNull();
        assertThat(moved.previousName()).isEqualTo("The Diner");
        assertThat(moved.name()).isEqualTo("The Shopper");
        assertThat(moved.offers()).isNotEmpty();
        assertThat(record.customer(diner.id()).changedAt()).isEqualTo(clock.instant());

        List<RecordTransactions.Move> moves = record.moves(since, "the shopper", 100_000);
        assertThat(moves).filteredOn(m -> m.customer().equals(diner.id())).singleElement().satisfies(m -> {
            assertThat(m.fromName()).isEqualTo("The Diner");
            assertThat(m.toName()).isEqualTo("The Shopper");
            assertThat(m.cause()).isEqualTo("transaction");
        });
    }

    @Test
    void everyStreamedCustomerWasGivenASegmentWhenFirstSeen() {
        List<RecordTransactions.Move> firsts = record.moves(Instant.EPOCH, null, 1_000_000).stream()
                .filter(m -> m.from() == null).toList();
        assertThat(firsts).hasSize(CUSTOMERS);
        assertThat(firsts).allMatch(m -> m.toName() != null && m.toName().startsWith("The "));
    }

    @Test
    void aRetriedTransactionCountsOnce() {
        Map<String, Object> t = new HashMap<>(Map.of("transaction_id", "retry-1", "customer_id", "C0000001",
                "date", "2026-01-02", "amount", "12.50", "category", "Dining"));
        double monetary = (double) record.customer("C0000001").profile().get("monetary");
        RecordTransactions.Answer first = record.record(List.of(t)).getFirst();
        RecordTransactions.Answer retry = record.record(List.of(t)).getFirst();
        assertThat(first.duplicate()).isFalse();
        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.segment()).isEqualTo(first.segment());
        assertThat((double) record.customer("C0000001").profile().get("monetary")).isEqualTo(monetary + 12.5);
    }

    @Test
    void aBadFieldIsRefusedByNameAndNothingOfTheBatchIsStored() {
        int stored = store.transactions().size();
        List<Map<String, Object>> batch = List.of(
                Map.of("transaction_id", "ok-1", "customer_id", "C0000002", "date", "2026-01-03", "amount", 5),
                Map.of("transaction_id", "bad-1", "customer_id", "C0000002", "date", "2026-01-03", "amount", "lots"));
        assertThatThrownBy(() -> record.record(batch)).isInstanceOf(FieldValidationException.class)
                .hasMessage("transaction 1: field 'amount': \"lots\" is not a number");
        assertThatThrownBy(() -> record.record(List.of(Map.of("transaction_id", "x", "customer_id", "C1",
                "date", "03/01/2026", "amount", 5)))).hasMessageContaining("field 'date': \"03/01/2026\" is not a date");
        assertThatThrownBy(() -> record.record(List.of(Map.of("transaction_id", "x", "date", "2026-01-03",
                "amount", 5)))).hasMessageContaining("field 'customer_id': is missing");
        assertThatThrownBy(() -> record.record(List.of(Map.of("transaction_id", "x", "customer_id", "C1",
                "date", "2026-01-03", "amount", 5, "colour", "red")))).hasMessageContaining("unknown field 'colour'");
        assertThat(store.transactions()).hasSize(stored);
    }

    @Test
    void aCsvBodyIsReadWholeFirstAndABadLineIsNamed() {
        int stored = store.transactions().size();
        String bad = """
                transaction_id,customer_id,date,amount,category
                csv-1,C0000004,2026-01-05,10,Dining
                csv-2,C0000004,2026-01-05,ten,Dining
                """;
        assertThatThrownBy(() -> record.recordCsv(new java.io.ByteArrayInputStream(bad.getBytes()), "upload", ',', 100))
                .hasMessage("upload: line 3: field 'amount': \"ten\" is not a number");
        assertThat(store.transactions()).hasSize(stored);
        String good = bad.replace("ten", "12.5");
        List<RecordTransactions.Answer> answers = record.recordCsv(new java.io.ByteArrayInputStream(good.getBytes()),
                "upload", ',', 100);
        assertThat(answers).extracting(RecordTransactions.Answer::transactionId).containsExactly("csv-1", "csv-2");
        assertThat(store.transactions()).hasSize(stored + 2);
        List<RecordTransactions.Answer> followed = new ArrayList<>();
        assertThat(record.follow(new java.io.ByteArrayInputStream(good.getBytes()), "stdin", ',', followed::add)).isEqualTo(2);
        assertThat(followed).allMatch(RecordTransactions.Answer::duplicate);
    }

    @Test
    void aRefundIsStoredButDoesNotCount() {
        double monetary = (double) record.customer("C0000003").profile().get("monetary");
        RecordTransactions.Answer refund = record.record(List.of(Map.of("transaction_id", "refund-1",
                "customer_id", "C0000003", "date", "2026-01-04", "amount", -20))).getFirst();
        assertThat(refund.excluded()).isEqualTo("refund (negative amount)");
        assertThat(refund.segment()).isNotNull();
        assertThat((double) record.customer("C0000003").profile().get("monetary")).isEqualTo(monetary);
    }

    @Test
    void aModelNotTrainedOnTransactionProfilesIsRefusedBeforeAnythingIsStored() {
        InMemoryModelRepository others = new InMemoryModelRepository();
        ActiveModel otherActive = new ActiveModel(others);
        new TrainModel(Wiring.reader(), others, Wiring.algorithms(), new ActivateModel(others, otherActive, clock), clock)
                .train(new TrainModel.Command(Shared.data("cc_general/CC_GENERAL.csv"), null, "kmeans", Map.of("k", 3), 1L));
        InMemoryCustomerProfileStore empty = new InMemoryCustomerProfileStore();
        RecordTransactions other = new RecordTransactions(empty, new ModelLookup(others, otherActive), names, clock,
                new CsvRecordStreams());
        assertThatThrownBy(() -> other.record(List.of(Map.of("transaction_id", "x", "customer_id", "C1",
                "date", "2026-01-03", "amount", 5)))).isInstanceOf(SegmentsException.class)
                .hasMessageContaining("was not trained on transaction profiles")
                .hasMessageContaining("is not a transaction profile column");
        assertThat(empty.transactions()).isEmpty();
    }

    @Test
    void aFollowedStreamScoresEachLineWithTheVersionActiveWhenItArrives(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("small.csv");
        new GenerateTransactions(Wiring.files()).generate(new GenerateTransactions.Command(8_000, 200, log, null, SEED));
        InMemoryModelRepository versions = new InMemoryModelRepository();
        ActiveModel serving = new ActiveModel(versions);
        InMemorySegmentCatalog ownNames = new InMemorySegmentCatalog(); // the other tests' names stay as trained
        TrainModel train = new TrainModel(Wiring.reader(), versions, Wiring.algorithms(),
                new ActivateModel(versions, serving, clock), PromotionGate.OPEN, clock, ownNames, Wiring.rules());
        train.train(new TrainModel.Command(DataInput.transactions(log, null, null), "kmeans", Map.of("k", 5), 3L, "test"));
        RecordTransactions following = new RecordTransactions(new InMemoryCustomerProfileStore(),
                new ModelLookup(versions, serving), new SegmentNames(ownNames), clock, new CsvRecordStreams());
        java.io.PipedOutputStream writer = new java.io.PipedOutputStream();
        java.io.PipedInputStream reader = new java.io.PipedInputStream(writer);
        java.util.concurrent.BlockingQueue<RecordTransactions.Answer> answers = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.CompletableFuture<Long> followed = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> following.follow(reader, "stdin", ',', answers::add));
        writer.write("transaction_id,customer_id,date,amount,category\nv-1,C0000001,2026-01-05,10,Dining\n".getBytes());
        writer.flush();
        assertThat(answers.poll(10, java.util.concurrent.TimeUnit.SECONDS).version()).isEqualTo(1);
        train.train(new TrainModel.Command(DataInput.transactions(log, null, null), "kmeans", Map.of("k", 3), 3L, "test"));
        writer.write("v-2,C0000001,2026-01-06,12,Dining\n".getBytes());
        writer.close();
        assertThat(followed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(answers.poll().version()).as("the line after the activation is scored by version 2").isEqualTo(2);
    }
}
