#include <string.h>
#include <time.h>

#include "subject_access.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../util/buf.h"
#include "../util/log.h"
#include "person_references.h"

/* The walk over references: the person and the tables found so far. */
struct tables_walk {
	struct db	*db;
	int64_t		 person_id;
	json_t		*all;		/* owned by tables() */
};

static const char *sql_person =
    "SELECT p.*, s.name AS site_name FROM people p "
    "JOIN sites s ON s.id = p.site_id WHERE p.id = ?";
/* The audit chain declares no references (it must outlive what it
 * names), so its two links to a person are written out here. */
static const char *sql_audit_by =
    "SELECT id, at, action, entity, entity_id, detail FROM audit "
    "WHERE account_id IN (SELECT id FROM accounts WHERE person_id = ?) "
    "ORDER BY id";
static const char *sql_audit_about =
    "SELECT id, at, account_id, action, entity, detail FROM audit "
    "WHERE entity = 'person' AND entity_id = ? ORDER BY id";

/* Columns never exported: they are secrets, not information about the
 * person, and would help only someone attacking their account. */
static const char *const secret_columns[] = {
	"password_hash", "token_hash",
};

int
subject_access_secret(const char *column)
{
	size_t	 k;

	for (k = 0; k < sizeof(secret_columns) / sizeof(secret_columns[0]);
	    k++)
		if (strcmp(column, secret_columns[k]) == 0)
			return 1;
	return 0;
}

static void
drop_secrets(json_t *rows)
{
	json_t	*row;
	size_t	 i, k;

	json_array_foreach(rows, i, row)
		for (k = 0; k < sizeof(secret_columns) /
		    sizeof(secret_columns[0]); k++)
			json_object_del(row, secret_columns[k]);
}

/*
 * The rows of table whose column refers to the person (people) or to one
 * of their accounts.  The SQL is built from schema names, so it is
 * prepared here and finalized, never put in the statement cache (which
 * is keyed by the address of literal SQL).
 */
static json_t *
table_rows(struct db *db, const char *table, const char *column,
    const char *refers_to, int64_t person_id)
{
	struct buf	 sql;
	struct db_cursor cur;
	json_t		*rows = NULL;
	int		 rc;

	buf_init(&sql, 4096);
	if (buf_puts(&sql, "SELECT * FROM ") == -1 ||
	    sql_quote_ident(&sql, table) == -1 ||
	    buf_puts(&sql, " WHERE ") == -1 ||
	    sql_quote_ident(&sql, column) == -1 ||
	    buf_puts(&sql, strcmp(refers_to, "people") == 0 ? " = ?1" :
	    " IN (SELECT id FROM accounts WHERE person_id = ?1)") == -1 ||
	    buf_puts(&sql, " ORDER BY 1") == -1)
		goto out;
	/* By the first column (the id, or a key's first part): rowid is
	 * SQLite's alone, and a failed try would end a PostgreSQL
	 * transaction. */
	if (db_cursor_open_built(db, &cur, sql.data, person_id) == -1) {
		log_line(LOG_ERR, "subject access: %s: cannot read", table);
		goto out;
	}
	if ((rows = json_array()) != NULL) {
		while ((rc = db_cursor_next(&cur)) == 1)
			json_array_append_new(rows, db_cursor_row(&cur));
		if (rc != 0) {
			json_decref(rows);
			rows = NULL;
		}
	}
	db_cursor_close(&cur);
	drop_secrets(rows);
out:
	buf_release(&sql);
	return rows;
}

/* Adds one reference's rows to the array of tables (ctx). */
static int
table_add(void *ctx, const char *table, const char *column,
    const char *refers_to)
{
	struct tables_walk *w = ctx;
	json_t		*rows;

	if ((rows = table_rows(w->db, table, column, refers_to,
	    w->person_id)) == NULL)
		return -1;
	return json_array_append_new(w->all, json_pack("{s:s, s:s, s:s, s:o}",
	    "table", table, "column", column, "refers_to", refers_to,
	    "rows", rows));
}

static json_t *
tables(struct db *db, int64_t person_id)
{
	struct tables_walk w = { db, person_id, json_array() };

	if (w.all == NULL || person_references(db, table_add, &w) == -1) {
		json_decref(w.all);
		return NULL;
	}
	return w.all;
}

int
subject_access_collect(struct db *db, int64_t person_id, json_t **out)
{
	json_t		*person, *by, *about, *found;
	char		 at[32];
	time_t		 now = time(NULL);
	struct tm	 tm;
	int		 rc;

	*out = NULL;
	if ((rc = db_row(db, &person, sql_person, "i", person_id)) <= 0)
		return rc;
	found = tables(db, person_id);
	by = db_rows(db, sql_audit_by, "i", person_id);
	about = db_rows(db, sql_audit_about, "i", person_id);
	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (found == NULL || by == NULL || about == NULL) {
		json_decref(person);
		json_decref(found);
		json_decref(by);
		json_decref(about);
		return -1;
	}
	*out = json_pack("{s:o, s:s, s:o, s:{s:o, s:o}}", "person", person,
	    "exported_at", at, "tables", found, "audit", "by_them", by,
	    "about_them", about);
	return *out != NULL ? 1 : -1;
}

int
subject_access_audit(struct db *db, int64_t account_id, int64_t person_id,
    const char *detail)
{
	return audit_append(db, account_id, "person.export", "person",
	    person_id, detail);
}
