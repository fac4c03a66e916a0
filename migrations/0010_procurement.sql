-- Procurement panels: experts by experience score bids as equal partners
-- with governors, clinicians and commissioners.  A losing bidder may
-- challenge the process, so nothing here is ever deleted: declarations,
-- scores and consensus scores keep their history, and a submitted score
-- changes only with a recorded reason.

CREATE TABLE procurements (
	id		INTEGER PRIMARY KEY,
	site_id		INTEGER NOT NULL REFERENCES sites(id),
	title		TEXT NOT NULL,
	description	TEXT NOT NULL DEFAULT '',
	created_by	INTEGER NOT NULL REFERENCES accounts(id),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX procurements_site ON procurements(site_id);

-- scale_descriptors: one line per score, 0 first (what each score means).
CREATE TABLE lots (
	id		INTEGER PRIMARY KEY,
	procurement_id	INTEGER NOT NULL REFERENCES procurements(id),
	title		TEXT NOT NULL,
	scale_max	INTEGER NOT NULL CHECK (scale_max BETWEEN 1 AND 10),
	scale_descriptors TEXT NOT NULL,
	moderator_id	INTEGER NOT NULL REFERENCES accounts(id)
);
CREATE INDEX lots_procurement ON lots(procurement_id);

CREATE TABLE lot_questions (
	id		INTEGER PRIMARY KEY,
	lot_id		INTEGER NOT NULL REFERENCES lots(id),
	position	INTEGER NOT NULL,
	text		TEXT NOT NULL,
	weight		INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 100),
	UNIQUE (lot_id, position)
);

CREATE TABLE bids (
	id		INTEGER PRIMARY KEY,
	lot_id		INTEGER NOT NULL REFERENCES lots(id),
	bidder		TEXT NOT NULL,
	document	BLOB,
	document_mime	TEXT,
	document_ext	TEXT,
	document_size	INTEGER,
	UNIQUE (lot_id, bidder)
);

-- An evaluator on a lot's panel.  A declared conflict removes them at
-- once (state 'removed'); a reserve brought in is a new row, and the
-- removed one points at it.
CREATE TABLE panel_members (
	id		INTEGER PRIMARY KEY,
	lot_id		INTEGER NOT NULL REFERENCES lots(id),
	account_id	INTEGER NOT NULL REFERENCES accounts(id),
	kind		TEXT NOT NULL CHECK (kind IN ('expert_by_experience',
			    'governor', 'clinician', 'pharmacist',
			    'commissioner', 'other')),
	state		TEXT NOT NULL DEFAULT 'active'
			    CHECK (state IN ('active', 'removed')),
	added_on	TEXT NOT NULL,
	removed_on	TEXT,
	removed_reason	TEXT,
	replaced_by	INTEGER REFERENCES panel_members(id),
	UNIQUE (lot_id, account_id)
);
CREATE INDEX panel_members_account ON panel_members(account_id);

-- Which questions each evaluator scores.
CREATE TABLE panel_questions (
	panel_member_id	INTEGER NOT NULL REFERENCES panel_members(id),
	question_id	INTEGER NOT NULL REFERENCES lot_questions(id),
	PRIMARY KEY (panel_member_id, question_id)
) WITHOUT ROWID;
CREATE INDEX panel_questions_question ON panel_questions(question_id);

CREATE TABLE reserves (
	id		INTEGER PRIMARY KEY,
	procurement_id	INTEGER NOT NULL REFERENCES procurements(id),
	account_id	INTEGER NOT NULL REFERENCES accounts(id),
	kind		TEXT NOT NULL,
	UNIQUE (procurement_id, account_id)
);

-- Every declaration ever made; the latest per evaluator and bid stands.
CREATE TABLE declarations (
	id		INTEGER PRIMARY KEY,
	panel_member_id	INTEGER NOT NULL REFERENCES panel_members(id),
	bid_id		INTEGER NOT NULL REFERENCES bids(id),
	conflict	INTEGER NOT NULL CHECK (conflict IN (0, 1)),
	details		TEXT NOT NULL DEFAULT '',
	declared_at	TEXT NOT NULL
);
CREATE INDEX declarations_member ON declarations(panel_member_id, bid_id);

-- One evaluator's score for one question of one bid.  A draft until
-- submitted_at is set; after that it changes only through score_changes.
CREATE TABLE scores (
	id		INTEGER PRIMARY KEY,
	panel_member_id	INTEGER NOT NULL REFERENCES panel_members(id),
	question_id	INTEGER NOT NULL REFERENCES lot_questions(id),
	bid_id		INTEGER NOT NULL REFERENCES bids(id),
	score		INTEGER,
	justification	TEXT NOT NULL DEFAULT '',
	submitted_at	TEXT,
	UNIQUE (panel_member_id, question_id, bid_id),
	-- A submitted score has a score and says why.
	CHECK (submitted_at IS NULL OR (score IS NOT NULL
	    AND justification != ''))
);
CREATE INDEX scores_question ON scores(question_id);

CREATE TABLE consensus_scores (
	id		INTEGER PRIMARY KEY,
	question_id	INTEGER NOT NULL REFERENCES lot_questions(id),
	bid_id		INTEGER NOT NULL REFERENCES bids(id),
	score		INTEGER NOT NULL,
	rationale	TEXT NOT NULL,
	recorded_by	INTEGER NOT NULL REFERENCES accounts(id),
	recorded_at	TEXT NOT NULL,
	UNIQUE (question_id, bid_id)
);

-- A change to a submitted or consensus score: what it was, what it
-- became, and why.  Written before the score row changes.
CREATE TABLE score_changes (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL CHECK (kind IN ('individual', 'consensus')),
	score_id	INTEGER NOT NULL,
	old_score	INTEGER NOT NULL,
	old_text	TEXT NOT NULL,
	new_score	INTEGER NOT NULL,
	new_text	TEXT NOT NULL,
	reason		TEXT NOT NULL,
	changed_by	INTEGER NOT NULL REFERENCES accounts(id),
	changed_at	TEXT NOT NULL
);
CREATE INDEX score_changes_score ON score_changes(kind, score_id);

-- The consensus meeting of a lot: when, and who was there.
CREATE TABLE consensus_meetings (
	lot_id		INTEGER PRIMARY KEY REFERENCES lots(id),
	held_on		TEXT NOT NULL,
	others_present	TEXT NOT NULL DEFAULT '',
	recorded_by	INTEGER NOT NULL REFERENCES accounts(id)
);
CREATE TABLE consensus_present (
	lot_id		INTEGER NOT NULL REFERENCES lots(id),
	panel_member_id	INTEGER NOT NULL REFERENCES panel_members(id),
	PRIMARY KEY (lot_id, panel_member_id)
) WITHOUT ROWID;

-- A question is sealed until every active evaluator assigned to it has
-- submitted a score for every bid in its lot.  Every query that reads
-- another evaluator's score joins this view, so no page, export or API
-- answer can show one early.
CREATE VIEW question_seals AS
SELECT q.id AS question_id, q.lot_id,
	(SELECT count(*) FROM panel_questions pq JOIN panel_members pm
	    ON pm.id = pq.panel_member_id AND pm.state = 'active'
	    WHERE pq.question_id = q.id) AS assigned,
	(SELECT count(*) FROM bids b WHERE b.lot_id = q.lot_id) AS bids,
	(SELECT count(*) FROM scores s JOIN panel_members pm
	    ON pm.id = s.panel_member_id AND pm.state = 'active'
	    JOIN panel_questions pq ON pq.panel_member_id = pm.id
	    AND pq.question_id = s.question_id
	    WHERE s.question_id = q.id AND s.submitted_at IS NOT NULL)
	    AS submitted
FROM lot_questions q;

CREATE TRIGGER scores_submitted_locked BEFORE UPDATE ON scores
WHEN OLD.submitted_at IS NOT NULL AND NOT EXISTS (
	SELECT 1 FROM score_changes c WHERE c.kind = 'individual'
	AND c.score_id = OLD.id AND c.new_score = NEW.score
	AND c.new_text = NEW.justification AND c.id = (SELECT max(id)
	FROM score_changes WHERE kind = 'individual' AND score_id = OLD.id))
BEGIN SELECT RAISE(ABORT, 'a submitted score changes only with a reason'); END;

CREATE TRIGGER consensus_scores_changed BEFORE UPDATE ON consensus_scores
WHEN NOT EXISTS (
	SELECT 1 FROM score_changes c WHERE c.kind = 'consensus'
	AND c.score_id = OLD.id AND c.new_score = NEW.score
	AND c.new_text = NEW.rationale AND c.id = (SELECT max(id)
	FROM score_changes WHERE kind = 'consensus' AND score_id = OLD.id))
BEGIN SELECT RAISE(ABORT, 'a consensus score changes only with a reason'); END;

CREATE TRIGGER scores_kept BEFORE DELETE ON scores
BEGIN SELECT RAISE(ABORT, 'scores are kept'); END;
CREATE TRIGGER consensus_scores_kept BEFORE DELETE ON consensus_scores
BEGIN SELECT RAISE(ABORT, 'consensus scores are kept'); END;
CREATE TRIGGER score_changes_kept BEFORE DELETE ON score_changes
BEGIN SELECT RAISE(ABORT, 'score history is kept'); END;
CREATE TRIGGER score_changes_fixed BEFORE UPDATE ON score_changes
BEGIN SELECT RAISE(ABORT, 'score history is kept'); END;
CREATE TRIGGER declarations_kept BEFORE DELETE ON declarations
BEGIN SELECT RAISE(ABORT, 'declarations are kept'); END;
CREATE TRIGGER declarations_fixed BEFORE UPDATE ON declarations
BEGIN SELECT RAISE(ABORT, 'declarations are kept'); END;

-- The evaluation report lists the audit trail of one lot's records.
CREATE INDEX audit_entity ON audit(entity, entity_id);
