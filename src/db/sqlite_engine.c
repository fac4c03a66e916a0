/*
 * The SQLite engine: a file opened in WAL mode, statements prepared once
 * per connection (SQLITE_PREPARE_PERSISTENT) and reset between uses.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "db.h"
#include "engine.h"
#include "embedded.h"
#include "../limits.h"
#include "../util/log.h"

/*
 * Statements that walk a table in full, row by row, past a ceiling are
 * logged with their text: at national scale such a walk is a page that
 * slows as the organisation grows (issue 15).  SQLite counts the steps
 * of full scans per statement (SQLITE_STMTSTATUS_FULLSCAN_STEP) and the
 * statement's steps in all (SQLITE_STMTSTATUS_VM_STEP, taken as rows at
 * SCAN_STEPS_PER_ROW), so the check costs nothing and sees what a query
 * plan cannot: an ordered walk that LIMIT stops early is not counted, a
 * walk it never stops is, through a table or an index.  The
 * ceiling is SCAN_WARN_ROWS, or RT_SCAN_WARN_ROWS in the environment
 * (0: off); the tests set it low over the bench data to prove the hot
 * lists never scan.
 */
static long		 scan_ceiling;
static pthread_once_t	 scan_ceiling_once = PTHREAD_ONCE_INIT;

/* Read once for the process: every worker thread resets statements. */
static void
scan_ceiling_read(void)
{
	const char	*env = getenv("RT_SCAN_WARN_ROWS");

	scan_ceiling = env != NULL && *env != '\0' ? strtol(env, NULL, 10) :
	    SCAN_WARN_ROWS;
}

static long
scan_warn_rows(void)
{
	pthread_once(&scan_ceiling_once, scan_ceiling_read);
	return scan_ceiling;
}

/* A table read in full is counted by SQLite; an index walked from its
 * first entry (a range whose bound every row passes, say) is not, so the
 * statement's virtual-machine steps stand in for the rows it read. */
static void
scan_check(sqlite3_stmt *st)
{
	long	 ceiling = scan_warn_rows();
	int	 rows, steps;

	rows = sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1);
	steps = sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP, 1);
	if (ceiling <= 0)
		return;
	if (rows > ceiling)
		log_line(LOG_WARNING, "database: walked a table in full, "
		    "%d rows: %s", rows, sqlite3_sql(st));
	else if (steps / SCAN_STEPS_PER_ROW > ceiling)
		log_line(LOG_WARNING, "database: walked about %d rows "
		    "(%d steps): %s", steps / SCAN_STEPS_PER_ROW, steps,
		    sqlite3_sql(st));
}

static void
sqlite_log(sqlite3 *h, const char *what)
{
	db_log_error(what, sqlite3_errmsg(h));
}

/* SQLite's memory statistics take a global mutex on every allocation,
 * which every worker thread then queues on; nothing here reads them.
 * Only possible before SQLite's first use, so done once before any
 * open (should something have used SQLite first, it stays on). */
/*
 * rt_next_id(table): the id for a new row of a table the exchange carries
 * (migrations/0062_exchange.sql): one past the largest id in this place's
 * range, or the range's first.  Not the engine's "largest plus one",
 * which jumps into another place's range as soon as one of its rows has
 * arrived.  Writers are one at a time on SQLite, so two cannot take the
 * same number.
 */
static void
sqlite_next_id(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3		*h = sqlite3_context_db_handle(ctx);
	const char	*tbl = (const char *)sqlite3_value_text(argv[0]);
	sqlite3_stmt	*st = NULL;
	sqlite3_int64	 origin = -1, base, id;
	char		*sql;

	(void)argc;
	if (tbl == NULL ||
	    sqlite3_prepare_v2(h, "SELECT origin FROM place WHERE id = 1", -1,
	    &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		sqlite3_result_error(ctx, "rt_next_id: no place", -1);
		return;
	}
	origin = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	base = origin << ID_ORIGIN_SHIFT;
	id = base + 1;
	sql = sqlite3_mprintf("SELECT id FROM \"%w\" WHERE id > ?1 AND id < ?2 "
	    "ORDER BY id DESC LIMIT 1", tbl);
	if (sql == NULL || sqlite3_prepare_v2(h, sql, -1, &st, NULL) !=
	    SQLITE_OK) {
		sqlite3_free(sql);
		sqlite3_result_error(ctx, "rt_next_id: no such table", -1);
		return;
	}
	sqlite3_free(sql);
	sqlite3_bind_int64(st, 1, base);
	sqlite3_bind_int64(st, 2, base + ((sqlite3_int64)1 << ID_ORIGIN_SHIFT));
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		id = sqlite3_column_int64(st, 0) + 1;
		break;
	case SQLITE_DONE:
		break;
	default:
		sqlite3_finalize(st);
		sqlite3_result_error(ctx, "rt_next_id: cannot read", -1);
		return;
	}
	sqlite3_finalize(st);
	if (id >= base + ((sqlite3_int64)1 << ID_ORIGIN_SHIFT)) {
		sqlite3_result_error(ctx, "rt_next_id: the range is full", -1);
		return;
	}
	sqlite3_result_int64(ctx, id);
}

static int
sqlite_functions(sqlite3 *h, const char **err, const void *api)
{
	(void)err;
	(void)api;
	return sqlite3_create_function(h, "rt_next_id", 1, SQLITE_UTF8,
	    NULL, sqlite_next_id, NULL, NULL);
}

static void
sqlite_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	/* Every connection this process opens has our SQL functions. */
	sqlite3_auto_extension((void (*)(void))sqlite_functions);
}

static void
sqlite_configure_once(void)
{
	static pthread_once_t	 once = PTHREAD_ONCE_INIT;

	pthread_once(&once, sqlite_configure);
}

static int
sqlite_open(struct db *db, const char *path, int busy_ms)
{
	static const char	*pragmas =
	    "PRAGMA journal_mode=WAL;"
	    "PRAGMA synchronous=FULL;"
	    "PRAGMA foreign_keys=ON;"
	    /* Deleted content is overwritten with zeros, not left in free
	     * space: the ballots re-inserted at a poll's close (and any
	     * other deletion) leave no old copy in the file. */
	    "PRAGMA secure_delete=ON;";

	sqlite_configure_once();
	if (sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		log_line(LOG_ERR, "%s: cannot open database: %s", path,
		    db->h ? sqlite3_errmsg(db->h) : "out of memory");
		return -1;
	}
	/* Before any other statement: even the pragmas can meet a lock. */
	sqlite3_busy_timeout(db->h, busy_ms);
	sqlite3_extended_result_codes(db->h, 1);
	if (sqlite3_exec(db->h, pragmas, NULL, NULL, NULL) != SQLITE_OK) {
		sqlite_log(db->h, path);
		return -1;
	}
	return 0;
}

static void
sqlite_close(struct db *db)
{
	if (db->h != NULL)
		sqlite3_close(db->h);
	db->h = NULL;
}

int
db_open_readonly(struct db *db, const char *path)
{
	memset(db, 0, sizeof(*db));
	db->engine = &db_engine_sqlite;
	sqlite_configure_once();
	if (sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		log_line(LOG_ERR, "%s: cannot open database: %s", path,
		    db->h ? sqlite3_errmsg(db->h) : "out of memory");
		db_close(db);
		return -1;
	}
	return 0;
}

/*
 * The image's header may say WAL (bytes 18 and 19 are 2), which an
 * in-memory database cannot be; they are set to the rollback journal's
 * 1, as the SQLite documentation for sqlite3_deserialize advises.
 */
int
db_open_image(struct db *db, const void *image, size_t len)
{
	unsigned char	*copy;

	memset(db, 0, sizeof(*db));
	db->engine = &db_engine_sqlite;
	if (len < 100 || (copy = sqlite3_malloc64(len)) == NULL)
		return -1;
	memcpy(copy, image, len);
	if (copy[18] == 2 && copy[19] == 2)
		copy[18] = copy[19] = 1;
	sqlite_configure_once();
	if (sqlite3_open(":memory:", &db->h) != SQLITE_OK) {
		sqlite3_free(copy);
		db_close(db);
		return -1;
	}
	/* FREEONCLOSE: SQLite owns copy from here, even on failure. */
	if (sqlite3_deserialize(db->h, "main", copy, (sqlite3_int64)len,
	    (sqlite3_int64)len, SQLITE_DESERIALIZE_FREEONCLOSE |
	    SQLITE_DESERIALIZE_READONLY) != SQLITE_OK) {
		db_close(db);
		return -1;
	}
	return 0;
}

static int
sqlite_checkpoint(struct db *db)
{
	int	 rc;

	rc = sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_TRUNCATE,
	    NULL, NULL);
	if (rc == SQLITE_OK)
		return DB_OK;
	sqlite_log(db->h, "checkpoint");
	return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED ?
	    DB_BUSY : DB_ERROR;
}

static void
sqlite_stmt_free(void *stmt)
{
	sqlite3_finalize(stmt);
}

static void *
sqlite_prepare(struct db *db, const char *text)
{
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v3(db->h, text, -1, SQLITE_PREPARE_PERSISTENT,
	    &st, NULL) != SQLITE_OK) {
		sqlite_log(db->h, text);
		return NULL;
	}
	return st;
}

/* Resets a cached statement and binds its arguments: 0, or -1 (logged). */
static int
sqlite_bind(sqlite3_stmt *st, const char *fmt, va_list *ap)
{
	int		 i, rc = SQLITE_OK;
	const char	*s;
	struct db_blob	 blob;
	json_t		*j;

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	for (i = 1; fmt != NULL && *fmt != '\0' && rc == SQLITE_OK; fmt++, i++) {
		switch (*fmt) {
		case 'i':
			rc = sqlite3_bind_int64(st, i, va_arg(*ap, int64_t));
			break;
		case 'd':
			rc = sqlite3_bind_int(st, i, va_arg(*ap, int));
			break;
		case 't':
			s = va_arg(*ap, const char *);
			rc = s == NULL ? sqlite3_bind_null(st, i) :
			    sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
			break;
		case 'b':
			blob = va_arg(*ap, struct db_blob);
			rc = sqlite3_bind_blob(st, i, blob.p, (int)blob.n,
			    SQLITE_TRANSIENT);
			break;
		case 'n':
			(void)va_arg(*ap, struct db_null *);
			rc = sqlite3_bind_null(st, i);
			break;
		case 'j':
			j = va_arg(*ap, json_t *);
			if (json_is_string(j))
				rc = sqlite3_bind_text(st, i, json_string_value(j),
				    (int)json_string_length(j), SQLITE_TRANSIENT);
			else if (json_is_integer(j))
				rc = sqlite3_bind_int64(st, i,
				    json_integer_value(j));
			else if (json_is_real(j))
				rc = sqlite3_bind_double(st, i, json_real_value(j));
			else if (json_is_boolean(j))
				rc = sqlite3_bind_int(st, i, json_is_true(j));
			else
				rc = sqlite3_bind_null(st, i);
			break;
		default:
			log_line(LOG_ERR, "database: bad bind format '%c'", *fmt);
			return -1;
		}
	}
	if (rc != SQLITE_OK) {
		log_line(LOG_ERR, "database: bind %d: %s", i - 1,
		    sqlite3_errstr(rc));
		return -1;
	}
	return 0;
}

static int
sqlite_result_of(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_DONE:
	case SQLITE_ROW:
	case SQLITE_OK:
		return DB_OK;
	case SQLITE_CONSTRAINT:
		return DB_CONSTRAINT;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return DB_BUSY;
	default:
		return DB_ERROR;
	}
}

static int
sqlite_exec(struct db *db, void *stmt, const char *fmt, va_list *ap)
{
	int	 rc;

	if (sqlite_bind(stmt, fmt, ap) == -1)
		return DB_ERROR;
	rc = sqlite_result_of(sqlite3_step(stmt));
	if (rc == DB_ERROR)
		sqlite_log(db->h, sqlite3_sql(stmt));
	/* A guard of migration 0063 refused it: its message, after
	 * "exchange: ", is for the person. */
	if (rc == DB_CONSTRAINT && sqlite3_extended_errcode(db->h) ==
	    SQLITE_CONSTRAINT_TRIGGER &&
	    strncmp(sqlite3_errmsg(db->h), "exchange: ", 10) == 0)
		snprintf(db->elsewhere, sizeof(db->elsewhere), "%s",
		    sqlite3_errmsg(db->h) + 10);
	scan_check(stmt);
	sqlite3_reset(stmt);
	return rc;
}

static int
sqlite_script(struct db *db, const char *text)
{
	char	*err = NULL;

	if (sqlite3_exec(db->h, text, NULL, NULL, &err) != SQLITE_OK) {
		log_line(LOG_ERR, "database: %s", err ? err : "error");
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

static int
sqlite_cursor_open(struct db *db, struct db_cursor *c, void *stmt,
    const char *fmt, va_list *ap)
{
	(void)db;
	if (sqlite_bind(stmt, fmt, ap) == -1)
		return -1;
	c->stmt = stmt;
	return 0;
}

static int
sqlite_cursor_open_built(struct db *db, struct db_cursor *c,
    const char *text, int64_t id)
{
	if (sqlite3_prepare_v2(db->h, text, -1, &c->stmt, NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(c->stmt, 1, id) != SQLITE_OK) {
		sqlite3_finalize(c->stmt);
		c->stmt = NULL;
		return -1;
	}
	c->uncached = 1;
	return 0;
}

static int
sqlite_cursor_next(struct db_cursor *c)
{
	switch (sqlite3_step(c->stmt)) {
	case SQLITE_ROW:
		return 1;
	case SQLITE_DONE:
		return 0;
	default:
		sqlite_log(sqlite3_db_handle(c->stmt), sqlite3_sql(c->stmt));
		return -1;
	}
}

static void
sqlite_cursor_close(struct db_cursor *c)
{
	if (c->stmt != NULL)
		scan_check(c->stmt);
	if (c->uncached)
		sqlite3_finalize(c->stmt);
	else if (c->stmt != NULL)
		sqlite3_reset(c->stmt);
}

static enum db_type
sqlite_type(const struct db_cursor *c, int col)
{
	switch (sqlite3_column_type(c->stmt, col)) {
	case SQLITE_INTEGER:
		return DB_TYPE_INTEGER;
	case SQLITE_FLOAT:
		return DB_TYPE_REAL;
	case SQLITE_TEXT:
		return DB_TYPE_TEXT;
	case SQLITE_BLOB:
		return DB_TYPE_BLOB;
	default:
		return DB_TYPE_NULL;
	}
}

static int64_t
sqlite_integer(const struct db_cursor *c, int col)
{
	return sqlite3_column_int64(c->stmt, col);
}

static const char *
sqlite_text(const struct db_cursor *c, int col)
{
	return (const char *)sqlite3_column_text(c->stmt, col);
}

static const void *
sqlite_blob(struct db_cursor *c, int col, size_t *len)
{
	const void	*p;

	/* The pointer first: sqlite3_column_bytes after it is the size of
	 * that same representation. */
	p = sqlite3_column_blob(c->stmt, col);
	*len = (size_t)sqlite3_column_bytes(c->stmt, col);
	return p;
}

static json_t *
sqlite_column_json(sqlite3_stmt *st, int col)
{
	switch (sqlite3_column_type(st, col)) {
	case SQLITE_INTEGER:
		return json_integer(sqlite3_column_int64(st, col));
	case SQLITE_FLOAT:
		return json_real(sqlite3_column_double(st, col));
	case SQLITE_TEXT:
		return json_stringn((const char *)sqlite3_column_text(st, col),
		    (size_t)sqlite3_column_bytes(st, col));
	default:
		return json_null();
	}
}

static json_t *
sqlite_row(const struct db_cursor *c)
{
	json_t	*o;
	int	 i, n;

	if ((o = json_object()) == NULL)
		return NULL;
	n = sqlite3_column_count(c->stmt);
	for (i = 0; i < n; i++)
		json_object_set_new(o, sqlite3_column_name(c->stmt, i),
		    sqlite_column_json(c->stmt, i));
	return o;
}

static int
sqlite_in_transaction(const struct db *db)
{
	return !sqlite3_get_autocommit(db->h);
}

static int
sqlite_changes(const struct db *db)
{
	return sqlite3_changes(db->h);
}

static int64_t
sqlite_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(db->h);
}

const struct db_engine db_engine_sqlite = {
	.name = "sqlite",
	.migrations = embedded_migrations,
	.open = sqlite_open,
	.close = sqlite_close,
	.stmt_free = sqlite_stmt_free,
	.prepare = sqlite_prepare,
	.exec = sqlite_exec,
	.script = sqlite_script,
	.cursor_open = sqlite_cursor_open,
	.cursor_open_built = sqlite_cursor_open_built,
	.cursor_next = sqlite_cursor_next,
	.cursor_close = sqlite_cursor_close,
	.type = sqlite_type,
	.integer = sqlite_integer,
	.text = sqlite_text,
	.blob = sqlite_blob,
	.row = sqlite_row,
	.in_transaction = sqlite_in_transaction,
	.changes = sqlite_changes,
	.last_id = sqlite_last_id,
	.checkpoint = sqlite_checkpoint,
};
