/*
 * English that a page in Welsh shows and nobody wrote: the page's text
 * (between its tags, and its aria-label, alt and placeholder words)
 * less what people wrote (every text value the database holds), that
 * still has an English word in it no Welsh sentence uses ("the",
 * "done", "votes").  For the crawl in Welsh: English the program writes
 * in C, or a template outside the catalogue, is found on any page.
 *
 * struct said owns its copies of the stored values (sorted, spaces
 * collapsed) and the texts it has judged, so each is judged once.
 */
#ifndef RT_TEST_ENGLISH_TEXT_H
#define RT_TEST_ENGLISH_TEXT_H

#include <stddef.h>

#include "harness.h"

struct said_judged;

struct said {
	char			**values;	/* sorted */
	char			**longest;	/* the same, longest first */
	size_t			  n;
	struct said_judged	 *judged;	/* a hash set of texts */
};

/* Reads every stored text value of s's database: 0 or -1. */
int	said_load(struct said *, const struct server *s);
void	said_free(struct said *);
/* Calls found(ctx, text) for each piece of unwritten English in html's
 * <body> (not in a part marked lang="en", a script or a text box), once
 * per text however often pages show it; returns how many it called. */
size_t	english_find(struct said *, const char *html,
	    void (*found)(void *ctx, const char *text), void *ctx);

#endif
