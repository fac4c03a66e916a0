/*
 * The proposal state machine and the arithmetic of timeliness: pure
 * functions over plain values, tested in tests/unit/test_proposals.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proposals.h"
#include "../limits.h"
#include "../render/parts.h"
#include "../render/template.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/text.h"
#include "../util/view.h"

const char *const proposal_state_names[PS__MAX] = {
	"draft", "agreed", "not_agreed", "submitted", "accepted",
	"accepted_in_part", "not_accepted", "deferred", "more_info", "done",
};

const char *const proposal_state_labels[PS__MAX] = {
	N_("Draft"), N_("Agreed by the group"), N_("Not agreed by the group"),
	N_("Waiting for a decision"), N_("Accepted"), N_("Accepted in part"),
	N_("Not accepted"), N_("Deferred"), N_("More information asked for"),
	N_("Done"),
};

const char *const proposal_event_names[PE__MAX] = {
	"agree", "not_agree", "submit", "accept", "accept_in_part",
	"not_accept", "defer", "more_info", "refer", "resubmit", "complete",
};

const struct choice response_kinds[] = {
	{ "accepted", N_("Accepted") },
	{ "accepted_in_part", N_("Accepted in part") },
	{ "not_accepted", N_("Not accepted") },
	{ "deferred", N_("Deferred until a date") },
	{ "more_info", N_("More information needed") },
	{ "referred", N_("Referred to another decision maker") },
	{ NULL, NULL },
};

/* The whole machine: next[state][event], -1 where not allowed. */
static const signed char next_state[PS__MAX][PE__MAX] = {
#define X -1
	/*                 agree  not  subm   acc   part   not   def   info   ref   resub  comp */
	[PS_DRAFT] =      { PS_AGREED, PS_NOT_AGREED, X, X, X, X, X, X, X, X, X },
	[PS_AGREED] =     { X, X, PS_SUBMITTED, X, X, X, X, X, X, X, X },
	[PS_NOT_AGREED] = { X, X, X, X, X, X, X, X, X, X, X },
	[PS_SUBMITTED] =  { X, X, X, PS_ACCEPTED, PS_ACCEPTED_IN_PART,
	    PS_NOT_ACCEPTED, PS_DEFERRED, PS_MORE_INFO, PS_SUBMITTED, X, X },
	[PS_ACCEPTED] =   { X, X, X, X, X, X, X, X, X, X, PS_DONE },
	[PS_ACCEPTED_IN_PART] = { X, X, X, X, X, X, X, X, X, X, PS_DONE },
	[PS_NOT_ACCEPTED] = { X, X, X, X, X, X, X, X, X, X, X },
	[PS_DEFERRED] =   { X, X, X, X, X, X, X, X, X, PS_SUBMITTED, X },
	[PS_MORE_INFO] =  { X, X, X, X, X, X, X, X, X, PS_SUBMITTED, X },
	[PS_DONE] =       { X, X, X, X, X, X, X, X, X, X, X },
#undef X
};

int
proposal_next(enum proposal_state s, enum proposal_event e)
{
	if ((int)s < 0 || s >= PS__MAX || (int)e < 0 || e >= PE__MAX)
		return -1;
	return next_state[s][e];
}

enum proposal_state
proposal_state_on(enum proposal_state s, const char *deferred_until,
    const char *today)
{
	if (s == PS_DEFERRED && deferred_until != NULL && today != NULL &&
	    date_diff_days(deferred_until, today) >= 0)
		return PS_SUBMITTED;
	return s;
}

const char *
proposal_state_label_on(enum proposal_state s, const char *deferred_until,
    const char *today)
{
	if ((int)s < 0 || s >= PS__MAX)
		return "";
	if (s != proposal_state_on(s, deferred_until, today))
		return N_("Due again: the deferral has ended");
	return proposal_state_labels[s];
}

/*
 * Where a proposal stands, as a member asks it: for each state a name,
 * its easy-read picture (render/pictogram.c), a sentence to set in bold
 * and one to follow it, with the {name}s of the proposal's own dates.
 * The easy-read pages and the printed notice say it in these words.
 */
static const struct {
	const char	*name;
	const char	*picture;
	const char	*said;
	const char	*more;	/* NULL: nothing follows */
} answers[PS__MAX] = {
	[PS_DRAFT] = { "group", "meeting",
	    N_("Your group is still working on this."), NULL },
	[PS_AGREED] = { "agreed", "yes",
	    N_("Your group agreed to send this."),
	    N_("Next, it goes to someone who can decide.") },
	[PS_NOT_AGREED] = { "not_agreed", "no",
	    N_("Your group did not agree to send this."), NULL },
	[PS_SUBMITTED] = { "waiting", "wait",
	    N_("We are waiting for the answer."),
	    N_("The answer should come by {due_on | date}.") },
	[PS_ACCEPTED] = { "yes", "yes", N_("The answer is yes."),
	    N_("They will do it.") },
	[PS_ACCEPTED_IN_PART] = { "partly", "yes",
	    N_("The answer is yes, for some of it."),
	    N_("They will do part of it.") },
	[PS_NOT_ACCEPTED] = { "no", "no", N_("The answer is no."),
	    N_("They will not do it.") },
	[PS_DEFERRED] = { "later", "wait", N_("Not now."),
	    N_("They will look at it again on {deferred_until | date}.") },
	[PS_MORE_INFO] = { "more", "question", N_("They need to know more."),
	    N_("Your group will tell them, then they will answer.") },
	[PS_DONE] = { "done", "did", N_("It is done."), NULL },
};

void
actions_mark_late(json_t *actions, const char *today)
{
	json_t	*a;
	size_t	 i;

	json_array_foreach(actions, i, a)
		json_object_set_new(a, "late", json_boolean(
		    view_text(a, "closed_on") == NULL &&
		    date_passed(view_text(a, "due_on"), today)));
}

json_t *
proposal_answer(int state, const json_t *row, const char *today)
{
	const char	*due_on = view_text(row, "due_on"), *more;
	int		 late;

	if (state < 0 || state >= PS__MAX)
		return json_object();
	late = state == PS_SUBMITTED && date_passed(due_on, today);
	more = late ? N_("The answer is late. It should have come by "
	    "{due_on | date}.") : answers[state].more;
	/* A sentence about a date there is not would end in nothing. */
	if ((state == PS_SUBMITTED && due_on == NULL) ||
	    (state == PS_DEFERRED && view_text(row, "deferred_until") == NULL))
		more = NULL;
	return json_pack("{s:b, s:b, s:s, s:s, s:s*}", answers[state].name, 1,
	    "late", late, "picture", answers[state].picture,
	    "said", answers[state].said, "more", more);
}

int
proposal_state_parse(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < PS__MAX; i++)
		if (strcmp(s, proposal_state_names[i]) == 0)
			return i;
	return -1;
}

int
proposal_response_event(const char *kind)
{
	static const struct {
		const char		*kind;
		enum proposal_event	 event;
	} map[] = {
		{ "accepted", PE_ACCEPT },
		{ "accepted_in_part", PE_ACCEPT_IN_PART },
		{ "not_accepted", PE_NOT_ACCEPT },
		{ "deferred", PE_DEFER },
		{ "more_info", PE_MORE_INFO },
		{ "referred", PE_REFER },
	};
	size_t	 i;

	for (i = 0; kind != NULL && i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(kind, map[i].kind) == 0)
			return map[i].event;
	return -1;
}

void
answer_rules(const json_t *v, const char *today, json_t *errors,
    const struct answer_rule *rule)
{
	const char	*kind = json_string_value(json_object_get(v, "kind"));
	const char	*until;

	if (kind == NULL)
		return;
	if (strcmp(kind, rule->needs_no_reason) != 0 &&
	    json_string_value(json_object_get(v, "reason")) == NULL)
		form_error(errors, "reason", rule->reason_message);
	until = json_string_value(json_object_get(v, rule->date_field));
	if (strcmp(kind, rule->dated) == 0 && (until == NULL ||
	    date_diff_days(today, until) <= 0))
		form_error(errors, rule->date_field, rule->date_message);
}

int
proposal_response_rules(const json_t *v, const char *today, json_t *errors)
{
	static const struct answer_rule rule = {
		"accepted", N_("Enter the reason: the group is told why, for "
		"anything but accepted"), "deferred", "deferred_until",
		N_("Enter a date after today to defer it until"),
	};
	const char	*kind = json_string_value(json_object_get(v, "kind"));

	answer_rules(v, today, errors, &rule);
	if (kind != NULL && strcmp(kind, "referred") == 0 &&
	    !json_is_integer(json_object_get(v, "referred_to")))
		form_error(errors, "referred_to",
		    N_("Select who it is referred to"));
	return 0;
}

void
proposal_due(const char *submitted_on, int days, char out[DATE_CHARS + 1])
{
	date_add_days(submitted_on, days, out);
}

int
proposal_escalation(const char *due_on, const char *today)
{
	long	 over = date_diff_days(due_on, today);

	if (due_on == NULL || over <= 0)
		return 0;
	return 1 + (int)((over - 1) / ESCALATION_PERIOD_DAYS);
}

int64_t
percentile(const int64_t *sorted, size_t n, int p)
{
	size_t	 rank;

	if (n == 0)
		return 0;
	/* Nearest rank: the smallest value with p% at or below it. */
	rank = ((size_t)p * n + 99) / 100;
	if (rank == 0)
		rank = 1;
	return sorted[rank - 1];
}

static int
int64_compare(const void *a, const void *b)
{
	int64_t	 x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

json_t *
timeliness_summary(const json_t *rows, const char *days_key,
    const char *on_time_key)
{
	const json_t	*row;
	int64_t		*days;
	size_t		 i, n = json_array_size(rows), on_time = 0;
	json_t		*o;

	if ((days = calloc(n ? n : 1, sizeof(*days))) == NULL)
		return NULL;
	json_array_foreach(rows, i, row) {
		days[i] = json_integer_value(json_object_get(row, days_key));
		if (on_time_key != NULL &&
		    json_integer_value(json_object_get(row, on_time_key)))
			on_time++;
	}
	qsort(days, n, sizeof(*days), int64_compare);
	o = json_pack("{s:I, s:I, s:I}", "count", (json_int_t)n,
	    "median", (json_int_t)percentile(days, n, 50),
	    "p90", (json_int_t)percentile(days, n, 90));
	if (o != NULL && on_time_key != NULL)
		json_object_set_new(o, "on_time_percent", json_integer(n ?
		    (json_int_t)(on_time * 100 / n) : 0));
	free(days);
	return o;
}

#define F(...)	{ __VA_ARGS__ }

const struct field_spec proposal_fields[] = {
	F("title", N_("Short title"), FIELD_SHOWN_TEXT, 1, NAME_MAX_CHARS, NULL,
	    N_("For example, Evening medication before lock-up"), NULL),
	F("problem", N_("The problem"),
	    FIELD_SHOWN_TEXTAREA, 1, TEXT_MAX_CHARS, NULL,
	    N_("What members report, and why it matters"), NULL),
	F("options", N_("What we propose"),
	    FIELD_SHOWN_TEXTAREA, 1, TEXT_MAX_CHARS,
	    NULL, N_("One solution a line; the decision maker can take some "
	    "and not others"), NULL),
	F("issue_ids", N_("Issues it answers"),
	    FIELD_IDS, 0, 0, NULL, NULL, NULL),
	F("decider_text", N_("Who should decide"),
	    FIELD_TEXT, 0, NAME_MAX_CHARS,
	    NULL, N_("For example, the governor, or the programme board"), NULL),
	FIELD_NO_NAMES_BOX,
};
const size_t proposal_fields_count = FIELDS_COUNT(proposal_fields);

const struct choice visibilities[] = {
	{ "members", N_("Members and staff") },
	{ "staff", N_("Staff only") },
	{ NULL, NULL },
};

const struct field_spec comment_fields[] = {
	F("body", N_("Comment"), FIELD_SHOWN_TEXTAREA, 1, NOTE_MAX_CHARS, NULL,
	    NULL, NULL),
	F("visibility", N_("Who can see it"), FIELD_CHOICE, 1, 0, visibilities,
	    NULL, NULL),
	FIELD_NO_NAMES_BOX,
};
const size_t comment_fields_count = FIELDS_COUNT(comment_fields);

static const struct choice vote_outcomes[] = {
	{ "agree", N_("The group agreed it") },
	{ "not_agree", N_("The group did not agree it") },
	{ NULL, NULL },
};

const struct field_spec vote_fields[] = {
	F("outcome", N_("The group's decision"),
	    FIELD_CHOICE, 1, 0, vote_outcomes,
	    NULL, NULL),
	F("decided_on", N_("Decided on"), FIELD_DATE, 1, DATE_HAPPENED,
	    NULL, NULL, NULL),
	F("consensus", N_("Decided by consensus, without a count"), FIELD_CHECK,
	    0, 0, NULL, NULL, NULL),
	F("votes_for", N_("Votes for"), FIELD_WHOLE, 0, VOTES_MAX, NULL, NULL,
	    NULL),
	F("votes_against", N_("Votes against"),
	    FIELD_WHOLE, 0, VOTES_MAX, NULL, NULL, NULL),
	F("votes_abstain", N_("Abstentions"),
	    FIELD_WHOLE, 0, VOTES_MAX, NULL, NULL, NULL),
};
const size_t vote_fields_count = FIELDS_COUNT(vote_fields);

/* The same form in easy read: the same names and kinds, so one check
 * serves both; the words a member reads aloud to the group. */
static const struct choice vote_outcomes_easy[] = {
	{ "agree", N_("Yes, we agreed to send it") },
	{ "not_agree", N_("No, we did not agree to send it") },
	{ NULL, NULL },
};

const struct field_spec vote_fields_easy[] = {
	F("outcome", N_("What did your group decide?"), FIELD_CHOICE, 1, 0,
	    vote_outcomes_easy, NULL, NULL),
	F("decided_on", N_("When did your group decide?"), FIELD_DATE, 1,
	    DATE_HAPPENED, NULL, NULL, NULL),
	F("consensus", N_("Everyone agreed, so we did not count"),
	    FIELD_CHECK, 0, 0, NULL, NULL, NULL),
	F("votes_for", N_("How many people said yes?"), FIELD_WHOLE, 0,
	    VOTES_MAX, NULL, N_("Leave it empty if you did not count."), NULL),
	F("votes_against", N_("How many people said no?"), FIELD_WHOLE, 0,
	    VOTES_MAX, NULL, NULL, NULL),
	F("votes_abstain", N_("How many people did not say yes or no?"),
	    FIELD_WHOLE, 0, VOTES_MAX, NULL, NULL, NULL),
};

const struct field_spec submit_fields[] = {
	F("decision_maker_id", N_("Decision maker"), FIELD_ID, 1, 0, NULL,
	    N_("They must answer within the group's deadline"), NULL),
};
const size_t submit_fields_count = FIELDS_COUNT(submit_fields);

const struct field_spec response_fields[] = {
	F("kind", N_("Your decision"), FIELD_CHOICE, 1, 0, response_kinds, NULL,
	    NULL),
	F("reason", N_("Reason"), FIELD_SHOWN_TEXTAREA, 0, TEXT_MAX_CHARS, NULL,
	    N_("Needed for anything but accepted. The group will read it"), NULL),
	F("deferred_until", N_("Deferred until"), FIELD_DATE, 0, DATE_AHEAD,
	    NULL, NULL,
	    NULL),
	F("referred_to", N_("Referred to"), FIELD_ID, 0, 0, NULL, NULL, NULL),
	F("meeting_id", N_("Given at a one-to-one meeting"),
	    FIELD_ID, 0, 0, NULL,
	    N_("When you answer at your meeting with the group's chair"), NULL),
	FIELD_NO_NAMES_BOX,
};
const size_t response_fields_count = FIELDS_COUNT(response_fields);

const struct field_spec action_fields[] = {
	F("text", N_("Action"), FIELD_SHOWN_TEXT, 1, NAME_MAX_CHARS, NULL, NULL,
	    NULL),
	F("owner_id", N_("Who owns it"), FIELD_ID, 1, 0, NULL, NULL, NULL),
	F("due_on", N_("Due by"), FIELD_DATE, 1, DATE_AHEAD, NULL, NULL, NULL),
	FIELD_NO_NAMES_BOX,
};
const size_t action_fields_count = FIELDS_COUNT(action_fields);

const struct field_spec action_update_fields[] = {
	F("note", N_("Progress"), FIELD_SHOWN_TEXTAREA, 1, NOTE_MAX_CHARS, NULL,
	    NULL, NULL),
	F("percent", N_("Per cent done"), FIELD_WHOLE, 1, 100, NULL,
	    N_("A whole number from 0 to 100"), NULL),
	FIELD_NO_NAMES_BOX,
};
const size_t action_update_fields_count = FIELDS_COUNT(action_update_fields);

const struct field_spec action_close_fields[] = {
	F("evidence", N_("What was done (the evidence)"),
	    FIELD_SHOWN_TEXTAREA, 1,
	    NOTE_MAX_CHARS, NULL, NULL, NULL),
	F("review_on", N_("Check again on"), FIELD_DATE, 0, DATE_AHEAD, NULL,
	    N_("For example, in three months, to see that it still works"), NULL),
	FIELD_NO_NAMES_BOX,
};
const size_t action_close_fields_count = FIELDS_COUNT(action_close_fields);

const struct field_spec action_reassign_fields[] = {
	F("owner_id", N_("New owner"), FIELD_ID, 1, 0, NULL, NULL, NULL),
};
const size_t action_reassign_fields_count =
    FIELDS_COUNT(action_reassign_fields);

/* The message for each way a proposal can end up, by what it has to
 * say: [state][reason given][actions or date given]. */
static const char *
outcome_msgid(int state, int why, int more)
{
	switch (state) {
	case PS_SUBMITTED:
		/* more: the answer is late (proposal_answer's rule). */
		return more ? N_("Waiting for a decision: sent {first_sent_on "
		    "| date}. The answer is late: it was due {due_on | "
		    "date}.") : N_("Waiting for a decision: sent "
		    "{first_sent_on | date}, answer due {due_on | date}.");
	case PS_NOT_ACCEPTED:
		return why ? N_("We could not, because {why}") :
		    N_("We could not. No reason was given.");
	case PS_DEFERRED:
		if (more)
			return why ? N_("Put off until {deferred_until | date}, "
			    "because {why}") : N_("Put off until "
			    "{deferred_until | date}.");
		return why ? N_("Put off until a later date, because {why}") :
		    N_("Put off until a later date.");
	case PS_MORE_INFO:
		return why ? N_("The decision maker asked for more information: "
		    "{why}") : N_("The decision maker asked for more "
		    "information.");
	default:
		/* Accepted, in part, or done: the label, the reason given,
		 * then what is being done. */
		if (why)
			return more ? N_("{state_label | t}. {why} Actions: "
			    "{done}") : N_("{state_label | t}. {why}");
		return more ? N_("{state_label | t}. Actions: {done}") :
		    N_("{state_label | t}.");
	}
}

/* One action of an ACTIONS_LISTED_SQL value ("60 Paint the room", "done
 * Fix the rota") as a part: its text, and how far it is done. */
static int
action_part(const char *item, size_t len, json_t **part)
{
	const char	*text = memchr(item, ' ', len);

	*part = NULL;
	if (text == NULL)
		return 0;
	*part = json_pack("{s:s, s:s%, s:s%}", "msgid", strncmp(item,
	    "done ", 5) == 0 ? N_("{text}: done") :
	    N_("{text} ({percent}% done)"), "text", text + 1,
	    len - (size_t)(text - item) - 1, "percent", item,
	    (size_t)(text - item));
	return *part == NULL ? -1 : 0;
}

json_t *
actions_parts(const char *listed)
{
	return parts_listed(listed, "; ", action_part);
}

/*
 * Sets on row, from listed (an ACTIONS_LISTED_SQL value, parsed once):
 * actions_text, the actions in English ("Paint the room (60% done); Fix
 * the rota: done"), the JSON's; doing, the same in words' language; and
 * said, done and doing again in parts, for a page to mark each action's
 * text with its own language (shown inside {{#said}}, where they stand
 * before the row's own).  0, or -1 when out of memory.
 */
static int
actions_set(json_t *row, const char *listed, const struct catalogue *words)
{
	json_t	*doing, *done, *view;
	int	 rc = -1;

	if (listed == NULL) {
		json_object_set_new(row, "actions_text", json_null());
		json_object_set_new(row, "doing", json_null());
		/* Always an object, so that {{#said}} always draws. */
		return json_object_set_new(row, "said", json_object());
	}
	if ((doing = actions_parts(listed)) == NULL)
		return -1;
	/* done: the same parts (shared, never changed), ending a sentence. */
	done = json_pack("{s:o}", "parts", json_copy(json_object_get(doing,
	    "parts")));
	view = json_pack("{s:O}", "actions", doing);
	if (done != NULL && view != NULL && json_array_append_new(
	    json_object_get(done, "parts"), json_string(".")) == 0 &&
	    template_words_set(row, "actions_text", "{actions}", view, NULL,
	    DOCUMENT_BYTES_MAX) == 0 && template_words_set(row, "doing",
	    "{actions}", view, words, DOCUMENT_BYTES_MAX) == 0)
		rc = json_object_set_new(row, "said", json_pack("{s:O, s:O}",
		    "done", done, "doing", doing));
	json_decref(view);
	json_decref(done);
	json_decref(doing);
	return rc;
}

int
outcome_words_set(json_t *row)
{
	return outcome_words_in(row, NULL);
}

int
outcome_words_in(json_t *row, const struct catalogue *words)
{
	int		 state = proposal_state_parse(view_text(row, "state"));
	const char	*reason = view_text(row, "reason");
	const char	*listed = view_text(row, "actions_listed");
	const char	*acts;
	char		*why = NULL, *done = NULL;
	int		 more, rc = -1;

	/* The JSON's actions_text in English; the page's doing, and done
	 * in its sentence, in the reader's words. */
	if (actions_set(row, listed, words) == -1)
		return -1;
	json_object_del(row, "actions_listed");
	acts = view_text(row, "actions_text");
	/* After "because" the reason continues the sentence; on its own
	 * it is a sentence of its own. */
	if (reason != NULL && (why = text_clause(reason, state ==
	    PS_NOT_ACCEPTED || state == PS_DEFERRED)) == NULL)
		return -1;
	if (acts != NULL && (done = text_clause(acts, 0)) == NULL)
		goto out;
	more = state == PS_DEFERRED ? view_text(row, "deferred_until") !=
	    NULL : state == PS_SUBMITTED ? json_is_true(json_object_get(
	    json_object_get(row, "answer"), "late")) : done != NULL;
	json_object_set_new(row, "why", why ? json_string(why) : json_null());
	json_object_set_new(row, "done", done ? json_string(done) :
	    json_null());
	json_object_set_new(row, "state_label", json_string(state >= 0 ?
	    proposal_state_labels[state] : N_("Sent on")));
	json_object_set_new(row, "we_did_msgid", json_string(outcome_msgid(
	    state, why != NULL, more)));
	rc = template_words_set(row, "we_did", outcome_msgid(state,
	    why != NULL, more), row, NULL, DOCUMENT_BYTES_MAX);
	free(done);
	done = NULL;
	if (rc == 0 && words != NULL && (acts = view_text(row, "doing")) !=
	    NULL) {
		if ((done = text_clause(acts, 0)) == NULL)
			rc = -1;
		else
			json_object_set_new(row, "done", json_string(done));
	}
out:
	free(why);
	free(done);
	return rc;
}
