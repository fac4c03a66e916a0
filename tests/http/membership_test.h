/*
 * What the membership's HTTP tests share (test_membership_pipeline.c,
 * test_membership_expenses.c): the server on the demo database with
 * Fenwick's staff, a rep, a member, another site's coordinator and Gary's
 * own account; a form refused or saved, a page's status, the database
 * unchanged.  Static, like http_test.h: each binary has its own server
 * and its own copy.
 */
#ifndef RT_MEMBERSHIP_TEST_H
#define RT_MEMBERSHIP_TEST_H

#include <jansson.h>
#include <time.h>

#define PW	"membership-test-pw"
#include "http_test.h"
#include "util/date.h"

static char	 today[DATE_CHARS + 1];

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
person_id(const char *name)
{
	return scalar("SELECT id FROM people WHERE display_name = '%s'", name);
}

static inline long long
rep_team(void)
{
	return scalar("SELECT id FROM groups WHERE name = 'Wellbeing Rep Team'");
}

static inline int
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

static inline void
get_expect(struct client *c, const char *path, long want, struct reply *r)
{
	if (http_get(c, path, r) != want)
		print_error("GET %s: %ld\n%.1200s\n", path, r->status, r->body);
	assert_int_equal(r->status, want);
}

/* The database is as fingerprinted in before (which is freed). */
static inline void
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
static inline void
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
static inline void
form_saved(struct client *c, const char *path, const char *body)
{
	struct reply	 r;

	submit_expect(c, path, body, 303, &r);
	reply_free(&r);
}

#endif
