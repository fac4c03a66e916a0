/*
 * A value in parts for the template engine ({"parts": [...]}, shown by
 * template_values' put_parts): what people wrote beside our words, each
 * part marked with its own language.  Made here from a list SQL folded
 * into one column.
 */
#ifndef RT_PARTS_H
#define RT_PARTS_H

#include <stddef.h>

#include <jansson.h>

/* Between the items of a list folded into one column by SQL
 * (group_concat): a character text cannot hold, since fields refuse
 * control characters. */
#define LIST_APART	"\x1e"

/* One item of a folded list as a part (a string, or an object with a
 * msgid and its values) into *part, or *part NULL to leave the item out
 * (one not in the shape expected).  0, or -1 when out of memory. */
typedef int (*part_of_fn)(const char *item, size_t len, json_t **part);

/* listed's items (apart by LIST_APART) as a value in parts, between
 * them between.  A new reference, or NULL when out of memory. */
json_t	*parts_listed(const char *listed, const char *between,
	    part_of_fn part_of);

#endif
