-- Background training jobs, persisted so that a restart can tell what was interrupted.
CREATE TABLE training_job (
    id           VARCHAR(36) PRIMARY KEY,
    source       VARCHAR(2048)            NOT NULL,
    algorithm    VARCHAR(64)              NOT NULL,
    parameters   VARCHAR(2048)            NOT NULL,
    seed         BIGINT                   NOT NULL,
    state        VARCHAR(16)              NOT NULL,
    progress     DOUBLE PRECISION         NOT NULL,
    stage        VARCHAR(256),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    version      INTEGER REFERENCES model_version (version),
    error        VARCHAR(4096)
);

CREATE INDEX training_job_source_state ON training_job (source, state);
CREATE INDEX training_job_created ON training_job (created_at);
