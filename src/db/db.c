#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "db.h"
#include "../util/log.h"
#include "embedded.h"
#include "../util/buf.h"
#include "../limits.h"

static void
db_log(sqlite3 *h, const char *what)
{
	log_line(LOG_ERR, "database: %s: %s", what, sqlite3_errmsg(h));
}

int
db_open(struct db *db, const char *path, int busy_ms)
{
	static const char	*pragmas =
	    "PRAGMA journal_mode=WAL;"
	    "PRAGMA synchronous=FULL;"
	    "PRAGMA foreign_keys=ON;"
	    /* Deleted content is overwritten with zeros, not left in free
	     * space: the ballots re-inserted at a poll's close (and any
	     * other deletion) leave no old copy in the file. */
	    "PRAGMA secure_delete=ON;";

	memset(db, 0, sizeof(*db));
	if (sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		log_line(LOG_ERR, "%s: cannot open database: %s", path,
		    db->h ? sqlite3_errmsg(db->h) : "out of memory");
		sqlite3_close(db->h);
		db->h = NULL;
		return -1;
	}
	/* Before any other statement: even the pragmas can meet a lock. */
	sqlite3_busy_timeout(db->h, busy_ms);
	sqlite3_extended_result_codes(db->h, 1);
	if (sqlite3_exec(db->h, pragmas, NULL, NULL, NULL) != SQLITE_OK) {
		db_log(db->h, path);
		db_close(db);
		return -1;
	}
	return 0;
}

int
db_open_readonly(struct db *db, const char *path)
{
	memset(db, 0, sizeof(*db));
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
	if (len < 100 || (copy = sqlite3_malloc64(len)) == NULL)
		return -1;
	memcpy(copy, image, len);
	if (copy[18] == 2 && copy[19] == 2)
		copy[18] = copy[19] = 1;
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

int
db_checkpoint(struct db *db)
{
	int	 rc;

	rc = sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_TRUNCATE,
	    NULL, NULL);
	if (rc == SQLITE_OK)
		return DB_OK;
	db_log(db->h, "checkpoint");
	return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED ?
	    DB_BUSY : DB_ERROR;
}

void
db_close(struct db *db)
{
	size_t	 i;

	for (i = 0; i < db->nslots; i++)
		sqlite3_finalize(db->cache[i].stmt);
	free(db->cache);
	if (db->h != NULL)
		sqlite3_close(db->h);
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
static sqlite3_stmt *
db_prepare(struct db *db, const char *sql)
{
	struct db_cached *c;

	if (db->nslots > 0) {
		c = db_cache_slot(db->cache, db->nslots, sql);
		if (c->sql == sql) {
			sqlite3_reset(c->stmt);
			sqlite3_clear_bindings(c->stmt);
			return c->stmt;
		}
	}
	if ((db->nused + 1) * 2 > db->nslots && db_cache_grow(db) == -1) {
		log_line(LOG_ERR, "database: out of memory for statements");
		return NULL;
	}
	c = db_cache_slot(db->cache, db->nslots, sql);
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &c->stmt, NULL) != SQLITE_OK) {
		db_log(db->h, sql);
		c->stmt = NULL;
		return NULL;
	}
	c->sql = sql;
	db->nused++;
	return c->stmt;
}

static int
db_bindv(sqlite3_stmt *st, const char *fmt, va_list *ap)
{
	int		 i, rc = SQLITE_OK;
	const char	*s;
	struct db_blob	 blob;
	json_t		*j;

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
db_step(sqlite3_stmt *st)
{
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		return 1;
	case SQLITE_DONE:
		return 0;
	default:
		db_log(sqlite3_db_handle(st), sqlite3_sql(st));
		return -1;
	}
}

static int
db_result_of(int rc)
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

int
(db_exec)(struct db *db, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;
	int		 rc;

	if ((st = db_prepare(db, sql)) == NULL)
		return DB_ERROR;
	va_start(ap, fmt);
	rc = db_bindv(st, fmt, &ap);
	va_end(ap);
	if (rc == -1)
		return DB_ERROR;
	rc = db_result_of(sqlite3_step(st));
	if (rc == DB_ERROR)
		db_log(db->h, sql);
	sqlite3_reset(st);
	return rc;
}

int
db_exec_script(struct db *db, const char *sql)
{
	char	*err = NULL;

	if (sqlite3_exec(db->h, sql, NULL, NULL, &err) != SQLITE_OK) {
		log_line(LOG_ERR, "database: %s", err ? err : "error");
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

int
db_begin(struct db *db, int immediate)
{
	static const char	*sql_imm = "BEGIN IMMEDIATE";
	static const char	*sql_def = "BEGIN";

	return db_exec(db, immediate ? sql_imm : sql_def, "");
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
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

int64_t
db_last_id(const struct db *db)
{
	return sqlite3_last_insert_rowid(db->h);
}

int
db_changes(const struct db *db)
{
	return sqlite3_changes(db->h);
}

static json_t *
db_column_json(sqlite3_stmt *st, int col)
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
db_row_json(sqlite3_stmt *st)
{
	json_t	*o;
	int	 i, n;

	if ((o = json_object()) == NULL)
		return NULL;
	n = sqlite3_column_count(st);
	for (i = 0; i < n; i++)
		json_object_set_new(o, sqlite3_column_name(st, i),
		    db_column_json(st, i));
	return o;
}

static sqlite3_stmt *
db_vprepare(struct db *db, const char *sql, const char *fmt, va_list *ap)
{
	sqlite3_stmt	*st;

	if ((st = db_prepare(db, sql)) == NULL)
		return NULL;
	return db_bindv(st, fmt, ap) == 0 ? st : NULL;
}

/* The cached statement for sql with id bound as ?1; NULL on error. */
static sqlite3_stmt *
db_prepare_id(struct db *db, const char *sql, int64_t id)
{
	sqlite3_stmt	*st;

	if ((st = db_prepare(db, sql)) == NULL)
		return NULL;
	if (sqlite3_bind_int64(st, 1, id) != SQLITE_OK) {
		db_log(db->h, sql);
		return NULL;
	}
	return st;
}

json_t *
(db_rows)(struct db *db, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;
	json_t		*a;
	int		 rc;

	va_start(ap, fmt);
	st = db_vprepare(db, sql, fmt, &ap);
	va_end(ap);
	if (st == NULL || (a = json_array()) == NULL)
		return NULL;
	while ((rc = db_step(st)) == 1)
		json_array_append_new(a, db_row_json(st));
	sqlite3_reset(st);
	if (rc == -1) {
		json_decref(a);
		return NULL;
	}
	return a;
}

int
(db_row)(struct db *db, json_t **out, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;
	int		 rc;

	*out = NULL;
	va_start(ap, fmt);
	st = db_vprepare(db, sql, fmt, &ap);
	va_end(ap);
	if (st == NULL)
		return -1;
	if ((rc = db_step(st)) == 1)
		*out = db_row_json(st);
	sqlite3_reset(st);
	return rc;
}

int
(db_int)(struct db *db, int64_t *out, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;
	int		 rc;

	*out = 0;
	va_start(ap, fmt);
	st = db_vprepare(db, sql, fmt, &ap);
	va_end(ap);
	if (st == NULL)
		return -1;
	if ((rc = db_step(st)) == 1)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc;
}

int
db_pair(struct db *db, const char *sql, int64_t id, int64_t *a, int64_t *b)
{
	sqlite3_stmt	*st;
	int		 rc;

	*a = *b = 0;
	if ((st = db_prepare_id(db, sql, id)) == NULL)
		return -1;
	if ((rc = db_step(st)) == 1) {
		*a = sqlite3_column_int64(st, 0);
		*b = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc;
}

int
db_file_read(struct db *db, const char *sql, int64_t id, struct buf *out,
    char **mime, char **ext)
{
	sqlite3_stmt	*st;
	int		 rc;

	*mime = *ext = NULL;
	if ((st = db_prepare_id(db, sql, id)) == NULL)
		return -1;
	if ((rc = db_step(st)) == 1 && sqlite3_column_type(st, 2) == SQLITE_NULL)
		rc = 0;
	if (rc == 1) {
		*mime = strdup((const char *)sqlite3_column_text(st, 0));
		*ext = strdup((const char *)sqlite3_column_text(st, 1));
		if (*mime == NULL || *ext == NULL ||
		    buf_add(out, sqlite3_column_blob(st, 2),
		    (size_t)sqlite3_column_bytes(st, 2)) == -1)
			rc = -1;
	}
	sqlite3_reset(st);
	return rc;
}

int
db_durable(struct db *db, int on)
{
	static const char *sql_full = "PRAGMA synchronous=FULL";
	static const char *sql_normal = "PRAGMA synchronous=NORMAL";

	return db_exec(db, on ? sql_full : sql_normal, "");
}

int
(db_cursor_open)(struct db *db, struct db_cursor *c, const char *sql,
    const char *fmt, ...)
{
	va_list		 ap;

	memset(c, 0, sizeof(*c));
	va_start(ap, fmt);
	c->stmt = db_vprepare(db, sql, fmt, &ap);
	va_end(ap);
	if (c->stmt == NULL)
		return -1;
	c->db = db;
	return 0;
}

int
db_cursor_open_built(struct db *db, struct db_cursor *c, const char *sql,
    int64_t id)
{
	memset(c, 0, sizeof(*c));
	if (sqlite3_prepare_v2(db->h, sql, -1, &c->stmt, NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(c->stmt, 1, id) != SQLITE_OK) {
		sqlite3_finalize(c->stmt);
		c->stmt = NULL;
		return -1;
	}
	c->db = db;
	c->uncached = 1;
	return 0;
}

int
db_cursor_next(struct db_cursor *c)
{
	return db_step(c->stmt);
}

void
db_cursor_close(struct db_cursor *c)
{
	if (c->uncached)
		sqlite3_finalize(c->stmt);
	else if (c->stmt != NULL)
		sqlite3_reset(c->stmt);
	memset(c, 0, sizeof(*c));
}

enum db_type
db_cursor_type(const struct db_cursor *c, int col)
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

int64_t
db_cursor_int(const struct db_cursor *c, int col)
{
	return sqlite3_column_int64(c->stmt, col);
}

const char *
db_cursor_text(const struct db_cursor *c, int col)
{
	return (const char *)sqlite3_column_text(c->stmt, col);
}

const void *
db_cursor_blob(const struct db_cursor *c, int col, size_t *len)
{
	const void	*p;

	/* The pointer first: sqlite3_column_bytes after it is the size of
	 * that same representation. */
	p = sqlite3_column_blob(c->stmt, col);
	*len = (size_t)sqlite3_column_bytes(c->stmt, col);
	return p;
}

json_t *
db_cursor_row(const struct db_cursor *c)
{
	return db_row_json(c->stmt);
}
