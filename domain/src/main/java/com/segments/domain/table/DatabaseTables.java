package com.segments.domain.table;

/** The port that reads a customer table from the database the models are stored in, streaming, never whole. */
public interface DatabaseTables {

    /**
     * @param table a table name, optionally schema-qualified ({@code crm.customers}); letters, digits, underscores
     * @throws DataSourceException for a name that is not a plain identifier or a table that does not exist
     */
    TableReader open(String table);
}
