/*
 * What both engines share: choosing the engine, the statement cache, the
 * dialect pairs, and the helpers that read rows, all on the engine's
 * cursor.  The engines themselves are sqlite_engine.c and pg_engine.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "engine.h"
#include "../util/log.h"
#include "../util/buf.h"
#include "../limits.h"

void
db_log_error(const char *what, const char *detail)
{
	log_line(LOG_ERR, "database: %s: %s", what, detail);
}

int
db_target_is_pg(const char *target)
{
	return strncmp(target, "postgresql://", 13) == 0 ||
	    strncmp(target, "postgres://", 11) == 0;
}

const char *
db_sql_text(const struct db *db, const char *sql)
{
	if (sql[0] != DB_SQL_PAIR)
		return sql;
	sql++;
	return db->engine == &db_engine_pg ? sql + strlen(sql) + 1 : sql;
}

int
db_open(struct db *db, const char *target, int busy_ms)
{
	memset(db, 0, sizeof(*db));
	db->engine = db_target_is_pg(target) ? &db_engine_pg :
	    &db_engine_sqlite;
	if (db->engine->open(db, target, busy_ms) == -1) {
		db_close(db);
		return -1;
	}
	return 0;
}

void
db_close(struct db *db)
{
	size_t	 i;

	if (db->engine != NULL) {
		for (i = 0; i < db->nslots; i++)
			if (db->cache[i].stmt != NULL)
				db->engine->stmt_free(db->cache[i].stmt);
		db->engine->close(db);
	}
	free(db->cache);
	memset(db, 0, sizeof(*db));
}

/* The slot for sql in a table of n (a power of two) slots: its own, or
 * the empty one where it belongs. */
static struct db_cached *
db_cache_slot(struct db_cached *cache, size_t n, const char *sql)
{
	size_t	 i;

	/* Literals are at least 8-byte apart in practice; drop the low bits. */
	i = ((uintptr_t)sql >> 3) & (n - 1);
	while (cache[i].sql != NULL && cache[i].sql != sql)
		i = (i + 1) & (n - 1);
	return &cache[i];
}

/* Doubles the table, keeping every statement.  -1 when out of memory. */
static int
db_cache_grow(struct db *db)
{
	struct db_cached	*cache, *old = db->cache;
	size_t			 i, n;

	n = db->nslots == 0 ? DB_CACHE_SLOTS_FIRST : db->nslots * 2;
	if ((cache = calloc(n, sizeof(*cache))) == NULL)
		return -1;
	for (i = 0; i < db->nslots; i++)
		if (old[i].sql != NULL)
			*db_cache_slot(cache, n, old[i].sql) = old[i];
	free(old);
	db->cache = cache;
	db->nslots = n;
	return 0;
}

/*
 * The cache holds one statement per SQL literal for the connection's
 * life.  It grows rather than refusing or evicting: a refused statement
 * once made sign-out and token revocation fail while the credential
 * stayed valid, and evicting could finalize a statement a caller is
 * still stepping.  The literals are finite, so is the table.
 */
static void *
db_prepare(struct db *db, const char *sql)
{
	struct db_cached *c;
	void		 *stmt;

	if (db->nslots > 0) {
		c = db_cache_slot(db->cache, db->nslots, sql);
		if (c->sql == sql)
			return c->stmt;
	}
	if ((db->nused + 1) * 2 > db->nslots && db_cache_grow(db) == -1) {
		log_line(LOG_ERR, "database: out of memory for statements");
		return NULL;
	}
	if ((stmt = db->engine->prepare(db, db_sql_text(db, sql))) == NULL)
		return NULL;
	c = db_cache_slot(db->cache, db->nslots, sql);
	c->sql = sql;
	c->stmt = stmt;
	db->nused++;
	return stmt;
}

int
db_checkpoint(struct db *db)
{
	return db->engine->checkpoint(db);
}

int
(db_exec)(struct db *db, const char *sql, const char *fmt, ...)
{
	void	*stmt;
	va_list	 ap;
	int	 rc;

	if ((stmt = db_prepare(db, sql)) == NULL)
		return DB_ERROR;
	va_start(ap, fmt);
	rc = db->engine->exec(db, stmt, fmt, &ap);
	va_end(ap);
	return rc;
}

int
db_exec_script(struct db *db, const char *sql)
{
	return db->engine->script(db, db_sql_text(db, sql));
}

/*
 * SQLite takes the one write lock at BEGIN IMMEDIATE, so writers take
 * turns, whichever process they are in; the audit chain (each row hashes
 * the one before) and the one-vote rule rest on that.  PostgreSQL locks
 * only rows, so a writer there takes one transaction-scoped advisory
 * lock instead: several servers on one database take turns the same way.
 */
DB_SQL(sql_begin_immediate, "BEGIN IMMEDIATE", "BEGIN");

int
db_begin(struct db *db, int immediate)
{
	static const char	*sql_def = "BEGIN";
	int64_t			 one;
	int			 rc;

	if (!immediate)
		return db_exec(db, sql_def, "");
	if ((rc = db_exec(db, sql_begin_immediate, "")) != DB_OK)
		return rc;
	if (db->engine->writer_turn != NULL &&
	    db_int(db, &one, db->engine->writer_turn, "") < 0) {
		db_rollback(db);
		return DB_BUSY;
	}
	return DB_OK;
}

int
db_revive(struct db *db)
{
	return db->engine->revive != NULL ? db->engine->revive(db) : 0;
}

int
db_commit(struct db *db)
{
	static const char	*sql = "COMMIT";
	int			 rc;

	if ((rc = db_exec(db, sql, "")) != DB_OK)
		db_rollback(db);
	return rc;
}

void
db_rollback(struct db *db)
{
	if (db->engine->in_transaction(db))
		(void)db_exec_script(db, "ROLLBACK");
}

int64_t
db_last_id(struct db *db)
{
	return db->engine->last_id(db);
}

int
db_changes(const struct db *db)
{
	return db->engine->changes(db);
}

int
(db_cursor_open)(struct db *db, struct db_cursor *c, const char *sql,
    const char *fmt, ...)
{
	void	*stmt;
	va_list	 ap;
	int	 rc;

	memset(c, 0, sizeof(*c));
	if ((stmt = db_prepare(db, sql)) == NULL)
		return -1;
	va_start(ap, fmt);
	rc = db->engine->cursor_open(db, c, stmt, fmt, &ap);
	va_end(ap);
	if (rc == 0)
		c->db = db;
	return rc;
}

int
db_cursor_open_built(struct db *db, struct db_cursor *c, const char *sql,
    int64_t id)
{
	memset(c, 0, sizeof(*c));
	if (db->engine->cursor_open_built(db, c, sql, id) == -1)
		return -1;
	c->db = db;
	return 0;
}

int
db_cursor_next(struct db_cursor *c)
{
	return c->db->engine->cursor_next(c);
}

void
db_cursor_close(struct db_cursor *c)
{
	if (c->db != NULL)
		c->db->engine->cursor_close(c);
	memset(c, 0, sizeof(*c));
}

enum db_type
db_cursor_type(const struct db_cursor *c, int col)
{
	return c->db->engine->type(c, col);
}

int64_t
db_cursor_int(const struct db_cursor *c, int col)
{
	return c->db->engine->integer(c, col);
}

const char *
db_cursor_text(const struct db_cursor *c, int col)
{
	return c->db->engine->text(c, col);
}

const void *
db_cursor_blob(struct db_cursor *c, int col, size_t *len)
{
	return c->db->engine->blob(c, col, len);
}

json_t *
db_cursor_row(const struct db_cursor *c)
{
	return c->db->engine->row(c);
}

/* Opens a cursor from a va_list: the body of every reading helper. */
static int
db_vcursor(struct db *db, struct db_cursor *c, const char *sql,
    const char *fmt, va_list *ap)
{
	void	*stmt;

	memset(c, 0, sizeof(*c));
	if ((stmt = db_prepare(db, sql)) == NULL ||
	    db->engine->cursor_open(db, c, stmt, fmt, ap) == -1)
		return -1;
	c->db = db;
	return 0;
}

json_t *
(db_rows)(struct db *db, const char *sql, const char *fmt, ...)
{
	struct db_cursor c;
	va_list		 ap;
	json_t		*a;
	int		 rc;

	va_start(ap, fmt);
	rc = db_vcursor(db, &c, sql, fmt, &ap);
	va_end(ap);
	if (rc == -1)
		return NULL;
	if ((a = json_array()) != NULL) {
		while ((rc = db_cursor_next(&c)) == 1)
			json_array_append_new(a, db_cursor_row(&c));
		if (rc == -1) {
			json_decref(a);
			a = NULL;
		}
	}
	db_cursor_close(&c);
	return a;
}

int
(db_row)(struct db *db, json_t **out, const char *sql, const char *fmt, ...)
{
	struct db_cursor c;
	va_list		 ap;
	int		 rc;

	*out = NULL;
	va_start(ap, fmt);
	rc = db_vcursor(db, &c, sql, fmt, &ap);
	va_end(ap);
	if (rc == -1)
		return -1;
	if ((rc = db_cursor_next(&c)) == 1)
		*out = db_cursor_row(&c);
	db_cursor_close(&c);
	return rc;
}

int
(db_int)(struct db *db, int64_t *out, const char *sql, const char *fmt, ...)
{
	struct db_cursor c;
	va_list		 ap;
	int		 rc;

	*out = 0;
	va_start(ap, fmt);
	rc = db_vcursor(db, &c, sql, fmt, &ap);
	va_end(ap);
	if (rc == -1)
		return -1;
	if ((rc = db_cursor_next(&c)) == 1)
		*out = db_cursor_int(&c, 0);
	db_cursor_close(&c);
	return rc;
}

int
db_pair(struct db *db, const char *sql, int64_t id, int64_t *a, int64_t *b)
{
	struct db_cursor c;
	int		 rc;

	*a = *b = 0;
	if (db_cursor_open(db, &c, sql, "i", id) == -1)
		return -1;
	if ((rc = db_cursor_next(&c)) == 1) {
		*a = db_cursor_int(&c, 0);
		*b = db_cursor_int(&c, 1);
	}
	db_cursor_close(&c);
	return rc;
}

int
db_file_read(struct db *db, const char *sql, int64_t id, struct buf *out,
    char **mime, char **ext)
{
	struct db_cursor c;
	const void	*data;
	size_t		 len;
	int		 rc;

	*mime = *ext = NULL;
	if (db_cursor_open(db, &c, sql, "i", id) == -1)
		return -1;
	if ((rc = db_cursor_next(&c)) == 1 &&
	    db_cursor_type(&c, 2) == DB_TYPE_NULL)
		rc = 0;
	if (rc == 1) {
		*mime = strdup(db_cursor_text(&c, 0));
		*ext = strdup(db_cursor_text(&c, 1));
		data = db_cursor_blob(&c, 2, &len);
		if (*mime == NULL || *ext == NULL ||
		    buf_add(out, data, len) == -1)
			rc = -1;
	}
	db_cursor_close(&c);
	return rc;
}

/* Whether commits wait for the disk: SQLite's synchronous, PostgreSQL's
 * synchronous_commit (off keeps the database consistent and loses at
 * most the last moments of commits at a crash, as NORMAL does). */
DB_SQL(sql_durable_on, "PRAGMA synchronous=FULL", "SET synchronous_commit = on");
DB_SQL(sql_durable_off, "PRAGMA synchronous=NORMAL",
    "SET synchronous_commit = off");

int
db_durable(struct db *db, int on)
{
	return db_exec(db, on ? sql_durable_on : sql_durable_off, "");
}
