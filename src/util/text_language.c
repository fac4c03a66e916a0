#include <ctype.h>
#include <string.h>

#include "text_language.h"

/* A language is told by at least TEXT_LANGUAGE_WORDS of its small words,
 * and twice as many as the other's: one "a" or "i" says nothing, as both
 * languages have them (so neither list holds them, nor "at", "am", "is"
 * or "do", which are words in both). */
#define TEXT_LANGUAGE_WORDS	2

static const char *const english[] = { "the", "and", "of", "to", "are",
    "was", "were", "not", "with", "for", "this", "that", "on", "in", "it",
    "we", "you", "they", "he", "she", "have", "has", "be", "been", "will",
    "from", "by", "or", "but", "can", "cannot", "our", "their", "his",
    "her", "after", "before", "when", "what", "who", "how", "too", "very",
    "there", "would", "should", "could", "as", "so", "does", NULL };
static const char *const welsh[] = { "yn", "y", "yr", "mae", "ac", "ar",
    "gyda", "ddim", "wedi", "ei", "eu", "hyn", "hwn", "hon", "oedd",
    "bod", "fel", "neu", "ond", "gan", "dros", "chi", "nhw", "ein",
    "eich", "ydy", "nad", "pan", "beth", "pwy", "sut", "roedd", "bydd",
    "hefyd", "iawn", "yng", "ym", "drwy", "trwy", "rhaid", "a'r", "i'r",
    "o'r", "sy'n", "i'w", "ni", "na", "nid", "mewn", "am", NULL };

static int
listed(const char *const *list, const char *word)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, word) == 0)
			return 1;
	return 0;
}

const char *
text_language_guess(const char *s, size_t len)
{
	const char	*end = s + len;
	char		 word[8];
	size_t		 n;
	int		 en = 0, cy = 0;

	while (s < end) {
		/* A word: letters, and an apostrophe between them ("sy'n"). */
		for (n = 0; s + n < end && (isalpha((unsigned char)s[n]) ||
		    (n > 0 && (s[n] == '\'' || (unsigned char)s[n] >= 0x80)));
		    n++)
			;
		if (n > 0 && n < sizeof(word)) {
			size_t	 i;

			for (i = 0; i < n; i++)
				word[i] = (char)tolower((unsigned char)s[i]);
			word[n] = '\0';
			en += listed(english, word);
			cy += listed(welsh, word);
		}
		s += n > 0 ? n : 1;
	}
	if (en >= TEXT_LANGUAGE_WORDS && en > 2 * cy)
		return "en";
	if (cy >= TEXT_LANGUAGE_WORDS && cy > 2 * en)
		return "cy";
	return NULL;
}
