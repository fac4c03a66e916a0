#include "person_references.h"
#include "../db/db.h"
#include "../util/buf.h"

/* The schema's foreign keys to people and accounts: each engine keeps
 * them in its own catalogue. */
DB_SQL(sql_references,
    "SELECT m.name, f.\"from\", f.\"table\" FROM sqlite_schema m, "
    "pragma_foreign_key_list(m.name) f "
    "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' "
    "AND f.\"table\" IN ('people', 'accounts') ORDER BY m.name, f.\"from\"",
    "SELECT CAST(c.conrelid::regclass AS TEXT) AS name, a.attname AS "
    "\"from\", CAST(c.confrelid::regclass AS TEXT) AS \"table\" "
    "FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid "
    "AND a.attnum = ANY (c.conkey) WHERE c.contype = 'f' AND "
    "CAST(c.confrelid::regclass AS TEXT) IN ('people', 'accounts') "
    "ORDER BY CAST(c.conrelid::regclass AS TEXT) COLLATE \"C\", "
    "a.attname COLLATE \"C\"");

int
person_references(struct db *db, person_reference_fn each, void *ctx)
{
	struct db_cursor st;
	int		 rc;

	if (db_cursor_open(db, &st, sql_references, "") == -1)
		return -1;
	while ((rc = db_cursor_next(&st)) == 1)
		if (each(ctx, db_cursor_text(&st, 0),
		    db_cursor_text(&st, 1),
		    db_cursor_text(&st, 2)) == -1) {
			rc = -1;
			break;
		}
	db_cursor_close(&st);
	return rc == 0 ? 0 : -1;
}

int
sql_quote_ident(struct buf *b, const char *name)
{
	if (buf_putc(b, '"') == -1)
		return -1;
	for (; *name != '\0'; name++)
		if ((*name == '"' && buf_putc(b, '"') == -1) ||
		    buf_putc(b, *name) == -1)
			return -1;
	return buf_putc(b, '"');
}
