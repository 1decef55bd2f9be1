-- Brute-force locks, so that a restart (or a crash) does not lift them. One row per locked account (kind ACCOUNT,
-- lock_key the hex SHA-256 of the normalised username as typed, which may name no user: a password typed into the
-- username field is never stored) or address (kind ADDRESS, SHA-256 likewise), written when the lock is set and read
-- before every credential check; failures and last_failure_at let an account's lockout keep
-- doubling after a restart. Failures below the threshold stay in memory only. Rows are deleted on a successful login,
-- by an administrator's unlock, and once long ended.
CREATE TABLE crm_login_lock (
    kind VARCHAR(10) NOT NULL,
    lock_key VARCHAR(64) NOT NULL,
    failures INTEGER NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, lock_key)
);
