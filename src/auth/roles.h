/*
 * Roles, scopes and the principal a request acts as.
 *
 * A grant gives one role at one scope: the whole organisation, one site,
 * or one group.  Access is decided only by access_covers() and the scope
 * filter built by access_filter(): no handler inspects grants itself.
 *
 * struct principal owns its strings and its grants array; principal_clear()
 * frees them.  It is filled by session or API-token look-up for one request.
 */
#ifndef RT_ROLES_H
#define RT_ROLES_H

#include <stddef.h>
#include <stdint.h>

enum role {
	ROLE_ADMIN,
	ROLE_COORDINATOR,
	ROLE_DECISION_MAKER,
	ROLE_REP,
	ROLE_MEMBER,
	ROLE_EVALUATOR,
	ROLE_VIEWER,
	ROLE__MAX
};

#define ROLE_BIT(r)	(1u << (r))
#define ROLES_ALL	((1u << ROLE__MAX) - 1)
#define ROLES_STAFF	(ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_COORDINATOR))
/* Members and reps, who take part rather than decide or fund. */
#define ROLES_TAKING_PART (ROLE_BIT(ROLE_MEMBER) | ROLE_BIT(ROLE_REP))

enum scope {
	SCOPE_ORG,
	SCOPE_SITE,
	SCOPE_GROUP,
	SCOPE__MAX
};

struct grant {
	enum role	 role;
	enum scope	 scope;
	int64_t		 site_id;	/* SCOPE_SITE; the group's site for SCOPE_GROUP (0 if org-wide) */
	int64_t		 group_id;	/* SCOPE_GROUP */
};

struct principal {
	int64_t		 account_id;	/* 0: nobody signed in */
	char		*username;
	char		*display_name;
	int		 must_change_password;
	int		 via_token;	/* API token: no cookie, so no CSRF */
	int		 large_text;	/* chose large text: pages, PDFs */
	char		 language[8];	/* chose a language: "cy"; "" none */
	char		 place_language[8];	/* its group's or site's
					   language; "" none */
	char		 reading[10];	/* chose "easy" read or "standard";
					   "" none (server/easy_read.h) */
	struct grant	*grants;
	size_t		 ngrants;
};

extern const char *const role_names[ROLE__MAX];	/* "admin", ... */
extern const char *const role_labels[ROLE__MAX];	/* "Administrator", ... */
extern const char *const scope_names[SCOPE__MAX];	/* "organisation", ... */
/* The same as a page shows them through | t, marked for the catalogue. */
extern const char *const scope_words[SCOPE__MAX];

int	role_parse(const char *);	/* enum role or -1 */
void	principal_clear(struct principal *);

/*
 * Does any grant of one of roles cover the target?  A target is a site
 * (group_id 0), a group (site_id is its site, 0 when organisation-wide),
 * or the organisation itself (both 0: only organisation grants cover it).
 */
int	access_covers(const struct principal *, unsigned roles,
	    int64_t site_id, int64_t group_id);
/* Does a grant of roles reach the site at all: the organisation, the
 * site, or a group that meets there?  For what members may read about
 * the place they are in (its directory of services), never for records. */
int	access_touches(const struct principal *, unsigned roles, int64_t site_id);
/* Does the principal hold one of roles at any scope? */
int	access_any(const struct principal *, unsigned roles);

/*
 * Which rows a list may show: all, or those whose site or group is in the
 * JSON arrays (bound to SQL through json_each).  Owns both strings.
 */
struct scope_filter {
	int	 all;
	char	*site_ids;	/* "[1,4]" */
	char	*group_ids;	/* "[7]" */
};

/* 0 or -1 (out of memory).  Group grants add their group, and their site
 * when with_group_sites is set (so members can see which site it is). */
int	access_filter(const struct principal *, unsigned roles,
	    int with_group_sites, struct scope_filter *);
void	scope_filter_clear(struct scope_filter *);

#endif
