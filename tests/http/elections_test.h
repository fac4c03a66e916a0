/*
 * What the elections' HTTP tests share (test_elections_secrecy.c,
 * test_elections_results.c, test_elections_seats.c, test_next_step.c):
 * the server on the demo database where members of the Over-50s Forum
 * (group 1) have accounts of their own, and the steps of an election.  Static, like
 * http_test.h: each binary has its own server and its own copy.
 */
#ifndef RT_ELECTIONS_TEST_H
#define RT_ELECTIONS_TEST_H

#include <jansson.h>
#include <time.h>

#define PW		"election-test-pw"
#include "http_test.h"
#include "util/date.h"

static char		 today[DATE_CHARS + 1];

/* Members of the Over-50s Forum (group 1) with accounts of their own. */
static const char *const voters[] = { "Bernard", "Clive", "Dennis", "Frank",
    NULL };

/* The group set-up: the demo database, staff passwords, a voter.NAME
 * account for each of voters, and org.admin; then serving.  0 or -1. */
static inline int
elections_setup(void **state)
{
	static const char *const users[] = { "member.forum", "coordinator.fenwick",
	    NULL };
	char	 args[200], sql[120];
	size_t	 i;

	(void)state;
	date_today(time(NULL), today);
	if (server_prepare(&srv, NULL) == -1 ||
	    server_passwords(&srv, users, PW) == -1)
		return -1;
	for (i = 0; voters[i] != NULL; i++) {
		snprintf(sql, sizeof(sql), "SELECT id FROM people WHERE "
		    "display_name = '%s'", voters[i]);
		snprintf(args, sizeof(args), "user add voter.%s --role member "
		    "--scope group:1 --person %lld --password-stdin", voters[i],
		    db_scalar(&srv, sql));
		if (roundtable_cli(&srv, args, PW "\n", NULL) != 0)
			return -1;
	}
	if (roundtable_cli(&srv, "user add org.admin --role admin "
	    "--password-stdin", PW "\n", NULL) != 0)
		return -1;
	return server_launch(&srv);
}

static inline long long
scalar(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static inline long long
scalar(const char *fmt, ...)
{
	char	 sql[512];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof(sql), fmt, ap);
	va_end(ap);
	return db_scalar(&srv, sql);
}

static inline long long
person(const char *name)
{
	return scalar("SELECT id FROM people WHERE display_name = '%s'", name);
}

static inline long long
candidate(long long election, const char *name)
{
	return scalar("SELECT c.id FROM candidates c JOIN people p ON p.id = "
	    "c.person_id WHERE c.election_id = %lld AND p.display_name = '%s'",
	    election, name);
}

/* An election in group 1 whose every window is today. */
static inline long long
election_new(struct client *staff, const char *method, int seats)
{
	char	 body[256];

	snprintf(body, sizeof(body), "position=rep&seats=%d&method=%s"
	    "&nominations_close_on=%s&voting_opens_on=%s&voting_closes_on=%s",
	    seats, method, today, today, today);
	return submit_created(staff, "/groups/1/elections/new", body,
	    "/elections/");
}

static inline void
nominate(struct client *c, long long election, const char *who,
    const char *proposer, const char *seconder)
{
	struct reply	 r;
	char		 path[64], body[160];

	snprintf(path, sizeof(path), "/elections/%lld/nominate", election);
	snprintf(body, sizeof(body), "person_id=%lld&proposer_id=%lld"
	    "&seconder_id=%lld&statement=I+will+listen", person(who),
	    person(proposer), person(seconder));
	submit_expect(c, path, body, 303, &r);
	reply_free(&r);
}

static inline void
post_to(struct client *c, long long election, const char *action,
    const char *body, long want)
{
	struct reply	 r;
	char		 path[64];

	snprintf(path, sizeof(path), "/elections/%lld/%s", election, action);
	post_expect(c, path, body, want, &r);
	reply_free(&r);
}

/* Signs in as voter.NAME, loads the ballot, and votes with body (the
 * "for" field is added): returns the POST status. */
static inline long
vote_as(const char *name, long long election, const char *body)
{
	struct client	 c;
	struct reply	 r;
	char		 user[64], path[64], full[256];
	long		 status;

	snprintf(user, sizeof(user), "voter.%s", name);
	as(&c, user);
	snprintf(path, sizeof(path), "/elections/%lld/vote", election);
	/* The paper names the post it elects. */
	if (http_get(&c, path, &r) == 200) {
		assert_contains(r.body, ">Vote: ");
		assert_lacks(r.body, ">Vote: </h1>");
	}
	reply_free(&r);
	snprintf(full, sizeof(full), "for=%lld&%s", person(name), body);
	status = http_post(&c, path, full, 1, &r);
	reply_free(&r);
	client_free(&c);
	return status;
}

static inline long
get_status(struct client *c, const char *fmt, long long id)
{
	struct reply	 r;
	char		 path[96];
	long		 status;

	snprintf(path, sizeof(path), fmt, id);
	status = http_get(c, path, &r);
	reply_free(&r);
	return status;
}

#endif
