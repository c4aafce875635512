package com.segments.application;

import com.segments.domain.cluster.Assignment;
import com.segments.domain.cluster.Assignments;
import com.segments.domain.feature.FeatureSchema;
import com.segments.domain.feature.Field;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.profile.GroupComparison;
import com.segments.domain.profile.SegmentLabel;
import com.segments.domain.table.NumberColumn;
import com.segments.domain.table.SchemaReads;
import com.segments.domain.table.TableColumn;

import java.util.ArrayList;
import java.util.List;

/**
 * The segment mix of each group (bank, branch, country) of a data set against the whole: every customer is scored
 * with a model, then group and segment are cross-tabulated and tested (see {@link GroupComparison}).
 */
public final class CompareGroups {

    private final ModelLookup lookup;
    private final SegmentNames names;
    private final DataReader reader;

    public CompareGroups(ModelLookup lookup, SegmentNames names, DataReader reader) {
        this.lookup = lookup;
        this.names = names;
        this.reader = reader;
    }

    /** @param unusedColumns columns of the data the model neither reads nor knows */
    public record Result(int version, String source, long customers, long noise, GroupComparison comparison,
                         List<String> unusedColumns) {
    }

    /** @throws com.segments.domain.table.DataSourceException when the data has no such column (naming the ones it has) */
    public Result compare(DataInput input, String groupColumn, ModelReference reference) {
        ModelVersion version = lookup.resolve(reference);
        FeatureSchema schema = version.model().schema();
        Field asFeature = schema.fields().stream().filter(f -> f.name().equals(groupColumn)).findFirst().orElse(null);
        List<String> groupOf = new ArrayList<>();
        List<Integer> segmentOf = new ArrayList<>();
        long[] noise = {0};
        List<String> unused = reader.readForModel(input, schema, asFeature == null ? List.of(groupColumn) : List.of(),
                ScoreBatch.BLOCK_ROWS, block -> {
                    Assignments answers = version.model().assignAll(SchemaReads.rawMatrix(schema, block).rowMajorView());
                    TableColumn groups = block.column(groupColumn);
                    for (int i = 0; i < answers.size(); i++) {
                        int segment = answers.segment(i);
                        groupOf.add(group(groups, asFeature, i));
                        segmentOf.add(segment);
                        noise[0] += segment == Assignment.NOISE ? 1 : 0;
                    }
                });
        List<SegmentLabel> labels = names.labels(version.version());
        List<String> segmentNames = new ArrayList<>();
        for (int s = 0; s < version.model().segmentCount(); s++) {
            int id = s;
            segmentNames.add(labels.stream().filter(l -> l.segment() == id).map(SegmentLabel::name).findFirst()
                    .orElse("segment " + s));
        }
        return new Result(version.version(), input.file() == null ? input.name() : input.file().getFileName().toString(),
                groupOf.size(), noise[0], GroupComparison.of(groupColumn, groupOf.toArray(String[]::new),
                segmentOf.stream().mapToInt(Integer::intValue).toArray(), segmentNames), unused);
    }

    private static String group(TableColumn groups, Field asFeature, int row) {
        if (asFeature != null && groups instanceof NumberColumn codes) {
            double code = codes.values()[row];
            return Double.isNaN(code) ? "" : asFeature.kind() == Field.Kind.CATEGORY ? asFeature.levelOf(code)
                    : NumberColumn.format(code);
        }
        return groups.text(row);
    }
}
