package com.segments.adapters.jdbc;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class H2CustomerProfileStoreTest extends CustomerProfileStoreContract {

    @TempDir
    Path directory;

    @Override
    protected TestDatabases.Database database() {
        return TestDatabases.h2(directory);
    }
}
