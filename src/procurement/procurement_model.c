/*
 * Procurement panels: the choices, the form tables and the arithmetic
 * (weighted totals, spread, scale descriptors).  Pure functions, tested
 * in tests/unit/test_procurement.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procurement.h"
#include "../limits.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/text.h"

const struct choice evaluator_kinds[] = {
	{ "expert_by_experience", N_("Expert by experience") },
	{ "governor", N_("Governor") },
	{ "clinician", N_("Clinician") },
	{ "pharmacist", N_("Pharmacist") },
	{ "commissioner", N_("Commissioner") },
	{ "other", N_("Other") },
	{ NULL, NULL },
};

/* Whose score a change was to: an evaluator's own or the panel's.  In
 * lower case, as they stand inside a sentence ("changed the individual
 * score", "newidiodd y sgôr unigol"). */
static const struct choice score_change_kinds[] = {
	{ "individual", N_("individual") },
	{ "consensus", N_("consensus") },
	{ NULL, NULL },
};

/* Each row's "kind" with its words as "kind_label". */
static json_t *
kinds_labelled(json_t *rows, const struct choice *kinds)
{
	const struct choice_column kind = { "kind", kinds };
	json_t	*row;
	size_t	 i;

	json_array_foreach(rows, i, row)
		choice_labels_add(row, &kind, 1);
	return rows;
}

json_t *
evaluator_kinds_labelled(json_t *rows)
{
	return kinds_labelled(rows, evaluator_kinds);
}

json_t *
score_change_kinds_labelled(json_t *rows)
{
	return kinds_labelled(rows, score_change_kinds);
}

#define F(...)	{ __VA_ARGS__ }

const struct field_spec procurement_fields[] = {
	F("title", N_("What is being bought"),
	    FIELD_TEXT, 1, NAME_MAX_CHARS, NULL,
	    N_("For example, Healthcare for the north-east prisons"), NULL),
	F("description", N_("About this procurement"), FIELD_TEXTAREA, 0,
	    TEXT_MAX_CHARS, NULL, N_("What the service is and who it is for, in "
	    "plain words the panel can read"), NULL),
};
const size_t procurement_fields_count = FIELDS_COUNT(procurement_fields);

const struct field_spec lot_fields[] = {
	F("title", N_("Lot"), FIELD_TEXT, 1, NAME_MAX_CHARS, NULL,
	    N_("For example, Lot 1: primary care at HMP Fenwick"), NULL),
	F("scale_max", N_("Top of the scoring scale"), FIELD_POSITIVE, 1,
	    SCORE_SCALE_MAX, NULL, N_("Scores go from 0 to this number, for "
	    "example 5"), NULL),
	F("scale_descriptors", N_("What each score means"), FIELD_TEXTAREA, 1,
	    TEXT_MAX_CHARS, NULL, N_("One line for each score, starting at 0. "
	    "For example: 0 No answer, 1 Poor, ..., 5 Excellent"), NULL),
	F("moderator_id", N_("Moderator"), FIELD_ID, 1, 0, NULL,
	    N_("Runs the consensus meeting and records the agreed scores"), NULL),
};
const size_t lot_fields_count = FIELDS_COUNT(lot_fields);

const struct field_spec question_fields[] = {
	F("text", N_("Question"), FIELD_TEXTAREA, 1, TEXT_MAX_CHARS, NULL,
	    N_("As the bidders were asked it"), NULL),
	F("weight", N_("Weight"), FIELD_WHOLE, 1, 100, NULL,
	    N_("Its share of the total, for example 20 (per cent)"), NULL),
};
const size_t question_fields_count = FIELDS_COUNT(question_fields);

const struct field_spec bid_fields[] = {
	F("bidder", N_("Bidder"), FIELD_TEXT, 1, NAME_MAX_CHARS, NULL,
	    N_("The organisation that bid"), NULL),
};
const size_t bid_fields_count = FIELDS_COUNT(bid_fields);

const struct field_spec panel_fields[] = {
	F("account_id", N_("Evaluator"), FIELD_ID, 1, 0, NULL,
	    N_("Someone with an evaluator account at this site"), NULL),
	F("kind", N_("Role on the panel"), FIELD_CHOICE, 1, 0, evaluator_kinds,
	    NULL, NULL),
	F("question_ids", N_("Questions they score"), FIELD_IDS, 1, 0, NULL,
	    NULL, NULL),
};
const size_t panel_fields_count = FIELDS_COUNT(panel_fields);

const struct field_spec reserve_fields[] = {
	F("account_id", N_("Reserve evaluator"),
	    FIELD_ID, 1, 0, NULL, NULL, NULL),
	F("kind", N_("Role on a panel"), FIELD_CHOICE, 1, 0, evaluator_kinds,
	    NULL, NULL),
};
const size_t reserve_fields_count = FIELDS_COUNT(reserve_fields);

const struct field_spec replace_fields[] = {
	F("account_id", N_("Reserve to bring in"), FIELD_ID, 1, 0, NULL,
	    N_("They score the same questions, from the start, on their own"),
	    NULL),
};
const size_t replace_fields_count = FIELDS_COUNT(replace_fields);

const struct field_spec consensus_meeting_fields[] = {
	F("held_on", N_("Date of the consensus meeting"),
	    FIELD_DATE, 1, DATE_HAPPENED, NULL,
	    NULL, NULL),
	F("present_ids", N_("Evaluators present"), FIELD_IDS, 1, 0, NULL, NULL,
	    NULL),
	F("others_present", N_("Others present"), FIELD_TEXT, 0, TEXT_MAX_CHARS,
	    NULL, N_("For example, the procurement officer (names and roles)"),
	    NULL),
};
const size_t consensus_meeting_fields_count =
    FIELDS_COUNT(consensus_meeting_fields);

const struct field_spec score_change_fields[] = {
	/* The lot's own top, when the form runs (score_change_page). */
	F("score", N_("New score"), FIELD_WHOLE, 1, SCORE_SCALE_MAX, NULL, NULL,
	    NULL),
	F("justification", N_("Justification"), FIELD_TEXTAREA, 1,
	    JUSTIFICATION_MAX_CHARS, NULL, NULL, NULL),
	F("reason", N_("Why it changes"),
	    FIELD_TEXTAREA, 1, NOTE_MAX_CHARS, NULL,
	    N_("Kept with the old score in the evaluation report"), NULL),
};
const size_t score_change_fields_count = FIELDS_COUNT(score_change_fields);

int64_t
weighted_total_hundredths(const int64_t *scores, const int64_t *weights,
    size_t n, int64_t scale_max)
{
	int64_t	 sum = 0;
	size_t	 i;

	if (scale_max <= 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (scores[i] < 0 || scores[i] > scale_max || weights[i] < 0)
			return -1;
		sum += scores[i] * weights[i];
	}
	/* sum * 100 / scale_max, rounded half up (everything is >= 0). */
	return (2 * sum * 100 + scale_max) / (2 * scale_max);
}

void
hundredths_format(int64_t hundredths, char *out, size_t sz)
{
	snprintf(out, sz, "%lld.%02lld", (long long)(hundredths / 100),
	    (long long)(hundredths % 100));
}

int
spread_is_wide(int64_t min, int64_t max)
{
	return max - min >= WIDE_SPREAD;
}

/* Counts the non-blank lines of text; with into, appends each, trimmed,
 * as {score, text}, numbered from 0. */
static size_t
descriptor_each(const char *text, json_t *into)
{
	const char	*p = text ? text : "", *end;
	size_t		 n = 0, len;

	while (*p != '\0') {
		end = p + strcspn(p, "\r\n");
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		len = (size_t)(end - p);
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len > 0) {
			if (into != NULL)
				json_array_append_new(into, json_pack("{s:I, "
				    "s:s%}", "score", (json_int_t)n, "text", p,
				    len));
			n++;
		}
		p = end + strspn(end, "\r\n");
	}
	return n;
}

size_t
descriptor_lines(const char *text)
{
	return descriptor_each(text, NULL);
}

json_t *
descriptors_json(const char *text)
{
	json_t	*out = json_array();

	if (out != NULL)
		(void)descriptor_each(text, out);
	return out;
}

void
bid_error(json_t *errors, const char *name, int64_t bid, const char *bidder,
    const char *problem, long long max)
{
	char	 field[64];

	snprintf(field, sizeof(field), "%s_%lld", name, (long long)bid);
	form_error_words(errors, field, N_("{bidder}: {problem | words}"),
	    json_pack("{s:s, s:s, s:I}", "bidder", bidder, "problem", problem,
	    "max", (json_int_t)max));
}

/* The value of name_BID, or "" when absent. */
static const char *
bid_value(const struct form *form, const char *name, int64_t bid)
{
	char		 field[64];
	const char	*v;

	snprintf(field, sizeof(field), "%s_%lld", name, (long long)bid);
	v = form_get(form, field);
	return v ? v : "";
}

json_t *
bid_score(const struct form *form, const char *name, int64_t bid,
    const char *bidder, int64_t max, json_t *errors)
{
	const char	*v = bid_value(form, name, bid);
	char		*end;
	long		 n;

	if (*v == '\0')
		return json_null();
	n = strtol(v, &end, 10);
	if (*end == '\0' && end - v <= 2 && v[0] >= '0' && v[0] <= '9' &&
	    n <= max)
		return json_integer(n);
	bid_error(errors, name, bid, bidder, N_("the score must be a whole "
	    "number from 0 to {max}"), (long long)max);
	return json_null();
}

json_t *
bid_text(const struct form *form, const char *name, int64_t bid,
    const char *bidder, size_t max_chars, json_t *errors)
{
	const char	*v = bid_value(form, name, bid);
	size_t		 len = strlen(v);

	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++, len--;
	while (len > 0 && strchr(" \t\r\n", v[len - 1]) != NULL)
		len--;
	if (utf8_length(v, len) > max_chars) {
		/* Kept as typed, for the form to give back: the error
		 * stops it being saved. */
		bid_error(errors, name, bid, bidder, N_("write {max} "
		    "characters or fewer"), (long long)max_chars);
	}
	return json_stringn(v, len);
}

