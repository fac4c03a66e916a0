#include <string.h>

#include "../limits.h"
#include "text_language_signs.h"

/*
 * The small words.  Neither list holds a word both languages have ("a",
 * "i", "at", "am", "is", "do", "man", "hen", "son").
 */
static const char *const english_small[] = { "the", "and", "of", "to",
    "are", "was", "were", "not", "with", "for", "this", "that", "on", "in",
    "it", "we", "you", "they", "he", "she", "have", "has", "be", "been",
    "will", "from", "by", "or", "but", "can", "cannot", "our", "their",
    "his", "her", "after", "before", "when", "what", "who", "how", "too",
    "very", "there", "would", "should", "could", "as", "so", "does", "my",
    "your", "me", "about", "into", "up", "out", "back", "next", "need",
    "needs", NULL };
static const char *const welsh_small[] = { "yn", "y", "yr", "mae", "ac",
    "ar", "gyda", "ddim", "wedi", "ei", "eu", "hyn", "hwn", "hon", "oedd",
    "bod", "fel", "neu", "ond", "gan", "dros", "chi", "nhw", "ein", "eich",
    "ydy", "nad", "pan", "beth", "pwy", "sut", "roedd", "bydd", "hefyd",
    "iawn", "yng", "ym", "drwy", "trwy", "rhaid", "a'r", "i'r", "o'r",
    "sy'n", "i'w", "ni", "na", "nid", "mewn", "am", "yw", "ydw", "ydych",
    "dw", "wrth", "wedi'i", "gyda'r", "efo", "heb", "fy", "dy", "i'n",
    "wedi'u", "ynghylch", "ynglyn", "yngl\xc5\xb7n", NULL };

/*
 * Content words common in what staff and members write here (an arrival
 * step, an action, a topic, a meeting's item), where their spelling alone
 * does not say.  A word the other language borrows as it is ("staff",
 * "help", "post", "print", "agenda", "partner", "doctor", "alcohol") is
 * in neither list.
 */
static const char *const english_content[] = { "account", "answer",
    "appointment", "arrange", "benefit", "call", "card", "chair",
    "chaplaincy", "children", "close", "cold", "complaint", "confirm",
    "course", "court", "credit", "custody", "debt", "dentist", "discharge",
    "document", "done", "door", "early", "family", "father", "first",
    "food", "form", "forum", "group", "health", "hospital", "hot",
    "inform", "item", "large", "last", "late", "laundry", "letter",
    "library", "listener", "made", "member", "mental", "menu", "minute",
    "money", "month", "mother", "new", "noise", "note", "nurse", "open",
    "order", "outcome", "pension", "phone", "point", "policy", "prison",
    "proposal", "read", "referral", "release", "repair", "report",
    "request", "result", "return", "safe", "safer", "security", "sent",
    "sentence", "support", "team", "today", "tomorrow", "transfer",
    "update", "water", "window", "wing", "year", NULL };
static const char *const welsh_content[] = { "addysg", "aelod", "aelodau",
    "angen", "anfon", "apwyntiad", "arian", "arolwg", "aros", "ateb",
    "agor", "archeb", "archebu", "budd", "bwyd", "cadarnhau", "cadeirydd", "cael", "cais", "canlyniad",
    "carchar", "cawod", "cefnogaeth", "cerdyn", "cofnodion", "croeso", "cwyn",
    "cyfarfod", "cyfreithiwr", "cyfrif", "cyffuriau", "cymorth", "cymraeg", "cyngor",
    "cynnar", "cynnig", "cyntaf", "daliadau", "derbyn", "dewis", "dillad", "diogelwch",
    "diolch", "diwrnod", "dod", "drws", "dyled", "eitem", "etholiad",
    "gais", "galw", "galwad", "gofal", "gofyn", "gwaith", "gwely", "gwirio",
    "gwneud", "gyngor", "heddiw", "helpu", "hwyr", "hyfforddiant", "iechyd", "llys", "mater",
    "materion", "meddyg", "mynd", "nesaf", "newydd", "nyrs", "oer",
    "paned", "pleidlais", "polisi", "poeth", "pwynt", "rhoi", "saesneg", "siarad", "swyddog",
    "tegell", "teulu", "treth", "tocyn", "torri", "trefnu", "trwsio", "wythnos", "yfory",
    "ymweliad", "ysbyty", "ystafell", NULL };

static int
listed(const char *const *list, const char *word)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, word) == 0)
			return 1;
	return 0;
}

static int
has(const char *word, const char *part)
{
	return strstr(word, part) != NULL;
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
	const char *const	*p;

	if (strpbrk(w, "kqvxz") != NULL)
		return 1;
	if (ends(w, len, "tion") || ends(w, len, "tions"))
		return 1;
	if ((len >= 5 && ends(w, len, "ing")) || (len >= 6 &&
	    ends(w, len, "ings")))
		return 1;
	for (p = parts; *p != NULL; p++)
		if (has(w, *p))
			return 1;
	return 0;
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
	static const char *const marks[] = { "\xc3\xa2", "\xc3\xaa",
	    "\xc3\xae", "\xc3\xb4", "\xc3\xbb", "\xc3\x82", "\xc3\x8a",
	    "\xc3\x8e", "\xc3\x94", "\xc3\x9b", "\xc5\xb4", "\xc5\xb5",
	    "\xc5\xb6", "\xc5\xb7", NULL };
	static const char *const firsts[] = { "ll", "ff", "dd", "ngh", "mh",
	    "nh", "sg", NULL };
	static const char *const lasts[] = { "edd", "rdd", "wdd", "udd",
	    "iad", "iaid", "aeth", "wch", "iwn", "wyr", NULL };
	const char *const	*p;

	for (p = marks; *p != NULL; p++)
		if (has(w, *p))
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
	return has(w, "ydd") || welsh_w(w, len);
}

/* word[0..len) is in list as it is, or without one of the endings
 * ("requested", "forms", "arranged"; "trwsio'r", "oriau'r"), the shapes
 * of spelling asked of the word without it as well. */
static int
listed_or_shaped(const char *const *list, const char *const *endings,
    int (*shape)(const char *, size_t), const char *word, size_t len)
{
	char	 stem[TEXT_LANGUAGE_WORD_BYTES];
	size_t	 n;

	if (listed(list, word) || (shape != NULL && shape(word, len)))
		return 1;
	for (; *endings != NULL; endings++) {
		n = strlen(*endings);
		if (len <= n + 1 || len >= sizeof(stem) ||
		    !ends(word, len, *endings))
			continue;
		memcpy(stem, word, len - n);
		stem[len - n] = '\0';
		if (listed(list, stem) || (shape != NULL &&
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

	if (listed(english_small, word))
		signs |= SIGN_ENGLISH;
	if (listed(welsh_small, word))
		signs |= SIGN_WELSH;
	if (!shapes)
		return signs;
	if (english_shape(word, len) || listed_or_shaped(english_content,
	    english_endings, NULL, word, len))
		signs |= SIGN_ENGLISH;
	if (listed_or_shaped(welsh_content, welsh_endings, welsh_shape, word,
	    len))
		signs |= SIGN_WELSH;
	return signs;
}
