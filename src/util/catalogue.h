/*
 * A message catalogue: the words of the program in one language, read
 * from a GNU gettext .mo file that msgfmt compiled from po/LANG.po at
 * build time and that the binary carries (build/embedded.c).  No
 * setlocale and no installed system locale: a request's language is its
 * own, and a prison laptop needs no cy_GB locale generated.
 *
 * Translators work on po/LANG.po with their usual tools (Poedit,
 * msgmerge); `make po` extracts every marked string into
 * po/roundtable.pot (C: _() and N_(), templates: {{_ text}} and the
 * values shown through {{name | t}}).
 *
 * A missing translation, or no catalogue at all (English), gives the
 * English text back: a page is never left without words.
 *
 * struct catalogue only points into the .mo image, which must outlive it
 * (embedded images are static); it owns nothing.
 */
#ifndef RT_CATALOGUE_H
#define RT_CATALOGUE_H

#include <stddef.h>
#include <stdint.h>

#include "plural_rule.h"

struct catalogue {
	const unsigned char	*mo;	/* the .mo image, not owned */
	size_t			 len;
	uint32_t		 n;	/* messages */
	uint32_t		 originals, translations;	/* tables */
	int			 swap;	/* written on a machine of the
					   other byte order */
	/* Which plural form (0..) a count takes in this language: the
	 * rule its header declares (expr NULL: English's). */
	struct plural_rule	 plural;
	char			 lang[16];	/* its header's Language: */
};

/* Reads a .mo image, checking every offset against its length, and its
 * header's Plural-Forms rule (util/plural_rule.h).  0, or -1 when the
 * image is not one or its rule is wrong (the catalogue is then empty:
 * English). */
int		 catalogue_load(struct catalogue *, const void *mo, size_t len);
/* The catalogue's language tag, from its header ("cy"); "en" for NULL
 * (English, the messages themselves) or a header that names none. */
const char	*catalogue_language(const struct catalogue *);
/* msgid in the catalogue's language; msgid itself when it has none (or
 * the catalogue is NULL). */
const char	*catalogue_get(const struct catalogue *, const char *msgid);
/* msgid in the context ctx (a msgctxt: a second form of the same words,
 * "Saturday" after a preposition); without one there, catalogue_get's. */
const char	*catalogue_pget(const struct catalogue *, const char *ctx,
		    const char *msgid);
/* The form for n of msgid (one) / plural (many) in the catalogue's
 * language; English's rule when it has none. */
const char	*catalogue_nget(const struct catalogue *, const char *msgid,
		    const char *plural, unsigned long n);

/* msg (a message in its reader's language) with its "{n}" the number n,
 * into out, which it returns; msg as it is when it has none.  For the few
 * numbers worded in C ("fewer than 5", "2 funud", "rhif 3"). */
const char	*catalogue_fill_n(const char *msg, long long n, char *out,
		    size_t sz);
/* msg with its "{name}" the text value, into out, which it returns; msg
 * as it is when it has none.  For words made in C from words ("{date}
 * at {time}", "{n} MB" with n "1.2"). */
const char	*catalogue_fill(const char *msg, const char *name,
		    const char *value, char *out, size_t sz);

/* Marks a literal for extraction where it is translated later (a view's
 * title, a choice's label): the text itself. */
#define N_(text)	(text)
/* Marks a message's two forms, one and many, for extraction where a
 * table keeps them for catalogue_nget later: the two texts, as two
 * initialisers. */
#define NP_(one, many)	(one), (many)
/* The same, for a message in a context: the text (the context is said
 * where it is looked up, catalogue_pget). */
#define NC_(ctx, text)	(text)

#endif
