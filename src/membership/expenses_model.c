/*
 * Expenses: money as integer pence (never floating point), the kinds of
 * claim, their forms, and the one rule that keeps the finance export
 * safe to open: a cell that would start a formula is neutralised.
 * Tested in tests/unit/test_membership.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "membership.h"
#include "../limits.h"
#include "../util/catalogue.h"

const struct choice expense_kinds[] = {
	{ "travel", N_("Travel") },
	{ "subsistence", N_("Subsistence (food and drink)") },
	{ "other", N_("Other") },
	{ NULL, NULL },
};

/* The states of migrations/0012's CHECK, for the list's filter. */
const struct choice expense_states[] = {
	{ "submitted", N_("Waiting for a decision") },
	{ "approved", N_("Approved, not yet paid") },
	{ "rejected", N_("Rejected") },
	{ "paid", N_("Paid") },
	{ NULL, NULL },
};

void
expense_labels(json_t *rows)
{
	json_t	*row;
	char	 amount[32];
	size_t	 i;

	json_array_foreach(rows, i, row) {
		money_format(json_integer_value(json_object_get(row,
		    "amount_pence")), amount, sizeof(amount));
		json_object_set_new(row, "amount", json_string(amount));
		json_object_set_new(row, "kind_label", json_string(choice_label(
		    expense_kinds, json_string_value(json_object_get(row,
		    "kind")))));
		json_object_set_new(row, "state_label", json_string(
		    choice_label(expense_states, json_string_value(
		    json_object_get(row, "state")))));
	}
}

int64_t
money_parse_pence(const char *s, int64_t max)
{
	int64_t	 pounds = 0;
	int	 digits = 0, pence = 0, decimals = 0;

	if (s == NULL)
		return -1;
	if (strncmp(s, "\xc2\xa3", 2) == 0)	/* a pound sign */
		s += 2;
	for (; isdigit((unsigned char)*s); s++) {
		pounds = pounds * 10 + (*s - '0');
		if (++digits > 9)
			return -1;
	}
	if (*s == '.') {
		for (s++; isdigit((unsigned char)*s); s++) {
			if (++decimals > 2)
				return -1;
			pence = pence * 10 + (*s - '0');
		}
		if (decimals == 0)
			return -1;
		if (decimals == 1)
			pence *= 10;
	}
	if (*s != '\0' || (digits == 0 && decimals == 0))
		return -1;
	pounds = pounds * 100 + pence;
	return pounds > max ? -1 : pounds;
}

void
money_format(int64_t pence, char *out, size_t size)
{
	snprintf(out, size, "%s%lld.%02lld", pence < 0 ? "-" : "",
	    (long long)((pence < 0 ? -pence : pence) / 100),
	    (long long)((pence < 0 ? -pence : pence) % 100));
}

#define F(...)	{ __VA_ARGS__ }

const struct field_spec expense_fields[] = {
	F("group_id", N_("The group it was for"), FIELD_ID, 1, 0, NULL, NULL,
	    NULL),
	F("kind", N_("Kind of expense"),
	    FIELD_CHOICE, 1, 0, expense_kinds, NULL,
	    NULL),
	F("description", N_("What it was for"), FIELD_TEXTAREA, 1,
	    EXPENSE_DESC_MAX_CHARS, NULL,
	    N_("For example, bus fare to the board meeting and back"), NULL),
	F("amount", N_("Amount in pounds"), FIELD_TEXT, 1, 12, NULL,
	    N_("For example, 12.50"), NULL),
	F("incurred_on", N_("Date"), FIELD_DATE, 1, DATE_HAPPENED,
	    NULL, NULL, NULL),
	F("meeting_id", N_("The meeting it was for"), FIELD_ID, 0, 0,
	    NULL, N_("Only meetings of the group you chose"), NULL),
	F("confirm_duplicate", N_("This is a separate claim"),
	    FIELD_CHECK, 0, 0,
	    NULL, N_("Tick only when told it looks like a claim you have "
	    "already made: same date, kind and amount"), NULL),
};
const size_t expense_fields_count = FIELDS_COUNT(expense_fields);

static const struct choice decisions[] = {
	{ "approved", N_("Approve") },
	{ "rejected", N_("Reject") },
	{ NULL, NULL },
};

const struct field_spec expense_decision_fields[] = {
	F("decision", N_("Decision"),
	    FIELD_CHOICE, 1, 0, decisions, NULL, NULL),
	F("reason", N_("Reason"), FIELD_TEXTAREA, 0, NOTE_MAX_CHARS, NULL,
	    N_("Needed to reject: the volunteer reads it"), NULL),
};
const size_t expense_decision_fields_count =
    FIELDS_COUNT(expense_decision_fields);
