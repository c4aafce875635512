package com.segments.adapters.jdbc;

class PostgresAccessStoreTest extends AccessStoreContract {

    @Override
    protected TestDatabases.Database database() {
        return TestDatabases.postgres();
    }
}
