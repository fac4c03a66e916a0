/*
 * What the procurement panels' HTTP tests share (test_procurement_panel.c,
 * test_procurement_lots.c): the server on the demo database with staff,
 * evaluators, a reserve and regional accounts, the lot under test and
 * its bids, and the steps an evaluator takes.  Static, like
 * http_test.h: each binary has its own server and its own copy.
 */
#ifndef RT_PROCUREMENT_TEST_H
#define RT_PROCUREMENT_TEST_H

#define PW	"procurement-test-pw"
#include "http_test.h"

/* The lot under test, its first question and its two bids. */
static long long lot, q1, bid_a, bid_b;

/* The group set-up of both binaries: 0 or -1. */
static inline int
procurement_setup(void **state)
{
	static const char *const users[] = { "coordinator.fenwick",
	    "evaluator", "gp.evaluator", "commissioner", "reserve.evaluator",
	    "coordinator.westvale", "viewer", "governor.fenwick", "rep.fenwick",
	    "member.forum", NULL };

	(void)state;
	if (server_prepare(&srv, NULL) == -1 ||
	    server_passwords(&srv, users, PW) == -1)
		return -1;
	/* A site administrator of Fenwick, who is not on the panel, and a
	 * coordinator who also holds an evaluator grant. */
	if (roundtable_cli(&srv, "user add admin.fenwick --role admin --scope "
	    "site:1 --password-stdin", PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user add staff.evaluator --role coordinator "
	    "--scope site:1 --password-stdin", PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user grant staff.evaluator --role evaluator "
	    "--scope site:1", NULL, NULL) != 0 ||
	    roundtable_cli(&srv, "user add moderator.only --role evaluator "
	    "--scope site:1 --password-stdin", PW "\n", NULL) != 0)
		return -1;
	/* For a regional procurement: a coordinator for the whole
	 * organisation (the region) and experts from two of its sites. */
	if (roundtable_cli(&srv, "user add regional.coordinator --role "
	    "coordinator --password-stdin", PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user add expert.fenwick --role evaluator "
	    "--scope site:1 --password-stdin", PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user add expert.westvale --role evaluator "
	    "--scope site:3 --password-stdin", PW "\n", NULL) != 0)
		return -1;
	return server_launch(&srv);
}

static inline long long
account(const char *username)
{
	char	 sql[160];

	snprintf(sql, sizeof(sql), "SELECT id FROM accounts WHERE username = "
	    "'%s'", username);
	return db_scalar(&srv, sql);
}

static inline long long
member_of(const char *username)
{
	char	 sql[200];

	snprintf(sql, sizeof(sql), "SELECT id FROM panel_members WHERE "
	    "lot_id = %lld AND account_id = %lld", lot, account(username));
	return db_scalar(&srv, sql);
}

static inline long
get(struct client *c, const char *fmt, long long id, struct reply *r)
{
	char	 path[128];

	snprintf(path, sizeof(path), fmt, id);
	return http_get(c, path, r);
}

/* GETs and asserts the status, freeing the reply. */
static inline void
get_expect(struct client *c, const char *fmt, long long id, long want)
{
	struct reply	 r;
	long		 got = get(c, fmt, id, &r);

	if (got != want)
		print_error("GET %s (%lld): %ld\n%.800s\n", fmt, id, got, r.body);
	assert_int_equal(got, want);
	reply_free(&r);
}

static inline void
declare(const char *user, const char *answers, long want)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96];

	as(&c, user);
	snprintf(path, sizeof(path), "/lots/%lld/declarations", lot);
	submit_expect(&c, path, answers, want, &r);
	reply_free(&r);
	client_free(&c);
}

/* The moderator (c) seats the reserve in place of a removed member;
 * path receives the replace page's path. */
static inline void
replace_with_reserve(struct client *c, const char *removed, char *path,
    size_t size)
{
	struct reply	 r;
	char		 body[64];

	snprintf(path, size, "/panel-members/%lld/replace",
	    member_of(removed));
	snprintf(body, sizeof(body), "account_id=%lld",
	    account("reserve.evaluator"));
	submit_expect(c, path, body, 303, &r);
	reply_free(&r);
}

/* Saves (or submits) one evaluator's scores for a question. */
static inline void
score(const char *user, long long question, int a, int b, const char *why,
    const char *action, long want)
{
	struct client	 c;
	struct reply	 r;
	char		 body[512], path[96];

	as(&c, user);
	snprintf(path, sizeof(path), "/questions/%lld/scores", question);
	/* An empty why leaves both justifications empty. */
	snprintf(body, sizeof(body), "score_%lld=%d&justification_%lld=%s%s"
	    "&score_%lld=%d&justification_%lld=%s%s&action=%s", bid_a, a,
	    bid_a, why, *why ? "+for+A" : "", bid_b, b, bid_b, why,
	    *why ? "+for+B" : "", action);
	submit_expect(&c, path, body, want, &r);
	reply_free(&r);
	client_free(&c);
}

#endif
