/*
 * Which language a text people wrote is in: English, Welsh, or not known.
 * Nobody records the language they write in, and a screen reader needs
 * it to read a mixed page aloud in the right voice (the lang attribute:
 * WCAG 3.1.2), so it is guessed.
 *
 * The rule.  Each word counts once for a language when it carries a sign
 * of it (util/text_language_signs.c): one of its small words ("the",
 * "and"; "yn", "mae"), one of its common content words ("referral",
 * "pension"; "cyfarfod", "meddyg"), or a shape of spelling the other
 * language never has (English k, q, v, x, z, -tion, -ing, "ee", "oo",
 * doubled s, t, p; Welsh ŵ ŷ and the circumflexes, a first ll, ff, dd,
 * ngh, mh, nh, "ydd", w between consonants as in "bws").  A text is in a
 * language when at least two of its words say so and more than twice as
 * many as say the other: "Housing referral booked" is English (three),
 * "Tocyn bws i'r carchar" Welsh.
 *
 * Why it is safe.  It fails towards no mark, which leaves a text in the
 * page's language, as it was before any guess; a wrong mark would make
 * a screen reader read Welsh with English sounds.  So:
 *  - one word never decides ("Bws", "Caerdydd", "Vicky"), and a text
 *    with signs of both is left unmarked unless one has more than twice
 *    the other's;
 *  - a name says nothing: a word capitalised where no sentence starts,
 *    or with two capitals ("HMP Berwyn", "Mark Hawkins"), counts only as
 *    a small word, never by its spelling;
 *  - the content words are those the other language does not borrow as
 *    they are ("staff", "help", "agenda", "doctor" and "paid" are in no
 *    list), and each shape is one the other language's spelling lacks.
 * Measured on the catalogue (po/cy.po, every message and its Welsh, less
 * their {names}): none marked as the other language.  The unit test's
 * tables of short texts, and their counts, are tests/unit/
 * test_text_language.c.
 */
#ifndef RT_TEXT_LANGUAGE_H
#define RT_TEXT_LANGUAGE_H

#include <stddef.h>

/* "en", "cy", or NULL when s[0..len) does not say. */
const char	*text_language_guess(const char *s, size_t len);

#endif
