-- Contacts bundle, schema version 2: the personal fields of contacts are encrypted at rest (issue 3).
-- Portable between H2 2.x and PostgreSQL 15, like version 1.
--
-- Version 0.1.0 was never released, so the contact tables are dropped and created anew. ContactsSchema refuses to
-- run this script while version 1 tables still hold contacts (plaintext written by a pre-release build): nothing is
-- lost silently. Companies are not personal data and keep their tables.
--
-- Every personal column holds the URL-safe base64 text of a ciphertext made with the contact's own record key:
-- 33 bytes of header, nonce and tag plus the UTF-8 bytes of the value, at most 3 bytes per (UTF-16) character. A
-- value of at most n characters therefore needs 4 * ceil((33 + 3n) / 3) = 44 + 4n characters, rounded up here:
--   name, title, city, region (100): 444 -> 500      street (300): 1244 -> 1300    postal code (20): 124 -> 200
--   country (2): 52 -> 100                           e-mail (254): 1060 -> 1100    phone (32): 172 -> 200
--   notes (10,000): 40044 -> 40100                   birthday as ISO text (at most 16): 108 -> 200
-- Type labels, the primary flag, tags, owner, company, timestamps and version stay plaintext. Names are no longer
-- ordered by the database (ciphertexts have no order): the contacts service sorts by name in memory, and lists are
-- ordered by creation time by default (indexes below).
--
-- crm_contact_search is the blind index: keyed, truncated HMACs of normalised terms (name words and prefixes, whole
-- e-mail addresses, whole phone numbers), one row per term and live blind-index key version.

DROP TABLE crm_contact_tag;
DROP TABLE crm_contact_address;
DROP TABLE crm_contact_phone;
DROP TABLE crm_contact_email;
DROP TABLE crm_contact;

CREATE TABLE crm_contact (
    id           VARCHAR(36)    NOT NULL,
    first_name   VARCHAR(500),
    last_name    VARCHAR(500),
    title        VARCHAR(500),
    company_id   VARCHAR(36),
    owner_id     VARCHAR(100)   NOT NULL,
    notes        VARCHAR(40100),
    birthday     VARCHAR(200),
    created_at   TIMESTAMP      NOT NULL,
    updated_at   TIMESTAMP      NOT NULL,
    row_version  BIGINT         NOT NULL,
    CONSTRAINT pk_crm_contact PRIMARY KEY (id),
    CONSTRAINT fk_crm_contact_company FOREIGN KEY (company_id) REFERENCES crm_company (id)
);
CREATE INDEX ix_crm_contact_created ON crm_contact (created_at, id);
CREATE INDEX ix_crm_contact_updated ON crm_contact (updated_at, id);
CREATE INDEX ix_crm_contact_company ON crm_contact (company_id);
CREATE INDEX ix_crm_contact_owner ON crm_contact (owner_id);

CREATE TABLE crm_contact_email (
    contact_id    VARCHAR(36)   NOT NULL,
    seq           INTEGER       NOT NULL,
    email_type    VARCHAR(50),
    address       VARCHAR(1100) NOT NULL,
    is_primary    BOOLEAN       NOT NULL,
    CONSTRAINT pk_crm_contact_email PRIMARY KEY (contact_id, seq),
    CONSTRAINT fk_crm_contact_email_contact FOREIGN KEY (contact_id) REFERENCES crm_contact (id) ON DELETE CASCADE
);

CREATE TABLE crm_contact_phone (
    contact_id   VARCHAR(36)  NOT NULL,
    seq          INTEGER      NOT NULL,
    phone_type   VARCHAR(50),
    phone_number VARCHAR(200) NOT NULL,
    CONSTRAINT pk_crm_contact_phone PRIMARY KEY (contact_id, seq),
    CONSTRAINT fk_crm_contact_phone_contact FOREIGN KEY (contact_id) REFERENCES crm_contact (id) ON DELETE CASCADE
);

CREATE TABLE crm_contact_address (
    contact_id   VARCHAR(36)   NOT NULL,
    seq          INTEGER       NOT NULL,
    address_type VARCHAR(50),
    street       VARCHAR(1300),
    city         VARCHAR(500),
    region       VARCHAR(500),
    postal_code  VARCHAR(200),
    country      VARCHAR(100),
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

-- The primary key also serves the per-contact deletes and the rotation's "has a token of version v" look-up.
CREATE TABLE crm_contact_search (
    contact_id  VARCHAR(36) NOT NULL,
    key_version INTEGER     NOT NULL,
    token       BIGINT      NOT NULL,
    CONSTRAINT pk_crm_contact_search PRIMARY KEY (contact_id, key_version, token),
    CONSTRAINT fk_crm_contact_search_contact FOREIGN KEY (contact_id) REFERENCES crm_contact (id) ON DELETE CASCADE
);
CREATE INDEX ix_crm_contact_search_token ON crm_contact_search (token, contact_id);
CREATE INDEX ix_crm_contact_search_version ON crm_contact_search (key_version);
