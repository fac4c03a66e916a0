/*
 * SQLite's placeholders in PostgreSQL's spelling: `?` and `?NNN` become
 * `$N`, as SQLite numbers them (a bare `?` is one more than the largest
 * number so far), while string literals, quoted identifiers and comments
 * are copied untouched.  The PostgreSQL backend rewrites each statement
 * once and keeps the result in its statement cache.
 */
#ifndef RT_PLACEHOLDERS_H
#define RT_PLACEHOLDERS_H

#include "../limits.h"

/* Bit n of a placeholders_used map: whether $n appears in the text. */
#define PLACEHOLDERS_USED_BYTES	(DB_PARAMS_MAX / 8 + 1)
#define PLACEHOLDER_USED(map, n)	((map)[(n) / 8] & (1u << ((n) % 8)))

/* The rewritten text (the caller frees it) with the number of parameters
 * in *nparams and, when used is not NULL, which of them appear (a
 * statement may skip one its callers bind, which PostgreSQL then cannot
 * give a type); NULL when out of memory or a number is out of range
 * (above DB_PARAMS_MAX). */
char	*placeholders_pg(const char *sql, int *nparams, unsigned char *used);

#endif
