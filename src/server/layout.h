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

#endif
