/*
 * Meetings' minutes: they go from draft to approved (at a later meeting)
 * to published, draft minutes stay with the group that writes them; and
 * how well the group runs, its archive of published minutes and a
 * meeting's pack, drawn from them.
 */
#include "meetings_test.h"

/* The minutes' PDF as c reads it with query, marked a draft by mark at
 * its top and by title, the footer of each of its pages, and by its
 * file's name, which begins with named. */
static void
draft_marked(struct client *c, long long meeting, const char *query,
    const char *mark, const char *title, const char *named)
{
	struct reply	 r;
	char		 path[96], *text;

	snprintf(path, sizeof(path), "/meetings/%lld/minutes.pdf%s", meeting,
	    query);
	assert_int_equal(http_get(c, path, &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, mark);
	assert_contains(text, title);
	assert_contains(r.disposition, named);
	free(text);
	reply_free(&r);
}

static void
minutes_go_from_draft_to_published(void **state)
{
	struct client	 member, staff, governor, westvale;
	struct reply	 r;
	char		 path[96], body[256], *text;
	long long	 meeting, later, item, chair;

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	as(&governor, "governor.fenwick");
	as(&westvale, "member.westvale");
	meeting = meeting_on(&member, "2027-07-06");
	later = meeting_on(&member, "2027-08-03");
	item = db_scalar(&srv, "SELECT min(id) FROM agenda_items WHERE "
	    "meeting_id = (SELECT max(id) - 1 FROM meetings)");
	snprintf(path, sizeof(path), "/meetings/%lld/minutes", meeting);
	snprintf(body, sizeof(body), "item_%lld=The+forum+agreed+to+ask+"
	    "about+**hearing+aids**", item);
	submit_expect(&member, path, body, 303, &r);
	reply_free(&r);
	/* Drafts are for the group's writers, not the governor or others. */
	snprintf(path, sizeof(path), "/meetings/%lld", meeting);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "<strong>hearing aids</strong>");
	reply_free(&r);
	assert_int_equal(http_get(&governor, path, &r), 200);
	assert_lacks(r.body, "hearing aids");
	reply_free(&r);
	governor.json = 1;
	assert_int_equal(http_get(&governor, path, &r), 200);
	assert_lacks(r.body, "hearing aids");
	reply_free(&r);
	governor.json = 0;
	assert_int_equal(http_get(&westvale, path, &r), 403);
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld/minutes.pdf", meeting);
	assert_int_equal(http_get(&governor, path, &r), 403);
	reply_free(&r);
	/* A draft's PDF says it is one: at the top, and in the title each
	 * page's footer repeats; in Welsh and in large print too. */
	draft_marked(&member, meeting, "", "DRAFT: these minutes are not "
	    "approved yet", "DRAFT minutes 6 July 2027",
	    "filename=\"draft-minutes-over-50s-forum-2027-07-06.pdf\"");
	draft_marked(&member, meeting, "?large=1", "DRAFT: these minutes "
	    "are not approved yet", "DRAFT minutes 6 July 2027",
	    "filename=\"draft-minutes-");
	draft_marked(&member, meeting, "?lang=cy", "DRAFFT: nid yw'r "
	    "cofnodion hyn wedi'u cymeradwyo eto", "Cofnodion DRAFFT 6 "
	    "Gorffennaf 2027", "filename=\"cofnodion-drafft-over-50s-forum-"
	    "2027-07-06.pdf\"");
	draft_marked(&member, meeting, "?lang=en", "DRAFT: these minutes are "
	    "not approved yet", "DRAFT minutes 6 July 2027",
	    "filename=\"draft-minutes-");

	/* Approved at the later meeting, by two different people. */
	chair = officer("secretary");
	snprintf(path, sizeof(path), "/meetings/%lld/approve", meeting);
	snprintf(body, sizeof(body), "approved_at=%lld&proposed_by=%lld"
	    "&seconded_by=%lld", later, chair, chair);
	submit_expect(&member, path, body, 422, &r);
	assert_contains(r.body, "Someone else must second it");
	reply_free(&r);
	snprintf(body, sizeof(body), "approved_at=%lld&proposed_by=%lld"
	    "&seconded_by=%lld", later, chair, officer("vice_chair"));
	submit_expect(&member, path, body, 303, &r);
	reply_free(&r);
	/* Approved minutes are final. */
	snprintf(path, sizeof(path), "/meetings/%lld/minutes", meeting);
	snprintf(body, sizeof(body), "item_%lld=changed", item);
	assert_int_equal(http_post(&member, path, body, 1, &r), 409);
	reply_free(&r);
	/* Members cannot publish; staff do. */
	snprintf(path, sizeof(path), "/meetings/%lld/publish", meeting);
	assert_int_equal(http_post(&member, path, "", 1, &r), 403);
	reply_free(&r);
	assert_int_equal(http_post(&staff, path, "", 1, &r), 303);
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld", meeting);
	assert_int_equal(http_get(&governor, path, &r), 200);
	assert_contains(r.body, "hearing aids");
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld/minutes.pdf", meeting);
	assert_int_equal(http_get(&governor, path, &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Over-50s Forum");
	assert_contains(text, "hearing aids");
	assert_contains(text, "Quorum");
	assert_lacks(text, "DRAFT");
	assert_contains(r.disposition, "filename=\"minutes-over-50s-forum-"
	    "2027-07-06.pdf\"");
	free(text);
	reply_free(&r);
	/* In Welsh: every word the program prints, the footer's too, and
	 * the date; what the group wrote as written. */
	snprintf(path, sizeof(path), "/meetings/%lld/minutes.pdf?lang=cy",
	    meeting);
	assert_int_equal(http_get(&governor, path, &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Over-50s Forum");
	assert_contains(text, "hearing aids");
	assert_contains(text, "Cworwm");
	assert_contains(text, "Ble:");
	/* No chair was named: no empty "Cadeirydd:" row. */
	assert_lacks(text, "Cadeirydd");
	/* Nobody's attendance was recorded: the quorum is still to see. */
	assert_contains(text, "Presenoldeb heb ei gofnodi eto");
	assert_lacks(text, "Attendance not recorded");
	assert_contains(text, "Tudalen 1");
	assert_contains(text, "Cofnodion 6 Gorffennaf 2027");
	assert_lacks(text, "Quorum");
	assert_lacks(text, "Chair");
	assert_lacks(text, "present of");
	assert_lacks(text, "Page 1");
	assert_lacks(text, "July");
	free(text);
	reply_free(&r);
	/* The choice is kept (the rt_lang cookie) until changed back. */
	snprintf(path, sizeof(path), "/meetings/%lld/minutes.pdf?lang=en",
	    meeting);
	assert_int_equal(http_get(&governor, path, &r), 200);
	reply_free(&r);
	client_free(&member);
	client_free(&staff);
	client_free(&governor);
	client_free(&westvale);
}

static void
measures_and_the_archive(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64], *text;

	(void)state;
	as(&c, "member.forum");
	c.json = 1;
	assert_int_equal(http_get(&c, "/groups/1/meeting-measures", &r), 200);
	{
		json_t	*v = json_loads(r.body, 0, NULL);

		assert_non_null(v);
		/* The demo: the first meeting's minutes were published within
		 * 14 days, the governor came when invited, and its action
		 * point is open and overdue. */
		assert_true(json_integer_value(json_object_get(json_object_get(v,
		    "minutes"), "published_soon")) >= 1);
		assert_int_equal(json_integer_value(json_object_get(
		    json_object_get(v, "minutes"), "invited_came")), 1);
		assert_true(json_integer_value(json_object_get(json_object_get(v,
		    "actions"), "open_overdue")) >= 1);
		assert_true(json_array_size(json_object_get(v, "attendance")) >= 4);
		json_decref(v);
	}
	reply_free(&r);
	c.json = 0;
	assert_int_equal(http_get(&c, "/groups/1/archive.pdf?from=2000-13-01",
	    &r), 422);
	reply_free(&r);
	/* Without a period: all of it, said so, and the first meeting on
	 * the title's page. */
	assert_int_equal(http_get(&c, "/groups/1/archive.pdf", &r), 200);
	text = pdf_page_text(&srv, &r, 1);
	assert_contains(text, "Over-50s Forum: all published minutes and "
	    "papers");
	assert_contains(text, "Where:");
	free(text);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_lacks(text, "1900");
	assert_lacks(text, "2199");
	assert_contains(text, "agreed to draft a proposal");
	/* The demo's paper at that meeting, drawn in. */
	assert_contains(text, "Paper: Over-50s survey: what members said, "
	    "circulated");
	assert_contains(text, "large-print canteen sheets.");
	free(text);
	/* The pack of the demo's second meeting: papers and last minutes. */
	snprintf(path, sizeof(path), "/meetings/%lld/pack.pdf",
	    db_scalar(&srv, "SELECT min(id) FROM meetings WHERE "
	    "group_id = 1 AND minutes_state = 'draft'"));
	assert_int_equal(http_get(&c, path, &r), 200);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_contains(text, "Meeting pack");
	assert_contains(text, "Healthcare update");
	assert_contains(text, "Minutes of the last meeting");
	free(text);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(minutes_go_from_draft_to_published),
		cmocka_unit_test(measures_and_the_archive),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
