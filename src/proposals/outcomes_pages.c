/*
 * "You said, we did": every proposal sent on, what was decided and why,
 * and what happened, for a group or a whole site; a poster of it for the
 * wing notice board; and how quickly decision makers answer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proposals.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

/* "Sent 4 November 2026, answered 2 December 2026, done 9 January
 * 2027": the dates the page and the poster both show, in words. */
static void
outcome_when(json_t *row)
{
	char	 sent[DATE_WORDS_CHARS + 1], answered[DATE_WORDS_CHARS + 1];
	char	 done[DATE_WORDS_CHARS + 1], again[DATE_WORDS_CHARS + 1];
	char	*when = NULL;

	/* First sent, then sent again when it was (sent_again_on).  The
	 * page names the dates in its reader's language from sent_on and
	 * the others; "when" is the poster's. */
	json_object_set(row, "sent_on", json_object_get(row,
	    view_str(row, "first_sent_on") ? "first_sent_on" :
	    "submitted_on"));
	/* In English, as the rest of the standard poster's words are. */
	date_words(view_str(row, "sent_on"), sent, NULL);
	date_words(view_str(row, "sent_again_on"), again, NULL);
	date_words(view_str(row, "responded_on"), answered, NULL);
	date_words(view_str(row, "done_on"), done, NULL);
	if (asprintf(&when, "Sent %s%s%s%s%s%s%s", sent, *again ?
	    ", sent again " : "", again, *answered ? ", answered " : "",
	    answered, *done ? ", done " : "", done) >= 0)
		json_object_set_new(row, "when", json_string(when));
	free(when);
}

/* Each outcome in plain words, for the page and the poster. */
static void
outcome_words(json_t *row, const char *today, const struct catalogue *words)
{
	int		 state = proposal_state_parse(json_string_value(
	    json_object_get(row, "state")));
	const char	*first = json_string_value(json_object_get(row,
	    "first_sent_on"));
	const char	*last = json_string_value(json_object_get(row,
	    "submitted_on"));

	/* The answer first: whether it is late is said in "we did" too. */
	json_object_set_new(row, "answer", proposal_answer(state, row,
	    today));
	(void)outcome_words_in(row, words);
	/* Sent again after a request for more information or a deferral:
	 * both dates, the first one first. */
	if (first != NULL && last != NULL && strcmp(first, last) != 0)
		json_object_set_new(row, "sent_again_on", json_string(last));
	outcome_when(row);
	if (state >= 0)
		json_object_set_new(row, "state_label",
		    json_string(proposal_state_labels[state]));
	/* How long ago it was answered, or how long it has waited. */
	json_object_set_new(row, "age_days", json_integer(date_diff_days(
	    json_string_value(json_object_get(row, json_is_string(
	    json_object_get(row, "responded_on")) ? "responded_on" :
	    "submitted_on")), today)));
}

/* One page of outcomes (the poster: the first page). */
static json_t *
outcomes_view(struct request *rq, const struct paging *pg, int64_t group,
    int64_t site, const char *place)
{
	json_t	*rows, *row, *view;
	char	 today[DATE_CHARS + 1], title[NAME_MAX_CHARS * 4 + 32];
	size_t	 i;

	date_today(rq->now, today);
	rows = outcomes_list(rq->db, group, site, pg);
	json_array_foreach(rows, i, row)
		outcome_words(row, today, language_words(rq->lang));
	snprintf(title, sizeof(title), "You said, we did: %s", place);
	view = json_pack("{s:s, s:s, s:s, s:o, s:I, s:I}", "title", title,
	    "title_words", N_("You said, we did: {place}"), "place", place,
	    "outcomes", rows, "group_id", (json_int_t)group, "site_id",
	    (json_int_t)site);
	paging_finish(pg, rq, view, rows, "listed_on");
	return view;
}

int
outcomes_of(struct request *rq, struct response *rs, int by_site,
    json_t **view)
{
	struct paging	 pg;
	json_t		*place;
	int64_t		 id = rq->ids[0];

	if ((by_site ? site_load(rq->db, id, &place) :
	    group_load(rq->db, id, &place)) <= 0) {
		response_error(rs, 404, "Page not found.");
		return 0;
	}
	if (paging_refused(&pg, rq, rs)) {
		json_decref(place);
		return 0;
	}
	*view = outcomes_view(rq, &pg, by_site ? 0 : id, by_site ? id : 0,
	    json_string_value(json_object_get(place, "name")));
	json_decref(place);
	paging_clear(&pg);
	return 1;
}

void
outcomes_group(struct request *rq, struct response *rs)
{
	json_t	*view;

	if (outcomes_of(rq, rs, 0, &view))
		response_view(rs, "proposals/outcomes", view);
}

void
outcomes_site(struct request *rq, struct response *rs)
{
	json_t	*view;

	if (outcomes_of(rq, rs, 1, &view))
		response_view(rs, "proposals/outcomes", view);
}

/* Days to response and completion for a group, or every group at a
 * site (group 0), with what is still open by age. */
static void
timeliness_page(struct request *rq, struct response *rs, int64_t group,
    int64_t site, json_t *place)
{
	json_t	*responses, *completions;
	char	 today[DATE_CHARS + 1];

	date_today(rq->now, today);
	responses = timeliness_rows(rq->db, group, site, 0);
	completions = completion_rows(rq->db, group, site);
	response_view(rs, "proposals/timeliness", json_pack("{s:s, s:o, s:o, "
	    "s:o, s:o}", "title", N_("How quickly we get answers"), "place", place,
	    "responses", timeliness_summary(responses, "days_taken",
	    "on_time"), "completion", timeliness_summary(completions, "days",
	    "on_time"), "open_by_age", open_age_bands(rq->db, group, site,
	    today)));
	json_decref(responses);
	json_decref(completions);
}

void
timeliness_group(struct request *rq, struct response *rs)
{
	json_t	*g;

	if (group_load(rq->db, rq->ids[0], &g) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	timeliness_page(rq, rs, rq->ids[0], 0, g);
}

void
timeliness_site(struct request *rq, struct response *rs)
{
	json_t	*s;

	if (site_load(rq->db, rq->ids[0], &s) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	timeliness_page(rq, rs, 0, rq->ids[0], s);
}
