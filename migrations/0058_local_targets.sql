-- Targets a site or a group sets for itself, where the organisation lets
-- them (evidence_target_policy): the nearest stands, a group's before its
-- site's before the organisation's (evidence_targets).  Removing a local
-- target returns the scope to the one above.
CREATE TABLE evidence_target_policy (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	local_allowed	INTEGER NOT NULL DEFAULT 0 CHECK (local_allowed IN (0, 1)),
	updated_by	INTEGER REFERENCES accounts(id)
);
INSERT INTO evidence_target_policy (id) VALUES (1);

CREATE TABLE evidence_local_targets (
	scope		TEXT NOT NULL CHECK (scope IN ('site', 'group')),
	scope_id	INTEGER NOT NULL,
	criterion	TEXT NOT NULL REFERENCES evidence_targets(criterion),
	target		INTEGER NOT NULL CHECK (target BETWEEN 0 AND 100),
	updated_by	INTEGER REFERENCES accounts(id),
	PRIMARY KEY (scope, scope_id, criterion)
) WITHOUT ROWID;
