/*
 * Paper ballots typed in by two staff tellers, who must agree: a batch
 * waits for the second teller's entry, a mismatch names the papers that
 * differ in the reader's language and way of reading, and nothing is
 * counted until both agree.  Split from test_elections_results.c;
 * helpers and set-up: elections_test.h.
 */
#include "elections_test.h"

static void
batch(struct client *c, long long e, const char *papers, long want,
    const char *expect)
{
	struct reply	 r;
	char		 path[64], body[160];

	snprintf(path, sizeof(path), "/elections/%lld/batches", e);
	snprintf(body, sizeof(body), "label=Box+1&papers=%s", papers);
	submit_expect(c, path, body, want, &r);
	if (expect != NULL)
		assert_contains(want == 303 ? r.location : r.body, expect);
	reply_free(&r);
}

/* The first teller types papers 1 2 1, the second, reading (query, if
 * not NULL, first sets how) as they read, 1 2 2: told expect. */
static void
mismatch_read_as(struct client *one, struct client *two, long long e,
    const char *query, const char *expect)
{
	struct reply	 r;
	char		 path[96];

	if (query != NULL) {
		snprintf(path, sizeof(path), "/elections/%lld?%s", e, query);
		assert_int_equal(http_get(two, path, &r), 200);
		reply_free(&r);
	}
	batch(one, e, "1%0A2%0A1", 303, "batch=waiting");
	batch(two, e, "1%0A2%0A2", 422, expect);
}

static void
paper_ballots_need_two_tellers_who_agree(void **state)
{
	struct client	 one, two;
	struct reply	 r;
	char		 path[64], body[64];
	long long	 e;
	size_t		 i;

	(void)state;
	/* Tellers are staff covering the group: a coordinator and an
	 * organisation-wide admin.  A member cannot type in papers. */
	as(&one, "coordinator.fenwick");
	as(&two, "org.admin");
	e = election_new(&one, "fptp", 1);
	nominate(&one, e, "Arthur", "Bernard", "Clive");
	nominate(&one, e, "Dennis", "Dennis", "Frank");
	post_to(&one, e, "open", "", 303);
	/* Three members take paper ballots: marked on the roll. */
	snprintf(path, sizeof(path), "/elections/%lld/paper-ballots", e);
	for (i = 0; i < 3; i++) {
		snprintf(body, sizeof(body), "person_id=%lld",
		    person(voters[i]));
		submit_expect(&one, path, body, 303, &r);
		reply_free(&r);
	}
	/* ...so they cannot vote online as well. */
	assert_int_equal(vote_as("Bernard", e, "mark=1"), 409);
	/* Ballot papers print while the poll is open. */
	snprintf(path, sizeof(path), "/elections/%lld/ballot.pdf", e);
	assert_int_equal(http_get(&one, path, &r), 200);
	{
		char	*text = pdf_text(&srv, &r);

		assert_contains(text, "Ballot paper");
		assert_contains(text, "1. Arthur");
		assert_contains(text, "2. Dennis");
		assert_contains(text, "one name only");
		free(text);
	}
	reply_free(&r);
	/* In Welsh, every sentence the paper says; the names as they are. */
	snprintf(path, sizeof(path), "/elections/%lld/ballot.pdf?lang=cy", e);
	assert_int_equal(http_get(&one, path, &r), 200);
	{
		char	*text = pdf_text(&srv, &r);

		assert_contains(text, "Papur pleidleisio");
		assert_contains(text, "1. Arthur");
		assert_contains(text, "un enw yn unig");
		assert_contains(text, "blwch pleidleisio");
		assert_contains(text, "Tudalen 1");
		assert_lacks(text, "Ballot paper");
		assert_lacks(text, "one name only");
		assert_lacks(text, "ballot box");
		assert_lacks(text, "Page 1");
		free(text);
	}
	reply_free(&r);
	/* The choice is kept (the rt_lang cookie) until changed back. */
	snprintf(path, sizeof(path), "/elections/%lld/ballot.pdf?lang=en", e);
	assert_int_equal(http_get(&one, path, &r), 200);
	reply_free(&r);

	/* Paper numbers are the order on the paper: 1 Arthur, 2 Dennis. */
	batch(&one, e, "1%0A2%0A1", 303, "batch=waiting");
	/* The same teller again only replaces their own entry. */
	batch(&one, e, "1%0A2%0A1", 303, "batch=waiting");
	assert_int_equal(scalar("SELECT count(*) FROM ballots WHERE "
	    "election_id = %lld", e), 0);
	{
		struct client	 member;

		as(&member, "member.forum");
		assert_int_equal(get_status(&member, "/elections/%lld/batches",
		    e), 403);
		batch(&member, e, "1%0A2%0A1", 403, NULL);
		client_free(&member);
	}
	/* The second teller read the third paper differently. */
	batch(&two, e, "1%0A2%0A2", 422, "Your entry and the other "
	    "teller&#39;s differ (paper 3).");
	assert_int_equal(scalar("SELECT count(*) FROM ballots WHERE "
	    "election_id = %lld", e), 0);
	assert_int_equal(scalar("SELECT count(*) FROM ballot_batch_entries"), 0);
	/* Kept without words (the paper's number), worded for each reader:
	 * the election page and the form in Welsh, the form in easy read. */
	{
		char	*kept = db_text(&srv, "SELECT differed FROM "
			    "ballot_batches WHERE label = 'Box 1'");

		assert_non_null(kept);
		assert_string_equal(kept, "3");
		free(kept);
	}
	snprintf(path, sizeof(path), "/elections/%lld?lang=cy", e);
	assert_int_equal(http_get(&two, path, &r), 200);
	assert_contains(r.body, "roedd y cofnodion diwethaf yn wahanol "
	    "(papur 3)");
	assert_lacks(r.body, "paper 3");
	reply_free(&r);
	mismatch_read_as(&one, &two, e, NULL, "Mae eich cofnod chi a chofnod y "
	    "rhifwr arall yn wahanol (papur 3).");
	mismatch_read_as(&one, &two, e, "lang=en&read=easy", "Paper 3 is "
	    "different. Count the batch again.");
	snprintf(path, sizeof(path), "/elections/%lld?read=standard", e);
	assert_int_equal(http_get(&two, path, &r), 200);
	reply_free(&r);
	/* A paper that marks nobody on the list. */
	batch(&one, e, "1%0A7", 422, "Paper 2: a number that is not on the "
	    "paper");
	/* A different number of papers: said, but not how many the other
	 * teller typed (no paper numbers past the shorter entry). */
	batch(&one, e, "1%0A2%0A1", 303, "batch=waiting");
	batch(&two, e, "1%0A2", 422, "differ (the number of papers).");
	assert_int_equal(scalar("SELECT count(*) FROM ballot_batch_entries"), 0);
	/* Both count again and agree. */
	batch(&one, e, "1%0A2%0A1", 303, "batch=waiting");
	batch(&two, e, "1%0A2%0A1", 303, "batch=accepted");
	assert_int_equal(scalar("SELECT count(*) FROM ballots WHERE "
	    "election_id = %lld", e), 3);
	/* Accepted batches are closed. */
	batch(&one, e, "1", 422, "That batch is already accepted");
	client_free(&one);
	client_free(&two);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paper_ballots_need_two_tellers_who_agree),
	};

	return cmocka_run_group_tests(tests, elections_setup,
	    server_teardown);
}
