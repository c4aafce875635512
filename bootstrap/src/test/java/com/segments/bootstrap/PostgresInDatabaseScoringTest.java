package com.segments.bootstrap;

import com.segments.adapters.jdbc.TestDatabases;

import java.nio.file.Path;

class PostgresInDatabaseScoringTest extends InDatabaseScoringContract {

    @Override
    protected TestDatabases.Database database(Path directory) {
        return TestDatabases.postgres();
    }

    @Override
    protected String dialect() {
        return "postgresql";
    }
}
