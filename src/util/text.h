/*
 * Checks on text from outside: UTF-8 validity and control characters.
 */
#ifndef RT_TEXT_H
#define RT_TEXT_H

#include <stddef.h>

/* 1 when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
int	utf8_valid(const char *s, size_t len);
/* 1 when s has no NUL and no control character but tab, CR and LF. */
int	text_printable(const char *s, size_t len, int multiline);
/* Number of characters (code points) in valid UTF-8. */
size_t	utf8_length(const char *s, size_t len);

/* Does text look like it names someone or gives a prison, NHS or phone
 * number?  A short reason ("a prison number") or NULL.  A heuristic: the
 * forms that use it let the writer confirm that it names no one. */
const char *text_identifying(const char *text);

/*
 * Percent-decodes s[0..len) in place; returns the new length and writes a
 * NUL after it.  plus: '+' means a space (form encoding).  keep_nul: an
 * encoded NUL stays encoded, so it cannot cut a path or value short.
 */
size_t	percent_decode(char *s, size_t len, int plus, int keep_nul);

/*
 * A copy of the sentence s fit to follow a word such as "because": its
 * first letter lowered unless it starts a name-like word ("I", "NHS",
 * "HMP"), and a full stop added when it has no closing mark.  lower: 0
 * keeps the first letter (a sentence of its own).  Caller frees; NULL
 * when out of memory.
 */
char	*text_clause(const char *s, int lower);

#endif
