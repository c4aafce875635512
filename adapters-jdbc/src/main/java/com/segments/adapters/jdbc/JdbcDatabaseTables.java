package com.segments.adapters.jdbc;

import com.segments.domain.table.DatabaseTables;
import com.segments.domain.table.TableReader;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/** Customer tables in the database the models live in, read by {@link JdbcTableReader}. */
@Singleton
class JdbcDatabaseTables implements DatabaseTables {

    private final DataSource dataSource;

    JdbcDatabaseTables(DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource);
    }

    @Override
    public TableReader open(String table) {
        return new JdbcTableReader(dataSource, table);
    }
}
