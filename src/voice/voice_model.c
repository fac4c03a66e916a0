/*
 * The words of the voice module and its rules that are not SQL: what
 * looks identifying, which outcomes need a follow-up, how counts are
 * shown and trends described.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "voice.h"
#include "../limits.h"
#include "../people/people.h"
#include "../render/parts.h"
#include "../server/form_page.h"
#include "../util/suppression.h"
#include "../util/view.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../server/request.h"
#include "../util/view.h"

const struct choice channels[] = {
	{ "wing_visit", N_("Wing visit") },
	{ "reception", N_("Reception") },
	{ "new_arrival", N_("New arrival") },
	{ "drop_in", N_("Drop-in") },
	{ "peer_support", N_("Peer support") },
	{ "letter", N_("Letter") },
	{ "phone", N_("Phone") },
	{ "gateway", N_("Gateway appointment") },
	{ "community_venue", N_("Community venue") },
	{ NULL, NULL },
};

const struct choice consents[] = {
	{ "anonymous", N_("Share anonymously") },
	{ "named_to_staff", N_("Share with their name, with staff only") },
	{ "do_not_share", N_("Do not share") },
	{ NULL, NULL },
};

const struct choice outcomes[] = {
	{ "resolved", N_("Resolved there and then") },
	{ "signposted", N_("Signposted to a service") },
	{ "supported_to_raise", N_("Supported them to raise it with staff") },
	{ "staff_champion", N_("Taken to the staff champion") },
	{ "coordinator", N_("Passed to the coordinator") },
	{ "escalated_outside", N_("Escalated outside") },
	{ NULL, NULL },
};

const struct choice issue_statuses[] = {
	{ "open", N_("Open") },
	{ "taken_forward", N_("Taken forward") },
	{ "not_taken_forward", N_("Not taken forward") },
	{ "resolved", N_("Resolved") },
	{ NULL, NULL },
};

#define F(...)	{ __VA_ARGS__ }
/* Fields marked optional that a follow-up action makes necessary: the
 * label cannot say both, so the hint does. */
#define FOLLOWUP_NEEDS	N_("Needed when there is a follow-up action")

const struct field_spec conversation_fields[] = {
	F("site_id", N_("Site"), FIELD_ID, 1, 0, NULL, NULL, NULL),
	F("unit_id", N_("Wing or place"), FIELD_ID, 0, 0, NULL, NULL, NULL),
	F("occurred_on", N_("Date"), FIELD_DATE, 1, DATE_HAPPENED,
	    NULL, NULL, NULL),
	F("occurred_time", N_("Time"), FIELD_TIME, 1, 0, NULL, NULL, NULL),
	F("channel", N_("Where you talked"), FIELD_CHOICE, 1, 0, channels, NULL,
	    NULL),
	F("topic_ids", N_("Topics"), FIELD_IDS, 1, 0, NULL, NULL, NULL),
	F("raised", N_("What was raised"),
	    FIELD_SHOWN_TEXTAREA, 1, RAISED_MAX_CHARS,
	    NULL, N_("In plain words. Do not write names or prison numbers."),
	    NULL),
	F("consent", N_("What they agreed to"), FIELD_CHOICE, 1, 0, consents,
	    NULL, NULL),
	F("outcome", N_("Outcome"), FIELD_CHOICE, 1, 0, outcomes, NULL, NULL),
	F("service_id", N_("Service signposted to"), FIELD_ID, 0, 0, NULL,
	    N_("When the outcome is signposting"), NULL),
	F("escalated_to", N_("Escalated to"),
	    FIELD_TEXT, 0, NAME_MAX_CHARS, NULL,
	    N_("When the outcome is escalating outside: who, for example the "
	    "Independent Monitoring Board"), NULL),
	F("on_behalf", N_("Recorded on behalf of someone who cannot use the "
	    "system"), FIELD_CHECK, 0, 0, NULL, NULL, NULL),
	F("followup_action", N_("Follow-up action"),
	    FIELD_TEXT, 0, NAME_MAX_CHARS,
	    NULL, N_("Needed when the outcome is the staff champion, the "
	    "coordinator or escalating outside"), NULL),
	F("followup_owner", N_("Who will do it"), FIELD_ID, 0, 0, NULL,
	    FOLLOWUP_NEEDS, NULL),
	F("followup_due", N_("By when"), FIELD_DATE, 0, DATE_AHEAD,
	    NULL, FOLLOWUP_NEEDS,
	    NULL),
	FIELD_NO_NAMES_BOX,
};
const size_t conversation_fields_count = FIELDS_COUNT(conversation_fields);

/* One paper sheet in batch entry: every box of the printed sheet
 * (conversations_paper.c draws it), and whose sheet it is; the site is
 * chosen once for all. */
const struct field_spec batch_row_fields[] = {
	F("author_id", N_("Whose sheet"), FIELD_ID, 1, 0, NULL,
	    N_("The rep who wrote it: the log is theirs, and so is its follow-up"),
	    NULL),
	F("occurred_on", N_("Date"), FIELD_DATE, 1, DATE_HAPPENED,
	    NULL, NULL, NULL),
	F("occurred_time", N_("Time"), FIELD_TIME, 1, 0, NULL, NULL, NULL),
	F("unit_id", N_("Wing or place"), FIELD_ID, 0, 0, NULL, NULL, NULL),
	F("channel", N_("Where you talked"), FIELD_CHOICE, 1, 0, channels, NULL,
	    NULL),
	F("topic_ids", N_("Topics"), FIELD_IDS, 1, 0, NULL, NULL, NULL),
	F("raised", N_("What was raised"),
	    FIELD_SHOWN_TEXTAREA, 1, RAISED_MAX_CHARS,
	    NULL, NULL, NULL),
	F("consent", N_("What they agreed to"), FIELD_CHOICE, 1, 0, consents,
	    NULL, NULL),
	F("outcome", N_("Outcome"), FIELD_CHOICE, 1, 0, outcomes, NULL, NULL),
	F("service_id", N_("Service signposted to"), FIELD_ID, 0, 0, NULL, NULL,
	    NULL),
	F("escalated_to", N_("Escalated to"),
	    FIELD_TEXT, 0, NAME_MAX_CHARS, NULL,
	    NULL, NULL),
	F("followup_action", N_("Follow-up action"), FIELD_TEXT, 0,
	    NAME_MAX_CHARS, NULL, N_("It will be the sheet's writer's"), NULL),
	F("followup_due", N_("Follow-up by when"), FIELD_DATE, 0, DATE_AHEAD,
	    NULL,
	    FOLLOWUP_NEEDS, NULL),
	FIELD_NO_NAMES_BOX,
};
const size_t batch_row_fields_count = FIELDS_COUNT(batch_row_fields);

const struct field_spec followup_close_fields[] = {
	F("close_note", N_("What was done"), FIELD_TEXTAREA, 1, NOTE_MAX_CHARS,
	    NULL, NULL, NULL),
};
const size_t followup_close_fields_count = FIELDS_COUNT(followup_close_fields);

const struct field_spec followup_reassign_fields[] = {
	F("owner_id", N_("New owner"), FIELD_ID, 1, 0, NULL, NULL, NULL),
	F("due_on", N_("By when"), FIELD_DATE, 1, DATE_AHEAD, NULL, NULL, NULL),
};
const size_t followup_reassign_fields_count =
    FIELDS_COUNT(followup_reassign_fields);

const struct field_spec service_fields[] = {
	F("name", N_("Name"), FIELD_TEXT, 1, NAME_MAX_CHARS, NULL, NULL, NULL),
	F("offer", N_("What they offer"),
	    FIELD_TEXTAREA, 1, TEXT_MAX_CHARS, NULL,
	    NULL, NULL),
	F("eligibility", N_("Who can use it"),
	    FIELD_TEXTAREA, 0, TEXT_MAX_CHARS,
	    NULL, NULL, NULL),
	F("referral", N_("How to refer"),
	    FIELD_TEXTAREA, 0, TEXT_MAX_CHARS, NULL,
	    N_("The agreed referral procedure"), NULL),
	F("contact", N_("How to contact them"), FIELD_TEXT, 0, NAME_MAX_CHARS,
	    NULL, NULL, NULL),
	F("opening", N_("Opening times"), FIELD_TEXT, 0, NAME_MAX_CHARS, NULL,
	    NULL, NULL),
	F("site_ids", N_("Sites it serves"), FIELD_IDS, 1, 0, NULL, NULL, NULL),
	F("after_release", N_("Continues after release"),
	    FIELD_CHECK, 0, 0, NULL,
	    NULL, NULL),
};
const size_t service_fields_count = FIELDS_COUNT(service_fields);

const struct field_spec issue_fields[] = {
	F("site_id", N_("Site"), FIELD_ID, 1, 0, NULL, NULL, NULL),
	F("group_id", N_("Group that owns it"),
	    FIELD_ID, 0, 0, NULL, NULL, NULL),
	F("title", N_("Short title"), FIELD_SHOWN_TEXT, 1, NAME_MAX_CHARS, NULL,
	    N_("For example, Late medication on C wing"), NULL),
	F("statement", N_("Statement"),
	    FIELD_SHOWN_TEXTAREA, 1, TEXT_MAX_CHARS, NULL,
	    N_("Written for the group, never about a person: \"Members report "
	    "that...\""), NULL),
	F("conversation_ids", N_("Logs it comes from"), FIELD_IDS, 0, 0, NULL,
	    NULL, NULL),
	FIELD_NO_NAMES_BOX,
};
const size_t issue_fields_count = FIELDS_COUNT(issue_fields);

const struct field_spec issue_logs_fields[] = {
	F("conversation_ids", N_("Logs to add"),
	    FIELD_IDS, 1, 0, NULL, NULL, NULL),
};
const size_t issue_logs_fields_count = FIELDS_COUNT(issue_logs_fields);

const struct field_spec issue_decision_fields[] = {
	F("status", N_("The group's decision"),
	    FIELD_CHOICE, 1, 0, issue_statuses,
	    NULL, NULL),
	F("decided_on", N_("Decided on"), FIELD_DATE, 1, DATE_HAPPENED,
	    NULL, NULL, NULL),
	F("votes_for", N_("Votes for"), FIELD_WHOLE, 0, VOTES_MAX, NULL,
	    N_("Leave the votes empty for a decision by consensus"), NULL),
	F("votes_against", N_("Votes against"),
	    FIELD_WHOLE, 0, VOTES_MAX, NULL, NULL, NULL),
	F("votes_abstain", N_("Abstentions"),
	    FIELD_WHOLE, 0, VOTES_MAX, NULL, NULL, NULL),
	F("decision_reason", N_("Reason"),
	    FIELD_SHOWN_TEXTAREA, 0, NOTE_MAX_CHARS,
	    NULL, N_("Needed when the issue is not taken forward"), NULL),
	FIELD_NO_NAMES_BOX,
};
const size_t issue_decision_fields_count = FIELDS_COUNT(issue_decision_fields);

const struct field_spec arrival_plan_fields[] = {
	F("steps", N_("Steps, one a line"),
	    FIELD_TEXTAREA, 1, TEXT_MAX_CHARS, NULL,
	    N_("For example: Check medication continues"), NULL),
};
const size_t arrival_plan_fields_count = FIELDS_COUNT(arrival_plan_fields);

const struct choice age_bands[] = {
	{ "under_25", N_("Aged under 25") },
	{ "25_49", N_("Aged 25 to 49") },
	{ "50_64", N_("Aged 50 to 64") },
	{ "65_plus", N_("Aged 65 or over") },
	{ NULL, NULL },
};

const struct field_spec arrival_fields[] = {
	F("arrived_on", N_("Arrived on"), FIELD_DATE, 1, DATE_HAPPENED,
	    NULL, NULL, NULL),
	F("unit_id", N_("Wing or place"), FIELD_ID, 0, 0, NULL, NULL, NULL),
	F("age_band", N_("Age band"), FIELD_CHOICE, 0, 0, age_bands,
	    N_("For plans meant for an age group, such as the over-50s"), NULL),
};
const size_t arrival_fields_count = FIELDS_COUNT(arrival_fields);

const struct field_spec arrival_step_fields[] = {
	F("note", N_("Note"), FIELD_TEXT, 0, NOTE_MAX_CHARS, NULL, NULL, NULL),
};
const size_t arrival_step_fields_count = FIELDS_COUNT(arrival_step_fields);

const struct field_spec topic_fields[] = {
	F("name", N_("New topic"),
	    FIELD_TEXT, 1, NAME_MAX_CHARS, NULL, NULL, NULL),
};
const size_t topic_fields_count = FIELDS_COUNT(topic_fields);

int
voice_outcome_needs_followup(const char *outcome)
{
	return outcome != NULL && (strcmp(outcome, "staff_champion") == 0 ||
	    strcmp(outcome, "coordinator") == 0 ||
	    strcmp(outcome, "escalated_outside") == 0);
}

static const char *
value_of(const json_t *v, const char *key)
{
	return json_string_value(json_object_get(v, key));
}

int
voice_log_rules(const json_t *v, json_t *errors)
{
	const char	*outcome = value_of(v, "outcome");

	if (outcome != NULL && strcmp(outcome, "escalated_outside") == 0 &&
	    value_of(v, "escalated_to") == NULL)
		form_error(errors, "escalated_to",
		    N_("Enter who it was escalated to"));
	if (outcome != NULL && strcmp(outcome, "signposted") == 0 &&
	    !json_is_integer(json_object_get(v, "service_id")))
		form_error(errors, "service_id",
		    N_("Select the service signposted to"));
	if (voice_outcome_needs_followup(outcome) &&
	    value_of(v, "followup_action") == NULL)
		form_error(errors, "followup_action", N_("Enter the follow-up "
		    "action: this outcome needs one"));
	if (value_of(v, "followup_action") != NULL) {
		if (!json_is_integer(json_object_get(v, "followup_owner")))
			form_error(errors, "followup_owner", N_("Select who will "
			    "do the follow-up"));
		if (value_of(v, "followup_due") == NULL)
			form_error(errors, "followup_due", N_("Enter when the "
			    "follow-up is due"));
	}
	return 0;
}

json_t *
voice_count(int64_t n, int threshold, int exact)
{
	return suppressed_count(n, exact || n == 0 || n >= threshold ?
	    SUPPRESS_SHOWN : SUPPRESS_SMALL, threshold);
}

/*
 * The trend's two windows (recent, earlier) and whatever is older are
 * the parts of the same total.  A part the dates give away is a known
 * count: nothing is older when the issue was first seen inside the two
 * windows, nothing is recent when it was last seen before them, nothing
 * earlier when first seen inside the recent one.  A part the page never
 * shows stays hidden.  Adds the line to p; 0 or -1.
 */
static int
evidence_trend_line(struct suppress_page *p, const json_t *ev, size_t total,
    const char *today, long *recent, long *earlier)
{
	const char	*first = view_str(ev, "first_seen");
	const char	*last = view_str(ev, "last_seen");
	char		 cut1[DATE_CHARS + 1], cut2[DATE_CHARS + 1];
	int64_t		 r = view_int(ev, "recent"), e = view_int(ev, "earlier");
	int64_t		 older = view_int(ev, "log_count") - r - e;
	size_t		 parts[3];
	long		 o;

	date_add_days(today, -TREND_DAYS, cut1);
	date_add_days(today, -2 * TREND_DAYS, cut2);
	*recent = last != NULL && strcmp(last, cut1) < 0 ?
	    suppress_add(p, r, SUPPRESS_FIXED, SUPPRESS_SHOWN) :
	    suppress_add(p, r, 0, 0);
	*earlier = first != NULL && strcmp(first, cut1) >= 0 ?
	    suppress_add(p, e, SUPPRESS_FIXED, SUPPRESS_SHOWN) :
	    suppress_add(p, e, 0, 0);
	o = suppress_add(p, older, SUPPRESS_FIXED, first != NULL &&
	    strcmp(first, cut2) >= 0 ? SUPPRESS_SHOWN : SUPPRESS_SECONDARY);
	if (*recent < 0 || *earlier < 0 || o < 0)
		return -1;
	parts[0] = (size_t)*recent;
	parts[1] = (size_t)*earlier;
	parts[2] = (size_t)o;
	return suppress_line(p, total, parts, 3);
}

int
voice_evidence_counts(json_t *ev, int threshold, int exact, const char *today)
{
	struct suppress_page	 p;
	json_t			*places = json_object_get(ev, "places"), *pl;
	size_t			 i, k = json_array_size(places), *parts;
	long			 total, recent = -1, earlier = -1;
	int			 rc = -1, trend;

	if (exact)
		return 0;
	trend = today != NULL && json_object_get(ev, "recent") != NULL;
	suppress_page_init(&p);
	if ((parts = calloc(k + 1, sizeof(*parts))) == NULL)
		return -1;
	json_array_foreach(places, i, pl)
		if (suppress_add(&p, view_int(pl, "n"), 0, 0) < 0)
			goto out;
	for (i = 0; i < k; i++)
		parts[i] = i;
	if ((total = suppress_add(&p, view_int(ev, "log_count"), 0, 0)) < 0 ||
	    suppress_line(&p, (size_t)total, parts, k) == -1 ||
	    (trend && evidence_trend_line(&p, ev, (size_t)total, today,
	    &recent, &earlier) == -1) ||
	    suppress_run(&p, threshold) == -1)
		goto out;
	json_array_foreach(places, i, pl)
		json_object_set_new(pl, "n", suppressed_count(view_int(pl, "n"),
		    p.mark[i], threshold));
	if (trend) {
		/* "Rising" between hidden counts would say which is larger. */
		if (p.mark[recent] != SUPPRESS_SHOWN ||
		    p.mark[earlier] != SUPPRESS_SHOWN)
			json_object_set_new(ev, "trend", json_null());
		json_object_set_new(ev, "recent", suppressed_count(view_int(ev,
		    "recent"), p.mark[recent], threshold));
		json_object_set_new(ev, "earlier", suppressed_count(view_int(ev,
		    "earlier"), p.mark[earlier], threshold));
	}
	json_object_set_new(ev, "log_count", suppressed_count(view_int(ev,
	    "log_count"), p.mark[total], threshold));
	rc = 0;
out:
	free(parts);
	suppress_page_release(&p);
	return rc;
}

const char *
voice_trend(int64_t recent, int64_t earlier)
{
	/* Small numbers move by chance: call it a change only past a margin. */
	if (recent > earlier + 1 && recent * 4 > earlier * 5)
		return N_("rising");
	if (earlier > recent + 1 && earlier * 4 > recent * 5)
		return N_("falling");
	return N_("steady");
}

/* The topics every site has (migration 0002 made them), marked for the
 * catalogue: pages word them in their reader's language. */
const char *const voice_topic_words[] = { N_("Healthcare"),
    N_("Medication"), N_("Mental health"), N_("Food"), N_("Visits"),
    N_("Money"), N_("Pensions"), N_("Mobility"), N_("Resettlement"),
    N_("Education and work"), N_("Safety"), N_("Faith"),
    N_("Family contact"), N_("Housing"), N_("Other"), NULL };

/* A log offered to an issue (conversation_ungrouped), its day in words;
 * the SQL names these. */
const char *const voice_ungrouped_words[] = {
    N_("{occurred_on | date}: {raised}"),
    N_("{occurred_on | date}, {place}: {raised}"), NULL };

/* A topic of a log's topics_listed: "*Food" is every site's, worded in
 * the reader's language; "-Wing C garden" a site's own. */
static int
topic_part(const char *item, size_t len, json_t **part)
{
	*part = len < 2 ? NULL : *item == '*' ? json_pack("{s:s, s:s%}",
	    "msgid", "{name | t}", "name", item + 1, len - 1) :
	    json_stringn(item + 1, len - 1);
	return len >= 2 && *part == NULL ? -1 : 0;
}

int
voice_topics_said(json_t *row)
{
	const char	*listed = view_text(row, "topics_listed");
	json_t		*said;

	if (listed == NULL)
		return 0;
	if ((said = parts_listed(listed, ", ", topic_part)) == NULL)
		return -1;
	json_object_set_new(row, "topics_said", said);
	json_object_del(row, "topics_listed");
	return 0;
}

static const struct choice_column labelled[] = {
	{ "channel", channels },
	{ "consent", consents },
	{ "outcome", outcomes },
	{ "issue_status", issue_statuses },
};

void
voice_labels(json_t *row, const char *today)
{
	const char	*v, *due;
	int64_t		 days;

	choice_labels_add(row, labelled, sizeof(labelled) / sizeof(labelled[0]));
	if ((v = value_of(row, "created_on")) != NULL && date_valid(v))
		json_object_set_new(row, "age_days",
		    json_integer(date_diff_days(v, today)));
	if ((due = value_of(row, "due_on")) != NULL && date_valid(due) &&
	    json_is_null(json_object_get(row, "closed_on"))) {
		days = date_diff_days(today, due);
		json_object_set_new(row, "overdue", json_boolean(days < 0));
		json_object_set_new(row, "days_overdue", json_integer(-days));
	}
	people_labels(row);
}

void
voice_labels_all(json_t *rows, const char *today)
{
	json_t	*row;
	size_t	 i;

	json_array_foreach(rows, i, row)
		voice_labels(row, today);
}

char *
voice_fts_query(const char *typed)
{
	struct buf	 b;
	const char	*s = typed;
	size_t		 n;
	int		 words = 0, rc = 0;

	if (typed == NULL)
		return NULL;
	buf_init(&b, SEARCH_MAX_CHARS * 4);
	while (*s != '\0' && rc == 0) {
		/* A word: letters, digits, and any byte of a UTF-8 sequence. */
		for (n = 0; s[n] != '\0' && (isalnum((unsigned char)s[n]) ||
		    (unsigned char)s[n] >= 0x80); n++)
			;
		if (n == 0) {
			s++;
			continue;
		}
		rc = buf_printf(&b, "%s\"%.*s\"*", words++ ? " " : "",
		    (int)n, s);
		s += n;
	}
	if (rc != 0 || words == 0) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/* The filters as typed, checked: anything malformed is ignored. */
json_t *
voice_log_filters(const struct form *query)
{
	const char	*q = form_get(query, "q");
	const char	*from = form_get(query, "from");
	const char	*to = form_get(query, "to");
	const char	*outcome = form_get(query, "outcome");
	const char	*grouped = form_get(query, "grouped");
	char		*fts;
	json_t		*f = json_object();

	json_object_set_new(f, "site", json_integer(form_get_id(query, "site")));
	json_object_set_new(f, "place", json_integer(form_get_id(query, "place")));
	json_object_set_new(f, "topic", json_integer(form_get_id(query, "topic")));
	if (q != NULL && strlen(q) <= SEARCH_MAX_CHARS) {
		json_object_set_new(f, "q", json_string(q));
		if ((fts = voice_fts_query(q)) != NULL) {
			json_object_set_new(f, "fts", json_string(fts));
			free(fts);
		}
	}
	if (from != NULL && date_valid(from))
		json_object_set_new(f, "from", json_string(from));
	if (to != NULL && date_valid(to))
		json_object_set_new(f, "to", json_string(to));
	if (outcome != NULL && strcmp(choice_label(outcomes, outcome),
	    outcome) != 0)
		json_object_set_new(f, "outcome", json_string(outcome));
	if (grouped != NULL && (strcmp(grouped, "yes") == 0 ||
	    strcmp(grouped, "no") == 0))
		json_object_set_new(f, "grouped", json_string(grouped));
	return f;
}

void
arrival_reference_new(char out[9])
{
	person_reference_new(out);
	out[0] = 'A';
}

int
voice_log_visible(const struct principal *p, const json_t *log)
{
	if (view_int(log, "author_id") ==
	    p->account_id)
		return 1;
	return access_covers(p, ROLES_STAFF,
	    view_int(log, "site_id"),
	    view_int(log, "group_id"));
}
