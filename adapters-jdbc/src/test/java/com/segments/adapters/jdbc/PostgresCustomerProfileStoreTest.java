package com.segments.adapters.jdbc;


class PostgresCustomerProfileStoreTest extends CustomerProfileStoreContract {


    @Override
    protected TestDatabases.Database database() {
        return TestDatabases.postgres();
    }
}
