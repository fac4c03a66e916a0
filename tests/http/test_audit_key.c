/*
 * The audit head is signed with a key kept in a file outside the
 * database: `roundtable init` makes the key (mode 0600), every write signs
 * the head, and `roundtable check` catches a chain truncated or rebuilt
 * by someone who holds the database file but not the key.
 */
#include <sys/stat.h>
#include <unistd.h>

#include "http_test.h"

/* A fresh initialised database with demo data for each test. */
static int
setup(void **state)
{
	(void)state;
	return server_prepare(&srv, NULL);
}

static int
teardown(void **state)
{
	return server_teardown(state);
}

/* check's exit status; its output into *out (caller frees). */
static int
check(char **out)
{
	return roundtable_cli(&srv, "check", NULL, out);
}

static void
key_path(char *path, size_t sz)
{
	snprintf(path, sz, "%s/audit.key", srv.dir);
}

static void
init_makes_private_key_and_check_passes(void **state)
{
	struct stat	 st;
	char		 path[400], *out = NULL;

	(void)state;
	key_path(path, sizeof(path));
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(st.st_size, 32);
	assert_int_equal(db_scalar(&srv, "SELECT length(signature) FROM "
	    "audit_head"), 64);
	assert_int_equal(check(&out), 0);
	assert_contains(out, "0 faults");
	free(out);
}

/* Runs sql with the append-only rule dropped first, as an attacker with
 * the database file (or the database's owner) could: 0 or -1. */
static int
tamper(const char *sql)
{
	char	*all;
	int	 rc;

	if (asprintf(&all, "%s%s", server_on_pg(&srv) ? "DROP TRIGGER "
	    "audit_no_delete ON audit;" : "DROP TRIGGER audit_no_delete;",
	    sql) == -1)
		return -1;
	rc = db_write(&srv, all);
	free(all);
	return rc;
}

/* Drop the newest audit rows and move the head back to a row that is
 * still there, copying its stored hash: the hash chain alone is sound. */
static void
truncated_chain_caught(void **state)
{
	char	*out = NULL;

	(void)state;
	assert_int_equal(tamper(
	    "DELETE FROM audit WHERE id > (SELECT max(id) - 3 FROM audit);"
	    "UPDATE audit_head SET last_id = (SELECT max(id) FROM audit), "
	    "hash = (SELECT hash FROM audit ORDER BY id DESC LIMIT 1);"), 0);
	assert_int_equal(check(&out), 1);
	assert_contains(out, "signature does not match");
	assert_contains(out, "truncated or rebuilt");
	free(out);
}

/* Emptied by SQL, then rebuilt through Roundtable itself run with a key
 * of the attacker's own: the real key does not sign that head. */
static void
rebuilt_chain_caught(void **state)
{
	char	 path[400], saved[420], *out = NULL;

	(void)state;
	key_path(path, sizeof(path));
	snprintf(saved, sizeof(saved), "%s.real", path);
	assert_int_equal(tamper("DELETE FROM audit; DELETE FROM audit_head;"),
	    0);
	assert_int_equal(rename(path, saved), 0);
	assert_int_equal(roundtable_cli(&srv, "init", NULL, NULL), 0);
	assert_int_equal(roundtable_cli(&srv, "user add forger --role viewer",
	    NULL, NULL), 0);
	assert_int_equal(check(NULL), 0);	/* under the forger's key */
	assert_int_equal(rename(saved, path), 0);
	assert_int_equal(check(&out), 1);
	assert_contains(out, "signature does not match");
	free(out);
}

static void
emptied_or_unsigned_head_caught(void **state)
{
	char	*out = NULL;

	(void)state;
	assert_int_equal(db_write(&srv,
	    "UPDATE audit_head SET signature = NULL"), 0);
	assert_int_equal(check(&out), 1);
	assert_contains(out, "not signed");
	free(out);
	assert_int_equal(tamper("DELETE FROM audit; DELETE FROM audit_head;"),
	    0);
	assert_int_equal(check(&out), 1);
	assert_contains(out, "no head");
	free(out);
}

/* Without its key, or with a key others can read, nothing runs. */
static void
missing_or_open_key_refused(void **state)
{
	char	 path[400], *out = NULL;

	(void)state;
	key_path(path, sizeof(path));
	assert_int_equal(chmod(path, 0644), 0);
	assert_int_equal(check(&out), 1);
	assert_contains(out, "open to group or others");
	free(out);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(check(&out), 1);
	assert_contains(out, "audit signing key");
	free(out);
	assert_int_equal(roundtable_cli(&srv, "user add nokey --role viewer",
	    NULL, NULL), 1);
}

#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(init_makes_private_key_and_check_passes),
		T(truncated_chain_caught),
		T(rebuilt_chain_caught),
		T(emptied_or_unsigned_head_caught),
		T(missing_or_open_key_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
