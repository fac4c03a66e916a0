/*
 * Logging conversations: the rep's most frequent task.  The form offers
 * the rep's own sites, remembers the last place they used, and after
 * saving comes straight back, empty, for the next one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "voice.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

/* The lists the log form offers, for the caller's scopes. */
static json_t *
log_options(struct request *rq)
{
	struct scope_filter	 f;
	json_t			*o;

	if (access_filter(&rq->who, VOICE_LOGGERS, 1, &f) == -1)
		return NULL;
	o = json_pack("{s:o, s:o, s:o, s:o, s:o}",
	    "site_id", site_options(rq->db, &f),
	    "unit_id", unit_options(rq->db, &f),
	    "topic_ids", topic_options(rq->db, &f, language_words(rq->lang)),
	    "service_id", service_options(rq->db, &f),
	    "followup_owner", account_options(rq->db, &f));
	scope_filter_clear(&f);
	return o;
}

/* Local date and time now: the laptop's clock is the rep's clock. */
static void
local_now(time_t now, char date[DATE_CHARS + 1], char hhmm[6])
{
	struct tm	 tm;

	localtime_r(&now, &tm);
	strftime(date, DATE_CHARS + 1, "%Y-%m-%d", &tm);
	strftime(hhmm, 6, "%H:%M", &tm);
}

static json_t *
log_initial(struct request *rq, const json_t *options)
{
	char		 today[DATE_CHARS + 1], hhmm[6], due[DATE_CHARS + 1];
	const json_t	*sites = json_object_get(options, "site_id");
	int64_t		 unit = last_unit_used(rq->db, rq->who.account_id);
	json_t		*v;

	local_now(rq->now, today, hhmm);
	date_add_days(today, FOLLOWUP_DAYS, due);
	v = json_pack("{s:s, s:s, s:s, s:I, s:s}", "occurred_on", today,
	    "occurred_time", hhmm, "consent", "anonymous",
	    "followup_owner", (json_int_t)rq->who.account_id,
	    "followup_due", due);
	if (v == NULL)
		return NULL;
	if (json_array_size(sites) > 0)
		json_object_set(v, "site_id", json_object_get(json_array_get(
		    sites, 0), "value"));
	if (unit > 0)
		json_object_set_new(v, "unit_id", json_integer(unit));
	return v;
}

static int
log_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id;
	int	 rc;

	(void)ctx;
	log_fits_site(rq->db, v, errors);
	if (json_array_size(errors) > 0)
		return DB_CONSTRAINT;
	if ((rc = conversation_add(rq->db, rq->who.account_id,
	    rq->who.account_id, v, 0, &id)) ==
	    DB_OK)
		*location = location_of("/conversations/new?logged=%lld", id);
	return rc;
}

void
conversations_new(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Log a conversation"), .submit = N_("Save log"),
		.back = "/conversations", .fields = conversation_fields,
		.nfields = conversation_fields_count, .save = log_store,
		.rules = voice_log_rules, .template = "voice/log_form",
	};
	int64_t		 logged = form_get_id(&rq->query, "logged");
	json_t		*options, *initial = NULL;
	char		*href = NULL;

	/* The lists are needed to check a post; the defaults only to show. */
	if ((options = log_options(rq)) == NULL || (rq->method == HTTP_GET &&
	    (initial = log_initial(rq, options)) == NULL)) {
		json_decref(options);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	if (logged > 0) {
		fp.notice = N_("Conversation logged. You can log the next one.");
		fp.notice_href = href = location_of("/conversations/%lld",
		    logged);
	}
	fp.options = options;
	fp.initial = initial;
	form_page_run(rq, rs, &fp);
	free(href);
	json_decref(options);
	json_decref(initial);
}

/*
 * The places to filter by: those of the chosen site, or of the viewer's only
 * site.  Listing every place of every site (592 for an organisation's
 * admin) made the page 60 KB and each request build it; a site first is
 * also the shorter choice to make.  The site must be one the viewer logs at.
 */
static json_t *
log_filter_places(struct request *rq, const json_t *sites,
    const json_t *filters)
{
	const json_t	*site = json_object_get(filters, "site");

	if (json_integer_value(site) > 0 && options_has(sites, site))
		return unit_options_at(rq->db, json_integer_value(site));
	if (json_array_size(sites) == 1)
		return unit_options_at(rq->db, view_int(json_array_get(sites,
		    0), "value"));
	return json_array();
}

void
conversations_index(struct request *rq, struct response *rs)
{
	struct scope_filter	 staff, loggers;
	struct paging		 pg;
	json_t			*filters, *view = NULL, *logs, *sites, *places;
	json_t			*topics, *outcome_list, *grouped_list;
	char			 today[DATE_CHARS + 1];
	static const struct choice grouped[] = {
		{ "yes", N_("Yes") }, { "no", N_("Not yet") }, { NULL, NULL }
	};

	if (paging_refused(&pg, rq, rs))
		return;
	date_today(rq->now, today);
	if (access_filter(&rq->who, ROLES_STAFF, 0, &staff) == -1)
		goto fail;
	if (access_filter(&rq->who, VOICE_LOGGERS, 1, &loggers) == -1) {
		scope_filter_clear(&staff);
		goto fail;
	}
	filters = voice_log_filters(&rq->query);
	logs = conversation_list(rq->db, rq->who.account_id, &staff, filters,
	    &pg);
	voice_labels_all(logs, today);
	sites = site_options(rq->db, &loggers);
	places = log_filter_places(rq, sites, filters);
	topics = topic_options(rq->db, &loggers,
	    language_words(rq->lang));
	outcome_list = choices_json(outcomes);
	grouped_list = choices_json(grouped);
	view = json_pack("{s:s, s:o, s:O, s:O, s:o, s:o, s:o, s:o, s:o, s:b, "
	    "s:b}",
	    "title", N_("Conversation logs"), "logs", logs, "filters", filters,
	    "sheet_sites", sites,
	    "sites", options_chosen(sites, json_object_get(filters, "site")),
	    "places", options_chosen(places, json_object_get(filters,
	    "place")),
	    "topics", options_chosen(topics, json_object_get(filters,
	    "topic")),
	    "outcomes", options_chosen(outcome_list,
	    json_object_get(filters, "outcome")),
	    "grouped", options_chosen(grouped_list,
	    json_object_get(filters, "grouped")),
	    "places_by_site", json_array_size(sites) > 1 &&
	    json_array_size(places) == 0,
	    "can_group", access_any(&rq->who, ROLES_STAFF));
	paging_finish(&pg, rq, view, logs, "occurred_at");
	json_decref(filters);
	json_decref(sites);
	json_decref(places);
	json_decref(topics);
	json_decref(outcome_list);
	json_decref(grouped_list);
	scope_filter_clear(&staff);
	scope_filter_clear(&loggers);
fail:
	paging_clear(&pg);
	response_view(rs, "voice/logs", view);
}

void
conversations_show(struct request *rq, struct response *rs)
{
	json_t	*log;
	char	 today[DATE_CHARS + 1];

	if (conversation_load(rq->db, rq->ids[0], &log) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	if (!voice_log_visible(&rq->who, log)) {
		json_decref(log);
		response_denied(rs);
		return;
	}
	date_today(rq->now, today);
	voice_labels(log, today);
	if (voice_topics_said(log) == -1) {
		json_decref(log);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	response_view(rs, "voice/log", json_pack("{s:s, s:o, s:o, s:b}",
	    "title", N_("Conversation log"), "log", log,
	    "followups", followup_of_conversation(rq->db, rq->ids[0]),
	    "can_group", access_covers(&rq->who, ROLES_STAFF,
	    view_int(log, "site_id"), 0)));
}
