/*
 * Paths for walking the route table: each {id} filled with a record at
 * the walking account's own site or at another (route_walk.c holds the
 * SQL that finds them).  The ids live in a static table in route_walk.c,
 * filled once per test binary by route_walk_resolve.
 */
#ifndef RT_ROUTE_WALK_H
#define RT_ROUTE_WALK_H

#include <stddef.h>

#include "http/harness.h"
#include "server/router.h"

/* Finds every kind of id in the server's database: 0, or -1 (naming the
 * kind on stderr) when one is missing. */
int	route_walk_resolve(const struct server *);
/* Uses id as the "other site" record for paths starting with prefix
 * ("/groups/"), e.g. the heaviest one in a large data set: 0, or -1 for
 * an unknown prefix. */
int	route_walk_prefer(const char *prefix, long long id);
/* The route's path with its {id} filled for own (other 0) or another
 * site's record; a printable document without an id gets ?site=1.
 * 0, or -1 for a kind of id with no fixture (add one). */
int	route_walk_path(const struct route *, int other, char *out, size_t sz);

#endif
