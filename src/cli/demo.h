/*
 * The demo organisation's parts, loaded by `roundtable demo` in one
 * transaction.  The arrays are indexed as in demo.c's tables.
 */
#ifndef RT_DEMO_H
#define RT_DEMO_H

#include <stdint.h>
#include <time.h>

struct db;

/* Logs, follow-ups, services, issues and arrivals: enum db_result. */
int	demo_voice(struct db *, const int64_t *sites, const int64_t (*units)[7],
	    const int64_t *groups, const int64_t *accounts, time_t now);

#endif
