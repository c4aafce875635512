package com.segments.adapters.jdbc;

import com.segments.domain.SegmentsException;
import com.segments.domain.feature.FieldValidationException;
import com.segments.domain.feature.NumberText;
import com.segments.domain.model.DataFingerprint;
import com.segments.domain.table.ColumnBuilders;
import com.segments.domain.table.ColumnRead;
import com.segments.domain.table.DataSourceException;
import com.segments.domain.table.Table;
import com.segments.domain.table.TableColumn;
import com.segments.domain.table.TableReader;
import com.segments.domain.table.TableSample;
import com.segments.domain.table.TextColumn;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A customer table read from the database in one streaming pass, as a CSV file is: the first rows as text to the
 * planner, then every row typed by its column's reader, in blocks. Rows come through a cursor (a fetch size inside
 * a read-only transaction, which PostgreSQL needs to stream), so the table is never held whole. Numeric SQL columns
 * are read as numbers directly; text columns go through the field's parser, like a CSV cell. The table is found as
 * in-database scoring finds it ({@link DatabaseCatalogue}): exactly, else ignoring case when unambiguous, refused by
 * name when missing, and always quoted.
 */
final class JdbcTableReader implements TableReader {

    static final int FETCH_SIZE = 10_000;
    private static final Set<Integer> NUMERIC = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL);

    private final DataSource dataSource;
    private final String table;

    /** @throws DataSourceException when the text is not a table name ({@link Identifiers#tableParts}) */
    JdbcTableReader(DataSource dataSource, String table) {
        try {
            Identifiers.tableParts(table);
        } catch (SegmentsException e) {
            throw new DataSourceException(e.getMessage());
        }
        this.dataSource = dataSource;
        this.table = table;
    }

    @Override
    public String name() {
        return "table " + table;
    }

    @Override
    public Result read(int sampleRows, Function<TableSample, List<ColumnRead>> planner, int blockRows,
                       Consumer<Table> blocks) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + found(connection),
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                select.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = select.executeQuery()) {
                    Result result = new Pass(rs, sampleRows, planner, blockRows, blocks).run();
                    connection.commit();
                    return result;
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataSourceException(name() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The table as the catalogue names it, quoted, so that any name is read as a name and never as SQL. */
    private String found(Connection connection) throws SQLException {
        DatabaseCatalogue catalogue = DatabaseCatalogue.of(connection);
        DatabaseCatalogue.TableRef ref = catalogue.table(table);
        if (ref == null) {
            throw new DataSourceException("table " + table + " does not exist");
        }
        return ref.quoted(name -> {
            try {
                return catalogue.quote(name);
            } catch (SQLException e) {
                throw new DataSourceException(name() + " cannot be read: " + e.getMessage(), e);
            }
        });
    }

    /** One pass over the result set: sample as text, plan, then typed blocks. */
    private final class Pass {
        private final ResultSet rs;
        private final int sampleRows;
        private final Function<TableSample, List<ColumnRead>> planner;
        private final int blockRows;
        private final Consumer<Table> blocks;
        private final List<String> header = new ArrayList<>();
        private final boolean[] numericColumn;
        private long rows;
        private long hash = 1125899906842597L;

        Pass(ResultSet rs, int sampleRows, Function<TableSample, List<ColumnRead>> planner, int blockRows,
             Consumer<Table> blocks) throws SQLException {
            this.rs = rs;
            this.sampleRows = sampleRows;
            this.planner = planner;
            this.blockRows = blockRows;
            this.blocks = blocks;
            ResultSetMetaData meta = rs.getMetaData();
            numericColumn = new boolean[meta.getColumnCount()];
            for (int j = 0; j < numericColumn.length; j++) {
                header.add(meta.getColumnLabel(j + 1));
                numericColumn[j] = NUMERIC.contains(meta.getColumnType(j + 1));
            }
        }

        Result run() throws SQLException {
            List<String[]> sample = new ArrayList<>();
            while (sample.size() < sampleRows && rs.next()) {
                String[] row = new String[header.size()];
                for (int j = 0; j < row.length; j++) {
                    String value = rs.getString(j + 1);
                    row[j] = value == null ? "" : value;
                }
                sample.add(row);
            }
            long[] lines = new long[sample.size()];
            for (int r = 0; r < lines.length; r++) {
                lines[r] = r + 1;
            }
            ColumnRead[] plan = planner.apply(new TableSample(name(), header, sample, lines, sample.size() < sampleRows))
                    .toArray(ColumnRead[]::new);
            Block block = new Block(plan);
            for (String[] row : sample) {
                block = addText(block, row);
            }
            while (rs.next()) {
                block = addRow(block);
            }
            if (block.rows > 0) {
                blocks.accept(block.build());
            }
            return new Result(rows, new DataFingerprint(name(), rows, Long.toHexString(hash)));
        }

        private Block addText(Block block, String[] row) {
            rows++;
            for (int j = 0; j < row.length; j++) {
                hash = 31 * hash + row[j].hashCode();
                block.text(j, row[j]);
            }
            return next(block);
        }

        private Block addRow(Block block) throws SQLException {
            rows++;
            for (int j = 0; j < header.size(); j++) {
                ColumnRead read = block.plan[j];
                if (read.kind() == ColumnRead.Kind.FIELD && numericColumn[j]
                        && read.field().kind() == com.segments.domain.feature.Field.Kind.NUMBER) {
                    double v = rs.getDouble(j + 1);
                    boolean missing = rs.wasNull();
                    hash = 31 * hash + (missing ? 0 : Double.hashCode(v));
                    ((ColumnBuilders.Numbers) block.builders[j]).add(missing ? Double.NaN : v);
                } else if (read.kind() != ColumnRead.Kind.SKIP) {
                    String value = rs.getString(j + 1);
                    hash = 31 * hash + (value == null ? 0 : value.hashCode());
                    block.text(j, value == null ? "" : value);
                }
            }
            return next(block);
        }

        private Block next(Block block) {
            block.rows++;
            if (block.rows == blockRows) {
                blocks.accept(block.build());
                return new Block(block.plan);
            }
            return block;
        }

        /** The columns of one block being filled. */
        private final class Block {
            final ColumnRead[] plan;
            final Object[] builders;
            int rows;

            Block(ColumnRead[] plan) {
                this.plan = plan;
                builders = new Object[plan.length];
                for (int j = 0; j < plan.length; j++) {
                    builders[j] = switch (plan[j].kind()) {
                        case FIELD -> new ColumnBuilders.Numbers();
                        case CATEGORY -> new ColumnBuilders.Categories(plan[j].maxLevels());
                        case TEXT -> new TextColumn.Builder();
                        case SKIP -> null;
                    };
                }
            }

            void text(int j, String value) {
                switch (builders[j]) {
                    case ColumnBuilders.Numbers numbers -> numbers.add(parse(plan[j], value));
                    case ColumnBuilders.Categories categories -> categories.add(NumberText.isMissing(value) ? null : value);
                    case TextColumn.Builder text -> {
                        char[] chars = value.toCharArray();
                        text.add(chars, 0, chars.length);
                    }
                    case null -> {
                    }
                    default -> throw new IllegalStateException(builders[j].toString());
                }
            }

            private double parse(ColumnRead read, String value) {
                try {
                    return read.field().parse(value);
                } catch (FieldValidationException e) {
                    throw new DataSourceException(String.format(Locale.ROOT, "%s: row %d, column '%s': %s%s", name(),
                            Pass.this.rows, read.name(), e.problem(), read.hint().isEmpty() ? "" : " " + read.hint()));
                }
            }

            Table build() {
                List<TableColumn> columns = new ArrayList<>();
                for (int j = 0; j < plan.length; j++) {
                    switch (builders[j]) {
                        case ColumnBuilders.Numbers numbers -> columns.add(numbers.build(plan[j].name()));
                        case ColumnBuilders.Categories categories -> columns.add(categories.build(plan[j].name()));
                        case TextColumn.Builder text -> columns.add(text.build(plan[j].name()));
                        case null -> {
                        }
                        default -> throw new IllegalStateException(builders[j].toString());
                    }
                }
                return new Table(name(), rows, columns, null);
            }
        }
    }
}
