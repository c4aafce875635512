package com.segments.adapters.jdbc;

class PostgresSegmentCatalogTest extends SegmentCatalogContract {

    @Override
    protected TestDatabases.Database database() {
        return TestDatabases.postgres();
    }
}
