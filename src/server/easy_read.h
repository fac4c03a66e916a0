/*
 * Easy read: the way of writing UK public bodies use for readers with a
 * learning disability, and for anyone who reads little: short sentences,
 * one idea a line, key words in bold, a picture beside each key point
 * (render/pictogram.h), large text.
 *
 * A reader in easy read gets, for each page that has one, its easy-read
 * template ("easy/" before the page's own name) over the same view; a
 * page without one is drawn as usual, in large text.  Which reader: the
 * page asked with ?read=easy or ?read=standard (kept in the rt_read
 * cookie, so the sign-in page and a kiosk keep it), else the signed-in
 * account's choice (/account/reading), else the cookie, else standard.
 */
#ifndef RT_EASY_READ_H
#define RT_EASY_READ_H

#include "request.h"

#define READ_COOKIE	"rt_read"
#define EASY_PREFIX	"easy/"

/* 1 for easy read; with ?read=, rs gets the cookie. */
int	request_easy_read(const struct request *, struct response *);
/* The template to draw for name: its easy-read twin when the reader
 * reads easy read and the set has one, else name itself.  Returns name,
 * or a string in buf (of size bufsz). */
struct template_set;
const char *easy_read_template(const struct request *,
	    const struct template_set *, const char *name, char *buf,
	    size_t bufsz);

#endif
