-- Tables of the security bundle. Portable between H2 2.x and PostgreSQL 15: VARCHAR, INTEGER, BIGINT, BOOLEAN and
-- TIMESTAMP WITH TIME ZONE (instants, whatever the JVM time zone) only. Personal data (e-mail) and secrets (TOTP
-- secret) are stored as ciphertext of the user's record key (FieldCipher, record kind "user"); passwords as argon2id PHC
-- strings; recovery codes and session tokens as hashes.

-- Users. username is unique and stored lower case. status is ACTIVE or DISABLED (a brute-force lock lives in memory).
-- totp_secret_ct holds the secret from enrolment on; totp_enabled turns true once the user confirmed it with a code.
-- totp_last_step is the last TOTP time step accepted, so a code is refused the second time.
CREATE TABLE crm_user (
    id VARCHAR(36) NOT NULL,
    username VARCHAR(64) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    email_ct VARCHAR(2000),
    password_hash VARCHAR(200) NOT NULL,
    status VARCHAR(10) NOT NULL,
    totp_secret_ct VARCHAR(200),
    totp_enabled BOOLEAN NOT NULL,
    totp_last_step BIGINT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at TIMESTAMP WITH TIME ZONE,
    version BIGINT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT crm_user_username UNIQUE (username)
);

-- The roles each user holds.
CREATE TABLE crm_user_role (
    user_id VARCHAR(36) NOT NULL,
    role VARCHAR(40) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT crm_user_role_user FOREIGN KEY (user_id) REFERENCES crm_user (id) ON DELETE CASCADE
);

-- Recovery codes: salted SHA-256 hashes (RecoveryCodes), each usable once (used_at set when used).
CREATE TABLE crm_recovery_code (
    user_id VARCHAR(36) NOT NULL,
    code_hash VARCHAR(100) NOT NULL,
    used_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_id, code_hash),
    CONSTRAINT crm_recovery_code_user FOREIGN KEY (user_id) REFERENCES crm_user (id) ON DELETE CASCADE
);

-- Sessions: token_hash is the hex SHA-256 of the 256-bit bearer token (the token itself is never stored).
-- A session ends at last_seen_at + idle timeout or at absolute_expires_at, whichever comes first, or when revoked
-- (its row is deleted). enrolment_only sessions may only enrol TOTP.
CREATE TABLE crm_session (
    id VARCHAR(36) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    user_id VARCHAR(36) NOT NULL,
    channel VARCHAR(20) NOT NULL,
    address VARCHAR(100) NOT NULL,
    user_agent VARCHAR(256) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    absolute_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    enrolment_only BOOLEAN NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT crm_session_token UNIQUE (token_hash),
    CONSTRAINT crm_session_user FOREIGN KEY (user_id) REFERENCES crm_user (id) ON DELETE CASCADE
);

CREATE INDEX crm_session_user_id ON crm_session (user_id);
CREATE INDEX crm_session_expiry ON crm_session (absolute_expires_at);
