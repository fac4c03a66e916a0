/*
 * The membership lifecycle through HTTP: the recruitment pipeline (every
 * step and a refused one, clearance as a status and date), supervision
 * notes hidden from the person supervised and from other staff, due dates
 * at month ends, training and certificates, leaving well (actions handed
 * on, roles ended, the thank-you letter), and expenses from claim to paid
 * with the finance export as CSV (formulas neutralised) and XLSX (a real
 * workbook: unzipped and its sheet read).
 */
#include <jansson.h>
#include <time.h>

#define PW	"membership-test-pw"
#include "http_test.h"
#include "util/date.h"

static char	 today[DATE_CHARS + 1];

static long long
scalar(const char *fmt, ...)
{
	char	 sql[512];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof(sql), fmt, ap);
	va_end(ap);
	return db_scalar(&srv, sql);
}

static long long
person_id(const char *name)
{
	return scalar("SELECT id FROM people WHERE display_name = '%s'", name);
}

static long long
rep_team(void)
{
	return scalar("SELECT id FROM groups WHERE name = 'Wellbeing Rep Team'");
}

static int
setup(void **state)
{
	static const char *const users[] = { "coordinator.fenwick",
	    "rep.fenwick", "member.forum", "coordinator.westvale", NULL };
	char	 args[200];

	(void)state;
	date_today(time(NULL), today);
	if (server_prepare(&srv, NULL) == -1 ||
	    server_passwords(&srv, users, PW) == -1)
		return -1;
	/* Staff at Fenwick who are not coordinators, and Gary's own
	 * account (he is supervised, and he will leave). */
	if (roundtable_cli(&srv, "user add admin.fenwick --role admin "
	    "--scope site:1 --password-stdin", PW "\n", NULL) != 0)
		return -1;
	snprintf(args, sizeof(args), "user add gary --role rep --scope site:1 "
	    "--person %lld --password-stdin", person_id("Gary"));
	if (roundtable_cli(&srv, args, PW "\n", NULL) != 0)
		return -1;
	return server_launch(&srv);
}

static void
get_expect(struct client *c, const char *path, long want, struct reply *r)
{
	if (http_get(c, path, r) != want)
		print_error("GET %s: %ld\n%.1200s\n", path, r->status, r->body);
	assert_int_equal(r->status, want);
}

/* The database is as fingerprinted in before (which is freed). */
static void
assert_unchanged(char *before)
{
	char	*after = db_fingerprint(srv.db);

	assert_non_null(before);
	assert_non_null(after);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

/* The form at path refuses body, naming field in its error summary.
 * Posted without reading the form first: reading a person's forms is
 * audited, and callers compare the database before and after. */
static void
form_refused(struct client *c, const char *path, const char *body,
    const char *field)
{
	struct reply	 r;
	char		 href[64];

	snprintf(href, sizeof(href), "href=\"#%s\"", field);
	post_expect(c, path, body, 422, &r);
	assert_contains(r.body, href);
	reply_free(&r);
}

/* The form at path takes body and redirects. */
static void
form_saved(struct client *c, const char *path, const char *body)
{
	struct reply	 r;

	submit_expect(c, path, body, 303, &r);
	reply_free(&r);
}

/* user may not open path: 403. */
static void
refused_to(const char *user, const char *path)
{
	struct client	 c;
	struct reply	 r;

	as(&c, user);
	get_expect(&c, path, 403, &r);
	reply_free(&r);
	client_free(&c);
}

static void
move(struct client *c, long long recruit, const char *body, long want)
{
	struct reply	 r;
	char		 path[64];

	snprintf(path, sizeof(path), "/recruits/%lld/move", recruit);
	post_expect(c, path, body, want, &r);	/* see form_refused */
	reply_free(&r);
}

static void
the_pipeline_moves_step_by_step(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64], body[200], *before;
	long long	 g = rep_team(), dennis = person_id("Dennis"), id;

	(void)state;
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/groups/%lld/pipeline", g);
	get_expect(&c, path, 200, &r);
	/* The demo: Kevin checked, Gary due for release and shadowed. */
	assert_contains(r.body, "Kevin");
	assert_contains(r.body, "Eligibility checked");
	assert_contains(r.body, "Cleared (");
	assert_contains(r.body, "Gary (Wellbeing rep): Release");
	assert_contains(r.body, "Kevin shadows Gary");
	assert_contains(r.body, "Wellbeing rep: 3 of 4 filled");
	reply_free(&r);

	/* Kevin is checked and cleared.  No later step records a clearance,
	 * so "not cleared" can never walk on into the group. */
	snprintf(path, sizeof(path), "/recruits/%lld/move", scalar("SELECT id "
	    "FROM recruits WHERE person_id = %lld", person_id("Kevin")));
	before = db_fingerprint(srv.db);
	snprintf(body, sizeof(body), "event=induct&clearance=not_cleared"
	    "&clearance_on=%s", today);
	form_refused(&c, path, body, "clearance");
	form_refused(&c, path, "event=induct&clearance=not_cleared",
	    "clearance");
	snprintf(body, sizeof(body), "event=check&clearance=cleared"
	    "&clearance_on=%s", today);
	form_refused(&c, path, body, "event");	/* checked once only */
	assert_unchanged(before);
	assert_int_equal(scalar("SELECT count(*) FROM recruits r JOIN people p "
	    "ON p.id = r.person_id WHERE p.display_name = 'Kevin' AND "
	    "r.stage = 'checked' AND r.clearance = 'cleared'"), 1);

	snprintf(path, sizeof(path), "/groups/%lld/pipeline/new", g);
	snprintf(body, sizeof(body), "person_id=%lld&position=wellbeing_rep"
	    "&referred_by=self", dennis);
	form_saved(&c, path, body);
	id = scalar("SELECT id FROM recruits WHERE person_id = %lld", dennis);
	assert_true(id > 0);
	/* Once in the pipeline: not offered, refused if sent. */
	form_refused(&c, path, body, "person_id");

	/* Skipping a stage, an unknown step, and the check without a
	 * clearance are refused and change nothing. */
	before = db_fingerprint(srv.db);
	move(&c, id, "event=induct", 422);
	move(&c, id, "event=promote", 422);
	move(&c, id, "event=apply&clearance=cleared", 422);
	assert_unchanged(before);
	move(&c, id, "event=apply", 303);
	move(&c, id, "event=check", 422);
	move(&c, id, "event=check&clearance=pending&clearance_on=2026-11-01",
	    422);
	snprintf(body, sizeof(body), "event=check&clearance=cleared"
	    "&clearance_on=%s", today);
	move(&c, id, body, 303);
	move(&c, id, "event=activate", 422);
	move(&c, id, "event=induct", 303);
	move(&c, id, "event=train", 303);
	move(&c, id, "event=activate", 303);
	move(&c, id, "event=activate", 422);
	assert_int_equal(scalar("SELECT count(*) FROM memberships WHERE "
	    "person_id = %lld AND group_id = %lld AND position = "
	    "'wellbeing_rep' AND to_on IS NULL", dennis, g), 1);
	assert_int_equal(scalar("SELECT count(*) FROM recruit_events WHERE "
	    "recruit_id = %lld", id), 6);
	assert_int_equal(scalar("SELECT count(*) FROM audit WHERE action LIKE "
	    "'recruit.%%' AND entity_id = %lld", id), 6);
	/* The place is filled: no wellbeing rep vacancy now. */
	snprintf(path, sizeof(path), "/groups/%lld/pipeline", g);
	get_expect(&c, path, 200, &r);
	assert_contains(r.body, "Wellbeing rep: 4 of 4 filled");
	reply_free(&r);

	/* More places wanted open a vacancy; a count must be a number. */
	snprintf(path, sizeof(path), "/groups/%lld/posts", g);
	form_refused(&c, path, "position=wellbeing_rep&places=many", "places");
	form_saved(&c, path, "position=wellbeing_rep&places=5");

	/* Dennis shadows Harold, who is due to be transferred. */
	snprintf(path, sizeof(path), "/people/%lld/expected-leaving",
	    person_id("Harold"));
	form_refused(&c, path, "expected_leave_on=2026-12-01", "expected_leave_reason");
	snprintf(body, sizeof(body), "expected_leave_on=%s"
	    "&expected_leave_reason=transfer", today);
	form_saved(&c, path, body);
	snprintf(path, sizeof(path), "/groups/%lld/shadowing/new", g);
	snprintf(body, sizeof(body), "learner_id=%lld&mentor_id=%lld"
	    "&from_on=%s", dennis, dennis, today);
	form_refused(&c, path, body, "mentor_id");
	snprintf(body, sizeof(body), "learner_id=%lld&mentor_id=%lld"
	    "&from_on=%s", dennis, person_id("Harold"), today);
	form_saved(&c, path, body);
	snprintf(path, sizeof(path), "/groups/%lld/pipeline", g);
	get_expect(&c, path, 200, &r);
	assert_contains(r.body, "Wellbeing rep: 4 of 5 filled");
	assert_contains(r.body, "Harold (Wellbeing rep): Transfer on");
	assert_contains(r.body, "Dennis shadows Harold");
	reply_free(&r);
	snprintf(path, sizeof(path), "/shadowing/%lld/end", scalar("SELECT id "
	    "FROM shadowing WHERE learner_id = %lld", dennis));
	post_expect(&c, path, "", 303, &r);
	reply_free(&r);
	post_expect(&c, path, "", 409, &r);
	reply_free(&r);
	client_free(&c);

	/* The pipeline names people: staff only. */
	snprintf(path, sizeof(path), "/groups/%lld/pipeline", g);
	refused_to("rep.fenwick", path);
}

/* The page at path says the supervision interval as words. */
static void
interval_in_welsh(struct client *c, const char *path, const char *words)
{
	struct reply	 r;

	get_expect(c, path, 200, &r);
	assert_contains(r.body, words);
	reply_free(&r);
}

static void
supervision_notes_reach_only_supervisor_and_coordinator(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64], body[200];
	long long	 gary = person_id("Gary"), coordinator;

	(void)state;
	coordinator = scalar("SELECT id FROM accounts WHERE username = "
	    "'coordinator.fenwick'");
	as(&c, "coordinator.fenwick");
	/* The demo's last supervision of Gary was 45 days ago. */
	get_expect(&c, "/supervision/overdue", 200, &r);
	assert_contains(r.body, "Gary");
	/* The interval counted in words (the demo's is a month), never
	 * "month(s)". */
	assert_contains(r.body, "(every month by default)");
	assert_lacks(r.body, "(s)");
	reply_free(&r);
	interval_in_welsh(&c, "/supervision/overdue?lang=cy",
	    "(bob mis fel arfer)");
	snprintf(path, sizeof(path), "/people/%lld/supervision?lang=cy", gary);
	interval_in_welsh(&c, path, "yn ddyledus bob mis oni bai");
	snprintf(path, sizeof(path), "/people/%lld/supervision/new", gary);
	snprintf(body, sizeof(body), "held_on=2026-01-31&next_due_on=2026-01-30"
	    "&supervisor_id=%lld", coordinator);
	form_refused(&c, path, body, "next_due_on");
	snprintf(body, sizeof(body), "held_on=2199-01-31&supervisor_id=%lld",
	    coordinator);
	form_refused(&c, path, body, "held_on");
	snprintf(body, sizeof(body), "held_on=2026-01-31&notes=SECRET-NOTE-"
	    "JAN&supervisor_id=%lld", coordinator);
	form_saved(&c, path, body);
	/* Monthly by default, clamped at the month end. */
	assert_int_equal(scalar("SELECT count(*) FROM supervisions WHERE "
	    "held_on = '2026-01-31' AND next_due_on = '2026-02-28'"), 1);
	snprintf(body, sizeof(body), "held_on=%s&notes=SECRET-NOTE-NOW"
	    "&supervisor_id=%lld", today, coordinator);
	form_saved(&c, path, body);
	snprintf(path, sizeof(path), "/people/%lld/supervision", gary);
	get_expect(&c, path, 200, &r);
	assert_contains(r.body, "SECRET-NOTE-JAN");
	assert_contains(r.body, "Finding the wing visits tiring");
	reply_free(&r);
	get_expect(&c, "/supervision/overdue", 200, &r);
	assert_lacks(r.body, "Gary");
	reply_free(&r);
	client_free(&c);

	/* Other staff: the page, but no notes, by HTML or JSON. */
	as(&c, "admin.fenwick");
	get_expect(&c, path, 200, &r);
	assert_lacks(r.body, "SECRET-NOTE");
	assert_lacks(r.body, "Finding the wing visits tiring");
	assert_contains(r.body, "31 January 2026");
	reply_free(&r);
	c.json = 1;
	get_expect(&c, path, 200, &r);
	assert_lacks(r.body, "SECRET-NOTE");
	assert_contains(r.body, "may_read_notes");
	reply_free(&r);
	client_free(&c);

	/* The person supervised sees their dates, never the notes. */
	as(&c, "gary");
	get_expect(&c, path, 403, &r);
	reply_free(&r);
	get_expect(&c, "/account/supervision", 200, &r);
	assert_contains(r.body, "31 January 2026");
	assert_lacks(r.body, "SECRET-NOTE");
	reply_free(&r);
	c.json = 1;
	get_expect(&c, "/account/supervision", 200, &r);
	assert_lacks(r.body, "SECRET-NOTE");
	reply_free(&r);
	client_free(&c);

	/* Another site's coordinator: nothing. */
	refused_to("coordinator.westvale", path);
}

static void
training_is_recorded_and_certified(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 body[200], path[64], *text;
	long long	 course, session, harold = person_id("Harold"), id;

	(void)state;
	course = scalar("SELECT id FROM courses WHERE name = 'Governance'");
	as(&c, "coordinator.fenwick");
	get_expect(&c, "/sites/1/training", 200, &r);
	assert_contains(r.body, "Accredited rep training");
	assert_contains(r.body, "Mental-health awareness");
	assert_contains(r.body, "Gary");
	reply_free(&r);
	snprintf(body, sizeof(body), "course_id=%lld&held_on=2026-01-31"
	    "&place=Chapel&trainer=Board+secretary", course);
	session = submit_created(&c, "/sites/1/sessions/new", body,
	    "/sessions/");
	snprintf(path, sizeof(path), "/sessions/%lld/completions", session);
	/* Another course than the session's, or someone at another site,
	 * is refused. */
	snprintf(body, sizeof(body), "person_id=%lld&course_id=%lld"
	    "&completed_on=2026-01-31", harold, course + 1);
	form_refused(&c, path, body, "course_id");
	snprintf(body, sizeof(body), "person_id=%lld&course_id=%lld"
	    "&completed_on=2199-01-31", harold, course);
	form_refused(&c, path, body, "completed_on");
	snprintf(body, sizeof(body), "person_id=%lld&course_id=%lld"
	    "&completed_on=2026-01-31", person_id("Sam"), course);
	form_refused(&c, path, body, "person_id");
	snprintf(body, sizeof(body), "person_id=%lld&course_id=%lld"
	    "&completed_on=2026-01-31&accreditation=Board+level+1"
	    "&graduation=1", harold, course);
	form_saved(&c, path, body);
	id = scalar("SELECT id FROM completions WHERE session_id = %lld",
	    session);
	/* Governance renews after 36 months. */
	assert_int_equal(scalar("SELECT count(*) FROM completions WHERE id = "
	    "%lld AND renew_on = '2029-01-31' AND graduation = 1", id), 1);
	snprintf(path, sizeof(path), "/completions/%lld/certificate.pdf", id);
	get_expect(&c, path, 200, &r);
	assert_string_equal(r.content_type, "application/pdf");
	text = pdf_text(&srv, &r);
	assert_contains(text, "Certificate of graduation");
	assert_contains(text, "Harold");
	assert_contains(text, "Governance");
	assert_contains(text, "Board level 1");
	free(text);
	reply_free(&r);
	/* In Welsh, with the dates' months in it; large for everyone. */
	snprintf(path, sizeof(path), "/completions/%lld/certificate.pdf?"
	    "lang=cy", id);
	get_expect(&c, path, 200, &r);
	assert_true(pdf_smallest_font(&srv, &r) >= 16);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Tystysgrif graddio");
	assert_contains(text, "Tystir bod");
	assert_contains(text, "Harold");
	assert_contains(text, "31 Ionawr 2026");
	assert_contains(text, "Adnewyddu erbyn");
	assert_contains(text, "Llofnod");
	assert_lacks(text, "Certificate");
	assert_lacks(text, "certify");
	assert_lacks(text, "January");
	assert_lacks(text, "Signed");
	free(text);
	reply_free(&r);
	/* The choice is kept (the rt_lang cookie) until changed back. */
	snprintf(path, sizeof(path), "/completions/%lld/certificate.pdf?"
	    "lang=en", id);
	get_expect(&c, path, 200, &r);
	reply_free(&r);
	refused_to("coordinator.westvale", path);
	/* Every certificate of the session in one PDF, a page each. */
	snprintf(path, sizeof(path), "/sessions/%lld/completions", session);
	snprintf(body, sizeof(body), "person_id=%lld&course_id=%lld"
	    "&completed_on=2026-01-31", person_id("Gary"), course);
	form_saved(&c, path, body);
	snprintf(path, sizeof(path), "/sessions/%lld", session);
	get_expect(&c, path, 200, &r);
	assert_contains(r.body, "Print every certificate for this session");
	reply_free(&r);
	snprintf(path, sizeof(path), "/sessions/%lld/certificates.pdf", session);
	get_expect(&c, path, 200, &r);
	assert_string_equal(r.content_type, "application/pdf");
	assert_int_equal(pdf_pages(&srv, &r), 2);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Harold");
	assert_contains(text, "Gary");
	free(text);
	reply_free(&r);
	client_free(&c);
	refused_to("coordinator.westvale", path);
}

/* A whole 1 by 1 PNG: receipts must open as pictures. */
static const unsigned char png[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
	0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
	0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
	0x0b, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x00, 0x02, 0x00,
	0x00, 0x05, 0x00, 0x01, 0x7a, 0x5e, 0xab, 0x3f, 0x00, 0x00, 0x00, 0x00,
	0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* Claims as the signed-in user; returns the new claim's id, or 0 after
 * checking a refusal's page holds want_error. */
static long long
claim(struct client *c, const char *amount, const char *filename,
    const void *data, size_t len, long want, const char *want_error)
{
	char		 group[32];
	const char	*fields[] = { "group_id", group, "kind", "travel",
	    "description", "=HYPERLINK(\"http://x.example\",\"Bus\")",
	    "amount", amount, "incurred_on", today, NULL };
	struct reply	 r;
	long long	 id = 0;

	snprintf(group, sizeof(group), "%lld", rep_team());
	http_get(c, "/expenses/new", &r);
	reply_free(&r);
	if (http_post_files(c, "/expenses/new", fields, "receipt", filename,
	    data, len, &r) != want)
		print_error("claim: %ld\n%.1200s\n", r.status, r.body);
	assert_int_equal(r.status, want);
	if (want == 303)
		id = strtoll(r.location + strlen("/expenses/"), NULL, 10);
	else
		assert_contains(r.body, want_error);
	reply_free(&r);
	return id;
}

/* The first file in the workbook's zip as unzip reads it: malloc'd. */
static char *
xlsx_sheet(const struct reply *r)
{
	char	 path[400], cmd[512];
	FILE	*f;
	char	*out;
	size_t	 n;

	snprintf(path, sizeof(path), "%s/export.xlsx", srv.dir);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(r->body, 1, r->len, f), r->len);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "unzip -p '%s' xl/worksheets/sheet1.xml",
	    path);
	assert_non_null(f = popen(cmd, "r"));
	out = calloc(1, 1 << 20);
	n = fread(out, 1, (1 << 20) - 1, f);
	assert_int_equal(pclose(f), 0);
	assert_true(n > 0);
	return out;
}

static void
expenses_go_from_claim_to_paid_and_export(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64], *sheet, *unchanged, want[96];
	long long	 id, before, total;

	(void)state;
	as(&c, "rep.fenwick");
	before = scalar("SELECT count(*) FROM expense_claims");
	claim(&c, "12.505", "bus.png", png, sizeof(png), 422,
	    "href=\"#amount\"");
	claim(&c, "12.50", "bus.png", "<html>", 6, 422, "href=\"#receipt\"");
	/* A receipt must open as what it says, not only start like it. */
	claim(&c, "12.50", "bus.pdf", "%PDF-1.4\n\x8f\x13garbage", 19, 422,
	    "href=\"#receipt\"");
	claim(&c, "12.50", "bus.png", "\211PNG\r\n\032\n0000", 12, 422,
	    "href=\"#receipt\"");
	claim(&c, "0", NULL, NULL, 0, 422, "href=\"#amount\"");
	assert_int_equal(scalar("SELECT count(*) FROM expense_claims"), before);
	id = claim(&c, "12.50", "bus.png", png, sizeof(png), 303, NULL);
	assert_int_equal(scalar("SELECT amount_pence FROM expense_claims "
	    "WHERE id = %lld", id), 1250);
	snprintf(path, sizeof(path), "/expenses/%lld/receipt", id);
	get_expect(&c, path, 200, &r);
	assert_string_equal(r.content_type, "image/png");
	reply_free(&r);
	get_expect(&c, "/expenses", 200, &r);
	assert_contains(r.body, "£12.50");
	assert_contains(r.body, "Waiting for a decision");
	assert_lacks(r.body, ": submitted<");
	reply_free(&r);
	get_expect(&c, "/expenses.csv", 403, &r);
	reply_free(&r);
	client_free(&c);

	/* Someone else's claim: not theirs to see, in a page or a list. */
	as(&c, "member.forum");
	snprintf(path, sizeof(path), "/expenses/%lld", id);
	get_expect(&c, path, 403, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/expenses/%lld/receipt", id);
	get_expect(&c, path, 403, &r);
	reply_free(&r);
	c.json = 1;
	get_expect(&c, "/expenses", 200, &r);
	assert_lacks(r.body, "HYPERLINK");
	assert_lacks(r.body, "Lunch on the training day");
	reply_free(&r);
	client_free(&c);

	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/expenses/%lld/paid", id);
	post_expect(&c, path, "", 409, &r);	/* not approved yet */
	reply_free(&r);
	snprintf(path, sizeof(path), "/expenses/%lld/decide", id);
	form_refused(&c, path, "decision=rejected", "reason");
	form_saved(&c, path, "decision=approved");
	submit_expect(&c, path, "decision=rejected&reason=Late", 422, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/expenses/%lld/paid", id);
	post_expect(&c, path, "", 303, &r);
	reply_free(&r);
	post_expect(&c, path, "", 409, &r);
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM expense_claims WHERE "
	    "id = %lld AND state = 'paid' AND paid_on IS NOT NULL", id), 1);

	get_expect(&c, "/expenses.csv", 200, &r);
	assert_contains(r.body, "\"Claim\",\"Claimant\"");
	assert_contains(r.body, "\"'=HYPERLINK(\"\"http://x.example\"\"");
	assert_contains(r.body, "\"12.50\"");
	assert_contains(r.body, "\"6.40\"");		/* the demo's approved */
	assert_lacks(r.body, "\"=HYPERLINK");
	assert_lacks(r.body, "Train to the regional council");	/* Westvale */
	assert_lacks(r.body, "Lunch on the training day");	/* undecided */
	/* Kinds and states in words, and a total row to check against. */
	assert_contains(r.body, ",\"Travel\",");
	assert_lacks(r.body, ",\"travel\",");
	assert_contains(r.body, ",\"Paid\",");
	assert_lacks(r.body, ",\"paid\",");
	total = scalar("SELECT sum(e.amount_pence) FROM expense_claims e JOIN "
	    "groups g ON g.id = e.group_id WHERE e.state IN ('approved', "
	    "'paid') AND g.site_id = %lld", 1);
	snprintf(want, sizeof(want), "\"Total\",\"\",\"\",\"\",\"\",\"\","
	    "\"%lld.%02lld\"", total / 100, total % 100);
	assert_contains(r.body, want);
	reply_free(&r);

	get_expect(&c, "/expenses.xlsx", 200, &r);
	assert_true(r.len > 4 && memcmp(r.body, "PK", 2) == 0);
	sheet = xlsx_sheet(&r);
	assert_contains(sheet, "<c r=\"A1\"");
	assert_contains(sheet, "<t>Claimant</t>");
	assert_contains(sheet, "<v>12.5</v>");
	assert_contains(sheet, "<t>=HYPERLINK(");
	assert_contains(sheet, "x.example");
	assert_lacks(sheet, "<f>");		/* text, never a formula */
	assert_lacks(sheet, "Train to the regional council");
	assert_contains(sheet, "<t>Travel</t>");
	assert_contains(sheet, "<t>Total</t>");
	free(sheet);
	reply_free(&r);

	/* In Welsh: the headers, kinds, states and total in it; what
	 * claimants wrote as written. */
	get_expect(&c, "/expenses.csv?lang=cy", 200, &r);
	assert_contains(r.body, "\"Hawliad\",\"Hawlydd\"");
	assert_contains(r.body, "\"Swm (GBP)\"");
	assert_contains(r.body, ",\"Teithio\",");
	assert_contains(r.body, "\"Cyfanswm\",\"\"");
	assert_contains(r.body, "\"'=HYPERLINK(\"\"http://x.example\"\"");
	assert_lacks(r.body, "\"Claimant\"");
	assert_lacks(r.body, ",\"Travel\",");
	assert_lacks(r.body, "\"Total\"");
	reply_free(&r);
	get_expect(&c, "/expenses.xlsx?lang=cy", 200, &r);
	sheet = xlsx_sheet(&r);
	assert_contains(sheet, "<t>Hawlydd</t>");
	assert_contains(sheet, "<t>Cyfanswm</t>");
	assert_lacks(sheet, "<t>Claimant</t>");
	assert_lacks(sheet, "<t>Total</t>");
	free(sheet);
	/* The sheet's name too. */
	sheet = xlsx_text(&srv, &r);
	assert_contains(sheet, "<sheet name=\"Treuliau\"");
	assert_lacks(sheet, "<sheet name=\"Expenses\"");
	free(sheet);
	reply_free(&r);
	get_expect(&c, "/expenses.csv?lang=en", 200, &r);
	assert_contains(r.body, "\"Claim\",\"Claimant\"");
	reply_free(&r);
	client_free(&c);

	/* Nobody decides their own claim. */
	as(&c, "coordinator.westvale");
	id = scalar("SELECT e.id FROM expense_claims e JOIN accounts a ON "
	    "a.id = e.claimant_id WHERE a.username = 'coordinator.westvale'");
	snprintf(path, sizeof(path), "/expenses/%lld/decide", id);
	submit_expect(&c, path, "decision=approved", 422, &r);
	assert_contains(r.body, "Someone else must decide");
	reply_free(&r);
	client_free(&c);

	/* Nor marks their own approved claim paid: a coordinator's claim,
	 * approved by another member of staff at the site. */
	as(&c, "coordinator.fenwick");
	id = claim(&c, "3.20", "bus.png", png, sizeof(png), 303, NULL);
	client_free(&c);
	as(&c, "admin.fenwick");
	snprintf(path, sizeof(path), "/expenses/%lld/decide", id);
	form_saved(&c, path, "decision=approved");
	client_free(&c);
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/expenses/%lld", id);
	get_expect(&c, path, 200, &r);
	assert_lacks(r.body, "Mark paid");
	reply_free(&r);
	snprintf(path, sizeof(path), "/expenses/%lld/paid", id);
	unchanged = db_fingerprint(srv.db);
	post_expect(&c, path, "", 403, &r);
	assert_contains(r.body, "Someone else must mark your own claim paid");
	reply_free(&r);
	assert_unchanged(unchanged);
	client_free(&c);
	as(&c, "admin.fenwick");
	post_expect(&c, path, "", 303, &r);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(scalar("SELECT count(*) FROM expense_claims WHERE "
	    "id = %lld AND state = 'paid'", id), 1);
}

/* The same person, date, kind and amount twice is most often the same
 * bus fare claimed twice: the second is held back until its claimant
 * confirms it is a separate journey. */
static void
a_duplicate_claim_needs_confirming(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 group[32];
	const char	*fields[] = { "group_id", group, "kind", "travel",
	    "description", "Bus to the forum", "amount", "7.77",
	    "incurred_on", today, NULL, NULL, NULL };
	long long	 before;

	(void)state;
	snprintf(group, sizeof(group), "%lld", rep_team());
	as(&c, "rep.fenwick");
	assert_int_equal(http_post_files(&c, "/expenses/new", fields,
	    "receipt", NULL, NULL, 0, &r), 303);
	reply_free(&r);
	before = scalar("SELECT count(*) FROM expense_claims WHERE "
	    "amount_pence = %lld", 777);
	assert_int_equal(http_post_files(&c, "/expenses/new", fields,
	    "receipt", NULL, NULL, 0, &r), 422);
	assert_contains(r.body, "href=\"#confirm_duplicate\"");
	assert_contains(r.body, "You have already claimed £7.77 (Travel) on");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM expense_claims WHERE "
	    "amount_pence = %lld", 777), before);
	fields[10] = "confirm_duplicate";
	fields[11] = "1";
	assert_int_equal(http_post_files(&c, "/expenses/new", fields,
	    "receipt", NULL, NULL, 0, &r), 303);
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM expense_claims WHERE "
	    "amount_pence = %lld", 777), before + 1);
	client_free(&c);
}

/* A claim may name the meeting it was for, one of its group's; a
 * meeting of another group is refused, naming the field. */
static void
a_claim_names_the_meeting_attended(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 group[32], meeting[32], path[64];
	const char	*fields[] = { "group_id", group, "kind", "travel",
	    "description", "Bus to the meeting", "amount", "4.44",
	    "incurred_on", today, "meeting_id", meeting, NULL };
	long long	 own, other, id, before;

	(void)state;
	own = scalar("SELECT max(m.id) FROM meetings m JOIN groups g ON g.id = "
	    "m.group_id WHERE g.site_id = %lld AND m.held_on <= "
	    "CAST(CURRENT_DATE AS TEXT)", 1);
	other = scalar("SELECT max(m.id) FROM meetings m JOIN groups g ON g.id "
	    "= m.group_id WHERE g.site_id = %lld", 3);
	assert_true(own > 0 && other > 0);
	snprintf(group, sizeof(group), "%lld", scalar("SELECT group_id FROM "
	    "meetings WHERE id = %lld", own));
	as(&c, "rep.fenwick");
	get_expect(&c, "/expenses/new", 200, &r);
	assert_contains(r.body, "name=\"meeting_id\"");
	reply_free(&r);
	before = scalar("SELECT count(*) FROM expense_claims WHERE "
	    "amount_pence = %lld", 444);
	snprintf(meeting, sizeof(meeting), "%lld", other);
	assert_int_equal(http_post_files(&c, "/expenses/new", fields,
	    "receipt", NULL, NULL, 0, &r), 422);
	assert_contains(r.body, "href=\"#meeting_id\"");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM expense_claims WHERE "
	    "amount_pence = %lld", 444), before);
	snprintf(meeting, sizeof(meeting), "%lld", own);
	assert_int_equal(http_post_files(&c, "/expenses/new", fields,
	    "receipt", NULL, NULL, 0, &r), 303);
	id = strtoll(r.location + strlen("/expenses/"), NULL, 10);
	reply_free(&r);
	assert_int_equal(scalar("SELECT meeting_id FROM expense_claims WHERE "
	    "id = %lld", id), own);
	snprintf(path, sizeof(path), "/expenses/%lld", id);
	get_expect(&c, path, 200, &r);
	assert_contains(r.body, "Meeting");
	reply_free(&r);
	client_free(&c);
}

static void
leaving_hands_on_and_thanks(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], body[200], *before, *text;
	long long	 gary = person_id("Gary"), coordinator, meeting, g;

	(void)state;
	g = rep_team();
	coordinator = scalar("SELECT id FROM accounts WHERE username = "
	    "'coordinator.fenwick'");
	meeting = scalar("SELECT min(m.id) FROM meetings m JOIN groups g ON "
	    "g.id = m.group_id WHERE g.site_id = 1");
	as(&c, "coordinator.fenwick");
	/* Gary promised something at a meeting. */
	snprintf(path, sizeof(path), "/meetings/%lld/action-points", meeting);
	snprintf(body, sizeof(body), "text=Ask+about+the+wing+kettle"
	    "&owner_id=%lld&due_on=%s", scalar("SELECT id FROM accounts "
	    "WHERE username = 'gary'"), today);
	form_saved(&c, path, body);
	snprintf(path, sizeof(path), "/people/%lld/thank-you.pdf", gary);
	get_expect(&c, path, 409, &r);
	reply_free(&r);

	/* Without someone to take his action, nothing changes. */
	snprintf(path, sizeof(path), "/people/%lld/leave", gary);
	/* The form first: reading it is audited (a person's page). */
	get_expect(&c, path, 200, &r);
	reply_free(&r);
	before = db_fingerprint(srv.db);
	snprintf(body, sizeof(body), "left_reason=release&left_on=%s", today);
	post_expect(&c, path, body, 422, &r);
	assert_contains(r.body, "href=\"#hand_actions_to\"");
	reply_free(&r);
	assert_unchanged(before);
	snprintf(body, sizeof(body), "left_reason=release&left_on=%s"
	    "&hand_actions_to=%lld", today, coordinator);
	form_saved(&c, path, body);
	assert_int_equal(scalar("SELECT owner_id FROM actions WHERE text = "
	    "'Ask about the wing kettle'"), coordinator);
	assert_int_equal(scalar("SELECT count(*) FROM memberships WHERE "
	    "person_id = %lld AND to_on IS NULL", gary), 0);
	assert_int_equal(scalar("SELECT count(*) FROM shadowing WHERE "
	    "mentor_id = %lld AND to_on IS NULL", gary), 0);
	/* History stays: his role is there, ended. */
	assert_int_equal(scalar("SELECT count(*) FROM memberships WHERE "
	    "person_id = %lld AND to_on = '%s'", gary, today), 1);
	assert_true(scalar("SELECT count(*) FROM supervisions WHERE "
	    "person_id = %lld", gary) >= 1);
	/* His place is vacant again. */
	snprintf(path, sizeof(path), "/groups/%lld/pipeline", g);
	get_expect(&c, path, 200, &r);
	assert_contains(r.body, "Wellbeing rep: 3 of 5 filled, <strong class=\"govuk-tag govuk-tag--yellow\">2 vacant");
	assert_lacks(r.body, "Gary (Wellbeing rep): Release");
	reply_free(&r);

	snprintf(path, sizeof(path), "/people/%lld/thank-you.pdf", gary);
	get_expect(&c, path, 200, &r);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Dear Gary");
	assert_contains(text, "Thank you");
	assert_contains(text, "Wellbeing Rep Team");
	assert_contains(text, "Fenwick coordinator");
	free(text);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(roundtable_cli(&srv, "check", NULL, NULL), 0);
}

/* recruit's recruit of person to group through training, cleared today:
 * the recruit's id. */
static long long
recruit_trained(struct client *c, long long group, long long person,
    const char *position)
{
	char		 path[64], body[200];
	long long	 id;

	snprintf(path, sizeof(path), "/groups/%lld/pipeline/new", group);
	snprintf(body, sizeof(body), "person_id=%lld&position=%s"
	    "&referred_by=staff", person, position);
	form_saved(c, path, body);
	id = scalar("SELECT id FROM recruits WHERE group_id = %lld AND "
	    "person_id = %lld AND stage != 'left'", group, person);
	assert_true(id > 0);
	move(c, id, "event=apply", 303);
	snprintf(body, sizeof(body), "event=check&clearance=cleared"
	    "&clearance_on=%s", today);
	move(c, id, body, 303);
	move(c, id, "event=induct", 303);
	move(c, id, "event=train", 303);
	return id;
}

/* Adds person to group in position directly, from today. */
static void
member_added(struct client *c, long long group, long long person,
    const char *position)
{
	char	 path[64], body[200];

	snprintf(path, sizeof(path), "/groups/%lld/members/new", group);
	snprintf(body, sizeof(body), "person_id=%lld&position=%s&from_on=%s",
	    person, position, today);
	form_saved(c, path, body);
}

/* Current roles of person in group (in position, unless NULL).  Leaving
 * from active ends only the role the pipeline made when someone holds
 * another too: tests/unit/test_membership.c shows it (the members form
 * offers no second role to someone in the group). */
static long long
current_roles(long long group, long long person, const char *position)
{
	return scalar("SELECT count(*) FROM memberships WHERE group_id = %lld "
	    "AND person_id = %lld AND to_on IS NULL AND position = "
	    "coalesce(%s%s%s, position)", group, person,
	    position ? "'" : "", position ? position : "NULL",
	    position ? "'" : "");
}

static void
activation_adds_no_second_role_and_leaving_ends_only_its_own(void **state)
{
	struct client	 c;
	long long	 forum, leon = person_id("Leon"), id;

	(void)state;
	forum = scalar("SELECT id FROM groups WHERE name = 'Over-50s Forum'");
	as(&c, "coordinator.fenwick");

	/* Leon is added directly while in the pipeline: activating him
	 * makes no second role, and leaving the pipeline ends none. */
	id = recruit_trained(&c, forum, leon, "member");
	member_added(&c, forum, leon, "member");
	move(&c, id, "event=activate", 303);
	assert_int_equal(current_roles(forum, leon, NULL), 1);
	move(&c, id, "event=leave", 303);
	assert_int_equal(current_roles(forum, leon, "member"), 1);

	assert_int_equal(scalar("SELECT count(*) FROM recruits WHERE id = %lld "
	    "AND stage = 'left' AND membership_id IS NULL", id), 1);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_pipeline_moves_step_by_step),
		cmocka_unit_test(supervision_notes_reach_only_supervisor_and_coordinator),
		cmocka_unit_test(training_is_recorded_and_certified),
		cmocka_unit_test(expenses_go_from_claim_to_paid_and_export),
		cmocka_unit_test(a_duplicate_claim_needs_confirming),
		cmocka_unit_test(a_claim_names_the_meeting_attended),
		cmocka_unit_test(leaving_hands_on_and_thanks),
		cmocka_unit_test(activation_adds_no_second_role_and_leaving_ends_only_its_own),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
