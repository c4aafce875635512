package com.segments.adapters.jdbc;

import com.segments.domain.feature.Field;
import com.segments.domain.table.CategoryColumn;
import com.segments.domain.table.ColumnRead;
import com.segments.domain.table.DataSourceException;
import com.segments.domain.table.DatabaseTables;
import com.segments.domain.table.NumberColumn;
import com.segments.domain.table.Table;
import com.segments.domain.table.TableSample;
import com.segments.domain.table.TextColumn;
import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A customer table read from the database as a CSV file is read: typed columns, in blocks; each database a subclass. */
abstract class DatabaseTablesContract {

    private TestDatabases.Database database;
    private ApplicationContext context;
    private DatabaseTables tables;

    protected abstract TestDatabases.Database database();

    @BeforeEach
    void start() throws SQLException {
        database = database();
        context = ApplicationContext.run(database.properties());
        tables = context.getBean(DatabaseTables.class);
        DataSource dataSource = context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE crm_customers (customer_id VARCHAR(20), balance NUMERIC(12, 2), visits INTEGER, "
                    + "note VARCHAR(40), tier VARCHAR(10))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO crm_customers VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 2500; i++) {
                    insert.setString(1, "C" + i);
                    if (i % 100 == 7) {
                        insert.setNull(2, java.sql.Types.NUMERIC);
                    } else {
                        insert.setBigDecimal(2, java.math.BigDecimal.valueOf(i * 1.5 + 0.25));
                    }
                    insert.setInt(3, i % 13);
                    insert.setString(4, i == 2400 ? "lots" : Integer.toString(i % 7));
                    insert.setString(5, i % 2 == 0 ? "gold" : "silver");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    @AfterEach
    void stop() {
        context.close();
        database.close();
    }

    @Test
    void readsEveryRowTypedInBlocksAfterShowingTheFirstAsText() {
        List<Table> blocks = new ArrayList<>();
        List<TableSample> samples = new ArrayList<>();
        var result = tables.open("crm_customers").read(100, sample -> {
            samples.add(sample);
            return List.of(ColumnRead.text("customer_id"), ColumnRead.field(Field.number("balance")),
                    ColumnRead.field(Field.number("visits")), ColumnRead.skip("note"), ColumnRead.category("tier", 10));
        }, 1000, blocks::add);
        assertThat(result.rows()).isEqualTo(2500);
        assertThat(samples.getFirst().header()).containsExactly("customer_id", "balance", "visits", "note", "tier");
        assertThat(samples.getFirst().rows()).hasSize(100);
        assertThat(blocks).extracting(Table::rows).containsExactly(1000, 1000, 500);
        Table first = blocks.getFirst();
        assertThat(((TextColumn) first.column("customer_id")).text(3)).isEqualTo("C3");
        assertThat(((NumberColumn) first.column("balance")).values()[3]).isEqualTo(4.75);
        assertThat(((NumberColumn) first.column("balance")).values()[7]).isNaN();
        assertThat(((NumberColumn) blocks.get(2).column("visits")).values()[499]).isEqualTo(2499 % 13);
        assertThat(((CategoryColumn) first.column("tier")).dictionary()).containsExactly("gold", "silver");
        assertThat(first.column("note")).isNull();
    }

    @Test
    void aCellItsColumnCannotReadNamesTheRowAndColumn() {
        assertThatThrownBy(() -> tables.open("crm_customers").read(100, sample -> List.of(ColumnRead.text("customer_id"),
                ColumnRead.skip("balance"), ColumnRead.skip("visits"), ColumnRead.field(Field.number("note")),
                ColumnRead.skip("tier")), Integer.MAX_VALUE, t -> { }))
                .isInstanceOf(DataSourceException.class)
                .hasMessage("table crm_customers: row 2401, column 'note': \"lots\" is not a number");
    }

    @Test
    void aNameIsFoundInTheCatalogueAndAlwaysQuotedSoNoNameIsReadAsSql() throws SQLException {
        assertThatThrownBy(() -> tables.open("crm_customers; DROP TABLE crm_customers").read(10, s -> List.of(), 10, t -> { }))
                .isInstanceOf(DataSourceException.class)
                .hasMessage("table crm_customers; DROP TABLE crm_customers does not exist");
        assertThat(tables.open("crm_customers").read(10, sample -> List.of(ColumnRead.text("customer_id"),
                ColumnRead.skip("balance"), ColumnRead.skip("visits"), ColumnRead.skip("note"), ColumnRead.skip("tier")),
                Integer.MAX_VALUE, t -> { }).rows()).as("the table is still there").isEqualTo(2500);
        assertThatThrownBy(() -> tables.open("no_such_table").read(10, s -> List.of(), 10, t -> { }))
                .isInstanceOf(DataSourceException.class).hasMessage("table no_such_table does not exist");
        assertThatThrownBy(() -> tables.open("a.b.c")).isInstanceOf(DataSourceException.class)
                .hasMessageContaining("'a.b.c' is not a table name");
        assertThatThrownBy(() -> tables.open(" ")).isInstanceOf(DataSourceException.class)
                .hasMessageContaining("name is empty");
    }

    @Test
    void aNameIsFoundIgnoringCaseWhenUnambiguousAndANameNeedingQuotesIsRead() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"Crm Export 2026\" (\"Customer Id\" VARCHAR(20), \"Monthly Spend\" DOUBLE PRECISION)");
            s.execute("INSERT INTO \"Crm Export 2026\" VALUES ('A', 1.5), ('B', 2.5)");
        }
        List<Table> blocks = new ArrayList<>();
        var quoted = tables.open("crm export 2026").read(10, sample -> List.of(ColumnRead.text("Customer Id"),
                ColumnRead.field(Field.number("Monthly Spend"))), 10, blocks::add);
        assertThat(quoted.rows()).isEqualTo(2);
        double[] spend = ((NumberColumn) blocks.getFirst().column("Monthly Spend")).values();
        assertThat(spend[0]).isEqualTo(1.5);
        assertThat(spend[1]).isEqualTo(2.5);
        assertThat(tables.open("CRM_CUSTOMERS").read(10, sample -> List.of(ColumnRead.text("customer_id"),
                ColumnRead.skip("balance"), ColumnRead.skip("visits"), ColumnRead.skip("note"), ColumnRead.skip("tier")),
                Integer.MAX_VALUE, t -> { }).rows()).isEqualTo(2500);
    }

    private DataSource dataSource() {
        return context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
    }
}
