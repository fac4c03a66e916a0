-- Surveys and consultations, co-produced by a group and staff, and votes
-- between options at events.  Respondents are never identified: a
-- response records how it was collected and, optionally, the place, and
-- nothing else about the person.

CREATE TABLE surveys (
	id		INTEGER PRIMARY KEY,
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	site_id		INTEGER NOT NULL REFERENCES sites(id),
	title		TEXT NOT NULL,
	intro		TEXT NOT NULL,
	consent		TEXT NOT NULL,
	double_entry	INTEGER NOT NULL DEFAULT 0 CHECK (double_entry IN (0, 1)),
	state		TEXT NOT NULL DEFAULT 'draft'
			    CHECK (state IN ('draft', 'open', 'closed')),
	token		TEXT NOT NULL UNIQUE,	-- the anonymous link's secret
	created_by	INTEGER NOT NULL REFERENCES accounts(id),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX surveys_group ON surveys(group_id);
CREATE INDEX surveys_site ON surveys(site_id);

-- A survey's questions belong to a version; the newest is current.
CREATE TABLE survey_versions (
	id		INTEGER PRIMARY KEY,
	survey_id	INTEGER NOT NULL REFERENCES surveys(id),
	number		INTEGER NOT NULL CHECK (number >= 1),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
	UNIQUE (survey_id, number)
);

-- skip_answer/skip_to: "if the answer is X, go to question N", forward
-- only (checked here too, so no survey can loop).
CREATE TABLE survey_questions (
	id		INTEGER PRIMARY KEY,
	version_id	INTEGER NOT NULL REFERENCES survey_versions(id),
	position	INTEGER NOT NULL CHECK (position >= 1),
	section		TEXT NOT NULL DEFAULT '',
	kind		TEXT NOT NULL CHECK (kind IN ('single', 'multiple',
			    'scale', 'text', 'number', 'date')),
	prompt		TEXT NOT NULL,
	choices		TEXT NOT NULL DEFAULT '',	-- one a line
	scale_max	INTEGER CHECK (scale_max BETWEEN 2 AND 10),
	required	INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
	instrument	TEXT CHECK (instrument IN ('ucla3', 'ons_direct',
			    'monitoring')),
	item_key	TEXT,		-- which item of the instrument
	skip_answer	TEXT,
	skip_to		INTEGER,
	UNIQUE (version_id, position),
	CHECK ((skip_answer IS NULL) = (skip_to IS NULL)),
	CHECK (skip_to IS NULL OR skip_to > position)
);

CREATE TABLE survey_responses (
	id		INTEGER PRIMARY KEY,
	survey_id	INTEGER NOT NULL REFERENCES surveys(id),
	version_id	INTEGER NOT NULL REFERENCES survey_versions(id),
	channel		TEXT NOT NULL CHECK (channel IN ('link', 'kiosk',
			    'interview', 'paper')),
	unit_id		INTEGER REFERENCES units(id),	-- the place, if known
	reference	TEXT,		-- a paper copy's number
	interviewer_id	INTEGER REFERENCES accounts(id),
	created_on	TEXT NOT NULL DEFAULT (date('now')),
	UNIQUE (survey_id, reference)
);
CREATE INDEX survey_responses_survey ON survey_responses(survey_id);

-- One row per answer; a question allowing several answers has several.
CREATE TABLE survey_answers (
	response_id	INTEGER NOT NULL REFERENCES survey_responses(id),
	question_id	INTEGER NOT NULL REFERENCES survey_questions(id),
	value		TEXT NOT NULL,
	PRIMARY KEY (response_id, question_id, value)
) WITHOUT ROWID;
CREATE INDEX survey_answers_question ON survey_answers(question_id, value);

-- Paper copies typed in: with double entry, two entries of a reference
-- must agree before the response is made (response_id set on both).
CREATE TABLE survey_paper_entries (
	id		INTEGER PRIMARY KEY,
	survey_id	INTEGER NOT NULL REFERENCES surveys(id),
	reference	TEXT NOT NULL,
	unit_id		INTEGER REFERENCES units(id),
	answers		TEXT NOT NULL,		-- JSON, as typed
	entered_by	INTEGER NOT NULL REFERENCES accounts(id),
	response_id	INTEGER REFERENCES survey_responses(id),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX survey_paper_entries_ref ON survey_paper_entries(survey_id,
    reference);

-- Themes coded from free-text answers; a theme may become an issue.
CREATE TABLE survey_themes (
	id		INTEGER PRIMARY KEY,
	survey_id	INTEGER NOT NULL REFERENCES surveys(id),
	name		TEXT NOT NULL,
	issue_id	INTEGER REFERENCES issues(id),
	UNIQUE (survey_id, name)
);
CREATE TABLE survey_answer_themes (
	theme_id	INTEGER NOT NULL REFERENCES survey_themes(id),
	response_id	INTEGER NOT NULL REFERENCES survey_responses(id),
	question_id	INTEGER NOT NULL REFERENCES survey_questions(id),
	PRIMARY KEY (theme_id, response_id, question_id)
) WITHOUT ROWID;

-- Votes at events: ballot papers or a show of hands, counted and then
-- published.  A published result no longer changes.
CREATE TABLE event_votes (
	id		INTEGER PRIMARY KEY,
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	title		TEXT NOT NULL,
	held_on		TEXT NOT NULL,
	method		TEXT NOT NULL CHECK (method IN ('ballot', 'hands')),
	state		TEXT NOT NULL DEFAULT 'open'
			    CHECK (state IN ('open', 'published')),
	created_by	INTEGER NOT NULL REFERENCES accounts(id),
	published_on	TEXT
);
CREATE INDEX event_votes_group ON event_votes(group_id);
CREATE TABLE event_vote_options (
	vote_id		INTEGER NOT NULL REFERENCES event_votes(id),
	position	INTEGER NOT NULL,
	label		TEXT NOT NULL,
	votes		INTEGER CHECK (votes >= 0),
	PRIMARY KEY (vote_id, position)
) WITHOUT ROWID;
CREATE TRIGGER event_vote_published_fixed
BEFORE UPDATE ON event_vote_options
WHEN (SELECT state FROM event_votes WHERE id = OLD.vote_id) = 'published'
BEGIN
	SELECT RAISE(ABORT, 'a published vote does not change');
END;
