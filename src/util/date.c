#include <stdio.h>
#include <string.h>

#include "date.h"

static int
days_in_month(int y, int m)
{
	static const int days[12] = {31,28,31,30,31,30,31,31,30,31,30,31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

int
date_valid(const char *s)
{
	int	 y, m, d, i;

	if (strlen(s) != DATE_CHARS || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < DATE_CHARS; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= days_in_month(y, m);
}

void
date_today(time_t now, char out[DATE_CHARS + 1])
{
	struct tm	 tm;

	gmtime_r(&now, &tm);
	strftime(out, DATE_CHARS + 1, "%Y-%m-%d", &tm);
}
