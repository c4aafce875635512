package com.segments.adapters.cli;

import com.segments.application.features.ColumnRole;
import com.segments.application.features.InferenceReport;

import java.util.Map;

/** The one-screen summary of what was read and decided, column by column, with every exclusion counted. */
final class InferenceText {

    private static final Map<ColumnRole, String> ROLES = Map.of(ColumnRole.ID, "id", ColumnRole.NUMERIC_FEATURE, "number",
            ColumnRole.CATEGORICAL_FEATURE, "category", ColumnRole.DATE_FEATURE, "date", ColumnRole.GROUP, "group",
            ColumnRole.WEIGHT, "weight", ColumnRole.IGNORED, "ignored");

    private InferenceText() {
    }

    static String render(InferenceReport inference) {
        StringBuilder out = new StringBuilder();
        out.append("Read ").append(inference.source()).append(": ").append(Numbers.count(inference.rows()))
                .append(" customers, ").append(inference.columns().size()).append(" columns\n");
        TextTable columns = TextTable.text();
        for (InferenceReport.Column column : inference.columns()) {
            columns.row("  " + ROLES.get(column.role()), column.name(), column.reason());
        }
        out.append(columns.render());
        for (String warning : inference.warnings()) {
            out.append("  note: ").append(warning).append('\n');
        }
        return out.toString();
    }
}
