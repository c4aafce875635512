package com.segments.application.features;

import com.segments.domain.feature.CustomerProfiles;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.model.DataFingerprint;
import com.segments.domain.table.CategoryColumn;

import java.util.List;

/**
 * A table turned into what the algorithms run on: the raw profiles (one raw vector per customer, see
 * {@link com.segments.domain.feature.FeatureSchema}), the fitted pipeline, its output, the same rows in original
 * units (ranges checked, derived columns added, gaps filled: what segment profiles are described in), and the
 * report of every decision and every row or value set aside.
 *
 * @param original the rows after the original-unit steps ({@link FittedPreprocessing#impute})
 * @param weights  each kept row's sample weight, or {@code null} when the spec declares no weight column
 * @param groups   the group attributes of the kept rows (for reporting, never features)
 */
public record PreparedTable(CustomerProfiles profiles, FittedPreprocessing preprocessing, DataMatrix transformed,
                            DataMatrix original, double[] weights, InferenceReport report,
                            DataFingerprint fingerprint, List<CategoryColumn> groups) {

    public PreparedTable {
        groups = List.copyOf(groups);
    }

    /** The same table with another report (warnings added by whoever read the data). */
    public PreparedTable withReport(InferenceReport report) {
        return new PreparedTable(profiles, preprocessing, transformed, original, weights, report, fingerprint, groups);
    }
}
