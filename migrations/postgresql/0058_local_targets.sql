-- Targets a site or a group sets for itself, where the organisation lets
-- them (the SQLite migration of the same name says how they stand).
CREATE TABLE evidence_target_policy (
	id		BIGINT PRIMARY KEY CHECK (id = 1),
	local_allowed	BIGINT NOT NULL DEFAULT 0 CHECK (local_allowed IN (0, 1)),
	updated_by	BIGINT REFERENCES accounts(id)
);
INSERT INTO evidence_target_policy (id) VALUES (1);

CREATE TABLE evidence_local_targets (
	scope		TEXT NOT NULL CHECK (scope IN ('site', 'group')),
	scope_id	BIGINT NOT NULL,
	criterion	TEXT NOT NULL REFERENCES evidence_targets(criterion),
	target		BIGINT NOT NULL CHECK (target BETWEEN 0 AND 100),
	updated_by	BIGINT REFERENCES accounts(id),
	PRIMARY KEY (scope, scope_id, criterion)
);
