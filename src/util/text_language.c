#include <ctype.h>
#include <string.h>

#include "../limits.h"
#include "text_language.h"
#include "text_language_signs.h"

/* A language is told by at least TEXT_LANGUAGE_WORDS words that carry its
 * signs, and more than twice as many as carry the other's. */
#define TEXT_LANGUAGE_WORDS	2

#define RIGHT_QUOTE	"\xe2\x80\x99"	/* ’, typed for an apostrophe */

/* The letter at s: its length in bytes (an ASCII letter, or a Latin one
 * such as "ŵ" in two), or 0 for anything else (a space, a dash, a
 * quotation mark). */
static size_t
letter(const char *s, const char *end)
{
	unsigned char	 c = (unsigned char)s[0];

	if (isalpha(c))
		return 1;
	if (c >= 0xc3 && c <= 0xc5 && end - s >= 2 &&
	    ((unsigned char)s[1] & 0xc0) == 0x80)
		return 2;
	return 0;
}

/* The apostrophe at s inside a word ("sy'n", "i’r"): its length in
 * bytes, or 0 where none is or a letter does not follow. */
static size_t
inner_apostrophe(const char *s, const char *end)
{
	size_t	 len = 0, q = sizeof(RIGHT_QUOTE) - 1;

	if (s[0] == '\'')
		len = 1;
	else if ((size_t)(end - s) >= q && memcmp(s, RIGHT_QUOTE, q) == 0)
		len = q;
	if (len == 0 || s + len >= end || letter(s + len, end) == 0)
		return 0;
	return len;
}

/* A name or an initialism: capitalised where a sentence does not start,
 * or with two capitals ("HMP", "McDonald"). */
static int
named(const char *s, size_t n, int sentence_start)
{
	size_t	 i, capitals = 0;

	for (i = 0; i < n; i++)
		capitals += isupper((unsigned char)s[i]) != 0;
	return capitals >= 2 || (!sentence_start &&
	    isupper((unsigned char)s[0]));
}

/* Has s..end fewer words than could ever tell (a name, "admin", a
 * number)?  A glance, where weighing each word reads it against every
 * list, and a page asks this of every value it shows: most are one word. */
static int
too_few_words(const char *s, const char *end)
{
	size_t	 step;
	int	 words = 0, in_word = 0;

	while (s < end && words < TEXT_LANGUAGE_WORDS) {
		step = letter(s, end);
		words += step > 0 && !in_word;
		in_word = step > 0;
		s += step > 0 ? step : 1;
	}
	return words < TEXT_LANGUAGE_WORDS;
}

const char *
text_language_guess(const char *s, size_t len)
{
	const char	*end = s + len;
	char		 word[TEXT_LANGUAGE_WORD_BYTES];
	size_t		 n, k, step;
	const char	*from;
	int		 en = 0, cy = 0, signs, fits, sentence_start = 1;
	int		 read = 0;

	if (too_few_words(s, end))
		return NULL;

	while (s < end && read < TEXT_LANGUAGE_WORDS_READ) {
		if (letter(s, end) == 0) {
			if (strchr(".!?:;\n", *s) != NULL && *s != '\0')
				sentence_start = 1;
			s++;
			continue;
		}
		/* The word, lower-cased, its apostrophes made plain. */
		for (n = 0, k = 0, fits = 1; s + n < end; n += step) {
			from = s + n;
			if ((step = letter(from, end)) == 0) {
				if ((step = inner_apostrophe(from, end)) == 0)
					break;
				from = "'";
			}
			if (k + step >= sizeof(word)) {
				fits = 0;
			} else if (step == 1) {
				word[k++] = (char)tolower((unsigned char)*from);
			} else if (from[0] == '\'') {
				word[k++] = '\'';
			} else {
				memcpy(word + k, from, step);
				k += step;
			}
		}
		if (fits) {
			word[k] = '\0';
			signs = text_language_signs(word, k,
			    !named(s, n, sentence_start));
			en += (signs & SIGN_ENGLISH) != 0;
			cy += (signs & SIGN_WELSH) != 0;
		}
		sentence_start = 0;
		read++;
		s += n;
	}
	if (en >= TEXT_LANGUAGE_WORDS && en > 2 * cy)
		return "en";
	if (cy >= TEXT_LANGUAGE_WORDS && cy > 2 * en)
		return "cy";
	return NULL;
}
