package com.segments.bootstrap;

import com.segments.adapters.jdbc.TestDatabases;

import java.nio.file.Path;

class H2InDatabaseScoringTest extends InDatabaseScoringContract {

    @Override
    protected TestDatabases.Database database(Path directory) {
        return TestDatabases.h2(directory);
    }

    @Override
    protected String dialect() {
        return "h2";
    }
}
