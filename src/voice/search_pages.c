/*
 * One search box over logs, issues and the directory.  Each part goes
 * through the same scope rules as its own pages: a rep finds their own
 * logs, staff the logs at their sites, everyone the issues and services
 * of the places they belong to.
 */
#include <stdlib.h>
#include <string.h>

#include "voice.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"

void
search_index(struct request *rq, struct response *rs)
{
	struct scope_filter	 staff, all, members;
	struct paging		 pg;
	const char		*q = form_get(&rq->query, "q");
	json_t			*filters, *view = NULL, *logs = NULL;
	char			*fts = NULL, today[DATE_CHARS + 1];
	int			 size = rq->app->config->list_page_size;

	if (paging_refused(&pg, rq, rs))
		return;
	if (q != NULL && strlen(q) <= SEARCH_MAX_CHARS)
		fts = voice_fts_query(q);
	if (fts == NULL) {
		paging_clear(&pg);
		response_view(rs, "voice/search", json_pack("{s:s, s:s?}",
		    "title", N_("Search"), "q", q));
		return;
	}
	date_today(rq->now, today);
	if (access_filter(&rq->who, ROLES_STAFF, 0, &staff) == -1) {
		free(fts);
		paging_clear(&pg);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	if (access_filter(&rq->who, ROLES_ALL, 1, &all) == -1 ||
	    access_filter(&rq->who, ROLES_ALL, 0, &members) == -1) {
		scope_filter_clear(&all);
		scope_filter_clear(&staff);
		free(fts);
		paging_clear(&pg);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	/* The same filters as the log list: site, place, topic, dates. */
	filters = voice_log_filters(&rq->query);
	/* Logs only for those who log or manage them. */
	if (access_any(&rq->who, VOICE_LOGGERS)) {
		logs = conversation_list(rq->db, rq->who.account_id, &staff,
		    filters, &pg);
		voice_labels_all(logs, today);
	}
	if (logs == NULL)
		logs = json_array();
	view = json_pack("{s:s, s:s, s:b, s:O, s:o, s:o}", "title",
	    N_("Search"), "q", q, "searched", 1, "logs", logs,
	    "issues", issue_search(rq->db, &members, fts,
	    form_get_id(&rq->query, "site"), form_get(&rq->query, "status"),
	    size),
	    "services", service_search(rq->db, &all, fts, size));
	if (view != NULL) {
		json_object_set(view, "filters", filters);
		json_object_set_new(view, "sites", site_options(rq->db, &all));
		json_object_set_new(view, "statuses",
		    choices_json(issue_statuses));
	}
	if (view != NULL)
		voice_labels_all(json_object_get(view, "issues"), today);
	/* More logs page on; issues and services show their first page. */
	paging_finish(&pg, rq, view, logs, "occurred_at");
	json_decref(logs);
	paging_clear(&pg);
	json_decref(filters);
	scope_filter_clear(&staff);
	scope_filter_clear(&all);
	scope_filter_clear(&members);
	free(fts);
	response_view(rs, "voice/search", view);
}
