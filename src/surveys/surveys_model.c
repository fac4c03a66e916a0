/*
 * The rules of a survey, kept pure so they can be tested against worked
 * examples: question kinds and the answers each accepts, forward-only
 * skip logic, the instruments inserted whole and how they are scored,
 * paper reference numbers and CSV cells.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "surveys.h"
#include "../util/catalogue.h"
#include "../limits.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/text.h"
#include "../util/view.h"

const struct choice question_kinds[] = {
	{ "single", N_("One answer from a list") },
	{ "multiple", N_("Any answers from a list") },
	{ "scale", N_("A rating scale from 1") },
	{ "text", N_("Free text") },
	{ "number", N_("A number") },
	{ "date", N_("A date") },
	{ NULL, NULL },
};

const char *const survey_stored_words[] = { N_("draft"), N_("open"),
    N_("closed"), N_("published"), NULL };

const struct choice survey_channels[] = {
	{ "link", N_("Survey link") },
	{ "kiosk", N_("Kiosk") },
	{ "interview", N_("Interview") },
	{ "paper", N_("Paper copy") },
	{ NULL, NULL },
};

const struct choice instrument_choices[] = {
	{ "ucla3", N_("Loneliness: UCLA three-item scale") },
	{ "ons_direct", N_("Loneliness: the ONS direct question") },
	{ "monitoring", N_("Equality monitoring (Equality Act 2010)") },
	{ "involvement", N_("Involvement experience (perceptions and trust)") },
	{ NULL, NULL },
};

/* The hint beside each of a survey's Welsh fields. */
static const char survey_welsh_hint[] = N_("Shown to people who read in "
    "Welsh. Where it is empty, they see the English.");

const struct field_spec survey_fields[] = {
	{ "title", N_("Title"),
	    FIELD_TEXT, 1, NAME_MAX_CHARS, NULL, NULL, NULL },
	{ "title_cy", N_("Title in Welsh"), FIELD_TEXT, 0, NAME_MAX_CHARS, NULL,
	    survey_welsh_hint, NULL },
	{ "intro", N_("Introduction"), FIELD_TEXTAREA, 1, TEXT_MAX_CHARS, NULL,
	    N_("In plain words: who is asking, why, and what happens to the "
	    "answers"), NULL },
	{ "intro_cy", N_("Introduction in Welsh"), FIELD_TEXTAREA, 0,
	    TEXT_MAX_CHARS, NULL, survey_welsh_hint, NULL },
	{ "consent", N_("Consent"), FIELD_TEXTAREA, 1, TEXT_MAX_CHARS, NULL,
	    N_("What the person agrees to by answering. Nothing that names "
	    "them is stored."), NULL },
	{ "consent_cy", N_("Consent in Welsh"), FIELD_TEXTAREA, 0,
	    TEXT_MAX_CHARS, NULL, survey_welsh_hint, NULL },
	{ "double_entry", N_("Paper copies are typed in twice and must agree"),
	    FIELD_CHECK, 0, 0, NULL, NULL, NULL },
};
const size_t survey_fields_count = FIELDS_COUNT(survey_fields);

const struct field_spec survey_question_fields[] = {
	{ "section", N_("Section"), FIELD_TEXT, 0, NAME_MAX_CHARS, NULL,
	    N_("Questions with the same section are printed under one heading"),
	    NULL },
	{ "section_cy", N_("Section in Welsh"), FIELD_TEXT, 0, NAME_MAX_CHARS,
	    NULL, survey_welsh_hint, NULL },
	{ "prompt", N_("Question"), FIELD_TEXTAREA, 1, SURVEY_PROMPT_MAX_CHARS,
	    NULL, NULL, NULL },
	{ "prompt_cy", N_("Question in Welsh"), FIELD_TEXTAREA, 0,
	    SURVEY_PROMPT_MAX_CHARS, NULL, survey_welsh_hint, NULL },
	{ "kind", N_("Kind of answer"),
	    FIELD_CHOICE, 1, 0, question_kinds, NULL,
	    NULL },
	{ "choices", N_("Choices"), FIELD_TEXTAREA, 0, TEXT_MAX_CHARS, NULL,
	    N_("For a list: one choice a line"), NULL },
	{ "choices_cy", N_("Choices in Welsh"), FIELD_TEXTAREA, 0,
	    TEXT_MAX_CHARS, NULL, N_("One a line, in the same order as the "
	    "choices. Where none is given, a Welsh reader sees the English."),
	    NULL },
	{ "scale_max", N_("Top of the scale"), FIELD_WHOLE, 0, SURVEY_SCALE_MAX,
	    NULL, N_("For a rating scale: 2 to 10 (1 is the bottom)"), NULL },
	{ "required", N_("An answer is required"),
	    FIELD_CHECK, 0, 0, NULL, NULL,
	    NULL },
	{ "skip_answer", N_("Skip: if the answer is"), FIELD_TEXT, 0,
	    SURVEY_CHOICE_MAX_CHARS, NULL, N_("For a one-answer list: one of its "
	    "choices, exactly"), NULL },
	{ "skip_to", N_("then go to question number"), FIELD_POSITIVE, 0,
	    SURVEY_QUESTIONS_MAX + 1, NULL, N_("A later question"), NULL },
};
const size_t survey_question_fields_count = FIELDS_COUNT(survey_question_fields);

enum question_kind
question_kind_of(const char *value)
{
	size_t	 i;

	for (i = 0; value != NULL && i < QK__MAX; i++)
		if (strcmp(question_kinds[i].value, value) == 0)
			return (enum question_kind)i;
	return QK__MAX;
}

json_t *
choices_lines(const char *text)
{
	json_t		*a = json_array();
	const char	*p = text ? text : "", *end;
	size_t		 len;

	while (a != NULL && *p != '\0') {
		end = strchr(p, '\n');
		len = end ? (size_t)(end - p) : strlen(p);
		while (len > 0 && strchr(" \t\r", p[len - 1]) != NULL)
			len--;
		while (len > 0 && strchr(" \t", *p) != NULL) {
			p++;
			len--;
		}
		if (len > 0)
			json_array_append_new(a, json_stringn(p, len));
		p = end ? end + 1 : p + len;
		if (end == NULL)
			break;
	}
	return a;
}

static int
is_choice(const json_t *q, const char *value)
{
	json_t	*c = choices_lines(view_str(q, "choices")), *v;
	size_t	 i;
	int	 found = 0;

	json_array_foreach(c, i, v)
		if (strcmp(json_string_value(v), value) == 0)
			found = 1;
	json_decref(c);
	return found;
}

/* A whole number from lo to hi written in plain digits, or -1. */
static long
whole(const char *s, long lo, long hi)
{
	char	*end;
	long	 n;

	if (*s < '0' || *s > '9' || strlen(s) > 9)
		return -1;
	n = strtol(s, &end, 10);
	return *end == '\0' && n >= lo && n <= hi ? n : -1;
}

const char *
answer_problem(const json_t *q, const char *value)
{
	char	 day[DATE_CHARS + 1];

	switch (question_kind_of(view_str(q, "kind"))) {
	case QK_SINGLE:
	case QK_MULTIPLE:
		return is_choice(q, value) ? NULL : N_("Choose one of the answers");
	case QK_SCALE:
		return whole(value, 1, view_int(q, "scale_max")) > 0 ? NULL :
		    N_("Choose a number on the scale");
	case QK_TEXT:
		/* Refused, not cleaned: what is kept is what was typed. */
		if (!text_printable(value, strlen(value), 1))
			return N_("There is a hidden character in the "
			    "answer that cannot be saved; remove it");
		return strlen(value) <= SURVEY_ANSWER_MAX_CHARS * 4 ? NULL :
		    N_("The answer is too long");
	case QK_NUMBER:
		return whole(value, 0, SURVEY_NUMBER_MAX) >= 0 ? NULL :
		    N_("Enter a whole number, like 3");
	case QK_DATE:
		return date_typed(value, day) ? NULL : N_("Enter a real date: "
		    "the day, month and year, like 1/3/2026 (1 March 2026)");
	default:
		return N_("This question cannot be answered");
	}
}

const char *
skip_problem(int64_t position, int64_t skip_to, int64_t count)
{
	if (skip_to <= position)
		return N_("A skip can only go forward, to a later question");
	if (skip_to > count)
		return N_("There is no question with that number");
	return NULL;
}

/* Does the answer (a string or an array of strings) hold value? */
static int
answered(const json_t *answer, const char *value)
{
	json_t	*v;
	size_t	 i;

	if (json_is_string(answer))
		return strcmp(json_string_value(answer), value) == 0;
	json_array_foreach(answer, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), value) == 0)
			return 1;
	return 0;
}

void
questions_reached(json_t *questions, const json_t *answers)
{
	json_t		*q;
	char		 key[24];
	size_t		 i;
	int64_t		 resume = 0;	/* skipping until this position */

	json_array_foreach(questions, i, q) {
		int64_t	 pos = view_int(q, "position");
		int	 reached = pos >= resume;

		json_object_set_new(q, "reached", json_boolean(reached));
		if (!reached || !json_is_string(json_object_get(q,
		    "skip_answer")))
			continue;
		snprintf(key, sizeof(key), "%lld", (long long)pos);
		if (answered(json_object_get(answers, key),
		    view_str(q, "skip_answer")))
			resume = view_int(q, "skip_to");
	}
}

/*
 * The UCLA three-item loneliness scale: Hughes, M. E., Waite, L. J.,
 * Hawkley, L. C. and Cacioppo, J. T. (2004) "A short scale for measuring
 * loneliness in large surveys", Research on Aging 26(6), 655-672.  The
 * ONS recommends it (with the direct question below) as the national
 * indicators of loneliness for adults: ONS (2018) "Measuring loneliness:
 * guidance for use of the national indicators on surveys".  Wording and
 * answer options as published; scored 1-3 each, 3-9 in all.  The ONS sets
 * no threshold; UCLA3_LONELY_FROM (6) follows the grouping of 3-5 as not
 * lonely and 6-9 as lonely described in Campaign to End Loneliness (2015)
 * "Measuring your impact on loneliness in later life".
 */
static const struct choice ucla3_answers[] = {
	{ N_("Hardly ever"), N_("Hardly ever") }, { N_("Some of the time"),
	N_("Some of the time") }, { N_("Often"), N_("Often") }, { NULL, NULL }
};
static const char *const ucla3_items[] = {
	N_("How often do you feel that you lack companionship?"),
	N_("How often do you feel left out?"),
	N_("How often do you feel isolated from others?"),
	NULL
};

/* The ONS direct question, with its five answers; "Often/always" is the
 * ONS measure of chronic loneliness.  Every question and answer of the
 * instruments here is marked for the catalogue: a survey keeps them as
 * English words, and the answer page shows them in the reader's language
 * ({{prompt | t}}), so the same question is counted whatever the
 * language it was read in. */
static const struct choice ons_answers[] = {
	{ N_("Often/always"), N_("Often/always") }, { N_("Some of the time"),
	N_("Some of the time") }, { N_("Occasionally"), N_("Occasionally") },
	{ N_("Hardly ever"), N_("Hardly ever") }, { N_("Never"), N_("Never") },
	{ NULL, NULL }
};

/* The involvement experience questions (docs/surveys.md): three about
 * taking part (criterion 5, perceptions) and three about trust between
 * members and staff (criterion 6), each on the usual five-point
 * agreement scale.  Counted by src/evidence/ as the share who agree. */
static const struct choice agreement_answers[] = {
	{ INVOLVEMENT_STRONGLY_AGREE, INVOLVEMENT_STRONGLY_AGREE },
	{ INVOLVEMENT_AGREE, INVOLVEMENT_AGREE },
	{ N_("Neither agree nor disagree"), N_("Neither agree nor disagree") },
	{ N_("Disagree"), N_("Disagree") },
	{ N_("Strongly disagree"), N_("Strongly disagree") },
	{ NULL, NULL }
};
static const struct { const char *key, *prompt; } involvement_items[] = {
	{ "worth", N_("Taking part has been worth my time.") },
	{ "listened", N_("My views are listened to.") },
	{ "change", N_("I can see what has changed because of what we said.") },
	{ "trust_staff", N_("I trust staff to act on what we raise.") },
	{ "equal", N_("Staff treat members as equal partners.") },
	{ "safe", N_("I feel safe saying what I think in the group.") },
};

/* Equality monitoring: the nine protected characteristics of the
 * Equality Act 2010, s.4, each with "Prefer not to say" last.  The same
 * answers are the member's own monitoring record (src/evidence/) and a
 * site's population categories, so the two can be set side by side. */
#define A(x)	{ x, x }
/* Answers that are macros, for the SQL that counts them (surveys.h),
 * marked for the catalogue here. */
static const char *const macro_answers[] __attribute__((unused)) = {
	N_("Prefer not to say"), N_("Strongly agree"), N_("Agree"),
};
static const struct choice age_answers[] = { A(N_("Under 25")),
	A(N_("25 to 34")), A(N_("35 to 49")), A(N_("50 to 64")), A(N_("65 or over")),
	A(MONITORING_NOT_SAY), { NULL, NULL } };
static const struct choice yes_no_answers[] = { A(N_("Yes")), A(N_("No")),
	A(MONITORING_NOT_SAY), { NULL, NULL } };
static const struct choice race_answers[] = { A(N_("Asian or Asian British")),
	A(N_("Black, Black British, Caribbean or African")),
	A(N_("Mixed or multiple ethnic groups")), A(N_("White")),
	A(N_("Another ethnic group")), A(MONITORING_NOT_SAY), { NULL, NULL } };
static const struct choice religion_answers[] = { A(N_("No religion")),
	A(N_("Christian")), A(N_("Muslim")), A(N_("Hindu")), A(N_("Sikh")),
	A(N_("Jewish")),
	A(N_("Buddhist")), A(N_("Another religion or belief")),
	A(MONITORING_NOT_SAY), { NULL, NULL } };
static const struct choice sex_answers[] = { A(N_("Female")), A(N_("Male")),
	A(MONITORING_NOT_SAY), { NULL, NULL } };
static const struct choice orientation_answers[] = {
	A(N_("Straight or heterosexual")), A(N_("Gay or lesbian")), A(N_("Bisexual")),
	A(N_("Another sexual orientation")), A(MONITORING_NOT_SAY),
	{ NULL, NULL } };
#undef A

const struct monitoring_item monitoring_items[] = {
	{ "age", N_("Age"), N_("How old are you?"), age_answers },
	{ "disability", N_("Disability"), N_("Do you consider yourself to have a "
	    "disability or a long-term health condition?"), yes_no_answers },
	{ "gender_reassignment", N_("Gender the same as registered at birth"),
	    N_("Is the gender you "
	    "identify with the same as the sex you were registered at birth?"),
	    yes_no_answers },
	{ "marriage", N_("Marriage or civil partnership"), N_("Are you married or in "
	    "a civil partnership?"), yes_no_answers },
	{ "pregnancy", N_("Pregnancy and maternity"), N_("Are you pregnant, or have "
	    "you had a baby in the last year?"), yes_no_answers },
	{ "race", N_("Ethnic group"), N_("What is your ethnic group?"), race_answers },
	{ "religion", N_("Religion or belief"), N_("What is your religion or "
	    "belief?"), religion_answers },
	{ "sex", N_("Sex"), N_("What is your sex?"), sex_answers },
	{ "sexual_orientation", N_("Sexual orientation"), N_("Which of these best "
	    "describes your sexual orientation?"), orientation_answers },
};
const size_t monitoring_items_count = sizeof(monitoring_items) /
    sizeof(monitoring_items[0]);

const struct monitoring_item *
monitoring_item_find(const char *key)
{
	size_t	 i;

	for (i = 0; key != NULL && i < monitoring_items_count; i++)
		if (strcmp(monitoring_items[i].key, key) == 0)
			return &monitoring_items[i];
	return NULL;
}

/* The answers one a line, as a survey question's choices: malloc'd. */
static char *
answers_joined(const struct choice *answers)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b, TEXT_MAX_CHARS * 4);
	for (i = 0; answers[i].value != NULL; i++)
		if (buf_printf(&b, "%s%s", i ? "\n" : "", answers[i].label) == -1)
			break;
	return buf_detach(&b, NULL);
}

static json_t *
instrument_row(const char *section, const char *prompt, const char *choices,
    const char *instrument, const char *key)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:n, s:b, s:s, s:s, s:n, s:n}",
	    "section", section, "prompt", prompt, "kind", "single",
	    "choices", choices, "scale_max", "required", 0,
	    "instrument", instrument, "item_key", key, "skip_answer",
	    "skip_to");
}

json_t *
instrument_questions(const char *name)
{
	json_t	*rows = json_array();
	char	*choices = NULL, key[16];
	size_t	 i;

	if (strcmp(name, "ucla3") == 0) {
		choices = answers_joined(ucla3_answers);
		for (i = 0; ucla3_items[i] != NULL; i++) {
			snprintf(key, sizeof(key), "item%zu", i + 1);
			json_array_append_new(rows, instrument_row(N_("How "
			    "often do you feel..."), ucla3_items[i], choices ? choices :
			    "", "ucla3", key));
		}
	} else if (strcmp(name, "ons_direct") == 0) {
		choices = answers_joined(ons_answers);
		json_array_append_new(rows, instrument_row(N_("Feeling lonely"),
		    N_("How often do you feel lonely?"), choices ? choices : "",
		    "ons_direct", "direct"));
	} else if (strcmp(name, "involvement") == 0) {
		choices = answers_joined(agreement_answers);
		for (i = 0; i < sizeof(involvement_items) /
		    sizeof(involvement_items[0]); i++)
			json_array_append_new(rows, instrument_row(i < 3 ?
			    N_("Taking part") : N_("Members and staff"),
			    involvement_items[i].prompt, choices ? choices : "",
			    "involvement", involvement_items[i].key));
	} else if (strcmp(name, "monitoring") == 0) {
		for (i = 0; i < monitoring_items_count; i++) {
			free(choices);
			choices = answers_joined(monitoring_items[i].answers);
			json_array_append_new(rows, instrument_row(N_("About "
			    "you (you can choose not to say)"),
			    monitoring_items[i].prompt, choices ? choices : "",
			    "monitoring", monitoring_items[i].key));
		}
	} else {
		json_decref(rows);
		return NULL;
	}
	free(choices);
	return rows;
}

static int
index_of(const struct choice *list, const char *s)
{
	int	 i;

	for (i = 0; s != NULL && list[i].value != NULL; i++)
		if (strcmp(list[i].value, s) == 0)
			return i;
	return -1;
}

int
ucla3_item(const char *answer)
{
	return index_of(ucla3_answers, answer) + 1;
}

int
ucla3_total(const char *a, const char *b, const char *c)
{
	int	 x = ucla3_item(a), y = ucla3_item(b), z = ucla3_item(c);

	return x && y && z ? x + y + z : -1;
}

int
ucla3_lonely(int total)
{
	return total >= UCLA3_LONELY_FROM;
}

int
ons_direct_lonely(const char *answer)
{
	int	 i = index_of(ons_answers, answer);

	return i < 0 ? -1 : i == 0;
}

/* A check letter over the survey and copy numbers: a weighted sum of the
 * digits (weights 1, 3, 7, as in many check-digit schemes) mod 23, so a
 * single mistyped digit or two swapped neighbours change the letter. */
static char
check_letter(int64_t survey, int64_t copy)
{
	static const char letters[] = "ABCDEFGHJKLMNPQRSTUVWXY";
	static const int weights[] = { 1, 3, 7 };
	char	 digits[48];
	size_t	 i;
	int	 sum = 0;

	snprintf(digits, sizeof(digits), "%lld-%lld", (long long)survey,
	    (long long)copy);
	for (i = 0; digits[i] != '\0'; i++)
		if (digits[i] >= '0' && digits[i] <= '9')
			sum += (digits[i] - '0') * weights[i % 3] + (int)i;
	return letters[sum % 23];
}

void
survey_reference(int64_t survey, int64_t copy, char *out, size_t sz)
{
	snprintf(out, sz, "S%lld-%lld%c", (long long)survey, (long long)copy,
	    check_letter(survey, copy));
}

int64_t
survey_reference_valid(int64_t survey, const char *ref)
{
	char		 want[64];
	const char	*dash = ref ? strchr(ref, '-') : NULL;
	long		 copy;
	char		*end;

	if (dash == NULL || dash[1] < '1' || dash[1] > '9')
		return 0;
	copy = strtol(dash + 1, &end, 10);
	if (copy <= 0 || copy > SURVEY_COPY_NUMBER_MAX)
		return 0;
	survey_reference(survey, copy, want, sizeof(want));
	/* Typed in either case, as people read it off the paper. */
	return strcasecmp(want, ref) == 0 ? copy : 0;
}

