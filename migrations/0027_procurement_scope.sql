-- A procurement scoped to the whole organisation (a region's prisons
-- commissioning together) instead of one site.
--
-- One database is one organisation, and a region is run as one (see
-- docs/ARCHITECTURE.md), so "regional" is procurements.site_id NULL.
-- The column becomes nullable, which in SQLite means rebuilding the
-- table (migrations run with foreign keys off; the runner checks
-- foreign_key_check before committing).  Its access target is then the
-- organisation itself, which only organisation-wide grants cover.

CREATE TABLE procurements_new (
	id		INTEGER PRIMARY KEY,
	site_id		INTEGER REFERENCES sites(id),	-- NULL: organisation-wide
	title		TEXT NOT NULL,
	description	TEXT NOT NULL DEFAULT '',
	created_by	INTEGER NOT NULL REFERENCES accounts(id),
	created_at	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
INSERT INTO procurements_new (id, site_id, title, description, created_by,
    created_at)
    SELECT id, site_id, title, description, created_by, created_at
    FROM procurements;
DROP TABLE procurements;
ALTER TABLE procurements_new RENAME TO procurements;
CREATE INDEX procurements_site ON procurements(site_id);
