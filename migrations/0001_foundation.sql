-- Foundation: the organisation, its places, people, groups, accounts and
-- the audit chain.  Identifying details of people live only in `people`;
-- everything else refers to people.id.

CREATE TABLE settings (
	key	TEXT PRIMARY KEY,
	value	BLOB NOT NULL
);

CREATE TABLE organisation (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	name		TEXT NOT NULL,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);

CREATE TABLE sites (
	id		INTEGER PRIMARY KEY,
	name		TEXT NOT NULL UNIQUE,
	kind		TEXT NOT NULL CHECK (kind IN ('prison', 'probation_region',
			    'secure_hospital', 'community_centre', 'other')),
	description	TEXT NOT NULL DEFAULT '',
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
	closed_on	TEXT
);

CREATE TABLE units (
	id		INTEGER PRIMARY KEY,
	site_id		INTEGER NOT NULL REFERENCES sites(id),
	name		TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('wing', 'reception',
			    'healthcare', 'office', 'venue', 'other')),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
	closed_on	TEXT,
	UNIQUE (site_id, name)
);

CREATE TABLE people (
	id		INTEGER PRIMARY KEY,
	reference	TEXT NOT NULL UNIQUE,	-- pseudonymous, e.g. P-4K7Q2M
	display_name	TEXT NOT NULL,
	status		TEXT NOT NULL CHECK (status IN ('in_custody', 'on_licence',
			    'in_community', 'staff', 'volunteer')),
	site_id		INTEGER NOT NULL REFERENCES sites(id),
	unit_id		INTEGER REFERENCES units(id),
	restrictions	TEXT NOT NULL DEFAULT '',	-- coordinators only
	left_reason	TEXT CHECK (left_reason IN ('transfer', 'release',
			    'recall', 'resigned', 'other')),
	left_on		TEXT,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
	CHECK ((left_reason IS NULL) = (left_on IS NULL))
);
CREATE INDEX people_site ON people(site_id, display_name);

CREATE TABLE groups (
	id		INTEGER PRIMARY KEY,
	site_id		INTEGER REFERENCES sites(id),	-- NULL: organisation-wide
	name		TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('council', 'forum', 'rep_team',
			    'lived_experience_team', 'reference_group', 'panel')),
	purpose		TEXT NOT NULL DEFAULT '',
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
	ended_on	TEXT
);
CREATE UNIQUE INDEX groups_name ON groups(ifnull(site_id, 0), name);

CREATE TABLE memberships (
	id		INTEGER PRIMARY KEY,
	group_id	INTEGER NOT NULL REFERENCES groups(id),
	person_id	INTEGER NOT NULL REFERENCES people(id),
	position	TEXT NOT NULL CHECK (position IN ('member', 'rep', 'chair',
			    'vice_chair', 'secretary', 'treasurer',
			    'peer_supporter', 'wellbeing_rep', 'observer')),
	from_on		TEXT NOT NULL,
	to_on		TEXT,
	end_reason	TEXT,
	CHECK (to_on IS NULL OR to_on >= from_on)
);
CREATE INDEX memberships_group ON memberships(group_id, to_on);
CREATE INDEX memberships_person ON memberships(person_id);

CREATE TABLE accounts (
	id		INTEGER PRIMARY KEY,
	username	TEXT NOT NULL UNIQUE COLLATE NOCASE,
	display_name	TEXT NOT NULL,
	password_hash	TEXT NOT NULL,
	person_id	INTEGER REFERENCES people(id),
	must_change_password INTEGER NOT NULL DEFAULT 0,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
	disabled_at	TEXT
);

CREATE TABLE grants (
	id		INTEGER PRIMARY KEY,
	account_id	INTEGER NOT NULL REFERENCES accounts(id),
	role		TEXT NOT NULL CHECK (role IN ('admin', 'coordinator',
			    'decision_maker', 'rep', 'member', 'evaluator', 'viewer')),
	scope		TEXT NOT NULL CHECK (scope IN ('organisation', 'site', 'group')),
	site_id		INTEGER REFERENCES sites(id),
	group_id	INTEGER REFERENCES groups(id),
	CHECK ((scope = 'organisation' AND site_id IS NULL AND group_id IS NULL)
	    OR (scope = 'site' AND site_id IS NOT NULL AND group_id IS NULL)
	    OR (scope = 'group' AND group_id IS NOT NULL)),
	UNIQUE (account_id, role, scope, site_id, group_id)
);

CREATE TABLE sessions (
	token_hash	BLOB PRIMARY KEY,
	account_id	INTEGER NOT NULL REFERENCES accounts(id),
	created_at	INTEGER NOT NULL,	-- unix seconds
	last_seen_at	INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_account ON sessions(account_id);

CREATE TABLE api_tokens (
	id		INTEGER PRIMARY KEY,
	account_id	INTEGER NOT NULL REFERENCES accounts(id),
	name		TEXT NOT NULL,
	token_hash	BLOB NOT NULL UNIQUE,
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
	last_used_at	TEXT,
	revoked_at	TEXT
);

CREATE TABLE login_failures (
	key		TEXT PRIMARY KEY,	-- "user:NAME" or "addr:IP"
	failures	INTEGER NOT NULL,
	window_start	INTEGER NOT NULL	-- unix seconds
) WITHOUT ROWID;

-- Append-only: each row's hash covers the previous row's hash and its own
-- fields, so an edit or a deletion breaks the chain (roundtable check).
CREATE TABLE audit (
	id		INTEGER PRIMARY KEY,
	at		TEXT NOT NULL,
	account_id	INTEGER,
	action		TEXT NOT NULL,
	entity		TEXT NOT NULL,
	entity_id	INTEGER,
	detail		TEXT NOT NULL DEFAULT '',
	hash		BLOB NOT NULL
);
CREATE TABLE audit_head (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	last_id		INTEGER NOT NULL,
	hash		BLOB NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
