-- "The last place you used" reads a rep's newest log by entry order: an
-- index on author_id alone keeps the rowid order, so no sort is needed.
CREATE INDEX conversations_author_entry ON conversations(author_id);
