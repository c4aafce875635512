package com.segments.bootstrap;

import com.segments.adapters.jdbc.TestDatabases;

import java.nio.file.Path;

class H2EndToEndTest extends EndToEndContract {

    @Override
    protected TestDatabases.Database database(Path directory) {
        return TestDatabases.h2(directory);
    }
}
