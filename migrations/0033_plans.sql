-- Personal plans ("blue life"), wishes that get answers, release plans
-- and the referrals that carry care on after release.  The most
-- sensitive records in Roundtable (health and criminal-offence data):
-- every table refers to people directly, so subject access (which walks
-- the schema's references) finds them all, and every read of a plan by
-- anyone but the person is audited (src/plans/).

-- One plan per person, made with a named worker.
CREATE TABLE plans (
	person_id	INTEGER PRIMARY KEY REFERENCES people(id),
	worker_id	INTEGER NOT NULL REFERENCES accounts(id),
	worker_kind	TEXT NOT NULL CHECK (worker_kind IN ('peer_supporter',
			    'key_worker', 'care_coordinator')),
	started_on	TEXT NOT NULL,
	changed_at	TEXT NOT NULL,	-- the last change
	version		INTEGER NOT NULL DEFAULT 1,	-- raised by every change
	confirmed_at	TEXT,		-- the person said "this is right"
	confirmed_version INTEGER	-- of this version: a later one is unchecked
);

-- Blue life (the life they want) and orange life (the life they have),
-- in their words, optionally by area.
CREATE TABLE plan_cards (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES people(id),
	life		TEXT NOT NULL CHECK (life IN ('blue', 'orange')),
	area		TEXT NOT NULL DEFAULT '' CHECK (area IN ('', 'home',
			    'health', 'family', 'work', 'money', 'friends')),
	text		TEXT NOT NULL CHECK (length(text) > 0),
	added_by	INTEGER NOT NULL REFERENCES accounts(id),
	added_on	TEXT NOT NULL
);
CREATE INDEX plan_cards_person ON plan_cards(person_id, life, area);

-- The steps from the orange life to the blue.
CREATE TABLE plan_steps (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES people(id),
	text		TEXT NOT NULL CHECK (length(text) > 0),
	by_on		TEXT,
	done_on		TEXT,
	added_by	INTEGER NOT NULL REFERENCES accounts(id),
	added_on	TEXT NOT NULL
);
CREATE INDEX plan_steps_person ON plan_steps(person_id);

-- Wishes and preferences: answered by a named responder by a deadline,
-- with reasons for anything but "agreed".  "Needs review" moves due_on to
-- the review date, when the wish is awaiting an answer again.
CREATE TABLE wishes (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES people(id),
	about		TEXT NOT NULL CHECK (about IN ('care', 'treatment',
			    'daily_life', 'release')),
	text		TEXT NOT NULL CHECK (length(text) > 0),
	responder_id	INTEGER NOT NULL REFERENCES accounts(id),
	asked_on	TEXT NOT NULL,
	due_on		TEXT NOT NULL,
	answer		TEXT CHECK (answer IN ('agreed', 'agreed_in_part',
			    'not_possible', 'needs_review')),
	reason		TEXT NOT NULL DEFAULT '',
	review_on	TEXT,
	answered_on	TEXT,
	on_time		INTEGER CHECK (on_time IN (0, 1)),
	added_by	INTEGER NOT NULL REFERENCES accounts(id),
	CHECK (answer IS NULL OR answer = 'agreed' OR length(reason) > 0),
	CHECK (answer IS NOT 'needs_review' OR review_on IS NOT NULL)
);
CREATE INDEX wishes_person ON wishes(person_id);
CREATE INDEX wishes_responder ON wishes(responder_id, due_on);

-- Release (or transfer) with a date and where the person goes.
CREATE TABLE release_plans (
	person_id	INTEGER PRIMARY KEY REFERENCES people(id),
	release_on	TEXT NOT NULL,
	to_site_id	INTEGER NOT NULL REFERENCES sites(id),
	created_by	INTEGER NOT NULL REFERENCES accounts(id)
);

-- Which needs a directory service meets: the map of provision.
CREATE TABLE service_needs (
	service_id	INTEGER NOT NULL REFERENCES services(id),
	need		TEXT NOT NULL CHECK (need IN ('mental_health',
			    'substance_use', 'housing', 'gp', 'medication',
			    'benefits')),
	PRIMARY KEY (service_id, need)
) WITHOUT ROWID;
CREATE INDEX service_needs_need ON service_needs(need);

-- A referral for one need, made by following the service's standard
-- procedure (kept as it was followed), then tracked to attendance.
CREATE TABLE referrals (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES people(id),
	need		TEXT NOT NULL CHECK (need IN ('mental_health',
			    'substance_use', 'housing', 'gp', 'medication',
			    'benefits')),
	service_id	INTEGER NOT NULL REFERENCES services(id),
	procedure	TEXT NOT NULL,	-- the checklist as ticked
	made_on		TEXT NOT NULL,
	made_by		INTEGER NOT NULL REFERENCES accounts(id),
	acknowledged_on	TEXT,
	offered_on	TEXT,		-- first appointment offered, for that day
	attended_on	TEXT,
	attended_by	INTEGER REFERENCES accounts(id),	-- who recorded it
	CHECK (offered_on IS NULL OR acknowledged_on IS NOT NULL),
	CHECK (attended_on IS NULL OR offered_on IS NOT NULL),
	UNIQUE (person_id, need, service_id)
);
CREATE INDEX referrals_service ON referrals(service_id);

-- A staff member who has treated a member of a group says so when
-- joining it; they then never read that member's plan, and the group's
-- coordinators see the declaration.
CREATE TABLE treating_declarations (
	id		INTEGER PRIMARY KEY,
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	account_id	INTEGER NOT NULL REFERENCES accounts(id),
	person_id	INTEGER NOT NULL REFERENCES people(id),
	declared_on	TEXT NOT NULL,
	UNIQUE (group_id, account_id, person_id)
);
CREATE INDEX treating_declarations_reader ON
	treating_declarations(account_id, person_id);
