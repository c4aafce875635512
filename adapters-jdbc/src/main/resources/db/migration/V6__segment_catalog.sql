-- What each version's segments are (profiles, computed once at training, as one JSON document) and what they are
-- called (rule-given names, or names, descriptions and offers edited by hand).
CREATE TABLE segment_profile (
    version   INTEGER PRIMARY KEY REFERENCES model_version (version),
    profiles  TEXT NOT NULL
);

CREATE TABLE segment_label (
    version      INTEGER       NOT NULL REFERENCES model_version (version),
    segment      INTEGER       NOT NULL,
    name         VARCHAR(256)  NOT NULL,
    description  VARCHAR(4096) NOT NULL,
    offers       TEXT          NOT NULL,
    edited       BOOLEAN       NOT NULL,
    PRIMARY KEY (version, segment)
);
