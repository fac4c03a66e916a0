/*
 * The PostgreSQL engine, through libpq.  Each struct db is one
 * connection (one a thread, as on SQLite).  A cached statement is the
 * text rewritten once from `?` to `$n` (placeholders.c); it runs with
 * PQexecParams, each argument typed by its format letter, so a
 * parameter PostgreSQL could not infer (`CAST(?1 AS TEXT) IS NULL`) still has a type.
 * Results come as text, bytea decoded on demand.
 *
 * Errors map as on SQLite: an integrity violation (SQLSTATE class 23,
 * which the schema's triggers raise too) is DB_CONSTRAINT; a lock or
 * serialization failure is DB_BUSY; anything else DB_ERROR, logged.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "db.h"
#include "engine.h"
#include "embedded.h"
#include "pg_types.h"
#include "placeholders.h"
#include "../limits.h"
#include "../util/log.h"


/* A cached statement: the rewritten text.  Owned by the cache. */
struct pg_stmt {
	char		*text;		/* owned */
	int		 nparams;
	unsigned char	 used[PLACEHOLDERS_USED_BYTES];	/* $n in text */
};

/* One call's arguments in libpq's form.  Owns text (the printed numbers
 * and JSON strings); values point into it or at the caller's strings. */
struct pg_args {
	int		 n;
	Oid		 types[DB_PARAMS_MAX];
	const char	*values[DB_PARAMS_MAX];
	int		 lengths[DB_PARAMS_MAX];
	int		 formats[DB_PARAMS_MAX];
	char		 numbers[DB_PARAMS_MAX][32];
};

/* Notices (a table that already exists, a trigger's note) are not
 * errors; the log keeps only what fails. */
static void
pg_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* What every connection is set up with, the first time and again after
 * it was made anew. */
static int
pg_settings(struct db *db)
{
	char	 sql[96];
	PGresult *r;
	int	 ok;

	PQsetNoticeProcessor(db->pg, pg_notice, NULL);
	/* The busy timeout is how long a statement waits for a lock, as
	 * SQLite's busy handler waits; past it the request is refused. */
	snprintf(sql, sizeof(sql), "SET lock_timeout = %d; "
	    "SET client_min_messages = warning", db->busy_ms);
	r = PQexec(db->pg, sql);
	if (!(ok = PQresultStatus(r) == PGRES_COMMAND_OK))
		db_log_error("connect", PQerrorMessage(db->pg));
	PQclear(r);
	return ok ? 0 : -1;
}

static int
pg_open(struct db *db, const char *target, int busy_ms)
{
	db->busy_ms = busy_ms;
	db->pg = PQconnectdb(target);
	if (db->pg == NULL || PQstatus(db->pg) != CONNECTION_OK) {
		log_line(LOG_ERR, "database: cannot connect to PostgreSQL: %s",
		    db->pg != NULL ? PQerrorMessage(db->pg) : "out of memory");
		return -1;
	}
	return pg_settings(db);
}

/*
 * A connection the database dropped (it restarted, or a standby took
 * over: a URI naming several hosts with target_session_attrs=read-write
 * finds the new primary) is made again, with the same parameters.  Only
 * between transactions: within one, what it had done is gone with the
 * old connection, and going on would commit the rest without it.
 */
static int
pg_revive(struct db *db)
{
	if (db->pg == NULL)
		return -1;
	if (PQstatus(db->pg) == CONNECTION_OK && !db->lost)
		return 0;
	db->lost = 0;
	PQreset(db->pg);
	if (PQstatus(db->pg) != CONNECTION_OK) {
		log_line(LOG_ERR, "database: cannot connect to PostgreSQL "
		    "again: %s", PQerrorMessage(db->pg));
		return -1;
	}
	log_line(LOG_WARNING, "database: connected to PostgreSQL again");
	return pg_settings(db) == 0 ? 1 : -1;
}

static void
pg_close(struct db *db)
{
	if (db->pg != NULL)
		PQfinish(db->pg);
	db->pg = NULL;
}

static void
pg_stmt_free(void *p)
{
	struct pg_stmt	*st = p;

	free(st->text);
	free(st);
}

static void *
pg_prepare(struct db *db, const char *text)
{
	struct pg_stmt	*st;

	(void)db;
	if ((st = calloc(1, sizeof(*st))) == NULL ||
	    (st->text = placeholders_pg(text, &st->nparams, st->used)) ==
	    NULL) {
		free(st);
		log_line(LOG_ERR, "database: cannot rewrite %s", text);
		return NULL;
	}
	return st;
}

/* One argument as text with its type; 0, or -1 for an unknown letter. */
static int
pg_arg(struct pg_args *a, int i, char letter, va_list *ap)
{
	struct db_blob	 blob;
	json_t		*j;
	const char	*s;

	a->types[i] = 0;
	a->formats[i] = 0;
	a->lengths[i] = 0;
	a->values[i] = NULL;
	switch (letter) {
	case 'i':
		a->types[i] = OID_INT8;
		snprintf(a->numbers[i], sizeof(a->numbers[i]), "%lld",
		    (long long)va_arg(*ap, int64_t));
		a->values[i] = a->numbers[i];
		break;
	case 'd':
		a->types[i] = OID_INT4;
		snprintf(a->numbers[i], sizeof(a->numbers[i]), "%d",
		    va_arg(*ap, int));
		a->values[i] = a->numbers[i];
		break;
	case 't':
		s = va_arg(*ap, const char *);
		a->values[i] = s;
		break;
	case 'b':
		blob = va_arg(*ap, struct db_blob);
		a->types[i] = OID_BYTEA;
		a->formats[i] = 1;
		/* A zero-length blob is still a value, not NULL. */
		a->values[i] = blob.p != NULL ? blob.p : "";
		a->lengths[i] = (int)blob.n;
		break;
	case 'n':
		(void)va_arg(*ap, struct db_null *);
		break;
	case 'j':
		j = va_arg(*ap, json_t *);
		if (json_is_string(j))
			a->values[i] = json_string_value(j);
		else if (json_is_integer(j) || json_is_boolean(j)) {
			a->types[i] = OID_INT8;
			snprintf(a->numbers[i], sizeof(a->numbers[i]), "%lld",
			    json_is_boolean(j) ? (long long)json_is_true(j) :
			    (long long)json_integer_value(j));
			a->values[i] = a->numbers[i];
		} else if (json_is_real(j)) {
			a->types[i] = OID_FLOAT8;
			snprintf(a->numbers[i], sizeof(a->numbers[i]), "%.17g",
			    json_real_value(j));
			a->values[i] = a->numbers[i];
		}
		break;
	default:
		log_line(LOG_ERR, "database: bad bind format '%c'", letter);
		return -1;
	}
	return 0;
}

/* Runs st with the arguments of fmt: the result (caller clears), or NULL
 * when the arguments do not fit (logged). */
static PGresult *
pg_run(struct db *db, const struct pg_stmt *st, const char *fmt, va_list *ap)
{
	struct pg_args	*a;
	PGresult	*r;
	int		 i, n = (int)strlen(fmt);

	if (n > DB_PARAMS_MAX || (a = malloc(sizeof(*a))) == NULL) {
		log_line(LOG_ERR, "database: too many arguments for %s",
		    st->text);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		if (pg_arg(a, i, fmt[i], ap) == -1) {
			free(a);
			return NULL;
		}
		/* Bound but not in the text: any type will do, and without
		 * one PostgreSQL refuses the statement. */
		if (a->types[i] == 0 && !PLACEHOLDER_USED(st->used, i + 1))
			a->types[i] = OID_TEXT;
	}
	r = PQexecParams(db->pg, st->text, n, a->types, a->values, a->lengths,
	    a->formats, 0);
	free(a);
	return r;
}

/* The db_result of a finished command; errors are logged. */
static int
pg_result_of(struct db *db, PGresult *r, const char *text)
{
	const char	*state;

	switch (PQresultStatus(r)) {
	case PGRES_COMMAND_OK:
	case PGRES_TUPLES_OK:
		return DB_OK;
	default:
		break;
	}
	state = r != NULL ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	/* No answer from the server (libpq's own error), a connection
	 * exception (08), or the server shutting down (57P0x): the
	 * connection is not to be used again until it is made anew. */
	if (state == NULL || strncmp(state, "08", 2) == 0 ||
	    strncmp(state, "57P0", 4) == 0)
		db->lost = 1;
	if (state != NULL && strncmp(state, "23", 2) == 0)
		return DB_CONSTRAINT;
	if (state != NULL && (strcmp(state, "40001") == 0 ||
	    strcmp(state, "40P01") == 0 || strcmp(state, "55P03") == 0))
		return DB_BUSY;
	db_log_error(text, PQerrorMessage(db->pg));
	return DB_ERROR;
}

static int
pg_exec(struct db *db, void *stmt, const char *fmt, va_list *ap)
{
	struct pg_stmt	*st = stmt;
	PGresult	*r;
	int		 rc;

	db->changes = 0;
	if ((r = pg_run(db, st, fmt, ap)) == NULL)
		return DB_ERROR;
	if ((rc = pg_result_of(db, r, st->text)) == DB_OK)
		db->changes = (int)strtol(PQcmdTuples(r), NULL, 10);
	PQclear(r);
	return rc;
}

static int
pg_script(struct db *db, const char *text)
{
	PGresult	*r;
	int		 rc;

	r = PQexec(db->pg, text);
	rc = pg_result_of(db, r, text) == DB_OK ? 0 : -1;
	PQclear(r);
	return rc;
}

/* Gives the cursor every row of r, before the first: 0; or clears r and
 * gives -1 when it holds no rows (an error, logged when log is set). */
static int
pg_cursor_take(struct db *db, struct db_cursor *c, PGresult *r,
    const char *text, int log)
{
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		if (log)
			(void)pg_result_of(db, r, text);
		PQclear(r);
		return -1;
	}
	c->res = (struct pg_result *)r;
	c->nrows = PQntuples(r);
	c->row = -1;
	return 0;
}

static int
pg_cursor_open(struct db *db, struct db_cursor *c, void *stmt,
    const char *fmt, va_list *ap)
{
	struct pg_stmt	*st = stmt;
	PGresult	*r;

	if ((r = pg_run(db, st, fmt, ap)) == NULL)
		return -1;
	return pg_cursor_take(db, c, r, st->text, 1);
}

static int
pg_cursor_open_built(struct db *db, struct db_cursor *c, const char *text,
    int64_t id)
{
	char		*rewritten, number[32];
	const char	*values[1] = { number };
	Oid		 types[1] = { OID_INT8 };
	PGresult	*r;
	int		 n;

	if ((rewritten = placeholders_pg(text, &n, NULL)) == NULL)
		return -1;
	snprintf(number, sizeof(number), "%lld", (long long)id);
	r = PQexecParams(db->pg, rewritten, 1, types, values, NULL, NULL, 0);
	free(rewritten);
	/* Not logged: the caller may try another form (db.h). */
	return pg_cursor_take(db, c, r, text, 0);
}

/* Decoded bytea of the current row, freed at the next row or close. */
struct pg_blobs {
	struct pg_blobs	*next;
	unsigned char	*data;	/* owned (PQfreemem) */
};

static void
pg_blobs_free(struct db_cursor *c)
{
	struct pg_blobs	*b, *next;

	for (b = c->blobs; b != NULL; b = next) {
		next = b->next;
		PQfreemem(b->data);
		free(b);
	}
	c->blobs = NULL;
}

static int
pg_cursor_next(struct db_cursor *c)
{
	pg_blobs_free(c);
	if (c->row + 1 >= c->nrows)
		return 0;
	c->row++;
	return 1;
}

static void
pg_cursor_close(struct db_cursor *c)
{
	pg_blobs_free(c);
	PQclear((PGresult *)c->res);
}

static enum db_type
pg_type(const struct db_cursor *c, int col)
{
	PGresult	*r = (PGresult *)c->res;

	if (PQgetisnull(r, c->row, col))
		return DB_TYPE_NULL;
	switch (PQftype(r, col)) {
	case OID_BOOL:
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
	case OID_OID:
		return DB_TYPE_INTEGER;
	case OID_NUMERIC:
		/* sum() of integers is numeric here and an integer on
		 * SQLite: a whole number reads as one, as it does there
		 * (a count summed read 0 through view_int). */
		return strpbrk(PQgetvalue(r, c->row, col), ".eEN") == NULL ?
		    DB_TYPE_INTEGER : DB_TYPE_REAL;
	case OID_FLOAT4:
	case OID_FLOAT8:
		return DB_TYPE_REAL;
	case OID_BYTEA:
		return DB_TYPE_BLOB;
	default:
		return DB_TYPE_TEXT;
	}
}

static int64_t
pg_integer(const struct db_cursor *c, int col)
{
	PGresult	*r = (PGresult *)c->res;
	const char	*v;

	if (PQgetisnull(r, c->row, col))
		return 0;
	v = PQgetvalue(r, c->row, col);
	if (PQftype(r, col) == OID_BOOL)
		return v[0] == 't';
	return strtoll(v, NULL, 10);
}

static const char *
pg_text(const struct db_cursor *c, int col)
{
	PGresult	*r = (PGresult *)c->res;

	return PQgetisnull(r, c->row, col) ? NULL : PQgetvalue(r, c->row, col);
}

static const void *
pg_blob(struct db_cursor *c, int col, size_t *len)
{
	PGresult	*r = (PGresult *)c->res;
	struct pg_blobs	*b;

	*len = 0;
	if (PQgetisnull(r, c->row, col))
		return NULL;
	if (PQftype(r, col) != OID_BYTEA) {
		*len = (size_t)PQgetlength(r, c->row, col);
		return PQgetvalue(r, c->row, col);
	}
	if ((b = calloc(1, sizeof(*b))) == NULL)
		return NULL;
	if ((b->data = PQunescapeBytea((const unsigned char *)PQgetvalue(r,
	    c->row, col), len)) == NULL) {
		free(b);
		*len = 0;
		return NULL;
	}
	b->next = c->blobs;
	c->blobs = b;
	return b->data;
}

static json_t *
pg_column_json(const struct db_cursor *c, int col)
{
	PGresult	*r = (PGresult *)c->res;

	switch (pg_type(c, col)) {
	case DB_TYPE_INTEGER:
		return json_integer(pg_integer(c, col));
	case DB_TYPE_REAL:
		return json_real(strtod(PQgetvalue(r, c->row, col), NULL));
	case DB_TYPE_TEXT:
		return json_stringn(PQgetvalue(r, c->row, col),
		    (size_t)PQgetlength(r, c->row, col));
	default:
		/* Blobs are not JSON, as on SQLite. */
		return json_null();
	}
}

static json_t *
pg_row(const struct db_cursor *c)
{
	PGresult	*r = (PGresult *)c->res;
	json_t		*o;
	int		 i, n;

	if ((o = json_object()) == NULL)
		return NULL;
	n = PQnfields(r);
	for (i = 0; i < n; i++)
		json_object_set_new(o, PQfname(r, i), pg_column_json(c, i));
	return o;
}

static int
pg_in_transaction(const struct db *db)
{
	return PQtransactionStatus(db->pg) != PQTRANS_IDLE;
}

static int
pg_changes(const struct db *db)
{
	return db->changes;
}

/* The id the last INSERT took from a sequence (an identity column), or
 * 0 when none has been taken on this connection. */
static int64_t
pg_last_id(struct db *db)
{
	static const char	*sql = "SELECT lastval()";
	PGresult		*r;
	int64_t			 id = 0;

	r = PQexec(db->pg, sql);
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
		id = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return id;
}

/* PostgreSQL checkpoints by itself; there is no WAL file of ours to
 * truncate. */
static int
pg_checkpoint(struct db *db)
{
	(void)db;
	return DB_OK;
}

const struct db_engine db_engine_pg = {
	.name = "postgresql",
	.writer_turn = "SELECT pg_advisory_xact_lock(7266002)",
	.migrations = embedded_migrations_pg,
	.open = pg_open,
	.revive = pg_revive,
	.close = pg_close,
	.stmt_free = pg_stmt_free,
	.prepare = pg_prepare,
	.exec = pg_exec,
	.script = pg_script,
	.cursor_open = pg_cursor_open,
	.cursor_open_built = pg_cursor_open_built,
	.cursor_next = pg_cursor_next,
	.cursor_close = pg_cursor_close,
	.type = pg_type,
	.integer = pg_integer,
	.text = pg_text,
	.blob = pg_blob,
	.row = pg_row,
	.in_transaction = pg_in_transaction,
	.changes = pg_changes,
	.last_id = pg_last_id,
	.checkpoint = pg_checkpoint,
};
