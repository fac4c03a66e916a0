/*
 * Migrations: migrations/NNNN_name.sql, embedded in the binary at build
 * time in name order, each applied once inside its own transaction and
 * recorded in schema_migrations.  A migration is never edited after it
 * has shipped; a change is a new file.
 *
 * Each engine has its own ordered set (migrations/ for SQLite,
 * migrations/postgresql/), with the same numbers and names, so
 * schema_migrations reads the same on both.
 *
 * On SQLite, foreign keys are off while a migration runs, as SQLite's
 * procedure for rebuilding a table requires, and checked before it
 * commits: a migration that leaves a dangling reference is rolled back.
 * PostgreSQL checks every reference as it is made, so there the pairs
 * below do nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "embedded.h"
#include "engine.h"

DB_SQL(sql_create,
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " name TEXT PRIMARY KEY,"
    " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))",
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " name TEXT PRIMARY KEY,"
    " applied_at TEXT NOT NULL DEFAULT "
    "(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')))");
/* Servers started together on one PostgreSQL database take turns (SQLite's
 * BEGIN IMMEDIATE already does): the second finds the work done. */
DB_SQL(sql_migrate_lock, "SELECT 1", "SELECT pg_advisory_xact_lock(7266001)");
DB_SQL(sql_fk_off, "PRAGMA foreign_keys=OFF", "SELECT 1");
DB_SQL(sql_fk_on, "PRAGMA foreign_keys=ON", "SELECT 1");
DB_SQL(sql_fk_check, "PRAGMA foreign_key_check", "SELECT 1 WHERE false");

int
db_migrate(struct db *db)
{
	static const char *seen = "SELECT 1 FROM schema_migrations WHERE name = ?";
	static const char *record = "INSERT INTO schema_migrations (name) VALUES (?)";
	const struct embedded_file *m;
	char	*sql;
	int64_t	 one;
	int	 rc;

	if (db_begin(db, 1) != DB_OK)
		return -1;
	if (db_int(db, &one, sql_migrate_lock, "") < 0 ||
	    db_exec(db, sql_create, "") != DB_OK || db_commit(db) != DB_OK) {
		db_rollback(db);
		return -1;
	}
	for (m = db->engine->migrations; m->name != NULL; m++) {
		if (db_exec_script(db, sql_fk_off) != 0 ||
		    db_begin(db, 1) != DB_OK)
			return -1;
		if (db_int(db, &one, sql_migrate_lock, "") < 0)
			goto fail;
		rc = db_int(db, &one, seen, "t", m->name);
		if (rc < 0)
			goto fail;
		if (rc > 0) {
			db_rollback(db);
			if (db_exec_script(db, sql_fk_on) != 0)
				return -1;
			continue;
		}
		/* The embedded text is not NUL-terminated. */
		if ((sql = strndup((const char *)m->data, m->len)) == NULL)
			goto fail;
		rc = db_exec_script(db, sql);
		free(sql);
		if (rc != 0 || db_exec(db, record, "t", m->name) != DB_OK ||
		    db_int(db, &one, sql_fk_check, "") != 0)
			goto fail;
		if (db_commit(db) != DB_OK ||
		    db_exec_script(db, sql_fk_on) != 0) {
			fprintf(stderr, "migration %s: commit failed\n", m->name);
			return -1;
		}
	}
	return 0;
fail:
	fprintf(stderr, "migration %s failed\n", m->name);
	db_rollback(db);
	(void)db_exec_script(db, sql_fk_on);
	return -1;
}
