-- The exchange between the organisation's hub and its offline stations
-- (docs/exchange.md).  Every place numbers its own rows of the tables the
-- exchange carries in a range of its own, origin << 40 upwards, so that
-- rows made in two places never share an id (rt_next_id, db/engine.h).
-- The hub is origin 0: a database that is never paired is one, and its
-- ids are the ones it always had.

CREATE TABLE place (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	origin		INTEGER NOT NULL CHECK (origin BETWEEN 0 AND 8191),
	role		TEXT NOT NULL CHECK (role IN ('hub', 'station'))
);
INSERT INTO place (id, origin, role) VALUES (1, 0, 'hub');

-- The places this one exchanges with: a hub has one row a station, a
-- station one row, its hub.  The keys are the peer's public keys; our
-- own secret keys live in a file outside the database.
CREATE TABLE exchange_peers (
	origin		INTEGER PRIMARY KEY CHECK (origin BETWEEN 0 AND 8191),
	name		TEXT NOT NULL,
	sign_key	BLOB NOT NULL CHECK (length(sign_key) = 32),
	box_key		BLOB NOT NULL CHECK (length(box_key) = 32),
	sent_seq	INTEGER NOT NULL DEFAULT 0,	-- last bundle part made
	acked_seq	INTEGER NOT NULL DEFAULT 0,	-- last part it has applied
	received_seq	INTEGER NOT NULL DEFAULT 0,	-- last of its parts applied
	snapshot	BLOB,		-- what it holds of what we own, as sent
	paired_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);

-- The sites whose records travel to and from a peer.
CREATE TABLE exchange_peer_sites (
	origin		INTEGER NOT NULL REFERENCES exchange_peers(origin),
	site_id		INTEGER NOT NULL,	-- a station learns its sites from the hub
	PRIMARY KEY (origin, site_id)
) WITHOUT ROWID;

-- Parts sent and not yet acknowledged: every bundle carries all of them,
-- so a lost stick costs nothing but the next exchange.
CREATE TABLE exchange_sent (
	origin		INTEGER NOT NULL REFERENCES exchange_peers(origin),
	seq		INTEGER NOT NULL,
	changes		BLOB NOT NULL,
	images		BLOB NOT NULL,	-- whole rows of what it changed
	made_at		TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
	PRIMARY KEY (origin, seq)
) WITHOUT ROWID;

-- A version that lost: where both places changed one record, the owner's
-- version stands and the other is kept here for a coordinator to settle.
CREATE TABLE exchange_conflicts (
	id		INTEGER PRIMARY KEY,
	origin		INTEGER NOT NULL REFERENCES exchange_peers(origin),
	seq		INTEGER NOT NULL,		-- the part that met it
	tbl		TEXT NOT NULL,
	row_key		TEXT NOT NULL,			-- its primary key, as JSON
	kept		TEXT NOT NULL,			-- the version that stands
	lost		TEXT NOT NULL,			-- the version set aside
	rule		TEXT NOT NULL,
	found_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
	settled_by	INTEGER REFERENCES accounts(id),
	settled_at	TEXT
);
CREATE INDEX exchange_conflicts_open ON exchange_conflicts(settled_at, id);
