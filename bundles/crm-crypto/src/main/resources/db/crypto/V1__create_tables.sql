-- Tables of the crypto bundle. Portable between H2 2.x and PostgreSQL 15: VARCHAR, INTEGER, BIGINT, TIMESTAMP only;
-- wrapped keys are stored as URL-safe base64 text without padding.

-- Data keys: one row per version of each purpose (field, blind-index, backup), wrapped (RFC 5649) by a master key
-- version of the PKCS#12 keystore. Versions are never deleted: old backups may still need them.
CREATE TABLE crm_data_key (
    purpose VARCHAR(20) NOT NULL,
    version INTEGER NOT NULL,
    master_version INTEGER NOT NULL,
    wrapped VARCHAR(200) NOT NULL,
    state VARCHAR(10) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    retired_at TIMESTAMP,
    PRIMARY KEY (purpose, version)
);

-- Record keys: one per record whose fields are encrypted, wrapped (RFC 5649) by the field data key version
-- key_version. Deleting a row crypto-shreds the record.
CREATE TABLE crm_record_key (
    record_kind VARCHAR(40) NOT NULL,
    record_id VARCHAR(100) NOT NULL,
    key_version INTEGER NOT NULL,
    wrapped VARCHAR(200) NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (record_kind, record_id)
);

CREATE INDEX crm_record_key_version ON crm_record_key (key_version);

-- Key rotations and their progress, so that one interrupted by a restart resumes.
CREATE TABLE crm_key_rotation (
    id VARCHAR(36) NOT NULL,
    purpose VARCHAR(20) NOT NULL,
    from_version INTEGER NOT NULL,
    to_version INTEGER NOT NULL,
    state VARCHAR(10) NOT NULL,
    total BIGINT NOT NULL,
    done BIGINT NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    error VARCHAR(500),
    PRIMARY KEY (id)
);

CREATE INDEX crm_key_rotation_purpose ON crm_key_rotation (purpose, state);
