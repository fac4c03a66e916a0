/*
 * Requests for support: asking (an officer, staff, a supporter, or the
 * person themselves at the kiosk or on a paper slip typed in), the
 * site's list, one request and its moves: accept, seen, close with an
 * outcome (a safety concern names the member of staff told), staff
 * acknowledging a safety concern, and the supporter asking for a
 * debrief.
 *
 * Who may do what is decided here from the route's scope and the caller:
 * staff covering the site see and may close every request there; a
 * supporter (their account's person is a current supporter at the site)
 * sees the requests peer_request_visible allows and moves the one they
 * accepted; whoever asked sees how far it has got, not its outcome.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peer.h"
#include "../server/language.h"
#include "../auth/account.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../server/paging.h"
#include "../util/uk_time.h"
#include "../util/catalogue.h"
#include "../util/view.h"
#include "../voice/voice.h"

/* The caller as far as one site's requests go. */
struct caller {
	int	 staff;		/* covers the site as admin or coordinator */
	int64_t	 person;	/* their supporter person at the site, or 0 */
};

static int
caller_at(struct request *rq, int64_t site_id, struct caller *c)
{
	char	 today[DATE_CHARS + 1];
	int	 minutes, rc;

	c->staff = access_covers(&rq->who, ROLES_STAFF, site_id, 0);
	c->person = account_person(rq->db, rq->who.account_id);
	uk_local((int64_t)rq->now, today, &minutes);
	if (c->person > 0 && (rc = peer_is_supporter(rq->db, c->person,
	    site_id, today)) <= 0) {
		if (rc < 0)
			return -1;
		c->person = 0;
	}
	return 0;
}

/* Loads the request at the path and who is asking; answers 404/403/500
 * itself and returns NULL when the caller may not see it. */
static json_t *
request_for(struct request *rq, struct response *rs, struct caller *c)
{
	json_t	*r;
	int	 visible = 0;

	if (peer_request_load(rq->db, rq->ids[0], &r) <= 0) {
		response_error(rs, 404, "Page not found.");
		return NULL;
	}
	if (caller_at(rq, view_int(r, "site_id"), c) == -1 ||
	    (c->person > 0 && (visible = peer_request_visible(rq->db,
	    rq->ids[0], c->person)) < 0)) {
		json_decref(r);
		response_error(rs, 500, "Something went wrong.");
		return NULL;
	}
	if (!c->staff && visible <= 0 &&
	    view_int(r, "entered_by") != rq->who.account_id) {
		json_decref(r);
		response_error(rs, 403, "This request is for the supporters "
		    "of its place and the staff of the site.");
		return NULL;
	}
	if (!c->staff && visible <= 0)
		c->person = 0;
	return r;
}

static void
words_of(json_t *r, const char *key, const char *words_key,
    const struct catalogue *in)
{
	char	 words[64];

	if (!json_is_integer(json_object_get(r, key)))
		return;
	uk_words(view_int(r, key), in, words, sizeof(words));
	json_object_set_new(r, words_key, json_string(words));
}

static void
labels(json_t *r, const struct catalogue *in)
{
	json_object_set_new(r, "urgency_label", json_string(choice_label(
	    peer_urgencies, view_str(r, "urgency"))));
	json_object_set_new(r, "asked_by_label", json_string(choice_label(
	    peer_asked_by, view_str(r, "asked_by"))));
	words_of(r, "asked_at", "asked_words", in);
}

void
peer_request_show(struct request *rq, struct response *rs)
{
	struct caller	 c;
	json_t		*r;
	const char	*state;
	int		 mine, see_outcome;

	if ((r = request_for(rq, rs, &c)) == NULL)
		return;
	labels(r, language_words(rq->lang));
	words_of(r, "accepted_at", "accepted_words",
		    language_words(rq->lang));
	words_of(r, "seen_at", "seen_words",
		    language_words(rq->lang));
	words_of(r, "closed_at", "closed_words",
		    language_words(rq->lang));
	if (json_is_integer(json_object_get(r, "seen_at")))
		json_object_set_new(r, "minutes_to_contact", json_integer(
		    (view_int(r, "seen_at") - view_int(r, "asked_at")) / 60));
	state = view_str(r, "state");
	mine = c.person > 0 && view_int(r, "accepted_by") == c.person;
	see_outcome = c.staff || c.person > 0;
	if (!see_outcome) {
		/* Whoever asked learns how far it has got, nothing more. */
		json_object_del(r, "told_name");
		json_object_del(r, "told_role");
		json_object_del(r, "told_at");
		json_object_del(r, "outcome");
		json_object_del(r, "service_name");
		json_object_del(r, "conversation_id");
	} else if (json_is_string(json_object_get(r, "outcome")))
		json_object_set_new(r, "outcome_label", json_string(choice_label(
		    peer_outcomes, view_str(r, "outcome"))));
	response_view(rs, "peer/request", json_pack("{s:s, s:o, s:b, s:b, "
	    "s:b, s:b, s:b, s:b, s:b, s:b}", "title", N_("Request for support"),
	    "request", r,
	    "can_accept", c.person > 0 && strcmp(state, "open") == 0,
	    "can_mark_seen", (mine || c.staff) && strcmp(state, "accepted") == 0,
	    "can_close", (mine || c.staff) && strcmp(state, "seen") == 0,
	    "can_acknowledge", c.staff && json_is_null(json_object_get(r,
	    "acknowledged_at")) && strcmp(view_str(r, "outcome"),
	    "safety_concern") == 0,
	    "can_debrief", mine,
	    "is_supporter", c.person > 0,
	    "see_outcome", see_outcome,
	    "debrief_asked", form_get(&rq->query, "debrief") != NULL));
}

void
peer_requests_index(struct request *rq, struct response *rs)
{
	struct caller	 c;
	struct paging	 pg;
	json_t		*site, *rows, *row, *view;
	size_t		 i;
	int		 open_only = form_get(&rq->query, "open") != NULL;

	if (paging_refused(&pg, rq, rs))
		return;
	if (site_load(rq->db, rq->ids[0], &site) <= 0) {
		response_error(rs, 404, "Page not found.");
		paging_clear(&pg);
		return;
	}
	if (caller_at(rq, rq->ids[0], &c) == -1) {
		json_decref(site);
		paging_clear(&pg);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	/* Neither staff nor a supporter here: nothing to list. */
	rows = c.staff || c.person > 0 ? peer_request_list(rq->db, rq->ids[0],
	    c.staff ? 0 : c.person, open_only, &pg) : json_array();
	json_array_foreach(rows, i, row)
		labels(row, language_words(rq->lang));
	view = json_pack("{s:s, s:o, s:O, s:b, s:b}", "title",
	    "Requests for support", "site", site, "requests", rows,
	    "open_only", open_only, "is_supporter", c.person > 0);
	if (view != NULL && paging_finish(&pg, rq, view, rows, NULL) == -1) {
		json_decref(view);
		view = NULL;
	}
	json_decref(rows);
	paging_clear(&pg);
	response_view(rs, "peer/requests", view);
}

static int
request_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1];
	int64_t	 id;
	int	 minutes, rc;

	(void)ctx;
	(void)errors;
	uk_local((int64_t)rq->now, today, &minutes);
	rc = peer_request_add(rq->db, rq->who.account_id, rq->ids[0], v,
	    (int64_t)rq->now, today, &id);
	if (rc == DB_OK)
		*location = location_of("/peer-requests/%lld", id);
	return rc;
}

void
peer_request_new(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Ask for a peer supporter"),
		.submit = N_("Send the request"),
		.fields = peer_request_fields,
		.nfields = peer_request_fields_count, .save = request_store,
	};
	json_t	*site, *kept;
	char	*back;

	if (site_load(rq->db, rq->ids[0], &site) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	kept = json_pack("{s:{s:o}, s:{s:s}}", "options", "unit_id",
	    unit_options_at(rq->db, rq->ids[0]), "initial", "urgency", "today");
	form_page_keep(&fp, kept);
	fp.caption = view_str(site, "name");
	fp.back = back = location_of("/sites/%lld/peer/now", rq->ids[0]);
	form_page_run(rq, rs, &fp);
	free(back);
	json_decref(kept);
	json_decref(site);
}

void
peer_request_accept_page(struct request *rq, struct response *rs)
{
	struct caller	 c;
	json_t		*r;

	if ((r = request_for(rq, rs, &c)) == NULL)
		return;
	json_decref(r);
	if (c.person <= 0) {
		response_error(rs, 403, "Only a peer supporter of this place "
		    "can accept a request.");
		return;
	}
	response_after_move(rs, peer_request_accept(rq->db, rq->who.account_id,
	    rq->ids[0], c.person, (int64_t)rq->now), "Another supporter has "
	    "already accepted this request.", "/peer-requests/%lld",
	    rq->ids[0]);
}

/* The supporter who accepted the request, or staff covering its site. */
static json_t *
request_for_holder(struct request *rq, struct response *rs)
{
	struct caller	 c;
	json_t		*r;

	if ((r = request_for(rq, rs, &c)) == NULL)
		return NULL;
	if (!c.staff && (c.person <= 0 || view_int(r, "accepted_by") !=
	    c.person)) {
		json_decref(r);
		response_error(rs, 403, "Only the supporter who accepted this "
		    "request, or staff, can do this.");
		return NULL;
	}
	return r;
}

void
peer_request_seen_page(struct request *rq, struct response *rs)
{
	json_t	*r;

	if ((r = request_for_holder(rq, rs)) == NULL)
		return;
	json_decref(r);
	response_after_move(rs, peer_request_seen(rq->db, rq->who.account_id,
	    rq->ids[0], (int64_t)rq->now), "This request is not waiting to be "
	    "seen.", "/peer-requests/%lld", rq->ids[0]);
}

static int
close_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const json_t	*r = ctx;
	int64_t		 told_at;
	int		 rc;

	if (strcmp(view_str(v, "outcome"), "safety_concern") == 0) {
		rc = uk_instant(view_str(v, "told_on"), peer_minutes(view_str(v,
		    "told_time")), &told_at);
		if (rc != UK_TIME_OK || told_at > (int64_t)rq->now + 300) {
			form_error(errors, "told_time", N_("Enter when you told "
			    "them: a time that has happened"));
			return DB_CONSTRAINT;
		}
		json_object_set_new(v, "told_at", json_integer(told_at));
	} else {
		/* Only a safety concern records a member of staff. */
		json_object_set_new(v, "told_name", json_null());
		json_object_set_new(v, "told_role", json_null());
		json_object_set_new(v, "told_at", json_null());
	}
	rc = peer_request_close(rq->db, rq->who.account_id, rq->ids[0], r, v,
	    (int64_t)rq->now);
	if (rc == DB_CONSTRAINT)
		form_error(errors, "outcome", N_("This request cannot be closed "
		    "now: it must be accepted and seen first, and not closed "
		    "already"));
	if (rc == DB_OK)
		*location = location_of("/peer-requests/%lld", rq->ids[0]);
	return rc;
}

void
peer_request_close_page(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Close the request"),
		.submit = N_("Close the request"),
		.fields = peer_close_fields, .nfields = peer_close_fields_count,
		.save = close_store, .rules = peer_close_rules,
		.template = "peer/close",
	};
	struct scope_filter	 f = { 0, NULL, NULL };
	char			 ids[32], *back;
	json_t			*r, *kept;

	if ((r = request_for_holder(rq, rs)) == NULL)
		return;
	if (strcmp(view_str(r, "state"), "seen") != 0) {
		json_decref(r);
		response_error(rs, 409, "A request is closed once it has been "
		    "seen, and only once.");
		return;
	}
	snprintf(ids, sizeof(ids), "[%lld]", (long long)view_int(r, "site_id"));
	f.site_ids = ids;
	kept = json_pack("{s:{s:o, s:o}}", "options", "service_id",
	    service_options(rq->db, &f), "topic_ids", topic_options_at(rq->db,
	    view_int(r, "site_id"), language_words(rq->lang)));
	form_page_keep(&fp, kept);
	fp.caption = view_str(r, "unit_name");
	fp.ctx = r;
	fp.back = back = location_of("/peer-requests/%lld", rq->ids[0]);
	form_page_run(rq, rs, &fp);
	free(back);
	json_decref(kept);
	json_decref(r);
}

void
peer_request_acknowledge_page(struct request *rq, struct response *rs)
{
	response_after_move(rs, peer_request_acknowledge(rq->db,
	    rq->who.account_id, rq->ids[0], (int64_t)rq->now), "This is not "
	    "a safety concern waiting to be acknowledged.",
	    "/peer-requests/%lld", rq->ids[0]);
}

void
peer_request_debrief_page(struct request *rq, struct response *rs)
{
	struct caller	 c;
	json_t		*r;
	int		 rc;

	if ((r = request_for(rq, rs, &c)) == NULL)
		return;
	if (c.person <= 0 || view_int(r, "accepted_by") != c.person) {
		json_decref(r);
		response_error(rs, 403, "The supporter who took this request "
		    "asks for a debrief after it.");
		return;
	}
	rc = peer_debrief_ask(rq->db, rq->who.account_id, c.person,
	    view_int(r, "site_id"), rq->ids[0], (int64_t)rq->now);
	json_decref(r);
	if (rc != DB_OK)
		response_error(rs, 503, "The service is busy. Try again.");
	else
		response_redirect(rs, "/peer-requests/%lld?debrief=asked",
		    (long long)rq->ids[0]);
}

/* Staff covering a site hear at once of a safety concern handed on
 * there, until one of them acknowledges it. */
void
peer_home_add(struct request *rq, json_t *view)
{
	struct scope_filter	 f;
	json_t			*rows, *row;
	size_t			 i;

	if (view == NULL || !access_any(&rq->who, ROLES_STAFF) ||
	    access_filter(&rq->who, ROLES_STAFF, 0, &f) == -1)
		return;
	if ((rows = peer_concerns_waiting(rq->db, &f)) != NULL) {
		json_array_foreach(rows, i, row) {
			words_of(row, "closed_at", "closed_words",
		    language_words(rq->lang));
		}
		json_object_set_new(view, "peer_concerns", rows);
	}
	scope_filter_clear(&f);
}
