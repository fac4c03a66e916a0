-- Proposals, decisions, actions and "you said, we did".  A proposal's
-- life is one state machine (src/proposals/proposals_model.c); every
-- change of state is also a row in proposal_events, its timeline.

ALTER TABLE groups ADD COLUMN response_days INTEGER NOT NULL DEFAULT 28
    CHECK (response_days BETWEEN 1 AND 365);

CREATE TABLE proposals (
	id		INTEGER PRIMARY KEY,
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	title		TEXT NOT NULL,
	problem		TEXT NOT NULL,
	decider_text	TEXT NOT NULL DEFAULT '',	-- "the programme board"
	state		TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft',
			    'agreed', 'not_agreed', 'submitted', 'accepted',
			    'accepted_in_part', 'not_accepted', 'deferred',
			    'more_info', 'done')),
	votes_for	INTEGER,
	votes_against	INTEGER,
	votes_abstain	INTEGER,
	consensus	INTEGER NOT NULL DEFAULT 0 CHECK (consensus IN (0, 1)),
	decided_on	TEXT,			-- the group's own decision
	decision_maker_id INTEGER REFERENCES accounts(id),
	submitted_on	TEXT,
	due_on		TEXT,			-- the response deadline
	deferred_until	TEXT,
	created_by	INTEGER NOT NULL REFERENCES accounts(id),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX proposals_group ON proposals(group_id, state);
CREATE INDEX proposals_decider ON proposals(decision_maker_id, state, due_on);

CREATE TABLE proposal_issues (
	proposal_id	INTEGER NOT NULL REFERENCES proposals(id),
	issue_id	INTEGER NOT NULL REFERENCES issues(id),
	PRIMARY KEY (proposal_id, issue_id)
) WITHOUT ROWID;

CREATE TABLE proposal_options (
	id		INTEGER PRIMARY KEY,
	proposal_id	INTEGER NOT NULL REFERENCES proposals(id),
	position	INTEGER NOT NULL,
	text		TEXT NOT NULL,
	UNIQUE (proposal_id, position)
);

CREATE TABLE proposal_comments (
	id		INTEGER PRIMARY KEY,
	proposal_id	INTEGER NOT NULL REFERENCES proposals(id),
	author_id	INTEGER NOT NULL REFERENCES accounts(id),
	body		TEXT NOT NULL,
	visibility	TEXT NOT NULL CHECK (visibility IN ('members', 'staff')),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX proposal_comments_proposal ON proposal_comments(proposal_id);

CREATE TABLE responses (
	id		INTEGER PRIMARY KEY,
	proposal_id	INTEGER NOT NULL REFERENCES proposals(id),
	responder_id	INTEGER NOT NULL REFERENCES accounts(id),
	kind		TEXT NOT NULL CHECK (kind IN ('accepted',
			    'accepted_in_part', 'not_accepted', 'deferred',
			    'more_info', 'referred')),
	reason		TEXT NOT NULL DEFAULT '',
	deferred_until	TEXT,
	referred_to	INTEGER REFERENCES accounts(id),
	responded_on	TEXT NOT NULL,
	on_time		INTEGER NOT NULL CHECK (on_time IN (0, 1)),
	days_taken	INTEGER NOT NULL,
	CHECK (kind = 'accepted' OR length(reason) > 0)
);
CREATE INDEX responses_proposal ON responses(proposal_id);

CREATE TABLE actions (
	id		INTEGER PRIMARY KEY,
	proposal_id	INTEGER NOT NULL REFERENCES proposals(id),
	text		TEXT NOT NULL,
	owner_id	INTEGER NOT NULL REFERENCES accounts(id),
	due_on		TEXT NOT NULL,
	percent		INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
	closed_on	TEXT,
	evidence	TEXT,
	review_on	TEXT,		-- "check in three months it still works"
	created_on	TEXT NOT NULL,
	CHECK ((closed_on IS NULL) = (evidence IS NULL))
);
CREATE INDEX actions_proposal ON actions(proposal_id);
CREATE INDEX actions_open ON actions(closed_on, due_on);

CREATE TABLE action_updates (
	id		INTEGER PRIMARY KEY,
	action_id	INTEGER NOT NULL REFERENCES actions(id),
	author_id	INTEGER NOT NULL REFERENCES accounts(id),
	note		TEXT NOT NULL,
	percent		INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
	created_on	TEXT NOT NULL
);

CREATE TABLE proposal_events (
	id		INTEGER PRIMARY KEY,
	proposal_id	INTEGER NOT NULL REFERENCES proposals(id),
	on_date		TEXT NOT NULL,
	actor_id	INTEGER REFERENCES accounts(id),
	event		TEXT NOT NULL,
	state		TEXT NOT NULL,		-- the state it led to
	detail		TEXT NOT NULL DEFAULT ''
);
CREATE INDEX proposal_events_proposal ON proposal_events(proposal_id, id);
