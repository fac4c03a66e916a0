/*
 * UK civil time (GMT in winter, BST in summer) without the C library's
 * time zone machinery, which reads TZ and is not safe between threads.
 * The rule since 1996: BST from 01:00 UTC on the last Sunday of March to
 * 01:00 UTC on the last Sunday of October.  Every site Roundtable serves
 * is in the UK (England, Wales, Scotland, Northern Ireland keep the same
 * clocks), so this is the one local time there is.
 *
 * Instants are unix seconds (UTC), the form they are stored in; local
 * dates are ISO text and local times minutes after midnight.
 */
#ifndef RT_UK_TIME_H
#define RT_UK_TIME_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

enum uk_instant_result {
	UK_TIME_OK = 0,
	UK_TIME_MISSING = 1,	/* clocks go forward over it: it never happens */
	UK_TIME_INVALID = -1	/* not a date, or minutes out of 0..1439 */
};

/* Seconds ahead of UTC at instant t: 0 (GMT) or 3600 (BST). */
int	uk_offset(int64_t t);
/* The instant a local date and time happen.  A time that happens twice
 * (01:00 to 01:59 when the clocks go back) is the first, in BST: a shift
 * "from 01:30" that night starts before the change.  enum uk_instant_result. */
int	uk_instant(const char *date, int minutes, int64_t *out);
/* The local date and minutes after midnight of instant t. */
void	uk_local(int64_t t, char date[DATE_CHARS + 1], int *minutes);
/* "14:05" (local) of instant t. */
void	uk_clock(int64_t t, char out[6]);
/*
 * Which of a weekday's two forms a sentence wants.  Alone (a heading, a
 * table's row, a sentence's start): "Saturday", "Dydd Sadwrn".  After a
 * preposition, or saying when something happened: English the same,
 * Welsh with the soft mutation and no capital, "ar ddydd Sadwrn",
 * "gofynnodd ddydd Sadwrn".  The second is the catalogue's message in
 * the context "after a preposition" (msgctxt), so a translator writes it.
 */
enum uk_day_form { UK_DAY_ALONE, UK_DAY_AFTER_PREPOSITION };

/* A weekday, a date and a clock time in words: "Dydd Mercher 30
 * Tachwedd 2026, 14:05". */
#define UK_DAY_WORDS_CHARS	(DATE_WORDS_CHARS + 32)

/* "Friday 4 December 2026, 14:05" (local) of instant t, in the language
 * of words (NULL: English; util/catalogue.h), its weekday alone. */
struct catalogue;
void	uk_words(int64_t t, const struct catalogue *words, char *out,
	    size_t sz);
/* The same with the weekday in the form given. */
void	uk_words_as(int64_t t, enum uk_day_form, const struct catalogue *words,
	    char *out, size_t sz);
#define UK_STAMP_WORDS_CHARS	(DATE_WORDS_CHARS + 20)
/* A stored UTC timestamp ("2026-12-06T07:18:54Z") at its UK local time,
 * in words in the language of words: "6 December 2026 at 07:18", "6
 * Rhagfyr 2026 am 07:18"; a date alone in words ("6 December 2026"); s
 * itself when it is neither.  Into out, which it returns (or s). */
const char *uk_stamp_words(const char *s, const struct catalogue *words,
	    char out[UK_STAMP_WORDS_CHARS + 1]);
/* "Friday 4 December 2026" for a valid local date, in the language of
 * words; "" otherwise. */
void	uk_day_words(const char *date, const struct catalogue *words,
	    char *out, size_t sz);
/* The same with the weekday in the form given ("ddydd Gwener 4 Rhagfyr
 * 2026"). */
void	uk_day_words_as(const char *date, enum uk_day_form,
	    const struct catalogue *words, char *out, size_t sz);

#endif
