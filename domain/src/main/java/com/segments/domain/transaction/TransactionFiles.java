package com.segments.domain.transaction;

import com.segments.domain.feature.LogLayout;

import java.nio.file.Path;
import java.util.List;

/** The port that reads transaction logs from delimited files, finding the columns by their names. */
public interface TransactionFiles {

    /**
     * @param delimiter the field separator, or {@code null} to detect it
     * @param layout    what the user said about the columns ({@link LogLayout#FIND}: nothing)
     * @throws com.segments.domain.table.DataSourceException when there is no such readable file
     */
    LogFile open(Path file, Character delimiter, LogLayout layout);

    /** A log file: its transactions, and the group attributes its header names, known before reading a row. */
    interface LogFile extends TransactionSource {

        /** @throws com.segments.domain.table.DataSourceException when the header lacks a needed column */
        List<String> groupNames();
    }
}
