package com.segments.domain.feature;

import java.nio.file.Path;

/** The port that reads feature spec files. */
public interface FeatureSpecs {

    /** @throws com.segments.domain.table.DataSourceException naming the file and the offending key */
    FeatureSpec read(Path file);
}
