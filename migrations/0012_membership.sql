-- Issue 6, part 2: recruitment and succession, training and supervision,
-- leaving well, expenses.

-- When someone is expected to go (a release or transfer date), so a group
-- can see who is due to leave soon and start a successor shadowing them.
ALTER TABLE people ADD COLUMN expected_leave_on TEXT;
ALTER TABLE people ADD COLUMN expected_leave_reason TEXT
    CHECK (expected_leave_reason IN ('transfer', 'release', 'other'));

-- How many holders of each position a group wants: the vacancies are the
-- places not filled by a current membership.
CREATE TABLE group_posts (
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	position	TEXT NOT NULL CHECK (position IN ('member', 'rep', 'chair',
			    'vice_chair', 'secretary', 'treasurer',
			    'peer_supporter', 'wellbeing_rep', 'observer')),
	places		INTEGER NOT NULL CHECK (places BETWEEN 0 AND 500),
	PRIMARY KEY (group_id, position)
);

-- The recruitment pipeline: one row a person a group, moved only by the
-- state machine in src/membership/pipeline_model.c.  Clearance is a
-- status with a date and nothing more: no detail of why.
CREATE TABLE recruits (
	id		INTEGER PRIMARY KEY,
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	person_id	INTEGER NOT NULL REFERENCES people(id),
	position	TEXT NOT NULL CHECK (position IN ('member', 'rep', 'chair',
			    'vice_chair', 'secretary', 'treasurer',
			    'peer_supporter', 'wellbeing_rep', 'observer')),
	referred_by	TEXT NOT NULL CHECK (referred_by IN ('staff', 'self')),
	stage		TEXT NOT NULL DEFAULT 'referred' CHECK (stage IN
			    ('referred', 'applied', 'checked', 'inducted',
			    'trained', 'active', 'left')),
	stage_on	TEXT NOT NULL,	-- the date it entered its stage
	clearance	TEXT CHECK (clearance IN ('pending', 'cleared',
			    'not_cleared')),
	clearance_on	TEXT,
	created_on	TEXT NOT NULL,
	CHECK ((clearance IS NULL) = (clearance_on IS NULL))
);
-- One open place in the pipeline a person a group.
CREATE UNIQUE INDEX recruits_open ON recruits(group_id, person_id)
    WHERE stage != 'left';
CREATE INDEX recruits_person ON recruits(person_id);

-- Every move, for time spent in each stage.
CREATE TABLE recruit_events (
	id		INTEGER PRIMARY KEY,
	recruit_id	INTEGER NOT NULL REFERENCES recruits(id),
	on_date		TEXT NOT NULL,
	actor_id	INTEGER REFERENCES accounts(id),
	event		TEXT NOT NULL,
	stage		TEXT NOT NULL
);
CREATE INDEX recruit_events_recruit ON recruit_events(recruit_id, id);

-- A new rep learning from one who is leaving.
CREATE TABLE shadowing (
	id		INTEGER PRIMARY KEY,
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	learner_id	INTEGER NOT NULL REFERENCES people(id),
	mentor_id	INTEGER NOT NULL REFERENCES people(id),
	from_on		TEXT NOT NULL,
	to_on		TEXT,
	CHECK (learner_id != mentor_id),
	CHECK (to_on IS NULL OR to_on >= from_on)
);
CREATE INDEX shadowing_group ON shadowing(group_id, to_on);

-- The organisation's catalogue of courses.
CREATE TABLE courses (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,
	accredited	INTEGER NOT NULL DEFAULT 0 CHECK (accredited IN (0, 1)),
	renew_months	INTEGER CHECK (renew_months BETWEEN 1 AND 120),
	retired_on	TEXT
);
INSERT INTO courses (name, accredited, renew_months) VALUES
    ('Accredited rep training', 1, 24),
    ('Facilitation', 0, NULL),
    ('Governance', 0, 36),
    ('Commissioning', 0, NULL),
    ('Presenting findings', 0, NULL),
    ('Mental-health awareness', 1, 12);

CREATE TABLE course_sessions (
	id		INTEGER PRIMARY KEY,
	course_id	INTEGER NOT NULL REFERENCES courses(id),
	site_id		INTEGER NOT NULL REFERENCES sites(id),
	held_on		TEXT NOT NULL,
	place		TEXT NOT NULL DEFAULT '',
	trainer		TEXT NOT NULL DEFAULT '',
	created_by	INTEGER NOT NULL REFERENCES accounts(id)
);
CREATE INDEX course_sessions_site ON course_sessions(site_id, held_on);

CREATE TABLE completions (
	id		INTEGER PRIMARY KEY,
	course_id	INTEGER NOT NULL REFERENCES courses(id),
	person_id	INTEGER NOT NULL REFERENCES people(id),
	session_id	INTEGER REFERENCES course_sessions(id),
	completed_on	TEXT NOT NULL,
	accreditation	TEXT NOT NULL DEFAULT '',	-- awarding body and level
	renew_on	TEXT,
	graduation	INTEGER NOT NULL DEFAULT 0 CHECK (graduation IN (0, 1)),
	created_by	INTEGER NOT NULL REFERENCES accounts(id)
);
CREATE INDEX completions_person ON completions(person_id, course_id);

-- One-to-one supervision.  notes are read only by the supervisor and
-- coordinators: every query that returns them filters in SQL.
CREATE TABLE supervisions (
	id		INTEGER PRIMARY KEY,
	person_id	INTEGER NOT NULL REFERENCES people(id),
	supervisor_id	INTEGER NOT NULL REFERENCES accounts(id),
	held_on		TEXT NOT NULL,
	next_due_on	TEXT NOT NULL,
	notes		TEXT NOT NULL DEFAULT '',
	CHECK (next_due_on > held_on)
);
CREATE INDEX supervisions_person ON supervisions(person_id, held_on);

-- Volunteers' expenses, in integer pence, for work in a group (so the
-- group's coordinators decide, and organisation-wide teams can claim).  The receipt is kept in the
-- database like meeting papers.
CREATE TABLE expense_claims (
	id		INTEGER PRIMARY KEY,
	claimant_id	INTEGER NOT NULL REFERENCES accounts(id),
	group_id	INTEGER NOT NULL REFERENCES groups(id),	-- the work it was for
	kind		TEXT NOT NULL CHECK (kind IN ('travel', 'subsistence',
			    'other')),
	description	TEXT NOT NULL,
	amount_pence	INTEGER NOT NULL CHECK (amount_pence > 0),
	incurred_on	TEXT NOT NULL,
	state		TEXT NOT NULL DEFAULT 'submitted' CHECK (state IN
			    ('submitted', 'approved', 'rejected', 'paid')),
	decided_by	INTEGER REFERENCES accounts(id),
	decided_on	TEXT,
	reason		TEXT,
	paid_on		TEXT,
	receipt_mime	TEXT,
	receipt_ext	TEXT,
	receipt		BLOB,
	created_on	TEXT NOT NULL,
	CHECK (state != 'rejected' OR reason IS NOT NULL),
	CHECK ((receipt IS NULL) = (receipt_mime IS NULL))
);
CREATE INDEX expense_claims_claimant ON expense_claims(claimant_id, id);
CREATE INDEX expense_claims_group ON expense_claims(group_id, state);
