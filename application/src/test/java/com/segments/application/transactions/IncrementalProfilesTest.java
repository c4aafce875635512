package com.segments.application.transactions;

import com.segments.domain.table.NumberColumn;
import com.segments.domain.table.Table;
import com.segments.domain.transaction.CustomerActivity;
import com.segments.domain.transaction.Transaction;
import com.segments.domain.transaction.TransactionSource;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The property the real-time door rests on: for any log and any split of it into a batch part and a streamed part
 * (each customer's state stored and read back between the two, and after some streamed transactions), the profiles
 * equal those batch aggregation makes of the whole log, bit for bit. Logs are random (seeded, so a failure is
 * reproducible from the case number): duplicates, refunds, cancellations, zero amounts, dates out of order, invoices
 * or none, categories beyond the {@value TransactionProfiles#MAX_CATEGORIES} that get their own column, group
 * attributes that conflict.
 */
class IncrementalProfilesTest {

    private static final long START = LocalDate.of(2024, 1, 1).toEpochDay();

    @Test
    void anySplitIntoBatchThenStreamGivesTheBatchProfilesToTheLastDigit() {
        for (int c = 0; c < 400; c++) {
            Random random = new Random(1_000 + c);
            List<Transaction> log = randomLog(random);
            int split = random.nextInt(log.size() + 1);
            long asOf = START + 400 + random.nextInt(30);
            try {
                checkSplit(log, split, asOf, random);
            } catch (AssertionError e) {
                throw new AssertionError("case " + c + " (split at " + split + " of " + log.size() + "): "
                        + e.getMessage(), e);
            }
        }
    }

    private static void checkSplit(List<Transaction> log, int split, long asOf, Random random) {
        List<String> groupNames = log.getFirst().groups().length == 0 ? List.of() : List.of("bank");
        Map<String, CustomerActivity> whole = TransactionProfiles.activities(source(log, groupNames));
        Table batch = whole.isEmpty() ? null
                : TransactionProfiles.aggregate(source(log, groupNames), LocalDate.ofEpochDay(asOf)).table();

        Map<String, CustomerActivity> streamed = new LinkedHashMap<>();
        TransactionProfiles.activities(source(log.subList(0, split), groupNames))
                .forEach((id, a) -> streamed.put(id, CustomerActivity.fromBytes(a.toBytes())));
        for (Transaction t : log.subList(split, log.size())) {
            if (CustomerActivity.screen(t) != null) {
                continue; // a customer seen only on excluded rows gets no state, as in batch
            }
            CustomerActivity a = streamed.computeIfAbsent(t.customer(), k -> new CustomerActivity());
            if (random.nextInt(3) == 0) { // stored and read back between transactions
                a = CustomerActivity.fromBytes(a.toBytes());
                streamed.put(t.customer(), a);
            }
            a.add(t);
        }

        assertThat(streamed.keySet()).containsExactlyInAnyOrderElementsOf(whole.keySet());
        streamed.forEach((id, a) -> assertThat(a.toBytes()).as("stored state of " + id).isEqualTo(whole.get(id).toBytes()));

        if (batch == null) {
            return; // no row of the log counts: no profile either way (asserted just above)
        }
        List<String> columns = batch.header().subList(1, batch.header().size());
        ProfileLayout layout = ProfileLayout.of(columns, groupNames);
        for (int i = 0; i < batch.rows(); i++) {
            String id = batch.column("customer_id").text(i);
            Map<String, Object> values = layout.values(streamed.get(id), asOf);
            for (String column : columns) {
                if (batch.column(column) instanceof NumberColumn number) {
                    assertThat(Double.doubleToRawLongBits((Double) values.get(column)))
                            .as(id + " " + column + ": " + values.get(column) + " vs " + number.values()[i])
                            .isEqualTo(Double.doubleToRawLongBits(number.values()[i]));
                } else {
                    assertThat(values.get(column) == null ? "" : values.get(column)).as(id + " " + column)
                            .isEqualTo(batch.column(column).text(i));
                }
            }
        }
    }

    @Test
    void theCasesCoverEveryRuleAndTheOtherColumn() {
        Map<CustomerActivity.Exclusion, Integer> seen = new LinkedHashMap<>();
        boolean other = false;
        boolean outOfOrder = false;
        for (int c = 0; c < 400; c++) {
            List<Transaction> log = randomLog(new Random(1_000 + c));
            Map<String, CustomerActivity> state = new LinkedHashMap<>();
            long lastDay = Long.MIN_VALUE;
            for (Transaction t : log) {
                CustomerActivity.Exclusion why = CustomerActivity.screen(t);
                if (why == null) {
                    why = state.computeIfAbsent(t.customer(), k -> new CustomerActivity()).add(t);
                }
                if (why != null) {
                    seen.merge(why, 1, Integer::sum);
                }
                outOfOrder |= t.day() < lastDay;
                lastDay = t.day();
            }
            if (!state.values().stream().allMatch(a -> !a.counted())) {
                Table table = TransactionProfiles.aggregate(source(log, List.of()), null).table();
                other |= table.header().contains("spend_Other") && table.header().size() > 60;
            }
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrder(CustomerActivity.Exclusion.values());
        assertThat(other).as("some log has more categories than get a column of their own").isTrue();
        assertThat(outOfOrder).isTrue();
    }

    @Test
    void aStateOfAnotherFormatIsRefusedByName() {
        byte[] bytes = new CustomerActivity().toBytes();
        bytes[0] = 9;
        assertThatThrownBy(() -> CustomerActivity.fromBytes(bytes)).hasMessageContaining("format 9")
                .hasMessageContaining("reads format " + CustomerActivity.FORMAT);
        assertThatThrownBy(() -> CustomerActivity.fromBytes(new byte[]{1, 0, 0})).hasMessageContaining("truncated");
    }

    @Test
    void aColumnThatIsNotAProfileColumnIsRefusedByName() {
        assertThatThrownBy(() -> ProfileLayout.of(List.of("monetary", "BALANCE"), List.of("bank")))
                .hasMessageContaining("'BALANCE' is not a transaction profile column");
    }

    // ---------------------------------------------------------------- random logs

    private static List<Transaction> randomLog(Random random) {
        int customers = 1 + random.nextInt(8);
        int categories = random.nextInt(4) == 0 ? 31 + random.nextInt(8) : 1 + random.nextInt(6);
        boolean withCategory = random.nextInt(6) != 0;
        boolean withInvoice = random.nextBoolean();
        boolean withGroups = random.nextBoolean();
        boolean withItems = random.nextBoolean();
        int rows = 1 + random.nextInt(120);
        List<Transaction> log = new ArrayList<>(rows);
        long day = START;
        for (int r = 0; r < rows; r++) {
            if (!log.isEmpty() && random.nextInt(8) == 0) {
                log.add(log.get(random.nextInt(log.size()))); // an exact duplicate (same line)
                continue;
            }
            day += random.nextInt(5) == 0 ? -random.nextInt(90) : random.nextInt(6); // sometimes out of order
            String customer = random.nextInt(30) == 0 ? null : "C" + random.nextInt(customers);
            double amount = switch (random.nextInt(12)) {
                case 0 -> -Math.round(random.nextDouble() * 5000) / 100.0;
                case 1 -> 0;
                default -> Math.round(random.nextDouble() * 20_000) / 100.0 + random.nextDouble() * 1e-9;
            };
            String category = !withCategory ? null : random.nextInt(25) == 0 ? "NA" : "Cat " + random.nextInt(categories);
            String invoice = !withInvoice ? null
                    : (random.nextInt(15) == 0 ? "C" : "") + (r / (1 + random.nextInt(3)));
            String[] groups = withGroups ? new String[]{"Bank " + random.nextInt(customers + 1)} : new String[0];
            double items = withItems ? random.nextInt(4) : 0;
            log.add(new Transaction(customer, day, amount, items, category, invoice, groups, random.nextLong()));
        }
        return log;
    }

    private static TransactionSource source(List<Transaction> log, List<String> groupNames) {
        return new TransactionSource() {
            @Override
            public String name() {
                return "random log";
            }

            @Override
            public String location() {
                return "memory";
            }

            @Override
            public String read(Consumer<List<String>> groups, Consumer<Transaction> sink) {
                groups.accept(groupNames);
                log.forEach(sink);
                return "none";
            }
        };
    }
}
