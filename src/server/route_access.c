#include <string.h>

#include "route_access.h"

enum route_access
route_access(const struct request *rq, const struct route *rt,
    const int64_t *ids)
{
	struct target	 t = { 0, 0, 0 };
	int		 rc;

	if (rt->roles == 0)
		return ROUTE_ACCESS_YES;
	if (rq->who.account_id == 0)
		return ROUTE_ACCESS_SIGN_IN;
	if (rq->who.must_change_password &&
	    !(rt->flags & ROUTE_DURING_PASSWORD_CHANGE))
		return ROUTE_ACCESS_PASSWORD;
	if (rt->flags & ROUTE_SIGNED_IN)
		return ROUTE_ACCESS_YES;
	if (rt->target == NULL)
		return access_any(&rq->who, rt->roles) ? ROUTE_ACCESS_YES :
		    ROUTE_ACCESS_NO;
	rc = rt->target(rq->db, ids, &t);
	if (rc < 0)
		return ROUTE_ACCESS_ERROR;
	if (rc == 0)
		return ROUTE_ACCESS_NOT_FOUND;
	if ((rt->flags & ROUTE_OWNER_OR_STAFF) && t.owner_id != 0)
		return t.owner_id == rq->who.account_id ||
		    access_covers(&rq->who, ROLES_STAFF & rt->roles,
		    t.site_id, 0) ? ROUTE_ACCESS_YES : ROUTE_ACCESS_NO;
	if (access_covers(&rq->who, rt->roles, t.site_id, t.group_id))
		return ROUTE_ACCESS_YES;
	/* A record's owner may hold their role through a group at the
	 * site; the handler then checks owner or staff itself.  A record of
	 * the whole organisation (a regional procurement) has owners at any
	 * of its sites: an evaluator seated from one prison holds their
	 * grant there. */
	if ((rt->flags & ROUTE_OWNER_OR_STAFF) && (t.site_id == 0 &&
	    t.group_id == 0 ? access_any(&rq->who, rt->roles) :
	    access_touches(&rq->who, rt->roles, t.site_id)))
		return ROUTE_ACCESS_YES;
	return ROUTE_ACCESS_NO;
}

int
route_allowed(const struct request *rq, enum http_method method,
    const char *path)
{
	int64_t			 ids[ROUTE_IDS_MAX];
	size_t			 nids;
	int			 status;
	const struct route	*rt;

	if (rq->db == NULL)
		return 0;
	rt = router_match(routes, routes_count, method, path, ids, &nids,
	    &status);
	return rt != NULL && route_access(rq, rt, ids) == ROUTE_ACCESS_YES;
}

int
route_allowed_for_template(void *arg, const char *method, const char *path)
{
	const struct request	*rq = arg;

	if (strcmp(method, "GET") == 0)
		return route_allowed(rq, HTTP_GET, path);
	if (strcmp(method, "POST") == 0)
		return route_allowed(rq, HTTP_POST, path);
	return 0;
}
