-- Contacts bundle, schema version 1: companies, contacts and their child rows.
-- Portable between H2 2.x and PostgreSQL 15: VARCHAR, TIMESTAMP, DATE, BIGINT, BOOLEAN, INTEGER only.
-- Ids are UUIDs in their 36-character text form. Timestamps hold UTC.
-- first_name/last_name are NOT NULL ('' when absent) so that ORDER BY gives the same order on H2 and PostgreSQL,
-- which place NULLs differently.
-- Applied by org.bastion.crm.api.persistence.SchemaMigrator as component "contacts". Never edit this file once
-- released: add V2__<what>.sql instead (the migrator refuses to start when an applied script changed).

CREATE TABLE crm_company (
    id            VARCHAR(36)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    name_lower    VARCHAR(200) NOT NULL,
    domain        VARCHAR(253),
    address_type  VARCHAR(50),
    street        VARCHAR(300),
    city          VARCHAR(100),
    region        VARCHAR(100),
    postal_code   VARCHAR(20),
    country       VARCHAR(2),
    owner_id      VARCHAR(100) NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    updated_at    TIMESTAMP    NOT NULL,
    row_version   BIGINT       NOT NULL,
    CONSTRAINT pk_crm_company PRIMARY KEY (id),
    CONSTRAINT uq_crm_company_domain UNIQUE (domain)
);
CREATE INDEX ix_crm_company_order ON crm_company (name_lower, id);
CREATE INDEX ix_crm_company_owner ON crm_company (owner_id);

CREATE TABLE crm_company_tag (
    company_id VARCHAR(36) NOT NULL,
    tag        VARCHAR(50) NOT NULL,
    CONSTRAINT pk_crm_company_tag PRIMARY KEY (company_id, tag),
    CONSTRAINT fk_crm_company_tag_company FOREIGN KEY (company_id) REFERENCES crm_company (id) ON DELETE CASCADE
);
CREATE INDEX ix_crm_company_tag_tag ON crm_company_tag (tag, company_id);

CREATE TABLE crm_contact (
    id           VARCHAR(36)    NOT NULL,
    first_name   VARCHAR(100)   NOT NULL,
    last_name    VARCHAR(100)   NOT NULL,
    title        VARCHAR(100),
    company_id   VARCHAR(36),
    owner_id     VARCHAR(100)   NOT NULL,
    notes        VARCHAR(10000),
    birthday     DATE,
    created_at   TIMESTAMP      NOT NULL,
    updated_at   TIMESTAMP      NOT NULL,
    row_version  BIGINT         NOT NULL,
    CONSTRAINT pk_crm_contact PRIMARY KEY (id),
    CONSTRAINT fk_crm_contact_company FOREIGN KEY (company_id) REFERENCES crm_company (id)
);
CREATE INDEX ix_crm_contact_order ON crm_contact (last_name, first_name, id);
CREATE INDEX ix_crm_contact_company ON crm_contact (company_id);
CREATE INDEX ix_crm_contact_owner ON crm_contact (owner_id);

CREATE TABLE crm_contact_email (
    contact_id    VARCHAR(36)  NOT NULL,
    seq           INTEGER      NOT NULL,
    email_type    VARCHAR(50),
    address       VARCHAR(254) NOT NULL,
    address_lower VARCHAR(254) NOT NULL,
    is_primary    BOOLEAN      NOT NULL,
    CONSTRAINT pk_crm_contact_email PRIMARY KEY (contact_id, seq),
    CONSTRAINT fk_crm_contact_email_contact FOREIGN KEY (contact_id) REFERENCES crm_contact (id) ON DELETE CASCADE
);
CREATE INDEX ix_crm_contact_email_lower ON crm_contact_email (address_lower);

CREATE TABLE crm_contact_phone (
    contact_id   VARCHAR(36) NOT NULL,
    seq          INTEGER     NOT NULL,
    phone_type   VARCHAR(50),
    phone_number VARCHAR(32) NOT NULL,
    CONSTRAINT pk_crm_contact_phone PRIMARY KEY (contact_id, seq),
    CONSTRAINT fk_crm_contact_phone_contact FOREIGN KEY (contact_id) REFERENCES crm_contact (id) ON DELETE CASCADE
);

CREATE TABLE crm_contact_address (
    contact_id   VARCHAR(36)  NOT NULL,
    seq          INTEGER      NOT NULL,
    address_type VARCHAR(50),
    street       VARCHAR(300),
    city         VARCHAR(100),
    region       VARCHAR(100),
    postal_code  VARCHAR(20),
    country      VARCHAR(2),
    CONSTRAINT pk_crm_contact_address PRIMARY KEY (contact_id, seq),
    CONSTRAINT fk_crm_contact_address_contact FOREIGN KEY (contact_id) REFERENCES crm_contact (id) ON DELETE CASCADE
);

CREATE TABLE crm_contact_tag (
    contact_id VARCHAR(36) NOT NULL,
    tag        VARCHAR(50) NOT NULL,
    CONSTRAINT pk_crm_contact_tag PRIMARY KEY (contact_id, tag),
    CONSTRAINT fk_crm_contact_tag_contact FOREIGN KEY (contact_id) REFERENCES crm_contact (id) ON DELETE CASCADE
);
CREATE INDEX ix_crm_contact_tag_tag ON crm_contact_tag (tag, contact_id);
