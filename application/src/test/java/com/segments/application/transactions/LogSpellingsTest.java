package com.segments.application.transactions;

import com.segments.application.DataInput;
import com.segments.application.Wiring;
import com.segments.application.features.PreparedTable;
import com.segments.domain.table.DataSourceException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Logs as other systems write them, with other column names and date formats: each trains without a spec, reads
 * the same transactions as the plainly named log, and says which columns it took for what.
 */
class LogSpellingsTest {

    @TempDir
    static Path dir;

    private record Line(String customer, LocalDate date, String amount) {
    }

    private static final List<Line> LINES = new ArrayList<>();
    private static PreparedTable canonical;

    @BeforeAll
    static void writeTheCanonicalLog() throws IOException {
        SplittableRandom random = new SplittableRandom(9);
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 600; i++) {
            String customer = "AC" + (1000 + random.nextInt(60));
            LocalDate date = start.plusDays(i / 3);
            LINES.add(new Line(customer, date, String.format(Locale.ROOT, "%.2f", 1 + random.nextDouble() * 200)));
        }
        canonical = Wiring.prepare(DataInput.transactions(write("canonical.csv", "customer_id,date,amount", "yyyy-MM-dd"),
                null, null));
    }

    private static Path write(String name, String header, String datePattern) throws IOException {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(datePattern, Locale.ROOT);
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (Line line : LINES) {
            csv.append(line.customer()).append(',').append(format.format(line.date().atTime(9, 30))).append(',')
                    .append(line.amount()).append('\n');
        }
        return Files.writeString(dir.resolve(name), csv.toString());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "AccountNo,Trans Date,Txn Amt|dd/MM/yyyy", "CUST_ID,POSTED_DATE,DEBIT|MM/dd/yyyy HH:mm",
            "Client,TransactionDate,Amount (USD)|d-M-yyyy", "member_no,booking_date,value|yyyyMMdd",
            "CardHolderId,Date/Time,amt|yyyy-MM-dd'T'HH:mm:ss", "c1,c2,c3|d/M/yy H:mm", "Customer,Date,Spend|dd.MM.yyyy"})
    void trainsWithoutASpecAndSaysWhichColumnsItTook(String header, String datePattern) throws IOException {
        PreparedTable table = Wiring.prepare(DataInput.transactions(write("log.csv", header, datePattern), null, null));
        assertThat(table.profiles().ids()).containsExactlyInAnyOrderElementsOf(canonical.profiles().ids());
        int monetary = table.profiles().schema().features().indexOf("monetary");
        int canonicalMonetary = canonical.profiles().schema().features().indexOf("monetary");
        assertThat(columnSum(table, monetary)).isEqualTo(columnSum(canonical, canonicalMonetary));
        String[] names = header.split(",");
        assertThat(table.report().warnings()).anySatisfy(w -> assertThat(w).startsWith("customer column: '" + names[0] + "'"))
                .anySatisfy(w -> assertThat(w).startsWith("date column: '" + names[1] + "'"))
                .anySatisfy(w -> assertThat(w).startsWith("amount column: '" + names[2] + "'"));
    }

    private static double columnSum(PreparedTable table, int column) {
        double sum = 0;
        for (int i = 0; i < table.profiles().size(); i++) {
            sum += table.profiles().values().get(i, column);
        }
        return Math.round(sum * 100) / 100.0;
    }

    @Test
    void anAmbiguousNameIsAnErrorNamingTheCandidates() throws IOException {
        Path log = write("two.csv", "customer,date,amount", "yyyy-MM-dd");
        String text = Files.readString(log).replace("customer,date,amount", "customer,date,debit_amount")
                .lines().map(l -> l + (l.startsWith("customer") ? ",credit_amount" : ",0.00")).reduce((a, b) -> a + "\n" + b)
                .orElseThrow() + "\n";
        Files.writeString(log, text);
        assertThatThrownBy(() -> Wiring.prepare(DataInput.transactions(log, null, null)))
                .isInstanceOf(DataSourceException.class)
                .hasMessageContaining("the amount column is ambiguous: ['debit_amount', 'credit_amount']")
                .hasMessageContaining("--amount-column");
        PreparedTable told = Wiring.prepare(DataInput.transactions(log, null, null)
                .withLayout(new com.segments.domain.feature.LogLayout(null, null, "debit_amount", null)));
        assertThat(told.profiles().size()).isEqualTo(canonical.profiles().size());
    }

    @Test
    void aLogReadAsACustomerTableStopsAndSaysToReadItAsALog() throws IOException {
        Path log = write("log-as-table.csv", "customer_id,date,amount", "yyyy-MM-dd");
        assertThatThrownBy(() -> Wiring.prepare(DataInput.customers(log, null, null)))
                .isInstanceOf(DataSourceException.class)
                .hasMessageContaining("it looks like a transaction log")
                .hasMessageContaining("--transactions");
        PreparedTable firstRows = Wiring.prepare(DataInput.customers(log, null, null).keepingFirstPerId());
        assertThat(firstRows.profiles().size()).isEqualTo(canonical.profiles().size());
    }
}
