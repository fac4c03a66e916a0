/*
 * Each site's topic taxonomy: the organisation's topics plus its own.
 * Topics are retired, never deleted, so old logs keep their meaning.
 */
#include "voice.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"

void
topics_index(struct request *rq, struct response *rs)
{
	json_t		*values = NULL, *errors = NULL, *site, *view;
	int		 rc, status = 200;

	if (site_load(rq->db, rq->ids[0], &site) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	if (rq->method == HTTP_POST) {
		rc = fields_validate(topic_fields, topic_fields_count,
		    &rq->body, NULL, &values, &errors);
		if (rc == 0) {
			rc = topic_add(rq->db, rq->who.account_id, rq->ids[0],
			    values);
			if (rc == DB_OK) {
				response_redirect(rs, "/sites/%lld/topics",
				    (long long)rq->ids[0]);
				goto out;
			}
			form_constraint(rc, errors, "name",
			    "There is already a topic with this name");
		}
		status = 422;
	}
	view = json_pack("{s:s, s:O, s:o, s:o, s:o, s:b}", "title", N_("Topics"),
	    "site", site, "topics", topic_list(rq->db, rq->ids[0]),
	    "fields", fields_view(topic_fields, topic_fields_count, values,
	    errors, NULL), "errors", errors ? json_incref(errors) : json_array(),
	    "has_errors", json_array_size(errors) > 0);
	if (view == NULL)
		response_error(rs, 500, "Something went wrong.");
	else
		response_page(rs, status, "voice/topics", view);
out:
	json_decref(site);
	json_decref(values);
	json_decref(errors);
}

void
topics_retire(struct request *rq, struct response *rs)
{
	struct target	 t = { 0, 0, 0 };
	char		 today[DATE_CHARS + 1];
	int		 rc;

	date_today(rq->now, today);
	if (topic_target(rq->db, rq->ids, &t) < 0) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	rc = topic_retire(rq->db, rq->who.account_id, rq->ids[0], today);
	if (rc == DB_CONSTRAINT) {
		response_error(rs, 409, "This topic is already retired.");
		return;
	}
	if (rc != DB_OK) {
		response_error(rs, 503, "The service is busy. Try again.");
		return;
	}
	if (t.site_id > 0)
		response_redirect(rs, "/sites/%lld/topics", (long long)t.site_id);
	else
		response_redirect(rs, "/sites");
}
