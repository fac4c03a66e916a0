/*
 * What staff read about the record, and what members and panels save, in
 * their own language (issue 20): the list of a person's reads says which
 * page was opened in words, never the stored path or detail; the audit
 * log says what each entry did as a sentence, with the action's name
 * kept beside it and UK local times; a download's file name is worded
 * and folded to ASCII; and ?large=1 makes a lot's report large print as
 * it does the plan.
 */
#define PW	srv.demo_password
#include "http_test.h"
#include "auth/audit_words.h"
#include "server/download_name.h"

#include <jansson.h>

#define PERSON	"1"	/* demo: Arthur, HMP Fenwick */

static int
setup(void **state)
{
	static const char *const admin[] = { "admin", NULL };

	(void)state;
	return server_with_passwords(admin);
}

/* A coordinator opens a plan's form and a supervision page: the reads
 * list says, in Welsh, which pages they were, never their paths or the
 * stored "(form)", with the time in words. */
static void
reads_say_what_was_opened(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/people/" PERSON "/supervision", &r),
	    200);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/people/" PERSON "/plan/worker", &r),
	    200);
	reply_free(&r);
	client_free(&c);
	assert_true(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "action = 'plan.read' AND detail = '/people/" PERSON
	    "/plan/worker (form)'") >= 1);

	as(&c, "admin");
	assert_int_equal(http_get(&c, "/people/" PERSON "/reads?lang=cy", &r),
	    200);
	assert_contains(r.body, "Y ffurflen i enwi gweithiwr eu cynllun");
	assert_contains(r.body, "Eu nodiadau goruchwylio");
	assert_null(strstr(r.body, "/people/" PERSON "/plan/worker"));
	assert_null(strstr(r.body, "/people/" PERSON "/supervision"));
	assert_null(strstr(r.body, "(form)"));
	assert_null(strstr(r.body, "Agorwyd"));
	/* "6 Rhagfyr 2026 am 15:34": a UK clock time, in Welsh. */
	assert_contains(r.body, " am ");
	reply_free(&r);
	/* The JSON keeps what was stored, and says it in English. */
	c.json = 1;
	assert_int_equal(http_get(&c, "/people/" PERSON "/reads", &r), 200);
	assert_contains(r.body, "The form to name their plan's worker");
	assert_contains(r.body, "/people/" PERSON "/plan/worker (form)");
	reply_free(&r);
	client_free(&c);
}

/* The audit log in Welsh: a sentence for each entry, its action's name
 * beside it, and no UTC time. */
static void
audit_log_in_words(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*at;

	(void)state;
	as(&c, "admin");
	at = db_text(&srv, "SELECT at FROM audit WHERE action = "
	    "'session.start' ORDER BY id DESC LIMIT 1");
	assert_non_null(at);
	assert_int_equal(http_get(&c, "/audit?lang=cy", &r), 200);
	assert_contains(r.body, "Mewngofnododd");
	assert_contains(r.body, "<code>session.start");
	assert_null(strstr(r.body, "UTC"));
	assert_null(strstr(r.body, at));
	reply_free(&r);
	free(at);
	client_free(&c);
}

/* The audit log's Detail column in words: a read names the page it
 * opened, as the person's list of reads does, never its path; a chosen
 * text size is its choice's label, never the stored code (every other
 * detail: test_audit_details.c).  The JSON keeps the detail as stored
 * and carries both worded in the reader's language. */
static void
audit_detail_in_words(void **state)
{
	struct client	 c;
	struct reply	 r;
	json_t		*view, *entry;
	const char	*said;
	size_t		 i, reads = 0;

	(void)state;
	/* A read of a plan's form, stored "/people/1/plan/worker (form)",
	 * and, after it, a change whose detail is a reference. */
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/people/" PERSON "/plan/worker", &r),
	    200);
	reply_free(&r);
	client_free(&c);
	as(&c, "admin");
	assert_int_equal(http_get(&c, "/account/text-size", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/account/text-size",
	    "text_size=standard", 1, &r), 303);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/audit?lang=cy", &r), 200);
	assert_contains(r.body, "Y ffurflen i enwi gweithiwr eu cynllun");
	assert_null(strstr(r.body, "/plan/worker (form)"));
	assert_null(strstr(r.body, "(form)"));
	assert_contains(r.body, "<td class=\"govuk-table__cell\">Safonol</td>");
	assert_null(strstr(r.body, "<code>standard</code>"));
	reply_free(&r);
	c.json = 1;
	assert_int_equal(http_get(&c, "/audit?lang=cy", &r), 200);
	view = json_loads(r.body, 0, NULL);
	reply_free(&r);
	assert_non_null(view);
	json_array_foreach(json_object_get(view, "entries"), i, entry) {
		if (strcmp(json_string_value(json_object_get(entry,
		    "action")), "plan.read") != 0)
			continue;
		assert_string_equal(json_string_value(json_object_get(entry,
		    "detail")), "/people/" PERSON "/plan/worker (form)");
		assert_string_equal(json_string_value(json_object_get(entry,
		    "detail_said")), "Y ffurflen i enwi gweithiwr eu cynllun");
		said = json_string_value(json_object_get(entry, "said"));
		assert_non_null(said);
		assert_non_null(strstr(said, "Darllenodd"));
		reads++;
	}
	json_decref(view);
	client_free(&c);
	assert_true(reads > 0);
}

/* Every entry says something; an action with no sentence shows its own
 * name, never an empty cell.  Walks the log's pages (JSON) until it has
 * seen one such action. */
static void
audit_unknown_action_named(void **state)
{
	struct client	 c;
	struct reply	 r;
	json_t		*view, *entry;
	const char	*action, *said;
	char		 path[64] = "/audit";
	size_t		 i, pages, unknown = 0, entries = 0;

	(void)state;
	/* As the JSON words its rows: one the table lacks is its name;
	 * deciding what a row says words nothing, so a page words it
	 * once, itself. */
	view = json_pack("[{s:s, s:s}, {s:s, s:s}]", "action",
	    "lot.unheard_of", "who", "Dr Lee", "action", "session.start",
	    "who", "Dr Lee");
	audit_words_add(view, NULL, NULL);
	assert_null(json_object_get(json_array_get(view, 0), "said_msgid"));
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    view, 1), "said_msgid")), "{who} signed in");
	assert_null(json_object_get(json_array_get(view, 1), "said"));
	audit_words_fill(view, NULL);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    view, 0), "said")), "lot.unheard_of");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    view, 1), "said")), "Dr Lee signed in");
	json_decref(view);
	as(&c, "admin");
	c.json = 1;
	for (pages = 0; pages < 20 && path[0] != '\0';
	    pages++) {
		assert_int_equal(http_get(&c, path, &r), 200);
		view = json_loads(r.body, 0, NULL);
		reply_free(&r);
		assert_non_null(view);
		json_array_foreach(json_object_get(view, "entries"), i,
		    entry) {
			action = json_string_value(json_object_get(entry,
			    "action"));
			said = json_string_value(json_object_get(entry,
			    "said"));
			assert_non_null(said);
			assert_true(*said != '\0');
			entries++;
			if (audit_words_sentence(action, json_string_value(
			    json_object_get(entry, "detail"))) == NULL) {
				assert_string_equal(said, action);
				unknown++;
			}
		}
		path[0] = '\0';
		if (json_integer_value(json_object_get(view, "before")) > 0)
			snprintf(path, sizeof(path), "/audit?before=%lld",
			    (long long)json_integer_value(json_object_get(
			    view, "before")));
		json_decref(view);
	}
	client_free(&c);
	print_message("%zu entries, %zu with no sentence\n", entries,
	    unknown);
	assert_true(entries > 0);
}

/* A lot's report saved by a Welsh reader is named in Welsh, in ASCII
 * (every file route's name: test_download_names.c). */
static void
download_named_in_language(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], folded[32];
	long long	 lot = db_scalar(&srv, "SELECT min(id) FROM lots");

	(void)state;
	assert_true(lot > 0);
	as(&c, "admin");
	snprintf(path, sizeof(path), "/lots/%lld/report.pdf?lang=cy", lot);
	assert_int_equal(http_get(&c, path, &r), 200);
	/* Named by the lot's own title and its procurement's. */
	assert_string_equal(r.disposition, "attachment; filename=\""
	    "gwerthuso-lot-1-healthcare-for-hmp-fenwick.pdf\"");
	reply_free(&r);
	snprintf(path, sizeof(path), "/lots/%lld/report.xlsx?lang=en", lot);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_string_equal(r.disposition, "attachment; filename=\""
	    "evaluation-lot-1-healthcare-for-hmp-fenwick.xlsx\"");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/expenses.csv?lang=cy", &r), 200);
	assert_string_equal(r.disposition,
	    "attachment; filename=\"treuliau.csv\"");
	reply_free(&r);
	client_free(&c);
	/* Welsh letters lose their accents, capitals their case; nothing
	 * a header could take apart is left. */
	assert_int_equal(download_name_fold("Ŵyn â'r \"ŷd\"\r\n-", folded,
	    sizeof(folded)), 10);
	assert_string_equal(folded, "wyn-a-r-yd");
}

/* ?large=1 asks the lot's report in large print, as it does the plan. */
static void
lot_report_large_when_asked(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64];
	long long	 lot = db_scalar(&srv, "SELECT min(id) FROM lots");
	long		 normal, large, normal_pages, large_pages;

	(void)state;
	as(&c, "admin");
	snprintf(path, sizeof(path), "/lots/%lld/report.pdf", lot);
	assert_int_equal(http_get(&c, path, &r), 200);
	normal = pdf_smallest_font(&srv, &r);
	normal_pages = pdf_pages(&srv, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/lots/%lld/report.pdf?large=1", lot);
	assert_int_equal(http_get(&c, path, &r), 200);
	large = pdf_smallest_font(&srv, &r);
	large_pages = pdf_pages(&srv, &r);
	reply_free(&r);
	client_free(&c);
	print_message("smallest text %ld then %ld; pages %ld then %ld\n",
	    normal, large, normal_pages, large_pages);
	assert_true(normal > 0 && normal < 16);
	assert_true(large >= 16);
	assert_true(large_pages > normal_pages);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_say_what_was_opened),
		cmocka_unit_test(audit_log_in_words),
		cmocka_unit_test(audit_unknown_action_named),
		cmocka_unit_test(audit_detail_in_words),
		cmocka_unit_test(download_named_in_language),
		cmocka_unit_test(lot_report_large_when_asked),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
