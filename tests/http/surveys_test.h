/*
 * What the surveys' HTTP tests share (test_surveys_answering.c,
 * test_surveys_results.c, test_surveys_themes.c): the server on the demo
 * database with the forum's member, Fenwick's staff and rep, and a
 * viewer; and one integer from the database.  Static, like http_test.h:
 * each binary has its own server and its own copy.
 */
#ifndef RT_SURVEYS_TEST_H
#define RT_SURVEYS_TEST_H

#include <jansson.h>

#define PW	"survey-test-password"
#include "http_test.h"
#include "util/date.h"

static inline int
setup(void **state)
{
	static const char *const users[] = { "member.forum",
	    "coordinator.fenwick", "rep.fenwick", "viewer",
	    "coordinator.westvale", NULL };

	(void)state;
	if (server_prepare(&srv, NULL) == -1 ||
	    server_passwords(&srv, users, PW) == -1)
		return -1;
	return server_launch(&srv);
}

/* One integer from the database: fmt's %lld filled with id. */
#define scalar(fmt, id)	db_scalar_id(&srv, fmt, id)

#endif
