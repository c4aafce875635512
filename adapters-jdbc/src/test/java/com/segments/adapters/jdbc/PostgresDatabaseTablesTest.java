package com.segments.adapters.jdbc;

class PostgresDatabaseTablesTest extends DatabaseTablesContract {

    @Override
    protected TestDatabases.Database database() {
        return TestDatabases.postgres();
    }
}
