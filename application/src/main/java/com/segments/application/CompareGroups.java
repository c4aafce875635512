package com.segments.application;

import com.segments.application.data.DataFileException;
import com.segments.application.data.RawTable;
import com.segments.application.data.TableScorer;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.profile.GroupComparison;
import com.segments.domain.profile.SegmentLabel;

import java.util.ArrayList;
import java.util.List;

/**
 * The segment mix of each group (bank, branch, country) of a data set against the whole: every customer is scored
 * with a model, then group and segment are cross-tabulated and tested (see {@link GroupComparison}).
 */
public final class CompareGroups {

    private final ModelLookup lookup;
    private final SegmentNames names;

    public CompareGroups(ModelLookup lookup, SegmentNames names) {
        this.lookup = lookup;
        this.names = names;
    }

    public record Result(int version, String source, long customers, long noise, GroupComparison comparison) {
    }

    /** @throws DataFileException when the data has no such column (the message lists the ones it has) */
    public Result compare(DataInput input, String groupColumn, ModelReference reference) {
        ModelVersion version = lookup.resolve(reference);
        RawTable table = input.table();
        RawTable.Column groups = table.column(groupColumn);
        if (groups == null) {
            throw new DataFileException(table.source() + " has no column '" + groupColumn + "'; it has " + table.header());
        }
        Assignment[] assignments = TableScorer.assign(version.model(), table);
        String[] groupOf = new String[assignments.length];
        int[] segmentOf = new int[assignments.length];
        long noise = 0;
        for (int i = 0; i < assignments.length; i++) {
            groupOf[i] = groups.isMissing(i) ? "" : groups.cell(i).strip();
            segmentOf[i] = assignments[i].isNoise() ? -1 : assignments[i].segment();
            noise += assignments[i].isNoise() ? 1 : 0;
        }
        List<SegmentLabel> labels = names.labels(version.version());
        List<String> segmentNames = new ArrayList<>();
        for (int s = 0; s < version.model().segmentCount(); s++) {
            int id = s;
            segmentNames.add(labels.stream().filter(l -> l.segment() == id).map(SegmentLabel::name).findFirst()
                    .orElse("segment " + s));
        }
        return new Result(version.version(), table.source(), assignments.length, noise,
                GroupComparison.of(groupColumn, groupOf, segmentOf, segmentNames));
    }
}
