/*
 * Why environment variables and not routes: a route would be in the
 * route table that tests/http/test_routes.c walks with every role, and
 * the walk would stop the server.  Nothing here is compiled into the
 * release binary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_hooks.h"

#ifdef RT_TEST_HOOKS
#include <sys/socket.h>
#include <unistd.h>

void
test_hook_request(const char *path)
{
	const char	*at = getenv("RT_TEST_FORBIDDEN_CALL");

	if (at == NULL || path == NULL || strcmp(at, path) != 0)
		return;
	/* Under the lock-down this never returns.  Not socket: a server on
	 * PostgreSQL may open one (to its database); nothing may listen. */
	(void)listen(-1, 0);
}

unsigned
test_hook_drawer_sleep(void)
{
	const char	*s = getenv("RT_TEST_DRAWER_SLEEP");

	return s != NULL ? (unsigned)strtoul(s, NULL, 10) : 0;
}

void
test_hook_import_stall(void)
{
	const char	*marker = getenv("RT_TEST_IMPORT_STALL");
	FILE		*f;

	if (marker == NULL || (f = fopen(marker, "w")) == NULL)
		return;
	fclose(f);
	sleep(60);
}
#else
void
test_hook_request(const char *path)
{
	(void)path;
}

unsigned
test_hook_drawer_sleep(void)
{
	return 0;
}

void
test_hook_import_stall(void)
{
}
#endif
