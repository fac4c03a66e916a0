-- Organisation-wide surveys and a breakdown by site.
--
-- A survey of an organisation-wide group (a national lived experience
-- team) belongs to no one site: surveys.site_id becomes nullable (NULL
-- means organisation-wide), which in SQLite means rebuilding the table
-- (migrations run with foreign keys off; the runner checks
-- foreign_key_check before committing).  Each response, and each typed
-- paper entry, records the site it came from: the survey's site for a
-- site-bound survey, the site the respondent chose for an
-- organisation-wide one.  A site is a prison or a probation region,
-- shared by hundreds of people, so it identifies nobody; results show
-- it only through the same suppression as every other breakdown.

CREATE TABLE surveys_new (
	id		INTEGER PRIMARY KEY,
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	site_id		INTEGER REFERENCES sites(id),	-- NULL: organisation-wide
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
INSERT INTO surveys_new (id, group_id, site_id, title, intro, consent,
    double_entry, state, token, created_by, created_at)
    SELECT id, group_id, site_id, title, intro, consent, double_entry,
    state, token, created_by, created_at FROM surveys;
DROP TABLE surveys;
ALTER TABLE surveys_new RENAME TO surveys;
CREATE INDEX surveys_group ON surveys(group_id);
CREATE INDEX surveys_site ON surveys(site_id);

ALTER TABLE survey_responses ADD COLUMN site_id INTEGER REFERENCES sites(id);
UPDATE survey_responses SET site_id = (SELECT s.site_id FROM surveys s
    WHERE s.id = survey_responses.survey_id);
ALTER TABLE survey_paper_entries ADD COLUMN site_id INTEGER
    REFERENCES sites(id);
UPDATE survey_paper_entries SET site_id = (SELECT s.site_id FROM surveys s
    WHERE s.id = survey_paper_entries.survey_id);
