package com.segments.adapters.files;

import com.segments.domain.table.DataSourceException;
import com.segments.domain.table.RecordStreams;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Delimited text read record by record with FastCSV, as it arrives: nothing is buffered beyond the current row. */
public final class CsvRecordStreams implements RecordStreams {

    @Override
    public long read(InputStream in, String name, char delimiter, Rows rows) {
        List<String> header = null;
        long count = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).detectBomHeader(true)
                .skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true)
                .ofCsvRecord(in, StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                if (header == null) {
                    header = record.getFields().stream().map(String::strip).toList();
                    continue;
                }
                List<String> fields = record.getFields();
                if (fields.size() > header.size()) {
                    throw new DataSourceException(name + ": line " + record.getStartingLineNumber() + " has "
                            + fields.size() + " fields, the header names " + header.size());
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int j = 0; j < fields.size(); j++) {
                    cells.put(header.get(j), fields.get(j));
                }
                rows.row(record.getStartingLineNumber(), cells);
                count++;
            }
        } catch (CsvParseException e) {
            throw new DataSourceException(name + ": " + e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new DataSourceException(name + ": cannot be read: " + e.getMessage(), e);
        }
        if (header == null) {
            throw new DataSourceException(name + ": no header line; the first line names the columns, e.g. "
                    + "transaction_id,customer_id,date,amount,category");
        }
        return count;
    }
}
