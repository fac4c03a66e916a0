#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "catalogue.h"

int
utf8_valid(const char *str, size_t len)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i = 0, n, k;
	unsigned		 cp;

	while (i < len) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] <= 0xdf) {
			n = 1;
			cp = s[i] & 0x1f;
		} else if (s[i] >= 0xe0 && s[i] <= 0xef) {
			n = 2;
			cp = s[i] & 0x0f;
		} else if (s[i] >= 0xf0 && s[i] <= 0xf4) {
			n = 3;
			cp = s[i] & 0x07;
		} else
			return 0;
		if (len - i <= n)
			return 0;
		for (k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += n + 1;
	}
	return 1;
}

int
text_printable(const char *s, size_t len, int multiline)
{
	size_t	 i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\t' || (multiline && (c == '\r' || c == '\n')))
			continue;
		if (c < 0x20 || c == 0x7f)
			return 0;
	}
	return 1;
}

size_t
utf8_length(const char *s, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

size_t
percent_decode(char *s, size_t len, int plus, int keep_nul)
{
	size_t	 i = 0, o = 0;
	int	 hi, lo;

	while (i < len) {
		if (s[i] == '%' && i + 2 < len &&
		    (hi = hex_value(s[i + 1])) >= 0 &&
		    (lo = hex_value(s[i + 2])) >= 0 && (!keep_nul || (hi | lo))) {
			s[o++] = (char)(hi * 16 + lo);
			i += 3;
		} else if (plus && s[i] == '+') {
			s[o++] = ' ';
			i++;
		} else
			s[o++] = s[i++];
	}
	s[o] = '\0';
	return o;
}

/* Letters then digits: "A1234BC", the prison number's shape. */
static int
prison_number_at(const char *s)
{
	return isupper((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
	    isdigit((unsigned char)s[4]) && isupper((unsigned char)s[5]) &&
	    isupper((unsigned char)s[6]) && !isalnum((unsigned char)s[7]);
}

/* Ten or eleven digits in a row (spaces allowed): NHS or phone numbers. */
static int
long_number_at(const char *s)
{
	int	 digits = 0;

	for (; *s != '\0' && (isdigit((unsigned char)*s) || *s == ' '); s++)
		digits += isdigit((unsigned char)*s) != 0;
	return digits >= 10;
}

/* "Mr Smith", "Mrs. Jones": a title then a capitalised word. */
static int
titled_name_at(const char *s)
{
	static const char *titles[] = { "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr" };
	size_t	 i, n;

	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		n = strlen(titles[i]);
		if (strncmp(s, titles[i], n) != 0)
			continue;
		if (s[n] == '.')
			n++;
		if (s[n] == ' ' && isupper((unsigned char)s[n + 1]))
			return 1;
	}
	return 0;
}

const char *
text_identifying(const char *text)
{
	const char	*s;
	int		 word_start;

	for (s = text; *s != '\0'; s++) {
		word_start = s == text || !isalnum((unsigned char)s[-1]);
		if (!word_start)
			continue;
		if (strlen(s) >= 7 && prison_number_at(s))
			return N_("a prison number");
		if (isdigit((unsigned char)*s) && long_number_at(s))
			return N_("a long number (NHS or phone)");
		if (titled_name_at(s))
			return N_("a name");
	}
	return NULL;
}

char *
text_clause(const char *s, int lower)
{
	size_t	 len = strlen(s);
	char	*out;
	int	 stop;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n' ||
	    s[len - 1] == '\r' || s[len - 1] == '\t'))
		len--;
	stop = len > 0 && strchr(".!?", s[len - 1]) != NULL;
	if ((out = malloc(len + 2)) == NULL)
		return NULL;
	memcpy(out, s, len);
	if (!stop)
		out[len++] = '.';
	out[len] = '\0';
	/* "Every" reads "every" mid-sentence; "I", "NHS" and "HMP" stay. */
	if (lower && out[0] >= 'A' && out[0] <= 'Z' && out[1] >= 'a' &&
	    out[1] <= 'z')
		out[0] = (char)(out[0] - 'A' + 'a');
	return out;
}
