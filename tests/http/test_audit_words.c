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

/* Discards a body. */
static size_t
body_dropped(char *p, size_t size, size_t n, void *arg)
{
	(void)p;
	(void)arg;
	return size * n;
}

/* Keeps the Content-Disposition header's value in arg (256 bytes). */
static size_t
disposition_kept(char *p, size_t size, size_t n, void *arg)
{
	static const char name[] = "Content-Disposition: ";
	size_t	 len = size * n, k;

	if (len > sizeof(name) - 1 && strncasecmp(p, name, sizeof(name) - 1)
	    == 0) {
		k = len - (sizeof(name) - 1);
		while (k > 0 && (p[sizeof(name) - 1 + k - 1] == '\r' ||
		    p[sizeof(name) - 1 + k - 1] == '\n'))
			k--;
		snprintf(arg, 256, "%.*s", (int)k, p + sizeof(name) - 1);
	}
	return len;
}

/* GET path as c (signed in), keeping only its Content-Disposition in
 * out (256 bytes).  The status. */
static long
disposition_of(struct client *c, const char *path, char out[256])
{
	char	 url[1024];
	long	 status = -1;

	out[0] = '\0';
	snprintf(url, sizeof(url), "%s%s", srv.base, path);
	curl_easy_setopt(c->curl, CURLOPT_HTTPGET, 1L);
	curl_easy_setopt(c->curl, CURLOPT_URL, url);
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, NULL);
	curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, body_dropped);
	curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, NULL);
	curl_easy_setopt(c->curl, CURLOPT_HEADERFUNCTION, disposition_kept);
	curl_easy_setopt(c->curl, CURLOPT_HEADERDATA, out);
	if (curl_easy_perform(c->curl) == CURLE_OK)
		curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &status);
	return status;
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
	/* As the page words its rows: one the table lacks is its name. */
	view = json_pack("[{s:s, s:s}]", "action", "lot.unheard_of", "who",
	    "Dr Lee");
	audit_words_add(view, NULL, NULL);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    view, 0), "said")), "lot.unheard_of");
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

/* A lot's report saved by a Welsh reader is named in Welsh, in ASCII. */
static void
download_named_in_language(void **state)
{
	struct client	 c;
	char		 path[96], got[256], want[96], folded[32];
	long long	 lot = db_scalar(&srv, "SELECT min(id) FROM lots");

	(void)state;
	assert_true(lot > 0);
	as(&c, "admin");
	snprintf(path, sizeof(path), "/lots/%lld/report.pdf?lang=cy", lot);
	assert_int_equal(disposition_of(&c, path, got), 200);
	snprintf(want, sizeof(want), "attachment; filename=\""
	    "gwerthuso-lot-%lld.pdf\"", lot);
	assert_string_equal(got, want);
	snprintf(path, sizeof(path), "/lots/%lld/report.xlsx?lang=en", lot);
	assert_int_equal(disposition_of(&c, path, got), 200);
	snprintf(want, sizeof(want), "attachment; filename=\""
	    "evaluation-lot-%lld.xlsx\"", lot);
	assert_string_equal(got, want);
	assert_int_equal(disposition_of(&c, "/expenses.csv?lang=cy",
	    got), 200);
	assert_string_equal(got, "attachment; filename=\"treuliau.csv\"");
	client_free(&c);
	/* Welsh letters lose their accents; nothing a header could take
	 * apart is left. */
	assert_int_equal(download_name_fold("Ŵyn â'r \"ŷd\"\r\n-", folded,
	    sizeof(folded)), 10);
	assert_string_equal(folded, "Wyn-a-r-yd");
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
		cmocka_unit_test(download_named_in_language),
		cmocka_unit_test(lot_report_large_when_asked),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
