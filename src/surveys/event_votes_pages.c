/*
 * A vote between a few options at an event (the charter launch voting
 * on the next phase): set up by the group, counts typed in from ballot
 * papers or a show of hands, then published by staff.  A published
 * result does not change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "surveys.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"
#include "../voice/voice.h"

static const struct choice vote_methods[] = {
	{ "ballot", N_("Ballot papers, counted") },
	{ "hands", N_("A show of hands, counted") },
	{ NULL, NULL },
};

const struct field_spec event_vote_fields[] = {
	{ "title", N_("What the vote decides"),
	    FIELD_TEXT, 1, NAME_MAX_CHARS, NULL,
	    NULL, NULL },
	{ "held_on", N_("Date of the event"),
	    FIELD_DATE, 1, 0, NULL, NULL, NULL },
	{ "method", N_("How people vote"),
	    FIELD_CHOICE, 1, 0, vote_methods, NULL,
	    NULL },
	{ "options", N_("Options"), FIELD_TEXTAREA, 1, TEXT_MAX_CHARS, NULL,
	    N_("From 2 to 8, one a line"), NULL },
};
const size_t event_vote_fields_count = FIELDS_COUNT(event_vote_fields);

static int
vote_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	json_t	*lines = choices_lines(view_str(v, "options")), *l;
	int64_t	 id;
	size_t	 i, n = json_array_size(lines);
	int	 rc, long_one = 0;

	(void)ctx;
	json_array_foreach(lines, i, l)
		long_one |= strlen(json_string_value(l)) >
		    SURVEY_CHOICE_MAX_CHARS;
	json_decref(lines);
	if (n < 2 || n > EVENT_VOTE_OPTIONS_MAX || long_one) {
		form_error(errors, "options", N_("Give from 2 to 8 options, one a "
		    "line, each up to 120 characters"));
		return DB_CONSTRAINT;
	}
	rc = event_vote_add(rq->db, rq->who.account_id, rq->ids[0], v, &id);
	if (rc == DB_OK)
		*location = location_of("/event-votes/%lld", id);
	return rc;
}

void
event_votes_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld", "name", NULL,
	};
	struct form_page fp = {
		.title = N_("Set up a vote at an event"),
		.submit = N_("Set it up"),
		.fields = event_vote_fields,
		.nfields = event_vote_fields_count, .save = vote_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/* Turnout against the group's members on the day: below the threshold
 * a member reads "fewer than N" votes and no percentage, which would
 * give the number away. Everyone at the event may vote, members or
 * not, so more votes than members is ordinary: then the votes are no
 * share of the members and neither the members nor a percentage are
 * named ("130 votes from the 4 members (3250%)" said nothing true). */
static void
vote_turnout(json_t *v, int threshold, int exact)
{
	int64_t	 total = view_int(v, "total"), eligible = view_int(v,
	    "eligible");
	int	 share = eligible > 0 && total <= eligible;

	json_object_set_new(v, "turnout_votes", voice_count(total, threshold,
	    exact));
	json_object_set_new(v, "turnout_of_members", json_boolean(share));
	if (share && (exact || total == 0 || total >= threshold))
		json_object_set_new(v, "turnout_percent", json_integer(
		    (total * 100 + eligible / 2) / eligible));
}

static void
vote_show(struct request *rq, struct response *rs, int status, json_t *v,
    json_t *errors)
{
	json_t	*opts = event_vote_options(rq->db, view_int(v, "id"));
	int	 staff = access_covers(&rq->who, ROLES_STAFF, view_int(v,
	    "site_id"), view_int(v, "group_id"));

	static const struct choice_column method[] = {
		{ "method", vote_methods },
	};

	vote_turnout(v, rq->app->config->suppression_threshold, staff);
	/* The method in the words the form offered it in. */
	choice_labels_add(v, method, 1);

	response_page(rs, status, "surveys/event_vote", json_pack("{s:O, s:O, "
	    "s:o, s:b, s:b, s:b, s:o, s:b}", "title", json_object_get(v,
	    "title"), "vote", v, "options", opts ? opts : json_array(),
	    "is_open", strcmp(view_str(v, "state"), "open") == 0,
	    "is_staff", staff, "is_writer",
	    access_covers(&rq->who, ROLE_BIT(ROLE_MEMBER) | ROLE_BIT(ROLE_REP) |
	    ROLES_STAFF, view_int(v, "site_id"), view_int(v, "group_id")),
	    "errors", errors, "has_errors", json_array_size(errors) > 0));
}

/* The vote of the path, or NULL with the response answered. */
static json_t *
vote_of(struct request *rq, struct response *rs)
{
	json_t	*v;

	if (event_vote_load(rq->db, rq->ids[0], &v) <= 0) {
		response_error(rs, 404, "Page not found.");
		return NULL;
	}
	return v;
}

void
event_votes_show(struct request *rq, struct response *rs)
{
	json_t	*v;

	if ((v = vote_of(rq, rs)) != NULL) {
		vote_show(rq, rs, 200, v, json_array());
		json_decref(v);
	}
}

/* The counts form's table: one required whole number for each option,
 * with the option's text in the reader's language (labels[i], freed by
 * the caller).  Returns the number of fields. */
static size_t
counts_fields(struct request *rq, const json_t *opts,
    struct field_spec specs[EVENT_VOTE_OPTIONS_MAX],
    char names[EVENT_VOTE_OPTIONS_MAX][32],
    char *labels[EVENT_VOTE_OPTIONS_MAX])
{
	const json_t	*o;
	json_t		*option;
	size_t		 i, n = 0;

	json_array_foreach(opts, i, o) {
		if (n == EVENT_VOTE_OPTIONS_MAX)
			break;
		snprintf(names[n], 32, "votes_%zu", n + 1);
		/* Worded here in the reader's language: the option is
		 * someone's text, so the label has no msgid of its own. */
		option = json_pack("{s:s}", "option", view_str(o, "label"));
		labels[n] = request_words(rq, N_("Votes for {option}"), option);
		json_decref(option);
		specs[n] = (struct field_spec){ .name = names[n],
		    .label = labels[n] != NULL ? labels[n] : N_("Votes"),
		    .kind = FIELD_WHOLE, .required = 1, .max_chars = VOTES_MAX };
		n++;
	}
	return n;
}

void
event_votes_counts(struct request *rq, struct response *rs)
{
	struct field_spec specs[EVENT_VOTE_OPTIONS_MAX];
	char		 names[EVENT_VOTE_OPTIONS_MAX][32];
	char		*labels[EVENT_VOTE_OPTIONS_MAX] = { NULL };
	json_t		*v, *opts, *counts = NULL, *errors = NULL, *vals = NULL;
	size_t		 i, n;
	int		 rc;

	if ((v = vote_of(rq, rs)) == NULL)
		return;
	if (strcmp(view_str(v, "state"), "open") != 0) {
		response_error(rs, 409, "The result is published and no longer "
		    "changes.");
		json_decref(v);
		return;
	}
	opts = event_vote_options(rq->db, rq->ids[0]);
	n = counts_fields(rq, opts, specs, names, labels);
	json_decref(opts);
	rc = fields_validate(specs, n, &rq->body, NULL, &vals, &errors);
	if (rc == 1) {
		vote_show(rq, rs, 422, v, errors);	/* takes errors */
		errors = NULL;
		goto out;
	}
	counts = json_array();
	for (i = 0; i < n && rc == 0; i++)
		json_array_append(counts, json_object_get(vals, names[i]));
	if (rc == 0)
		rc = event_vote_count(rq->db, rq->who.account_id, rq->ids[0],
		    counts);
	if (rc == DB_OK)
		response_redirect(rs, "/event-votes/%lld", (long long)rq->ids[0]);
	else
		response_error(rs, 500, "Something went wrong.");
out:
	for (i = 0; i < n; i++)
		free(labels[i]);
	json_decref(vals);
	json_decref(errors);
	json_decref(counts);
	json_decref(v);
}

void
event_votes_publish(struct request *rq, struct response *rs)
{
	char	 today[DATE_CHARS + 1];
	int	 rc;

	date_today(rq->now, today);
	rc = event_vote_publish(rq->db, rq->who.account_id, rq->ids[0], today);
	if (rc == DB_OK)
		response_redirect(rs, "/event-votes/%lld", (long long)rq->ids[0]);
	else
		response_error(rs, rc == DB_CONSTRAINT ? 409 : 500, rc ==
		    DB_CONSTRAINT ? "Enter every count before publishing; a "
		    "published result stays as it is." :
		    "Something went wrong.");
}
