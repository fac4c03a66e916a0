-- Erasure and the audit of reads.
-- A person whose identity has been erased stays as a tombstone row, so
-- memberships, attendance, votes on the roll and the audit rows that
-- name their id still point at something, and that something says only
-- "erased on" a date (src/people/erasure.c).
ALTER TABLE people ADD COLUMN erased_on TEXT;
-- Reads of a person's record are audit rows about the person; the admin
-- page lists one person's, newest first, by this index.
CREATE INDEX audit_about ON audit(entity, entity_id, id);
