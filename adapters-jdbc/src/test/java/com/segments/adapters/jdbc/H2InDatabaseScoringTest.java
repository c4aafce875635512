package com.segments.adapters.jdbc;

import com.segments.domain.score.ScoringDialect;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class H2InDatabaseScoringTest extends InDatabaseScoringContract {

    @TempDir
    Path directory;

    @Override
    protected TestDatabases.Database database() {
        return TestDatabases.h2(directory);
    }

    @Override
    protected ScoringDialect dialect() {
        return ScoringDialect.H2;
    }
}
