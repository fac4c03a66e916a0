-- Meetings, agendas that carry open action points forward, attendance
-- and quorum, minutes typed per agenda item, and their approval.
-- Action points and proposal actions are one thing to members (someone
-- promised to do something by a date), so they are one table: actions
-- now belong to a proposal, a meeting, or both.

ALTER TABLE groups ADD COLUMN constitution TEXT NOT NULL DEFAULT '';
ALTER TABLE groups ADD COLUMN quorum_rule TEXT NOT NULL DEFAULT 'half'
    CHECK (quorum_rule IN ('half', 'fixed'));
ALTER TABLE groups ADD COLUMN quorum_number INTEGER NOT NULL DEFAULT 0
    CHECK (quorum_number >= 0);
ALTER TABLE groups ADD COLUMN papers_days INTEGER NOT NULL DEFAULT 7
    CHECK (papers_days BETWEEN 0 AND 90);
ALTER TABLE groups ADD COLUMN standing_items TEXT NOT NULL DEFAULT '';

CREATE TABLE meetings (
	id		INTEGER PRIMARY KEY,
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	kind		TEXT NOT NULL CHECK (kind IN ('forum', 'proposal_hub',
			    'council', 'board', 'one_to_one')),
	held_on		TEXT NOT NULL,
	starts_at	TEXT NOT NULL,
	place		TEXT NOT NULL DEFAULT '',
	chair_person_id	INTEGER REFERENCES people(id),
	guests		TEXT NOT NULL DEFAULT '',
	minutes_state	TEXT NOT NULL DEFAULT 'draft' CHECK (minutes_state IN
			    ('draft', 'approved', 'published')),
	approved_at	INTEGER REFERENCES meetings(id),	-- the later meeting
	proposed_by	INTEGER REFERENCES people(id),
	seconded_by	INTEGER REFERENCES people(id),
	published_on	TEXT,
	created_by	INTEGER NOT NULL REFERENCES accounts(id),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX meetings_group ON meetings(group_id, held_on);

CREATE TABLE agenda_items (
	id		INTEGER PRIMARY KEY,
	meeting_id	INTEGER NOT NULL REFERENCES meetings(id),
	position	INTEGER NOT NULL,
	title		TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('standing', 'action',
			    'proposal', 'response', 'other')),
	ref_id		INTEGER,		-- the action or proposal
	minutes		TEXT NOT NULL DEFAULT '',	-- Markdown
	UNIQUE (meeting_id, position)
);

CREATE TABLE attendance (
	meeting_id	INTEGER NOT NULL REFERENCES meetings(id),
	person_id	INTEGER NOT NULL REFERENCES people(id),
	status		TEXT NOT NULL CHECK (status IN ('present', 'apologies',
			    'absent')),
	PRIMARY KEY (meeting_id, person_id)
) WITHOUT ROWID;

CREATE TABLE actions_new (
	id		INTEGER PRIMARY KEY,
	proposal_id	INTEGER REFERENCES proposals(id),
	meeting_id	INTEGER REFERENCES meetings(id),
	text		TEXT NOT NULL,
	owner_id	INTEGER NOT NULL REFERENCES accounts(id),
	due_on		TEXT NOT NULL,
	percent		INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
	closed_on	TEXT,
	evidence	TEXT,
	review_on	TEXT,
	created_on	TEXT NOT NULL,
	CHECK (proposal_id IS NOT NULL OR meeting_id IS NOT NULL),
	CHECK ((closed_on IS NULL) = (evidence IS NULL))
);
INSERT INTO actions_new (id, proposal_id, text, owner_id, due_on, percent,
    closed_on, evidence, review_on, created_on)
    SELECT id, proposal_id, text, owner_id, due_on, percent, closed_on,
    evidence, review_on, created_on FROM actions;
DROP TABLE actions;
ALTER TABLE actions_new RENAME TO actions;
CREATE INDEX actions_proposal ON actions(proposal_id);
CREATE INDEX actions_meeting ON actions(meeting_id);
CREATE INDEX actions_open ON actions(closed_on, due_on);
