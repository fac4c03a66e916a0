/*
 * Which papers two tellers' entries of a batch of paper ballots differ
 * in (ballots_paper.c), kept with the batch and in the audit chain in a
 * form of no language, and worded when shown (issue 20): the batch list
 * on the election page, the tellers' form error and the audit log each
 * say it in their reader's language, standard or easy read.
 *
 * The kept form is the paper numbers (their positions in the bundle,
 * among the papers both typed), then "more" when more differ than are
 * listed, then "count" when the two typed different numbers of papers:
 * "2 5", "2 5 count", "count".  Rows kept before it say the same in
 * English ("papers 2, 5; the number of papers"), and read the same.
 */
#ifndef RT_BATCH_DIFFER_H
#define RT_BATCH_DIFFER_H

#include <jansson.h>
#include <stddef.h>

struct catalogue;

/* The kept form of where entries a and b (arrays of papers) differ, or
 * NULL (no memory); the caller's to free. */
char	*batch_differ_code(const json_t *a, const json_t *b);
/* The kept form (either spelling) in the language of words, as a
 * phrase ("papurau 2, 5 a nifer y papurau") or, easy, a sentence of its
 * own; into out, which it returns. */
const char *batch_differ_words(const char *kept, const struct catalogue *,
	    int easy, char *out, size_t sz);

#endif
