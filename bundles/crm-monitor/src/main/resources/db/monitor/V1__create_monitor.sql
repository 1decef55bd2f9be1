-- Tables of the monitoring bundle: the rule windows every node counts in, the alerts and the automatic responses.
-- Portable between H2 2.x and PostgreSQL 15: VARCHAR, BIGINT and TIMESTAMP WITH TIME ZONE only (ADR 18).

-- Marks of the rule windows (RuleWindow.mark / markDistinct): one row per rule, key, value ('' for a plain mark) and
-- audit entry. The sequence number makes a mark idempotent: an entry told twice (at-least-once delivery) counts once.
-- Rows older than the retention (markRetentionHours) are pruned.
CREATE TABLE crm_monitor_mark (
    rule VARCHAR(64) NOT NULL,
    mark_key VARCHAR(300) NOT NULL,
    mark_value VARCHAR(300) NOT NULL,
    sequence_no BIGINT NOT NULL,
    marked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (rule, mark_key, mark_value, sequence_no)
);

CREATE INDEX crm_monitor_mark_time ON crm_monitor_mark (rule, mark_key, marked_at);
CREATE INDEX crm_monitor_mark_prune ON crm_monitor_mark (marked_at);

-- Values a rule has seen under a key, kept for good (RuleWindow.firstSeen: a user's addresses).
CREATE TABLE crm_monitor_seen (
    rule VARCHAR(64) NOT NULL,
    seen_key VARCHAR(300) NOT NULL,
    seen_value VARCHAR(300) NOT NULL,
    first_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (rule, seen_key, seen_value)
);

-- Alerts. open_key is rule + '|' + subject while the alert is open or acknowledged and NULL once resolved: its unique
-- index lets one node only open the alert of a rule and subject (entries then fold into it: count, last_sequence).
CREATE TABLE crm_monitor_alert (
    id VARCHAR(36) NOT NULL,
    rule VARCHAR(64) NOT NULL,
    severity VARCHAR(10) NOT NULL,
    subject VARCHAR(200) NOT NULL,
    summary VARCHAR(500) NOT NULL,
    first_sequence BIGINT NOT NULL,
    last_sequence BIGINT NOT NULL,
    entry_count BIGINT NOT NULL,
    state VARCHAR(12) NOT NULL,
    open_key VARCHAR(270),
    raised_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by VARCHAR(64),
    note VARCHAR(500),
    PRIMARY KEY (id)
);

CREATE UNIQUE INDEX crm_monitor_alert_open ON crm_monitor_alert (open_key);
CREATE INDEX crm_monitor_alert_raised ON crm_monitor_alert (raised_at);

-- Automatic responses applied for an alert (lock-account, end-sessions, refuse-address) and their undoing.
-- target is the user id or the address the response was applied to.
CREATE TABLE crm_monitor_response (
    id VARCHAR(36) NOT NULL,
    alert_id VARCHAR(36) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    target VARCHAR(200) NOT NULL,
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
    until_at TIMESTAMP WITH TIME ZONE,
    undone_at TIMESTAMP WITH TIME ZONE,
    undone_by VARCHAR(64),
    PRIMARY KEY (id),
    CONSTRAINT crm_monitor_response_alert FOREIGN KEY (alert_id) REFERENCES crm_monitor_alert (id)
);

CREATE INDEX crm_monitor_response_by_alert ON crm_monitor_response (alert_id);
