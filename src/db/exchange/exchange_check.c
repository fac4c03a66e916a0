/*
 * A digest of what a pair shares, table by table, as it travels: the
 * hub and a station print the same lines when they agree, whichever
 * side made each record.  For people checking an exchange by eye, and
 * for the tests that check it after every round.
 */
#include <stdio.h>
#include <string.h>

#include "../../exchange/exchange.h"
#include "exchange_tables.h"
#include "../db.h"
#include "../../util/buf.h"

#define DIGEST_BYTES	16

static void
digest_value(crypto_generichash_state *st, sqlite3_stmt *row, int col)
{
	unsigned char	 type = (unsigned char)sqlite3_column_type(row, col);
	int		 n;

	crypto_generichash_update(st, &type, 1);
	if (type == SQLITE_NULL)
		return;
	/* Text and blob bytes with their length; numbers as text. */
	n = sqlite3_column_bytes(row, col);
	crypto_generichash_update(st, (const unsigned char *)&n, sizeof(n));
	if (type == SQLITE_BLOB)
		crypto_generichash_update(st, sqlite3_column_blob(row, col),
		    (size_t)n);
	else
		crypto_generichash_update(st, sqlite3_column_text(row, col),
		    (size_t)n);
}

/* One line: the table, its rows, their digest in primary key order. */
static int
table_digest(sqlite3 *h, const char *tbl, struct buf *out)
{
	crypto_generichash_state	 st;
	unsigned char			 d[DIGEST_BYTES];
	char				 hex[DIGEST_BYTES * 2 + 1];
	sqlite3_stmt			*pk, *row;
	char				*order = NULL, *sql;
	long				 rows = 0;
	int				 i, n;

	sql = sqlite3_mprintf("SELECT name FROM pragma_table_info(%Q, 'main') "
	    "WHERE pk > 0 ORDER BY pk", tbl);
	if (sql == NULL || sqlite3_prepare_v2(h, sql, -1, &pk, NULL) !=
	    SQLITE_OK) {
		sqlite3_free(sql);
		return -1;
	}
	sqlite3_free(sql);
	while (sqlite3_step(pk) == SQLITE_ROW)
		order = sqlite3_mprintf("%z%s%w", order, order ? ", " : "",
		    (const char *)sqlite3_column_text(pk, 0));
	sqlite3_finalize(pk);
	sql = sqlite3_mprintf("SELECT * FROM main.%w ORDER BY %s", tbl, order);
	sqlite3_free(order);
	if (sql == NULL || sqlite3_prepare_v2(h, sql, -1, &row, NULL) !=
	    SQLITE_OK) {
		sqlite3_free(sql);
		return -1;
	}
	sqlite3_free(sql);
	crypto_generichash_init(&st, NULL, 0, sizeof(d));
	n = sqlite3_column_count(row);
	while (sqlite3_step(row) == SQLITE_ROW) {
		for (i = 0; i < n; i++)
			digest_value(&st, row, i);
		rows++;
	}
	sqlite3_finalize(row);
	crypto_generichash_final(&st, d, sizeof(d));
	sodium_bin2hex(hex, sizeof(hex), d, sizeof(d));
	return buf_printf(out, "%s %ld %s\n", tbl, rows, hex);
}

int
exchange_check(struct db *db, int peer, struct buf *out)
{
	sqlite3	*s;
	size_t	 i;
	int	 rc = -1;

	if (db->h == NULL || sqlite3_open_v2(":memory:", &s,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK)
		return -1;
	if (exchange_schema(db->h, s, "main", OWNED_BY_ANY) == SQLITE_OK &&
	    exchange_scoped(db->h, s, OWNED_BY_ANY, peer) == SQLITE_OK) {
		rc = 0;
		for (i = 0; i < exchange_ntables && rc == 0; i++)
			rc = table_digest(s, exchange_tables[i].name, out);
	}
	sqlite3_close(s);
	return rc;
}
