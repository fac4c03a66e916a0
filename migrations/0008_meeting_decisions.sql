-- Decisions recorded as such, not buried in prose: each keeps whether
-- the meeting was quorate when it was taken, so decisions taken without
-- quorum stay marked.
CREATE TABLE meeting_decisions (
	id		INTEGER PRIMARY KEY,
	meeting_id	INTEGER NOT NULL REFERENCES meetings(id),
	agenda_item_id	INTEGER REFERENCES agenda_items(id),
	text		TEXT NOT NULL,
	quorate		INTEGER NOT NULL CHECK (quorate IN (0, 1)),
	created_by	INTEGER NOT NULL REFERENCES accounts(id),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX meeting_decisions_meeting ON meeting_decisions(meeting_id);
