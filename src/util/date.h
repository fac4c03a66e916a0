/*
 * Calendar dates as ISO text ("2026-11-25"), the form they are stored in.
 */
#ifndef RT_DATE_H
#define RT_DATE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct catalogue;

#define DATE_CHARS	10
#define DATETIME_CHARS	20	/* 2026-11-25T15:51:45Z */
#define DATE_WORDS_CHARS	40	/* "30 September 2026"; a month's
					   name in another language is
					   longer ("Gorffennaf") */

/* 1 when s is a real date YYYY-MM-DD between 1900 and 2199. */
int	date_valid(const char *s);
/* A date as people type it where the browser has no date picker: the
 * day, month and year ("31/3/2026", "31-03-2026", "31 3 2026"), or as
 * stored ("2026-03-31").  1 with the stored form in out when it is a
 * real day, else 0. */
int	date_typed(const char *s, char out[DATE_CHARS + 1]);
/* Today's UTC date of now into out. */
void	date_today(time_t now, char out[DATE_CHARS + 1]);
/* now as a UTC timestamp, "2026-11-25T15:51:45Z", into out. */
void	datetime_now(time_t now, char out[DATETIME_CHARS + 1]);
/* The instant (unix seconds) of a UTC timestamp as datetime_now writes
 * it: 1, or 0 when s is not one. */
int	datetime_instant(const char *s, int64_t *t);
/* The date days after (or before, if negative) a valid date. */
void	date_add_days(const char *date, int days, char out[DATE_CHARS + 1]);
/* The same day months later (or earlier), clamped to the month's last
 * day; "" when date is not valid or the result leaves 1900-2199. */
void	date_add_months(const char *date, int months, char out[DATE_CHARS + 1]);
/* A date (or the day of a timestamp) in words, as members read dates,
 * the month named in words's language (NULL: English; util/catalogue.h):
 * "4 November 2026", "4 Tachwedd 2026".  "" when s does not start with
 * a valid date.  Every way of wording a date takes the reader's
 * catalogue, so no page can word one without saying in which language. */
void	date_words(const char *s, char out[DATE_WORDS_CHARS + 1],
	    const struct catalogue *words);
/* date_words into out, returning out; s itself when it is not a date
 * (an empty or free-text value is shown as it is).  For PDFs and text
 * built in C; templates use {{name | date}}. */
const char *date_words_in(const char *s, char out[DATE_WORDS_CHARS + 1],
    const struct catalogue *words);
/* 1 when due is a valid date before today (a deadline passed), else 0. */
int	date_passed(const char *due, const char *today);
/* Whole days from a to b (b - a); 0 if either is not a valid date. */
long	date_diff_days(const char *a, const char *b);
/* A wait of seconds in words of the language of words (NULL: English),
 * rounded up so nobody is told to come back too early: "45 seconds",
 * "15 minutes", "2 hours". */
void	duration_words(int seconds, const struct catalogue *words, char *out,
	    size_t sz);

#endif
