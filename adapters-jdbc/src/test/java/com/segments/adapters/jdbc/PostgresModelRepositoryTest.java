package com.segments.adapters.jdbc;

class PostgresModelRepositoryTest extends ModelRepositoryContract {

    @Override
    protected TestDatabases.Database database() {
        return TestDatabases.postgres();
    }
}
