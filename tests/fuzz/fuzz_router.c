/*
 * router_match over the real route table (src/routes.c) with arbitrary
 * paths and both methods.  Input: the first byte picks the method when the
 * rest is a path; a path that starts with '/' is taken whole and tried
 * with both methods.
 *
 * Checks: a match is an entry of routes[] with that method, its ids are
 * positive and at most 18 digits, there is one per "{id}", and putting them
 * back into the pattern gives the path again (so nothing is ignored or
 * reinterpreted).  No match is 404 or 405 with no ids, and 405 exactly
 * when the other method matches.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/router.h"

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,	\
		    __LINE__, #cond);					\
		abort();						\
	}								\
} while (0)

static void
check_match(enum http_method method, const char *path)
{
	int64_t			 ids[ROUTE_IDS_MAX], other_ids[ROUTE_IDS_MAX];
	size_t			 nids = 99, other_nids = 99, i, want, plen;
	int			 status = 0, other_status = 0;
	const struct route	*rt, *other;
	enum http_method	 om = method == HTTP_GET ? HTTP_POST : HTTP_GET;
	char			*rebuilt, *w;
	const char		*p;

	memset(ids, 0xa5, sizeof(ids));
	rt = router_match(routes, routes_count, method, path, ids, &nids,
	    &status);
	other = router_match(routes, routes_count, om, path, other_ids,
	    &other_nids, &other_status);
	if (rt == NULL) {
		CHECK(status == 404 || status == 405);
		CHECK(nids == 0);
		CHECK((status == 405) == (other != NULL));
		return;
	}
	CHECK(rt >= routes && rt < routes + routes_count);
	CHECK(rt->method == method);
	CHECK(nids <= ROUTE_IDS_MAX);
	for (want = 0, p = rt->pattern; (p = strstr(p, "{id}")) != NULL; p += 4)
		want++;
	CHECK(nids == want);
	for (i = 0; i < nids; i++) {
		CHECK(ids[i] > 0);
		CHECK(ids[i] <= INT64_C(999999999999999999));
	}
	/* The first matching entry wins: none before it matches. */
	for (i = 0; routes + i < rt; i++) {
		int64_t	 x[ROUTE_IDS_MAX];
		size_t	 nx;
		int	 st;

		if (routes[i].method != method)
			continue;
		CHECK(router_match(&routes[i], 1, method, path, x, &nx, &st) ==
		    NULL);
	}
	/* Round trip: the pattern with the ids put back is the path. */
	plen = strlen(rt->pattern) + nids * 20 + 1;
	CHECK((rebuilt = malloc(plen)) != NULL);
	w = rebuilt;
	for (p = rt->pattern, i = 0; *p != '\0';) {
		if (strncmp(p, "{id}", 4) == 0) {
			w += sprintf(w, "%" PRId64, ids[i++]);
			p += 4;
		} else
			*w++ = *p++;
	}
	*w = '\0';
	if (strcmp(rebuilt, path) != 0) {
		fprintf(stderr, "path \"%s\" matched %s as \"%s\"\n", path,
		    rt->pattern, rebuilt);
		abort();
	}
	free(rebuilt);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*path;

	if (size == 0)
		return 0;
	/* Paths are C strings (the HTTP layer keeps NUL out of them). */
	if ((path = malloc(size + 1)) == NULL)
		return 0;
	if (data[0] == '/') {
		memcpy(path, data, size);
		path[size] = '\0';
		check_match(HTTP_GET, path);
		check_match(HTTP_POST, path);
	} else {
		memcpy(path, data + 1, size - 1);
		path[size - 1] = '\0';
		check_match(data[0] & 1 ? HTTP_POST : HTTP_GET, path);
	}
	free(path);
	return 0;
}
