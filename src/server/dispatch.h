/*
 * From a parsed request to a filled response: route, authenticate, check
 * role and scope, check CSRF, run the handler inside one transaction, and
 * commit before anything is sent.  Independent of libmicrohttpd, so the
 * whole path can be tested and fuzzed without sockets.
 */
#ifndef RT_DISPATCH_H
#define RT_DISPATCH_H

#include "request.h"

#define SESSION_COOKIE	"rt_session"
#define ANON_COOKIE	"rt_anon"
#define CSRF_FIELD	"csrf"

/* bearer: the token from "Authorization: Bearer", or NULL. */
void	dispatch(struct request *, struct response *, const char *bearer);

/* The language and way of reading of an answer given before the route
 * runs (a missing page, a refused request): the account's own when the
 * request's session cookie names a live session, by request_language's
 * rule, else the browser's.  Reads the session without touching it and
 * leaves the request signed out; with no database, the browser's. */
void	request_reader_early(struct request *, struct response *);

/* For a form shown before sign-in: makes sure the anonymous cookie exists
 * and sets req->csrf from it. */
void	request_anon_csrf(struct request *, struct response *);

#endif
