-- tag::migration[]
-- Deals, schema version 1 (component "deals"; applied by crm-api's SchemaMigrator, recorded in crm_schema_version).
-- The plugin's own table: portable between H2 2.x and PostgreSQL 15. Ids are UUIDs as text; timestamps hold UTC.
-- notes holds ciphertext only (crm-crypto's FieldCipher, a key per deal). Never edit this file once released: add
-- V2__<what>.sql instead (the migrator refuses to start when an applied script changed).
CREATE TABLE vendor_deal (
    id           VARCHAR(36)    NOT NULL,
    title        VARCHAR(200)   NOT NULL,
    amount       DECIMAL(19, 4) NOT NULL,
    currency     VARCHAR(3)     NOT NULL,
    stage        VARCHAR(20)    NOT NULL,
    close_date   DATE,
    contact_id   VARCHAR(36),
    owner_id     VARCHAR(100)   NOT NULL,
    notes        VARCHAR(8000),
    created_at   TIMESTAMP      NOT NULL,
    updated_at   TIMESTAMP      NOT NULL,
    row_version  BIGINT         NOT NULL,
    CONSTRAINT pk_vendor_deal PRIMARY KEY (id)
);
CREATE INDEX ix_vendor_deal_owner ON vendor_deal (owner_id);
CREATE INDEX ix_vendor_deal_created ON vendor_deal (created_at, id);
-- end::migration[]
