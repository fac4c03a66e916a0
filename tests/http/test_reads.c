/*
 * Every read of a person's record by someone else is audited, at one
 * place (dispatch, from the route table's read subjects): who, whose,
 * which page, in the request's transaction; a read that cannot be
 * recorded is not shown.  A person reading their own record, and a
 * refused read, write nothing.  An administrator's page lists the reads
 * of one person's record; nobody else may see it.
 */
#define PW	srv.demo_password
#include "http_test.h"
#include "server/router.h"

#define PERSON	"1"	/* demo: Arthur, HMP Fenwick */
#define READS_OF(p, who) "SELECT count(*) FROM audit WHERE action = " \
	"'person.read' AND entity = 'person' AND entity_id = " p " AND " \
	"account_id = (SELECT id FROM accounts WHERE username = '" who "')"

static int
setup(void **state)
{
	(void)state;
	if (server_start(&srv, NULL) == -1)
		return -1;
	/* A claim by member.forum (person 5), in their forum. */
	return db_write(&srv, "INSERT INTO expense_claims (id, claimant_id, "
	    "group_id, kind, description, amount_pence, incurred_on, "
	    "created_on) VALUES (900, 4, 1, 'travel', 'Bus to the forum', "
	    "300, '2026-11-01', '2026-11-02')");
}

/* Every page about one person (their record, a membership, a place in
 * a recruitment pipeline) or one person's claim is audited. */
static void
person_pages_are_read_audited(void **state)
{
	size_t	 i, n = 0;

	(void)state;
	for (i = 0; i < routes_count; i++) {
		if (routes[i].method != HTTP_GET)
			continue;
		if (strncmp(routes[i].pattern, "/people/{id}", 12) == 0 ||
		    strncmp(routes[i].pattern, "/memberships/{id}", 17) == 0 ||
		    strncmp(routes[i].pattern, "/recruits/{id}", 14) == 0 ||
		    strncmp(routes[i].pattern, "/expenses/{id}", 14) == 0) {
			/* Audited by dispatch, or by a handler that
			 * records its own reads (plans: not the person's). */
			if (route_read_subject(&routes[i]) == NULL &&
			    (routes[i].flags & ROUTE_AUDITED_READ) == 0)
				fail_msg("%s is not read-audited",
				    routes[i].pattern);
			n++;
		}
	}
	assert_true(n >= 10);
}

static void
staff_reads_recorded_with_page(void **state)
{
	struct client	 c;
	struct reply	 r;
	long long	 before = db_scalar(&srv, READS_OF(PERSON,
			    "coordinator.fenwick"));

	(void)state;
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/people/" PERSON, &r), 200);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/people/" PERSON "/supervision", &r),
	    200);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(db_scalar(&srv, READS_OF(PERSON,
	    "coordinator.fenwick")), before + 2);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "action = 'person.read' AND entity_id = " PERSON " AND detail = "
	    "'/people/" PERSON "/supervision'"), 1);
	/* Another site's coordinator is refused: nothing read, nothing
	 * recorded. */
	before = db_scalar(&srv, "SELECT count(*) FROM audit");
	as(&c, "coordinator.harbour");
	assert_int_equal(http_get(&c, "/people/" PERSON, &r), 403);
	reply_free(&r);
	client_free(&c);
	assert_true(db_scalar(&srv, "SELECT count(*) FROM audit") <=
	    before + 1);	/* the sign-in row, no read */
	assert_int_equal(db_scalar(&srv, READS_OF(PERSON,
	    "coordinator.harbour")), 0);
}

static void
own_claim_unrecorded_staff_read_recorded(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/expenses/900", &r), 200);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(db_scalar(&srv, READS_OF("5", "member.forum")), 0);
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/expenses/900", &r), 200);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(db_scalar(&srv, READS_OF("5",
	    "coordinator.fenwick")), 1);
}

/* A recruit's page shows their clearance: a read of that person. */
static void
recruit_read_recorded(void **state)
{
	struct client	 c;
	struct reply	 r;
	long long	 before = db_scalar(&srv, READS_OF("11",
			    "coordinator.fenwick"));

	(void)state;
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/recruits/1/move", &r), 200);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(db_scalar(&srv, READS_OF("11",
	    "coordinator.fenwick")), before + 1);
}

/* When the audit row cannot be written the record is not shown. */
static void
unrecordable_read_not_shown(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "coordinator.fenwick");
	assert_int_equal(db_write(&srv, server_on_pg(&srv) ?
	    "CREATE FUNCTION test_reads_refused() RETURNS trigger LANGUAGE "
	    "plpgsql AS $$BEGIN RAISE EXCEPTION 'refused'; END$$;"
	    "CREATE TRIGGER reads_refused BEFORE INSERT ON audit FOR EACH ROW "
	    "WHEN (NEW.action = 'person.read') EXECUTE FUNCTION "
	    "test_reads_refused()" :
	    "CREATE TRIGGER reads_refused "
	    "BEFORE INSERT ON audit WHEN NEW.action = 'person.read' "
	    "BEGIN SELECT RAISE(ABORT, 'refused'); END"), 0);
	assert_int_equal(http_get(&c, "/people/" PERSON, &r), 503);
	assert_lacks(r.body, "Arthur");
	assert_contains(r.body, "could not be recorded");
	reply_free(&r);
	assert_int_equal(db_write(&srv, server_on_pg(&srv) ?
	    "DROP TRIGGER reads_refused ON audit" : "DROP TRIGGER "
	    "reads_refused"), 0);
	assert_int_equal(http_get(&c, "/people/" PERSON, &r), 200);
	assert_contains(r.body, "Arthur");
	reply_free(&r);
	client_free(&c);
}

static void
admin_page_lists_reads(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/people/" PERSON "/reads", &r), 403);
	reply_free(&r);
	client_free(&c);
	{
		static const char *const admin[] = { "admin", NULL };

		assert_int_equal(server_passwords(&srv, admin, PW), 0);
	}
	as(&c, "admin");
	assert_int_equal(http_get(&c, "/people/" PERSON, &r), 200);
	assert_contains(r.body, "/people/" PERSON "/reads");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/people/" PERSON "/reads", &r), 200);
	assert_contains(r.body, "Who has read this record");
	assert_contains(r.body, "(coordinator.fenwick)");
	assert_contains(r.body, "Their supervision notes");
	assert_lacks(r.body, "coordinator.harbour");
	reply_free(&r);
	client_free(&c);
	assert_int_equal(roundtable_cli(&srv, "check", NULL, NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(person_pages_are_read_audited),
		cmocka_unit_test(staff_reads_recorded_with_page),
		cmocka_unit_test(own_claim_unrecorded_staff_read_recorded),
		cmocka_unit_test(recruit_read_recorded),
		cmocka_unit_test(unrecordable_read_not_shown),
		cmocka_unit_test(admin_page_lists_reads),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
