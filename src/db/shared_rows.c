/*
 * A small direct-mapped table, one mutex: a slot holds one (query, scope)
 * and its rows.  A slot taken by another key, or stamped with another
 * generation, is simply overwritten; the lists are cheap to rebuild and
 * the table stays SHARED_ROWS_SLOTS long whatever the traffic.  The mutex
 * is held only to look up or to swap a pointer, never while SQLite runs.
 * jansson counts references atomically, so an array may be dropped by the
 * cache while a request on another thread still renders it.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shared_rows.h"
#include "../limits.h"

/* One cached list.  Owns scope and a reference to rows. */
struct shared_slot {
	const char	*sql;		/* not owned: a literal */
	int		 all;
	char		*scope;		/* owned: the site ids as JSON text */
	int64_t		 generation;
	json_t		*rows;		/* one reference owned */
};

static struct shared_slot	slots[SHARED_ROWS_SLOTS];
static pthread_mutex_t		lock = PTHREAD_MUTEX_INITIALIZER;

static const char *sql_generation = "SELECT n FROM reference_generation";

static size_t
slot_of(const char *sql, int all, const char *scope)
{
	uint64_t	 h = 1469598103934665603ULL;	/* FNV-1a */
	const char	*p;

	h = (h ^ (uint64_t)(uintptr_t)sql) * 1099511628211ULL;
	h = (h ^ (uint64_t)all) * 1099511628211ULL;
	for (p = scope; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	return (size_t)(h % SHARED_ROWS_SLOTS);
}

static int
slot_holds(const struct shared_slot *s, const char *sql, int all,
    const char *scope, int64_t generation)
{
	return s->rows != NULL && s->sql == sql && s->all == all &&
	    s->generation == generation && strcmp(s->scope, scope) == 0;
}

json_t *
db_rows_shared(struct db *db, const char *sql, int all, const char *site_ids)
{
	const char		*scope = site_ids != NULL ? site_ids : "";
	struct shared_slot	*s = &slots[slot_of(sql, all, scope)];
	json_t			*rows, *old;
	char			*copy;
	int64_t			 generation;

	if (db_int(db, &generation, sql_generation, "") <= 0)
		return NULL;
	pthread_mutex_lock(&lock);
	rows = slot_holds(s, sql, all, scope, generation) ?
	    json_incref(s->rows) : NULL;
	pthread_mutex_unlock(&lock);
	if (rows != NULL)
		return rows;

	if ((rows = db_rows(db, sql, "dt", all, site_ids)) == NULL)
		return NULL;
	if ((copy = strdup(scope)) == NULL)
		return rows;	/* served, just not kept */
	pthread_mutex_lock(&lock);
	old = s->rows;
	free(s->scope);
	s->sql = sql;
	s->all = all;
	s->scope = copy;
	s->generation = generation;
	s->rows = json_incref(rows);
	pthread_mutex_unlock(&lock);
	json_decref(old);
	return rows;
}

void
db_rows_shared_clear(void)
{
	size_t	 i;

	pthread_mutex_lock(&lock);
	for (i = 0; i < SHARED_ROWS_SLOTS; i++) {
		json_decref(slots[i].rows);
		free(slots[i].scope);
		memset(&slots[i], 0, sizeof(slots[i]));
	}
	pthread_mutex_unlock(&lock);
}
