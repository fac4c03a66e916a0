/*
 * The parts of every HTML page that are not the handler's business: who
 * is signed in, the navigation they may use, the CSRF token for forms.
 * Added to the view under "page" for HTML only, so JSON stays the
 * handler's data alone.
 */
#ifndef RT_LAYOUT_H
#define RT_LAYOUT_H

#include <jansson.h>

#include "request.h"

json_t	*layout_context(const struct request *);	/* new reference */
/* Sets page.up: the page above this one (/elections/3 above
 * /elections/3/count), when the viewer may open it, where an error page
 * offers to go back to, so that a refusal is not a dead end.  Asked of
 * the router for error pages alone, not every page. */
void	 layout_page_up(const struct request *, json_t *page);

#endif
