/*
 * Groups (councils, forums, rep teams, panels...) and their memberships.
 * Everyone with a role in a group can see it and its members; staff at
 * its site manage it.
 */
#include <stdlib.h>

#include "people.h"
#include "../db/db.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

void
groups_index(struct request *rq, struct response *rs)
{
	struct scope_filter	 f;
	struct paging		 pg;
	json_t			*rows, *view;

	if (paging_refused(&pg, rq, rs))
		return;
	if (access_filter(&rq->who, ROLES_ALL, 0, &f) == -1) {
		paging_clear(&pg);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	rows = group_list(rq->db, &f, 0, &pg);
	view = json_pack("{s:s, s:o}", "title", N_("Groups"), "groups", rows);
	paging_finish(&pg, rq, view, rows, "sort_key");
	paging_clear(&pg);
	response_view(rs, "people/groups", view);
	scope_filter_clear(&f);
}

static void
strip_register(json_t *rows)
{
	json_t	*row;
	size_t	 i;

	json_array_foreach(rows, i, row) {
		json_object_del(row, "reference");
		json_object_del(row, "person_id");
	}
}

void
groups_show(struct request *rq, struct response *rs)
{
	json_t	*group, *members, *past;
	int	 manage;
	int64_t	 id = rq->ids[0];

	if (group_load(rq->db, id, &group) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	manage = access_covers(&rq->who, ROLES_STAFF, view_int(group, "site_id"),
	    id);
	members = membership_list(rq->db, id, 1);
	past = membership_list(rq->db, id, 0);
	/* Members see names in their group; references are the register's. */
	if (!manage) {
		strip_register(members);
		strip_register(past);
	}
	response_view(rs, "people/group", json_pack("{s:O, s:o, s:o, s:o, s:b}",
	    "title", json_object_get(group, "name"),
	    "group", group,
	    "members", members,
	    "past_members", past,
	    "can_manage", manage));
}

/* ctx: the group's id for an edit, or NULL for a new group. */
static int
group_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id = ctx ? *(int64_t *)ctx : 0;
	int	 rc;

	/* Only organisation-wide staff may make organisation-wide groups,
	 * or nobody at a site could reach the group they just made. */
	if (!json_is_integer(json_object_get(v, "site_id")) &&
	    !access_covers(&rq->who, ROLES_STAFF, 0, 0)) {
		form_error(errors, "site_id", N_("Select a site"));
		return DB_CONSTRAINT;
	}
	rc = group_save(rq->db, rq->who.account_id, id, v, &id);
	if (rc == DB_OK)
		*location = location_of("/groups/%lld", id);
	return form_constraint(rc, errors, "name",
	    "A group with this name already exists at this site");
}

static json_t *
group_form_options(struct request *rq)
{
	struct scope_filter	 f;
	json_t			*o;

	if (access_filter(&rq->who, ROLES_STAFF, 0, &f) == -1)
		return NULL;
	o = json_pack("{s:o}", "site_id", site_options(rq->db, &f));
	scope_filter_clear(&f);
	return o;
}

static void
group_form(struct request *rq, struct response *rs, struct form_page *fp)
{
	json_t	*options;

	if ((options = group_form_options(rq)) == NULL) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	fp->fields = group_fields;
	fp->nfields = group_fields_count;
	fp->save = group_store;
	fp->options = options;
	form_page_run(rq, rs, fp);
	json_decref(options);
}

void
groups_new(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Add a group"),
		.submit = N_("Add group"), .back = "/groups",
	};

	group_form(rq, rs, &fp);
}

void
groups_edit(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Change group"), .submit = N_("Save changes"),
		.ctx = &rq->ids[0],
	};
	json_t	*group;
	char	*back;

	if (group_load(rq->db, rq->ids[0], &group) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	fp.back = back = location_of("/groups/%lld", rq->ids[0]);
	fp.initial = group;
	fp.caption = json_string_value(json_object_get(group, "site_name"));
	group_form(rq, rs, &fp);
	free(back);
	json_decref(group);
}

static int
member_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	rc = membership_add(rq->db, rq->who.account_id, rq->ids[0], v, NULL);
	if (rc == DB_OK)
		*location = location_of("/groups/%lld", rq->ids[0]);
	return form_constraint(rc, errors, "person_id",
	    "This person could not be added");
}

static json_t *
members_prepare(struct request *rq, struct response *rs, json_t *group,
    struct form_page *fp, int *refused)
{
	char	 today[DATE_CHARS + 1];
	json_t	*kept;
	int64_t	 site = view_int(group, "site_id");

	/* Members come from the register, which only staff at the site (or
	 * the whole organisation, for a group without a site) may read. */
	if (!access_covers(&rq->who, ROLES_STAFF, site, 0)) {
		response_error(rs, 403, "Only staff who keep the register of "
		    "people can add members.");
		*refused = 1;
		return NULL;
	}
	date_today(rq->now, today);
	kept = json_pack("{s:{s:o}, s:{s:s, s:s}}", "options", "person_id",
	    person_options(rq->db, site, rq->ids[0]),
	    "initial", "from_on", today, "position", "member");
	return form_page_keep(fp, kept);
}

void
members_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld", "name", members_prepare,
	};
	struct form_page fp = {
		.title = N_("Add a member"), .submit = N_("Add member"),
		.fields = membership_fields,
		.nfields = membership_fields_count, .save = member_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/* ctx: the membership being ended. */
static int
member_end_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	rc = membership_end(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/groups/%lld", view_int(ctx, "group_id"));
	return form_constraint(rc, errors, "to_on", "The last day must be "
	    "on or after the first day, and the role must not have ended");
}

void
members_end(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("End this role"), .submit = N_("End role"),
		.fields = membership_end_fields,
		.nfields = membership_end_fields_count,
		.save = member_end_store,
	};
	json_t	*m, *initial;
	char	*back, *caption, today[DATE_CHARS + 1];

	if (membership_load(rq->db, rq->ids[0], &m) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	date_today(rq->now, today);
	initial = json_pack("{s:s}", "to_on", today);
	fp.back = back = location_of("/groups/%lld", view_int(m, "group_id"));
	/* Which role: one person may hold several (titles say which). */
	{
		json_t	*which = json_pack("{s:s, s:s, s:s}", "name",
		    view_str(m, "display_name"), "role", choice_label(
		    positions, view_str(m, "position")), "group",
		    view_str(m, "group_name"));

		caption = request_words(rq, N_("{name}, {role | t} in "
		    "{group}"), which);
		json_decref(which);
	}
	fp.caption = caption != NULL ? caption :
	    json_string_value(json_object_get(m, "display_name"));
	fp.initial = initial;
	fp.ctx = m;
	form_page_run(rq, rs, &fp);
	free(caption);
	free(back);
	json_decref(initial);
	json_decref(m);
}

json_t *
group_for_page(struct request *rq, struct response *rs)
{
	json_t	*group;

	if (group_load(rq->db, rq->ids[0], &group) <= 0) {
		response_error(rs, 404, "Page not found.");
		return NULL;
	}
	return group;
}
