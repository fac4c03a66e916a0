/*
 * Meetings: the agenda carries open action points forward until they
 * are closed, quorum is computed from attendance, minutes go from draft
 * to approved (at a later meeting) to published, and draft minutes stay
 * with the group that writes them.
 */
#include <sys/stat.h>
#include <jansson.h>
#include <time.h>
#include <unistd.h>

#define PW		"meeting-test-pw"
#include "http_test.h"
#include "db/db.h"
#include "limits.h"
#include "papers.h"
#include "util/date.h"

#define UPLOAD_MAX	262144	/* room for the papers the archive draws */
#define TEXT_OF(n)	#n
#define NUMBER_TEXT(n)	TEXT_OF(n)

static int
setup(void **state)
{
	static const char *const users[] = { "member.forum", "coordinator.fenwick",
	    "governor.fenwick", NULL };
	char	 args[160];

	(void)state;
	if (server_prepare(&srv, "[limits]\nupload_max = "
	    NUMBER_TEXT(UPLOAD_MAX)	    "\n") == -1)
		return -1;
	if (server_passwords(&srv, users, PW) == -1)
		return -1;
	/* A member of Westvale's council, another site's group. */
	snprintf(args, sizeof(args), "user add member.westvale --role member "
	    "--scope group:%lld --password-stdin", db_scalar(&srv,
	    "SELECT id FROM groups WHERE name = 'Westvale Community Council'"));
	if (roundtable_cli(&srv, args, PW "\n", NULL) != 0)
		return -1;
	return server_launch(&srv);
}

static long long
meeting_on(struct client *c, const char *date)
{
	char	 body[160];

	snprintf(body, sizeof(body), "kind=forum&held_on=%s&starts_at=14:00"
	    "&place=Chapel", date);
	return submit_created(c, "/groups/1/meetings/new", body, "/meetings/");
}

/* The person holding a position in the forum (group 1). */
static long long
officer(const char *position)
{
	char	 sql[160];

	snprintf(sql, sizeof(sql), "SELECT person_id FROM memberships WHERE "
	    "group_id = 1 AND position = '%s' AND to_on IS NULL", position);
	return db_scalar(&srv, sql);
}

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
	    "&due_on=2027-01-20", db_scalar(&srv, "SELECT id FROM accounts "
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
	/* The form again, the error beside that member's box, what was sent
	 * kept. */
	snprintf(want, sizeof(want), "<p id=\"person_%lld-error\" class=\""
	    "govuk-error-message\"><span class=\"govuk-visually-hidden\">"
	    "Error:</span> Choose present, apologies or absent</p>",
	    db_scalar(&srv, "SELECT min(person_id) FROM memberships WHERE "
	    "group_id = 1 AND to_on IS NULL"));
	assert_contains(r.body, want);
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
papers_are_checked_by_their_bytes(void **state)
{
	/* Only the magic bytes of a PDF, and random bytes after them. */
	static const char shell[] = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
	static const char junk[] = "%PDF-1.7\n\x8f\x13\xe2\x07\x99garbage\x01\x02";
	static const char html[] = "<html><script>alert(1)</script></html>";
	static const char png[] = "\211PNG\r\n\032\n0000";
	struct client	 member, westvale;
	struct reply	 r;
	struct buf	 pdf;
	char		 path[96], *big;
	long long	 soon, later, paper;
	char		 soon_date[DATE_CHARS + 1], today[DATE_CHARS + 1];

	(void)state;
	as(&member, "member.forum");
	as(&westvale, "member.westvale");
	date_today(time(NULL), today);
	date_add_days(today, 2, soon_date);
	soon = meeting_on(&member, soon_date);
	later = meeting_on(&member, "2027-12-07");
	snprintf(path, sizeof(path), "/meetings/%lld", soon);
	assert_int_equal(http_get(&member, path, &r), 200);
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld/papers", soon);
	paper_pdf(&pdf, UPLOAD_MAX, "Healthcare report", 1);
	assert_int_equal(http_post_file(&member, path, "Healthcare report",
	    "report.pdf", pdf.data, pdf.len, &r), 303);
	reply_free(&r);
	paper = db_scalar(&srv, "SELECT max(id) FROM papers");
	/* Its size as people read it, in either language. */
	snprintf(path, sizeof(path), "/meetings/%lld?lang=cy", soon);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, " KB, dosbarthwyd ");
	assert_lacks(r.body, " beit,");
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld?lang=en", soon);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, " KB, circulated ");
	assert_lacks(r.body, " bytes,");
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld/papers", soon);
	/* A PDF's or a picture's magic bytes are not enough: it must open
	 * (a PDF with pages). */
	{
		static const struct { const char *name, *bytes; size_t len; }
		    fakes[] = {
			{ "shell.pdf", shell, sizeof(shell) - 1 },
			{ "junk.pdf", junk, sizeof(junk) - 1 },
			{ "photo.png", png, sizeof(png) - 1 },
		};

		for (size_t i = 0; i < sizeof(fakes) / sizeof(fakes[0]); i++) {
			assert_int_equal(http_post_file(&member, path, "Fake",
			    fakes[i].name, fakes[i].bytes, fakes[i].len, &r),
			    415);
			reply_free(&r);
		}
	}
	/* Disguised or unknown files are refused. */
	assert_int_equal(http_post_file(&member, path, "Sneaky", "agenda.pdf",
	    html, sizeof(html) - 1, &r), 415);
	reply_free(&r);
	assert_int_equal(http_post_file(&member, path, "Picture", "photo.pdf",
	    png, sizeof(png) - 1, &r), 415);
	reply_free(&r);
	assert_int_equal(http_post_file(&member, path, "Program", "run.exe",
	    "MZ\220\0", 4, &r), 415);
	reply_free(&r);
	/* Over the upload limit. */
	big = calloc(1, 2 * UPLOAD_MAX);
	memcpy(big, "%PDF-", 5);
	assert_int_equal(http_post_file(&member, path, "Big", "big.pdf", big,
	    2 * UPLOAD_MAX, &r), 413);
	reply_free(&r);
	free(big);
	/* Files go only where a route takes them. */
	snprintf(path, sizeof(path), "/meetings/%lld/agenda", soon);
	assert_int_equal(http_post_file(&member, path, "Item", "x.pdf",
	    pdf.data, pdf.len, &r), 415);
	reply_free(&r);
	{
		char sql[96];

		snprintf(sql, sizeof(sql), "SELECT count(*) FROM papers WHERE "
		    "meeting_id = %lld", soon);
		assert_int_equal(db_scalar(&srv, sql), 1);
	}
	/* A meeting whose minutes are published has a closed record. */
	{
		long long	 published = db_scalar(&srv, "SELECT min(id) FROM "
		    "meetings WHERE group_id = 1 AND minutes_state = "
		    "'published'");
		long long	 before = db_scalar(&srv, "SELECT count(*) FROM "
		    "papers");

		snprintf(path, sizeof(path), "/meetings/%lld/papers",
		    published);
		assert_int_equal(http_post_file(&member, path, "Afterthought",
		    "late.pdf", pdf.data, pdf.len, &r), 409);
		reply_free(&r);
		assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM papers"),
		    before);
	}
	/* Two days before a meeting with a week's notice: late. */
	snprintf(path, sizeof(path), "/meetings/%lld", soon);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "Healthcare report");
	assert_contains(r.body, ">Late<");
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld/papers", later);
	assert_int_equal(http_get(&member, "/groups/1/meetings", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post_file(&member, path, "Early paper",
	    "early.pdf", pdf.data, pdf.len, &r), 303);
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld", later);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "Early paper");
	assert_lacks(r.body, ">Late<");
	reply_free(&r);
	/* A download, named by us; not for another site's group. */
	snprintf(path, sizeof(path), "/papers/%lld", paper);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_string_equal(r.content_type, "application/pdf");
	assert_int_equal(r.len, pdf.len);
	assert_memory_equal(r.body, pdf.data, pdf.len);
	reply_free(&r);
	assert_int_equal(http_get(&westvale, path, &r), 403);
	reply_free(&r);
	buf_release(&pdf);
	client_free(&member);
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

static void
upload(struct client *c, long long meeting, const char *title,
    const char *filename, const void *data, size_t len)
{
	struct reply	 r;
	char		 path[64];

	snprintf(path, sizeof(path), "/meetings/%lld/papers", meeting);
	if (http_post_file(c, path, title, filename, data, len, &r) != 303)
		print_error("upload %s: %ld %.600s\n", filename, r.status,
		    r.body);
	assert_int_equal(r.status, 303);
	reply_free(&r);
}

/* Overwrites the newest paper's bytes, as if stored before uploads were
 * opened to check them. */
static void
damage_last_paper(const void *data, size_t len)
{
	struct db	 db;

	assert_int_equal(db_open(&db, srv.db, 5000), 0);
	assert_int_equal(db_exec(&db, "UPDATE papers SET data = ?, size = ? "
	    "WHERE id = (SELECT max(id) FROM papers)", "bi", DB_BLOB(data, len),
	    (int64_t)len), DB_OK);
	db_close(&db);
}

/* Approved at a later meeting by the secretary and vice chair, then
 * published by staff. */
static void
publish(struct client *member, struct client *staff, long long meeting,
    long long later)
{
	struct reply	 r;
	char		 path[64], body[128];

	snprintf(path, sizeof(path), "/meetings/%lld/approve", meeting);
	snprintf(body, sizeof(body), "approved_at=%lld&proposed_by=%lld"
	    "&seconded_by=%lld", later, officer("secretary"),
	    officer("vice_chair"));
	submit_expect(member, path, body, 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld/publish", meeting);
	post_expect(staff, path, "", 303, &r);
	reply_free(&r);
}

/*
 * The archive draws the papers themselves: a PDF's own pages (its text
 * can be read back), a picture on a page of its own, a note for a Word
 * paper and for a damaged PDF, and a long paper cut at the limit.
 */
static void
the_archive_draws_the_papers(void **state)
{
	static const char docx[] = "PK\003\004\024\0\0\0\0\0word/document.xml";
	static const char broken[] = "%PDF-1.7\n1 0 obj << /Type /Catalog "
	    "/Pages 9 0 R >>\nthis is not the rest of a PDF\n";
	struct client	 member, staff;
	struct reply	 r;
	struct buf	 rota, report, png;
	char		 path[96], *text;
	long long	 meeting, docx_id;
	long		 minutes_pages;

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	meeting = meeting_on(&member, "2027-09-07");
	paper_pdf(&rota, UPLOAD_MAX, "The rota starts on Monday with the top "
	    "landing.", 2);
	paper_pdf(&report, UPLOAD_MAX, "A long report.",
	    ARCHIVE_PAPER_PAGES_MAX + 2);
	paper_png(&png, UPLOAD_MAX, 160, 90);
	upload(&member, meeting, "Wing cleaning rota", "rota.pdf", rota.data,
	    rota.len);
	upload(&member, meeting, "Garden plan", "garden.png", png.data,
	    png.len);
	upload(&member, meeting, "Terms draft", "terms.docx", docx,
	    sizeof(docx) - 1);
	docx_id = db_scalar(&srv, "SELECT max(id) FROM papers");
	/* A damaged PDF is refused at the door now; one stored before
	 * that check (made here by damaging a stored one) gets a note. */
	{
		char	 path2[64];

		snprintf(path2, sizeof(path2), "/meetings/%lld/papers", meeting);
		assert_int_equal(http_post_file(&member, path2, "Broken",
		    "budget.pdf", broken, sizeof(broken) - 1, &r), 415);
		reply_free(&r);
	}
	upload(&member, meeting, "Broken budget", "budget.pdf", rota.data,
	    rota.len);
	damage_last_paper(broken, sizeof(broken) - 1);
	upload(&member, meeting, "Long report", "report.pdf", report.data,
	    report.len);
	buf_release(&rota);
	buf_release(&report);
	buf_release(&png);
	publish(&member, &staff, meeting, meeting_on(&member, "2027-10-05"));

	snprintf(path, sizeof(path), "/meetings/%lld/minutes.pdf", meeting);
	assert_int_equal(http_get(&member, path, &r), 200);
	minutes_pages = pdf_pages(&srv, &r);
	assert_true(minutes_pages >= 1);
	/* A meeting without a chair has no empty "Chair:" row. */
	text = pdf_text(&srv, &r);
	assert_contains(text, "Where:");
	assert_lacks(text, "Chair");
	free(text);
	reply_free(&r);
	assert_int_equal(http_get(&member, "/groups/1/archive.pdf?"
	    "from=2027-09-07&to=2027-09-07", &r), 200);
	assert_string_equal(r.content_type, "application/pdf");
	/* The title and the minutes, the rota's two pages, the picture,
	 * one page of notes (the Word paper, the broken one) and the long
	 * report up to the limit. */
	assert_int_equal(pdf_pages(&srv, &r), minutes_pages + 2 + 1 + 1 +
	    ARCHIVE_PAPER_PAGES_MAX);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_contains(text, "The rota starts on Monday with the top landing.");
	assert_contains(text, "Paper: Wing cleaning rota, circulated");
	assert_contains(text, "page 2 of 2");
	assert_contains(text, "Paper: Garden plan, circulated");
	assert_contains(text, "Paper: Terms draft");
	assert_contains(text, "It is a Word document");
	snprintf(path, sizeof(path), "/papers/%lld.", docx_id);
	assert_contains(text, path);
	assert_contains(text, "Paper: Broken budget");
	assert_contains(text, "It could not be drawn");
	assert_contains(text, "A long report.");
	snprintf(path, sizeof(path), "page %d of %d. The archive holds its "
	    "pages up to page %d;", ARCHIVE_PAPER_PAGES_MAX,
	    ARCHIVE_PAPER_PAGES_MAX + 2, ARCHIVE_PAPER_PAGES_MAX);
	assert_contains(text, path);
	snprintf(path, sizeof(path), "page %d of", ARCHIVE_PAPER_PAGES_MAX + 1);
	assert_lacks(text, path);
	free(text);
	/* In Welsh: the captions and the notes on the papers too; the
	 * papers' own titles as written. */
	assert_int_equal(http_get(&member, "/groups/1/archive.pdf?"
	    "from=2027-09-07&to=2027-09-07&lang=cy", &r), 200);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_contains(text, "Papur: Wing cleaning rota, dosbarthwyd");
	assert_contains(text, "tudalen 2 o 2");
	assert_contains(text, "Dogfen Word ydyw");
	assert_contains(text, "Nid oedd modd ei argraffu");
	assert_lacks(text, "Paper:");
	assert_lacks(text, "circulated");
	assert_lacks(text, "It could not be drawn");
	free(text);
	assert_int_equal(http_get(&member, "/groups/1/archive.pdf?"
	    "from=2027-09-07&to=2027-09-07&lang=en", &r), 200);
	reply_free(&r);
	/* The server lived through it. */
	assert_int_equal(http_get(&member, "/healthz", &r), 200);
	reply_free(&r);
	client_free(&member);
	client_free(&staff);
}

/* Restarts the server with line added to its [limits] (the config's
 * last section) or, for NULL, with the config it was set up with. */
static void
restart_with_limit(const char *line)
{
	static off_t	 original = -1;
	struct stat	 st;
	FILE		*f;

	assert_int_equal(server_halt(&srv), 0);
	if (original == -1) {
		assert_int_equal(stat(srv.config, &st), 0);
		original = st.st_size;
	}
	if (line == NULL) {
		assert_int_equal(truncate(srv.config, original), 0);
	} else {
		assert_non_null(f = fopen(srv.config, "a"));
		fprintf(f, "%s\n", line);
		fclose(f);
	}
	assert_int_equal(server_launch(&srv), 0);
}

/* Near the response's ceiling (page_max), a paper too big for the room
 * left gets a note, a small one after it is still drawn, and the
 * archive comes out rather than failing. */
static void
the_archive_stays_within_page_max(void **state)
{
	struct client	 member, staff;
	struct reply	 r;
	struct buf	 pack, map;
	char		*text;
	long long	 meeting;

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	meeting = meeting_on(&member, "2027-11-02");
	paper_pdf(&pack, UPLOAD_MAX, "Every landing, every wing, every "
	    "cell: the whole of the big pack of papers, again and again. "
	    "Every landing, every wing, every cell: the whole of it.", 30);
	/* Counted at its growth, it does not fit under 64 KiB. */
	assert_true(pack.len * ARCHIVE_PAPER_GROWTH >
	    65536 / 100 * ARCHIVE_FULL_PERCENT);
	paper_png(&map, UPLOAD_MAX, 40, 30);
	upload(&member, meeting, "Big pack", "pack.pdf", pack.data, pack.len);
	upload(&member, meeting, "Small map", "map.png", map.data, map.len);
	buf_release(&pack);
	buf_release(&map);
	publish(&member, &staff, meeting, meeting_on(&member, "2027-11-30"));
	client_free(&staff);
	client_free(&member);

	restart_with_limit("page_max = 65536");
	as(&member, "member.forum");
	assert_int_equal(http_get(&member, "/groups/1/archive.pdf?"
	    "from=2027-11-02&to=2027-11-02", &r), 200);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_contains(text, "Paper: Big pack");
	assert_contains(text, "It is not drawn here: this archive has reached "
	    "its limit");
	assert_lacks(text, "again and again");
	assert_contains(text, "Paper: Small map, circulated");
	free(text);
	client_free(&member);
	restart_with_limit(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(open_action_points_ride_on_every_agenda),
		cmocka_unit_test(agenda_items_are_added_and_reordered),
		cmocka_unit_test(quorum_follows_attendance),
		cmocka_unit_test(refused_additions_come_back_as_forms),
		cmocka_unit_test(minutes_go_from_draft_to_published),
		cmocka_unit_test(papers_are_checked_by_their_bytes),
		cmocka_unit_test(measures_and_the_archive),
		cmocka_unit_test(the_archive_draws_the_papers),
		cmocka_unit_test(the_archive_stays_within_page_max),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
