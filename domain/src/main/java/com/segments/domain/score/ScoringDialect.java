package com.segments.domain.score;

import com.segments.domain.SegmentsException;

import java.util.Arrays;
import java.util.Locale;

/**
 * The SQL engines a model can be written for. PostgreSQL and H2 are the databases the product stores models in
 * and runs a statement on; Spark SQL and DuckDB are engines users run the printed statement on themselves.
 */
public enum ScoringDialect {
    POSTGRESQL, H2, SPARK, DUCKDB;

    /** The name a user writes ({@code postgresql}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws SegmentsException naming the dialects there are
     */
    public static ScoringDialect parse(String name) {
        for (ScoringDialect d : values()) {
            if (d.id().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return d;
            }
        }
        throw new SegmentsException("unknown SQL dialect '" + name + "'; one of "
                + Arrays.stream(values()).map(ScoringDialect::id).toList());
    }
}
