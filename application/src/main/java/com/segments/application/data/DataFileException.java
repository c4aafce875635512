package com.segments.application.data;

import com.segments.domain.SegmentsException;

/** A data file that cannot be used as it is; the message names the file, and the row and column where known. */
public class DataFileException extends SegmentsException {

    public DataFileException(String message) {
        super(message);
    }

    public DataFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
