/*
 * The languages a page can be read in, and which one a request gets.
 *
 * Each language but English has a catalogue (util/catalogue.h) compiled
 * from po/CODE.po and carried in the binary.  A request reads, in order
 * of precedence: the language asked for by ?lang= on this page (kept in
 * the rt_lang cookie, so the sign-in page and a kiosk keep it), the
 * signed-in account's own choice (/account/language), the cookie, the
 * default of the account's group or site (or, at a kiosk, of the
 * survey's: request_language_of_place), the browser's Accept-Language
 * (a page read with no account: a kiosk, the sign-in page), then
 * English.
 */
#ifndef RT_LANGUAGE_H
#define RT_LANGUAGE_H

#include "request.h"

#define LANG_COOKIE	"rt_lang"

struct catalogue;

/* Static: the table below. */
struct language {
	const char	*code;	/* "en", "cy": the lang attribute's value */
	const char	*name;	/* in itself: "English", "Cymraeg" */
};

extern const struct language	languages[];
extern const size_t		languages_count;

/* Loads every catalogue the binary carries; at start, before threads.
 * 0, or -1 naming the catalogue that could not be read. */
int			 languages_load(void);
/* The language with this code, or NULL. */
const struct language	*language_find(const char *code);
/* The language an Accept-Language header (NULL: none) prefers most
 * among ours, q=0 meaning "not this"; NULL when it names none of ours. */
const struct language	*language_accepted(const char *header);
/* English, the language of the messages themselves. */
const struct language	*language_default(void);
/* The language's catalogue; NULL for English (the messages as they are). */
const struct catalogue	*language_words(const struct language *);
/* A page for a place (a kiosk's survey) whose language, code, holds
 * when the reader asked for none and has none of their own or in this
 * browser.  Sets rq->lang. */
void			 request_language_of_place(struct request *,
			    const char *code);
/* The request's language (above); with ?lang=, rs gets the cookie. */
const struct language	*request_language(const struct request *,
			    struct response *);

#endif
