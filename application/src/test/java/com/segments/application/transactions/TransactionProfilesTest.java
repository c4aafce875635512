package com.segments.application.transactions;

import com.segments.adapters.files.CsvTransactionFiles;
import com.segments.application.Shared;
import com.segments.domain.feature.LogLayout;
import com.segments.domain.table.DataSourceException;
import com.segments.domain.table.NumberColumn;
import com.segments.domain.table.Table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TransactionProfilesTest {

    @TempDir
    Path dir;

    private TransactionProfiles.Result aggregate(String content) throws IOException {
        Path file = dir.resolve("log.csv");
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return TransactionProfiles.aggregate(new CsvTransactionFiles().open(file, null, LogLayout.FIND), null);
    }

    @Test
    void everyRuleIsAppliedAndCounted() throws IOException {
        TransactionProfiles.Result result = aggregate("""
                customer_id,date,amount,category,bank
                A,2025-01-05,10.00,Dining,Bank A
                A,2025-01-05,10.00,Dining,Bank A
                A,2025-03-01,30.00,Groceries,Bank A
                A,2025-03-02,-5.00,Groceries,Bank A
                ,2025-03-02,99.00,Dining,Bank B
                B,2025-02-01,0,Dining,Bank B
                B,2025-02-10,60.00,Transport,Bank B
                C,2025-02-11,0.00,Dining,Bank C
                """);
        TransactionProfiles.Summary summary = result.summary();
        assertThat(summary.rowsRead()).isEqualTo(8);
        assertThat(summary.accepted()).isEqualTo(3);
        assertThat(summary.excluded()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "exact duplicate of an earlier row (same customer and date)", 1L,
                "refund (negative amount)", 1L,
                "no customer id", 1L,
                "zero amount", 2L));
        assertThat(summary.customers()).isEqualTo(2);
        assertThat(summary.notes()).anyMatch(n -> n.startsWith("1 customer(s) have no accepted transaction"));

        Table table = result.table();
        assertThat(table.header()).containsExactly("customer_id", "bank", "frequency", "monetary", "avg_ticket",
                "recency_days", "tenure_days", "active_months", "spend_Dining", "spend_Groceries", "spend_Transport",
                "share_Dining", "share_Groceries", "share_Transport");
        assertThat(table.column("customer_id").text(0)).isEqualTo("A");
        assertThat(table.column("bank").text(1)).isEqualTo("Bank B");
        assertThat(number(table, "frequency", 0)).isEqualTo(2);
        assertThat(number(table, "monetary", 0)).isEqualTo(40);
        assertThat(number(table, "avg_ticket", 0)).isEqualTo(20);
        assertThat(number(table, "recency_days", 0)).as("2025-03-01 to the log's last date 2025-03-02").isEqualTo(1);
        assertThat(number(table, "tenure_days", 0)).isEqualTo(56);
        assertThat(number(table, "active_months", 0)).isEqualTo(2);
        assertThat(number(table, "share_Dining", 0)).isCloseTo(0.25, within(1e-12));
        assertThat(number(table, "spend_Transport", 1)).isEqualTo(60);
    }

    @Test
    void invoiceLinesAreOneVisitAndCancellationsAreExcluded() throws IOException {
        TransactionProfiles.Result result = aggregate("""
                InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                1001,X,2,12/1/10 8:26,2.50,17850,United Kingdom
                1001,Y,1,12/1/10 8:26,4.00,17850,United Kingdom
                1002,X,1,12/13/10 9:00,2.50,17850,United Kingdom
                C1003,X,-1,12/14/10 9:00,2.50,17850,United Kingdom
                """);
        assertThat(result.summary().excluded()).containsExactly(Map.entry("cancellation (invoice starting with C)", 1L));
        assertThat(number(result.table(), "frequency", 0)).isEqualTo(2);
        assertThat(number(result.table(), "monetary", 0)).isEqualTo(11.5);
        assertThat(number(result.table(), "items", 0)).isEqualTo(4);
        assertThat(result.table().column("Country").text(0)).isEqualTo("United Kingdom");
    }

    @Test
    void anUnreadableAmountOrDateNamesTheRowAndColumn() throws IOException {
        assertThatThrownBy(() -> aggregate("customer_id,date,amount\nA,2025-01-01,ten\n"))
                .isInstanceOf(DataSourceException.class).hasMessage("log.csv: row 1 (line 2), column 'amount': \"ten\" is not a number");
        assertThatThrownBy(() -> aggregate("customer_id,date,amount\n" + "A,2025-01-01,1\n".repeat(10) + "A,01.02.2025,1\n"))
                .isInstanceOf(DataSourceException.class).hasMessageContaining("row 11 (line 12), column 'date'")
                .hasMessageContaining("\"01.02.2025\" is not a date written as yyyy-MM-dd");
        assertThatThrownBy(() -> aggregate("customer,when,amount\nA,soon,1\nB,later,2\n"))
                .isInstanceOf(DataSourceException.class).hasMessageContaining("no date column found")
                .hasMessageContaining("--date-column");
    }

    /** Acceptance: CDNOW becomes one RFM profile per customer, every excluded row counted by reason. */
    @Test
    void cdnowBecomesOneProfilePerCustomer() {
        TransactionProfiles.Result result = TransactionProfiles.aggregate(
                new CsvTransactionFiles().open(Shared.data("cdnow/CDNOW_master.csv"), null, LogLayout.FIND), null);
        TransactionProfiles.Summary summary = result.summary();
        assertThat(summary.rowsRead()).isEqualTo(69_659);
        assertThat(summary.excluded()).containsEntry("exact duplicate of an earlier row (same customer and date)", 255L)
                .containsEntry("zero amount", 80L);
        assertThat(summary.accepted() + summary.excluded().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(summary.rowsRead());
        long withoutProfile = 23_570 - summary.customers();
        assertThat(withoutProfile).isPositive();
        assertThat(summary.notes()).contains(withoutProfile + " customer(s) have no accepted transaction (all their rows "
                + "were excluded) and get no profile");
        assertThat(result.table().header()).contains("frequency", "monetary", "recency_days", "avg_ticket", "items");
        assertThat(summary.firstDate()).hasToString("1997-01-01");
        assertThat(summary.lastDate()).hasToString("1998-06-30");
    }

    /** Acceptance: both Online Retail files; the counts add up to every row read. */
    @Test
    void onlineRetailCountsEveryExcludedRowByReason() {
        TransactionProfiles.Result sample = TransactionProfiles.aggregate(
                new CsvTransactionFiles().open(Shared.data("online_retail/online_retail_sample.csv"), null, LogLayout.FIND), null);
        assertThat(sample.summary().rowsRead()).isEqualTo(20_000);
        assertThat(sample.summary().excluded()).containsEntry("no customer id", 5_078L)
                .containsKey("cancellation (invoice starting with C)");
        assertThat(sample.summary().accepted() + sample.summary().excluded().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(20_000);

        TransactionProfiles.Result prefix = TransactionProfiles.aggregate(new CsvTransactionFiles().open(
                Shared.data("online_retail/Online_Retail_prefix_2010-12-01_to_2010-12-13.csv"), null, LogLayout.FIND), null);
        assertThat(prefix.summary().rowsRead()).isEqualTo(28_492);
        assertThat(prefix.summary().excluded()).containsEntry("no customer id", 10_003L)
                .containsKey("exact duplicate of an earlier row (same customer and date)");
        assertThat(prefix.summary().firstDate()).hasToString("2010-12-01");
        assertThat(((com.segments.domain.table.TextColumn) prefix.table().column("customer_id")).asList()).doesNotHaveDuplicates();
    }

    private static double number(Table table, String column, int row) {
        return ((NumberColumn) table.column(column)).values()[row];
    }
}
