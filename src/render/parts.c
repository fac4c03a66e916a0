/*
 * A list SQL folded into one column, made a value in parts (parts.h).
 */
#include <string.h>

#include "parts.h"

json_t *
parts_listed(const char *listed, const char *between, part_of_fn part_of)
{
	const char	*p, *end;
	json_t		*parts, *list, *part;

	if ((parts = json_pack("{s:[]}", "parts")) == NULL)
		return NULL;
	list = json_object_get(parts, "parts");
	for (p = listed; *p != '\0'; p = *end ? end + 1 : end) {
		end = p + strcspn(p, LIST_APART);
		if (part_of(p, (size_t)(end - p), &part) == -1)
			goto fail;
		if (part == NULL)
			continue;
		if ((json_array_size(list) > 0 && json_array_append_new(list,
		    json_string(between)) == -1) ||
		    json_array_append_new(list, part) == -1)
			goto fail;
	}
	return parts;
fail:
	json_decref(parts);
	return NULL;
}
