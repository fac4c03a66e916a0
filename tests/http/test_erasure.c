/*
 * Erasure: `roundtable person erase ID REASON` and the coordinator's page
 * remove a person's identity (name, reference, restrictions, their
 * account's name and password, supervision notes) and keep the group's
 * collective records (memberships, attendance, logs, issues) pointing at
 * a tombstone; the audit chain keeps every row and `roundtable check`
 * passes after.  Someone still involved, someone erased already, a wrong
 * confirmation and a table with no erasure rule are refused with nothing
 * changed.
 */
#define PW	srv.demo_password
#include "http_test.h"

#define CLI_PERSON	"5"	/* demo: Eric, HMP Fenwick, account member.forum */
#define PAGE_PERSON	"2"	/* demo: Bernard, HMP Fenwick */
#define NOTES		"ERASE-supervision-marker"

static int
setup(void **state)
{
	(void)state;
	if (server_start(&srv, NULL) == -1)
		return -1;
	return db_write(&srv,
	    "INSERT INTO supervisions (person_id, supervisor_id, held_on, "
	    "next_due_on, notes) VALUES (" CLI_PERSON ", 2, '2026-02-01', "
	    "'2026-03-01', '" NOTES "');"
	    "UPDATE people SET restrictions = 'ERASE-restriction-marker' "
	    "WHERE id = " CLI_PERSON ";");
}

/* How many times text appears anywhere in the database's dump. */
static long long
dump_count(const char *text)
{
	char	 cmd[1200], line[64];
	FILE	*p;
	long long n = -1;

	/* PostgreSQL's equivalent is its dump: the rows as they are (the
	 * pages keep dead rows until VACUUM, as docs/ARCHITECTURE.md says). */
	snprintf(cmd, sizeof(cmd), server_on_pg(&srv) ? "pg_dump -d '%s' | "
	    "grep -c -- '%s'" : "sqlite3 -readonly '%s' .dump | "
	    "grep -c -- '%s'", srv.db, text);
	if ((p = popen(cmd, "r")) == NULL)
		return -1;
	if (fgets(line, sizeof(line), p) != NULL)
		n = strtoll(line, NULL, 10);
	pclose(p);
	return n;
}

/* What must not change when a person is erased: the collective records. */
static long long
collective(void)
{
	return db_scalar(&srv, "SELECT (SELECT count(*) FROM memberships) "
	    "* 1000000 + (SELECT count(*) FROM attendance) * 10000 "
	    "+ (SELECT count(*) FROM conversations) * 100 "
	    "+ (SELECT count(*) FROM issues)");
}

static void
cli_erase_keeps_collective_records(void **state)
{
	char		*out = NULL, *before;
	long long	 kept = collective(), audit;

	(void)state;
	assert_true(dump_count("Eric") >= 1);
	/* Still involved: refused, nothing changed. */
	before = db_fingerprint(srv.db);
	assert_int_equal(roundtable_cli(&srv, "person erase " CLI_PERSON
	    " ER-2026-01", NULL, &out), 1);
	assert_contains(out, "record their leaving first");
	free(out);
	out = db_fingerprint(srv.db);
	assert_string_equal(before, out);
	free(out);
	free(before);
	assert_int_equal(db_write(&srv, "UPDATE people SET left_on = "
	    "'2026-11-01', left_reason = 'release' WHERE id = " CLI_PERSON),
	    0);
	assert_int_equal(roundtable_cli(&srv, "person erase " CLI_PERSON,
	    NULL, NULL), 2);
	audit = db_scalar(&srv, "SELECT count(*) FROM audit");
	assert_int_equal(roundtable_cli(&srv, "person erase " CLI_PERSON
	    " ER-2026-01", NULL, &out), 0);
	free(out);
	/* Identity gone from the whole file. */
	assert_int_equal(dump_count("Eric"), 0);
	/* Nor their username: audit rows name accounts by id alone. */
	assert_int_equal(dump_count("member.forum"), 0);
	assert_int_equal(dump_count("ERASE-restriction-marker"), 0);
	assert_int_equal(dump_count(NOTES), 0);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM people WHERE "
	    "id = " CLI_PERSON " AND display_name = 'Erased person' AND "
	    "reference = 'E-" CLI_PERSON "' AND erased_on IS NOT NULL"), 1);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM accounts WHERE "
	    "person_id = " CLI_PERSON " AND username = 'erased-' || id AND "
	    "password_hash = '!' AND disabled_at IS NOT NULL"), 1);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM grants WHERE "
	    "account_id IN (SELECT id FROM accounts WHERE person_id = "
	    CLI_PERSON ")"), 0);
	/* The group's records are whole, and point at the tombstone. */
	assert_int_equal(collective(), kept);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM memberships "
	    "WHERE person_id = " CLI_PERSON), 1);
	/* Nothing taken from the chain; one row says who erased whom. */
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit"),
	    audit + 1);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "action = 'person.erase' AND entity_id = " CLI_PERSON " AND "
	    "detail LIKE 'ER-2026-01 (cli uid %'"), 1);
	assert_int_equal(roundtable_cli(&srv, "check", NULL, NULL), 0);
	/* Twice: refused. */
	assert_int_equal(roundtable_cli(&srv, "person erase " CLI_PERSON
	    " again", NULL, &out), 1);
	assert_contains(out, "erased before");
	free(out);
	assert_int_equal(roundtable_cli(&srv, "person erase 99999 x", NULL,
	    &out), 1);
	assert_contains(out, "no such person");
	free(out);
}

static void
page_confirms_then_erases(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*before, *after;

	(void)state;
	as(&c, "coordinator.fenwick");
	/* Not left: refused before any form. */
	assert_int_equal(http_get(&c, "/people/" PAGE_PERSON "/erase", &r),
	    409);
	assert_contains(r.body, "Record that this person has left");
	reply_free(&r);
	assert_int_equal(db_write(&srv, "UPDATE people SET left_on = "
	    "'2026-11-01', left_reason = 'transfer' WHERE id = "
	    PAGE_PERSON), 0);
	assert_int_equal(http_get(&c, "/people/" PAGE_PERSON, &r), 200);
	assert_contains(r.body, "/people/" PAGE_PERSON "/erase");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/people/" PAGE_PERSON "/erase", &r),
	    200);
	reply_free(&r);
	/* A wrong reference: 422 naming the field, nothing changed. */
	before = db_fingerprint(srv.db);
	post_expect(&c, "/people/" PAGE_PERSON "/erase",
	    "reference=P-WRONG1&reason=request+7", 422, &r);
	assert_contains(r.body, "Type the reference shown");
	reply_free(&r);
	after = db_fingerprint(srv.db);
	assert_string_equal(before, after);
	free(before);
	free(after);
	before = NULL;
	{
		char	 body[200], ref[32];
		long long n;

		n = db_scalar(&srv, "SELECT count(*) FROM people WHERE id = "
		    PAGE_PERSON);
		assert_int_equal(n, 1);
		/* The reference, read the way the coordinator reads it. */
		assert_int_equal(http_get(&c, "/people/" PAGE_PERSON, &r), 200);
		assert_non_null(strstr(r.body, "P-"));
		snprintf(ref, sizeof(ref), "%.8s", strstr(r.body, "P-"));
		reply_free(&r);
		snprintf(body, sizeof(body), "reference=%s&reason=request+7",
		    ref);
		post_expect(&c, "/people/" PAGE_PERSON "/erase", body, 303, &r);
		reply_free(&r);
	}
	assert_int_equal(http_get(&c, "/people/" PAGE_PERSON, &r), 200);
	assert_contains(r.body, "Erased person");
	assert_contains(r.body, "Identity erased");
	assert_lacks(r.body, "Bernard");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/people/" PAGE_PERSON "/erase", &r),
	    409);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "action = 'person.erase' AND entity_id = " PAGE_PERSON " AND "
	    "detail = 'request 7' AND account_id = (SELECT id FROM accounts "
	    "WHERE username = 'coordinator.fenwick')"), 1);
	assert_int_equal(roundtable_cli(&srv, "check", NULL, NULL), 0);
	/* Another site's coordinator cannot reach the form. */
	as(&c, "coordinator.harbour");
	assert_int_equal(http_get(&c, "/people/3/erase", &r), 403);
	reply_free(&r);
	client_free(&c);
}

/* A table added with a reference to people and no rule: nobody can be
 * erased until someone decides what erasure does to it. */
static void
unruled_reference_refuses(void **state)
{
	char	*out = NULL, *before, *after;

	(void)state;
	assert_int_equal(db_write(&srv, "CREATE TABLE erasure_probe (id "
	    "INTEGER PRIMARY KEY, person_id INTEGER REFERENCES people(id));"
	    "UPDATE people SET left_on = '2026-11-01', left_reason = "
	    "'release' WHERE id = 4"), 0);
	before = db_fingerprint(srv.db);
	assert_int_equal(roundtable_cli(&srv, "person erase 4 ER-9", NULL,
	    &out), 1);
	assert_contains(out, "no rule for erasure_probe.person_id");
	free(out);
	after = db_fingerprint(srv.db);
	assert_string_equal(before, after);
	free(before);
	free(after);
	assert_int_equal(db_write(&srv, "DROP TABLE erasure_probe"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cli_erase_keeps_collective_records),
		cmocka_unit_test(page_confirms_then_erases),
		cmocka_unit_test(unruled_reference_refuses),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
