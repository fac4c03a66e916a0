/*
 * Who may use a route: the one answer shared by the dispatcher (which
 * refuses a request) and by the pages (which draw a link or a button
 * only where it would be let through).  So a page can never offer what
 * the route table refuses.
 */
#ifndef RT_ROUTE_ACCESS_H
#define RT_ROUTE_ACCESS_H

#include "request.h"
#include "router.h"

enum route_access {
	ROUTE_ACCESS_YES,
	ROUTE_ACCESS_SIGN_IN,		/* no account: sign in first */
	ROUTE_ACCESS_PASSWORD,		/* a password change is due first */
	ROUTE_ACCESS_NO,		/* role or scope refused: 403 */
	ROUTE_ACCESS_NOT_FOUND,		/* the path's record is not there */
	ROUTE_ACCESS_ERROR,		/* the database failed */
};

/* Decides rt with its path's ids for the request's principal. */
enum route_access route_access(const struct request *, const struct route *,
		    const int64_t *ids);

/* May the viewer use method on path?  1 or 0 (an unknown path, a
 * refusal or an error is 0: links fail closed). */
int	route_allowed(const struct request *, enum http_method,
	    const char *path);

/* route_allowed for templates ({{#may}}): arg is the request. */
int	route_allowed_for_template(void *rq, const char *method,
	    const char *path);

#endif
