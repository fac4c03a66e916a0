/*
 * How a count reads once the small-numbers rule has marked it
 * (suppression.h): in JSON, and in the reader's language on a page or
 * a printed document.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "suppression.h"

/* The words a suppressed count reads in JSON, and the messages a
 * catalogue translates them by ({n} the threshold). */
#define HIDDEN		"hidden"
#define FEWER_THAN	"fewer than "

json_t *
suppressed_count(int64_t n, unsigned char mark, int threshold)
{
	char	 s[48];

	if (mark == SUPPRESS_SHOWN)
		return json_integer(n);
	if (mark == SUPPRESS_SECONDARY)
		return json_string(HIDDEN);
	snprintf(s, sizeof(s), FEWER_THAN "%d", threshold);
	return json_string(s);
}

const char *
suppressed_words(const json_t *shown, const struct catalogue *words,
    char *out, size_t sz)
{
	const char	*s = json_string_value(shown);
	char		*end;
	long		 n;

	if (json_is_integer(shown))
		snprintf(out, sz, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(shown));
	else if (s == NULL)
		snprintf(out, sz, "%s", "");
	else if (strcmp(s, HIDDEN) == 0)
		snprintf(out, sz, "%s", catalogue_get(words, N_("hidden")));
	else if (strncmp(s, FEWER_THAN, strlen(FEWER_THAN)) != 0)
		snprintf(out, sz, "%s", s);
	else {
		n = strtol(s + strlen(FEWER_THAN), &end, 10);
		if (*end != '\0')
			snprintf(out, sz, "%s", s);
		else
			catalogue_fill_n(catalogue_get(words,
			    N_("fewer than {n}")), n, out, sz);
	}
	return out;
}
