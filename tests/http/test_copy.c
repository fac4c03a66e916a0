/*
 * roundtable copy: the demo organisation moved from its SQLite file onto
 * a new PostgreSQL database (a throw-away cluster), then served from
 * there.  A target holding another audit key, or accounts already, is
 * refused with nothing written; every table is read back the same; the
 * audit chain verifies on PostgreSQL; and the ids made there after the
 * copy are new ones.
 */
#define PW	"copy-test-pw"
#include "http_test.h"

#include <sys/stat.h>
#include <unistd.h>

static struct server pg;

static int
setup(void **state)
{
	static const char *const users[] = { "coordinator.fenwick", NULL };
	char	*cmd;
	int	 rc;

	(void)state;
	if (server_prepare(&srv, NULL) == -1 ||
	    server_passwords(&srv, users, PW) == -1 ||
	    server_empty_pg(&pg) == -1)
		return -1;
	/* The source's key beside its file, as a lone server keeps it. */
	if (asprintf(&cmd, "cp -p %s/audit.key %s.audit-key", srv.dir,
	    srv.db) == -1)
		return -1;
	rc = system(cmd);
	free(cmd);
	return rc == 0 ? 0 : -1;
}

static int
teardown(void **state)
{
	int	 a = server_stop(&pg), b = server_stop(&srv);

	(void)state;
	return a == 0 && b == 0 ? 0 : -1;
}

/* Runs roundtable copy from the demo file into pg: its exit status, and
 * its output into *out (freed by the caller). */
static int
copy_run(char **out)
{
	char	 args[400];

	snprintf(args, sizeof(args), "copy --from %s", srv.db);
	return roundtable_cli(&pg, args, NULL, out);
}

static void
a_target_with_another_key_is_refused(void **state)
{
	char	 key[300], *out = NULL;
	FILE	*f;

	(void)state;
	snprintf(key, sizeof(key), "%s/audit.key", pg.dir);
	assert_non_null(f = fopen(key, "w"));
	fputs("0123456789abcdef0123456789abcdef", f);
	fclose(f);
	assert_int_equal(chmod(key, 0600), 0);
	assert_int_not_equal(copy_run(&out), 0);
	assert_non_null(out);
	assert_contains(out, "holds another key");
	free(out);
	/* Refused before the target was touched: not even migrated. */
	assert_int_equal(db_scalar(&pg, "SELECT count(*) FROM "
	    "information_schema.tables WHERE table_name = 'accounts'"), 0);
	assert_int_equal(unlink(key), 0);
}

static void
the_organisation_moves_whole(void **state)
{
	static const char *const tables[] = { "accounts", "audit",
	    "conversations", "proposals", "memberships", "ballots",
	    "survey_responses", "site_population", NULL };
	char	*out = NULL, sql[200];
	size_t	 i;

	(void)state;
	assert_int_equal(copy_run(&out), 0);
	assert_non_null(out);
	assert_contains(out, "Wrote the audit key");
	assert_contains(out, "every table read back the same");
	assert_contains(out, "the audit chain verifies");
	free(out);
	for (i = 0; tables[i] != NULL; i++) {
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s",
		    tables[i]);
		assert_true(db_scalar(&srv, sql) > 0);
		assert_int_equal(db_scalar(&pg, sql), db_scalar(&srv, sql));
	}
	/* roundtable check passes there too. */
	assert_int_equal(roundtable_cli(&pg, "check", NULL, &out), 0);
	assert_contains(out, "0 faults");
	free(out);

	/* Copying again would merge two organisations: refused. */
	assert_int_not_equal(copy_run(&out), 0);
	assert_contains(out, "already holds accounts");
	free(out);
	assert_int_equal(db_scalar(&pg, "SELECT count(*) FROM audit"),
	    db_scalar(&srv, "SELECT count(*) FROM audit"));
}

static void
the_copy_serves(void **state)
{
	struct client	 c;
	struct reply	 r;
	long long	 last = db_scalar(&pg, "SELECT max(id) FROM "
	    "conversations");

	(void)state;
	assert_int_equal(server_launch(&pg), 0);
	assert_int_equal(client_as(&c, &pg, "coordinator.fenwick", PW), 0);
	assert_int_equal(http_get(&c, "/conversations", &r), 200);
	assert_contains(r.body, "govuk-table__row");
	reply_free(&r);
	/* What is made there takes an id past every copied one. */
	submit_expect(&c, "/sites/1/activity", "month=2026-10&sessions=4",
	    303, &r);
	reply_free(&r);
	assert_true(db_scalar(&pg, "SELECT max(id) FROM audit") >
	    db_scalar(&srv, "SELECT max(id) FROM audit"));
	assert_int_equal(db_scalar(&pg, "SELECT max(id) FROM conversations"),
	    last);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_target_with_another_key_is_refused),
		cmocka_unit_test(the_organisation_moves_whole),
		cmocka_unit_test(the_copy_serves),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
