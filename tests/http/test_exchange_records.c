/*
 * The wing's other records across the stick (issue 13,
 * docs/exchange.md): new arrivals met on the wing and the steps of their
 * plan (the station's); a volunteer's expense claim, made on the wing and
 * decided at the hub (shared, the hub's decision standing); and an
 * election's published result (the station's; its ballots and roll
 * never travel).
 */
#include "http_test.h"
#include "http/exchange_places.h"

#define PW		PLACES_PW

/* An arrival met on the wing, and the first step of its plan done
 * there, reach the hub; the hub may neither record one for the wing nor
 * tick its steps. */
static void
arrivals_met_on_the_wing_reach_the_hub(void **state)
{
	struct client	 rep;
	char		 path[96];
	long long	 arrival, step;

	(void)state;
	assert_int_equal(client_as(&rep, &st_a.srv, "rep.fenwick", PW), 0);
	arrival = submit_created(&rep, "/groups/1/arrivals/new",
	    "arrived_on=2026-11-25&unit_id=&age_band=50_64", "/arrivals/");
	assert_true(arrival > (2LL << 40));
	step = db_scalar_id(&st_a.srv, "SELECT min(id) FROM arrival_steps "
	    "WHERE arrival_id = %lld", arrival);
	assert_true(step > (2LL << 40));
	snprintf(path, sizeof(path), "/arrival-steps/%lld/done", step);
	posted(&rep, path, "note=Seen+by+the+nurse");
	client_free(&rep);
	assert_int_equal(carry(&st_a.srv, 0, &hub, "arrival.rtx"), 0);
	assert_int_equal(db_scalar_id(&hub, "SELECT count(*) FROM arrivals "
	    "WHERE id = %lld AND age_band = '50_64'", arrival), 1);
	assert_int_equal(db_scalar_id(&hub, "SELECT count(*) FROM arrival_steps "
	    "WHERE id = %lld AND note = 'Seen by the nurse'", step), 1);

	assert_int_equal(client_as(&rep, &hub, "rep.fenwick", PW), 0);
	refused_409(&rep, "/groups/1/arrivals/new", "arrived_on=2026-11-26"
	    "&unit_id=", "kept on its station");
	step = db_scalar_id(&hub, "SELECT max(id) FROM arrival_steps WHERE "
	    "arrival_id = %lld", arrival);
	snprintf(path, sizeof(path), "/arrival-steps/%lld/done", step);
	refused_409(&rep, path, "note=At+the+office", "kept on its station");
	client_free(&rep);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "arrival-back.rtx"),
	    0);
	station_agrees_with_hub(&st_a);
}

/* A claim made on the wing is decided at the hub, and the decision comes
 * back; the station may not decide it. */
static void
a_claim_made_on_the_wing_is_decided_at_the_hub(void **state)
{
	const char	*fields[] = { "group_id", "1", "kind", "travel",
	    "description", "Bus to the council meeting", "amount", "4.20",
	    "incurred_on", "2026-11-20", NULL };
	struct client	 member, staff;
	struct reply	 r;
	char		 path[96];
	long long	 claim;

	(void)state;
	assert_int_equal(client_as(&member, &st_a.srv, "member.forum", PW), 0);
	http_get(&member, "/expenses/new", &r);
	reply_free(&r);
	if (http_post_files(&member, "/expenses/new", fields, "receipt", NULL,
	    NULL, 0, &r) != 303)
		print_error("claim: %ld %.1200s\n", r.status, r.body);
	assert_int_equal(r.status, 303);
	claim = strtoll(r.location + strlen("/expenses/"), NULL, 10);
	reply_free(&r);
	client_free(&member);
	assert_true(claim > (2LL << 40));

	/* Not the station's to decide. */
	assert_int_equal(client_as(&staff, &st_a.srv, "coordinator.fenwick",
	    PW), 0);
	snprintf(path, sizeof(path), "/expenses/%lld/decide", claim);
	refused_409(&staff, path, "decision=approved", "kept at the hub");
	client_free(&staff);

	assert_int_equal(carry(&st_a.srv, 0, &hub, "claim.rtx"), 0);
	assert_int_equal(client_as(&staff, &hub, "coordinator.fenwick", PW), 0);
	posted(&staff, path, "decision=approved");
	snprintf(path, sizeof(path), "/expenses/%lld/paid", claim);
	posted(&staff, path, "");
	client_free(&staff);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "claim-back.rtx"),
	    0);
	assert_int_equal(db_scalar_id(&st_a.srv, "SELECT count(*) FROM "
	    "expense_claims WHERE id = %lld AND state = 'paid' AND amount_pence "
	    "= 420", claim), 1);
	station_agrees_with_hub(&st_a);
}

/* Only an election's published result travels: the forum's published
 * chair election reached the station with the hub's first bundle, its
 * running ones did not, and no ballot, roll or candidate ever does.  The
 * hub may not hold an election for the wing; one published on the wing
 * reaches the hub. */
static void
only_published_elections_travel(void **state)
{
	struct client	 staff;
	char		 sql[600];
	long long	 published = db_scalar(&hub, "SELECT count(*) FROM "
	    "elections WHERE state = 'published' AND group_id IN (SELECT id "
	    "FROM groups WHERE site_id = 1)");
	long long	 coordinator = db_scalar(&st_a.srv, "SELECT id FROM "
	    "accounts WHERE username = 'coordinator.fenwick'");

	(void)state;
	assert_true(published > 0);
	assert_true(db_scalar(&hub, "SELECT count(*) FROM elections WHERE "
	    "state != 'published' AND group_id IN (SELECT id FROM groups "
	    "WHERE site_id = 1)") > 0);
	assert_int_equal(db_scalar(&st_a.srv, "SELECT count(*) FROM elections"),
	    published);
	assert_int_equal(db_scalar(&st_a.srv, "SELECT count(*) FROM elections "
	    "WHERE result IS NULL"), 0);
	assert_int_equal(db_scalar(&st_a.srv, "SELECT (SELECT count(*) FROM "
	    "ballots) + (SELECT count(*) FROM election_voters) + (SELECT "
	    "count(*) FROM candidates)"), 0);

	assert_int_equal(client_as(&staff, &hub, "coordinator.fenwick", PW), 0);
	refused_409(&staff, "/groups/1/elections/new", "position=rep&seats=1"
	    "&method=fptp&nominations_close_on=2027-01-10&voting_opens_on="
	    "2027-01-11&voting_closes_on=2027-01-12", "kept on its station");
	client_free(&staff);

	/* One held and published on the wing (its running is
	 * test_elections' business). */
	snprintf(sql, sizeof(sql), "INSERT INTO elections (id, group_id, "
	    "position, seats, method, nominations_open_on, "
	    "nominations_close_on, voting_opens_on, voting_closes_on, state, "
	    "lot_seed, closed_on, result, published_on, created_by) VALUES "
	    "((2 << 40) + 1, 1, 'secretary', 1, 'fptp', '2026-11-01', "
	    "'2026-11-08', '2026-11-09', '2026-11-16', 'published', '00', "
	    "'2026-11-16', 'Elected on the wing', '2026-11-17', %lld)",
	    coordinator);
	assert_int_equal(db_write(&st_a.srv, sql), 0);
	assert_int_equal(carry(&st_a.srv, 0, &hub, "election.rtx"), 0);
	assert_int_equal(db_scalar(&hub, "SELECT count(*) FROM elections WHERE "
	    "result = 'Elected on the wing'"), 1);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv,
	    "election-back.rtx"), 0);
	station_agrees_with_hub(&st_a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(arrivals_met_on_the_wing_reach_the_hub),
		cmocka_unit_test(a_claim_made_on_the_wing_is_decided_at_the_hub),
		cmocka_unit_test(only_published_elections_travel),
	};

	return cmocka_run_group_tests(tests, places_setup, places_teardown);
}
