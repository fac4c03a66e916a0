/*
 * Meetings across the stick (issue 13, docs/exchange.md): held in the
 * prison, so recorded on the station; their agenda, minutes, decisions
 * and papers reach the hub with the next bundle, and the organisation's
 * own paper for the forum's meeting comes back the same way.  Who
 * chaired a meeting and who attended it are people in the register,
 * which never travels.
 */
#include "http_test.h"
#include "http/exchange_places.h"
#include "papers.h"

#define PW		PLACES_PW
#define PAPER_MAX	(1024 * 1024)

/* A forum meeting of group 1 (Fenwick's) made through c's pages. */
static long long
meeting_made(struct client *c, const char *date)
{
	char	 body[160];

	snprintf(body, sizeof(body), "kind=forum&held_on=%s&starts_at=14:00"
	    "&place=Chapel", date);
	return submit_created(c, "/groups/1/meetings/new", body, "/meetings/");
}

static void
paper_added(struct client *c, long long meeting, const char *title)
{
	struct buf	 pdf;
	struct reply	 r;
	char		 path[64];

	paper_pdf(&pdf, PAPER_MAX, title, 1);
	snprintf(path, sizeof(path), "/meetings/%lld/papers", meeting);
	if (http_post_file(c, path, title, "paper.pdf", pdf.data, pdf.len,
	    &r) != 303)
		print_error("paper: %ld %.600s\n", r.status, r.body);
	assert_int_equal(r.status, 303);
	reply_free(&r);
	buf_release(&pdf);
}

/* What sql counts at s, with id put in (one %lld). */
static long long
counted(const struct server *s, const char *sql, long long id)
{
	return db_scalar_id(s, sql, id);
}

/* The forum's history from before its station reached the station with
 * the hub's first bundle: its meetings and their minutes, but not who
 * chaired them, nor who came. */
static void
the_forums_past_meetings_reach_its_station(void **state)
{
	const char	*sql = "SELECT count(*) FROM meetings WHERE group_id IN "
	    "(SELECT id FROM groups WHERE site_id = 1)";

	(void)state;
	assert_true(db_scalar(&hub, sql) > 0);
	assert_int_equal(db_scalar(&st_a.srv, sql), db_scalar(&hub, sql));
	assert_int_equal(db_scalar(&st_a.srv, "SELECT count(*) FROM "
	    "agenda_items"), db_scalar(&hub, "SELECT count(*) FROM "
	    "agenda_items WHERE meeting_id IN (SELECT m.id FROM meetings m "
	    "JOIN groups g ON g.id = m.group_id WHERE g.site_id = 1)"));
	/* Who chaired and who came are people of Fenwick's register, which
	 * came too. */
	{
		const char	*people = "SELECT (SELECT count(*) FROM meetings m "
		    "JOIN people p ON p.id = m.chair_person_id WHERE p.site_id "
		    "= 1) * 1000 + (SELECT count(*) FROM attendance a JOIN "
		    "people p ON p.id = a.person_id JOIN meetings m ON m.id = "
		    "a.meeting_id JOIN groups g ON g.id = m.group_id WHERE "
		    "p.site_id = 1 AND g.site_id = 1)";

		assert_true(db_scalar(&hub, people) % 1000 > 0);
		assert_int_equal(db_scalar(&st_a.srv, people),
		    db_scalar(&hub, people));
	}
	/* Another site's meetings stay away. */
	assert_int_equal(db_scalar(&st_b.srv, "SELECT count(*) FROM meetings "
	    "WHERE group_id IN (SELECT id FROM groups WHERE site_id = 1)"), 0);
	station_agrees_with_hub(&st_a);
	station_agrees_with_hub(&st_b);
}

/* A meeting held on the wing, with its agenda, minutes, a decision and a
 * paper, reaches the hub whole, under the station's numbers. */
static void
a_meeting_on_the_wing_reaches_the_hub(void **state)
{
	struct client	 member, staff;
	struct reply	 r;
	char		 path[96], body[256];
	long long	 meeting, item;

	(void)state;
	assert_int_equal(client_as(&member, &st_a.srv, "member.forum", PW), 0);
	meeting = meeting_made(&member, "2027-01-12");
	assert_true(meeting > (2LL << 40));
	snprintf(path, sizeof(path), "/meetings/%lld/agenda", meeting);
	posted(&member, path, "title=The+laundry+rota");
	item = counted(&st_a.srv, "SELECT max(id) FROM agenda_items WHERE "
	    "meeting_id = %lld", meeting);
	assert_true(item > (2LL << 40));
	snprintf(path, sizeof(path), "/meetings/%lld/minutes", meeting);
	snprintf(body, sizeof(body), "item_%lld=Members+want+the+laundry+on+"
	    "Saturdays", item);
	posted(&member, path, body);
	snprintf(path, sizeof(path), "/meetings/%lld/decisions", meeting);
	posted(&member, path, "text=Ask+the+governor+for+Saturday+laundry");
	paper_added(&member, meeting, "Laundry survey results");
	client_free(&member);
	assert_int_equal(carry(&st_a.srv, 0, &hub, "meeting.rtx"), 0);

	assert_int_equal(counted(&hub, "SELECT count(*) FROM agenda_items "
	    "WHERE meeting_id = %lld AND minutes = 'Members want the laundry "
	    "on Saturdays'", meeting), 1);
	assert_int_equal(counted(&hub, "SELECT count(*) FROM meeting_decisions "
	    "WHERE meeting_id = %lld", meeting), 1);
	assert_int_equal(counted(&hub, "SELECT count(*) FROM papers WHERE "
	    "meeting_id = %lld AND title = 'Laundry survey results'", meeting),
	    1);
	/* The organisation reads it like any meeting of its own. */
	assert_int_equal(client_as(&staff, &hub, "coordinator.fenwick", PW), 0);
	snprintf(path, sizeof(path), "/meetings/%lld", meeting);
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_contains(r.body, "Ask the governor for Saturday laundry");
	assert_contains(r.body, "Laundry survey results");
	reply_free(&r);
	client_free(&staff);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "meeting-back.rtx"),
	    0);
	station_agrees_with_hub(&st_a);
}

/* The hub may not hold a meeting for the wing, nor add to its agenda or
 * decisions; it may send a paper for it, which reaches the station. */
static void
the_hub_sends_papers_but_holds_no_meetings_for_the_wing(void **state)
{
	struct client	 staff;
	char		 path[96];
	long long	 meeting = db_scalar(&st_a.srv, "SELECT max(id) FROM "
	    "meetings");
	long long	 meetings = db_scalar(&hub, "SELECT count(*) FROM "
	    "meetings");

	(void)state;
	assert_true(meeting > (2LL << 40));
	assert_int_equal(client_as(&staff, &hub, "coordinator.fenwick", PW), 0);
	refused_409(&staff, "/groups/1/meetings/new", "kind=forum&held_on="
	    "2027-02-09&starts_at=14:00&place=Chapel", "kept on its station");
	assert_int_equal(db_scalar(&hub, "SELECT count(*) FROM meetings"),
	    meetings);
	snprintf(path, sizeof(path), "/meetings/%lld/agenda", meeting);
	refused_409(&staff, path, "title=From+the+office", "kept on its "
	    "station");
	snprintf(path, sizeof(path), "/meetings/%lld/decisions", meeting);
	refused_409(&staff, path, "text=From+the+office", "kept on its "
	    "station");
	paper_added(&staff, meeting, "Healthcare report for the forum");
	client_free(&staff);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "paper.rtx"), 0);
	assert_int_equal(counted(&st_a.srv, "SELECT count(*) FROM papers WHERE "
	    "meeting_id = %lld AND title = 'Healthcare report for the forum'",
	    meeting), 1);
	assert_int_equal(carry(&st_a.srv, 0, &hub, "paper-back.rtx"), 0);
	station_agrees_with_hub(&st_a);
}

/* Minutes typed at both places before they exchange: the station's
 * stand at both (the meeting was held there), the hub's are kept as a
 * conflict for a coordinator. */
static void
minutes_typed_at_both_places_keep_the_stations(void **state)
{
	struct client	 member, staff;
	char		 path[96], body[256];
	long long	 meeting = db_scalar(&st_a.srv, "SELECT max(id) FROM "
	    "meetings");
	long long	 item = counted(&st_a.srv, "SELECT max(id) FROM "
	    "agenda_items WHERE meeting_id = %lld", meeting);

	(void)state;
	snprintf(path, sizeof(path), "/meetings/%lld/minutes", meeting);
	assert_int_equal(client_as(&member, &st_a.srv, "member.forum", PW), 0);
	snprintf(body, sizeof(body), "item_%lld=Typed+on+the+wing", item);
	posted(&member, path, body);
	client_free(&member);
	assert_int_equal(client_as(&staff, &hub, "coordinator.fenwick", PW), 0);
	snprintf(body, sizeof(body), "item_%lld=Typed+at+the+office", item);
	posted(&staff, path, body);
	client_free(&staff);

	assert_int_equal(carry(&st_a.srv, 0, &hub, "minutes.rtx"), 0);
	assert_int_equal(counted(&hub, "SELECT count(*) FROM agenda_items "
	    "WHERE id = %lld AND minutes = 'Typed on the wing'", item), 1);
	assert_int_equal(db_scalar(&hub, "SELECT count(*) FROM "
	    "exchange_conflicts WHERE tbl = 'agenda_items' AND lost LIKE "
	    "'%Typed at the office%' AND settled_at IS NULL"), 1);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "minutes-back.rtx"),
	    0);
	station_agrees_with_hub(&st_a);
}

/* A meeting's own action point, set on the wing, reaches the hub with
 * its meeting; its progress recorded at the hub comes back; the hub may
 * not set one for the wing's meeting. */
static void
a_meetings_action_point_travels_with_it(void **state)
{
	struct client	 member, staff;
	char		 path[96], body[200];
	long long	 meeting, point, coordinator;

	(void)state;
	coordinator = db_scalar(&st_a.srv, "SELECT id FROM accounts WHERE "
	    "username = 'coordinator.fenwick'");
	assert_int_equal(client_as(&member, &st_a.srv, "member.forum", PW), 0);
	meeting = meeting_made(&member, "2027-02-09");
	snprintf(path, sizeof(path), "/meetings/%lld/action-points", meeting);
	snprintf(body, sizeof(body), "text=Fix+the+chapel+heating&owner_id="
	    "%lld&due_on=2037-02-23", coordinator);
	posted(&member, path, body);
	client_free(&member);
	point = db_scalar_id(&st_a.srv, "SELECT id FROM actions WHERE "
	    "meeting_id = %lld AND proposal_id IS NULL", meeting);
	assert_true(point > (2LL << 40));
	assert_int_equal(carry(&st_a.srv, 0, &hub, "point.rtx"), 0);
	snprintf(body, sizeof(body), "SELECT count(*) FROM actions WHERE id = "
	    "%lld AND meeting_id = %lld AND text = 'Fix the chapel heating' "
	    "AND due_on = '2037-02-23'", point, meeting);
	assert_int_equal(db_scalar(&hub, body), 1);

	/* The coordinator records progress at the office; it comes back. */
	assert_int_equal(client_as(&staff, &hub, "coordinator.fenwick", PW), 0);
	snprintf(path, sizeof(path), "/actions/%lld/update", point);
	posted(&staff, path, "note=Estates+have+ordered+a+boiler&percent=50");
	/* But the hub sets no point for the wing's meeting. */
	snprintf(path, sizeof(path), "/meetings/%lld/action-points", meeting);
	snprintf(body, sizeof(body), "text=From+the+office&owner_id=%lld"
	    "&due_on=2037-02-23", coordinator);
	refused_409(&staff, path, body, "kept on its station");
	client_free(&staff);
	assert_int_equal(carry(&hub, st_a.origin, &st_a.srv, "point-back.rtx"),
	    0);
	assert_int_equal(db_scalar_id(&st_a.srv, "SELECT count(*) FROM actions "
	    "WHERE id = %lld AND percent = 50", point), 1);
	assert_int_equal(db_scalar_id(&st_a.srv, "SELECT count(*) FROM "
	    "action_updates WHERE action_id = %lld AND note = 'Estates have "
	    "ordered a boiler'", point), 1);
	station_agrees_with_hub(&st_a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_forums_past_meetings_reach_its_station),
		cmocka_unit_test(a_meeting_on_the_wing_reaches_the_hub),
		cmocka_unit_test(the_hub_sends_papers_but_holds_no_meetings_for_the_wing),
		cmocka_unit_test(minutes_typed_at_both_places_keep_the_stations),
		cmocka_unit_test(a_meetings_action_point_travels_with_it),
	};

	return cmocka_run_group_tests(tests, places_setup, places_teardown);
}
