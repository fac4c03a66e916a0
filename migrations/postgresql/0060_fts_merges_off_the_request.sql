-- SQLite's FTS5 indexes stop merging inside the writing request (the
-- SQLite migration of the same name says why).  PostgreSQL's search is a
-- generated tsvector column with a GIN index, whose pending list the
-- server already flushes outside the inserting statement (fastupdate);
-- nothing to change here but to say so.
COMMENT ON COLUMN conversations.search IS
    'Full-text search of what was raised and where it was escalated to';
