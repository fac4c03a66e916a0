/*
 * What the meetings' HTTP tests share (test_meetings_agenda.c,
 * test_meetings_minutes.c, test_meetings_papers.c): the server on the
 * demo database, its uploads large enough for the papers the archive
 * draws, with the forum's member, staff, its governor and a member of
 * another site's council; and the steps of a meeting: one added, a
 * paper uploaded, minutes approved and published.  Static, like
 * http_test.h: each binary has its own server and its own copy.
 */
#ifndef RT_MEETINGS_TEST_H
#define RT_MEETINGS_TEST_H

#include <sys/stat.h>
#include <jansson.h>
#include <time.h>
#include <unistd.h>

#define PW		"meeting-test-pw"
#include "http_test.h"
#include "db/db.h"
#include "limits.h"
#include "papers.h"
#include "util/date.h"

#define UPLOAD_MAX	262144	/* room for the papers the archive draws */
#define TEXT_OF(n)	#n
#define NUMBER_TEXT(n)	TEXT_OF(n)

static inline int
setup(void **state)
{
	static const char *const users[] = { "member.forum", "coordinator.fenwick",
	    "governor.fenwick", NULL };
	char	 args[160];

	(void)state;
	if (server_prepare(&srv, "[limits]\nupload_max = "
	    NUMBER_TEXT(UPLOAD_MAX)	    "\n") == -1)
		return -1;
	if (server_passwords(&srv, users, PW) == -1)
		return -1;
	/* A member of Westvale's council, another site's group. */
	snprintf(args, sizeof(args), "user add member.westvale --role member "
	    "--scope group:%lld --password-stdin", db_scalar(&srv,
	    "SELECT id FROM groups WHERE name = 'Westvale Community Council'"));
	if (roundtable_cli(&srv, args, PW "\n", NULL) != 0)
		return -1;
	return server_launch(&srv);
}

static inline long long
meeting_on(struct client *c, const char *date)
{
	char	 body[160];

	snprintf(body, sizeof(body), "kind=forum&held_on=%s&starts_at=14:00"
	    "&place=Chapel", date);
	return submit_created(c, "/groups/1/meetings/new", body, "/meetings/");
}

/* The person holding a position in the forum (group 1). */
static inline long long
officer(const char *position)
{
	char	 sql[160];

	snprintf(sql, sizeof(sql), "SELECT person_id FROM memberships WHERE "
	    "group_id = 1 AND position = '%s' AND to_on IS NULL", position);
	return db_scalar(&srv, sql);
}

static inline void
upload(struct client *c, long long meeting, const char *title,
    const char *filename, const void *data, size_t len)
{
	struct reply	 r;
	char		 path[64];

	snprintf(path, sizeof(path), "/meetings/%lld/papers", meeting);
	if (http_post_file(c, path, title, filename, data, len, &r) != 303)
		print_error("upload %s: %ld %.600s\n", filename, r.status,
		    r.body);
	assert_int_equal(r.status, 303);
	reply_free(&r);
}

/* Approved at a later meeting by the secretary and vice chair, then
 * published by staff. */
static inline void
publish(struct client *member, struct client *staff, long long meeting,
    long long later)
{
	struct reply	 r;
	char		 path[64], body[128];

	snprintf(path, sizeof(path), "/meetings/%lld/approve", meeting);
	snprintf(body, sizeof(body), "approved_at=%lld&proposed_by=%lld"
	    "&seconded_by=%lld", later, officer("secretary"),
	    officer("vice_chair"));
	submit_expect(member, path, body, 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld/publish", meeting);
	post_expect(staff, path, "", 303, &r);
	reply_free(&r);
}

#endif
