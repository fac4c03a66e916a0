-- The involvement experience questions (issue 16, criteria 5 and 6) are
-- an instrument of the surveys module, inserted whole like the loneliness
-- scales, so the evidence pages count only answers to the fixed wording.
-- Adding a value to the CHECK means rebuilding the table (foreign keys
-- are off while migrations run; the runner checks them before commit).

CREATE TABLE survey_questions_new (
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
			    'monitoring', 'involvement')),
	item_key	TEXT,		-- which item of the instrument
	skip_answer	TEXT,
	skip_to		INTEGER,
	UNIQUE (version_id, position),
	CHECK ((skip_answer IS NULL) = (skip_to IS NULL)),
	CHECK (skip_to IS NULL OR skip_to > position)
);
INSERT INTO survey_questions_new (id, version_id, position, section, kind,
    prompt, choices, scale_max, required, instrument, item_key, skip_answer,
    skip_to)
    SELECT id, version_id, position, section, kind, prompt, choices,
    scale_max, required, instrument, item_key, skip_answer, skip_to
    FROM survey_questions;
DROP TABLE survey_questions;
ALTER TABLE survey_questions_new RENAME TO survey_questions;
-- The evidence pages find the instrument's questions by it.
CREATE INDEX survey_questions_instrument ON survey_questions(instrument,
    item_key);
