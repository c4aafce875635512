package com.segments.domain.profile;

import java.nio.file.Path;

/** The port that reads segment naming rules: the bundled set, or a file that replaces it. */
public interface NamingRuleFiles {

    /** The bundled rules for credit-card, retail and transaction-lifestyle data. */
    NamingRules defaults();

    /** @throws com.segments.domain.table.DataSourceException naming the file and the offending entry */
    NamingRules read(Path file);
}
