-- Who typed a log in, apart from whose log it is.  A paper sheet is the
-- rep's who wrote it (author_id, who alone with staff may read it); the
-- coordinator who types a pile of sheets in is recorded here.  Logs
-- stored before were typed by their author.
ALTER TABLE conversations ADD COLUMN entered_by INTEGER REFERENCES accounts(id);
UPDATE conversations SET entered_by = author_id;
