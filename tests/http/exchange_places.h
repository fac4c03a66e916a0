/*
 * A hub and two offline stations for the exchange's tests (issue 13):
 * three databases and three real servers, bundles carried as files by
 * the `roundtable exchange` command, as a coordinator with a USB stick
 * would.  Shared by test_exchange.c (the mechanism) and
 * test_exchange_meetings.c (the meetings and surveys that travel).  The
 * places are file-wide globals set up once per binary by places_setup.
 */
#ifndef RT_EXCHANGE_PLACES_H
#define RT_EXCHANGE_PLACES_H

#include <stddef.h>

#include "http/harness.h"

/* The password of every demo account the tests sign in as. */
#define PLACES_PW	"exchange-test-password"

/* A station: its server, its number, the hub's site it holds, the rep
 * who logs there. */
struct station {
	struct server	 srv;
	int		 origin;
	int		 site;
	const char	*logger;
};

extern struct server	hub;
extern struct station	st_a;	/* HMP Fenwick, site 1, place 2 */
extern struct station	st_b;	/* site 2, place 3 */

/* The group set-up: the hub from the demo database, both stations
 * paired, joined and given their sites by the hub's first bundle, all
 * three serving; and its tear-down.  0 or -1. */
int	places_setup(void **state);
int	places_teardown(void **state);

/* Runs `roundtable exchange ARGS` on s's database: the exit status, its
 * output in *out (malloc'd) when out is not NULL. */
int	exchange(const struct server *s, const char *args, char **out);

/* The path of a file in the hub's folder (the stick). */
void	stick(char *out, size_t sz, const char *name);

/* Exports from one place for to_origin and imports at the other,
 * through the stick's file name: 0, or the failing command's status
 * (its output printed). */
int	carry(const struct server *from, int to_origin, const struct server *to,
	    const char *name);

/* Asserts that `exchange check` prints the same at the hub and at st:
 * every shared table's rows agree. */
void	station_agrees_with_hub(const struct station *st);

/* Posts body to path as c, expecting a redirect to prefix + the new
 * record's id: that id. */
long long made(struct client *c, const char *path, const char *body,
	    const char *prefix);
/* Posts body to path as c, expecting a redirect. */
void	posted(struct client *c, const char *path, const char *body);
/* Posts body to path as c, expecting the exchange's refusal (409, its
 * message holding words). */
void	refused_409(struct client *c, const char *path, const char *body,
	    const char *words);

#endif
