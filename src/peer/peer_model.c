/*
 * The words of peer support and the rota's arithmetic: when a shift
 * starts and ends in real time, and which hours of a week have the cover
 * a unit needs.  Pure functions over plain values, unit-tested with
 * worked examples (tests/unit/test_peer.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peer.h"
#include "../limits.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/uk_time.h"

const char *const peer_stored_words[] = { N_("open"), N_("accepted"),
    N_("seen"), N_("closed"), NULL };

const struct choice peer_asked_by[] = {
	{ "officer", N_("An officer") },
	{ "staff", N_("A member of staff") },
	{ "self_kiosk", N_("The person themselves, at the kiosk") },
	{ "self_slip", N_("The person themselves, on a paper slip") },
	{ "supporter", N_("A peer supporter") },
	{ NULL, NULL },
};

const struct choice peer_urgencies[] = {
	{ "now", N_("Now: they need someone straight away") },
	{ "today", N_("Today") },
	{ "this_week", N_("This week") },
	{ NULL, NULL },
};

/* The same, as the person asking says them of themselves (the paper
 * slip they fill in). */
const struct choice peer_urgencies_own[] = {
	{ "now", N_("Now: I need someone straight away") },
	{ "today", N_("Today") },
	{ "this_week", N_("This week") },
	{ NULL, NULL },
};

const struct choice peer_outcomes[] = {
	{ "resolved", N_("Talked it through: nothing more needed") },
	{ "signposted", N_("Signposted to a service") },
	{ "supported_to_raise", N_("Supported them to raise it with staff") },
	{ "staff_champion", N_("Taken to the staff champion") },
	{ "coordinator", N_("Passed to the coordinator") },
	{ "safety_concern", N_("Concern for someone's safety: handed to staff") },
	{ NULL, NULL },
};

static const struct choice from_hours[] = {
	{ "0", "00:00" }, { "1", "01:00" }, { "2", "02:00" }, { "3", "03:00" },
	{ "4", "04:00" }, { "5", "05:00" }, { "6", "06:00" }, { "7", "07:00" },
	{ "8", "08:00" }, { "9", "09:00" }, { "10", "10:00" }, { "11", "11:00" },
	{ "12", "12:00" }, { "13", "13:00" }, { "14", "14:00" },
	{ "15", "15:00" }, { "16", "16:00" }, { "17", "17:00" },
	{ "18", "18:00" }, { "19", "19:00" }, { "20", "20:00" },
	{ "21", "21:00" }, { "22", "22:00" }, { "23", "23:00" },
	{ NULL, NULL },
};

static const struct choice to_hours[] = {
	{ "1", "01:00" }, { "2", "02:00" }, { "3", "03:00" }, { "4", "04:00" },
	{ "5", "05:00" }, { "6", "06:00" }, { "7", "07:00" }, { "8", "08:00" },
	{ "9", "09:00" }, { "10", "10:00" }, { "11", "11:00" },
	{ "12", "12:00" }, { "13", "13:00" }, { "14", "14:00" },
	{ "15", "15:00" }, { "16", "16:00" }, { "17", "17:00" },
	{ "18", "18:00" }, { "19", "19:00" }, { "20", "20:00" },
	{ "21", "21:00" }, { "22", "22:00" }, { "23", "23:00" },
	{ "24", N_("Midnight (the end of the day)") },
	{ NULL, NULL },
};

static const struct choice needed_counts[] = {
	{ "1", N_("One supporter") }, { "2", N_("Two supporters") },
	{ "3", N_("Three supporters") }, { "4", N_("Four supporters") },
	{ NULL, NULL },
};

static const struct choice repeats[] = {
	{ "1", N_("Only this day") },
	{ "7", N_("Every day for a week") },
	{ "14", N_("Every day for two weeks") },
	{ "28", N_("Every day for four weeks") },
	{ NULL, NULL },
};

#define F(...)	{ __VA_ARGS__ }

const struct field_spec peer_cover_fields[] = {
	F("from_hour", N_("Cover needed from"), FIELD_CHOICE, 1, 0, from_hours,
	    N_("Local time, every day. From 00:00 to midnight is around the "
	    "clock."), NULL),
	F("to_hour", N_("Until"), FIELD_CHOICE, 1, 0, to_hours, NULL, NULL),
	F("needed", N_("Supporters on duty at once"), FIELD_CHOICE, 1, 0,
	    needed_counts, N_("Reception usually needs two."), NULL),
};
const size_t peer_cover_fields_count = FIELDS_COUNT(peer_cover_fields);

const struct field_spec peer_shift_fields[] = {
	F("unit_id", N_("Wing or place"), FIELD_ID, 1, 0, NULL, NULL, NULL),
	F("person_id", N_("Supporter"), FIELD_ID, 1, 0, NULL, NULL, NULL),
	F("on", N_("Day the shift starts"), FIELD_DATE, 1, 0, NULL, NULL, NULL),
	F("starts", N_("Starts at"),
	    FIELD_TIME, 1, 0, NULL, N_("24-hour clock, "
	    "for example 22:00"), NULL),
	F("ends", N_("Ends at"),
	    FIELD_TIME, 1, 0, NULL, N_("An end before the start "
	    "is the next morning (an overnight shift)"), NULL),
	F("repeat", N_("Repeat"), FIELD_CHOICE, 1, 0, repeats, NULL, NULL),
};
const size_t peer_shift_fields_count = FIELDS_COUNT(peer_shift_fields);

const struct field_spec peer_swap_fields[] = {
	F("person_id", N_("Who takes this shift"), FIELD_ID, 1, 0, NULL, NULL,
	    NULL),
};
const size_t peer_swap_fields_count = FIELDS_COUNT(peer_swap_fields);

const struct field_spec peer_request_fields[] = {
	F("unit_id", N_("Where they are"), FIELD_ID, 1, 0, NULL, NULL, NULL),
	F("asked_by", N_("Who is asking"), FIELD_CHOICE, 1, 0, peer_asked_by,
	    NULL, NULL),
	F("urgency", N_("How urgent"), FIELD_CHOICE, 1, 0, peer_urgencies, NULL,
	    NULL),
	F("about", N_("What about, in a word or two"), FIELD_SHOWN_TEXT, 1,
	    PEER_ABOUT_MAX_CHARS, NULL, N_("For example: low mood, news from "
	    "home, first night. No names or numbers: the supporter finds the "
	    "person by where they are."), NULL),
	FIELD_NO_NAMES_BOX,
};
const size_t peer_request_fields_count = FIELDS_COUNT(peer_request_fields);

const struct field_spec peer_close_fields[] = {
	F("outcome", N_("Outcome"),
	    FIELD_CHOICE, 1, 0, peer_outcomes, NULL, NULL),
	F("service_id", N_("Service signposted to"), FIELD_ID, 0, 0, NULL,
	    N_("When you signposted them"), NULL),
	F("topic_ids", N_("Topics"), FIELD_IDS, 0, 0, NULL, NULL, NULL),
	F("told_name", N_("Name of the member of staff you told"),
	    FIELD_TEXT, 0,
	    NAME_MAX_CHARS, NULL, N_("Needed for a concern for someone's safety"),
	    "off"),
	F("told_role", N_("Their role"), FIELD_TEXT, 0, NAME_MAX_CHARS, NULL,
	    N_("For example: wing officer, safer custody, healthcare"), NULL),
	F("told_on", N_("Day you told them"),
	    FIELD_DATE, 0, DATE_HAPPENED, NULL, NULL, NULL),
	F("told_time", N_("Time you told them"), FIELD_TIME, 0, 0, NULL, NULL,
	    NULL),
};
const size_t peer_close_fields_count = FIELDS_COUNT(peer_close_fields);

const struct field_spec peer_step_back_fields[] = {
	F("from_on", N_("Stepping back from"),
	    FIELD_DATE, 1, 0, NULL, NULL, NULL),
	F("to_on", N_("Back on"),
	    FIELD_DATE, 0, 0, NULL, N_("Leave empty if you do "
	    "not know yet: you keep your role either way"), NULL),
};
const size_t peer_step_back_fields_count = FIELDS_COUNT(peer_step_back_fields);

static int
is_set(const json_t *values, const char *name)
{
	const json_t	*v = json_object_get(values, name);

	return v != NULL && !json_is_null(v);
}

int
peer_close_rules(const json_t *values, json_t *errors)
{
	static const struct { const char *field, *message; } told[] = {
		{ "told_name", N_("Enter the name of the member of staff you "
		    "told: a concern for someone's safety must be handed on") },
		{ "told_role", N_("Enter the role of the member of staff you told") },
		{ "told_on", N_("Enter the day you told them") },
		{ "told_time", N_("Enter the time you told them") },
	};
	const char	*outcome = json_string_value(json_object_get(values,
			    "outcome"));
	size_t		 i;

	if (outcome != NULL && strcmp(outcome, "safety_concern") == 0)
		for (i = 0; i < sizeof(told) / sizeof(told[0]); i++)
			if (!is_set(values, told[i].field))
				form_error(errors, told[i].field,
				    told[i].message);
	if (outcome != NULL && strcmp(outcome, "signposted") == 0 &&
	    !is_set(values, "service_id"))
		form_error(errors, "service_id", N_("Choose the service you "
		    "signposted them to"));
	return 0;
}

int
peer_shift_rules(const json_t *values, json_t *errors)
{
	const char	*starts = json_string_value(json_object_get(values,
			    "starts"));
	const char	*ends = json_string_value(json_object_get(values,
			    "ends"));

	if (starts != NULL && ends != NULL && strcmp(starts, ends) == 0)
		form_error(errors, "ends",
		    N_("The end must differ from the start"));
	return 0;
}

const char *
peer_log_outcome(const char *outcome)
{
	/* A safety concern goes beyond peer support, to staff who act on
	 * it: the log says so with who (the role, not the name). */
	if (outcome == NULL || strcmp(outcome, "safety_concern") == 0)
		return "escalated_outside";
	return outcome;
}

int
peer_minutes(const char *hhmm)
{
	int	 h, m;
	char	 end;

	if (hhmm == NULL || sscanf(hhmm, "%2d:%2d%c", &h, &m, &end) != 2 ||
	    strlen(hhmm) != 5 || h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	return h * 60 + m;
}

int
peer_shift_instants(const char *date, int start_min, int end_min,
    int64_t *starts_at, int64_t *ends_at)
{
	char	 end_date[DATE_CHARS + 1];
	int	 rc;

	if ((rc = uk_instant(date, start_min, starts_at)) != UK_TIME_OK)
		return rc;
	if (end_min <= start_min)
		date_add_days(date, 1, end_date);
	else
		snprintf(end_date, sizeof(end_date), "%s", date);
	return uk_instant(end_date, end_min, ends_at);
}

void
peer_week_start(const char *date, char out[DATE_CHARS + 1])
{
	long	 days;

	/* 4 January 2026 was a Sunday; weeks start on Monday. */
	days = date_diff_days("2026-01-04", date);
	days = ((days % 7) + 7) % 7;	/* 0 Sunday .. 6 Saturday */
	date_add_days(date, -(int)((days + 6) % 7), out);
}

int
peer_duty_covers(const struct peer_duty *d, int64_t at)
{
	if (d->starts_at > at || d->ends_at < at + 3600)
		return 0;
	if (d->gone_at != 0 && d->gone_at < at + 3600)
		return 0;
	if (d->away_from != 0 && d->away_from < at + 3600 &&
	    (d->away_to == 0 || d->away_to > at))
		return 0;
	return 1;
}

static enum peer_hour_state
hour_state(const struct peer_need *need, const struct peer_duty *d,
    size_t n, int64_t at, int hour, int *on_duty)
{
	size_t	 i;
	int	 trained = 0;

	*on_duty = 0;
	for (i = 0; i < n; i++)
		if (peer_duty_covers(&d[i], at)) {
			(*on_duty)++;
			trained |= d[i].trained;
		}
	if (hour < need->from_hour || hour >= need->to_hour)
		return PEER_NOT_NEEDED;
	if (*on_duty < need->needed)
		return PEER_GAP;
	return trained ? PEER_COVERED : PEER_UNTRAINED;
}

long
peer_coverage(const char *first_day, int day_count,
    const struct peer_need *need, const struct peer_duty *d, size_t n,
    struct peer_hour *out, size_t max)
{
	char	 day[DATE_CHARS + 1], next[DATE_CHARS + 1];
	int64_t	 at, end;
	size_t	 k = 0;
	int	 i, minutes;

	if (!date_valid(first_day))
		return -1;
	snprintf(day, sizeof(day), "%s", first_day);
	for (i = 0; i < day_count; i++) {
		date_add_days(day, 1, next);
		/* Local midnight always happens (the clocks change at 01:00
		 * UTC), so each day runs from its midnight to the next. */
		if (uk_instant(day, 0, &at) != UK_TIME_OK ||
		    uk_instant(next, 0, &end) != UK_TIME_OK)
			return -1;
		for (; at < end && k < max; at += 3600, k++) {
			out[k].at = at;
			uk_local(at, out[k].date, &minutes);
			/* The second 01:00 of an autumn night belongs to the
			 * same day: keep the day the hours started in. */
			snprintf(out[k].date, sizeof(out[k].date), "%s", day);
			out[k].hour = minutes / 60;
			out[k].state = hour_state(need, d, n, at, out[k].hour,
			    &out[k].on_duty);
		}
		memcpy(day, next, sizeof(day));
	}
	return (long)k;
}

static int
cmp_int64(const void *a, const void *b)
{
	int64_t	 x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

void
peer_percentiles(int64_t *v, size_t n, int64_t *median, int64_t *p90)
{
	*median = *p90 = 0;
	if (n == 0)
		return;
	qsort(v, n, sizeof(*v), cmp_int64);
	*median = v[(n - 1) / 2];
	/* Nearest rank: the smallest value with at least 90 % at or below. */
	*p90 = v[(n * 9 + 9) / 10 - 1];
}
