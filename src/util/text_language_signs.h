/*
 * What one word says about its language (util/text_language.c weighs the
 * words of a text): the small words every sentence has, common content
 * words of the things people write here (a step, an action, a topic),
 * and shapes of spelling one language has and the other never does.
 */
#ifndef RT_TEXT_LANGUAGE_SIGNS_H
#define RT_TEXT_LANGUAGE_SIGNS_H

#include <stddef.h>

#define SIGN_ENGLISH	0x1
#define SIGN_WELSH	0x2

/*
 * The signs word[0..len) carries, lower-cased already (ASCII letters;
 * UTF-8 bytes as written): SIGN_ENGLISH, SIGN_WELSH, both, or 0.  A
 * name (capitalised inside a sentence) is asked with shapes == 0: only
 * its small words count, as "Hawkins" or "Caerdydd" says nothing about
 * the sentence around it.
 */
int	text_language_signs(const char *word, size_t len, int shapes);
/* 0 when its word lists are in the order their look-up needs, else -1:
 * for a test, as a word added out of order would not be found. */
int	text_language_signs_check(void);

#endif
