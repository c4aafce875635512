package com.segments.application.data;

import com.segments.domain.cluster.Assignment;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.Field;
import com.segments.domain.feature.FieldValidationException;
import com.segments.domain.model.TrainedModel;

import java.util.Locale;

/** Assigns every row of a table (a customer table, or profiles aggregated from transactions) with one model. */
public final class TableScorer {

    private TableScorer() {
    }

    /**
     * @return one assignment per row, in row order
     * @throws DataFileException naming a column the model needs that the table lacks, or a cell it cannot read
     */
    public static Assignment[] assign(TrainedModel model, RawTable table) {
        FeatureSchema schema = model.schema();
        RawTable.Column[] columns = new RawTable.Column[schema.size()];
        for (int j = 0; j < columns.length; j++) {
            Field field = schema.fields().get(j);
            columns[j] = table.column(field.name());
            if (columns[j] == null) {
                throw new DataFileException(table.source() + ": column '" + field.name() + "' is missing; the model needs "
                        + schema.features());
            }
        }
        Assignment[] out = new Assignment[table.rows()];
        double[] raw = new double[columns.length];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                Field field = schema.fields().get(j);
                RawTable.Column column = columns[j];
                if (column.numbers() != null && field.kind() == Field.Kind.NUMBER) {
                    raw[j] = column.numbers()[i];
                    continue;
                }
                try {
                    raw[j] = column.isMissing(i) ? field.encode(null) : field.encode(column.cell(i));
                } catch (FieldValidationException e) {
                    throw new DataFileException(String.format(Locale.ROOT, "%s: row %d (line %d), column '%s': %s",
                            table.source(), i + 1, table.lines()[i], field.name(), e.getMessage()));
                }
            }
            out[i] = model.assignInPlace(raw);
        }
        return out;
    }
}
