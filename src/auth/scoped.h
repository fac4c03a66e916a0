/*
 * Lists filtered in SQL to what the caller may see.  The SQL takes ?1
 * (1: every row), ?2 (a JSON array of site ids) and ?3 (of group ids),
 * read through json_each, as access_filter() builds them.
 */
#ifndef RT_SCOPED_H
#define RT_SCOPED_H

#include <jansson.h>

#include "roles.h"

struct db;

/* The rows sql gives for the principal's grants of roles; NULL on error
 * (out of memory, a failed query).  New reference. */
json_t	*scoped_rows(struct db *, const struct principal *, unsigned roles,
	    const char *sql);

#endif
