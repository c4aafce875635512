package com.segments.application.data;

import com.segments.domain.feature.CustomerProfiles;
import com.segments.domain.feature.DataMatrix;
import com.segments.domain.feature.FittedPreprocessing;
import com.segments.domain.model.DataFingerprint;

import java.util.Map;

/**
 * A table turned into what the algorithms run on: the raw profiles (one raw vector per customer, see
 * {@link com.segments.domain.feature.FeatureSchema}), the fitted pipeline, its output, and the report of every
 * decision and every row or value set aside.
 *
 * @param groups the group attributes' values per kept row, by column (for reporting, never features)
 */
public record PreparedTable(CustomerProfiles profiles, FittedPreprocessing preprocessing, DataMatrix transformed,
                            InferenceReport report, DataFingerprint fingerprint, Map<String, String[]> groups) {

    public PreparedTable {
        groups = Map.copyOf(groups);
    }
}
