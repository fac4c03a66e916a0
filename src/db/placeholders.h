/*
 * SQLite's placeholders in PostgreSQL's spelling: `?` and `?NNN` become
 * `$N`, as SQLite numbers them (a bare `?` is one more than the largest
 * number so far), while string literals, quoted identifiers and comments
 * are copied untouched.  The PostgreSQL backend rewrites each statement
 * once and keeps the result in its statement cache.
 */
#ifndef RT_PLACEHOLDERS_H
#define RT_PLACEHOLDERS_H

/* The rewritten text (the caller frees it) with the number of parameters
 * in *nparams; NULL when out of memory or a number is out of range
 * (above DB_PARAMS_MAX). */
char	*placeholders_pg(const char *sql, int *nparams);

#endif
