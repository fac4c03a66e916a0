/*
 * roundtable copy: an organisation's SQLite database moved onto
 * PostgreSQL, every table in one transaction, then verified by a
 * fingerprint of every table read back from both sides.
 *
 * The target is migrated before (same migration names on both engines,
 * compared here), must hold no account (a new database, never a live
 * organisation), and loses the rows its migrations seeded, which the
 * source's replace.  Rows travel as JSON, COPY_BATCH_ROWS a statement
 * (json_populate_recordset), with session_replication_role = replica:
 * the schema's triggers and foreign keys hold for the source already,
 * and rows arriving table by table would trip them (a score before the
 * submission that locks it).  That setting needs a superuser, or the SET
 * privilege on it (PostgreSQL 15); without it the copy is refused before
 * anything is written.  Identity sequences are moved past the largest id
 * copied, so the next row made on PostgreSQL takes a fresh one, and the
 * tables are analysed for the planner.
 *
 * The fingerprint is the engines' common ground: per table, the rows
 * read as (column name, null / blob / value as text), columns in name
 * order, each row hashed (BLAKE2b) and the hashes added, so neither the
 * order of rows nor of columns matters; a truth value reads 1 or 0 and a
 * real number through the same printf on both.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libpq-fe.h>
#include <sodium.h>
#include <sqlite3.h>

#include "db.h"
#include "copy.h"
#include "pg_types.h"
#include "../limits.h"
#include "../util/buf.h"

/* One table's fingerprint: rows and the sum of the rows' digests. */
struct table_print {
	long long	 rows;
	uint64_t	 sum[2];
};

/* The columns copied: the source's, less what PostgreSQL generates.
 * Owns the names. */
struct columns {
	char		**name;
	size_t		  n;
};

static void
columns_free(struct columns *c)
{
	size_t	 i;

	for (i = 0; i < c->n; i++)
		free(c->name[i]);
	free(c->name);
	memset(c, 0, sizeof(*c));
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static PGresult *
pg_query(PGconn *pg, const char *sql, int n, const char *const *params)
{
	PGresult	*r = PQexecParams(pg, sql, n, NULL, params, NULL, NULL, 0);

	if (PQresultStatus(r) != PGRES_TUPLES_OK &&
	    PQresultStatus(r) != PGRES_COMMAND_OK) {
		fprintf(stderr, "copy: %s", PQerrorMessage(pg));
		PQclear(r);
		return NULL;
	}
	return r;
}

static int
pg_run(PGconn *pg, const char *sql)
{
	PGresult	*r = pg_query(pg, sql, 0, NULL);

	PQclear(r);
	return r == NULL ? -1 : 0;
}

/* The target's columns of table that a row may carry (not generated). */
static int
target_columns(PGconn *pg, const char *table, struct columns *out)
{
	const char	*p[1] = { table };
	PGresult	*r;
	int		 i;

	memset(out, 0, sizeof(*out));
	if ((r = pg_query(pg, "SELECT column_name FROM information_schema."
	    "columns WHERE table_schema = current_schema() AND table_name = "
	    "$1 AND is_generated = 'NEVER' ORDER BY column_name", 1, p)) ==
	    NULL)
		return -1;
	if ((out->name = calloc((size_t)PQntuples(r) + 1,
	    sizeof(*out->name))) == NULL) {
		PQclear(r);
		return -1;
	}
	for (i = 0; i < PQntuples(r); i++)
		if ((out->name[out->n++] = strdup(PQgetvalue(r, i, 0))) ==
		    NULL) {
			PQclear(r);
			return -1;
		}
	PQclear(r);
	return 0;
}

/* The source's columns of table, in name order. */
static int
source_columns(sqlite3 *h, const char *table, struct columns *out)
{
	sqlite3_stmt	*st;
	char		*sql;
	int		 rc, i, n;

	memset(out, 0, sizeof(*out));
	if ((sql = sqlite3_mprintf("SELECT * FROM \"%w\" LIMIT 0", table)) ==
	    NULL)
		return -1;
	rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return -1;
	n = sqlite3_column_count(st);
	if ((out->name = calloc((size_t)n + 1, sizeof(*out->name))) == NULL) {
		sqlite3_finalize(st);
		return -1;
	}
	for (i = 0; i < n; i++)
		if ((out->name[out->n++] = strdup(sqlite3_column_name(st, i))) ==
		    NULL) {
			sqlite3_finalize(st);
			return -1;
		}
	sqlite3_finalize(st);
	qsort(out->name, out->n, sizeof(*out->name), name_cmp);
	return 0;
}

/* "a", "b", "c": the column list both sides' SQL names. */
static char *
column_list(const struct columns *c)
{
	struct buf	 b;
	size_t		 i;
	char		*s;

	buf_init(&b, 1 << 20);
	for (i = 0; i < c->n; i++)
		if (buf_printf(&b, "%s\"%s\"", i ? ", " : "", c->name[i]) ==
		    -1) {
			buf_release(&b);
			return NULL;
		}
	if (buf_putc(&b, '\0') == -1) {
		buf_release(&b);
		return NULL;
	}
	s = strdup(b.data);
	buf_release(&b);
	return s;
}

/* One value of a source row as JSON: a blob as bytea's hex text. */
static json_t *
source_value(sqlite3_stmt *st, int i)
{
	const unsigned char	*p;
	char			*hex;
	json_t			*v;
	size_t			 len;

	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		return json_null();
	case SQLITE_INTEGER:
		return json_integer(sqlite3_column_int64(st, i));
	case SQLITE_FLOAT:
		return json_real(sqlite3_column_double(st, i));
	case SQLITE_BLOB:
		p = sqlite3_column_blob(st, i);
		len = (size_t)sqlite3_column_bytes(st, i);
		if ((hex = malloc(2 * len + 3)) == NULL)
			return NULL;
		hex[0] = '\\';
		hex[1] = 'x';
		sodium_bin2hex(hex + 2, 2 * len + 1, p, len);
		v = json_string(hex);
		free(hex);
		return v;
	default:
		return json_stringn((const char *)sqlite3_column_text(st, i),
		    (size_t)sqlite3_column_bytes(st, i));
	}
}

/* Sends one batch of rows to table. */
static int
insert_batch(PGconn *pg, const char *insert, json_t *batch)
{
	const char	*p[1];
	char		*text;
	PGresult	*r;

	if ((text = json_dumps(batch, JSON_COMPACT)) == NULL)
		return -1;
	p[0] = text;
	r = pg_query(pg, insert, 1, p);
	free(text);
	PQclear(r);
	json_array_clear(batch);
	return r == NULL ? -1 : 0;
}

/* Copies every row of table: the columns are cols (both sides have
 * them).  The count of rows copied, or -1. */
static long long
table_copy(sqlite3 *h, PGconn *pg, const char *table,
    const struct columns *cols)
{
	sqlite3_stmt	*st = NULL;
	char		*list, *sql = NULL, *insert = NULL, *del = NULL;
	json_t		*batch = json_array(), *row;
	long long	 rows = 0;
	size_t		 i;
	int		 rc = SQLITE_ERROR;

	if ((list = column_list(cols)) == NULL || batch == NULL ||
	    (sql = sqlite3_mprintf("SELECT %s FROM \"%w\"", list, table)) ==
	    NULL || asprintf(&insert, "INSERT INTO \"%s\" (%s) SELECT %s FROM "
	    "json_populate_recordset(NULL::\"%s\", $1::json)", table, list,
	    list, table) == -1 || asprintf(&del, "DELETE FROM \"%s\"",
	    table) == -1 || pg_run(pg, del) == -1 ||
	    sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((row = json_object()) == NULL) {
			rc = SQLITE_NOMEM;
			break;
		}
		for (i = 0; i < cols->n; i++)
			json_object_set_new(row, cols->name[i],
			    source_value(st, (int)i));
		json_array_append_new(batch, row);
		rows++;
		if (json_array_size(batch) == COPY_BATCH_ROWS &&
		    insert_batch(pg, insert, batch) == -1) {
			rc = SQLITE_ERROR;
			break;
		}
	}
	if (rc == SQLITE_DONE && json_array_size(batch) > 0 &&
	    insert_batch(pg, insert, batch) == -1)
		rc = SQLITE_ERROR;
out:
	sqlite3_finalize(st);
	sqlite3_free(sql);
	free(list);
	free(insert);
	free(del);
	json_decref(batch);
	return rc == SQLITE_DONE ? rows : -1;
}

/* Ends a row's digest and adds it to its table's sum. */
static void
print_add(struct table_print *tp, crypto_generichash_state *hs)
{
	unsigned char	 d[16];
	uint64_t	 lane[2];

	crypto_generichash_final(hs, d, sizeof(d));
	memcpy(lane, d, sizeof(lane));
	tp->sum[0] += lane[0];
	tp->sum[1] += lane[1];
	tp->rows++;
}

/* One value into a row's digest: its column, its class and its bytes,
 * each with its length, so no two rows feed the same bytes. */
static void
print_value(crypto_generichash_state *hs, const char *column, char class,
    const void *p, size_t len)
{
	uint64_t	 n = strlen(column);

	crypto_generichash_update(hs, (const void *)&n, sizeof(n));
	crypto_generichash_update(hs, (const void *)column, n);
	crypto_generichash_update(hs, (const void *)&class, 1);
	n = len;
	crypto_generichash_update(hs, (const void *)&n, sizeof(n));
	if (len > 0)
		crypto_generichash_update(hs, p, len);
}

/* A real number, through the same printf on both sides. */
static void
print_real(crypto_generichash_state *hs, const char *column, double v)
{
	char	 num[40];

	snprintf(num, sizeof(num), "%.17g", v);
	print_value(hs, column, 'v', num, strlen(num));
}

static int
source_print(sqlite3 *h, const char *table, const struct columns *cols,
    struct table_print *tp)
{
	crypto_generichash_state hs;
	sqlite3_stmt	*st = NULL;
	char		*list, *sql = NULL;
	size_t		 i;
	int		 rc = SQLITE_ERROR;

	memset(tp, 0, sizeof(*tp));
	if ((list = column_list(cols)) == NULL || (sql = sqlite3_mprintf(
	    "SELECT %s FROM \"%w\"", list, table)) == NULL ||
	    sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		crypto_generichash_init(&hs, NULL, 0, 16);
		for (i = 0; i < cols->n; i++)
			switch (sqlite3_column_type(st, (int)i)) {
			case SQLITE_NULL:
				print_value(&hs, cols->name[i], 'n', "", 0);
				break;
			case SQLITE_BLOB:
				print_value(&hs, cols->name[i], 'b',
				    sqlite3_column_blob(st, (int)i), (size_t)
				    sqlite3_column_bytes(st, (int)i));
				break;
			case SQLITE_FLOAT:
				print_real(&hs, cols->name[i],
				    sqlite3_column_double(st, (int)i));
				break;
			default:
				print_value(&hs, cols->name[i], 'v',
				    sqlite3_column_text(st, (int)i), (size_t)
				    sqlite3_column_bytes(st, (int)i));
			}
		print_add(tp, &hs);
	}
out:
	sqlite3_finalize(st);
	sqlite3_free(sql);
	free(list);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int
target_print(PGconn *pg, const char *table, const struct columns *cols,
    struct table_print *tp)
{
	crypto_generichash_state hs;
	PGresult	*r = NULL;
	char		*list, *sql = NULL;
	unsigned char	*bytes;
	size_t		 i, len;
	int		 row, rc = -1;

	memset(tp, 0, sizeof(*tp));
	if ((list = column_list(cols)) == NULL || asprintf(&sql, "SELECT %s "
	    "FROM \"%s\"", list, table) == -1 ||
	    (r = pg_query(pg, sql, 0, NULL)) == NULL)
		goto out;
	for (row = 0; row < PQntuples(r); row++) {
		crypto_generichash_init(&hs, NULL, 0, 16);
		for (i = 0; i < cols->n; i++) {
			const char *v = PQgetvalue(r, row, (int)i);
			Oid	 type = PQftype(r, (int)i);

			if (PQgetisnull(r, row, (int)i))
				print_value(&hs, cols->name[i], 'n', "", 0);
			else if (type == OID_BOOL)
				print_value(&hs, cols->name[i], 'v',
				    v[0] == 't' ? "1" : "0", 1);
			else if (type == OID_BYTEA) {
				if ((bytes = PQunescapeBytea((const unsigned
				    char *)v, &len)) == NULL)
					goto out;
				print_value(&hs, cols->name[i], 'b', bytes, len);
				PQfreemem(bytes);
			} else if (type == OID_FLOAT4 || type == OID_FLOAT8)
				print_real(&hs, cols->name[i], strtod(v, NULL));
			else
				print_value(&hs, cols->name[i], 'v', v,
				    (size_t)PQgetlength(r, row, (int)i));
		}
		print_add(tp, &hs);
	}
	rc = 0;
out:
	PQclear(r);
	free(sql);
	free(list);
	return rc;
}

static int
print_line(struct buf *out, const char *table, const struct table_print *tp)
{
	return buf_printf(out, "%s %lld %016llx%016llx\n", table, tp->rows,
	    (unsigned long long)tp->sum[0], (unsigned long long)tp->sum[1]);
}

int
pg_tables_fingerprint(struct pg_conn *pg, struct buf *out)
{
	struct columns	 cols;
	struct table_print tp;
	PGresult	*r;
	int		 i, rc = 0;

	if ((r = pg_query(pg, "SELECT table_name FROM information_schema."
	    "tables WHERE table_schema = current_schema() AND table_type = "
	    "'BASE TABLE' ORDER BY table_name COLLATE \"C\"", 0, NULL)) ==
	    NULL)
		return -1;
	for (i = 0; i < PQntuples(r) && rc == 0; i++) {
		const char *table = PQgetvalue(r, i, 0);

		if (target_columns(pg, table, &cols) == -1 ||
		    target_print(pg, table, &cols, &tp) == -1 ||
		    print_line(out, table, &tp) == -1)
			rc = -1;
		columns_free(&cols);
	}
	PQclear(r);
	return rc;
}

/* Is name a table of the source to copy: not SQLite's own, not a
 * full-text index (PostgreSQL keeps its own, generated from the rows),
 * not the migrations' record (compared, not copied). */
static int
copied(sqlite3 *h, const char *name)
{
	sqlite3_stmt	*st;
	int		 virtual_part = 0;

	if (strncmp(name, "sqlite_", 7) == 0 ||
	    strcmp(name, "schema_migrations") == 0)
		return 0;
	if (sqlite3_prepare_v2(h, "SELECT 1 FROM sqlite_schema WHERE type = "
	    "'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' AND (?1 = name OR "
	    "substr(?1, 1, length(name) + 1) = name || '_')", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	virtual_part = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return !virtual_part;
}

/* The migrations applied, one name a line, for comparing the two. */
static char *
source_migrations(sqlite3 *h)
{
	sqlite3_stmt	*st;
	struct buf	 b;
	char		*s = NULL;

	buf_init(&b, 1 << 20);
	if (sqlite3_prepare_v2(h, "SELECT name FROM schema_migrations ORDER "
	    "BY name", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	while (sqlite3_step(st) == SQLITE_ROW)
		if (buf_printf(&b, "%s\n", sqlite3_column_text(st, 0)) == -1)
			goto out;
	if (buf_putc(&b, '\0') == 0)
		s = strdup(b.data);
out:
	sqlite3_finalize(st);
	buf_release(&b);
	return s;
}

static char *
target_migrations(PGconn *pg)
{
	PGresult	*r;
	struct buf	 b;
	char		*s = NULL;
	int		 i;

	buf_init(&b, 1 << 20);
	if ((r = pg_query(pg, "SELECT name FROM schema_migrations ORDER BY "
	    "name COLLATE \"C\"", 0, NULL)) == NULL)
		return NULL;
	for (i = 0; i < PQntuples(r); i++)
		if (buf_printf(&b, "%s\n", PQgetvalue(r, i, 0)) == -1)
			goto out;
	if (buf_putc(&b, '\0') == 0)
		s = strdup(b.data);
out:
	PQclear(r);
	buf_release(&b);
	return s;
}

/* Everything that must hold before a row is written. */
static int
target_ready(sqlite3 *h, PGconn *pg)
{
	char		*a = source_migrations(h), *b = target_migrations(pg);
	PGresult	*r;
	int		 ok = 0;

	if (a == NULL || b == NULL)
		fprintf(stderr, "copy: the migrations could not be read\n");
	else if (strcmp(a, b) != 0)
		fprintf(stderr, "copy: the two databases are at different "
		    "migrations; run `roundtable init` on the source with "
		    "this version first\n");
	else if ((r = pg_query(pg, "SELECT 1 FROM accounts LIMIT 1", 0,
	    NULL)) != NULL) {
		if (PQntuples(r) > 0)
			fprintf(stderr, "copy: the target already holds "
			    "accounts: copy only into a new database\n");
		else
			ok = 1;
		PQclear(r);
	}
	free(a);
	free(b);
	return ok;
}

/* Moves every identity sequence past the largest id copied. */
static int
sequences_forward(PGconn *pg)
{
	PGresult	*r;
	char		*sql;
	int		 i, rc = 0;

	if ((r = pg_query(pg, "SELECT table_name, column_name FROM "
	    "information_schema.columns WHERE table_schema = current_schema() "
	    "AND is_identity = 'YES'", 0, NULL)) == NULL)
		return -1;
	for (i = 0; i < PQntuples(r) && rc == 0; i++) {
		if (asprintf(&sql, "SELECT setval(pg_get_serial_sequence('\"%s\"',"
		    " '%s'), coalesce(max(\"%s\"), 0) + 1, false) FROM \"%s\"",
		    PQgetvalue(r, i, 0), PQgetvalue(r, i, 1), PQgetvalue(r, i,
		    1), PQgetvalue(r, i, 0)) == -1)
			rc = -1;
		else {
			rc = pg_run(pg, sql);
			free(sql);
		}
	}
	PQclear(r);
	return rc;
}

/* Copies one table and checks it read back; its line to report. */
static int
table_move(sqlite3 *h, PGconn *pg, const char *table, struct buf *report)
{
	struct columns	 src, dst;
	struct table_print a, b;
	size_t		 i, j;
	int		 rc = -1;

	if (source_columns(h, table, &src) == -1 ||
	    target_columns(pg, table, &dst) == -1)
		goto out;
	if (dst.n == 0) {
		fprintf(stderr, "copy: %s has no table on PostgreSQL\n", table);
		goto out;
	}
	/* Every source column must have its place (the same schema). */
	for (i = 0; i < src.n; i++) {
		for (j = 0; j < dst.n && strcmp(src.name[i], dst.name[j]); j++)
			;
		if (j == dst.n) {
			fprintf(stderr, "copy: %s.%s has no column on "
			    "PostgreSQL\n", table, src.name[i]);
			goto out;
		}
	}
	if (table_copy(h, pg, table, &src) < 0 ||
	    source_print(h, table, &src, &a) == -1 ||
	    target_print(pg, table, &src, &b) == -1)
		goto out;
	if (a.rows != b.rows || a.sum[0] != b.sum[0] || a.sum[1] != b.sum[1]) {
		fprintf(stderr, "copy: %s differs after the copy (%lld rows "
		    "read, %lld written)\n", table, a.rows, b.rows);
		goto out;
	}
	rc = print_line(report, table, &a);
out:
	columns_free(&src);
	columns_free(&dst);
	return rc;
}

int
db_copy_to_pg(struct db *from, struct db *to, struct buf *report)
{
	sqlite3_stmt	*st;
	int		 rc = -1, ok;

	if (from->h == NULL || to->pg == NULL) {
		fprintf(stderr, "copy: from a SQLite file to a PostgreSQL "
		    "database only\n");
		return -1;
	}
	if (!target_ready(from->h, to->pg))
		return -1;
	/* One read snapshot of the source, one transaction on the target:
	 * a copy stopped half way leaves the target as it was. */
	if (sqlite3_exec(from->h, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    pg_run(to->pg, "BEGIN") == -1)
		return -1;
	if (pg_run(to->pg, "SET LOCAL session_replication_role = replica") ==
	    -1) {
		fprintf(stderr, "copy: the target's user may not set "
		    "session_replication_role (a superuser, or GRANT SET ON "
		    "PARAMETER session_replication_role); nothing was "
		    "copied\n");
		goto out;
	}
	if (sqlite3_prepare_v2(from->h, "SELECT name FROM sqlite_schema WHERE "
	    "type = 'table' ORDER BY name", -1, &st, NULL) != SQLITE_OK)
		goto out;
	rc = 0;
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);

		if ((ok = copied(from->h, name)) == -1)
			rc = -1;
		else if (ok)
			rc = table_move(from->h, to->pg, name, report);
	}
	sqlite3_finalize(st);
	if (rc == 0)
		rc = sequences_forward(to->pg);
out:
	if (rc == 0)
		rc = pg_run(to->pg, "COMMIT");
	else
		(void)pg_run(to->pg, "ROLLBACK");
	sqlite3_exec(from->h, "ROLLBACK", NULL, NULL, NULL);
	/* The planner's statistics, before the first request: without them
	 * the bench's first pages took seconds (you-said-we-did 2.1 s, a
	 * list page 0.8 s) where they take milliseconds after. */
	if (rc == 0)
		rc = pg_run(to->pg, "ANALYZE");
	return rc;
}
