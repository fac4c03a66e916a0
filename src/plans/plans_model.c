/*
 * Personal plans: the words (choices and form tables), who may read a
 * plan (one rule, pure), and the rules for answers and referrals.
 */
#include <ctype.h>
#include <string.h>

#include "plans.h"
#include "../limits.h"
#include "../proposals/proposals.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"

const struct choice plan_lives[] = {
	{ "blue", N_("Blue life: the life I want") },
	{ "orange", N_("Orange life: the life I have now") },
	{ NULL, NULL },
};

const struct choice plan_areas[] = {
	{ "home", N_("Where I live") },
	{ "health", N_("Health") },
	{ "family", N_("Family") },
	{ "work", N_("Work") },
	{ "money", N_("Money") },
	{ "friends", N_("Friends") },
	{ NULL, NULL },
};

const struct choice worker_kinds[] = {
	{ "peer_supporter", N_("Peer supporter") },
	{ "key_worker", N_("Key worker") },
	{ "care_coordinator", N_("Care coordinator") },
	{ NULL, NULL },
};

const struct choice wish_abouts[] = {
	{ "care", N_("My care") },
	{ "treatment", N_("My treatment") },
	{ "daily_life", N_("My daily life") },
	{ "release", N_("My release") },
	{ NULL, NULL },
};

const struct choice wish_answers[] = {
	{ "agreed", N_("Agreed") },
	{ "agreed_in_part", N_("Agreed in part") },
	{ "not_possible", N_("Not possible") },
	{ "needs_review", N_("Needs review on a date") },
	{ NULL, NULL },
};

const struct choice plan_needs[] = {
	{ "mental_health", N_("Mental health") },
	{ "substance_use", N_("Substance use") },
	{ "housing", N_("Housing") },
	{ "gp", N_("GP registration") },
	{ "medication", N_("Medication on release") },
	{ "benefits", N_("Benefits") },
	{ NULL, NULL },
};

const struct choice referral_stages[] = {
	{ "acknowledged", N_("Acknowledged by the service") },
	{ "offered", N_("First appointment offered") },
	{ "attended", N_("First appointment attended") },
	{ NULL, NULL },
};

#define F(...)	{ __VA_ARGS__ }
#define WORDS(x)	#x
#define NUMBER(x)	WORDS(x)

const struct field_spec plan_start_fields[] = {
	F("worker_id", N_("Named worker"), FIELD_ID, 1, 0, NULL,
	    N_("Who makes the plan with them"), NULL),
	F("worker_kind", N_("As their"), FIELD_CHOICE, 1, 0, worker_kinds, NULL,
	    NULL),
};
const size_t plan_start_fields_count = FIELDS_COUNT(plan_start_fields);

const struct field_spec plan_card_fields[] = {
	F("life", N_("Which life"), FIELD_CHOICE, 1, 0, plan_lives, NULL, NULL),
	F("area", N_("Area of life"), FIELD_CHOICE, 0, 0, plan_areas,
	    N_("Leave empty if it is about life as a whole"), NULL),
	F("text", N_("In their words"), FIELD_TEXTAREA, 1, PLAN_CARD_MAX_CHARS,
	    NULL, N_("Write it as they say it"), NULL),
};
const size_t plan_card_fields_count = FIELDS_COUNT(plan_card_fields);

const struct field_spec plan_step_fields[] = {
	F("text", N_("Step"), FIELD_TEXTAREA, 1, PLAN_CARD_MAX_CHARS, NULL,
	    N_("One thing that moves them towards the blue life"), NULL),
	F("by_on", N_("By when"), FIELD_DATE, 0, DATE_AHEAD, NULL, NULL, NULL),
};
const size_t plan_step_fields_count = FIELDS_COUNT(plan_step_fields);

/* The hint is a message translators see whole, so it names the number. */
_Static_assert(WISH_RESPONSE_DAYS == 28, "the wish form's hint says 28 days");
const struct field_spec wish_fields[] = {
	F("about", N_("About"), FIELD_CHOICE, 1, 0, wish_abouts, NULL, NULL),
	F("text", N_("The wish, in their words"), FIELD_TEXTAREA, 1,
	    PLAN_CARD_MAX_CHARS, NULL, NULL, NULL),
	F("responder_id", N_("Who must answer"), FIELD_ID, 1, 0, NULL,
	    N_("They have 28 days to answer, with reasons"), NULL),
};
const size_t wish_fields_count = FIELDS_COUNT(wish_fields);

const struct field_spec wish_answer_fields[] = {
	F("kind", N_("Answer"), FIELD_CHOICE, 1, 0, wish_answers, NULL, NULL),
	F("reason", N_("Reasons"), FIELD_TEXTAREA, 0, NOTE_MAX_CHARS, NULL,
	    N_("Needed for anything but agreed. The person will read them"), NULL),
	F("review_on", N_("Review on"), FIELD_DATE, 0, DATE_AHEAD, NULL,
	    N_("For needs review: the day it will be looked at again"), NULL),
};
const size_t wish_answer_fields_count = FIELDS_COUNT(wish_answer_fields);

const struct field_spec release_fields[] = {
	F("release_on", N_("Release or transfer date"), FIELD_DATE, 1, 0, NULL,
	    NULL, NULL),
	F("to_site_id", N_("Going to (probation region or site)"),
	    FIELD_ID, 1, 0,
	    NULL, NULL, NULL),
};
const size_t release_fields_count = FIELDS_COUNT(release_fields);

const struct field_spec referral_progress_fields[] = {
	F("stage", N_("What happened"),
	    FIELD_CHOICE, 1, 0, referral_stages, NULL,
	    NULL),
	F("on", N_("On"), FIELD_DATE, 1, 0, NULL,
	    N_("For an appointment offered: the appointment's date"), NULL),
};
const size_t referral_progress_fields_count =
    FIELDS_COUNT(referral_progress_fields);

const struct field_spec declaration_fields[] = {
	F("person_id", N_("Member I have treated"), FIELD_ID, 1, 0, NULL,
	    N_("You will not be shown their personal plan; the coordinators "
	    "see this declaration"), NULL),
};
const size_t declaration_fields_count = FIELDS_COUNT(declaration_fields);

enum plan_reader
plan_reader_rule(const struct plan_facts *f)
{
	if (f->is_person)
		return PLAN_PERSON;
	/* A treating relationship declared in a group shuts the plan to
	 * that reader whatever else they are: fails closed. */
	if (f->declared)
		return PLAN_NOBODY;
	if (f->is_worker)
		return PLAN_WORKER;
	if (f->coordinator)
		return PLAN_COORDINATOR;
	return PLAN_NOBODY;
}

void
wish_answer_rules(const json_t *v, const char *today, json_t *errors)
{
	static const struct answer_rule rule = {
		"agreed", N_("Enter the reasons: the person is told why, for "
		"anything but agreed"), "needs_review", "review_on",
		N_("Enter a date after today for the review"),
	};

	answer_rules(v, today, errors, &rule);
}

const char *
referral_stage(const json_t *r)
{
	if (json_is_string(json_object_get(r, "attended_on")))
		return "attended";
	if (json_is_string(json_object_get(r, "offered_on")))
		return "offered";
	if (json_is_string(json_object_get(r, "acknowledged_on")))
		return "acknowledged";
	return "made";
}

void
referral_ack_due(const char *release_on, char out[DATE_CHARS + 1])
{
	date_add_days(release_on, -REFERRAL_ACK_LEAD_DAYS, out);
}

json_t *
referral_checklist(const char *procedure)
{
	json_t		*steps = json_array();
	const char	*p = procedure, *end, *a, *b;

	while (p != NULL && *p != '\0' &&
	    json_array_size(steps) < REFERRAL_STEPS_MAX) {
		end = strchr(p, '\n');
		if (end == NULL)
			end = p + strlen(p);
		for (a = p; a < end && isspace((unsigned char)*a); a++)
			;
		for (b = end; b > a && isspace((unsigned char)b[-1]); b--)
			;
		if (b > a)
			json_array_append_new(steps, json_stringn(a,
			    (size_t)(b - a)));
		p = *end == '\0' ? end : end + 1;
	}
	return steps;
}

static const struct choice_column labelled[] = {
	{ "life", plan_lives },
	{ "area", plan_areas },
	{ "worker_kind", worker_kinds },
	{ "about", wish_abouts },
	{ "answer", wish_answers },
	{ "need", plan_needs },
};

void
plans_labels(json_t *row)
{
	choice_labels_add(row, labelled, sizeof(labelled) / sizeof(labelled[0]));
}

void
plans_labels_all(json_t *rows)
{
	json_t	*row;
	size_t	 i;

	json_array_foreach(rows, i, row)
		plans_labels(row);
}
