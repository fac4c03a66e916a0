/*
 * Training and supervision: the form tables, and the date arithmetic of
 * renewals and supervision (tested in tests/unit/test_membership.c).
 */
#include "membership.h"
#include "../limits.h"
#include "../util/catalogue.h"

void
training_renew_on(const char *completed_on, int months,
    char out[DATE_CHARS + 1])
{
	if (months <= 0)
		out[0] = '\0';
	else
		date_add_months(completed_on, months, out);
}

void
supervision_next_due(const char *held_on, int months,
    char out[DATE_CHARS + 1])
{
	date_add_months(held_on, months > 0 ? months : 1, out);
}

long
supervision_days_overdue(const char *due_on, const char *today)
{
	long	 over = date_diff_days(due_on, today);

	return over > 0 ? over : 0;
}

#define F(...)	{ __VA_ARGS__ }

const struct field_spec course_fields[] = {
	F("name", N_("Course"), FIELD_TEXT, 1, NAME_MAX_CHARS, NULL,
	    N_("For example, Accredited rep training"), NULL),
	F("accredited", N_("It leads to an accredited award"),
	    FIELD_CHECK, 0, 0,
	    NULL, NULL, NULL),
	F("renew_months", N_("Renew after (months)"), FIELD_POSITIVE, 0, 120,
	    NULL, N_("Leave empty when it never needs renewing"), NULL),
};
const size_t course_fields_count = FIELDS_COUNT(course_fields);

const struct field_spec session_fields[] = {
	F("course_id", N_("Course"), FIELD_ID, 1, 0, NULL, NULL, NULL),
	F("held_on", N_("Date"), FIELD_DATE, 1, 0, NULL, NULL, NULL),
	F("place", N_("Where"),
	    FIELD_TEXT, 0, NAME_MAX_CHARS, NULL, NULL, NULL),
	F("trainer", N_("Trainer"), FIELD_TEXT, 0, NAME_MAX_CHARS, NULL, NULL,
	    NULL),
};
const size_t session_fields_count = FIELDS_COUNT(session_fields);

const struct field_spec completion_fields[] = {
	F("person_id", N_("Who"), FIELD_ID, 1, 0, NULL, NULL, NULL),
	F("course_id", N_("Course"), FIELD_ID, 1, 0, NULL, NULL, NULL),
	F("completed_on", N_("Completed on"),
	    FIELD_DATE, 1, DATE_HAPPENED, NULL, NULL, NULL),
	F("accreditation", N_("Accreditation"), FIELD_TEXT, 0,
	    ACCREDITATION_MAX_CHARS, NULL,
	    N_("The awarding body and level, for an accredited course"), NULL),
	F("graduation", N_("This completes their programme (a graduation)"),
	    FIELD_CHECK, 0, 0, NULL, NULL, NULL),
};
const size_t completion_fields_count = FIELDS_COUNT(completion_fields);

const struct field_spec supervision_fields[] = {
	F("supervisor_id", N_("Supervisor"), FIELD_ID, 1, 0, NULL, NULL, NULL),
	F("held_on", N_("Held on"), FIELD_DATE, 1, DATE_HAPPENED, NULL, NULL,
	    NULL),
	F("next_due_on", N_("Next due"), FIELD_DATE, 0, DATE_AHEAD, NULL,
	    N_("Leave empty for the usual interval after this one"), NULL),
	F("notes", N_("Notes"), FIELD_TEXTAREA, 0, SUPERVISION_NOTES_MAX_CHARS,
	    NULL, N_("Only the supervisor and coordinators can read these"), NULL),
};
const size_t supervision_fields_count = FIELDS_COUNT(supervision_fields);
