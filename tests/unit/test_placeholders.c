/* src/db/placeholders.c: SQLite's ? and ?NNN as PostgreSQL's $N. */
#include "unit.h"
#include "db/placeholders.h"

static void
check(const char *sql, const char *want, int want_n)
{
	char	*got;
	int	 n = -1;

	got = placeholders_pg(sql, &n, NULL);
	assert_non_null(got);
	assert_string_equal(got, want);
	assert_int_equal(n, want_n);
	free(got);
}

static void
test_bare_and_numbered(void **state)
{
	(void)state;
	check("SELECT 1", "SELECT 1", 0);
	check("", "", 0);
	check("UPDATE t SET a = ?, b = ? WHERE id = ?",
	    "UPDATE t SET a = $1, b = $2 WHERE id = $3", 3);
	check("SELECT ?1 WHERE ?2 = ?1 OR ?1 IS NULL",
	    "SELECT $1 WHERE $2 = $1 OR $1 IS NULL", 2);
	/* A bare ? after ?NNN is one more than the largest, as in SQLite. */
	check("SELECT ?3, ?", "SELECT $3, $4", 4);
	check("x = ?::bigint[]", "x = $1::bigint[]", 1);
}

static void
test_quotes_and_comments_untouched(void **state)
{
	(void)state;
	check("SELECT '?', \"a?\" FROM t WHERE n = ?",
	    "SELECT '?', \"a?\" FROM t WHERE n = $1", 1);
	check("SELECT 'it''s ?' || ?", "SELECT 'it''s ?' || $1", 1);
	check("SELECT ? -- why?\n, ?", "SELECT $1 -- why?\n, $2", 2);
	check("SELECT /* ? */ ?", "SELECT /* ? */ $1", 1);
	/* An unterminated quote or comment is copied to the end. */
	check("SELECT '?", "SELECT '?", 0);
	check("SELECT ? /* ?", "SELECT $1 /* ?", 1);
}

static void
test_out_of_range_refused(void **state)
{
	int	 n;

	(void)state;
	assert_null(placeholders_pg("SELECT ?0", &n, NULL));
	assert_null(placeholders_pg("SELECT ?99999", &n, NULL));
}

/* Which numbers appear: a statement may skip one its callers bind. */
static void
test_used_map(void **state)
{
	unsigned char	 used[PLACEHOLDERS_USED_BYTES];
	char		*got;
	int		 n;

	(void)state;
	got = placeholders_pg("SELECT ?1, ?4 WHERE '?2' = ?4", &n, used);
	assert_non_null(got);
	assert_int_equal(n, 4);
	assert_true(PLACEHOLDER_USED(used, 1));
	assert_false(PLACEHOLDER_USED(used, 2));
	assert_false(PLACEHOLDER_USED(used, 3));
	assert_true(PLACEHOLDER_USED(used, 4));
	free(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bare_and_numbered),
		cmocka_unit_test(test_quotes_and_comments_untouched),
		cmocka_unit_test(test_out_of_range_refused),
		cmocka_unit_test(test_used_map),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
