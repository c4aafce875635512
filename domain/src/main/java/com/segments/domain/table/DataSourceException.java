package com.segments.domain.table;

import com.segments.domain.SegmentsException;

/** Data that cannot be used as it is; the message names the file, and the row and column where known. */
public class DataSourceException extends SegmentsException {

    public DataSourceException(String message) {
        super(message);
    }

    public DataSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
