/*
 * Evidence of involvement over HTTP, as it is fed: the forms that feed
 * the dashboards refusing bad input with nothing stored, a site's
 * population from a CSV file, the targets a site and a group set for
 * themselves, the member's own monitoring record; then, with that
 * activity recorded, the evidence read in Welsh the whole way.
 */
#include "evidence_test.h"

/* Each phrase of a NULL-terminated list is in text, or none is. */
static void
reads_all(const char *text, const char *const *phrases)
{
	for (; *phrases != NULL; phrases++)
		assert_contains(text, *phrases);
}

static void
reads_none(const char *text, const char *const *phrases)
{
	for (; *phrases != NULL; phrases++)
		assert_lacks(text, *phrases);
}

static void
forms_refuse_bad_input_and_store_nothing(void **state)
{
	struct client	 staff, admin;
	struct reply	 r;
	char		 path[64];

	(void)state;
	as(&staff, "coordinator.fenwick");
	as(&admin, "admin");

	/* The population form offers every line with the site's units. */
	assert_int_equal(http_get(&staff, "/sites/1/population", &r), 200);
	assert_contains(r.body, "unit, A wing, ");
	assert_contains(r.body, "race, Black, Black British, Caribbean or "
	    "African, ");
	reply_free(&r);
	submit_expect(&staff, "/sites/1/population", "counted_on=2026-11-01&"
	    "counts=age%2C+50+to+64%2C+120%0Aage%2C+51+to+60%2C+3", 422, &r);
	assert_contains(r.body, "Line 2");
	assert_contains(r.body, "not one of the answers for age");
	reply_free(&r);
	submit_expect(&staff, "/sites/1/population", "counted_on=2026-11-01&"
	    "counts=unit%2C+Z+wing%2C+3", 422, &r);
	assert_contains(r.body, "no unit called Z wing");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "site_population WHERE counted_on = '2026-11-01'"), 0);
	/* A count is of what has been counted (review D14). */
	submit_expect(&staff, "/sites/1/population", "counted_on=2099-01-01&"
	    "counts=unit%2C+A+wing%2C+3", 422, &r);
	assert_contains(r.body, "Counted on cannot be in the future");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "site_population WHERE counted_on = '2099-01-01'"), 0);
	submit_expect(&staff, "/sites/1/population", "counted_on=2026-11-01&"
	    "counts=age%2C+50+to+64%2C+120%0Aage%2C+25+to+34%2C+480%0A"
	    "unit%2C+A+wing%2C+150%0Arace%2C+%22Black%2C+Black+British%2C+"
	    "Caribbean+or+African%22%2C+90%0Asex%2C+Male%2C+", 303, &r);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "site_population WHERE site_id = 1 AND counted_on = "
	    "'2026-11-01'"), 4);
	assert_int_equal(db_scalar(&srv, "SELECT count FROM site_population "
	    "WHERE category = 'Black, Black British, Caribbean or African' AND "
	    "counted_on = '2026-11-01'"), 90);

	/* Activity: the month must be one. */
	submit_expect(&staff, "/sites/1/activity", "month=2026-13&"
	    "attendance=700", 422, &r);
	assert_contains(r.body, "Month must be a year and month, like 2026-11");
	reply_free(&r);
	submit_expect(&staff, "/sites/1/activity", "month=2026-11&"
	    "attendance=seven", 422, &r);
	assert_contains(r.body, "whole number");
	reply_free(&r);
	submit_expect(&staff, "/sites/1/activity", "month=2099-05&"
	    "attendance=3", 422, &r);			/* review D8 */
	assert_contains(r.body, "Month cannot be in the future");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "activity_counts WHERE site_id = 1"), 0);
	submit_expect(&staff, "/sites/1/activity", "month=2026-11&"
	    "attendance=700&sessions=40", 303, &r);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT sum(count) FROM "
	    "activity_counts WHERE site_id = 1"), 740);
	/* A month nobody recorded is not a month of none; an activity
	 * never recorded is not listed (review D8). */
	assert_int_equal(http_get(&staff, "/sites/1/evidence?from=2026-10-01&"
	    "to=2026-11-30", &r), 200);
	assert_contains(r.body, "Attendance (in all: 700)");
	assert_contains(r.body, "October 2026</th><td class=\"govuk-table__"
	    "cell govuk-table__cell--numeric\">not recorded");
	assert_lacks(r.body, "New members (in all");
	reply_free(&r);

	/* Strategy and an objective, shown on the group's page. */
	submit_expect(&staff, "/groups/1/strategy", "aims=Better+health+care+"
	    "for+older+prisoners&reviewed_on=2026-04-01", 303, &r);
	reply_free(&r);
	submit_expect(&staff, "/groups/1/objectives/new", "text=Survey+every+"
	    "wing&owner=The+chair&due_on=", 422, &r);
	assert_contains(r.body, "Done by");
	reply_free(&r);
	submit_expect(&staff, "/groups/1/objectives/new", "text=Survey+every+"
	    "wing&owner=The+chair&due_on=2099-07-31", 303, &r);
	reply_free(&r);
	assert_int_equal(http_get(&staff, "/groups/1/evidence", &r), 200);
	assert_contains(r.body, "Better health care for older prisoners");
	assert_contains(r.body, "Survey every wing (The chair, by 31 July "
	    "2099)");
	/* Staff mark it done from the page. */
	assert_contains(r.body, "Mark done: Survey every wing");
	reply_free(&r);
	snprintf(path, sizeof(path), "/objectives/%lld/done", (long long)
	    db_scalar(&srv, "SELECT id FROM strategy_objectives WHERE text = "
	    "'Survey every wing'"));
	post_expect(&staff, path, "", 303, &r);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "strategy_objectives WHERE text = 'Survey every wing' AND done_on "
	    "IS NOT NULL"), 1);

	/* Targets: organisation staff, 0 to 100. */
	get_is(&staff, "/evidence/targets", 403);
	submit_expect(&admin, "/evidence/targets", "representative=10&"
	    "procedures=101&support=80&strategy=75&perceptions=70&trust=70&"
	    "training=80&monitoring=60", 422, &r);
	assert_contains(r.body, "Good procedures (%) must be a whole number");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT target FROM evidence_targets "
	    "WHERE criterion = 'procedures'"), 80);
	submit_expect(&admin, "/evidence/targets", "representative=10&"
	    "procedures=90&support=80&strategy=75&perceptions=70&trust=70&"
	    "training=80&monitoring=60", 303, &r);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT target FROM evidence_targets "
	    "WHERE criterion = 'procedures'"), 90);
	client_free(&staff);
	client_free(&admin);
}

/* The population as a CSV file saved from a spreadsheet: its byte order
 * mark, column names and CRLF lines are taken; a bad line or a file that
 * is not text is refused naming the file, and nothing is stored. */
static void
population_comes_as_a_csv_file(void **state)
{
	/* A spreadsheet capitalises: case is not a mistake (review D15). */
	static const char good[] = "\xef\xbb\xbfwhat,answer,number\r\n"
	    "Age,50 TO 64,33\r\n"
	    "race,\"Black, Black British, Caribbean or African\",21\r\n"
	    "Unit,a wing,140\r\n";
	static const char bad[] = "what,answer,number\nage,50 to 64,33\n"
	    "age,fifty,2\n";
	static const char unknown[] = "ages,50 to 64,1\n";
	static const char binary[] = "age,50 to 64,3\0\x01\x02";
	static const char *const fields[] = { "counted_on", "2026-10-01",
	    NULL };
	struct client	 staff;
	struct reply	 r;

	(void)state;
	as(&staff, "coordinator.fenwick");
	assert_int_equal(http_get(&staff, "/sites/1/population", &r), 200);
	assert_contains(r.body, "enctype=\"multipart/form-data\"");
	assert_contains(r.body, "upload the counts as a CSV file");
	reply_free(&r);

	assert_int_equal(http_post_files(&staff, "/sites/1/population",
	    fields, "file", "counts.csv", bad, sizeof(bad) - 1, &r), 422);
	assert_contains(r.body, "Line 3: fifty is not one of the answers");
	reply_free(&r);
	assert_int_equal(http_post_files(&staff, "/sites/1/population",
	    fields, "file", "counts.csv", unknown, sizeof(unknown) - 1, &r),
	    422);
	assert_contains(r.body, "Line 1: the first column must be unit or a "
	    "characteristic such as age or race, not ages");
	assert_contains(r.body, "href=\"#file\"");
	reply_free(&r);
	assert_int_equal(http_post_files(&staff, "/sites/1/population",
	    fields, "file", "counts.csv", binary, sizeof(binary) - 1, &r),
	    422);
	assert_contains(r.body, "The file must be a CSV file");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "site_population WHERE counted_on = '2026-10-01'"), 0);

	assert_int_equal(http_post_files(&staff, "/sites/1/population",
	    fields, "file", "counts.csv", good, sizeof(good) - 1, &r), 303);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "site_population WHERE site_id = 1 AND counted_on = "
	    "'2026-10-01'"), 3);
	assert_int_equal(db_scalar(&srv, "SELECT count FROM site_population "
	    "WHERE counted_on = '2026-10-01' AND category = 'Black, Black "
	    "British, Caribbean or African'"), 21);
	assert_int_equal(db_scalar(&srv, "SELECT count FROM site_population "
	    "WHERE counted_on = '2026-10-01' AND dimension = 'age' AND "
	    "category = '50 to 64'"), 33);
	assert_int_equal(db_scalar(&srv, "SELECT count FROM site_population "
	    "WHERE counted_on = '2026-10-01' AND dimension = 'unit' AND "
	    "category = (SELECT CAST(id AS TEXT) FROM units WHERE name = "
	    "'A wing' AND site_id = 1)"), 140);
	client_free(&staff);
}

/* Whose target a blank follows, and whose target stands, in Welsh. */
static const char *const hints_cy[] = {
	"Gadewch yn wag i ddilyn targed y safle ei hun, 60%",
	"0 i 100. Gadewch yn wag i ddilyn targed y sefydliad, 10 pwynt ar y "
	"mwyaf", NULL };
static const char *const hints_en[] = { "Leave blank", "at most", NULL };
static const char *const targets_cy[] = { "55%, targed y grŵp ei hun",
	"60%, targed y safle ei hun", NULL };
static const char *const targets_en[] = { "own", NULL };

/* A site and a group set their own targets only while the organisation
 * lets them; the nearest stands on the dashboard, and is dropped when the
 * organisation takes the permission back. */
static void
sites_and_groups_set_their_own_targets(void **state)
{
	struct client	 staff, admin, member;
	struct reply	 r;

	(void)state;
	as(&staff, "coordinator.fenwick");
	as(&admin, "admin");
	as(&member, "member.forum");

	/* Not allowed yet: refused, and no link offered. */
	get_is(&staff, "/sites/1/targets", 409);
	submit_expect(&staff, "/groups/1/targets", "procedures=50", 409, &r);
	reply_free(&r);
	assert_int_equal(http_get(&staff, "/sites/1/evidence", &r), 200);
	assert_lacks(r.body, "/sites/1/targets");
	reply_free(&r);

	submit_expect(&admin, "/evidence/targets", "representative=10&"
	    "procedures=80&support=80&strategy=75&perceptions=70&trust=70&"
	    "training=80&monitoring=60&local_allowed=1", 303, &r);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT local_allowed FROM "
	    "evidence_target_policy"), 1);
	assert_int_equal(http_get(&staff, "/sites/1/evidence", &r), 200);
	assert_contains(r.body, "/sites/1/targets");
	reply_free(&r);
	/* Each box says what a blank follows (review D3). */
	assert_int_equal(http_get(&staff, "/sites/1/targets", &r), 200);
	assert_contains(r.body, "Leave blank to follow the organisation&#39;s "
	    "80%");
	assert_contains(r.body, "Leave blank to follow the organisation&#39;s "
	    "at most 10 points");
	reply_free(&r);

	/* Bad input names the field and stores nothing. */
	submit_expect(&staff, "/sites/1/targets", "procedures=60&"
	    "support=abc", 422, &r);
	assert_contains(r.body, "Top-level support (%) must be a whole number");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "evidence_local_targets"), 0);
	/* A member may not. */
	submit_expect(&member, "/sites/1/targets", "procedures=60", 403, &r);
	reply_free(&r);

	/* The site's own for procedures; the group's own for support. */
	submit_expect(&staff, "/sites/1/targets", "procedures=60&support=",
	    303, &r);
	reply_free(&r);
	submit_expect(&staff, "/groups/1/targets", "support=55", 303, &r);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "evidence_local_targets"), 2);
	assert_int_equal(http_get(&staff, "/sites/1/evidence", &r), 200);
	assert_contains(r.body, "60%, the site&#39;s own");
	assert_lacks(r.body, "55%");
	reply_free(&r);
	/* The group: its own for support, its site's for procedures. */
	assert_int_equal(http_get(&staff, "/groups/1/evidence", &r), 200);
	assert_contains(r.body, "55%, the group&#39;s own");
	assert_contains(r.body, "60%, the site&#39;s own");
	reply_free(&r);
	/* A group's blank follows its site's own where it has one. */
	assert_int_equal(http_get(&staff, "/groups/1/targets", &r), 200);
	assert_contains(r.body, "Leave blank to follow the site&#39;s own 60%");
	reply_free(&r);
	/* In Welsh, whose target it is too; then English again (the
	 * language is kept in a cookie). */
	assert_int_equal(http_get(&staff, "/groups/1/targets?lang=cy", &r),
	    200);
	reads_all(r.body, hints_cy);
	reads_none(r.body, hints_en);
	reply_free(&r);
	assert_int_equal(http_get(&staff, "/groups/1/evidence?lang=cy", &r),
	    200);
	reads_all(r.body, targets_cy);
	reads_none(r.body, targets_en);
	reply_free(&r);
	get_is(&staff, "/groups/1/evidence?lang=en", 200);
	/* The organisation's page keeps the organisation's. */
	assert_int_equal(http_get(&admin, "/evidence", &r), 200);
	assert_lacks(r.body, "own)");
	reply_free(&r);
	/* The form shows what was set; a blank removes it. */
	assert_int_equal(http_get(&staff, "/groups/1/targets", &r), 200);
	assert_contains(r.body, "value=\"55\"");
	reply_free(&r);
	submit_expect(&staff, "/groups/1/targets", "support=", 303, &r);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "evidence_local_targets WHERE scope = 'group'"), 0);

	/* Taken back: the site's own no longer stands. */
	submit_expect(&admin, "/evidence/targets", "representative=10&"
	    "procedures=80&support=80&strategy=75&perceptions=70&trust=70&"
	    "training=80&monitoring=60", 303, &r);
	reply_free(&r);
	assert_int_equal(http_get(&staff, "/sites/1/evidence", &r), 200);
	assert_lacks(r.body, ", the site&#39;s own");
	reply_free(&r);
	get_is(&staff, "/sites/1/targets", 409);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "action IN ('evidence.targets_local_on', "
	    "'evidence.targets_local_off')"), 2);
	client_free(&staff);
	client_free(&admin);
	client_free(&member);
}

static void
members_fill_in_their_own_monitoring(void **state)
{
	struct client	 member;
	struct reply	 r;

	(void)state;
	/* An account not linked to a member's record: nothing to fill in. */
	as(&member, "viewer");
	assert_int_equal(http_get(&member, "/account/equality", &r), 200);
	assert_contains(r.body, "nothing for you to fill in");
	reply_free(&r);
	post_expect(&member, "/account/equality", "age=Under+25", 409, &r);
	reply_free(&r);
	client_free(&member);
	as(&member, "member.forum");
	assert_int_equal(http_get(&member, "/account/equality", &r), 200);
	assert_contains(r.body, "How old are you?");
	assert_contains(r.body, "Prefer not to say");
	/* The title is the form's, the promise is kept true beneath it,
	 * and a question left blank reads "Not answered" (review D6, D13). */
	assert_contains(r.body, "<title>About you: equality monitoring – ");
	assert_contains(r.body, "a copy of your own data");
	assert_lacks(r.body, "Only you see");
	assert_contains(r.body, "<option value=\"\">Not answered</option>");
	assert_lacks(r.body, ">None</option>");
	reply_free(&r);
	submit_expect(&member, "/account/equality", "age=Over+90", 422, &r);
	reply_free(&r);
	submit_expect(&member, "/account/equality", "race=Martian", 422, &r);
	assert_contains(r.body, "Select an answer to \u201cWhat is your "
	    "ethnic group?\u201d from the list");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "equality_answers WHERE answer = '50 to 64' AND person_id = "
	    "(SELECT person_id FROM accounts WHERE username = "
	    "'member.forum')"), 0);
	submit_expect(&member, "/account/equality", "age=50+to+64&race="
	    "Prefer+not+to+say", 303, &r);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "equality_answers WHERE answer = '50 to 64' AND person_id = "
	    "(SELECT person_id FROM accounts WHERE username = "
	    "'member.forum')"), 1);
	/* Only the member reads it back; the audit says it changed, never
	 * what it says. */
	assert_int_equal(http_get(&member, "/account/equality", &r), 200);
	assert_contains(r.body, "value=\"50 to 64\" selected");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "action = 'equality.update' AND account_id = (SELECT id FROM "
	    "accounts WHERE username = 'member.forum') AND detail = ''"), 1);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "detail LIKE '%65 or over%'"), 0);
	client_free(&member);
}

/* What a Welsh reader must not meet: the builder's English. */
static const char *const evidence_english[] = { "too few to show a share",
	" of ", "none in this period", "not recorded", "None in any month",
	"Too few over the period", "at most", " points", "fewer than",
	"Minutes published", "Not answered", "the site's own", "October 2026",
	"Wing or unit", "People ", "Attendance", "Good procedures", NULL };

/* The dashboard of October and November: the measures and their
 * sentences, the target and gaps in words, the tables' heads and
 * categories, a month nobody recorded. */
static const char *const dashboard_cy[] = {
	"<h3 class=\"govuk-heading-s\">Cofnodion wedi&#39;u cyhoeddi o fewn "
	"14 diwrnod i&#39;r cyfarfod</h3>",
	"(cyfanswm: llai na 5; rhy ychydig i ddangos cyfran)",
	"Rhy ychydig dros y cyfnod i&#39;w dangos fesul mis.",
	"Dim un mewn unrhyw fis.", "Dros y cyfnod: dim yn y cyfnod hwn.",
	"<li>Tachwedd 2026: ", "10 pwynt ar y mwyaf", "<li>Mae pobl ",
	" o HMP Fenwick ac yn ", "o&#39;i aelodau.</li>",
	"Aelodau a phoblogaeth: Oedran", ">Adain neu uned</th>",
	">Cyfran o&#39;r aelodau a atebodd</th>", ">Heb ei ateb</th>",
	">50 i 64</th>", "Hydref 2026</th><td class=\"govuk-table__cell "
	"govuk-table__cell--numeric\">heb ei gofnodi", NULL };

/* The report of the last twelve months in print. */
static const char *const report_cy[] = {
	"Cofnodion wedi'u cyhoeddi o fewn 14 diwrnod i'r cyfarfod",
	"(cyfanswm: llai na 5; rhy ychydig i ddangos cyfran)",
	"Dim un mewn unrhyw fis", "dim yn y cyfnod hwn", "10 pwynt ar y mwyaf",
	"Mae pobl ", "Tachwedd 2026:", "heb ei gofnodi", "Presenoldeb:",
	NULL };

/* The workbook of October and November: its sheets and cells. */
static const char *const workbook_cy[] = {
	"<sheet name=\"Meini prawf\"", "<sheet name=\"Mesurau fesul mis\"",
	"<sheet name=\"Cynrychiolaeth\"", "<sheet name=\"Gweithgarwch\"",
	">Cofnodion wedi'u cyhoeddi o fewn 14 diwrnod i'r cyfarfod<",
	">Gweithdrefnau da<", ">Rhy ychydig i farnu<", ">10 pwynt ar y mwyaf<",
	">llai na 5<", ">Hydref 2026<", ">heb ei gofnodi<", ">Heb ei ateb<",
	">Presenoldeb<", NULL };
static const char *const workbook_en[] = { "name=\"Criteria\"",
	"name=\"Measures by month\"", "name=\"Representation\"",
	"name=\"Activity\"", ">Too few to judge<", NULL };

/* Welsh the whole way: every sentence the builder makes from figures,
 * the measures' names, the categories, the workbook's sheets and cells;
 * suppressed counts still suppressed, in Welsh.  The JSON keeps its
 * English for the programs that read it.  Runs after the forms' test,
 * whose activity for November leaves October "not recorded". */
static void
the_evidence_reads_in_welsh(void **state)
{
	struct client	 staff;
	struct reply	 r;
	char		*text;
	const char	*said;
	json_t		*v, *c;

	(void)state;
	as(&staff, "coordinator.fenwick");
	assert_int_equal(http_get(&staff, "/sites/1/evidence?from=2026-10-01&"
	    "to=2026-11-30&lang=cy", &r), 200);
	reads_all(r.body, dashboard_cy);
	reads_none(r.body, evidence_english);
	reply_free(&r);

	/* The JSON, asked for in Welsh, is the English it always was. */
	staff.json = 1;
	assert_int_equal(http_get(&staff, "/sites/1/evidence?from=2026-10-01&"
	    "to=2026-11-30&lang=cy", &r), 200);
	v = json_loads(r.body, 0, NULL);
	assert_non_null(v);
	c = json_array_get(json_object_get(v, "criteria"), 0);
	assert_string_equal(json_string_value(json_object_get(c,
	    "target_words")), "at most 10 points");
	said = json_string_value(json_object_get(json_array_get(
	    json_object_get(json_object_get(c, "representation"), "gaps"), 0),
	    "text"));
	assert_non_null(said);
	assert_true(strncmp(said, "People ", 7) == 0);
	c = json_array_get(json_object_get(json_array_get(json_object_get(v,
	    "criteria"), 1), "measures"), 0);
	assert_string_equal(json_string_value(json_object_get(c,
	    "months_note")), "Too few over the period to show month by month");
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    c, "period"), "words")), "fewer than 5 of fewer than 5 (too few to "
	    "show a share)");
	json_decref(v);
	reply_free(&r);
	staff.json = 0;

	assert_int_equal(http_get(&staff, "/sites/1/evidence/report.pdf?"
	    "lang=cy", &r), 200);
	text = pdf_text(&srv, &r);
	reads_all(text, report_cy);
	reads_none(text, evidence_english);
	free(text);
	reply_free(&r);

	assert_int_equal(http_get(&staff, "/sites/1/evidence/report.xlsx?"
	    "from=2026-10-01&to=2026-11-30&lang=cy", &r), 200);
	text = xlsx_text(&srv, &r);
	assert_non_null(text);
	reads_all(text, workbook_cy);
	reads_none(text, evidence_english);
	reads_none(text, workbook_en);
	free(text);
	reply_free(&r);
	client_free(&staff);

	/* The organisation's page names it in Welsh too. */
	as(&staff, "admin");
	assert_int_equal(http_get(&staff, "/evidence?lang=cy", &r), 200);
	assert_contains(r.body, "<span class=\"govuk-caption-l\">y sefydliad"
	    "</span>");
	reads_none(r.body, evidence_english);
	assert_lacks(r.body, "the organisation");
	reply_free(&r);
	client_free(&staff);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(forms_refuse_bad_input_and_store_nothing),
		cmocka_unit_test(sites_and_groups_set_their_own_targets),
		cmocka_unit_test(population_comes_as_a_csv_file),
		cmocka_unit_test(members_fill_in_their_own_monitoring),
		cmocka_unit_test(the_evidence_reads_in_welsh),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
