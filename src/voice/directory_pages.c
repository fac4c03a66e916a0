/*
 * The signposting directory: services inside and outside the prison,
 * what they offer, how to refer, and whether they go on after release.
 * Anyone with a role at a site a service serves can read its entry;
 * staff at one of those sites keep it current.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "voice.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../render/pdf.h"
#include "../render/print_words.h"
#include "../server/download_name.h"
#include "../server/language.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"
#include "../server/text_size.h"

/* May the caller read (anyone there) or keep (staff there) the entry
 * of a service, by the sites it serves? */
static int
service_covered(const struct request *rq, const json_t *service,
    unsigned roles)
{
	const json_t	*id;
	size_t		 i;
	int		 keep = roles == ROLES_STAFF;

	if (access_covers(&rq->who, roles, 0, 0))
		return 1;
	json_array_foreach(json_object_get(service, "site_ids"), i, id)
		if (keep ? access_covers(&rq->who, roles,
		    json_integer_value(id), 0) : access_touches(&rq->who,
		    roles, json_integer_value(id)))
			return 1;
	return 0;
}

json_t *
service_for(struct request *rq, struct response *rs, unsigned roles)
{
	json_t	*sv;

	if (service_load(rq->db, rq->ids[0], &sv) <= 0) {
		response_error(rs, 404, "Page not found.");
		return NULL;
	}
	if (!service_covered(rq, sv, roles)) {
		json_decref(sv);
		response_denied(rs);
		return NULL;
	}
	return sv;
}

void
directory_index(struct request *rq, struct response *rs)
{
	struct scope_filter	 f;
	int64_t			 site = form_get_id(&rq->query, "site");

	if (access_filter(&rq->who, ROLES_ALL, 1, &f) == -1) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	response_view(rs, "voice/directory", json_pack("{s:s, s:o, s:o, s:I}",
	    "title", N_("Directory of services"),
	    "services", service_list(rq->db, &f, site > 0 ? site : 0),
	    "sites", site_options(rq->db, &f), "site", (json_int_t)site));
	scope_filter_clear(&f);
}

void
directory_show(struct request *rq, struct response *rs)
{
	json_t	*sv;

	if ((sv = service_for(rq, rs, ROLES_ALL)) == NULL)
		return;
	response_view(rs, "voice/service", json_pack("{s:O, s:O, s:b}",
	    "title", json_object_get(sv, "name"), "service", sv,
	    "can_edit", service_covered(rq, sv, ROLES_STAFF)));
	json_decref(sv);
}

static int
service_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id = ctx ? *(int64_t *)ctx : 0;
	char	 today[DATE_CHARS + 1];
	int	 rc;

	/* Saving the entry is checking it. */
	struct scope_filter	 f;

	date_today(rq->now, today);
	json_object_set_new(v, "checked_on", json_string(today));
	if (access_filter(&rq->who, ROLES_STAFF, 0, &f) == -1)
		return DB_ERROR;
	rc = service_save(rq->db, rq->who.account_id, &f, id, v, &id);
	scope_filter_clear(&f);
	if (rc == DB_OK)
		*location = location_of("/directory/%lld", id);
	return form_constraint(rc, errors, "name",
	    "A service with this name is already in the directory");
}

static void
service_form(struct request *rq, struct response *rs, struct form_page *fp)
{
	struct scope_filter	 f;
	json_t			*options;

	if (access_filter(&rq->who, ROLES_STAFF, 0, &f) == -1) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	options = json_pack("{s:o}", "site_ids", site_options(rq->db, &f));
	scope_filter_clear(&f);
	fp->fields = service_fields;
	fp->nfields = service_fields_count;
	fp->save = service_store;
	fp->options = options;
	form_page_run(rq, rs, fp);
	json_decref(options);
}

void
directory_new(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Add a service"), .submit = N_("Add service"),
		.back = "/directory",
	};

	service_form(rq, rs, &fp);
}

void
directory_edit(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Change service"), .submit = N_("Save changes"),
		.ctx = &rq->ids[0],
	};
	json_t	*sv;
	char	*back;

	if ((sv = service_for(rq, rs, ROLES_STAFF)) == NULL)
		return;
	fp.back = back = location_of("/directory/%lld", rq->ids[0]);
	fp.initial = sv;
	fp.caption = json_string_value(json_object_get(sv, "name"));
	service_form(rq, rs, &fp);
	free(back);
	json_decref(sv);
}

void
directory_checked(struct request *rq, struct response *rs)
{
	char	 today[DATE_CHARS + 1];
	json_t	*sv;

	if ((sv = service_for(rq, rs, ROLES_STAFF)) == NULL)
		return;
	json_decref(sv);
	date_today(rq->now, today);
	if (service_checked(rq->db, rq->who.account_id, rq->ids[0], today) !=
	    DB_OK)
		response_error(rs, 503, "The service is busy. Try again.");
	else
		response_redirect(rs, "/directory/%lld", (long long)rq->ids[0]);
}

static void
directory_draw(struct pdf *pdf, struct print_words *w, const json_t *view)
{
	const json_t	*sv;
	size_t		 i;

	pdf_heading(pdf, json_string_value(json_object_get(view, "title")), 1);
	pdf_paragraph(pdf, print_say(w, N_("Services you can be put in touch "
	    "with. Ask a rep or a member of staff to refer you."), NULL));
	json_array_foreach(json_object_get(view, "services"), i, sv) {
		pdf_heading(pdf, view_str(sv, "name"), 2);
		pdf_paragraph(pdf, view_str(sv, "offer"));
		pdf_pair(pdf, print_say(w, N_("Who can use it"), NULL),
		    view_str(sv, "eligibility"));
		pdf_pair(pdf, print_say(w, N_("How to be referred"), NULL),
		    view_str(sv, "referral"));
		pdf_pair(pdf, print_say(w, N_("Contact"), NULL), view_str(sv,
		    "contact"));
		pdf_pair(pdf, print_say(w, N_("Open"), NULL), view_str(sv,
		    "opening"));
		pdf_pair(pdf, print_say(w, N_("After release"), NULL),
		    print_say(w, view_int(sv, "after_release") ?
		    N_("Carries on") : N_("Stops"), NULL));
		pdf_pair(pdf, print_say(w, N_("Last checked"), NULL),
		    print_date(w, view_str(sv, "checked_on")));
		pdf_rule(pdf);
	}
}

void
directory_pdf(struct request *rq, struct response *rs)
{
	struct scope_filter	 f = { 0, NULL, NULL };
	int64_t			 site = form_get_id(&rq->query, "site");
	json_t			*site_row, *view;
	struct pdf		*pdf;
	struct print_words	 w;
	const char		*title;
	char			 ids[32];

	if (site <= 0 || !access_touches(&rq->who, ROLES_ALL, site) ||
	    site_load(rq->db, site, &site_row) <= 0) {
		response_error(rs, 404, "Choose one of your sites.");
		return;
	}
	snprintf(ids, sizeof(ids), "[%lld]", (long long)site);
	f.site_ids = ids;
	print_words_init(&w, language_words(rq->lang), 0);
	title = print_say(&w, N_("Directory of services: {name}"), site_row);
	view = json_pack("{s:s, s:o, s:o}", "title", title, "site", site_row,
	    "services", service_list(rq->db, &f, site));
	if (view == NULL || rq->wants_json || rq->api) {
		response_view(rs, "error", view);
		print_words_free(&w);
		return;
	}
	pdf = print_pdf_new(&w, &rs->body, title, pdf_size_for(rq,
	    PDF_NORMAL));
	directory_draw(pdf, &w, view);
	print_words_free(&w);
	/* TRANSLATORS: a file's name: letters, digits and hyphens,
	 * keeping {name}, the site's. */
	response_pdf(rq, rs, pdf, N_("directory-of-services-{name}"),
	    json_object_get(view, "site"));
	json_decref(view);
}
