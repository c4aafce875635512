package com.segments.adapters.jdbc;

import com.segments.domain.score.ScoringDialect;

class PostgresInDatabaseScoringTest extends InDatabaseScoringContract {

    @Override
    protected TestDatabases.Database database() {
        return TestDatabases.postgres();
    }

    @Override
    protected ScoringDialect dialect() {
        return ScoringDialect.POSTGRESQL;
    }
}
