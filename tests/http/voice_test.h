/*
 * What the voice's HTTP tests share (test_voice_logs.c,
 * test_voice_sheets.c, test_voice_issues.c): the server on the demo
 * database with two reps at Fenwick, one at Westvale, Fenwick's
 * coordinator, the forum's member and an administrator; and the number
 * of conversations logged.  Static, like http_test.h: each binary has its
 * own server and its own copy.
 */
#ifndef RT_VOICE_TEST_H
#define RT_VOICE_TEST_H

#include <jansson.h>

#define PW	"voice-test-password"
#include "http_test.h"

static inline int
setup(void **state)
{
	(void)state;
	if (server_prepare(&srv, NULL) == -1)
		return -1;
	/* A second rep at Fenwick, and a rep at Westvale (site 3). */
	if (roundtable_cli(&srv, "user add rep.two --role rep --scope site:1 "
	    "--password-stdin", PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user add rep.westvale --role rep --scope "
	    "site:3 --password-stdin", PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user passwd rep.fenwick --password-stdin",
	    PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user passwd coordinator.fenwick "
	    "--password-stdin", PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user passwd member.forum --password-stdin",
	    PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user add org.admin --role admin "
	    "--password-stdin", PW "\n", NULL) != 0)
		return -1;
	return server_launch(&srv);
}

static inline long long
log_count(void)
{
	return db_scalar(&srv, "SELECT count(*) FROM conversations");
}

#endif
