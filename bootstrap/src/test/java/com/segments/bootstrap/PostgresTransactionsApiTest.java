package com.segments.bootstrap;

import com.segments.adapters.jdbc.TestDatabases;

import java.nio.file.Path;

class PostgresTransactionsApiTest extends TransactionsApiContract {

    @Override
    protected TestDatabases.Database database(Path directory) {
        return TestDatabases.postgres();
    }
}
