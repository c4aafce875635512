package com.segments.adapters.jdbc;

class PostgresTransactionStoreTest extends TransactionStoreContract {

    @Override
    protected TestDatabases.Database database() {
        return TestDatabases.postgres();
    }
}
