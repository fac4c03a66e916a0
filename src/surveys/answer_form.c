/*
 * The answer form, shared by every way of answering: drawn from the
 * questions of one version, read back with skip logic applied, checked
 * question by question.  Paper entry reads the same form with choices
 * typed as the numbers printed beside their boxes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "surveys.h"
#include "../limits.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/text.h"
#include "../util/view.h"

static const char *
kind_flag(enum question_kind k)
{
	static const char *const flags[QK__MAX] = { "is_single",
	    "is_multiple", "is_scale", "is_text", "is_number", "is_date" };

	return k < QK__MAX ? flags[k] : "is_text";
}

/* The value typed for position (a string, an array or NULL). */
static json_t *
typed_of(const json_t *typed, int64_t position)
{
	char	 key[24];

	snprintf(key, sizeof(key), "%lld", (long long)position);
	return json_object_get(typed, key);
}

static int
typed_has(const json_t *t, const char *value)
{
	json_t	*v;
	size_t	 i;

	if (json_is_string(t))
		return strcmp(json_string_value(t), value) == 0;
	json_array_foreach(t, i, v)
		if (strcmp(json_string_value(v), value) == 0)
			return 1;
	return 0;
}

/* Options of a choice or scale question: [{value, label, number, id,
 * checked}] with number the box's number on paper; the value is the
 * English choice, the label the reader's (survey_words.c). */
static json_t *
options_of(const json_t *q, const json_t *typed, int64_t pos,
    const char *lang)
{
	json_t	*opts = json_array(), *lines, *l;
	char	 id[48], num[24];
	size_t	 i;
	int64_t	 k;

	if (question_kind_of(view_str(q, "kind")) == QK_SCALE) {
		for (k = 1; k <= view_int(q, "scale_max"); k++) {
			snprintf(num, sizeof(num), "%lld", (long long)k);
			snprintf(id, sizeof(id), "q%lld-%lld", (long long)pos,
			    (long long)k);
			json_array_append_new(opts, json_pack("{s:s, s:s, s:I, "
			    "s:s, s:b}", "value", num, "label", num, "number",
			    (json_int_t)k, "id", id, "checked", typed_has(typed,
			    num)));
		}
		return opts;
	}
	lines = choices_lines(view_str(q, "choices"));
	json_array_foreach(lines, i, l) {
		snprintf(id, sizeof(id), "q%lld-%zu", (long long)pos, i + 1);
		json_array_append_new(opts, json_pack("{s:O, s:o, s:I, s:s, "
		    "s:b}", "value", l, "label", survey_choice_value(q, i, lang),
		    "number", (json_int_t)i + 1,
		    "id", id, "checked", typed_has(typed,
		    json_string_value(l))));
	}
	json_decref(lines);
	return opts;
}

json_t *
answer_form_view(const json_t *questions, const json_t *typed,
    const json_t *errors, const char *lang)
{
	json_t		*out = json_array(), *q, *v, *t;
	const char	*section = NULL;
	char		 name[24];
	size_t		 i;
	int64_t		 pos;
	int		 skips;
	enum question_kind k;

	json_array_foreach(questions, i, q) {
		pos = view_int(q, "position");
		k = question_kind_of(view_str(q, "kind"));
		t = typed_of(typed, pos);
		snprintf(name, sizeof(name), "q%lld", (long long)pos);
		v = json_pack("{s:I, s:s, s:o, s:o, s:b, s:b, s:s, s:o, "
		    "s:b}", "position", (json_int_t)pos, "name", name,
		    "prompt", survey_word_value(q, "prompt", lang), "section",
		    survey_word_value(q, "section", lang), "required",
		    view_int(q, "required"), kind_flag(k), 1, "value",
		    json_is_string(t) ? json_string_value(t) : "", "options",
		    options_of(q, t, pos, lang), "section_start",
		    section == NULL || strcmp(section, view_str(q,
		    "section")) != 0);
		json_object_set(v, "id", json_object_get(q, "id"));
		/* Its hint (choose all that apply, where a skip goes) and
		 * its error read with it, in the reader's words. */
		skips = json_is_string(json_object_get(q, "skip_answer"));
		json_object_set_new(v, "hint", json_boolean(k == QK_MULTIPLE ||
		    skips));
		fields_error_beside(v, name, k == QK_MULTIPLE || skips, errors);
		if (skips)
			json_object_set_new(v, "skip", json_pack("{s:o, s:O}",
			    "answer", survey_answer_value(q, view_str(q,
			    "skip_answer"), lang), "to",
			    json_object_get(q, "skip_to")));
		section = view_str(q, "section");
		json_array_append_new(out, v);
	}
	return out;
}

void
answer_form_names_box(json_t *view, const json_t *questions)
{
	const json_t	*q;
	size_t		 i;

	json_array_foreach(questions, i, q)
		if (question_kind_of(view_str(q, "kind")) == QK_TEXT) {
			json_object_set_new(view, "written_answers",
			    json_true());
			return;
		}
}

/* A choice typed on paper as its box number ("2"), or for several
 * answers numbers separated by spaces or commas ("1 3"): the labels.
 * Anything that is not a box number is kept as typed, to be refused. */
static json_t *
numbers_to_labels(const json_t *q, const char *typed)
{
	json_t		*lines = choices_lines(view_str(q, "choices"));
	json_t		*out = json_array();
	const char	*p = typed;
	char		*end;
	long		 n;

	while (*p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		n = strtol(p, &end, 10);
		if (end == p || n < 1 || (size_t)n > json_array_size(lines)) {
			json_array_append_new(out, json_string(p));
			break;
		}
		json_array_append(out, json_array_get(lines, n - 1));
		p = end;
	}
	json_decref(lines);
	return out;
}

/* What was typed for q: strings, or for paper choices the labels. */
static json_t *
values_typed(const json_t *q, const struct form *f, const char *name,
    int by_number)
{
	enum question_kind k = question_kind_of(view_str(q, "kind"));
	json_t		*vals = json_array();
	const char	*s;
	size_t		 n;

	for (n = 0; (s = form_get_nth(f, name, n)) != NULL; n++) {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			continue;
		if (by_number && (k == QK_SINGLE || k == QK_MULTIPLE)) {
			json_t *labels = numbers_to_labels(q, s);

			json_array_extend(vals, labels);
			json_decref(labels);
			continue;
		}
		json_array_append_new(vals, json_string(s));
		if (k != QK_MULTIPLE)
			break;
	}
	return vals;
}

/*
 * An error for question q that says which question it is, so the list
 * at the top of the page names it ("Question 3, ...: Answer this
 * question"), and links to its first box: the first choice, or the box
 * typed in (paper entry types choices too).
 */
static void
question_error_words(json_t *errors, const json_t *q, int by_number,
    const char *msgid, json_t *words)
{
	enum question_kind k = question_kind_of(view_str(q, "kind"));
	char		 name[24], href[40];
	long long	 pos = (long long)view_int(q, "position");

	snprintf(name, sizeof(name), "q%lld", pos);
	if (words != NULL) {
		json_object_set_new(words, "position", json_integer(pos));
		/* As the reader read it (answer_form_read). */
		json_object_set(words, "prompt", json_object_get(q,
		    "prompt_said") != NULL ? json_object_get(q, "prompt_said") :
		    json_object_get(q, "prompt"));
	}
	form_error_words(errors, name, msgid, words);
	snprintf(href, sizeof(href), !by_number && (k == QK_SINGLE ||
	    k == QK_MULTIPLE || k == QK_SCALE) ? "#q%lld-1" : "#q%lld-input",
	    pos);
	form_error_link(errors, href);
}

/* question_error_words for a problem that is a message of its own,
 * without values ("Answer this question"). */
static void
question_error(json_t *errors, const json_t *q, int by_number,
    const char *problem)
{
	question_error_words(errors, q, by_number, N_("Question {position}, "
	    "\u201c{prompt | t}\u201d: {problem | t}"), json_pack("{s:s}",
	    "problem", problem));
}

/*
 * Free text is read by coders and may be quoted in results: no names, as
 * everywhere members write (fields_names_check), but named by its
 * question like the answer's other errors.  1 when it added the error.
 */
static int
answer_names_someone(json_t *errors, const json_t *q, int by_number,
    const char *text, int confirmed)
{
	const char	*why;

	if (confirmed || text == NULL || (why = text_identifying(text)) ==
	    NULL)
		return 0;
	question_error_words(errors, q, by_number, N_("Question {position}, "
	    "\u201c{prompt | t}\u201d: The answer seems to contain {why | t}. "
	    "Rephrase it so no one can be identified, or tick \"My "
	    "written answers do not name anyone\" if it does not"),
	    json_pack("{s:s}",
	    "why", why));
	return 1;
}

int
answer_form_read(json_t *questions, const struct form *f, int by_number,
    json_t **answers, json_t **typed, json_t *errors, const char *lang)
{
	json_t		*q, *vals, *v;
	const char	*problem;
	char		 name[24], key[24], day[DATE_CHARS + 1];
	size_t		 i, j;
	int64_t		 pos;
	size_t		 before = json_array_size(errors);
	const char	*tick = form_get(f, "no_names");
	int		 confirmed = tick != NULL && *tick != '\0';

	*answers = json_array();
	*typed = json_object();
	json_array_foreach(questions, i, q) {
		json_object_set_new(q, "prompt_said", survey_word_value(q,
		    "prompt", lang));
		pos = view_int(q, "position");
		snprintf(name, sizeof(name), "q%lld", (long long)pos);
		snprintf(key, sizeof(key), "%lld", (long long)pos);
		vals = values_typed(q, f, name, by_number);
		if (question_kind_of(view_str(q, "kind")) == QK_MULTIPLE)
			json_object_set(*typed, key, vals);
		else if (json_array_size(vals) > 0)
			json_object_set(*typed, key, json_array_get(vals, 0));
		if (question_kind_of(view_str(q, "kind")) == QK_SINGLE &&
		    json_array_size(vals) > 1)
			question_error(errors, q, by_number,
			    N_("Choose only one answer"));
		json_decref(vals);
	}
	/* Skips follow the answers given, so a skipped question is neither
	 * required nor kept. */
	questions_reached(questions, *typed);
	json_array_foreach(questions, i, q) {
		if (!json_is_true(json_object_get(q, "reached")))
			continue;
		pos = view_int(q, "position");
		snprintf(name, sizeof(name), "q%lld", (long long)pos);
		vals = typed_of(*typed, pos);
		if (json_is_string(vals))
			vals = json_pack("[O]", vals);
		else if (vals != NULL)
			json_incref(vals);
		else
			vals = json_array();
		if (json_array_size(vals) == 0 && view_int(q, "required"))
			question_error(errors, q, by_number,
			    N_("Answer this question"));
		json_array_foreach(vals, j, v) {
			problem = answer_problem(q, json_string_value(v));
			/* A date typed as the day, month and year is kept
			 * in the stored form. */
			if (problem == NULL && question_kind_of(view_str(q,
			    "kind")) == QK_DATE && date_typed(
			    json_string_value(v), day)) {
				json_array_set_new(vals, j, json_string(day));
				v = json_array_get(vals, j);
			}
			if (problem != NULL) {
				question_error(errors, q, by_number, problem);
				break;
			}
			if (question_kind_of(view_str(q, "kind")) == QK_TEXT &&
			    answer_names_someone(errors, q, by_number,
			    json_string_value(v), confirmed))
				break;
			json_array_append_new(*answers, json_pack("{s:I, s:O}",
			    "question_id", (json_int_t)view_int(q, "id"),
			    "value", v));
		}
		json_decref(vals);
	}
	return json_array_size(errors) > before ? 1 : 0;
}

int64_t
response_site(const json_t *survey, const json_t *sites, const struct form *f,
    json_t *errors)
{
	int64_t	 site;

	if (!view_int(survey, "org_wide"))
		return view_int(survey, "site_id");
	site = survey_place_of(sites, form_get_id(f, "site"));
	if (site == 0) {
		form_error(errors, "site", N_("Choose the site you are at"));
		form_error_link(errors, "#site-input");
	}
	return site;
}

void
site_question_view(json_t *view, const json_t *survey, const json_t *sites,
    int64_t chosen, const json_t *errors)
{
	json_t	*list = json_array(), *s, *o;
	size_t	 i;

	json_array_foreach(sites, i, s) {
		o = json_copy(s);
		json_object_set_new(o, "selected", json_boolean(view_int(s,
		    "value") == chosen));
		json_array_append_new(list, o);
	}
	json_object_set_new(view, "org_wide", json_boolean(view_int(survey,
	    "org_wide")));
	json_object_set_new(view, "sites", list);
	if (fields_error_for(errors, "site") != NULL)
		json_object_set_new(view, "site_error", json_string(fields_error_for(
		    errors, "site")));
}
