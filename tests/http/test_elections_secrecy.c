/*
 * Elections, the secret ballot: the ballot table cannot be joined to
 * the roll (its schema is checked), and one vote per voter even under
 * concurrent requests, to one server or split between two on the same
 * database.  Helpers and set-up: elections_test.h.
 */
#include <pthread.h>

#include "elections_test.h"

#define RACERS		8	/* parallel votes from one voter */

static struct server	 twin;	/* a second server on srv's database */

static int
setup(void **state)
{
	if (elections_setup(state) == -1)
		return -1;
	/* A second server on the same database, as a national organisation
	 * runs several (issue 14). */
	return server_twin(&twin, &srv);
}

static int
teardown(void **state)
{
	int	 rc = server_stop(&twin);

	return server_teardown(state) == 0 && rc == 0 ? 0 : -1;
}

/*
 * The ballot table holds the ranking and the election, nothing more: no
 * column names a voter, an account or a time; it has no rowid to order
 * rows by arrival; nothing refers to it; and the roll does not refer to
 * it either.  So no query, however written, can join a ballot to a voter.
 */
static void
ballots_cannot_be_joined_to_voters(void **state)
{
	int	 pg = server_on_pg(&srv);

	(void)state;
	/* Three columns, none naming a voter, an account or a time. */
	assert_int_equal(db_scalar(&srv, pg ? "SELECT count(*) FROM "
	    "information_schema.columns WHERE table_name = 'ballots'" :
	    "SELECT count(*) FROM pragma_table_info('ballots')"), 3);
	assert_int_equal(db_scalar(&srv, pg ? "SELECT count(*) FROM "
	    "information_schema.columns WHERE table_name = 'ballots' AND "
	    "column_name NOT IN ('election_id', 'id', 'ranking')" :
	    "SELECT count(*) FROM pragma_table_info('ballots') WHERE name "
	    "NOT IN ('election_id', 'id', 'ranking')"), 0);
	/* WITHOUT ROWID: there is no arrival order to read.  (PostgreSQL
	 * keeps a row's place until VACUUM: the close stores every ballot
	 * again, see docs/ARCHITECTURE.md.) */
	if (!pg)
		assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
		    "sqlite_schema WHERE name = 'ballots' AND sql LIKE "
		    "'%WITHOUT ROWID%'"), 1);
	/* Its only reference is to the election; no table refers to it. */
	assert_int_equal(db_scalar(&srv, pg ? "SELECT count(*) FROM "
	    "pg_constraint WHERE contype = 'f' AND conrelid = "
	    "'ballots'::regclass AND confrelid = 'elections'::regclass" :
	    "SELECT count(*) FROM pragma_foreign_key_list('ballots') WHERE "
	    "\"table\" = 'elections'"), 1);
	assert_int_equal(db_scalar(&srv, pg ? "SELECT count(*) FROM "
	    "pg_constraint WHERE contype = 'f' AND (conrelid = "
	    "'ballots'::regclass OR confrelid = 'ballots'::regclass)" :
	    "SELECT (SELECT count(*) FROM pragma_foreign_key_list('ballots')) "
	    "+ (SELECT count(*) FROM sqlite_schema m, "
	    "pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND "
	    "f.\"table\" = 'ballots')"), 1);
	/* The roll has no column that could hold a ballot's key. */
	assert_int_equal(db_scalar(&srv, pg ? "SELECT count(*) FROM "
	    "information_schema.columns WHERE table_name = 'election_voters' "
	    "AND (column_name LIKE '%ballot%' OR column_name = 'id')" :
	    "SELECT count(*) FROM pragma_table_info('election_voters') WHERE "
	    "name LIKE '%ballot%' OR name = 'id'"), 0);
	/* No trigger watches the ballots (one could copy them elsewhere). */
	assert_int_equal(db_scalar(&srv, pg ? "SELECT count(*) FROM pg_trigger "
	    "WHERE tgrelid = 'ballots'::regclass AND NOT tgisinternal" :
	    "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND "
	    "tbl_name = 'ballots'"), 0);
}

struct racer {
	struct client	 c;
	const char	*path;
	const char	*body;
	pthread_barrier_t *start;
	long		 status;
};

static void *
race(void *arg)
{
	struct racer	*rc = arg;
	struct reply	 r;

	pthread_barrier_wait(rc->start);
	rc->status = http_post(&rc->c, rc->path, rc->body, 1, &r);
	reply_free(&r);
	return NULL;
}

/* One voter, RACERS sessions, all voting at the same moment, every
 * other one sent to server other: exactly one ballot and one roll entry,
 * every other request refused. */
static void
one_vote_race(const struct server *other)
{
	struct client		 staff;
	struct racer		 racers[RACERS];
	pthread_t		 threads[RACERS];
	pthread_barrier_t	 start;
	struct reply		 r;
	char			 path[64], body[96];
	long long		 e;
	int			 i, ok = 0, refused = 0;

	as(&staff, "coordinator.fenwick");
	e = election_new(&staff, "fptp", 1);
	nominate(&staff, e, "Arthur", "Bernard", "Clive");
	/* A contest: a lone nominee would be elected without a poll. */
	nominate(&staff, e, "Dennis", "Dennis", "Frank");
	post_to(&staff, e, "open", "", 303);
	snprintf(path, sizeof(path), "/elections/%lld/vote", e);
	snprintf(body, sizeof(body), "for=%lld&mark=%lld", person("Frank"),
	    candidate(e, "Arthur"));
	pthread_barrier_init(&start, NULL, RACERS);
	for (i = 0; i < RACERS; i++) {
		as(&racers[i].c, "voter.Frank");
		assert_int_equal(http_get(&racers[i].c, path, &r), 200);
		reply_free(&r);
		if (i % 2 == 1)
			racers[i].c.srv = other;
		racers[i].path = path;
		racers[i].body = body;
		racers[i].start = &start;
	}
	for (i = 0; i < RACERS; i++)
		assert_int_equal(pthread_create(&threads[i], NULL, race,
		    &racers[i]), 0);
	for (i = 0; i < RACERS; i++) {
		pthread_join(threads[i], NULL);
		ok += racers[i].status == 303;
		refused += racers[i].status == 409;
		client_free(&racers[i].c);
	}
	pthread_barrier_destroy(&start);
	assert_int_equal(ok, 1);
	assert_int_equal(refused, RACERS - 1);
	assert_int_equal(scalar("SELECT count(*) FROM ballots WHERE "
	    "election_id = %lld", e), 1);
	assert_int_equal(scalar("SELECT count(*) FROM election_voters WHERE "
	    "election_id = %lld", e), 1);
	client_free(&staff);
}

static void
one_vote_under_concurrent_requests(void **state)
{
	(void)state;
	one_vote_race(&srv);
}

/* The same race split between two servers on one database: the one-vote
 * rule is the database's, not a process's. */
static void
one_vote_across_two_servers(void **state)
{
	(void)state;
	one_vote_race(&twin);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ballots_cannot_be_joined_to_voters),
		cmocka_unit_test(one_vote_under_concurrent_requests),
		cmocka_unit_test(one_vote_across_two_servers),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
