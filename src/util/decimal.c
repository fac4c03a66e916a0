#include <ctype.h>
#include <string.h>

#include "decimal.h"

/* Whether s is [-]digits[.digits]; *point at the '.', or NULL. */
static int
plain_decimal(const char *s, const char **point)
{
	const char	*c = s + (*s == '-');
	int		 digits = 0;

	*point = NULL;
	for (; *c != '\0'; c++) {
		if (*c == '.' && *point == NULL && digits > 0 && c[1] != '\0')
			*point = c;
		else if (isdigit((unsigned char)*c))
			digits++;
		else
			return 0;
	}
	return digits > 0;
}

const char *
decimal_words(const char *s, char *out, size_t sz)
{
	const char	*point;
	size_t		 len;

	if (s == NULL || !plain_decimal(s, &point) || point == NULL)
		return s;
	len = strlen(s);
	while (s[len - 1] == '0')
		len--;
	if (s + len - 1 == point)
		len--;
	if (len + 1 > sz)
		return s;
	memcpy(out, s, len);
	out[len] = '\0';
	return out;
}
