/*
 * Migrations: migrations/NNNN_name.sql, embedded in the binary at build
 * time in name order, each applied once inside its own transaction and
 * recorded in schema_migrations.  A migration is never edited after it
 * has shipped; a change is a new file.
 *
 * Foreign keys are off while a migration runs, as SQLite's procedure for
 * rebuilding a table requires, and checked before it commits: a migration
 * that leaves a dangling reference is rolled back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "embedded.h"

int
db_migrate(struct db *db)
{
	static const char *create =
	    "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    " name TEXT PRIMARY KEY,"
	    " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))";
	static const char *seen = "SELECT 1 FROM schema_migrations WHERE name = ?";
	static const char *record = "INSERT INTO schema_migrations (name) VALUES (?)";
	static const char *fk_check = "PRAGMA foreign_key_check";
	const struct embedded_file *m;
	char	*sql;
	int64_t	 one;
	int	 rc;

	if (db_exec(db, create, "") != DB_OK)
		return -1;
	for (m = embedded_migrations; m->name != NULL; m++) {
		if (db_exec_script(db, "PRAGMA foreign_keys=OFF") != 0 ||
		    db_begin(db, 1) != DB_OK)
			return -1;
		rc = db_int(db, &one, seen, "t", m->name);
		if (rc < 0)
			goto fail;
		if (rc > 0) {
			db_rollback(db);
			if (db_exec_script(db, "PRAGMA foreign_keys=ON") != 0)
				return -1;
			continue;
		}
		/* The embedded text is not NUL-terminated. */
		if ((sql = strndup((const char *)m->data, m->len)) == NULL)
			goto fail;
		rc = db_exec_script(db, sql);
		free(sql);
		if (rc != 0 || db_exec(db, record, "t", m->name) != DB_OK ||
		    db_int(db, &one, fk_check, "") != 0)
			goto fail;
		if (db_commit(db) != DB_OK ||
		    db_exec_script(db, "PRAGMA foreign_keys=ON") != 0) {
			fprintf(stderr, "migration %s: commit failed\n", m->name);
			return -1;
		}
	}
	return 0;
fail:
	fprintf(stderr, "migration %s failed\n", m->name);
	db_rollback(db);
	(void)db_exec_script(db, "PRAGMA foreign_keys=ON");
	return -1;
}
