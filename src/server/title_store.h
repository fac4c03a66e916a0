/*
 * Which record a page is about, in words, for its title: "Meetings" of
 * which group, "Conversation log" of which day and place (a number only
 * for a record of a kind with no name, date or place to tell it by).  Every page about one
 * record then has a title of its own (a screen reader's first words, a
 * tab's name, the browser's history), without each handler building it.
 */
#ifndef RT_TITLE_STORE_H
#define RT_TITLE_STORE_H

#include <jansson.h>

#include "request.h"

/*
 * Adds to the view's "title" which record the path names ("Meetings:
 * Over-50s Forum"), unless the title already says it.  Only for a page
 * the route table has let the viewer open, so nothing is named to
 * someone refused.  Leaves the title as it is on any failure.
 */
void	title_which(const struct request *, json_t *view);

#endif
