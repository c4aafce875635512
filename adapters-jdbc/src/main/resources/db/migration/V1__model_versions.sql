-- One migration set for PostgreSQL and for H2 in PostgreSQL mode.

CREATE SEQUENCE model_version_seq START WITH 1 INCREMENT BY 1;

-- A stored model. The artifact is the whole model as JSON text (plain numbers and names); the other columns
-- repeat what listing and choosing a version needs, so a list never parses artifacts.
CREATE TABLE model_version (
    version        INTEGER PRIMARY KEY,
    algorithm      VARCHAR(64)              NOT NULL,
    segment_count  INTEGER                  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    silhouette     DOUBLE PRECISION,
    data_source    VARCHAR(2048)            NOT NULL,
    data_rows      BIGINT                   NOT NULL,
    data_sha256    VARCHAR(64)              NOT NULL,
    artifact       TEXT                     NOT NULL
);

-- Named pointers at versions. 'active' is the model predictions use; switching it is one UPDATE of one row,
-- so every reader sees either the old version or the new one.
CREATE TABLE model_pointer (
    name        VARCHAR(32) PRIMARY KEY,
    version     INTEGER REFERENCES model_version (version),
    updated_at  TIMESTAMP WITH TIME ZONE
);

INSERT INTO model_pointer (name, version, updated_at) VALUES ('active', NULL, NULL);
