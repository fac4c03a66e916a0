/*
 * Voice on paper: sheets typed in are saved all or nothing and keep what
 * the sheet says, and the printable sheet and the directory are PDFs.
 */
#include "voice_test.h"

static void
paper_sheets_are_saved_all_or_nothing(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 body[1024];
	long long	 before = log_count(), me = db_scalar(&srv, "SELECT id "
	    "FROM accounts WHERE username = 'rep.fenwick'");

	(void)state;
	as(&c, "rep.fenwick");
	assert_int_equal(http_get(&c, "/conversations/batch", &r), 200);
	assert_contains(r.body, "Sheet 6");
	reply_free(&r);
	/* Sheet 2 lacks its outcome: nothing is saved. */
	snprintf(body, sizeof(body), "site_id=1&r1_author_id=%lld"
	    "&r1_occurred_on=2026-11-01&r1_occurred_time=10:00"
	    "&r1_channel=letter&r1_topic_ids=4"
	    "&r1_raised=Portions+small&r1_consent=anonymous&r1_outcome=resolved"
	    "&r2_author_id=%lld&r2_occurred_on=2026-11-02"
	    "&r2_occurred_time=10:00&r2_channel=letter&r2_topic_ids=4"
	    "&r2_raised=Cold+food&r2_consent=anonymous", me, me);
	assert_int_equal(http_post(&c, "/conversations/batch", body, 1, &r),
	    422);
	assert_contains(r.body, "Sheet 2: Select outcome");
	assert_contains(r.body, "Portions small");
	reply_free(&r);
	assert_int_equal(log_count(), before);
	snprintf(body, sizeof(body), "site_id=1&r1_author_id=%lld"
	    "&r1_occurred_on=2026-11-01&r1_occurred_time=10:00"
	    "&r1_channel=letter&r1_topic_ids=4"
	    "&r1_raised=Portions+small&r1_consent=anonymous&r1_outcome=resolved"
	    "&r3_author_id=%lld&r3_occurred_on=2026-11-02"
	    "&r3_occurred_time=10:00&r3_channel=letter&r3_topic_ids=4"
	    "&r3_raised=Cold+food&r3_consent=anonymous&r3_outcome=coordinator"
	    "&r3_followup_action=Ask+the+kitchen&r3_followup_due=2036-11-30",
	    me, me);
	assert_int_equal(http_post(&c, "/conversations/batch", body, 1, &r),
	    303);
	assert_string_equal(r.location, "/conversations/batch?saved=2");
	reply_free(&r);
	assert_int_equal(log_count(), before + 2);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM conversations "
	    "WHERE from_paper = 1"), 2);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM followups WHERE "
	    "action = 'Ask the kitchen'"), 1);
	client_free(&c);
}

static void
printable_sheet_and_directory_are_pdfs(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*text;

	(void)state;
	as(&c, "rep.fenwick");
	assert_int_equal(http_get(&c, "/conversations/sheet.pdf?site=1", &r),
	    200);
	assert_string_equal(r.content_type, "application/pdf");
	assert_true(r.len > 1000 && memcmp(r.body, "%PDF-", 5) == 0);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Conversation log sheet: HMP Fenwick");
	assert_contains(text, "What was raised");
	assert_contains(text, "Outcome");
	assert_contains(text, "C wing");
	assert_contains(text, "Canteen prices");
	free(text);
	reply_free(&r);
	/* Not for a site the rep does not work at. */
	assert_int_equal(http_get(&c, "/conversations/sheet.pdf?site=3", &r),
	    404);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/directory.pdf?site=1", &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Later Life Advice Service");
	assert_contains(text, "How to be referred");
	assert_lacks(text, "Harbour Housing Advice");
	free(text);
	reply_free(&r);
	client_free(&c);
}

/* Types in one sheet about the laundry, written by author, and expects
 * want; the reply is left in r. */
static void
laundry_sheet(struct client *c, long long author, long long topic2,
    long want, struct reply *r)
{
	char	 body[1024];

	snprintf(body, sizeof(body), "site_id=1&r1_author_id=%lld"
	    "&r1_occurred_on=2026-11-03&r1_occurred_time=14:30"
	    "&r1_channel=letter&r1_topic_ids=4&r1_topic_ids=%lld"
	    "&r1_raised=Laundry+returned+damp&r1_consent=anonymous"
	    "&r1_outcome=coordinator&r1_followup_action=Chase+the+laundry"
	    "&r1_followup_due=2036-11-20", author, topic2);
	assert_int_equal(http_post(c, "/conversations/batch", body, 1, r),
	    want);
}

/* A paper sheet typed in keeps everything the sheet asks for: its time,
 * every topic ticked, the follow-up's date, and whose sheet it was; the
 * typist is recorded apart, and the log is the author's to read. */
static void
a_typed_sheet_keeps_what_the_sheet_says(void **state)
{
	struct client	 c, two, other;
	struct reply	 r;
	char		 sql[256], path[64];
	long long	 author, typist, westvale, member, topic2, log;

	(void)state;
	author = db_scalar(&srv, "SELECT id FROM accounts WHERE username = "
	    "'rep.two'");
	typist = db_scalar(&srv, "SELECT id FROM accounts WHERE username = "
	    "'coordinator.fenwick'");
	westvale = db_scalar(&srv, "SELECT id FROM accounts WHERE username = "
	    "'rep.westvale'");
	member = db_scalar(&srv, "SELECT id FROM accounts WHERE username = "
	    "'member.forum'");
	topic2 = db_scalar(&srv, "SELECT max(id) FROM topics WHERE id != 4 "
	    "AND (site_id IS NULL OR site_id = 1)");
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/conversations/batch", &r), 200);
	assert_contains(r.body, "name=\"r1_author_id\"");
	assert_contains(r.body, "name=\"r1_occurred_time\"");
	assert_contains(r.body, "name=\"r1_followup_due\"");
	reply_free(&r);
	/* The author is a rep at the sheets' site, and no one else. */
	laundry_sheet(&c, westvale, topic2, 422, &r);
	assert_contains(r.body, "href=\"#r1_author_id\"");
	reply_free(&r);
	laundry_sheet(&c, member, topic2, 422, &r);
	assert_contains(r.body, "href=\"#r1_author_id\"");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM conversations "
	    "WHERE raised = 'Laundry returned damp'"), 0);

	laundry_sheet(&c, author, topic2, 303, &r);
	reply_free(&r);
	log = db_scalar(&srv, "SELECT id FROM conversations WHERE raised = "
	    "'Laundry returned damp'");
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM conversations WHERE "
	    "id = %lld AND occurred_at = '2026-11-03T14:30' AND author_id = "
	    "%lld AND entered_by = %lld AND from_paper = 1", log, author,
	    typist);
	assert_int_equal(db_scalar(&srv, sql), 1);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM conversation_topics "
	    "WHERE conversation_id = %lld", log);
	assert_int_equal(db_scalar(&srv, sql), 2);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM followups WHERE "
	    "conversation_id = %lld AND owner_id = %lld AND due_on = "
	    "'2036-11-20' AND created_by = %lld", log, author, typist);
	assert_int_equal(db_scalar(&srv, sql), 1);
	client_free(&c);

	/* The author reads it; another rep does not. */
	snprintf(path, sizeof(path), "/conversations/%lld", log);
	as(&two, "rep.two");
	assert_int_equal(http_get(&two, path, &r), 200);
	assert_contains(r.body, "Laundry returned damp");
	assert_contains(r.body, "typed in by Fenwick coordinator");
	reply_free(&r);
	client_free(&two);
	as(&other, "rep.fenwick");
	assert_true(http_get(&other, path, &r) >= 403);
	assert_lacks(r.body, "Laundry returned damp");
	reply_free(&r);
	client_free(&other);
}

/* Where needle first is in hay, failing when it is not there. */
static const char *
found(const char *hay, const char *needle)
{
	const char	*at = strstr(hay, needle);

	if (at == NULL)
		fail_msg("\"%s\" not found", needle);
	return at;
}

/* In Welsh the sheet names every site's topics in Welsh, and every list
 * of topics is in the reader's order: "Addysg a gwaith" first, a site's
 * own after them, "Arall" (Other) last; in English "Other" last too. */
static void
topics_are_in_the_readers_words_and_order(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*text;
	const char	*paths[] = { "/conversations/new", "/conversations/batch",
	    "/conversations" };
	size_t		 i;

	(void)state;
	as(&c, "rep.fenwick");
	assert_int_equal(http_get(&c, "/conversations/sheet.pdf?site=1", &r),
	    200);
	text = pdf_text(&srv, &r);
	assert_true(found(text, "Canteen prices") < found(text, "Other"));
	free(text);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/conversations/sheet.pdf?site=1&lang=cy",
	    &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Cyswllt â'r teulu");
	assert_lacks(text, "Education and work");
	assert_lacks(text, "Family contact");
	assert_true(found(text, "Addysg a gwaith") < found(text, "Ffydd"));
	assert_true(found(text, "Gofal iechyd") < found(text, "Canteen prices"));
	assert_true(found(text, "Canteen prices") < found(text, "Arall"));
	free(text);
	reply_free(&r);
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		assert_int_equal(http_get(&c, paths[i], &r), 200);
		assert_true(found(r.body, ">Addysg a gwaith<") <
		    found(r.body, ">Ffydd<"));
		assert_true(found(r.body, ">Ymweliadau<") <
		    found(r.body, ">Arall<"));
		reply_free(&r);
	}
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paper_sheets_are_saved_all_or_nothing),
		cmocka_unit_test(a_typed_sheet_keeps_what_the_sheet_says),
		cmocka_unit_test(printable_sheet_and_directory_are_pdfs),
		cmocka_unit_test(topics_are_in_the_readers_words_and_order),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
