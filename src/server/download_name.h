/*
 * A download's file name in its reader's language ("gwerthuso-lot-3.pdf"),
 * one helper for every attachment the program sends.
 */
#ifndef RT_DOWNLOAD_NAME_H
#define RT_DOWNLOAD_NAME_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

struct catalogue;
struct response;

/*
 * Folds text into out (size bytes, at least 1) as a name safe in a header
 * and on any disk: ASCII letters, digits and hyphens; a Welsh (or other
 * Latin) letter with an accent loses it ("ŵ" is "w"), a space or other
 * mark is a hyphen, never two together nor one at either end.  Returns
 * the length written (0: nothing of text was left).
 */
size_t	download_name_fold(const char *text, char *out, size_t size);

/*
 * Makes r an attachment named by msgid (a message such as
 * "evaluation-lot-{n}", each {name} from values) in the language of words
 * (NULL: English), folded, then "." and ext.  A name that folds to
 * nothing is named in English instead.  0, or -1 (no name: the browser
 * names it from the address).
 */
int	response_named(struct response *r, const struct catalogue *words,
	    const char *msgid, json_t *values, const char *ext);
/* response_named with one value, {n}, the record's id. */
int	response_named_id(struct response *r, const struct catalogue *words,
	    const char *msgid, int64_t id, const char *ext);

#endif
