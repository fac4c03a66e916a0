/*
 * The router is data: one table (src/routes.c) says, for every route, its
 * method, path pattern, handler, the roles that may use it and the scope
 * it is checked at.  A route not in the table does not exist (404); a
 * path with another method is 405; a route with no roles is public, and
 * there are few of those.  `roundtable routes` prints this same table.
 *
 * Patterns are literal segments and "{id}", which matches a positive
 * decimal integer of at most 18 digits.
 */
#ifndef RT_ROUTER_H
#define RT_ROUTER_H

#include <stddef.h>
#include <stdint.h>

#include "request.h"
#include "../limits.h"

typedef void	(*route_handler)(struct request *, struct response *);

/* What a path id refers to, for the access check. */
struct target {
	int64_t	 site_id;	/* 0: none (organisation-wide) */
	int64_t	 group_id;	/* 0: not a group */
	/* The account that owns the record, for ROUTE_OWNER_OR_STAFF
	 * routes whose target knows it: then the route table itself lets
	 * through only the owner or staff covering the site, and links to
	 * it are drawn only for them.  0: the handler decides. */
	int64_t	 owner_id;
};

/* Resolves ids to a target: <0 error, 0 not found (404), >0 found. */
typedef int	(*route_target)(struct db *, const int64_t *ids, struct target *);

enum route_flag {
	ROUTE_DURING_PASSWORD_CHANGE = 1 << 0,	/* open while one is due */
	ROUTE_SIGNED_IN = 1 << 1,	/* any account, even one with no grant */
	ROUTE_OWNER_OR_STAFF = 1 << 2,	/* the handler further limits it to
					   the record's owner or staff */
	ROUTE_SCOPE_IN_HANDLER = 1 << 3, /* the record belongs to several
					   sites: the handler checks them */
	ROUTE_UPLOAD = 1 << 4,		/* takes one file up to upload_max */
	ROUTE_AUDITED_READ = 1 << 5,	/* a GET that writes an audit row of
					   who read it: runs like a POST (the
					   writers' lock, BEGIN IMMEDIATE) */
};

struct route {
	enum http_method method;
	const char	*pattern;
	route_handler	 handler;
	unsigned	 roles;		/* ROLE_BIT()s; 0 = public */
	route_target	 target;	/* NULL = a role held at any scope */
	const char	*scope;		/* how target checks: for `routes` */
	unsigned	 flags;		/* enum route_flag */
	const char	*summary;
};

extern const struct route	routes[];
extern const size_t		routes_count;

/*
 * Records about one person.  A GET route whose target is one of these
 * reads that person's record, so dispatch audits it ("person.read": who,
 * whose, which page) in the request's transaction, and the page is not
 * shown if the audit row cannot be written.  sql maps the path's id
 * (?1) and the reader's account (?2) to the person's id, and returns no
 * row when the reader is that person (their own record) or the record
 * names no person.  Listed with the routes (src/routes.c).
 */
struct read_subject {
	route_target	 target;
	const char	*sql;		/* a literal */
};

extern const struct read_subject	read_subjects[];
extern const size_t			read_subjects_count;

/* The SQL that finds whose record the route reads, or NULL when it
 * reads no one's (every POST: writes are audited by their stores). */
const char	*route_read_subject(const struct route *);

/* The organisation itself: only organisation-wide grants cover it. */
int	target_organisation(struct db *, const int64_t *, struct target *);

/*
 * Finds the route for method and path, filling ids.  NULL with *status
 * 404 (no such path) or 405 (path exists, other method).
 */
const struct route *router_match(const struct route *, size_t n,
	    enum http_method, const char *path, int64_t ids[ROUTE_IDS_MAX],
	    size_t *nids, int *status);

/* Prints the table: method, path, roles, scope, summary. */
void	router_print(const struct route *, size_t n, FILE *);

#endif
