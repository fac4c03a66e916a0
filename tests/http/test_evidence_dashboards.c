/*
 * Evidence of involvement over HTTP, as it is read: the dashboards at the
 * three scopes (organisation, site, group) with who may see each and the
 * records behind them, their period's boxes and its errors; and the
 * annual report read back (pdftotext, the XLSX unzipped), in English and
 * in Welsh.
 */
#include "evidence_test.h"

static void
dashboards_at_three_scopes(void **state)
{
	struct client	 admin, staff, member, funder, other;
	struct reply	 r;
	json_t		*v;

	(void)state;
	as(&admin, "admin");
	as(&staff, "coordinator.fenwick");
	as(&member, "member.forum");
	as(&funder, "viewer");
	as(&other, "coordinator.harbour");

	/* The organisation: organisation-wide roles only. */
	assert_int_equal(http_get(&funder, "/evidence", &r), 200);
	assert_contains(r.body, "Evidence of involvement");
	assert_contains(r.body, "1. Representative and involved");
	assert_contains(r.body, "8. Diversity and equality monitored");
	assert_contains(r.body, "/evidence/report.pdf?from=");
	assert_lacks(r.body, "See the records");	/* a funder: no records */
	/* The demo's three answers are too few for a median (one answer's
	 * median is that answer, naming its decision maker's time). */
	assert_int_equal(db_scalar(&srv, "SELECT count(*) < 5 FROM responses"),
	    1);
	assert_lacks(r.body, "Median time to answer");
	reply_free(&r);
	get_is(&staff, "/evidence", 403);
	get_is(&member, "/evidence", 403);

	/* A site: its staff, not another site's. */
	assert_int_equal(http_get(&staff, "/sites/1/evidence", &r), 200);
	assert_contains(r.body, "HMP Fenwick");
	assert_contains(r.body, "See the records");
	assert_contains(r.body, "/sites/1/timeliness");
	assert_contains(r.body, "Enter the population of the site");
	/* A flow too few over the period is not shown month by month:
	 * every month, the empty ones too, would read "fewer than 5"
	 * (review D2); nor are twelve empty months drawn for none. */
	assert_contains(r.body, "Too few over the period to show month by "
	    "month.");
	assert_contains(r.body, "None in any month.");
	assert_lacks(r.body, "fewer than 5 of 0");
	reply_free(&r);
	get_is(&other, "/sites/1/evidence", 403);
	get_is(&member, "/sites/1/evidence", 403);

	/* A group: its members read it, without the records' links. */
	assert_int_equal(http_get(&member, "/groups/1/evidence", &r), 200);
	assert_contains(r.body, "Over-50s Forum");
	assert_contains(r.body, "Minutes published within 14 days");
	assert_lacks(r.body, "See the records");
	assert_lacks(r.body, "/groups/1/strategy");
	reply_free(&r);
	assert_int_equal(http_get(&staff, "/groups/1/evidence", &r), 200);
	assert_contains(r.body, "/groups/1/meeting-measures");
	reply_free(&r);
	get_is(&other, "/groups/1/evidence", 403);

	/* The JSON is the same view: eight criteria, each with a verdict. */
	admin.json = 1;
	assert_int_equal(http_get(&admin, "/groups/1/evidence?from=2026-01-01"
	    "&to=2026-06-30", &r), 200);
	v = json_loads(r.body, 0, NULL);
	assert_non_null(v);
	assert_int_equal(json_array_size(json_object_get(v, "criteria")), 8);
	assert_string_equal(json_string_value(json_object_get(v, "from")),
	    "2026-01-01");
	assert_non_null(json_object_get(json_array_get(json_object_get(v,
	    "criteria"), 1), "verdict"));
	json_decref(v);
	reply_free(&r);
	admin.json = 0;

	/* The period's boxes are dates, with labels and hints that say
	 * what they take; they hold the period the figures are for. */
	assert_int_equal(http_get(&admin, "/evidence?from=2026-01-01&to="
	    "2026-06-30&lang=en", &r), 200);
	assert_contains(r.body, "id=\"from\" name=\"from\" type=\"date\" "
	    "value=\"2026-01-01\"");
	assert_contains(r.body, "id=\"to\" name=\"to\" type=\"date\" "
	    "value=\"2026-06-30\"");
	assert_contains(r.body, "for=\"from\">First day of the period");
	assert_lacks(r.body, "For example, 1 April 2025");
	assert_lacks(r.body, "id=\"from-hint\"");
	reply_free(&r);
	/* A period that is not one comes back as the dashboard, with the
	 * error beside the box it concerns and what was typed in it. */
	assert_int_equal(http_get(&admin, "/evidence?from=2026-13-01&lang=en",
	    &r), 422);
	assert_error_beside(r.body, "from", "First day of the period must be "
	    "a real date: the day, month and year, like 31/3/2026 (31 March "
	    "2026)");
	assert_contains(r.body, "<a href=\"#from\">");
	assert_contains(r.body, "value=\"2026-13-01\"");
	assert_contains(r.body, "The eight criteria at a glance");
	reply_free(&r);
	assert_int_equal(http_get(&admin, "/evidence?from=2020-01-01&to="
	    "2026-01-01&lang=en", &r), 422);
	assert_error_beside(r.body, "to", "The period can last at most 24 "
	    "months");
	reply_free(&r);
	assert_int_equal(http_get(&admin, "/evidence?from=2026-06-01&to="
	    "2026-01-01&lang=en", &r), 422);
	assert_error_beside(r.body, "to", "The last day of the period must be "
	    "on or after its first day");
	reply_free(&r);
	/* A Welsh reader typing a date in words is told, in Welsh and
	 * beside the box, the form the box takes. */
	assert_int_equal(http_get(&admin, "/evidence?from=1+Ebrill+2025&"
	    "lang=cy", &r), 422);
	assert_error_beside(r.body, "from", "Diwrnod cyntaf y cyfnod: rhowch "
	    "ddyddiad go iawn: y diwrnod, y mis a&#39;r flwyddyn, fel 31/3/2026 "
	    "(31 Mawrth 2026)");
	assert_contains(r.body, "value=\"1 Ebrill 2025\"");
	assert_lacks(r.body, "from:");
	reply_free(&r);
	/* A document has no form: its refusal names the box in words. */
	assert_int_equal(http_get(&admin, "/evidence/report.pdf?from="
	    "2026-13-01&lang=en", &r), 400);
	assert_contains(r.body, "First day of the period must be a real date");
	reply_free(&r);
	client_free(&admin);
	client_free(&staff);
	client_free(&member);
	client_free(&funder);
	client_free(&other);
}

static void
the_report_reads_back(void **state)
{
	struct client	 staff;
	struct reply	 r;
	char		*text;

	(void)state;
	as(&staff, "coordinator.fenwick");
	assert_int_equal(http_get(&staff, "/groups/1/evidence/report.pdf", &r),
	    200);
	assert_string_equal(r.content_type, "application/pdf");
	text = pdf_text(&srv, &r);
	assert_contains(text, "Involvement report");
	assert_contains(text, "Over-50s Forum");
	assert_contains(text, "The eight criteria at a glance");
	assert_contains(text, "2. Good procedures");
	assert_contains(text, "Minutes published within 14 days");
	assert_contains(text, "You said, we did");
	assert_contains(text, "Ethnic group");
	free(text);
	/* A cover and summary, a page per criterion, "you said, we did". */
	assert_true(pdf_pages(&srv, &r) >= 10);
	reply_free(&r);
	/* In large print its charts too: set in the report's type, not a
	 * drawing scaled down to the page (about 9 pt). */
	assert_int_equal(http_get(&staff, "/groups/1/evidence/report.pdf?"
	    "large=1", &r), 200);
	assert_true(pdf_smallest_font(&srv, &r) >= 16);
	reply_free(&r);
	assert_int_equal(http_get(&staff, "/sites/1/evidence/report.xlsx", &r),
	    200);
	text = xlsx_text(&srv, &r);
	assert_non_null(text);
	assert_contains(text, "Measures by month");
	assert_contains(text, "Representation");
	assert_contains(text, "Proposals answered within their deadline");
	assert_contains(text, "The whole period");
	/* Every column of the criteria sheet, the median's too. */
	assert_contains(text, "Median days to answer");
	free(text);
	reply_free(&r);
	/* In Welsh: the report's words and the criteria's names; the
	 * workbook's headers. */
	assert_int_equal(http_get(&staff, "/groups/1/evidence/report.pdf?"
	    "lang=cy", &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Adroddiad cyfranogiad");
	assert_contains(text, "Yr wyth maen prawf yn gryno");
	assert_contains(text, "Over-50s Forum");
	assert_contains(text, "Tudalen 1");
	assert_lacks(text, "Involvement report");
	assert_lacks(text, "at a glance");
	assert_lacks(text, "Good procedures");
	assert_lacks(text, "Over the period");
	free(text);
	reply_free(&r);
	assert_int_equal(http_get(&staff, "/sites/1/evidence/report.xlsx?"
	    "lang=cy", &r), 200);
	text = xlsx_text(&srv, &r);
	assert_contains(text, "Y cyfnod cyfan");
	assert_contains(text, "Diwrnodau canolrif i ateb");
	assert_lacks(text, "The whole period");
	assert_lacks(text, "Median days to answer");
	free(text);
	reply_free(&r);
	client_free(&staff);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dashboards_at_three_scopes),
		cmocka_unit_test(the_report_reads_back),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
