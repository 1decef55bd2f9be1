-- "A rotation of this purpose runs" is a database fact shared by every node: running_purpose holds the purpose while
-- a rotation is RUNNING and is NULL otherwise, and its unique index lets only one RUNNING rotation per purpose exist
-- (NULLs do not collide, on H2 and on PostgreSQL). A second node starting the same rotation fails on the index.
ALTER TABLE crm_key_rotation ADD COLUMN running_purpose VARCHAR(20);

UPDATE crm_key_rotation SET running_purpose = purpose
 WHERE state = 'RUNNING'
   AND started_at = (SELECT MAX(r.started_at) FROM crm_key_rotation r
                      WHERE r.purpose = crm_key_rotation.purpose AND r.state = 'RUNNING');

CREATE UNIQUE INDEX crm_key_rotation_running ON crm_key_rotation (running_purpose);
