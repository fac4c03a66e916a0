/*
 * Reading fields of a view or a loaded row (jansson objects): the value,
 * or 0 / "" when the key is missing or of another type.  One place for
 * what every handler needs when it looks at a row it loaded.
 */
#ifndef RT_VIEW_H
#define RT_VIEW_H

#include <jansson.h>
#include <stdint.h>

static inline int64_t
view_int(const json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

static inline const char *
view_str(const json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return s ? s : "";
}

/* The string under key when there is something in it, else NULL: for
 * the parts of a document that are left out when empty. */
static inline const char *
view_text(const json_t *o, const char *key)
{
	const char	*s = json_string_value(json_object_get(o, key));

	return s != NULL && *s != '\0' ? s : NULL;
}

#endif
