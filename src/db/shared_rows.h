/*
 * Reference lists shared between requests: the sites, places, topics,
 * services and staff that fill a page's choices and filters.  They are read
 * on nearly every page and change rarely, so each server process keeps the
 * rows of each (query, scope) it has answered, stamped with the
 * reference_generation counter that every write to those tables bumps by
 * trigger in the writing transaction (migration 0050).  A reader compares
 * the counter in its own snapshot with the stamp: a list is never staler
 * than the rest of the page, whichever process or command wrote.
 */
#ifndef RT_SHARED_ROWS_H
#define RT_SHARED_ROWS_H

#include <jansson.h>
#include "db.h"

/*
 * The rows of sql, which takes ?1 all (int) and ?2 site_ids (JSON text),
 * as db_rows gives them; NULL on error.  The array is shared with other
 * requests and threads: the caller owns one reference and must not change
 * it (add it to a view, read it, json_decref it).  sql is a literal, as for
 * every db_* call.
 */
json_t	*db_rows_shared(struct db *, const char *sql, int all,
	    const char *site_ids);

/* Drops every cached list (at the server's stop, so leak checks see none). */
void	 db_rows_shared_clear(void);

#endif
