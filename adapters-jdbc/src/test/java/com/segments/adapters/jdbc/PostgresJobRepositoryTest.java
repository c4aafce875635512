package com.segments.adapters.jdbc;

class PostgresJobRepositoryTest extends JobRepositoryContract {

    @Override
    protected TestDatabases.Database database() {
        return TestDatabases.postgres();
    }
}
