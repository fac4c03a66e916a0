/*
 * Text checks from src/util: utf8_valid, utf8_length, text_printable and
 * date_valid, each against a small independent reference written here;
 * utf8_valid against jansson's own UTF-8 check (the handlers rely on
 * json_stringn accepting whatever utf8_valid let through); date_add_days
 * and date_diff_days against each other; date_today against date_valid.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "util/date.h"
#include "util/text.h"

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,	\
		    __LINE__, #cond);					\
		abort();						\
	}								\
} while (0)

/*
 * RFC 3629, table 3-7 of Unicode: the second byte's range depends on the
 * first, which rules out overlongs, surrogates and code points past
 * U+10FFFF without decoding.  Counts code points into *chars.
 */
static int
ref_utf8_valid(const unsigned char *s, size_t len, size_t *chars)
{
	size_t		 i = 0, n, k;
	unsigned char	 c, lo, hi;

	*chars = 0;
	while (i < len) {
		c = s[i];
		lo = 0x80;
		hi = 0xbf;
		if (c <= 0x7f)
			n = 0;
		else if (c >= 0xc2 && c <= 0xdf)
			n = 1;
		else if (c == 0xe0) {
			n = 2;
			lo = 0xa0;
		} else if ((c >= 0xe1 && c <= 0xec) || c == 0xee || c == 0xef)
			n = 2;
		else if (c == 0xed) {
			n = 2;
			hi = 0x9f;
		} else if (c == 0xf0) {
			n = 3;
			lo = 0x90;
		} else if (c >= 0xf1 && c <= 0xf3)
			n = 3;
		else if (c == 0xf4) {
			n = 3;
			hi = 0x8f;
		} else
			return 0;
		if (len - i - 1 < n)
			return 0;
		if (n > 0 && (s[i + 1] < lo || s[i + 1] > hi))
			return 0;
		for (k = 2; k <= n; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xbf)
				return 0;
		i += n + 1;
		(*chars)++;
	}
	return 1;
}

static int
ref_printable(const unsigned char *s, size_t len, int multiline)
{
	size_t	 i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\t')
			continue;
		if (multiline && (s[i] == '\n' || s[i] == '\r'))
			continue;
		if (s[i] <= 0x1f || s[i] == 0x7f)
			return 0;
	}
	return 1;
}

/* A real date by round trip through timegm(): 2026-02-30 comes back as
 * March, so it differs. */
static int
ref_date_valid(const char *s)
{
	struct tm	 tm, back;
	time_t		 t;
	int		 i, y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1900 || y > 2199 || m < 1 || d < 1)
		return 0;
	/* timegm() normalises tm in place, so keep y, m and d apart. */
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	t = timegm(&tm);
	if (gmtime_r(&t, &back) == NULL)
		return 0;
	return back.tm_year == y - 1900 && back.tm_mon == m - 1 &&
	    back.tm_mday == d;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data;
	char		*z, today[DATE_CHARS + 1];
	json_t		*j;
	size_t		 chars;
	int		 valid;
	int64_t		 t;

	valid = utf8_valid(s, size);
	CHECK(valid == ref_utf8_valid(data, size, &chars));
	if (valid)
		CHECK(utf8_length(s, size) == chars);

	/* jansson must take exactly what utf8_valid takes. */
	j = json_stringn(s, size);
	CHECK((j != NULL) == (valid != 0));
	json_decref(j);

	CHECK(text_printable(s, size, 0) == ref_printable(data, size, 0));
	CHECK(text_printable(s, size, 1) == ref_printable(data, size, 1));

	/* date_valid takes a C string: cut at the first NUL. */
	if ((z = malloc(size + 1)) == NULL)
		return 0;
	memcpy(z, data, size);
	z[size] = '\0';
	CHECK(date_valid(z) == ref_date_valid(z));
	free(z);

	/*
	 * "YYYY-MM-DD" and a 32-bit count of days: date_add_days always
	 * leaves a C string, and within 100000 days date_diff_days undoes it.
	 */
	if (size >= DATE_CHARS + 4) {
		char	 date[DATE_CHARS + 1], back[DATE_CHARS + 1];
		int32_t	 n;

		memcpy(date, data, DATE_CHARS);
		date[DATE_CHARS] = '\0';
		memcpy(&n, data + DATE_CHARS, sizeof(n));
		if (date_valid(date)) {
			memset(today, 'X', sizeof(today));
			date_add_days(date, n, today);
			if (memchr(today, '\0', sizeof(today)) == NULL) {
				fprintf(stderr, "date_add_days(\"%s\", %d) left "
				    "\"%.*s\" with no NUL\n", date, (int)n,
				    (int)sizeof(today), today);
				abort();
			}
			if (n >= -100000 && n <= 100000) {
				CHECK(strlen(today) == DATE_CHARS);
				if (date_valid(today)) {
					CHECK(date_diff_days(date, today) == n);
					date_add_days(today, -n, back);
					CHECK(strcmp(back, date) == 0);
				}
			}
		}
	}

	/* Every instant from 1900 to 2199 is a day date_valid accepts. */
	if (size >= 8) {
		memcpy(&t, data, sizeof(t));
		t = -2208988800LL + (int64_t)((uint64_t)t %
		    (7258118400ULL + 2208988800ULL));
		date_today((time_t)t, today);
		CHECK(strlen(today) == DATE_CHARS);
		CHECK(date_valid(today));
	}
	return 0;
}
