package com.segments.application;

import java.nio.file.Path;

/**
 * @param modelVersion the version that scored
 * @param rows         rows written
 * @param perSegment   rows per segment id
 * @param outliers     rows flagged as outliers
 * @param out          the file written
 */
public record ScoreReport(int modelVersion, long rows, long[] perSegment, long outliers, Path out) {
}
