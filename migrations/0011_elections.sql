-- Elections with a secret ballot, and board seats that rotate.
--
-- Secrecy is in the shape of the tables: `ballots` holds no voter, no
-- time and no rowid.  Its key is 16 random bytes and the table is
-- WITHOUT ROWID, so rows are stored in key order, which says nothing
-- about when they arrived; the roll (`election_voters`) records who
-- voted and how, and nothing there points at a ballot.

-- Whether the group's constitution allows a member to vote by proxy.
ALTER TABLE groups ADD COLUMN proxy_votes INTEGER NOT NULL DEFAULT 0
    CHECK (proxy_votes IN (0, 1));

CREATE TABLE elections (
	id		INTEGER PRIMARY KEY,
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	position	TEXT NOT NULL CHECK (position IN ('chair', 'vice_chair',
			    'secretary', 'treasurer', 'rep', 'council_rep',
			    'board_seat')),
	seats		INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 20),
	method		TEXT NOT NULL CHECK (method IN ('fptp', 'stv')),
	nominations_open_on TEXT NOT NULL,
	nominations_close_on TEXT NOT NULL,
	voting_opens_on	TEXT NOT NULL,
	voting_closes_on TEXT NOT NULL,
	state		TEXT NOT NULL DEFAULT 'nominations' CHECK (state IN
			    ('nominations', 'voting', 'closed', 'published')),
	lot_seed	TEXT NOT NULL,		-- hex; drawn before any vote
	closed_on	TEXT,
	result		TEXT,			-- the published count sheet
	published_on	TEXT,
	created_by	INTEGER NOT NULL REFERENCES accounts(id),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
	CHECK (nominations_close_on >= nominations_open_on),
	CHECK (voting_opens_on >= nominations_close_on),
	CHECK (voting_closes_on >= voting_opens_on)
);
CREATE INDEX elections_group ON elections(group_id, voting_closes_on);

CREATE TABLE candidates (
	id		INTEGER PRIMARY KEY,
	election_id	INTEGER NOT NULL REFERENCES elections(id),
	person_id	INTEGER NOT NULL REFERENCES people(id),
	proposer_id	INTEGER NOT NULL REFERENCES people(id),
	seconder_id	INTEGER NOT NULL REFERENCES people(id),
	statement	TEXT NOT NULL DEFAULT '',
	UNIQUE (election_id, person_id),
	CHECK (seconder_id != proposer_id),
	CHECK (seconder_id != person_id)
);

-- The roll: that a person voted, and how.  Never which way.
CREATE TABLE election_voters (
	election_id	INTEGER NOT NULL REFERENCES elections(id),
	person_id	INTEGER NOT NULL REFERENCES people(id),
	how		TEXT NOT NULL CHECK (how IN ('online', 'proxy', 'paper')),
	proxy_id	INTEGER REFERENCES people(id),	-- who cast it, for 'proxy'
	PRIMARY KEY (election_id, person_id),
	CHECK ((how = 'proxy') = (proxy_id IS NOT NULL))
) WITHOUT ROWID;

CREATE TABLE election_proxies (
	election_id	INTEGER NOT NULL REFERENCES elections(id),
	person_id	INTEGER NOT NULL REFERENCES people(id),
	proxy_id	INTEGER NOT NULL REFERENCES people(id),
	PRIMARY KEY (election_id, person_id),
	CHECK (proxy_id != person_id)
) WITHOUT ROWID;

-- One ballot: the candidates' ids in the voter's order, as JSON.
CREATE TABLE ballots (
	election_id	INTEGER NOT NULL REFERENCES elections(id),
	id		BLOB NOT NULL CHECK (length(id) = 16),
	ranking		TEXT NOT NULL,
	PRIMARY KEY (election_id, id)
) WITHOUT ROWID;

-- Paper ballots come in batches; two tellers type each one in alone, and
-- it is accepted only when both typed the same papers.
CREATE TABLE ballot_batches (
	id		INTEGER PRIMARY KEY,
	election_id	INTEGER NOT NULL REFERENCES elections(id),
	label		TEXT NOT NULL,
	state		TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open',
			    'accepted')),
	papers		INTEGER,		-- accepted: how many
	differed	TEXT NOT NULL DEFAULT '',	-- last mismatch: paper numbers
	UNIQUE (election_id, label)
);
CREATE TABLE ballot_batch_entries (
	batch_id	INTEGER NOT NULL REFERENCES ballot_batches(id),
	teller_id	INTEGER NOT NULL REFERENCES accounts(id),
	papers		TEXT NOT NULL,		-- JSON: one ranking a paper
	PRIMARY KEY (batch_id, teller_id)
) WITHOUT ROWID;

-- Seats on a board: fixed, or rotating among named members in order.
CREATE TABLE seats (
	id		INTEGER PRIMARY KEY,
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	name		TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('fixed', 'rotating')),
	rotation	TEXT NOT NULL DEFAULT 'meeting' CHECK (rotation IN
			    ('meeting', 'period')),
	period_days	INTEGER NOT NULL DEFAULT 28 CHECK (period_days BETWEEN 1
			    AND 366),
	starts_on	TEXT NOT NULL,
	UNIQUE (group_id, name)
);
CREATE TABLE seat_members (
	seat_id		INTEGER NOT NULL REFERENCES seats(id),
	position	INTEGER NOT NULL,	-- 0 first
	person_id	INTEGER NOT NULL REFERENCES people(id),
	PRIMARY KEY (seat_id, position),
	UNIQUE (seat_id, person_id)
) WITHOUT ROWID;
CREATE TABLE seat_swaps (
	id		INTEGER PRIMARY KEY,
	seat_id		INTEGER NOT NULL REFERENCES seats(id),
	turn_a		INTEGER NOT NULL CHECK (turn_a >= 0),
	turn_b		INTEGER NOT NULL CHECK (turn_b > turn_a),
	reason		TEXT NOT NULL DEFAULT ''
);
CREATE INDEX seat_swaps_seat ON seat_swaps(seat_id, id);
