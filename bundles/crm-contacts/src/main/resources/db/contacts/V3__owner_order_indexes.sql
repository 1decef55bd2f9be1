-- Issue 5: lists are filtered by owner (own/team scopes). With one owner, the page query orders by
-- (owner_id, created_at | updated_at, id), so these indexes give the page without sorting the owner's rows.
-- They start with owner_id, so the single-column owner index is redundant.
CREATE INDEX ix_crm_contact_owner_created ON crm_contact (owner_id, created_at, id);
CREATE INDEX ix_crm_contact_owner_updated ON crm_contact (owner_id, updated_at, id);
DROP INDEX ix_crm_contact_owner;
