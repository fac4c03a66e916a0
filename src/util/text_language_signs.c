#include <stdlib.h>
#include <string.h>

#include "../limits.h"
#include "text_language_signs.h"

/*
 * Every list of words is kept in byte order (strcmp's), as listed() looks
 * a word up by halving; text_language_signs_check() says whether it is.
 * A page asks of every word of every text people wrote on it, so a
 * search from the start of each list was too slow for a long list.
 */
#define WORDS(list)	(list), sizeof(list) / sizeof((list)[0])

/*
 * The small words.  Neither list holds a word both languages have ("a",
 * "i", "at", "am", "is", "do", "man", "hen", "son").
 */
static const char *const english_small[] = { "about", "after", "and", "are",
    "as", "back", "be", "been", "before", "but", "by", "can", "cannot",
    "could", "does", "for", "from", "has", "have", "he", "her", "his", "how",
    "in", "into", "it", "me", "my", "need", "needs", "next", "not", "of", "on",
    "or", "our", "out", "she", "should", "so", "that", "the", "their", "there",
    "they", "this", "to", "too", "up", "very", "was", "we", "were", "what",
    "when", "who", "will", "with", "would", "you", "your" };
static const char *const welsh_small[] = { "a'r", "ac", "am", "ar", "beth",
    "bod", "bydd", "chi", "ddim", "dros", "drwy", "dw", "dy", "efo", "ei",
    "eich", "ein", "eu", "fel", "fy", "gan", "gyda", "gyda'r", "heb", "hefyd",
    "hon", "hwn", "hyn", "i'n", "i'r", "i'w", "iawn", "mae", "mewn", "na",
    "nad", "neu", "nhw", "ni", "nid", "o'r", "oedd", "ond", "pan", "pwy",
    "rhaid", "roedd", "sut", "sy'n", "trwy", "wedi", "wedi'i", "wedi'u",
    "wrth", "y", "ydw", "ydy", "ydych", "ym", "yn", "yng", "ynghylch",
    "ynglyn", "yngl\xc5\xb7n", "yr", "yw" };

/*
 * Content words common in what staff and members write here (an arrival
 * step, an action, a topic, a meeting's item), where their spelling alone
 * does not say.  A word the other language borrows as it is ("staff",
 * "help", "post", "print", "agenda", "partner", "doctor", "alcohol") is
 * in neither list.
 */
static const char *const english_content[] = { "account", "answer",
    "appointment", "arrange", "benefit", "call", "card", "chair", "chaplaincy",
    "children", "close", "cold", "complaint", "confirm", "course", "court",
    "credit", "custody", "debt", "dentist", "discharge", "document", "done",
    "door", "early", "family", "father", "first", "food", "form", "forum",
    "group", "health", "hospital", "hot", "inform", "item", "large", "last",
    "late", "laundry", "letter", "library", "listener", "made", "member",
    "mental", "menu", "minute", "money", "month", "mother", "new", "noise",
    "note", "nurse", "open", "order", "outcome", "pension", "phone", "point",
    "policy", "prison", "proposal", "read", "referral", "release", "repair",
    "report", "request", "result", "return", "safe", "safer", "security",
    "sent", "sentence", "support", "team", "today", "tomorrow", "transfer",
    "update", "water", "window", "wing", "year" };
static const char *const welsh_content[] = { "addysg", "aelod", "aelodau",
    "agor", "anfon", "angen", "apwyntiad", "archeb", "archebu", "arian",
    "arolwg", "aros", "ateb", "budd", "bwyd", "cadarnhau", "cadeirydd", "cael",
    "cais", "canlyniad", "carchar", "cawod", "cefnogaeth", "cerdyn",
    "cofnodion", "croeso", "cwyn", "cyfarfod", "cyffuriau", "cyfreithiwr",
    "cyfrif", "cymorth", "cymraeg", "cyngor", "cynnar", "cynnig", "cyntaf",
    "daliadau", "derbyn", "dewis", "dillad", "diogelwch", "diolch", "diwrnod",
    "dod", "drws", "dyled", "eitem", "etholiad", "gais", "galw", "galwad",
    "gofal", "gofyn", "gwaith", "gwely", "gwirio", "gwneud", "gyngor",
    "heddiw", "helpu", "hwyr", "hyfforddiant", "iechyd", "llys", "mater",
    "materion", "meddyg", "mynd", "nesaf", "newydd", "nyrs", "oer", "paned",
    "pleidlais", "poeth", "polisi", "pwynt", "rhoi", "saesneg", "siarad",
    "swyddog", "tegell", "teulu", "tocyn", "torri", "trefnu", "treth",
    "trwsio", "wythnos", "yfory", "ymweliad", "ysbyty", "ystafell" };

static int
word_order(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
listed(const char *const *list, size_t n, const char *word)
{
	return bsearch(&word, list, n, sizeof(*list), word_order) != NULL;
}

/* Does word hold one of parts?  One pass over the word, a part compared
 * only where its first byte stands: the words are short, the parts
 * many, and a page asks this of every word. */
static int
has_any(const char *word, const char *const *parts)
{
	const char *const	*p;

	for (; *word != '\0'; word++)
		for (p = parts; *p != NULL; p++)
			if (**p == *word &&
			    strncmp(word + 1, *p + 1, strlen(*p) - 1) == 0)
				return 1;
	return 0;
}

static int
starts(const char *word, const char *part)
{
	return strncmp(word, part, strlen(part)) == 0;
}

static int
ends(const char *word, size_t len, const char *part)
{
	size_t	 n = strlen(part);

	return len >= n && memcmp(word + len - n, part, n) == 0;
}

/* A vowel in Welsh spelling, where w and y are vowels too. */
static int
welsh_vowel(char c)
{
	return c != '\0' && strchr("aeiouwy", c) != NULL;
}

static int
consonant(char c)
{
	return c >= 'a' && c <= 'z' && !welsh_vowel(c);
}

/*
 * English spelling: the letters Welsh has not (k, q, v, x, z: Welsh
 * writes "tacsi", "fideo"), -tion and -ing (Welsh writes "-siwn"), "ee",
 * "oo", "sh", "wh", "ght", "ay" and the doubled consonants Welsh never
 * doubles.
 */
static int
english_shape(const char *w, size_t len)
{
	static const char *const parts[] = { "ee", "oo", "sh", "sch", "wh", "ght",
	    "ay", "ss", "tt", "pp", "bb", "gg", "cc", NULL };

	if (strpbrk(w, "kqvxz") != NULL)
		return 1;
	if (ends(w, len, "tion") || ends(w, len, "tions"))
		return 1;
	if ((len >= 5 && ends(w, len, "ing")) || (len >= 6 &&
	    ends(w, len, "ings")))
		return 1;
	return has_any(w, parts);
}

/* w as a vowel between consonants ("bws", "cwrs", "bwyd", "dwr"), which
 * English spells with a vowel before it ("bowl", "lawn", "lawyer"). */
static int
welsh_w(const char *w, size_t len)
{
	size_t	 i;

	for (i = 1; i + 1 < len; i++)
		if (w[i] == 'w' && consonant(w[i - 1]) && w[i - 1] != 's' &&
		    (consonant(w[i + 1]) || w[i + 1] == 'y'))
			return 1;
	return 0;
}

/*
 * Welsh spelling: a circumflex (ŵ ŷ â ê î ô û), a word's first letters
 * after a mutation or in a Welsh letter English never starts with (ll,
 * ff, dd, ngh, mh, nh, rh before a vowel but "rhy", "rheu", "rhu" of
 * "rhythm", "rheumatology", "rhubarb"; w before a consonant but r and h,
 * as in "wladwriaeth", "wneud"), "ydd" and the word ends -edd, -rdd,
 * -wdd, -udd ("add" and "odd" are English), -iad, -iaid, -aeth, -au (not
 * -eau), -wch, -iwn, -wyr.
 */
static int
welsh_shape(const char *w, size_t len)
{
	static const char *const inside[] = { "\xc3\xa2", "\xc3\xaa",
	    "\xc3\xae", "\xc3\xb4", "\xc3\xbb", "\xc3\x82", "\xc3\x8a",
	    "\xc3\x8e", "\xc3\x94", "\xc3\x9b", "\xc5\xb4", "\xc5\xb5",
	    "\xc5\xb6", "\xc5\xb7", "ydd", NULL };
	static const char *const firsts[] = { "ll", "ff", "dd", "ngh", "mh",
	    "nh", "sg", NULL };
	static const char *const lasts[] = { "edd", "rdd", "wdd", "udd",
	    "iad", "iaid", "aeth", "wch", "iwn", "wyr", NULL };
	const char *const	*p;

	if (has_any(w, inside))
		return 1;
	for (p = firsts; *p != NULL; p++)
		if (starts(w, *p))
			return 1;
	for (p = lasts; *p != NULL; p++)
		if (ends(w, len, *p))
			return 1;
	if (starts(w, "rh") && w[2] != '\0' && strchr("aeiow", w[2]) != NULL
	    && !starts(w, "rheu"))
		return 1;
	if (w[0] == 'w' && consonant(w[1]) && w[1] != 'r' && w[1] != 'h')
		return 1;
	if (len >= 4 && ends(w, len, "au") && !ends(w, len, "eau"))
		return 1;
	return welsh_w(w, len);
}

/* word[0..len) is in list as it is, or without one of the endings
 * ("requested", "forms", "arranged"; "trwsio'r", "oriau'r"), the shapes
 * of spelling asked of the word without it as well. */
static int
listed_or_shaped(const char *const *list, size_t nlist,
    const char *const *endings, int (*shape)(const char *, size_t),
    const char *word, size_t len)
{
	char	 stem[TEXT_LANGUAGE_WORD_BYTES];
	size_t	 n;

	if (listed(list, nlist, word) || (shape != NULL && shape(word, len)))
		return 1;
	for (; *endings != NULL; endings++) {
		n = strlen(*endings);
		if (len <= n + 1 || len >= sizeof(stem) ||
		    !ends(word, len, *endings))
			continue;
		memcpy(stem, word, len - n);
		stem[len - n] = '\0';
		if (listed(list, nlist, stem) || (shape != NULL &&
		    shape(stem, len - n)))
			return 1;
	}
	return 0;
}

int
text_language_signs(const char *word, size_t len, int shapes)
{
	static const char *const english_endings[] = { "s", "ed", "d",
	    NULL };
	static const char *const welsh_endings[] = { "'r", "'n", "'i", "'u",
	    "'w", NULL };
	int	 signs = 0;

	if (listed(WORDS(english_small), word))
		signs |= SIGN_ENGLISH;
	if (listed(WORDS(welsh_small), word))
		signs |= SIGN_WELSH;
	if (!shapes)
		return signs;
	if (english_shape(word, len) || listed_or_shaped(
	    WORDS(english_content), english_endings, NULL, word, len))
		signs |= SIGN_ENGLISH;
	if (listed_or_shaped(WORDS(welsh_content), welsh_endings,
	    welsh_shape, word, len))
		signs |= SIGN_WELSH;
	return signs;
}

/* 0 when every list is in byte order, else -1. */
static int
in_order(const char *const *list, size_t n)
{
	size_t	 i;

	for (i = 1; i < n; i++)
		if (strcmp(list[i - 1], list[i]) >= 0)
			return -1;
	return 0;
}

int
text_language_signs_check(void)
{
	return in_order(WORDS(english_small)) | in_order(WORDS(welsh_small)) |
	    in_order(WORDS(english_content)) | in_order(WORDS(welsh_content));
}
