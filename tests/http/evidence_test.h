/*
 * What the evidence's HTTP tests share (test_evidence_dashboards.c,
 * test_evidence_records.c, test_evidence_suppression.c): the server on
 * the demo database with staff, a member, a funder and another site's
 * coordinator, and a page's status asked for.  Static, like http_test.h:
 * each binary has its own server and its own copy.
 */
#ifndef RT_EVIDENCE_TEST_H
#define RT_EVIDENCE_TEST_H

#define PW	"evidence-test-pw"
#include "http_test.h"

#include <jansson.h>

static inline int
setup(void **state)
{
	static const char *const users[] = { "admin", "member.forum",
	    "coordinator.fenwick", "coordinator.harbour", "viewer", NULL };

	(void)state;
	if (server_prepare(&srv, NULL) == -1)
		return -1;
	if (server_passwords(&srv, users, PW) == -1)
		return -1;
	return server_launch(&srv);
}

static inline void
get_is(struct client *c, const char *path, long status)
{
	struct reply	 r;

	if (http_get(c, path, &r) != status)
		print_error("GET %s: %ld\n%.1500s\n", path, r.status, r.body);
	assert_int_equal(r.status, status);
	reply_free(&r);
}

#endif
