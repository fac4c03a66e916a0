#include <stdlib.h>
#include <string.h>

#include "../util/catalogue.h"
#include "roles.h"
#include "../util/buf.h"

const char *const role_names[ROLE__MAX] = {
	"admin", "coordinator", "decision_maker", "rep", "member",
	"evaluator", "viewer",
};

const char *const role_labels[ROLE__MAX] = {
	N_("Administrator"), N_("Coordinator"), N_("Decision maker"),
	N_("Rep"), N_("Member"), N_("Evaluator"), N_("Viewer"),
};

const char *const scope_names[SCOPE__MAX] = {
	"organisation", "site", "group",
};

const char *const scope_words[SCOPE__MAX] = {
	N_("organisation"), N_("site"), N_("group"),
};

int
role_parse(const char *s)
{
	int	 i;

	for (i = 0; i < ROLE__MAX; i++)
		if (strcmp(s, role_names[i]) == 0)
			return i;
	return -1;
}

void
principal_clear(struct principal *p)
{
	free(p->username);
	free(p->display_name);
	free(p->grants);
	memset(p, 0, sizeof(*p));
}

int
access_covers(const struct principal *p, unsigned roles, int64_t site_id,
    int64_t group_id)
{
	const struct grant	*g;
	size_t			 i;

	for (i = 0; i < p->ngrants; i++) {
		g = &p->grants[i];
		if (!(roles & ROLE_BIT(g->role)))
			continue;
		if (g->scope == SCOPE_ORG)
			return 1;
		if (g->scope == SCOPE_SITE && site_id != 0 &&
		    g->site_id == site_id)
			return 1;
		if (g->scope == SCOPE_GROUP && group_id != 0 &&
		    g->group_id == group_id)
			return 1;
	}
	return 0;
}

int
access_touches(const struct principal *p, unsigned roles, int64_t site_id)
{
	size_t	 i;

	if (access_covers(p, roles, site_id, 0))
		return 1;
	for (i = 0; i < p->ngrants; i++)
		if ((roles & ROLE_BIT(p->grants[i].role)) &&
		    p->grants[i].scope == SCOPE_GROUP && site_id != 0 &&
		    p->grants[i].site_id == site_id)
			return 1;
	return 0;
}

int
access_any(const struct principal *p, unsigned roles)
{
	size_t	 i;

	for (i = 0; i < p->ngrants; i++)
		if (roles & ROLE_BIT(p->grants[i].role))
			return 1;
	return 0;
}

void
scope_filter_clear(struct scope_filter *f)
{
	free(f->site_ids);
	free(f->group_ids);
	memset(f, 0, sizeof(*f));
}

static int
id_list_add(struct buf *b, int64_t id)
{
	return buf_printf(b, "%s%lld", b->len > 1 ? "," : "", (long long)id);
}

int
access_filter(const struct principal *p, unsigned roles,
    int with_group_sites, struct scope_filter *f)
{
	const struct grant	*g;
	struct buf		 sites, groups;
	size_t			 i;
	int			 rc = 0;

	memset(f, 0, sizeof(*f));
	buf_init(&sites, 1 << 20);
	buf_init(&groups, 1 << 20);
	rc |= buf_putc(&sites, '[');
	rc |= buf_putc(&groups, '[');
	for (i = 0; i < p->ngrants; i++) {
		g = &p->grants[i];
		if (!(roles & ROLE_BIT(g->role)))
			continue;
		if (g->scope == SCOPE_ORG)
			f->all = 1;
		else if (g->scope == SCOPE_SITE)
			rc |= id_list_add(&sites, g->site_id);
		else {
			rc |= id_list_add(&groups, g->group_id);
			if (with_group_sites && g->site_id != 0)
				rc |= id_list_add(&sites, g->site_id);
		}
	}
	rc |= buf_putc(&sites, ']');
	rc |= buf_putc(&groups, ']');
	f->site_ids = buf_detach(&sites, NULL);
	f->group_ids = buf_detach(&groups, NULL);
	if (rc != 0 || f->site_ids == NULL || f->group_ids == NULL) {
		scope_filter_clear(f);
		return -1;
	}
	return 0;
}
