package com.segments.application;

import java.nio.file.Path;
import java.util.List;

/**
 * @param modelVersion the version that scored
 * @param rows         rows written
 * @param perSegment   rows per segment id
 * @param noise        rows no segment claims (segment -1 in the output)
 * @param outliers     rows flagged as outliers (noise included)
 * @param out          the file written
 * @param unusedColumns columns of the input the model neither reads nor knows (it may be another shape of data)
 */
public record ScoreReport(int modelVersion, long rows, long[] perSegment, long noise, long outliers, Path out,
                          List<String> unusedColumns) {

    public ScoreReport {
        unusedColumns = List.copyOf(unusedColumns);
    }
}
