-- Voice: conversations reps log, follow-ups, the signposting directory,
-- new-arrival plans and collective issues.  Logs are about issues, never
-- names: free text is checked for names and prison numbers at the door.

CREATE TABLE topics (
	id		INTEGER PRIMARY KEY,
	site_id		INTEGER REFERENCES sites(id),	-- NULL: every site
	name		TEXT NOT NULL,
	retired_on	TEXT
);
CREATE UNIQUE INDEX topics_name ON topics(ifnull(site_id, 0), name);

INSERT INTO topics (name) VALUES ('Healthcare'), ('Medication'),
    ('Mental health'), ('Food'), ('Visits'), ('Money'), ('Pensions'),
    ('Mobility'), ('Resettlement'), ('Education and work'), ('Safety'),
    ('Faith'), ('Family contact'), ('Housing'), ('Other');

CREATE TABLE services (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,
	offer		TEXT NOT NULL,
	eligibility	TEXT NOT NULL DEFAULT '',
	referral	TEXT NOT NULL DEFAULT '',	-- the agreed referral procedure
	contact		TEXT NOT NULL DEFAULT '',
	opening		TEXT NOT NULL DEFAULT '',
	after_release	INTEGER NOT NULL DEFAULT 0 CHECK (after_release IN (0, 1)),
	checked_on	TEXT NOT NULL,
	retired_on	TEXT,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);

CREATE TABLE service_sites (
	service_id	INTEGER NOT NULL REFERENCES services(id),
	site_id		INTEGER NOT NULL REFERENCES sites(id),
	PRIMARY KEY (service_id, site_id)
) WITHOUT ROWID;
CREATE INDEX service_sites_site ON service_sites(site_id);

CREATE TABLE issues (
	id		INTEGER PRIMARY KEY,
	site_id		INTEGER NOT NULL REFERENCES sites(id),
	group_id	INTEGER REFERENCES groups(id),
	title		TEXT NOT NULL,
	statement	TEXT NOT NULL,		-- "members report that ..."
	status		TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open',
			    'taken_forward', 'not_taken_forward', 'resolved')),
	decided_on	TEXT,
	votes_for	INTEGER CHECK (votes_for >= 0),
	votes_against	INTEGER CHECK (votes_against >= 0),
	votes_abstain	INTEGER CHECK (votes_abstain >= 0),
	decision_reason	TEXT,
	created_by	INTEGER NOT NULL REFERENCES accounts(id),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
	CHECK (status != 'not_taken_forward' OR length(decision_reason) > 0)
);
CREATE INDEX issues_site ON issues(site_id, status);

CREATE TABLE conversations (
	id		INTEGER PRIMARY KEY,
	site_id		INTEGER NOT NULL REFERENCES sites(id),
	unit_id		INTEGER REFERENCES units(id),
	group_id	INTEGER REFERENCES groups(id),
	author_id	INTEGER NOT NULL REFERENCES accounts(id),
	occurred_at	TEXT NOT NULL,		-- "2026-11-25T14:30"
	channel		TEXT NOT NULL CHECK (channel IN ('wing_visit', 'reception',
			    'new_arrival', 'drop_in', 'peer_support', 'letter',
			    'phone', 'gateway', 'community_venue')),
	raised		TEXT NOT NULL,
	consent		TEXT NOT NULL CHECK (consent IN ('anonymous',
			    'named_to_staff', 'do_not_share')),
	outcome		TEXT NOT NULL CHECK (outcome IN ('resolved', 'signposted',
			    'supported_to_raise', 'staff_champion', 'coordinator',
			    'escalated_outside')),
	escalated_to	TEXT,
	service_id	INTEGER REFERENCES services(id),
	on_behalf	INTEGER NOT NULL DEFAULT 0 CHECK (on_behalf IN (0, 1)),
	from_paper	INTEGER NOT NULL DEFAULT 0 CHECK (from_paper IN (0, 1)),
	issue_id	INTEGER REFERENCES issues(id),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
	CHECK (outcome != 'escalated_outside' OR length(escalated_to) > 0)
);
CREATE INDEX conversations_site ON conversations(site_id, occurred_at DESC);
CREATE INDEX conversations_author ON conversations(author_id, occurred_at DESC);
CREATE INDEX conversations_issue ON conversations(issue_id);

CREATE TABLE conversation_topics (
	conversation_id	INTEGER NOT NULL REFERENCES conversations(id),
	topic_id	INTEGER NOT NULL REFERENCES topics(id),
	PRIMARY KEY (conversation_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX conversation_topics_topic ON conversation_topics(topic_id);

CREATE TABLE followups (
	id		INTEGER PRIMARY KEY,
	site_id		INTEGER NOT NULL REFERENCES sites(id),
	conversation_id	INTEGER REFERENCES conversations(id),
	action		TEXT NOT NULL,
	owner_id	INTEGER NOT NULL REFERENCES accounts(id),
	due_on		TEXT NOT NULL,
	created_by	INTEGER NOT NULL REFERENCES accounts(id),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
	closed_on	TEXT,
	close_note	TEXT,
	CHECK ((closed_on IS NULL) = (close_note IS NULL))
);
CREATE INDEX followups_owner ON followups(owner_id, closed_on, due_on);
CREATE INDEX followups_site ON followups(site_id, closed_on, due_on);

CREATE TABLE arrival_plan_steps (
	id		INTEGER PRIMARY KEY,
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	position	INTEGER NOT NULL,
	text		TEXT NOT NULL,
	UNIQUE (group_id, position)
);

CREATE TABLE arrivals (
	id		INTEGER PRIMARY KEY,
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	reference	TEXT NOT NULL UNIQUE,	-- pseudonymous, "A-4K7Q2M"
	arrived_on	TEXT NOT NULL,
	unit_id		INTEGER REFERENCES units(id),
	recorded_by	INTEGER NOT NULL REFERENCES accounts(id),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);

-- Each arrival copies the plan's steps, so later plan edits keep history.
CREATE TABLE arrival_steps (
	id		INTEGER PRIMARY KEY,
	arrival_id	INTEGER NOT NULL REFERENCES arrivals(id),
	position	INTEGER NOT NULL,
	text		TEXT NOT NULL,
	done_on		TEXT,
	done_by		INTEGER REFERENCES accounts(id),
	note		TEXT,
	UNIQUE (arrival_id, position)
);

-- Full-text search.  External content: the index holds no second copy.
CREATE VIRTUAL TABLE conversations_fts USING fts5(raised, escalated_to,
    content = 'conversations', content_rowid = 'id');
CREATE TRIGGER conversations_fts_ai AFTER INSERT ON conversations BEGIN
	INSERT INTO conversations_fts (rowid, raised, escalated_to)
	VALUES (new.id, new.raised, ifnull(new.escalated_to, ''));
END;
CREATE TRIGGER conversations_fts_ad AFTER DELETE ON conversations BEGIN
	INSERT INTO conversations_fts (conversations_fts, rowid, raised, escalated_to)
	VALUES ('delete', old.id, old.raised, ifnull(old.escalated_to, ''));
END;
CREATE TRIGGER conversations_fts_au AFTER UPDATE OF raised, escalated_to
ON conversations BEGIN
	INSERT INTO conversations_fts (conversations_fts, rowid, raised, escalated_to)
	VALUES ('delete', old.id, old.raised, ifnull(old.escalated_to, ''));
	INSERT INTO conversations_fts (rowid, raised, escalated_to)
	VALUES (new.id, new.raised, ifnull(new.escalated_to, ''));
END;

CREATE VIRTUAL TABLE issues_fts USING fts5(title, statement,
    content = 'issues', content_rowid = 'id');
CREATE TRIGGER issues_fts_ai AFTER INSERT ON issues BEGIN
	INSERT INTO issues_fts (rowid, title, statement)
	VALUES (new.id, new.title, new.statement);
END;
CREATE TRIGGER issues_fts_au AFTER UPDATE OF title, statement ON issues BEGIN
	INSERT INTO issues_fts (issues_fts, rowid, title, statement)
	VALUES ('delete', old.id, old.title, old.statement);
	INSERT INTO issues_fts (rowid, title, statement)
	VALUES (new.id, new.title, new.statement);
END;

CREATE VIRTUAL TABLE services_fts USING fts5(name, offer, eligibility,
    content = 'services', content_rowid = 'id');
CREATE TRIGGER services_fts_ai AFTER INSERT ON services BEGIN
	INSERT INTO services_fts (rowid, name, offer, eligibility)
	VALUES (new.id, new.name, new.offer, new.eligibility);
END;
CREATE TRIGGER services_fts_au AFTER UPDATE OF name, offer, eligibility
ON services BEGIN
	INSERT INTO services_fts (services_fts, rowid, name, offer, eligibility)
	VALUES ('delete', old.id, old.name, old.offer, old.eligibility);
	INSERT INTO services_fts (rowid, name, offer, eligibility)
	VALUES (new.id, new.name, new.offer, new.eligibility);
END;
