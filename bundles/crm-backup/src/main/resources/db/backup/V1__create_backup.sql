-- Tables of the backup bundle. Portable between H2 2.x and PostgreSQL 15. None of them is part of a backup: restoring
-- an older backup must not forget the backups taken since, nor the maintenance state of the restore itself.

-- The catalogue of backup files: one row per backup this installation took, verified or found in its directory.
-- The file itself is the truth (it holds its manifest); the row is what listing, retention and health read.
CREATE TABLE crm_backup (
    id VARCHAR(36) NOT NULL,
    file_name VARCHAR(200) NOT NULL,
    trigger_kind VARCHAR(20) NOT NULL,
    state VARCHAR(12) NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    size_bytes BIGINT,
    row_count BIGINT,
    node VARCHAR(100) NOT NULL,
    error VARCHAR(500),
    verify_state VARCHAR(12),
    verified_at TIMESTAMP WITH TIME ZONE,
    verify_detail VARCHAR(500),
    offsite_copied_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);

CREATE INDEX crm_backup_started ON crm_backup (started_at);

-- Maintenance mode, one row for every node on the database: while active, REST requests other than the restore's
-- own status answer 503 with Retry-After. A restore sets it before it touches data and clears it after; a restore that
-- failed midway leaves it set, with the reason, until an administrator restores again or ends it.
CREATE TABLE crm_backup_maintenance (
    id INTEGER NOT NULL,
    active BOOLEAN NOT NULL,
    reason VARCHAR(500),
    since TIMESTAMP WITH TIME ZONE,
    restore_id VARCHAR(36),
    node VARCHAR(100),
    PRIMARY KEY (id)
);
INSERT INTO crm_backup_maintenance (id, active) VALUES (1, FALSE);

-- Scheduled jobs shared by every node: a node runs a job only after moving next_run_at forward in one UPDATE (the row
-- lock makes it the only one), so one node backs up per scheduled time.
CREATE TABLE crm_backup_job (
    job VARCHAR(40) NOT NULL,
    next_run_at TIMESTAMP WITH TIME ZONE NOT NULL,
    holder VARCHAR(100) NOT NULL,
    PRIMARY KEY (job)
);
