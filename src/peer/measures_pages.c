/*
 * The measures of a site's peer-support service over a period (by
 * default the last PEER_MEASURE_WEEKS weeks): requests by hour of day and
 * place, time to first contact, the share taken by a supporter on duty,
 * outcomes (safety concerns counted on their own line too), and the
 * rota's cover week by week.  Counts of requests go through the shared
 * suppression (util/suppression.c) for anyone but staff covering the
 * site; cover is hours of the rota, not people, and is shown as it is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peer.h"
#include "../server/language.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../util/suppression.h"
#include "../util/uk_time.h"
#include "../util/catalogue.h"
#include "../util/view.h"

#define OUTCOMES	6	/* peer_outcomes without its end */

/* Index of unit_id in units (appending it), or -1 when out of room. */
static long
unit_index(json_t *units, const json_t *row)
{
	json_t	*u;
	size_t	 i;

	json_array_foreach(units, i, u)
		if (view_int(u, "id") == view_int(row, "unit_id"))
			return (long)i;
	if (json_array_append_new(units, json_pack("{s:I, s:s}", "id",
	    (json_int_t)view_int(row, "unit_id"), "name",
	    view_str(row, "unit_name"))) == -1)
		return -1;
	return (long)json_array_size(units) - 1;
}

/* Requests by local hour of day (rows) and place (columns), suppressed
 * as one additive table. */
static json_t *
by_hour(const json_t *facts, int threshold)
{
	json_t		*units = json_array(), *rows = json_array(), *row, *f;
	int64_t		*n = NULL;
	unsigned char	*marks = NULL;
	char		 date[DATE_CHARS + 1], label[6];
	size_t		 i, U, h, u;
	int		 minutes;

	json_array_foreach(facts, i, f)
		if (unit_index(units, f) < 0)
			goto fail;
	U = json_array_size(units);
	if (U == 0)
		goto done;
	if ((n = calloc(24 * U, sizeof(*n))) == NULL ||
	    (marks = calloc(25 * (U + 1), 1)) == NULL)
		goto fail;
	json_array_foreach(facts, i, f) {
		uk_local(view_int(f, "asked_at"), date, &minutes);
		n[(size_t)(minutes / 60) * U + (size_t)unit_index(units, f)]++;
	}
	if (suppress_table(n, 24, U, threshold, SUPPRESS_ADDITIVE, marks) == -1)
		goto fail;
	for (h = 0; h <= 24; h++) {
		json_t	*cells = json_array();
		int64_t	 total = 0, cell;

		for (u = 0; u < U; u++) {
			if (h < 24)
				cell = n[h * U + u];
			else {
				cell = 0;
				for (i = 0; i < 24; i++)
					cell += n[i * U + u];
			}
			total += cell;
			json_array_append_new(cells, suppressed_count(cell,
			    marks[h * (U + 1) + u], threshold));
		}
		snprintf(label, sizeof(label), "%02u:00", (unsigned)h % 100u);
		row = json_pack("{s:s, s:o, s:o, s:b}", "hour", h < 24 ? label :
		    N_("All hours"), "cells", cells, "total", suppressed_count(total,
		    marks[h * (U + 1) + U], threshold), "is_total", h == 24);
		json_array_append_new(rows, row);
	}
done:
	free(n);
	free(marks);
	return json_pack("{s:o, s:o}", "units", units, "rows", rows);
fail:
	free(n);
	free(marks);
	json_decref(units);
	json_decref(rows);
	return NULL;
}

/* Outcomes of the requests closed, one additive line; and safety
 * concerns again on their own. */
static json_t *
outcomes(const json_t *facts, int threshold)
{
	int64_t		 n[OUTCOMES] = { 0 };
	unsigned char	 marks[2 * (OUTCOMES + 1)];
	json_t		*rows = json_array(), *f;
	size_t		 i, k;
	int64_t		 closed = 0;

	json_array_foreach(facts, i, f)
		for (k = 0; k < OUTCOMES; k++)
			if (strcmp(view_str(f, "outcome"),
			    peer_outcomes[k].value) == 0) {
				n[k]++;
				closed++;
			}
	if (suppress_table(n, 1, OUTCOMES, threshold, SUPPRESS_ADDITIVE,
	    marks) == -1) {
		json_decref(rows);
		return NULL;
	}
	for (k = 0; k < OUTCOMES; k++)
		json_array_append_new(rows, json_pack("{s:s, s:o, s:b}", "label",
		    peer_outcomes[k].label, "count", suppressed_count(n[k],
		    marks[k], threshold), "safety", k == OUTCOMES - 1));
	return json_pack("{s:o, s:o, s:o}", "rows", rows, "closed",
	    suppressed_count(closed, marks[OUTCOMES], threshold),
	    "safety_concerns", suppressed_count(n[OUTCOMES - 1],
	    marks[OUTCOMES - 1], threshold));
}

/* Time to first contact and the share taken by a supporter on duty; both
 * only from at least threshold requests. */
static json_t *
contact(const json_t *facts, int threshold)
{
	int64_t	*minutes, median, p90;
	json_t	*f;
	size_t	 i, seen = 0, accepted = 0, on_duty = 0;

	if ((minutes = calloc(json_array_size(facts) + 1,
	    sizeof(*minutes))) == NULL)
		return NULL;
	json_array_foreach(facts, i, f) {
		if (json_is_integer(json_object_get(f, "seen_at")))
			minutes[seen++] = (view_int(f, "seen_at") -
			    view_int(f, "asked_at")) / 60;
		if (json_is_integer(json_object_get(f, "accepted_at"))) {
			accepted++;
			on_duty += view_int(f, "on_duty") == 1;
		}
	}
	peer_percentiles(minutes, seen, &median, &p90);
	free(minutes);
	return json_pack("{s:b, s:I, s:I, s:b, s:I, s:I}",
	    "contact_shown", seen > 0 && (int)seen >= threshold,
	    "median_minutes", (json_int_t)median, "p90_minutes",
	    (json_int_t)p90, "share_shown", accepted > 0 &&
	    (int)accepted >= threshold, "on_duty_percent", accepted ?
	    (json_int_t)((on_duty * 100 + accepted / 2) / accepted) : 0,
	    "accepted", (json_int_t)accepted);
}

/* Hours needed and covered, week by week, across the site's units. */
static json_t *
weekly_cover(struct db *db, int64_t site_id, const char *first_monday,
    int weeks, const struct catalogue *in)
{
	json_t	*rows = json_array(), *view, *u;
	char	 monday[DATE_CHARS + 1], words[48];
	size_t	 i;
	int	 w;

	for (w = 0; w < weeks; w++) {
		int64_t	 needed = 0, covered = 0;

		date_add_days(first_monday, 7 * w, monday);
		if ((view = peer_rota_view(db, site_id, monday, in)) == NULL) {
			json_decref(rows);
			return NULL;
		}
		json_array_foreach(json_object_get(view, "units"), i, u) {
			needed += view_int(u, "hours_needed");
			covered += view_int(u, "hours_covered");
		}
		json_decref(view);
		uk_day_words(monday, in, words, sizeof(words));
		json_array_append_new(rows, json_pack("{s:s, s:I, s:I, s:I}",
		    "week", words, "needed", (json_int_t)needed, "covered",
		    (json_int_t)covered, "percent", needed ? (json_int_t)
		    ((covered * 100 + needed / 2) / needed) : 0));
	}
	return rows;
}

void
peer_measures(struct request *rq, struct response *rs)
{
	char	 today[DATE_CHARS + 1], first[DATE_CHARS + 1];
	char	 tomorrow[DATE_CHARS + 1], monday[DATE_CHARS + 1];
	json_t	*site, *facts, *view;
	int64_t	 from, to;
	int	 minutes, staff, threshold;

	if (site_load(rq->db, rq->ids[0], &site) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	staff = access_covers(&rq->who, ROLES_STAFF, rq->ids[0], 0);
	/* Staff see exact counts: a threshold of 1 hides nothing. */
	threshold = staff ? 1 : rq->app->config->suppression_threshold;
	uk_local((int64_t)rq->now, today, &minutes);
	date_add_days(today, 1, tomorrow);
	date_add_days(today, -7 * PEER_MEASURE_WEEKS + 1, first);
	peer_week_start(first, monday);
	if (uk_instant(first, 0, &from) != UK_TIME_OK ||
	    uk_instant(tomorrow, 0, &to) != UK_TIME_OK ||
	    (facts = peer_request_facts(rq->db, rq->ids[0], from, to)) ==
	    NULL) {
		json_decref(site);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	view = json_pack("{s:s, s:o, s:s, s:s, s:b, s:i, s:o*, s:o*, s:o*, "
	    "s:o*}", "title", N_("Peer support: measures"), "site", site, "from",
	    first, "to", today, "exact", staff, "threshold",
	    rq->app->config->suppression_threshold,
	    "by_hour", by_hour(facts, threshold),
	    "outcomes", outcomes(facts, threshold),
	    "contact", contact(facts, threshold),
	    "cover", weekly_cover(rq->db, rq->ids[0], monday,
	    PEER_MEASURE_WEEKS + 1, language_words(rq->lang)));
	json_decref(facts);
	if (view != NULL && (!json_object_get(view, "by_hour") ||
	    !json_object_get(view, "outcomes") ||
	    !json_object_get(view, "contact") ||
	    !json_object_get(view, "cover"))) {
		json_decref(view);
		view = NULL;
	}
	response_view(rs, "peer/measures", view);
}
