/*
 * Which language a text people wrote is in, guessed from the small words
 * every sentence has ("the", "and" against "yn", "mae"): English, Welsh,
 * or not known (a name, a few words).  Nobody records the language they
 * write in, and a screen reader needs it to read a mixed page aloud in
 * the right voice (the lang attribute: WCAG 3.1.2).  A guess: a text it
 * cannot tell is left unmarked, so it takes the page's language.
 */
#ifndef RT_TEXT_LANGUAGE_H
#define RT_TEXT_LANGUAGE_H

#include <stddef.h>

/* "en", "cy", or NULL when s[0..len) does not say. */
const char	*text_language_guess(const char *s, size_t len);

#endif
