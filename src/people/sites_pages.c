/*
 * Sites and their units (wings, reception, healthcare, venues).
 */
#include <stdlib.h>

#include "people.h"
#include "../db/db.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/view.h"

void
sites_index(struct request *rq, struct response *rs)
{
	struct scope_filter	 f;
	struct paging		 pg;
	json_t			*rows, *view;

	if (paging_refused(&pg, rq, rs))
		return;
	if (access_filter(&rq->who, ROLES_ALL, 1, &f) == -1) {
		paging_clear(&pg);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	rows = site_list(rq->db, &f, &pg);
	view = json_pack("{s:s, s:o}", "title", N_("Sites"), "sites", rows);
	paging_finish(&pg, rq, view, rows, "name");
	paging_clear(&pg);
	response_view(rs, "people/sites", view);
	scope_filter_clear(&f);
}

void
sites_show(struct request *rq, struct response *rs)
{
	struct scope_filter	 f;
	struct paging		 pg;
	json_t			*site, *groups, *view;
	int64_t			 id = rq->ids[0];

	if (site_load(rq->db, id, &site) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	if (paging_refused(&pg, rq, rs)) {
		json_decref(site);
		return;
	}
	if (access_filter(&rq->who, ROLES_ALL, 0, &f) == -1) {
		json_decref(site);
		paging_clear(&pg);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	groups = group_list(rq->db, &f, id, &pg);
	view = json_pack("{s:O, s:o, s:o, s:o, s:b}",
	    "title", json_object_get(site, "name"),
	    "site", site,
	    "units", unit_list(rq->db, id),
	    "groups", groups,
	    "can_manage", access_covers(&rq->who, ROLES_STAFF, id, 0));
	paging_finish(&pg, rq, view, groups, "sort_key");
	paging_clear(&pg);
	response_view(rs, "people/site", view);
	scope_filter_clear(&f);
}

static int
site_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id = ctx ? *(int64_t *)ctx : 0;
	int	 rc;

	rc = site_save(rq->db, rq->who.account_id, id, v, &id);
	if (rc == DB_OK)
		*location = location_of("/sites/%lld", id);
	return form_constraint(rc, errors, "name",
	    "A site with this name already exists");
}

void
sites_new(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Add a site"),
		.submit = N_("Add site"), .back = "/sites",
		.fields = site_fields, .nfields = site_fields_count,
		.save = site_store,
	};

	form_page_run(rq, rs, &fp);
}

void
sites_edit(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Change site"), .submit = N_("Save changes"),
		.fields = site_fields, .nfields = site_fields_count,
		.save = site_store, .ctx = &rq->ids[0],
	};
	json_t	*site;
	char	*back;

	if (site_load(rq->db, rq->ids[0], &site) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	fp.back = back = location_of("/sites/%lld", rq->ids[0]);
	fp.initial = site;
	fp.caption = json_string_value(json_object_get(site, "name"));
	form_page_run(rq, rs, &fp);
	free(back);
	json_decref(site);
}

/* ctx: the unit's id for an edit, or NULL for a new unit at ids[0]. */
static int
unit_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id = 0, site_id = rq->ids[0];
	json_t	*unit;
	int	 rc;

	if (ctx != NULL) {
		unit = ctx;
		id = view_int(unit, "id");
		site_id = view_int(unit, "site_id");
	}
	rc = unit_save(rq->db, rq->who.account_id, id, site_id, v, NULL);
	if (rc == DB_OK)
		*location = location_of("/sites/%lld", site_id);
	return form_constraint(rc, errors, "name",
	    "This site already has a place with this name");
}

void
units_new(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Add a wing or place"),
		.submit = N_("Add this place"),
		.fields = unit_fields, .nfields = unit_fields_count,
		.save = unit_store,
	};
	json_t	*site;
	char	*back;

	if (site_load(rq->db, rq->ids[0], &site) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	fp.back = back = location_of("/sites/%lld", rq->ids[0]);
	fp.caption = json_string_value(json_object_get(site, "name"));
	form_page_run(rq, rs, &fp);
	free(back);
	json_decref(site);
}

void
units_edit(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Change wing or place"),
		.submit = N_("Save changes"),
		.fields = unit_fields, .nfields = unit_fields_count,
		.save = unit_store,
	};
	json_t	*unit;
	char	*back;

	if (unit_load(rq->db, rq->ids[0], &unit) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	fp.back = back = location_of("/sites/%lld",
	    view_int(unit, "site_id"));
	fp.initial = fp.ctx = unit;
	fp.caption = json_string_value(json_object_get(unit, "site_name"));
	form_page_run(rq, rs, &fp);
	free(back);
	json_decref(unit);
}
