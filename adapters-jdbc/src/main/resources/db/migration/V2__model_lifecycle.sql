-- Model lifecycle: READY (stored) -> ACTIVE -> RETIRED, and FAILED with a reason; what triggered each version; and a
-- history of activations, so that a rollback knows what was active before.

ALTER TABLE model_version ADD COLUMN status VARCHAR(16) DEFAULT 'READY' NOT NULL;
ALTER TABLE model_version ADD COLUMN status_reason VARCHAR(2048);
ALTER TABLE model_version ADD COLUMN triggered_by VARCHAR(256) DEFAULT 'cli' NOT NULL;

UPDATE model_version SET status = 'ACTIVE'
 WHERE version = (SELECT version FROM model_pointer WHERE name = 'active');

CREATE TABLE model_activation (
    id            BIGINT PRIMARY KEY,
    version       INTEGER                  NOT NULL REFERENCES model_version (version),
    previous      INTEGER REFERENCES model_version (version),
    activated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason        VARCHAR(64)              NOT NULL
);

CREATE SEQUENCE model_activation_seq START WITH 1 INCREMENT BY 1;

INSERT INTO model_activation (id, version, previous, activated_at, reason)
SELECT nextval('model_activation_seq'), version, NULL, updated_at, 'activate'
  FROM model_pointer WHERE name = 'active' AND version IS NOT NULL;
