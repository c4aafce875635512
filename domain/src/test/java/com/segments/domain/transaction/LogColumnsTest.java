package com.segments.domain.transaction;

import com.segments.domain.feature.LogLayout;
import com.segments.domain.table.DataSourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogColumnsTest {

    /** A few lines of a log with the given header: customer, date, amount in that order. */
    private static List<String[]> rows(String... dates) {
        List<String[]> rows = new ArrayList<>();
        String[] customers = {"A17", "B22", "A17", "C09", "B22", "A17"};
        String[] amounts = {"12.50", "3.99", "120.00", "8.25", "45.10", "7.00"};
        for (int i = 0; i < customers.length; i++) {
            rows.add(new String[] {customers[i], dates[i % dates.length], amounts[i]});
        }
        return rows;
    }

    @ParameterizedTest(name = "{0} | {1} | {2}")
    @CsvSource(delimiter = '|', value = {
            "customer_id|date|amount", "CustomerID|InvoiceDate|TotalPrice", "AccountNo|Trans Date|Txn Amt",
            "Account Number|Transaction Date|Amount (USD)", "CUST_ID|POSTED_DATE|DEBIT", "client|txn_date|value",
            "member_no|Date|spend", "cardHolderId|BookingDate|amt"})
    void findsTheColumnsByTheNamesPeopleGiveThem(String customer, String date, String amount) {
        LogColumns.Found found = LogColumns.find("log.csv", List.of(customer, date, amount),
                rows("2025-01-05", "2025-02-11"), LogLayout.FIND);
        assertThat(found.customer()).isZero();
        assertThat(found.date()).isEqualTo(1);
        assertThat(found.amount()).isEqualTo(2);
        assertThat(found.notes()).contains("customer column: '" + customer + "' (named like one)");
    }

    @Test
    void findsThemByContentWhenTheNamesSayNothing() {
        LogColumns.Found found = LogColumns.find("log.csv", List.of("c1", "c2", "c3"),
                rows("05/01/2025 10:01", "11/02/2025 08:30", "28/02/2025 17:45"), LogLayout.FIND);
        assertThat(found.customer()).isZero();
        assertThat(found.date()).isEqualTo(1);
        assertThat(found.amount()).isEqualTo(2);
        assertThat(found.dateFormat()).startsWith("d/M/yyyy");
        assertThat(found.notes()).contains("customer column: 'c1' (its values repeat across rows, as a customer's id does)",
                "date column: 'c2' (its values are dates)", "amount column: 'c3' (its values are non-negative decimals)");
    }

    @Test
    void monthFirstDatesAreToldApartByTheData() {
        LogColumns.Found found = LogColumns.find("log.csv", List.of("customer", "date", "amount"),
                rows("12/1/10 8:26", "12/13/10 9:00"), LogLayout.FIND);
        assertThat(found.dateFormat()).startsWith("M/d/yy");
    }

    @Test
    void datesThatReadBothWaysAreAnErrorWithAnExampleAndTheWayOut() {
        assertThatThrownBy(() -> LogColumns.find("log.csv", List.of("customer", "date", "amount"),
                rows("05/06/2021", "07/08/2021"), LogLayout.FIND))
                .isInstanceOf(LogColumns.AmbiguousDates.class)
                .hasMessageContaining("read both day-first and month-first (for example \"05/06/2021\")")
                .hasMessageContaining("--date-format");
        LogColumns.Found told = LogColumns.find("log.csv", List.of("customer", "date", "amount"),
                rows("05/06/2021", "07/08/2021"), new LogLayout(null, null, null, "dd/MM/yyyy"));
        assertThat(told.dateFormat()).isEqualTo("dd/MM/yyyy");
    }

    @Test
    void twoEquallyGoodCandidatesAreAnErrorNamingBoth() {
        List<String[]> rows = new ArrayList<>();
        for (String[] row : rows("2025-01-05")) {
            rows.add(new String[] {row[0], row[1], row[2], "0.00"});
        }
        assertThatThrownBy(() -> LogColumns.find("bank.csv", List.of("Account No", "Value Date", "Withdrawal Amt",
                "Deposit Amt"), rows, LogLayout.FIND))
                .isInstanceOf(DataSourceException.class)
                .hasMessage("bank.csv: the amount column is ambiguous: ['Withdrawal Amt', 'Deposit Amt'] all look like one; "
                        + "say which with --amount-column NAME");
        LogColumns.Found told = LogColumns.find("bank.csv", List.of("Account No", "Value Date", "Withdrawal Amt",
                "Deposit Amt"), rows, new LogLayout(null, null, "Withdrawal Amt", null));
        assertThat(told.amount()).isEqualTo(2);
        assertThat(told.notes()).contains("amount column: 'Withdrawal Amt' (as told)");
    }

    @Test
    void aDeclaredColumnTheHeaderLacksIsNamed() {
        assertThatThrownBy(() -> LogColumns.find("log.csv", List.of("customer", "date", "amount"), rows("2025-01-05"),
                new LogLayout("acct", null, null, null)))
                .hasMessage("log.csv: --customer-column names column 'acct', which is not in the header "
                        + "[customer, date, amount]");
    }

    @Test
    void quantityTimesUnitPriceIsTheAmountWhenThereIsNoAmount() {
        List<String[]> rows = List.of(new String[] {"17850", "12/1/10 8:26", "2", "2.55"},
                new String[] {"17851", "12/13/10 8:28", "6", "3.39"});
        LogColumns.Found found = LogColumns.find("retail.csv", List.of("CustomerID", "InvoiceDate", "Quantity", "UnitPrice"),
                rows, LogLayout.FIND);
        assertThat(found.amount()).isEqualTo(-1);
        assertThat(found.quantity()).isEqualTo(2);
        assertThat(found.price()).isEqualTo(3);
    }

    @Test
    void namesAreReadAsWords() {
        assertThat(LogColumns.words("AccountNo")).containsExactly("account", "no");
        assertThat(LogColumns.words("CUST_ID")).containsExactly("cust", "id");
        assertThat(LogColumns.words("InvoiceDate")).containsExactly("invoice", "date");
        assertThat(LogColumns.words("Amount (USD)")).containsExactly("amount", "usd");
        assertThat(LogColumns.customerScore("transaction_id")).isZero();
        assertThat(LogColumns.amountScore("UnitPrice")).isZero();
        assertThat(LogColumns.dateScore("date_of_birth")).isZero();
    }
}
