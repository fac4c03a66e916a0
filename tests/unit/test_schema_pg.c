/*
 * migrations/postgresql/: the schema applies through db_migrate on a
 * throw-away cluster, reads the same in schema_migrations as SQLite's,
 * and holds the rules SQLite's triggers hold, with the same words.
 */
#include "unit.h"
#include "embedded.h"

static char	 cluster[UNIT_PATH_MAX], url[UNIT_PATH_MAX * 2];

static int
cluster_start(void **state)
{
	static struct db db;

	if (unit_pg_start(cluster, url) == -1 || db_open(&db, url, 200) == -1)
		return -1;
	if (db_migrate(&db) == -1) {
		db_close(&db);
		return -1;
	}
	*state = &db;
	return 0;
}

static int
cluster_stop(void **state)
{
	db_close(*state);
	return unit_pg_stop(cluster);
}

/* The same migration names on both engines, each applied once. */
static void
test_same_migrations(void **state)
{
	struct db	*db = *state;
	const struct embedded_file *m, *p;
	int64_t		 n, one;

	for (n = 0, m = embedded_migrations; m->name != NULL; m++, n++) {
		for (p = embedded_migrations_pg; p->name != NULL; p++)
			if (strcmp(p->name, m->name) == 0)
				break;
		if (p->name == NULL)
			fail_msg("%s has no PostgreSQL twin", m->name);
		assert_int_equal(db_int(db, &one, "SELECT 1 FROM "
		    "schema_migrations WHERE name = ?", "t", m->name), 1);
	}
	assert_int_equal(db_int(db, &one, "SELECT count(*) FROM "
	    "schema_migrations", ""), 1);
	assert_int_equal(one, n);
	assert_int_equal(db_migrate(db), 0);
}

/* Every refusal SQLite's triggers raise is raised in the same words. */
static void
test_same_words(void **state)
{
	const struct embedded_file *m, *p;
	const char	*at, *end;
	char		 words[256];
	int		 found;

	(void)state;
	for (m = embedded_migrations; m->name != NULL; m++) {
		at = (const char *)m->data;
		while ((at = memmem(at, m->len - (size_t)(at -
		    (const char *)m->data), "RAISE(ABORT, '", 14)) != NULL) {
			at += 14;
			end = memchr(at, '\'', m->len - (size_t)(at -
			    (const char *)m->data));
			assert_non_null(end);
			snprintf(words, sizeof(words), "'%.*s'",
			    (int)(end - at), at);
			found = 0;
			for (p = embedded_migrations_pg; p->name != NULL; p++)
				if (memmem(p->data, p->len, words,
				    strlen(words)) != NULL)
					found = 1;
			if (!found)
				fail_msg("%s: %s is not raised on PostgreSQL",
				    m->name, words);
		}
	}
}

/* Append-only audit: no UPDATE, no DELETE, no TRUNCATE. */
static void
test_audit_append_only(void **state)
{
	struct db	*db = *state;
	int64_t		 n;

	assert_int_equal(db_exec(db, "INSERT INTO audit (id, at, action, "
	    "entity, hash) VALUES (1, 'now', 'a', 'e', ?)", "b",
	    DB_BLOB("h", 1)), DB_OK);
	assert_int_equal(db_exec(db, "UPDATE audit SET action = 'b'", ""),
	    DB_CONSTRAINT);
	assert_int_equal(db_exec(db, "DELETE FROM audit", ""), DB_CONSTRAINT);
	assert_int_equal(db_exec_script(db, "TRUNCATE audit"), -1);
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM audit WHERE "
	    "action = 'a'", ""), 1);
	assert_int_equal(n, 1);
}

/* The reference lists' counter: one row, bumped by every write. */
static void
test_reference_generation(void **state)
{
	struct db	*db = *state;
	int64_t		 before, after;

	assert_int_equal(db_int(db, &before, "SELECT n FROM "
	    "reference_generation", ""), 1);
	assert_int_equal(db_exec(db, "INSERT INTO sites (name, kind) VALUES "
	    "('HMP Example', 'prison')", ""), DB_OK);
	assert_int_equal(db_int(db, &after, "SELECT n FROM "
	    "reference_generation", ""), 1);
	assert_true(after > before);
	assert_int_equal(db_exec(db, "INSERT INTO reference_generation (n) "
	    "VALUES (0)", ""), DB_CONSTRAINT);
}

/* Secret ballots: the table has nothing that could name the voter. */
static void
test_ballots_unlinked(void **state)
{
	struct db	*db = *state;
	json_t		*cols;

	cols = db_rows(db, "SELECT column_name FROM information_schema.columns "
	    "WHERE table_name = 'ballots' ORDER BY column_name", "");
	assert_non_null(cols);
	assert_int_equal(json_array_size(cols), 3);
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(cols, 0), "column_name")), "election_id");
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(cols, 1), "column_name")), "id");
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(cols, 2), "column_name")), "ranking");
	json_decref(cols);
}

/* A submitted score changes only with its reason recorded first; a
 * score, and its history, are never deleted. */
static void
test_scores_locked(void **state)
{
	struct db	*db = *state;

	assert_int_equal(db_exec_script(db,
	    "INSERT INTO accounts (id, username, display_name, password_hash) "
	    "VALUES (100, 'moderator', 'M', 'x');"
	    "INSERT INTO procurements (id, title, created_by) VALUES "
	    "(1, 'Meals', 100);"
	    "INSERT INTO lots (id, procurement_id, title, scale_max, "
	    "scale_descriptors, moderator_id) VALUES (1, 1, 'Lot', 5, '', 100);"
	    "INSERT INTO lot_questions (id, lot_id, position, text, weight) "
	    "VALUES (1, 1, 1, 'Q', 10);"
	    "INSERT INTO bids (id, lot_id, bidder) VALUES (1, 1, 'B');"
	    "INSERT INTO panel_members (id, lot_id, account_id, kind, added_on) "
	    "VALUES (1, 1, 100, 'governor', '2026-01-01');"
	    "INSERT INTO scores (id, panel_member_id, question_id, bid_id, "
	    "score, justification, submitted_at) VALUES (1, 1, 1, 1, 3, "
	    "'fair', '2026-01-02');"), 0);
	assert_int_equal(db_exec(db, "UPDATE scores SET score = 4, "
	    "justification = 'better' WHERE id = 1", ""), DB_CONSTRAINT);
	assert_int_equal(db_exec(db, "INSERT INTO score_changes (kind, "
	    "score_id, old_score, old_text, new_score, new_text, reason, "
	    "changed_by, changed_at) VALUES ('individual', 1, 3, 'fair', 4, "
	    "'better', 'moderation', 100, '2026-01-03')", ""), DB_OK);
	assert_int_equal(db_exec(db, "UPDATE scores SET score = 4, "
	    "justification = 'better' WHERE id = 1", ""), DB_OK);
	assert_int_equal(db_exec(db, "UPDATE scores SET score = 5 "
	    "WHERE id = 1", ""), DB_CONSTRAINT);
	assert_int_equal(db_exec(db, "DELETE FROM scores", ""), DB_CONSTRAINT);
	assert_int_equal(db_exec(db, "DELETE FROM score_changes", ""),
	    DB_CONSTRAINT);
}

/* Names equal but for case are one name, as SQLite's NOCASE makes them. */
static void
test_nocase(void **state)
{
	struct db	*db = *state;
	int64_t		 id;

	assert_int_equal(db_exec(db, "INSERT INTO accounts (username, "
	    "display_name, password_hash) VALUES ('Ann', 'Ann', 'x')", ""),
	    DB_OK);
	assert_int_equal(db_exec(db, "INSERT INTO accounts (username, "
	    "display_name, password_hash) VALUES ('ANN', 'Ann', 'x')", ""),
	    DB_CONSTRAINT);
	assert_int_equal(db_int(db, &id, "SELECT id FROM accounts WHERE "
	    "username = ?", "t", "ann"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_migrations),
		cmocka_unit_test(test_same_words),
		cmocka_unit_test(test_audit_append_only),
		cmocka_unit_test(test_reference_generation),
		cmocka_unit_test(test_ballots_unlinked),
		cmocka_unit_test(test_nocase),
		cmocka_unit_test(test_scores_locked),
	};

	return cmocka_run_group_tests(tests, cluster_start, cluster_stop);
}
