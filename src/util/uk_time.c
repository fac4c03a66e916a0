/*
 * UK civil time by its rule (see uk_time.h): pure arithmetic on UTC, so
 * it gives the same answer on any machine, in any thread, whatever TZ is.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "catalogue.h"
#include "uk_time.h"

/* The days' English names, the messages a catalogue translates; each
 * also in the context a preposition makes (uk_day_form), marked here so
 * that `make po` extracts it. */
static const char *const weekdays[] = { N_("Sunday"), N_("Monday"),
    N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday") };
#define AFTER_PREPOSITION	"after a preposition"
static const char *const weekdays_after[] = {
    /* TRANSLATORS: after "on", or saying when: Welsh "ddydd Sadwrn". */
    NC_("after a preposition", "Sunday"),
    NC_("after a preposition", "Monday"),
    NC_("after a preposition", "Tuesday"),
    NC_("after a preposition", "Wednesday"),
    NC_("after a preposition", "Thursday"),
    NC_("after a preposition", "Friday"),
    NC_("after a preposition", "Saturday") };

/* 01:00 UTC on the last Sunday of month (3 or 10) of year. */
static int64_t
change_at(int year, int month)
{
	struct tm	 tm;
	time_t		 last;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = 31;	/* March and October both have 31 days */
	tm.tm_hour = 1;
	last = timegm(&tm);
	gmtime_r(&last, &tm);
	return (int64_t)last - (int64_t)tm.tm_wday * 86400;
}

int
uk_offset(int64_t t)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	gmtime_r(&tt, &tm);
	return t >= change_at(tm.tm_year + 1900, 3) &&
	    t < change_at(tm.tm_year + 1900, 10) ? 3600 : 0;
}

int
uk_instant(const char *date, int minutes, int64_t *out)
{
	struct tm	 tm;
	int64_t		 naive;
	int		 y, m, d;

	if (date == NULL || !date_valid(date) || minutes < 0 ||
	    minutes >= 24 * 60 || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return UK_TIME_INVALID;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	naive = (int64_t)timegm(&tm) + (int64_t)minutes * 60;
	/* The earlier reading first: in BST the instant is an hour before
	 * the same clock time in GMT. */
	if (uk_offset(naive - 3600) == 3600) {
		*out = naive - 3600;
		return UK_TIME_OK;
	}
	if (uk_offset(naive) == 0) {
		*out = naive;
		return UK_TIME_OK;
	}
	return UK_TIME_MISSING;
}

static void
local_tm(int64_t t, struct tm *tm)
{
	time_t	 local = (time_t)(t + uk_offset(t));

	gmtime_r(&local, tm);
}

void
uk_local(int64_t t, char date[DATE_CHARS + 1], int *minutes)
{
	struct tm	 tm;

	local_tm(t, &tm);
	strftime(date, DATE_CHARS + 1, "%Y-%m-%d", &tm);
	*minutes = tm.tm_hour * 60 + tm.tm_min;
}

void
uk_clock(int64_t t, char out[6])
{
	struct tm	 tm;

	local_tm(t, &tm);
	snprintf(out, 6, "%02u:%02u", (unsigned)tm.tm_hour % 24u,
	    (unsigned)tm.tm_min % 60u);
}

void
uk_day_words(const char *date, const struct catalogue *words, char *out,
    size_t sz)
{
	uk_day_words_as(date, UK_DAY_ALONE, words, out, sz);
}

void
uk_day_words_as(const char *date, enum uk_day_form form,
    const struct catalogue *words, char *out, size_t sz)
{
	char		 day[DATE_WORDS_CHARS + 1];
	struct tm	 tm;
	int		 y, m, d;

	if (sz == 0)
		return;
	out[0] = '\0';
	if (!date_valid(date) || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	{
		time_t noon = timegm(&tm);

		gmtime_r(&noon, &tm);
	}
	snprintf(out, sz, "%s %s", form == UK_DAY_AFTER_PREPOSITION ?
	    catalogue_pget(words, AFTER_PREPOSITION,
	    weekdays_after[tm.tm_wday % 7]) :
	    catalogue_get(words, weekdays[tm.tm_wday % 7]),
	    date_words_in(date, day, words));
}

void
uk_words(int64_t t, const struct catalogue *words, char *out, size_t sz)
{
	uk_words_as(t, UK_DAY_ALONE, words, out, sz);
}

void
uk_words_as(int64_t t, enum uk_day_form form, const struct catalogue *words,
    char *out, size_t sz)
{
	char	 date[DATE_CHARS + 1], day[UK_DAY_WORDS_CHARS + 1], clock[6];
	int	 minutes;

	uk_local(t, date, &minutes);
	uk_day_words_as(date, form, words, day, sizeof(day));
	uk_clock(t, clock);
	snprintf(out, sz, "%s, %s", day, clock);
}

const char *
uk_stamp_words(const char *s, const struct catalogue *words,
    char out[UK_STAMP_WORDS_CHARS + 1])
{
	char	 date[DATE_CHARS + 1], day[DATE_WORDS_CHARS + 1], clock[6];
	char	 half[UK_STAMP_WORDS_CHARS + 1];
	int64_t	 t;
	int	 minutes;

	if (!datetime_instant(s, &t)) {
		if (date_words_in(s, day, words) == s)
			return s;
		snprintf(out, UK_STAMP_WORDS_CHARS + 1, "%s", day);
		return out;
	}
	uk_local(t, date, &minutes);
	uk_clock(t, clock);
	catalogue_fill(catalogue_get(words, N_("{date} at {time}")), "date",
	    date_words_in(date, day, words), half, sizeof(half));
	return catalogue_fill(half, "time", clock, out,
	    UK_STAMP_WORDS_CHARS + 1);
}
