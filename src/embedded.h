/*
 * Files compiled into the binary by tools/embed.c: the SQL migrations (one
 * set per engine: migrations/ and migrations/postgresql/),
 * the HTML templates and each language's message catalogue (compiled
 * from po/), so one executable carries everything it needs.
 * The arrays end with an entry whose name is NULL.  Data is read-only
 * static storage and not NUL-terminated.
 */
#ifndef RT_EMBEDDED_H
#define RT_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char		*name;	/* path below its folder, "people/list.html" */
	const unsigned char	*data;
	size_t			 len;
};

extern const struct embedded_file embedded_migrations[];	/* SQLite */
extern const struct embedded_file embedded_migrations_pg[];	/* PostgreSQL */
extern const struct embedded_file embedded_templates[];
extern const struct embedded_file embedded_catalogues[];	/* "cy.mo" */

#endif
