package com.segments.adapters.jdbc;

import com.segments.domain.SegmentsException;
import com.segments.domain.feature.Field;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.model.TrainedModel;
import com.segments.domain.score.InDatabaseScoring;
import com.segments.domain.score.ScoringDialect;
import com.segments.domain.table.DataSourceException;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores a customer table inside the database the models are stored in (PostgreSQL or H2) with the statement of
 * {@link ScoringSql}: {@code INSERT INTO target ... SELECT}, in chunks of the id's range when the id is a whole
 * number (each chunk a statement, with progress between them), else in one statement. All chunks run in one
 * transaction: a failure leaves the target as it was.
 *
 * <p>Table and column names are looked up in the database's catalogue first (exactly, else ignoring case when that
 * is unambiguous, since PostgreSQL folds unquoted names to lower case), so a missing one is refused by name before
 * any SQL runs, and then always quoted.
 */
@Singleton
class JdbcInDatabaseScoring implements InDatabaseScoring {

    static final List<String> TARGET_COLUMNS = List.of("id", "segment", "distance", "confidence", "outlier", "version",
            "scored_at");
    private static final Set<Integer> WHOLE_NUMBERS = Set.of(Types.SMALLINT, Types.INTEGER, Types.BIGINT);

    private final DataSource dataSource;

    JdbcInDatabaseScoring(DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource);
    }

    @Override
    public String statement(ModelVersion version, ScoringDialect dialect, Source source) {
        ScoringSql sql = new ScoringSql(dialect);
        String id = idColumn(version.model(), source);
        return sql.select(version.model(), version.version(), sql.quoteTable(source.table()), id, name -> name, null,
                null) + ";";
    }

    private static String idColumn(TrainedModel model, Source source) {
        String id = source.idColumn() != null ? source.idColumn() : model.schema().idColumn();
        if (id == null) {
            throw new SegmentsException("the model was trained without an id column; name the table's id column with --id");
        }
        return id;
    }

    @Override
    public Report score(ModelVersion version, Source source, String into, int chunkRows, Progress progress) {
        if (chunkRows < 1) {
            throw new SegmentsException("rows per chunk must be at least 1, got " + chunkRows);
        }
        ScoringSql.centroidRule(version.model().rule());
        Identifiers.tableParts(into);
        try (Connection connection = dataSource.getConnection()) {
            ScoringDialect dialect = dialectOf(connection);
            ScoringSql sql = new ScoringSql(dialect);
            DatabaseCatalogue catalogue = DatabaseCatalogue.of(connection);
            DatabaseCatalogue.TableRef table = catalogue.table(source.table());
            if (table == null) {
                throw new DataSourceException("table " + source.table() + " does not exist");
            }
            Map<String, Integer> columns = catalogue.columns(table);
            String id = column(columns, idColumn(version.model(), source), table, "its id column");
            Map<String, String> fieldColumns = fieldColumns(version.model(), columns, table, version.version());
            DatabaseCatalogue.TableRef target = catalogue.table(into);
            connection.setAutoCommit(false);
            try {
                java.util.function.BiFunction<String, String, String> select = (filter, scoredAt) -> sql.select(
                        version.model(), version.version(), table.quoted(sql::quote), id, fieldColumns::get, filter, scoredAt);
                String quotedTarget = target != null ? target.quoted(sql::quote) : sql.quoteTable(into);
                if (target == null) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE TABLE " + quotedTarget + " AS\n"
                                + select.apply("1 = 0", "CURRENT_TIMESTAMP") + "\nWITH NO DATA");
                    }
                } else {
                    checkTarget(catalogue.columns(target), into);
                }
                OffsetDateTime scoredAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                String now = "CAST(? AS TIMESTAMP WITH TIME ZONE)";
                List<long[]> ranges = WHOLE_NUMBERS.contains(columns.get(id))
                        ? ranges(connection, table.quoted(sql::quote), sql.quote(id), chunkRows) : List.of();
                String insert = "INSERT INTO " + quotedTarget + " (" + String.join(", ", TARGET_COLUMNS) + ")\n";
                long rows = 0;
                if (ranges.isEmpty()) {
                    rows = insert(connection, insert + select.apply(null, now), scoredAt);
                    progress.chunk(1, 1, rows);
                } else {
                    for (int i = 0; i < ranges.size(); i++) {
                        // the bounds are written out, not bound: H2 keeps the first values bound inside a table expression
                        String chunk = insert + select.apply(sql.quote(id) + " >= " + ranges.get(i)[0] + " AND "
                                + sql.quote(id) + " < " + ranges.get(i)[1], now);
                        rows += insert(connection, chunk, scoredAt);
                        progress.chunk(i + 1, ranges.size(), rows);
                    }
                }
                Report report = report(connection, quotedTarget, version, source.table(), into, rows, scoredAt,
                        Math.max(1, ranges.size()), dialect);
                connection.commit();
                return report;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataSourceException("scoring table " + source.table() + " into " + into + " failed: "
                    + firstLine(e.getMessage()), e);
        }
    }

    /** A database's message without the statement some drivers append to it (H2 quotes the whole of it). */
    static String firstLine(String message) {
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("");
        int statement = line.indexOf("; SQL statement");
        line = statement > 0 ? line.substring(0, statement) : line;
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static ScoringDialect dialectOf(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return ScoringDialect.POSTGRESQL;
        }
        if (product.contains("h2")) {
            return ScoringDialect.H2;
        }
        throw new SegmentsException("in-database scoring runs on PostgreSQL and H2, not on " + product
                + "; print the statement with 'segments export-sql' instead");
    }

    private static Map<String, String> fieldColumns(TrainedModel model, Map<String, Integer> columns, DatabaseCatalogue.TableRef table,
                                                    int version) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Field field : model.schema().fields()) {
            String found = find(columns.keySet(), field.name());
            if (found == null) {
                missing.add(field.name());
            } else {
                byField.put(field.name(), found);
            }
        }
        if (!missing.isEmpty()) {
            throw new DataSourceException("table " + table.display() + " has no column " + String.join(", ", missing)
                    + ", which model version " + version + " reads; its columns are " + columns.keySet());
        }
        return byField;
    }

    private static String column(Map<String, Integer> columns, String name, DatabaseCatalogue.TableRef table, String what) {
        String found = find(columns.keySet(), name);
        if (found == null) {
            throw new DataSourceException("table " + table.display() + " has no column " + name + " (" + what
                    + "); its columns are " + columns.keySet());
        }
        return found;
    }

    /** The name exactly, else the one name equal to it ignoring case; null when there is none or several. */
    private static String find(java.util.Collection<String> names, String wanted) {
        if (names.contains(wanted)) {
            return wanted;
        }
        List<String> folded = names.stream().filter(n -> n.equalsIgnoreCase(wanted)).toList();
        return folded.size() == 1 ? folded.getFirst() : null;
    }

    private static void checkTarget(Map<String, Integer> columns, String into) {
        List<String> missing = TARGET_COLUMNS.stream().filter(c -> find(columns.keySet(), c) == null).toList();
        if (!missing.isEmpty()) {
            throw new DataSourceException("table " + into + " exists but has no column " + String.join(", ", missing)
                    + "; scores go into a table with the columns " + TARGET_COLUMNS + " (name a new table to create it)");
        }
    }

    /** Id ranges [from, to) holding about {@code chunkRows} rows each, from the id's minimum, maximum and count. */
    private static List<long[]> ranges(Connection connection, String table, String id, int chunkRows)
            throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT MIN(" + id + "), MAX(" + id + "), COUNT(*) FROM " + table)) {
            rs.next();
            long min = rs.getLong(1);
            long max = rs.getLong(2);
            long count = rs.getLong(3);
            if (count <= chunkRows) {
                return List.of();
            }
            long chunks = (count + chunkRows - 1) / chunkRows;
            long width = Math.max(1, (max - min) / chunks + 1);
            List<long[]> ranges = new ArrayList<>();
            for (long from = min; from <= max; from += width) {
                ranges.add(new long[] {from, from > max - width ? max + 1 : from + width});
                if (from > max - width) {
                    break;
                }
            }
            return ranges;
        }
    }

    private static long insert(Connection connection, String sql, OffsetDateTime scoredAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setObject(1, scoredAt);
            return insert.executeLargeUpdate();
        }
    }

    /** Rows per segment and outliers of this run, counted in the target (runs are told apart by scored_at). */
    private static Report report(Connection connection, String target, ModelVersion version, String table, String into,
                                 long rows, OffsetDateTime scoredAt, int chunks, ScoringDialect dialect)
            throws SQLException {
        long[] perSegment = new long[version.model().segmentCount()];
        long outliers = 0;
        try (PreparedStatement count = connection.prepareStatement("SELECT segment, COUNT(*), "
                + "SUM(CASE WHEN outlier THEN 1 ELSE 0 END) FROM " + target
                + " WHERE version = ? AND scored_at = ? GROUP BY segment")) {
            count.setInt(1, version.version());
            count.setObject(2, scoredAt);
            try (ResultSet rs = count.executeQuery()) {
                while (rs.next()) {
                    int segment = rs.getInt(1);
                    if (!rs.wasNull() && segment >= 0 && segment < perSegment.length) {
                        perSegment[segment] = rs.getLong(2);
                    }
                    outliers += rs.getLong(3);
                }
            }
        }
        return new Report(version.version(), table, into, rows, perSegment, outliers, chunks, dialect);
    }
}
