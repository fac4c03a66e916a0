-- A group's published documents: its charter, its terms of reference,
-- and other papers it stands by, each a Markdown text with the date it
-- was published.  Members of the group read them; staff publish them.
CREATE TABLE group_documents (
	id		INTEGER PRIMARY KEY,
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	title		TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('charter',
			    'terms_of_reference', 'other')),
	body		TEXT NOT NULL,
	published_on	TEXT NOT NULL,
	created_by	INTEGER NOT NULL REFERENCES accounts(id),
	updated_by	INTEGER REFERENCES accounts(id)
);
CREATE INDEX group_documents_group ON group_documents(group_id,
    published_on);
