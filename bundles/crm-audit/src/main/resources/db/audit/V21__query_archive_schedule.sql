-- The retention job's schedule, shared by every node on one database: a node runs the archive only after moving
-- next_run_at forward in one UPDATE (the row lock makes it the only one), so one node archives per period.
CREATE TABLE crm_audit_job_schedule (
    job VARCHAR(40) NOT NULL,
    next_run_at TIMESTAMP WITH TIME ZONE NOT NULL,
    holder VARCHAR(100) NOT NULL,
    PRIMARY KEY (job)
);
INSERT INTO crm_audit_job_schedule (job, next_run_at, holder)
    VALUES ('archive', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00', 'none');
