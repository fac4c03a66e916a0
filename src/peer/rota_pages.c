/*
 * The rota: a site's week ahead unit by unit, each day's shifts and its
 * gaps in red (fewer on duty than the unit needs, or nobody trained),
 * who is on now, the hours each unit needs, adding shifts (overnight and
 * repeating) and swapping one.  The view is built once (peer_rota_view)
 * for the page, its JSON and the printed rota.
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
#include "../util/uk_time.h"
#include "../util/catalogue.h"
#include "../util/view.h"
#include "../voice/voice.h"

/* Today's local date. */
static void
local_today(time_t now, char out[DATE_CHARS + 1])
{
	int	 minutes;

	uk_local((int64_t)now, out, &minutes);
}

static const char *
gap_words(const struct peer_hour *h)
{
	if (h->state == PEER_UNTRAINED)
		return N_("No trained supporter");
	return h->on_duty == 0 ? N_("Nobody on duty") :
	    N_("Not enough supporters on duty");
}

/* Hours that read the same in the list of gaps. */
static int
same_gap(const struct peer_hour *a, const struct peer_hour *b)
{
	return a->state == b->state && (a->on_duty == 0) == (b->on_duty == 0);
}

/* The day's gaps as runs of hours in the same state: "02:00 to 06:00". */
static json_t *
day_gaps(const struct peer_hour *h, long from, long to)
{
	json_t	*gaps = json_array();
	char	 start[6], end[6];
	long	 i, j;

	for (i = from; i < to && gaps != NULL; i = j) {
		for (j = i + 1; j < to && same_gap(&h[j], &h[i]); j++)
			;
		if (h[i].state != PEER_GAP && h[i].state != PEER_UNTRAINED)
			continue;
		uk_clock(h[i].at, start);
		uk_clock(h[j - 1].at + 3600, end);
		/* A run to the end of the day ends at midnight, not "00:00". */
		if (j == to && strcmp(end, "00:00") == 0)
			snprintf(end, sizeof(end), "%s", "24:00");
		json_array_append_new(gaps, json_pack("{s:s, s:s, s:s, s:b}",
		    "from", start, "to", end, "what", gap_words(&h[i]),
		    "untrained", h[i].state == PEER_UNTRAINED));
	}
	return gaps;
}

static json_t *
shift_row(const json_t *s)
{
	char	 start[6], end[6], day[DATE_CHARS + 1], end_day[DATE_CHARS + 1];
	int	 m;

	uk_clock(view_int(s, "starts_at"), start);
	uk_clock(view_int(s, "ends_at"), end);
	uk_local(view_int(s, "starts_at"), day, &m);
	uk_local(view_int(s, "ends_at"), end_day, &m);
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:b, s:I}", "id",
	    (json_int_t)view_int(s, "id"), "name", view_str(s, "display_name"),
	    "from", start, "to", end, "day", day, "overnight",
	    strcmp(day, end_day) != 0, "hours",
	    (json_int_t)((view_int(s, "ends_at") - view_int(s, "starts_at") +
	    1800) / 3600));
}

/* One unit's week: days with shifts and gaps, hours needed and covered. */
static json_t *
unit_week(struct db *db, const json_t *unit, const char *first_day,
    int64_t from, int64_t to, const struct catalogue *in)
{
	struct peer_hour	 h[PEER_WEEK_DAYS * PEER_DAY_HOURS_MAX];
	struct peer_need	 need;
	struct peer_duty	*duties = NULL;
	json_t			*days, *shifts, *s, *out = NULL;
	char			 words[48], from_label[6], to_label[6];
	size_t			 nd, i;
	long			 n, k, start, needed = 0, covered = 0;

	need.from_hour = (int)view_int(unit, "from_hour");
	need.to_hour = (int)view_int(unit, "to_hour");
	need.needed = (int)view_int(unit, "needed");
	if (peer_duties(db, view_int(unit, "id"), from, to, &duties, &nd) !=
	    DB_OK)
		return NULL;
	n = peer_coverage(first_day, PEER_WEEK_DAYS, &need, duties, nd, h,
	    sizeof(h) / sizeof(h[0]));
	free(duties);
	shifts = peer_shifts_between(db, view_int(unit, "id"), from, to);
	if (n < 0 || shifts == NULL || (days = json_array()) == NULL) {
		json_decref(shifts);
		return NULL;
	}
	for (k = 0; k < n; k = i) {
		json_t	*day_shifts = json_array();

		start = k;
		for (i = (size_t)k; (long)i < n && strcmp(h[i].date,
		    h[start].date) == 0; i++) {
			needed += h[i].state != PEER_NOT_NEEDED;
			covered += h[i].state == PEER_COVERED;
		}
		json_array_foreach(shifts, nd, s) {
			json_t	*row = shift_row(s);

			if (strcmp(view_str(row, "day"), h[start].date) == 0)
				json_array_append(day_shifts, row);
			json_decref(row);
		}
		uk_day_words(h[start].date, in, words, sizeof(words));
		json_array_append_new(days, json_pack("{s:s, s:s, s:o, s:o}",
		    "date", h[start].date, "words", words, "shifts",
		    day_shifts, "gaps", day_gaps(h, start, (long)i)));
	}
	snprintf(from_label, sizeof(from_label), "%02u:00",
	    (unsigned)need.from_hour % 100u);
	snprintf(to_label, sizeof(to_label), "%02u:00",
	    (unsigned)need.to_hour % 100u);
	out = json_pack("{s:O, s:s, s:s, s:s, s:I, s:I, s:I, s:o}", "id",
	    json_object_get(unit, "id"), "name", view_str(unit, "name"),
	    "from", from_label, "to", to_label, "needed",
	    (json_int_t)need.needed,
	    "hours_needed", (json_int_t)needed, "hours_covered",
	    (json_int_t)covered, "days", days);
	json_decref(shifts);
	return out;
}

json_t *
peer_rota_view(struct db *db, int64_t site_id, const char *first_day,
    const struct catalogue *in)
{
	json_t	*units, *unit, *rota, *without, *week;
	char	 last[DATE_CHARS + 1];
	int64_t	 from, to;
	size_t	 i;

	date_add_days(first_day, PEER_WEEK_DAYS, last);
	if (uk_instant(first_day, 0, &from) != 0 ||
	    uk_instant(last, 0, &to) != 0 ||
	    (units = peer_units(db, site_id)) == NULL)
		return NULL;
	rota = json_array();
	without = json_array();
	json_array_foreach(units, i, unit) {
		if (json_is_null(json_object_get(unit, "needed"))) {
			json_array_append(without, unit);
			continue;
		}
		if ((week = unit_week(db, unit, first_day, from, to, in)) == NULL) {
			json_decref(rota);
			json_decref(without);
			json_decref(units);
			return NULL;
		}
		json_array_append_new(rota, week);
	}
	json_decref(units);
	return json_pack("{s:o, s:b, s:o}", "units", rota, "any_without",
	    json_array_size(without) > 0, "units_without_cover", without);
}

/* The first day asked for (?from), or today; the day before and after a
 * week for the links. */
static void
rota_days(struct request *rq, char first[DATE_CHARS + 1],
    char before[DATE_CHARS + 1], char after[DATE_CHARS + 1])
{
	const char	*from = form_get(&rq->query, "from");

	if (from != NULL && date_valid(from))
		snprintf(first, DATE_CHARS + 1, "%s", from);
	else
		local_today(rq->now, first);
	date_add_days(first, -PEER_WEEK_DAYS, before);
	date_add_days(first, PEER_WEEK_DAYS, after);
}

void
peer_rota(struct request *rq, struct response *rs)
{
	char	 first[DATE_CHARS + 1], before[DATE_CHARS + 1];
	char	 after[DATE_CHARS + 1];
	json_t	*site, *view;

	if (site_load(rq->db, rq->ids[0], &site) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	rota_days(rq, first, before, after);
	if ((view = peer_rota_view(rq->db, rq->ids[0], first,
	    language_words(rq->lang))) == NULL) {
		json_decref(site);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	json_object_set_new(view, "title", json_string(N_("Peer support rota")));
	json_object_set_new(view, "site", site);
	json_object_set_new(view, "from", json_string(first));
	json_object_set_new(view, "before", json_string(before));
	json_object_set_new(view, "after", json_string(after));
	json_object_set_new(view, "can_edit", json_boolean(access_covers(
	    &rq->who, ROLES_STAFF, rq->ids[0], 0)));
	response_view(rs, "peer/rota", view);
}

void
peer_now(struct request *rq, struct response *rs)
{
	char	 today[DATE_CHARS + 1];
	json_t	*site, *rows, *row;
	size_t	 i;

	if (site_load(rq->db, rq->ids[0], &site) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	local_today(rq->now, today);
	rows = peer_on_now(rq->db, rq->ids[0], (int64_t)rq->now, today);
	json_array_foreach(rows, i, row) {
		char	 until[6];

		uk_clock(view_int(row, "ends_at"), until);
		json_object_set_new(row, "until", json_string(until));
	}
	response_view(rs, "peer/now", rows == NULL ? NULL : json_pack(
	    "{s:s, s:o, s:o, s:I}", "title", N_("Peer supporters on duty now"),
	    "site", site, "on_duty", rows, "now", (json_int_t)rq->now));
	if (rows == NULL)
		json_decref(site);
}

/* Checked with the fields, so every error shows in one answer. */
static int
cover_rules(const json_t *v, json_t *errors)
{
	if (strtol(view_str(v, "to_hour"), NULL, 10) <=
	    strtol(view_str(v, "from_hour"), NULL, 10))
		form_error(errors, "to_hour",
		    N_("The end must be after the start"));
	return 0;
}

static int
cover_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const json_t	*unit = ctx;
	int		 rc;

	(void)errors;
	rc = peer_cover_save(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/sites/%lld/peer/rota",
		    view_int(unit, "site_id"));
	return rc;
}

void
peer_cover_edit(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Hours this place needs peer supporters"),
		.submit = N_("Save"), .fields = peer_cover_fields,
		.nfields = peer_cover_fields_count, .save = cover_store,
		.rules = cover_rules,
	};
	json_t	*unit;
	char	*back;

	if (peer_cover_load(rq->db, rq->ids[0], &unit) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	fp.caption = view_str(unit, "name");
	fp.back = back = location_of("/sites/%lld/peer/rota",
	    view_int(unit, "site_id"));
	fp.initial = unit;
	fp.ctx = unit;
	form_page_run(rq, rs, &fp);
	free(back);
	json_decref(unit);
}

/* Stores the shift on each day it repeats on; an error names the field
 * when a time does not happen on one of them. */
static int
shift_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 day[DATE_CHARS + 1], words[48];
	int64_t	 starts, ends, id;
	long	 repeat = strtol(view_str(v, "repeat"), NULL, 10);
	int	 i, rc = DB_OK;
	int	 start_min = peer_minutes(view_str(v, "starts"));
	int	 end_min = peer_minutes(view_str(v, "ends"));

	(void)ctx;
	if (repeat < 1 || repeat > PEER_SHIFT_REPEAT_MAX)
		repeat = 1;
	for (i = 0; i < repeat && rc == DB_OK; i++) {
		date_add_days(view_str(v, "on"), i, day);
		if (peer_shift_instants(day, start_min, end_min, &starts,
		    &ends) != UK_TIME_OK) {
			uk_day_words(day, language_words(rq->lang), words,
			    sizeof(words));
			form_error_words(errors, "starts", N_("{day}: the "
			    "clocks go forward at 01:00, so 01:00 to 01:59 "
			    "does not happen. Choose another time"),
			    json_pack("{s:s}", "day", words));
			return DB_CONSTRAINT;
		}
		rc = peer_shift_add(rq->db, rq->who.account_id, rq->ids[0],
		    view_int(v, "unit_id"), view_int(v, "person_id"), starts,
		    ends, &id);
	}
	if (rc == DB_OK) {
		char	*loc;

		if (asprintf(&loc, "/sites/%lld/peer/rota?from=%s",
		    (long long)rq->ids[0], view_str(v, "on")) == -1)
			return DB_ERROR;
		*location = loc;
	}
	return rc;
}

void
peer_shift_new(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Add a shift"), .submit = N_("Add the shift"),
		.fields = peer_shift_fields,
		.nfields = peer_shift_fields_count, .save = shift_store,
		.rules = peer_shift_rules,
	};
	char	 today[DATE_CHARS + 1], *back;
	json_t	*site, *kept;

	if (site_load(rq->db, rq->ids[0], &site) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	local_today(rq->now, today);
	kept = json_pack("{s:{s:o, s:o}, s:{s:s, s:s, s:s, s:s}}", "options",
	    "unit_id", unit_options_at(rq->db, rq->ids[0]), "person_id",
	    peer_supporter_options(rq->db, rq->ids[0], today), "initial",
	    "on", today, "starts", "08:00", "ends", "20:00", "repeat", "1");
	form_page_keep(&fp, kept);
	fp.caption = view_str(site, "name");
	fp.back = back = location_of("/sites/%lld/peer/rota", rq->ids[0]);
	form_page_run(rq, rs, &fp);
	free(back);
	json_decref(kept);
	json_decref(site);
}

static int
swap_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const json_t	*shift = ctx;
	int		 rc;

	rc = peer_shift_swap(rq->db, rq->who.account_id, rq->ids[0],
	    view_int(v, "person_id"), (int64_t)rq->now);
	if (rc == DB_CONSTRAINT)
		form_error(errors, "person_id",
		    N_("They already hold this shift"));
	if (rc == DB_OK)
		*location = location_of("/sites/%lld/peer/rota",
		    view_int(shift, "site_id"));
	return rc;
}

void
peer_shift_swap_page(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Swap this shift"), .submit = N_("Swap"),
		.fields = peer_swap_fields, .nfields = peer_swap_fields_count,
		.save = swap_store,
	};
	char	 today[DATE_CHARS + 1], when[96];
	char	*back, *caption;
	json_t	*shift, *kept, *said;

	if (peer_shift_load(rq->db, rq->ids[0], &shift) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	local_today(rq->now, today);
	uk_words(view_int(shift, "starts_at"), language_words(rq->lang), when, sizeof(when));
	/* Worded whole in the reader's language, the names only filled
	 * in: a unit's and a person's names are far shorter than a filled
	 * message may be (FORM_ERROR_CHARS_MAX). */
	said = json_pack("{s:s, s:s, s:s}", "unit_name", view_str(shift,
	    "unit_name"), "when", when, "holder", view_str(shift,
	    "display_name"));
	caption = request_words(rq, N_("{unit_name}, {when}, now held by "
	    "{holder}"), said);
	json_decref(said);
	kept = json_pack("{s:{s:o}}", "options", "person_id",
	    peer_supporter_options(rq->db, view_int(shift, "site_id"), today));
	form_page_keep(&fp, kept);
	fp.caption = caption;
	fp.ctx = shift;
	fp.back = back = location_of("/sites/%lld/peer/rota",
	    view_int(shift, "site_id"));
	form_page_run(rq, rs, &fp);
	free(back);
	free(caption);
	json_decref(kept);
	json_decref(shift);
}
