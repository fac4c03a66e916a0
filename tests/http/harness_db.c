/*
 * The harness's reads and writes of a server's database (harness.h),
 * behind the test's back: one value, a row's text, SQL run as if time
 * had passed, and a fingerprint of every table to show nothing changed.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "harness.h"
#include "db/backup_run.h"
#include "db/db.h"
#include "util/buf.h"

/* Through the program's own database layer, so the same call reads a
 * SQLite file or a PostgreSQL database. */
long long
db_scalar(const struct server *s, const char *sql)
{
	struct db	 db;
	int64_t		 v = -1;

	if (db_open(&db, s->db, 5000) == -1)
		return -1;
	if (db_int(&db, &v, sql, "") != 1)
		v = -1;
	db_close(&db);
	return v;
}

char *
db_text(const struct server *s, const char *sql)
{
	struct db	 db;
	json_t		*row;
	const char	*k;
	json_t		*v;
	char		*out = NULL;

	if (db_open(&db, s->db, 5000) == -1)
		return NULL;
	if (db_row(&db, &row, sql, "") == 1) {
		json_object_foreach(row, k, v)
			if (out == NULL)
				out = strdup(json_is_string(v) ?
				    json_string_value(v) : "");
		json_decref(row);
	}
	db_close(&db);
	return out;
}

long long
db_scalar_id(const struct server *s, const char *fmt, long long id)
{
	char	*sql;
	long long v;

	if (asprintf(&sql, fmt, id) == -1)
		return -1;
	v = db_scalar(s, sql);
	free(sql);
	return v;
}

int
db_write(const struct server *s, const char *sql)
{
	struct db	 db;
	int		 rc;

	if (db_open(&db, s->db, 5000) == -1)
		return -1;
	rc = db_exec_script(&db, sql);
	db_close(&db);
	return rc;
}

/* PostgreSQL: the product's own fingerprint of every table, less the
 * two that signing in changes, hashed to one line. */
static char *
pg_fingerprint(const char *url)
{
	unsigned char	 h[16];
	struct db	 db;
	struct buf	 out;
	char		*line, *next, *hex = NULL;
	crypto_generichash_state hs;

	if (db_open(&db, url, 5000) == -1)
		return NULL;
	buf_init(&out, 1 << 22);
	if (db_tables_fingerprint(&db, &out) == 0 && buf_putc(&out, '\0') ==
	    0 && (hex = malloc(sizeof(h) * 2 + 1)) != NULL) {
		crypto_generichash_init(&hs, NULL, 0, sizeof(h));
		for (line = out.data; line != NULL && *line; line = next) {
			next = strchr(line, '\n');
			if (next != NULL)
				next++;
			if (strncmp(line, "sessions ", 9) == 0 ||
			    strncmp(line, "login_failures ", 15) == 0)
				continue;
			crypto_generichash_update(&hs, (unsigned char *)line,
			    next ? (size_t)(next - line) : strlen(line));
		}
		crypto_generichash_final(&hs, h, sizeof(h));
		sodium_bin2hex(hex, sizeof(h) * 2 + 1, h, sizeof(h));
	}
	buf_release(&out);
	db_close(&db);
	return hex;
}

char *
db_fingerprint(const char *path)
{
	crypto_generichash_state hs;
	unsigned char	 h[16];
	sqlite3		*db;
	sqlite3_stmt	*tables, *rows;
	char		*sql, *hex;
	int		 i, n;

	if (db_target_is_pg(path))
		return pg_fingerprint(path);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_busy_timeout(db, 5000);
	crypto_generichash_init(&hs, NULL, 0, sizeof(h));
	sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE "
	    "type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN "
	    "('sessions', 'login_failures') ORDER BY name", -1, &tables, NULL);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		if (asprintf(&sql, "SELECT * FROM \"%s\" ORDER BY 1",
		    sqlite3_column_text(tables, 0)) == -1)
			break;
		sqlite3_prepare_v2(db, sql, -1, &rows, NULL);
		free(sql);
		while (sqlite3_step(rows) == SQLITE_ROW) {
			n = sqlite3_column_count(rows);
			for (i = 0; i < n; i++) {
				const void *b = sqlite3_column_blob(rows, i);

				crypto_generichash_update(&hs, b ? b : (const void *)"",
				    (size_t)sqlite3_column_bytes(rows, i));
				crypto_generichash_update(&hs,
				    (const unsigned char *)"\x1f", 1);
			}
		}
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	sqlite3_close(db);
	crypto_generichash_final(&hs, h, sizeof(h));
	hex = malloc(sizeof(h) * 2 + 1);
	sodium_bin2hex(hex, sizeof(h) * 2 + 1, h, sizeof(h));
	return hex;
}
