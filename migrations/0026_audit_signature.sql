-- The audit head's signature: crypto_sign (Ed25519) over the last id and
-- hash, made with a key kept in a file outside the database, so a chain
-- truncated or rebuilt by someone holding only the database is caught by
-- `roundtable check`.  NULL until a signing key first writes the head.
ALTER TABLE audit_head ADD COLUMN signature BLOB;
