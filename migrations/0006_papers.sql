-- Meeting papers, kept in the database itself so a backup holds them and
-- no path from outside ever reaches the file system.
CREATE TABLE papers (
	id		INTEGER PRIMARY KEY,
	meeting_id	INTEGER NOT NULL REFERENCES meetings(id),
	title		TEXT NOT NULL,
	mime		TEXT NOT NULL,
	ext		TEXT NOT NULL,
	size		INTEGER NOT NULL,
	data		BLOB NOT NULL,
	circulated_on	TEXT NOT NULL,
	uploaded_by	INTEGER NOT NULL REFERENCES accounts(id),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX papers_meeting ON papers(meeting_id);
