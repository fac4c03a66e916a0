-- Evidence that involvement works (issue 16): what the eight published
-- criteria need that Roundtable did not hold.  Everything here is read
-- by src/evidence/ and shown only as suppressed counts.

-- A site's population, counted on a date: one row per dimension (the
-- unit, the age band, each characteristic monitored) and category.  The
-- latest count of a site is its population; older counts are kept.
CREATE TABLE site_population (
	id		INTEGER PRIMARY KEY,
	site_id		INTEGER NOT NULL REFERENCES sites(id),
	counted_on	TEXT NOT NULL,
	dimension	TEXT NOT NULL,		-- 'unit', or a monitoring item
	category	TEXT NOT NULL,		-- a unit's id, or the answer
	count		INTEGER NOT NULL CHECK (count >= 0),
	created_by	INTEGER NOT NULL REFERENCES accounts(id),
	UNIQUE (site_id, counted_on, dimension, category)
);

-- Equality monitoring, completed by the member themselves: the survey
-- module's monitoring instrument (the nine protected characteristics,
-- each with "Prefer not to say"), answers in its words.  Kept apart from
-- the people table (no name, no reference); nothing reads a row of it
-- but the member's own form and the suppressed aggregates in
-- evidence_store.c.  A question left blank has no row.
CREATE TABLE equality_records (
	person_id	INTEGER PRIMARY KEY REFERENCES people(id),
	updated_on	TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE equality_answers (
	person_id	INTEGER NOT NULL REFERENCES people(id),
	item		TEXT NOT NULL,		-- the instrument's item_key
	answer		TEXT NOT NULL,
	PRIMARY KEY (person_id, item)
) WITHOUT ROWID;

-- A group's strategy: its aims, when it was last reviewed, and
-- objectives with an owner (a role, as members read it) and a date.
CREATE TABLE group_strategies (
	group_id	INTEGER PRIMARY KEY REFERENCES groups(id),
	aims		TEXT NOT NULL,
	reviewed_on	TEXT NOT NULL,
	updated_by	INTEGER NOT NULL REFERENCES accounts(id)
);

CREATE TABLE strategy_objectives (
	id		INTEGER PRIMARY KEY,
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	text		TEXT NOT NULL,
	owner		TEXT NOT NULL,
	due_on		TEXT NOT NULL,
	done_on		TEXT,
	created_on	TEXT NOT NULL,
	created_by	INTEGER NOT NULL REFERENCES accounts(id)
);
CREATE INDEX strategy_objectives_group ON strategy_objectives(group_id, due_on);

-- What a centre counts, per site, month and activity.
CREATE TABLE activity_counts (
	site_id		INTEGER NOT NULL REFERENCES sites(id),
	month		TEXT NOT NULL CHECK (month GLOB
			    '[12][0-9][0-9][0-9]-[01][0-9]'),
	activity	TEXT NOT NULL CHECK (activity IN ('attendance',
			    'sessions', 'new_members', 'moved_on')),
	count		INTEGER NOT NULL CHECK (count >= 0),
	updated_by	INTEGER NOT NULL REFERENCES accounts(id),
	PRIMARY KEY (site_id, month, activity)
) WITHOUT ROWID;

-- The organisation's targets, one per criterion: a percentage to reach
-- (for representation, the largest gap in points allowed).
CREATE TABLE evidence_targets (
	criterion	TEXT PRIMARY KEY CHECK (criterion IN ('representative',
			    'procedures', 'support', 'strategy', 'perceptions',
			    'trust', 'training', 'monitoring')),
	target		INTEGER NOT NULL CHECK (target BETWEEN 0 AND 100),
	updated_by	INTEGER REFERENCES accounts(id)
) WITHOUT ROWID;
INSERT INTO evidence_targets (criterion, target) VALUES
    ('representative', 10), ('procedures', 80), ('support', 80),
    ('strategy', 75), ('perceptions', 70), ('trust', 70), ('training', 80),
    ('monitoring', 60);

-- Members and reps on a day, by group: every snapshot of the evidence
-- pages reads these columns alone (measured on the bench data: twelve
-- snapshots of the whole organisation's members 50 ms -> 34 ms).
CREATE INDEX memberships_evidence ON memberships(group_id, position,
    from_on, to_on, person_id);
