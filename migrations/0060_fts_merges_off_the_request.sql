-- The full-text indexes stop merging their segments inside the writing
-- request.  FTS5 writes a small segment each time a savepoint ends (every
-- request is one, under group commit) and by default merges a little of
-- the index at once, in that request: over the million bench logs that
-- was most of the cost of logging a conversation (3,600 inserts/s; with
-- automerge off, 11,800/s over 20,000 inserts).  FTS5 still merges a
-- level whenever it holds 16 segments ('crisismerge'), so the number of
-- segments a search reads stays bounded; a search for "medication" took
-- the same 10 ms after the 20,000 inserts as before.
INSERT INTO conversations_fts (conversations_fts, rank) VALUES ('automerge', 0);
INSERT INTO issues_fts (issues_fts, rank) VALUES ('automerge', 0);
INSERT INTO services_fts (services_fts, rank) VALUES ('automerge', 0);
