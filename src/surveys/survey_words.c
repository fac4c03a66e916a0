/*
 * A survey's own words in its reader's language.  Whoever writes a
 * survey may give each of its texts in Welsh too (title_cy, prompt_cy,
 * choices_cy one line per choice...); a Welsh reader reads those, and
 * where none was written, the English, marked as English (a screen
 * reader then reads it in an English voice: the guess of
 * util/text_language.h cannot tell "Gym" or "Which ones?").  A question
 * from a tested set (an instrument) is worded by the catalogue instead,
 * as the templates' | t and the PDFs' catalogue_get do.
 *
 * Only what is shown changes: a choice is always answered, stored and
 * counted as its English line, its identity, so answers given in either
 * language count together.
 */
#include <stdio.h>
#include <string.h>

#include "surveys.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/* Whether field of row stands in English for a Welsh reader. */
static int
english_stands_in(const json_t *row, const char *field, const char *lang,
    const char **welsh)
{
	char	 name[32];

	*welsh = NULL;
	if (lang == NULL || strcmp(lang, "cy") != 0 ||
	    json_is_string(json_object_get(row, "instrument")) ||
	    *view_str(row, field) == '\0')
		return 0;
	snprintf(name, sizeof(name), "%s_cy", field);
	*welsh = view_str(row, name);
	if (**welsh != '\0')
		return 0;
	*welsh = NULL;
	return 1;
}

const char *
survey_word(const json_t *row, const char *field, const char *lang)
{
	const char	*welsh;

	english_stands_in(row, field, lang, &welsh);
	return welsh != NULL ? welsh : view_str(row, field);
}

json_t *
survey_said_in(const char *text, const char *lang)
{
	return json_pack("{s:s, s:s}", "text", text, "lang", lang);
}

json_t *
survey_word_value(const json_t *row, const char *field, const char *lang)
{
	const char	*welsh;

	if (english_stands_in(row, field, lang, &welsh))
		return survey_said_in(view_str(row, field), "en");
	return json_string(welsh != NULL ? welsh : view_str(row, field));
}

json_t *
survey_choice_value(const json_t *q, size_t i, const char *lang)
{
	json_t		*english = choices_lines(view_str(q, "choices"));
	json_t		*welsh, *out;
	const char	*e = json_string_value(json_array_get(english, i));

	if (e == NULL)
		e = "";
	if (lang == NULL || strcmp(lang, "cy") != 0 ||
	    json_is_string(json_object_get(q, "instrument"))) {
		out = json_string(e);
		json_decref(english);
		return out;
	}
	welsh = choices_lines(view_str(q, "choices_cy"));
	out = json_array_get(welsh, i) != NULL ?
	    json_incref(json_array_get(welsh, i)) : survey_said_in(e, "en");
	json_decref(welsh);
	json_decref(english);
	return out;
}

json_t *
survey_answer_value(const json_t *q, const char *answer, const char *lang)
{
	json_t	*english = choices_lines(view_str(q, "choices")), *l;
	size_t	 i;

	json_array_foreach(english, i, l)
		if (strcmp(json_string_value(l), answer) == 0) {
			json_decref(english);
			return survey_choice_value(q, i, lang);
		}
	json_decref(english);
	return json_string(answer);
}

int
survey_answer_said(struct buf *out, const json_t *q, const char *answer,
    const char *lang, const struct catalogue *words)
{
	json_t	*v = survey_answer_value(q, answer, lang);
	int	 rc;

	/* A group's own Welsh line passes the catalogue unchanged; an
	 * instrument's English one (and a group's unworded one) reads
	 * through it, as the results page's | t reads its labels. */
	rc = buf_puts(out, catalogue_get(words, survey_said_text(v)));
	json_decref(v);
	return rc;
}

json_t *
survey_view_words(const json_t *survey, const char *lang)
{
	static const char *const fields[] = { "consent", "intro", "title" };
	json_t	*copy = json_copy((json_t *)survey);
	size_t	 i;

	for (i = 0; copy != NULL && i < sizeof(fields) / sizeof(fields[0]);
	    i++)
		json_object_set_new(copy, fields[i], survey_word_value(survey,
		    fields[i], lang));
	return copy;
}

void
survey_words_in(json_t *rows, const char *field, const char *lang)
{
	json_t	*row;
	size_t	 i;

	json_array_foreach(rows, i, row)
		json_object_set_new(row, field, survey_word_value(row, field,
		    lang));
}

const char *
survey_said_text(const json_t *v)
{
	return json_is_string(v) ? json_string_value(v) :
	    view_str(v, "text");
}

const char *
survey_reader_lang(const struct request *rq)
{
	return rq->lang != NULL ? rq->lang->code : NULL;
}
