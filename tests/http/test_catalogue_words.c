/*
 * Sentences C hands to a reader by a way other than _() or
 * response_error: a struct's refusal, a notice, a label built around
 * someone's words.  A review found them English on Welsh pages; each is
 * now in the catalogue, and tools/check-words.sh fails on any sentence
 * in C that is not (or not kept English in tools/english-kept.txt).
 */
#define PW	srv.demo_password
#include "http_test.h"

#include <stdio.h>
#include <stdlib.h>

static int
setup(void **state)
{
	static const char *const users[] = { "rep.fenwick",
	    "coordinator.fenwick", "member.forum", NULL };

	(void)state;
	return server_with_passwords(users);
}

/* The banner after a log is saved: a notice set in a struct. */
static void
logged_notice_in_welsh(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*body, path[96];

	(void)state;
	as(&c, "rep.fenwick");
	assert_true(asprintf(&body, "site_id=1&unit_id=%lld&occurred_on="
	    "2026-11-20&occurred_time=10:15&channel=wing_visit&topic_ids=1"
	    "&raised=Cold+showers&consent=anonymous&outcome=resolved",
	    db_scalar(&srv, "SELECT min(id) FROM units WHERE site_id = 1")) >
	    0);
	post_expect(&c, "/conversations/new?lang=cy", body, 303, &r);
	free(body);
	reply_free(&r);
	snprintf(path, sizeof(path), "/conversations/new?logged=%lld&lang=cy",
	    db_scalar(&srv, "SELECT max(id) FROM conversations"));
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "Mae&#39;r sgwrs wedi&#39;i chofnodi.");
	assert_lacks(r.body, "Conversation logged");
	reply_free(&r);
	client_free(&c);
}

/* A published election refuses a proxy with the phase's refusal. */
static void
closed_poll_refused_in_welsh(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96];

	(void)state;
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/elections/%lld/proxies?lang=cy",
	    db_scalar(&srv, "SELECT min(id) FROM elections WHERE state = "
	    "'published'"));
	assert_int_equal(http_get(&c, path, &r), 409);
	assert_contains(r.body, "Mae&#39;r bleidlais wedi cau.");
	assert_lacks(r.body, "The poll has closed");
	reply_free(&r);
	client_free(&c);
}

/* A count's label carries an option someone wrote: worded around it. */
static void
vote_count_label_in_welsh(void **state)
{
	struct client	 c;
	struct reply	 r;
	long long	 id;
	char		 path[96];

	(void)state;
	as(&c, "member.forum");
	id = submit_created(&c, "/groups/1/event-votes/new", "title=Open+day"
	    "&held_on=2026-05-01&method=hands&options=Music%0AFood",
	    "/event-votes/");
	snprintf(path, sizeof(path), "/event-votes/%lld/counts?lang=cy", id);
	post_expect(&c, path, "votes_1=12&votes_2=x", 422, &r);
	assert_contains(r.body, "Pleidleisiau dros Food");
	assert_lacks(r.body, "Votes for");
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(logged_notice_in_welsh),
		cmocka_unit_test(closed_poll_refused_in_welsh),
		cmocka_unit_test(vote_count_label_in_welsh),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
