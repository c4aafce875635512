package com.segments.adapters.files;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;

import java.util.Arrays;

/** A FastCSV callback handler that builds each record as its fields' strings and the line it starts on. */
final class RowCollector extends AbstractBaseCsvCallbackHandler<RowCollector.Row> {

    /** One record as text. */
    record Row(String[] fields, long line) {
    }

    private String[] fields = new String[32];

    @Override
    protected void handleField(int index, char[] buf, int offset, int length, boolean quoted) {
        if (index == fields.length) {
            fields = Arrays.copyOf(fields, index * 2);
        }
        fields[index] = new String(buf, offset, length);
    }

    @Override
    protected Row buildRecord() {
        return new Row(Arrays.copyOf(fields, getFieldCount()), getStartingLineNumber());
    }
}
