/*
 * The recruitment pipeline as one state machine, and the forms of
 * recruitment and succession: pure tables and functions, tested in
 * tests/unit/test_membership.c.
 */
#include <string.h>

#include "membership.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"

const char *const recruit_stage_names[RS__MAX] = {
	"referred", "applied", "checked", "inducted", "trained", "active",
	"left",
};

const char *const recruit_stage_labels[RS__MAX] = {
	N_("Referred"), N_("Applied"), N_("Eligibility checked"),
	N_("Inducted"), N_("Trained"), N_("Active"), N_("Left"),
};

const char *const recruit_event_names[RE__MAX] = {
	"apply", "check", "induct", "train", "activate", "leave",
};

const struct choice recruit_events[] = {
	{ "apply", N_("They applied") },
	{ "check", N_("Eligibility checked (clearance recorded)") },
	{ "induct", N_("Inducted") },
	{ "train", N_("Trained") },
	{ "activate", N_("Active in the role (adds them to the group)") },
	{ "leave", N_("Left the pipeline or the role") },
	{ NULL, NULL },
};

const struct choice clearance_statuses[] = {
	{ "pending", N_("Pending") },
	{ "cleared", N_("Cleared") },
	{ "not_cleared", N_("Not cleared") },
	{ NULL, NULL },
};

const struct choice expected_leave_reasons[] = {
	{ "release", N_("Release") },
	{ "transfer", N_("Transfer") },
	{ "other", N_("Other") },
	{ NULL, NULL },
};

/* The whole machine: next[stage][event], -1 where not allowed.  Leaving
 * is possible from every stage but the last; nothing goes backwards. */
static const signed char next_stage[RS__MAX][RE__MAX] = {
#define X -1
	/*              apply       check       induct       train       activate   leave */
	[RS_REFERRED] = { RS_APPLIED, X, X, X, X, RS_LEFT },
	[RS_APPLIED] =  { X, RS_CHECKED, X, X, X, RS_LEFT },
	[RS_CHECKED] =  { X, X, RS_INDUCTED, X, X, RS_LEFT },
	[RS_INDUCTED] = { X, X, X, RS_TRAINED, X, RS_LEFT },
	[RS_TRAINED] =  { X, X, X, X, RS_ACTIVE, RS_LEFT },
	[RS_ACTIVE] =   { X, X, X, X, X, RS_LEFT },
	[RS_LEFT] =     { X, X, X, X, X, X },
#undef X
};

int
recruit_next(enum recruit_stage s, enum recruit_event e)
{
	if ((int)s < 0 || s >= RS__MAX || (int)e < 0 || e >= RE__MAX)
		return -1;
	return next_stage[s][e];
}

static int
name_index(const char *const *names, int n, const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

int
recruit_stage_parse(const char *s)
{
	return name_index(recruit_stage_names, RS__MAX, s);
}

int
recruit_event_parse(const char *s)
{
	return name_index(recruit_event_names, RE__MAX, s);
}

/* What each event does with clearance: whether it may record a status,
 * and whether the recruit must be cleared for it (after what it records).
 * Only the check records "Cleared"; leaving may record any status, but
 * the stages from "checked" on are for someone cleared. */
static const struct {
	unsigned char	 records;
	unsigned char	 needs_cleared;
} clearance_rule[RE__MAX] = {
	[RE_APPLY] = { 0, 0 },
	[RE_CHECK] = { 1, 1 },
	[RE_INDUCT] = { 0, 1 },
	[RE_TRAIN] = { 0, 1 },
	[RE_ACTIVATE] = { 0, 1 },
	[RE_LEAVE] = { 1, 0 },
};

int
recruit_event_records_clearance(enum recruit_event e)
{
	return (int)e >= 0 && e < RE__MAX && clearance_rule[e].records;
}

int
recruit_event_needs_cleared(enum recruit_event e)
{
	return (int)e >= 0 && e < RE__MAX && clearance_rule[e].needs_cleared;
}

void
recruit_move_rules(const json_t *v, const char *held, json_t *errors)
{
	const char	*status = json_string_value(json_object_get(v,
	    "clearance"));
	const char	*on = json_string_value(json_object_get(v,
	    "clearance_on"));
	int		 event = recruit_event_parse(json_string_value(
	    json_object_get(v, "event")));

	if ((status == NULL) != (on == NULL))
		form_error(errors, status ? "clearance_on" : "clearance",
		    N_("Give the clearance status and its date together"));
	if (event < 0)
		return;
	if (status != NULL && !recruit_event_records_clearance(event)) {
		form_error(errors, "clearance", N_("Clearance is recorded only "
		    "at the eligibility check or when they leave"));
		return;
	}
	if (!recruit_event_needs_cleared(event))
		return;
	if (recruit_event_records_clearance(event)) {
		if (status == NULL || strcmp(status, "cleared") != 0)
			form_error(errors, "clearance", N_("Only someone cleared "
			    "can pass the eligibility check: record "
			    "\"Cleared\" and its date"));
	} else if (held == NULL || strcmp(held, "cleared") != 0)
		form_error(errors, "event", N_("Only someone whose clearance is "
		    "\"Cleared\" can go on: this step needs the eligibility "
		    "check passed"));
}

#define F(...)	{ __VA_ARGS__ }

const struct choice referrers[] = {
	{ "staff", N_("Referred by staff") },
	{ "self", N_("Asked to join themselves") },
	{ NULL, NULL },
};

const struct field_spec recruit_fields[] = {
	F("person_id", N_("Who"), FIELD_ID, 1, 0, NULL,
	    N_("Someone at the group's site, not already in it"), NULL),
	F("position", N_("For the role of"),
	    FIELD_CHOICE, 1, 0, positions, NULL,
	    NULL),
	F("referred_by", N_("How they came"), FIELD_CHOICE, 1, 0, referrers,
	    NULL, NULL),
};
const size_t recruit_fields_count = FIELDS_COUNT(recruit_fields);

const struct field_spec recruit_move_fields[] = {
	F("event", N_("What happened"),
	    FIELD_CHOICE, 1, 0, recruit_events, NULL,
	    NULL),
	F("clearance", N_("Clearance status"), FIELD_CHOICE, 0, 0,
	    clearance_statuses, N_("Only the status: never the reasons"), NULL),
	F("clearance_on", N_("Clearance date"), FIELD_DATE, 0, DATE_HAPPENED,
	    NULL, NULL, NULL),
};
const size_t recruit_move_fields_count = FIELDS_COUNT(recruit_move_fields);

const struct field_spec post_fields[] = {
	F("position", N_("Position"),
	    FIELD_CHOICE, 1, 0, positions, NULL, NULL),
	F("places", N_("How many the group wants"), FIELD_WHOLE, 1,
	    POST_PLACES_MAX, NULL,
	    N_("A whole number; 0 stops counting vacancies for it"), NULL),
};
const size_t post_fields_count = FIELDS_COUNT(post_fields);

const struct field_spec shadow_fields[] = {
	F("learner_id", N_("New member"), FIELD_ID, 1, 0, NULL, NULL, NULL),
	F("mentor_id", N_("Shadows"), FIELD_ID, 1, 0, NULL,
	    N_("Someone in the group, often one who is due to leave"), NULL),
	F("from_on", N_("From"), FIELD_DATE, 1, 0, NULL, NULL, NULL),
};
const size_t shadow_fields_count = FIELDS_COUNT(shadow_fields);

const struct field_spec expected_leave_fields[] = {
	F("expected_leave_on", N_("Expected to leave on"),
	    FIELD_DATE, 0, DATE_AHEAD, NULL,
	    N_("A release or transfer date. Leave empty when none is known"),
	    NULL),
	F("expected_leave_reason", N_("Why"), FIELD_CHOICE, 0, 0,
	    expected_leave_reasons, NULL, NULL),
};
const size_t expected_leave_fields_count = FIELDS_COUNT(expected_leave_fields);
