-- Lists read in name order across sites (an organisation-wide view of
-- people) and the newest logs across sites need their own indexes, or
-- every page sorts the whole table.
CREATE INDEX people_name ON people(display_name, id);
CREATE INDEX conversations_when ON conversations(occurred_at DESC, id DESC);
