#include <stdio.h>
#include <string.h>

#include "catalogue.h"
#include "date.h"

static int
days_in_month(int y, int m)
{
	static const int days[12] = {31,28,31,30,31,30,31,31,30,31,30,31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Splits YYYY-MM-DD when it has that shape: 1, else 0. */
static int
date_split(const char *s, int *y, int *m, int *d)
{
	int	 i;

	if (s == NULL || strlen(s) != DATE_CHARS || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < DATE_CHARS; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	return 1;
}

int
date_valid(const char *s)
{
	int	 y, m, d;

	return date_split(s, &y, &m, &d) && y >= 1900 && y <= 2199 &&
	    m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Up to max digits at *s as a number, moving *s past them; -1 when
 * there are none. */
static int
typed_number(const char **s, int max)
{
	int	 n = 0, k;

	for (k = 0; k < max && **s >= '0' && **s <= '9'; k++, (*s)++)
		n = n * 10 + (**s - '0');
	return k == 0 ? -1 : n;
}

/* One separator between the parts: "/", "-", "." or spaces. */
static int
typed_separator(const char **s)
{
	if (**s == '/' || **s == '-' || **s == '.') {
		(*s)++;
		return 1;
	}
	if (**s != ' ')
		return 0;
	while (**s == ' ')
		(*s)++;
	return 1;
}

int
date_typed(const char *s, char out[DATE_CHARS + 1])
{
	char	 whole[32];
	int	 d, m, y;

	while (*s == ' ')
		s++;
	if (strlen(s) == DATE_CHARS && date_valid(s)) {
		memcpy(out, s, DATE_CHARS + 1);
		return 1;
	}
	if ((d = typed_number(&s, 2)) < 0 || !typed_separator(&s) ||
	    (m = typed_number(&s, 2)) < 0 || !typed_separator(&s) ||
	    (y = typed_number(&s, 4)) < 1000)
		return 0;
	while (*s == ' ')
		s++;
	if (*s != '\0' || d < 1 || m < 1 || m > 12)
		return 0;
	/* Each part has at most its digits (typed_number): it fits. */
	snprintf(whole, sizeof(whole), "%04d-%02d-%02d", y, m, d);
	if (strlen(whole) != DATE_CHARS || !date_valid(whole))
		return 0;
	memcpy(out, whole, DATE_CHARS + 1);
	return 1;
}

/* Noon UTC of a valid date, so adding days never crosses a DST edge. */
static time_t
date_noon(const char *s)
{
	struct tm	 tm;
	int		 y, m, d;

	if (!date_valid(s) || !date_split(s, &y, &m, &d))
		return 0;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	return timegm(&tm);
}

void
date_add_days(const char *date, int days, char out[DATE_CHARS + 1])
{
	date_today(date_noon(date) + (time_t)days * 86400, out);
}

/* now in UTC through fmt, exactly chars long, into out. */
static void
utc_format(time_t now, const char *fmt, char *out, size_t chars)
{
	struct tm	 tm;

	/* Years past 9999 do not fit: leave an empty, invalid value. */
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(out, chars + 1, fmt, &tm) != chars)
		out[0] = '\0';
}

/* Month arithmetic clamps to the month's last day: 31 January and one
 * month is 28 (or 29) February, never 3 March. */
void
date_add_months(const char *date, int months, char out[DATE_CHARS + 1])
{
	struct tm	 tm;
	int		 y, m, d, total;

	if (!date_valid(date) || !date_split(date, &y, &m, &d)) {
		out[0] = '\0';
		return;
	}
	total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	if (d > days_in_month(y, m))
		d = days_in_month(y, m);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	if (y < 1900 || y > 2199 ||
	    strftime(out, DATE_CHARS + 1, "%Y-%m-%d", &tm) != DATE_CHARS)
		out[0] = '\0';
}

long
date_diff_days(const char *a, const char *b)
{
	if (!date_valid(a) || !date_valid(b))
		return 0;
	return (long)((date_noon(b) - date_noon(a)) / 86400);
}

int
date_passed(const char *due, const char *today)
{
	return due != NULL && today != NULL && date_diff_days(due, today) > 0;
}

void
date_today(time_t now, char out[DATE_CHARS + 1])
{
	utc_format(now, "%Y-%m-%d", out, DATE_CHARS);
}

void
datetime_now(time_t now, char out[DATETIME_CHARS + 1])
{
	utc_format(now, "%Y-%m-%dT%H:%M:%SZ", out, DATETIME_CHARS);
}

/* The number of two digits at s (00 to 99), or -1. */
static int
two_digits(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

int
datetime_instant(const char *s, int64_t *t)
{
	char	 day[DATE_CHARS + 1];
	int	 h, m, sec;

	if (s == NULL || strlen(s) != DATETIME_CHARS || s[10] != 'T' ||
	    s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return 0;
	memcpy(day, s, DATE_CHARS);
	day[DATE_CHARS] = '\0';
	h = two_digits(s + 11);
	m = two_digits(s + 14);
	sec = two_digits(s + 17);
	if (!date_valid(day) || h < 0 || h > 23 || m < 0 || m > 59 ||
	    sec < 0 || sec > 60)
		return 0;
	*t = (int64_t)date_noon(day) - 12 * 3600 + h * 3600 + m * 60 + sec;
	return 1;
}

void
duration_words(int seconds, const struct catalogue *words, char *out,
    size_t sz)
{
	const char	*form;
	int		 n;

	if (seconds < 120) {
		n = seconds;
		form = catalogue_nget(words, "{n} second", "{n} seconds",
		    (unsigned long)n);
	} else if (seconds < 2 * 3600) {
		n = (seconds + 59) / 60;
		form = catalogue_nget(words, "{n} minute", "{n} minutes",
		    (unsigned long)n);
	} else {
		n = (seconds + 3599) / 3600;
		form = catalogue_nget(words, "{n} hour", "{n} hours",
		    (unsigned long)n);
	}
	catalogue_fill_n(form, n, out, sz);
}

/* The months' English names, the messages a catalogue translates. */
static const char *const months[12] = { N_("January"), N_("February"),
    N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
    N_("August"), N_("September"), N_("October"), N_("November"),
    N_("December") };

void
date_words(const char *s, char out[DATE_WORDS_CHARS + 1],
    const struct catalogue *words)
{
	char	 day[DATE_CHARS + 1];
	int	 y, m, d;

	out[0] = '\0';
	/* A timestamp "2026-11-25T15:51:45Z" reads as its day. */
	if (s == NULL || strlen(s) < DATE_CHARS || (s[DATE_CHARS] != '\0' &&
	    s[DATE_CHARS] != 'T' && s[DATE_CHARS] != ' '))
		return;
	memcpy(day, s, DATE_CHARS);
	day[DATE_CHARS] = '\0';
	if (!date_valid(day) || !date_split(day, &y, &m, &d))
		return;
	snprintf(out, DATE_WORDS_CHARS + 1, "%d %s %d", d,
	    catalogue_get(words, months[m - 1]), y);
}

const char *
date_words_in(const char *s, char out[DATE_WORDS_CHARS + 1],
    const struct catalogue *words)
{
	date_words(s, out, words);
	return out[0] != '\0' ? out : s;
}
