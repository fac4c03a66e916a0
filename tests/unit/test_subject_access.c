/*
 * src/people/subject_access_labels.c: every column and every table the
 * subject access walk can find has a name the reader reads, so the
 * printed copy never shows "group_id" or "created_at".  A migration that
 * adds a column to a table that refers to people or accounts fails here
 * until its label is written (and, through make po, translated).
 */
#include "unit.h"

#include "db/db.h"
#include "people/person_references.h"
#include "people/subject_access.h"

/* Names without a label, each reported, so one run lists them all. */
static int	 missing;

/* Counts each column of table without a label, but the secrets that no
 * export carries. */
static void
columns_labelled(struct db *db, const char *table)
{
	json_t		*cols, *c;
	const char	*name;
	size_t		 i;

	assert_non_null(cols = db_rows(db, "SELECT name FROM "
	    "pragma_table_info(?) ORDER BY cid", "t", table));
	assert_true(json_array_size(cols) > 0);
	json_array_foreach(cols, i, c) {
		name = json_string_value(json_object_get(c, "name"));
		if (subject_access_secret(name))
			continue;
		if (subject_access_column_label(name) == NULL) {
			print_message("subject access: no label for %s.%s\n",
			    table, name);
			missing++;
		}
	}
	json_decref(cols);
}

/* Each table once: the walk gives a table once per reference, in
 * order. */
static int
table_labelled(void *ctx, const char *table, const char *column,
    const char *refers_to)
{
	static char	 last[128];

	(void)column;
	(void)refers_to;
	if (strcmp(table, last) == 0)
		return 0;
	snprintf(last, sizeof(last), "%s", table);
	if (subject_access_table_label(table) == NULL) {
		print_message("subject access: no heading for %s\n", table);
		missing++;
	}
	columns_labelled(ctx, table);
	return 0;
}

static void
test_every_column_has_a_label(void **state)
{
	struct db	 db;
	char		 path[UNIT_PATH_MAX];

	(void)state;
	assert_int_equal(unit_db_open(&db, path), 0);
	assert_int_equal(person_references(&db, table_labelled, &db), 0);
	/* The person's own record, with its site's name, and the audit
	 * trail's rows. */
	columns_labelled(&db, "people");
	columns_labelled(&db, "audit");
	assert_int_equal(missing, 0);
	assert_non_null(subject_access_column_label("site_name"));
	assert_null(subject_access_column_label("no_such_column"));
	assert_null(subject_access_table_label("no_such_table"));
	unit_db_close(&db, path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_column_has_a_label),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
