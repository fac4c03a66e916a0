/*
 * Meetings before they are held: the agenda carries open action points
 * forward until they are closed, its items are added and reordered,
 * quorum is computed from attendance, and what a meeting's writers add
 * that is refused comes back as its form.
 */
#include "meetings_test.h"

static int
on_agenda(long long meeting, const char *title)
{
	char	 sql[256];

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM agenda_items WHERE "
	    "meeting_id = %lld AND kind = 'action' AND title = '%s'", meeting,
	    title);
	return (int)db_scalar(&srv, sql);
}

static void
open_action_points_ride_on_every_agenda(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], body[160];
	long long	 first, second, third, fourth, point;

	(void)state;
	as(&c, "member.forum");
	first = meeting_on(&c, "2027-01-05");
	snprintf(path, sizeof(path), "/meetings/%lld/action-points", first);
	snprintf(body, sizeof(body), "text=Fix+the+chapel+heating&owner_id=%lld"
	    "&due_on=2037-01-20", db_scalar(&srv, "SELECT id FROM accounts "
	    "WHERE username = 'coordinator.fenwick'"));
	submit_expect(&c, path, body, 303, &r);
	reply_free(&r);
	point = db_scalar(&srv, "SELECT max(id) FROM actions");
	second = meeting_on(&c, "2027-02-02");
	third = meeting_on(&c, "2027-03-02");
	assert_int_equal(on_agenda(second, "Fix the chapel heating"), 1);
	assert_int_equal(on_agenda(third, "Fix the chapel heating"), 1);
	/* Said as an action point in the reader's language, its English
	 * title marked as English. */
	snprintf(path, sizeof(path), "/meetings/%lld?lang=cy", third);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "<strong>Pwynt gweithredu: <span lang=\"en\">"
	    "Fix the chapel heating</span></strong>");
	assert_lacks(r.body, "Action point: ");
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld?lang=en", third);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "<strong>Action point: Fix the chapel "
	    "heating</strong>");
	reply_free(&r);
	/* Closed, it stops being carried forward. */
	{
		struct client	 staff;

		as(&staff, "coordinator.fenwick");
		snprintf(path, sizeof(path), "/actions/%lld/close", point);
		submit_expect(&staff, path, "evidence=New+boiler+fitted", 303, &r);
		assert_string_equal(r.location, "/groups/1/action-points");
		reply_free(&r);
		client_free(&staff);
	}
	fourth = meeting_on(&c, "2027-04-06");
	assert_int_equal(on_agenda(fourth, "Fix the chapel heating"), 0);
	/* Standing items come first, in the group's order. */
	snprintf(path, sizeof(path), "/meetings/%lld", fourth);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "Welcome and apologies");
	assert_true(strstr(r.body, "Welcome and apologies") <
	    strstr(r.body, "Any other business"));
	reply_free(&r);
	client_free(&c);
}

static void
agenda_items_are_added_and_reordered(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], sql[200];
	long long	 meeting, item;

	(void)state;
	as(&c, "member.forum");
	meeting = meeting_on(&c, "2027-05-04");
	snprintf(path, sizeof(path), "/meetings/%lld/agenda", meeting);
	assert_int_equal(http_post(&c, path, "title=Talk+from+the+library", 1,
	    &r), 303);
	reply_free(&r);
	item = db_scalar(&srv, "SELECT max(id) FROM agenda_items");
	snprintf(path, sizeof(path), "/agenda-items/%lld/up", item);
	assert_int_equal(http_post(&c, path, "", 1, &r), 303);
	reply_free(&r);
	snprintf(sql, sizeof(sql), "SELECT position = (SELECT max(position) "
	    "FROM agenda_items WHERE meeting_id = %lld) - 1 FROM agenda_items "
	    "WHERE id = %lld", meeting, item);
	assert_int_equal(db_scalar(&srv, sql), 1);
	snprintf(path, sizeof(path), "/agenda-items/%lld/down", item);
	assert_int_equal(http_post(&c, path, "", 1, &r), 303);
	reply_free(&r);
	/* Already last: it can go no further. */
	assert_int_equal(http_post(&c, path, "", 1, &r), 409);
	reply_free(&r);
	client_free(&c);
}

static void
quorum_follows_attendance(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], body[512], want[400];
	long long	 meeting;
	size_t		 len = 0;
	long long	 n = 0;

	(void)state;
	as(&c, "member.forum");
	meeting = meeting_on(&c, "2027-06-01");
	/* Six members: two present is not enough, three is. */
	snprintf(path, sizeof(path), "/meetings/%lld/attendance", meeting);
	assert_int_equal(http_get(&c, path, &r), 200);
	reply_free(&r);
	{
		char sql[200];

		snprintf(sql, sizeof(sql), "SELECT count(*) FROM memberships "
		    "WHERE group_id = 1 AND to_on IS NULL");
		n = db_scalar(&srv, sql);
	}
	assert_true(n >= 4);
	for (long long k = 0; k < 2; k++)
		len += (size_t)snprintf(body + len, sizeof(body) - len,
		    "%sperson_%lld=present", k ? "&" : "", db_scalar(&srv,
		    k ? "SELECT max(person_id) FROM memberships WHERE group_id = 1 "
		    "AND to_on IS NULL" : "SELECT min(person_id) FROM memberships "
		    "WHERE group_id = 1 AND to_on IS NULL"));
	assert_int_equal(http_post(&c, path, body, 1, &r), 303);
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld", meeting);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "Not quorate");
	reply_free(&r);
	/* A decision taken now stays marked. */
	snprintf(path, sizeof(path), "/meetings/%lld/decisions", meeting);
	assert_int_equal(http_post(&c, path, "text=Write+to+the+governor+about+"
	    "the+lift", 1, &r), 303);
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld", meeting);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "Write to the governor about the lift "
	    "<strong class=\"govuk-tag govuk-tag--red\">Taken without quorum");
	reply_free(&r);
	/* Everyone present now. */
	snprintf(path, sizeof(path), "/meetings/%lld/attendance", meeting);
	len = 0;
	{
		char	 sql[160];

		for (long long k = 0; k < n; k++) {
			snprintf(sql, sizeof(sql), "SELECT person_id FROM "
			    "memberships WHERE group_id = 1 AND to_on IS NULL "
			    "ORDER BY person_id LIMIT 1 OFFSET %lld",
			    (long long)k);
			len += (size_t)snprintf(body + len, sizeof(body) - len,
			    "%sperson_%lld=present", k ? "&" : "",
			    db_scalar(&srv, sql));
		}
	}
	assert_int_equal(http_post(&c, path, body, 1, &r), 303);
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld", meeting);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, ">Quorate<");
	reply_free(&r);
	/* A status that is not one of the three is refused. */
	snprintf(path, sizeof(path), "/meetings/%lld/attendance", meeting);
	snprintf(body, sizeof(body), "person_%lld=asleep", db_scalar(&srv,
	    "SELECT min(person_id) FROM memberships WHERE group_id = 1 AND "
	    "to_on IS NULL"));
	assert_int_equal(http_post(&c, path, body, 1, &r), 422);
	/* The form again, the error beside that member's box naming them
	 * (the summary too: a list of errors must say whose), what was sent
	 * kept. */
	{
		char	*who = db_text(&srv, "SELECT display_name FROM people "
		    "WHERE id = (SELECT min(person_id) FROM memberships WHERE "
		    "group_id = 1 AND to_on IS NULL)");

		assert_non_null(who);
		snprintf(want, sizeof(want), "<p id=\"person_%lld-error\" "
		    "class=\"govuk-error-message\"><span class=\""
		    "govuk-visually-hidden\">Error:</span> %s: choose present, "
		    "apologies or absent</p>", db_scalar(&srv, "SELECT "
		    "min(person_id) FROM memberships WHERE group_id = 1 AND "
		    "to_on IS NULL"), who);
		assert_contains(r.body, want);
		snprintf(want, sizeof(want), "\">%s: choose present, apologies "
		    "or absent</a>", who);
		assert_contains(r.body, want);
		free(who);
	}
	assert_contains(r.body, "govuk-select govuk-select--error\"");
	reply_free(&r);
	/* Guests with a control character: named beside the box, nothing
	 * stored. */
	assert_int_equal(http_post(&c, path, "guests=Chaplain%07", 1, &r), 422);
	assert_contains(r.body, "<a href=\"#guests\">Guests: there is a "
	    "hidden character that cannot be saved; remove it</a>");
	assert_contains(r.body, "govuk-textarea govuk-textarea--error\"");
	reply_free(&r);
	snprintf(want, sizeof(want), "SELECT count(*) FROM meetings WHERE id = "
	    "%lld AND guests LIKE 'Chaplain%%'", meeting);
	assert_int_equal(db_scalar(&srv, want), 0);
	client_free(&c);
}

/*
 * What a meeting's writers add from its page is a form of its own: an
 * empty decision, or one with a control character in it, comes back as
 * the form with the error beside the box, and nothing is stored; so
 * do an agenda item and a paper.
 */
static void
refused_additions_come_back_as_forms(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96];
	struct buf	 pdf;
	long long	 meeting, decisions, items, papers;

	(void)state;
	as(&c, "member.forum");
	meeting = meeting_on(&c, "2027-06-08");
	decisions = db_scalar(&srv, "SELECT count(*) FROM meeting_decisions");
	items = db_scalar(&srv, "SELECT count(*) FROM agenda_items");
	/* The meeting's page draws the agenda form from its fields: one box
	 * for the item, and the names box beside it, not a second box. */
	snprintf(path, sizeof(path), "/meetings/%lld?lang=en", meeting);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "for=\"title\">Agenda item</label>");
	assert_null(strstr(strstr(r.body, "id=\"title\"") + 1,
	    "id=\"title\""));
	assert_contains(r.body, "id=\"no_names\" name=\"no_names\"");
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld/decisions", meeting);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, ">Record a decision</h1>");
	reply_free(&r);
	assert_int_equal(http_post(&c, path, "text=", 1, &r), 422);
	assert_contains(r.body, "<a href=\"#text\">Enter a decision the "
	    "meeting took</a>");
	assert_contains(r.body, "<p id=\"text-error\" class=\""
	    "govuk-error-message\"><span class=\"govuk-visually-hidden\">"
	    "Error:</span> Enter a decision the meeting took</p>");
	/* The button names the meeting it records for. */
	assert_contains(r.body, ">Record the decision<span class=\"govuk-"
	    "visually-hidden\">: ");
	reply_free(&r);
	assert_int_equal(http_post(&c, path, "text=Paint+the%07wing", 1, &r),
	    422);
	assert_contains(r.body, "A decision the meeting took: there is "
	    "a hidden character that cannot be saved; remove it</p>");
	assert_contains(r.body, "govuk-input--error\" id=\"text\"");
	reply_free(&r);
	/* Welsh names the field in Welsh. */
	snprintf(path, sizeof(path), "/meetings/%lld/decisions?lang=cy",
	    meeting);
	assert_int_equal(http_post(&c, path, "text=", 1, &r), 422);
	assert_contains(r.body, ">Cofnodi penderfyniad</h1>");
	assert_contains(r.body, "Penderfyniad a wnaeth y cyfarfod</label>");
	assert_lacks(r.body, "Enter a decision");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "meeting_decisions"), decisions);
	snprintf(path, sizeof(path), "/meetings/%lld/agenda?lang=en", meeting);
	assert_int_equal(http_post(&c, path, "title=", 1, &r), 422);
	assert_contains(r.body, "<p id=\"title-error\" class=\""
	    "govuk-error-message\"><span class=\"govuk-visually-hidden\">"
	    "Error:</span> Enter agenda item</p>");
	reply_free(&r);
	assert_int_equal(http_post(&c, path, "title=Lift%1b", 1, &r), 422);
	assert_contains(r.body, "Agenda item: there is a hidden character "
	    "that cannot be saved; remove it</p>");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM agenda_items"),
	    items);
	/* A paper: its title is checked as any field, and a missing file
	 * is named beside its box. */
	snprintf(path, sizeof(path), "/meetings/%lld/papers?lang=en", meeting);
	papers = db_scalar(&srv, "SELECT count(*) FROM papers");
	paper_pdf(&pdf, UPLOAD_MAX, "Notes", 1);
	assert_int_equal(http_post_file(&c, path, "", "notes.pdf", pdf.data,
	    pdf.len, &r), 422);
	buf_release(&pdf);
	assert_contains(r.body, "<p id=\"title-error\" class=\""
	    "govuk-error-message\"><span class=\"govuk-visually-hidden\">"
	    "Error:</span> Enter paper title</p>");
	reply_free(&r);
	assert_int_equal(http_post_file(&c, path, "Notes\x01", "notes.pdf",
	    "x", 1, &r), 415);
	reply_free(&r);
	assert_int_equal(http_post_file(&c, path, "Notes\x01", "notes.pdf",
	    "", 0, &r), 422);
	assert_contains(r.body, "Paper title: there is a hidden character "
	    "that cannot be saved; remove it</p>");
	reply_free(&r);
	assert_int_equal(http_post_file(&c, path, "Notes", "notes.pdf", "", 0,
	    &r), 422);
	assert_contains(r.body, "<p id=\"file-error\" class=\""
	    "govuk-error-message\"><span class=\"govuk-visually-hidden\">"
	    "Error:</span> Choose a file to upload</p>");
	assert_contains(r.body, "for=\"file\">File (PDF, Word, OpenDocument, "
	    "PNG or JPEG)</label>");
	assert_contains(r.body, "aria-describedby=\"file-error\"");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM papers"),
	    papers);
	/* And good text is stored, back on the meeting's page. */
	snprintf(path, sizeof(path), "/meetings/%lld/decisions", meeting);
	assert_int_equal(http_post(&c, path, "text=Paint+the+wing", 1, &r),
	    303);
	assert_contains(r.location, "#decisions");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "meeting_decisions"), decisions + 1);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(open_action_points_ride_on_every_agenda),
		cmocka_unit_test(agenda_items_are_added_and_reordered),
		cmocka_unit_test(quorum_follows_attendance),
		cmocka_unit_test(refused_additions_come_back_as_forms),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
