/*
 * The words of meetings and their rules that are not SQL.
 */
#include <string.h>

#include "meetings.h"
#include "../limits.h"
#include "../util/catalogue.h"

const struct choice meeting_kinds[] = {
	{ "forum", N_("Forum meeting") },
	{ "proposal_hub", N_("Proposal hub") },
	{ "council", N_("Council meeting") },
	{ "board", N_("Board meeting") },
	{ "one_to_one", N_("One-to-one with a decision maker") },
	{ NULL, NULL },
};

const struct choice attendance_statuses[] = {
	{ "present", N_("Present") },
	{ "apologies", N_("Apologies") },
	{ "absent", N_("Absent") },
	{ NULL, NULL },
};

const char *const meeting_stored_words[] = { N_("draft"), N_("approved"),
    N_("published"), N_("present"), N_("apologies"), N_("absent"), NULL };

static const struct choice quorum_rules[] = {
	{ "half", N_("At least half the members") },
	{ "fixed", N_("A fixed number of members") },
	{ NULL, NULL },
};

#define F(...)	{ __VA_ARGS__ }

const struct field_spec rules_fields[] = {
	F("constitution", N_("Constitution or terms of reference"),
	    FIELD_TEXTAREA,
	    0, CONSTITUTION_MAX_CHARS, NULL, N_("Plain text; blank lines start "
	    "new paragraphs"), NULL),
	F("quorum_rule", N_("Quorum"), FIELD_CHOICE, 1, 0, quorum_rules, NULL,
	    NULL),
	F("quorum_number", N_("Fixed number for the quorum"), FIELD_WHOLE, 0, 999,
	    NULL, N_("Only when the quorum is a fixed number"), NULL),
	F("papers_days", N_("Days before a meeting papers are due"),
	    FIELD_WHOLE, 1, 90, NULL, NULL, NULL),
	F("standing_items", N_("Standing agenda items, one a line"),
	    FIELD_TEXTAREA,
	    0, TEXT_MAX_CHARS, NULL, N_("For example: Welcome and apologies"), NULL),
};
const size_t rules_fields_count = FIELDS_COUNT(rules_fields);

const struct field_spec meeting_fields[] = {
	F("kind", N_("Kind of meeting"),
	    FIELD_CHOICE, 1, 0, meeting_kinds, NULL,
	    NULL),
	F("held_on", N_("Date"), FIELD_DATE, 1, 0, NULL, NULL, NULL),
	F("starts_at", N_("Start time"), FIELD_TIME, 1, 0, NULL, NULL, NULL),
	F("place", N_("Where"), FIELD_TEXT, 0, NAME_MAX_CHARS, NULL,
	    N_("For example, the chapel on B wing"), NULL),
	F("chair_person_id", N_("Who chairs"),
	    FIELD_ID, 0, 0, NULL, NULL, NULL),
	F("invited_id", N_("Decision maker invited"), FIELD_ID, 0, 0, NULL,
	    N_("For example, the governor at a one-to-one"), NULL),
};
const size_t meeting_fields_count = FIELDS_COUNT(meeting_fields);

const struct field_spec agenda_item_fields[] = {
	F("title", N_("Agenda item"), FIELD_SHOWN_TEXT, 1, NAME_MAX_CHARS, NULL,
	    NULL, NULL),
	FIELD_NO_NAMES_BOX,
};
const size_t agenda_item_fields_count = FIELDS_COUNT(agenda_item_fields);

const struct field_spec decision_fields[] = {
	F("text", N_("A decision the meeting took"), FIELD_SHOWN_TEXT, 1,
	    NOTE_MAX_CHARS, NULL, NULL, NULL),
	FIELD_NO_NAMES_BOX,
};
const size_t decision_fields_count = FIELDS_COUNT(decision_fields);

const struct field_spec paper_fields[] = {
	F("title", N_("Paper title"), FIELD_TEXT, 1, NAME_MAX_CHARS, NULL,
	    NULL, NULL),
};
const size_t paper_fields_count = FIELDS_COUNT(paper_fields);

const struct field_spec action_point_fields[] = {
	F("text", N_("Action point"), FIELD_SHOWN_TEXT, 1, NAME_MAX_CHARS, NULL,
	    NULL, NULL),
	F("owner_id", N_("Who will do it"), FIELD_ID, 1, 0, NULL, NULL, NULL),
	F("due_on", N_("By when"), FIELD_DATE, 1, DATE_AHEAD, NULL, NULL, NULL),
	FIELD_NO_NAMES_BOX,
};
const size_t action_point_fields_count = FIELDS_COUNT(action_point_fields);

const struct field_spec approval_fields[] = {
	F("approved_at", N_("Approved at the meeting of"), FIELD_ID, 1, 0, NULL,
	    NULL, NULL),
	F("proposed_by", N_("Proposed by"), FIELD_ID, 1, 0, NULL, NULL, NULL),
	F("seconded_by", N_("Seconded by"), FIELD_ID, 1, 0, NULL, NULL, NULL),
};
const size_t approval_fields_count = FIELDS_COUNT(approval_fields);

int
meeting_kind_has_quorum(const char *kind)
{
	return kind == NULL || strcmp(kind, "one_to_one") != 0;
}

int64_t
quorum_needed(const char *rule, int64_t fixed, int64_t members)
{
	int64_t	 need;

	if (rule != NULL && strcmp(rule, "fixed") == 0)
		need = fixed;
	else
		need = (members + 1) / 2;
	if (need > members)
		need = members;
	return need < 1 ? 1 : need;
}
