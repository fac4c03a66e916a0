/*
 * How a value is shown in a page or a printed document: escaped, through
 * a filter ({{name | date}}, | time, | day, | day_after_preposition, | t,
 * | words, | picture, | count, | number, | size), or as
 * a message in the reader's language with its {name}s filled.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pictogram.h"
#include "template.h"
#include "template_render.h"
#include "../util/bytes_words.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/decimal.h"
#include "../util/suppression.h"
#include "../util/text_language.h"
#include "../util/uk_time.h"

static const char *const tfilter_names[TF__MAX] = { "", "date", "t",
	"words", "picture", "count", "number", "time", "size", "day",
	"day_after_preposition" };


/* Splits "name | filter" at the bar: *len becomes the name's length and
 * *filter the filter's.  0 when the filter is not one of tfilter_names. */
int
template_filter_split(const char *nm, size_t *len, enum tfilter *filter)
{
	const char	*bar = memchr(nm, '|', *len), *f, *end = nm + *len;
	int		 i;

	*filter = TF_NONE;
	if (bar == NULL)
		return 1;
	for (f = bar + 1; f < end && isspace((unsigned char)*f); f++)
		;
	for (*len = (size_t)(bar - nm); *len > 0 &&
	    isspace((unsigned char)nm[*len - 1]); (*len)--)
		;
	for (i = TF_NONE + 1; i < TF__MAX; i++)
		if ((size_t)(end - f) == strlen(tfilter_names[i]) &&
		    memcmp(f, tfilter_names[i], (size_t)(end - f)) == 0) {
			*filter = (enum tfilter)i;
			return 1;
		}
	return 0;
}

int
html_escape(struct buf *b, const char *s, size_t len)
{
	const char	*run = s, *end = s + len, *rep;
	int		 rc = 0;

	for (; s < end && rc == 0; s++) {
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		rc = buf_add(b, run, (size_t)(s - run));
		if (rc == 0)
			rc = buf_puts(b, rep);
		run = s + 1;
	}
	if (rc == 0)
		rc = buf_add(b, run, (size_t)(end - run));
	return rc;
}

json_t *
template_lookup(const struct render *r, const char *name, size_t len)
{
	const char	*dot, *end = name + len;
	json_t		*v = NULL;
	int		 i;
	size_t		 seg;

	if (len == 1 && name[0] == '.')
		return r->stack[r->depth - 1];
	dot = memchr(name, '.', len);
	seg = dot ? (size_t)(dot - name) : len;
	for (i = r->depth - 1; i >= 0 && v == NULL; i--)
		if (json_is_object(r->stack[i]))
			v = json_object_getn(r->stack[i], name, seg);
	while (v != NULL && dot != NULL) {
		name = dot + 1;
		dot = memchr(name, '.', (size_t)(end - name));
		seg = dot ? (size_t)(dot - name) : (size_t)(end - name);
		v = json_is_object(v) ? json_object_getn(v, name, seg) : NULL;
	}
	return v;
}

static int
put_value(struct buf *out, const json_t *v, int escape)
{
	if (v == NULL)
		return 0;
	switch (json_typeof(v)) {
	case JSON_STRING:
		return escape ?
		    html_escape(out, json_string_value(v), json_string_length(v)) :
		    buf_add(out, json_string_value(v), json_string_length(v));
	case JSON_INTEGER:
		return buf_add_int(out, json_integer_value(v));
	case JSON_REAL:
		return buf_printf(out, "%g", json_real_value(v));
	default:
		return 0;
	}
}

static int
put_text(const struct render *r, const char *s, int escape)
{
	return escape ? html_escape(r->out, s, strlen(s)) : buf_puts(r->out, s);
}

/* Whether what is written next stands in an element's text, where a
 * <span> may go: not inside a tag, nor in an element that holds only
 * text (a title, an option, a text box, a script). */
static int
in_element_text(const struct buf *out)
{
	static const char *const text_only[] = { "option", "textarea",
	    "script", "style", "title" };
	const char	*start = out->data, *p;
	size_t		 i, n;

	if (start == NULL)
		return 0;
	for (p = start + out->len; p > start && p[-1] != '<' && p[-1] != '>';
	    p--)
		;
	if (p == start || p[-1] == '<')
		return 0;
	/* After a tag: the last one opened, unless it closed something. */
	while (p > start && p[-1] != '<')
		p--;
	if (p == start || *p == '/')
		return 1;
	for (i = 0; i < sizeof(text_only) / sizeof(text_only[0]); i++) {
		n = strlen(text_only[i]);
		if (strncmp(p, text_only[i], n) == 0 && !isalnum((unsigned char)
		    p[n]))
			return 0;
	}
	return 1;
}

/*
 * The text of formatted text (markdown.c's HTML, a chart's SVG) for the
 * language guess: its tags left out, as a reader hears it, and a
 * character reference ("&amp;") a space, but for an apostrophe's, which
 * stays inside its word ("sy&#39;n").  cmark ends each block with a
 * newline, so blocks stay apart.  Only the first TEXT_LANGUAGE_WORDS_READ
 * words are taken, all the guess reads: a long charter is not walked to
 * its end on every page it is on.  The length put in text.
 */
static size_t
formatted_words(const char *html, size_t len, char *text, size_t size)
{
	const char	*end = html + len, *close;
	size_t		 n = 0;
	int		 words = 0, in_word = 0, letter;

	while (html < end && n + 1 < size) {
		if (*html == '<' || *html == '&') {
			close = memchr(html, *html == '<' ? '>' : ';',
			    (size_t)(end - html));
			if (close == NULL)
				break;
			if (*html == '&') {
				text[n++] = strncmp(html, "&#39;", 5) == 0 ||
				    strncmp(html, "&apos;", 6) == 0 ? '\'' : ' ';
				in_word = in_word && text[n - 1] == '\'';
			}
			html = close + 1;
			continue;
		}
		letter = isalpha((unsigned char)*html) ||
		    (unsigned char)*html >= 0x80;
		if (letter && !in_word && ++words > TEXT_LANGUAGE_WORDS_READ)
			break;
		in_word = letter;
		text[n++] = *html++;
	}
	text[n] = '\0';
	return n;
}

/* The language to mark a value with, as its text is guessed
 * (util/text_language.h), when it is not the page's; else NULL.  The
 * cheap questions first (is the page's language known, is this an
 * element's text), the guess last: it reads every word. */
static const char *
language_apart(const struct render *r, const json_t *v, int formatted)
{
	char		 text[TEXT_LANGUAGE_FORMATTED_BYTES];
	const char	*page, *said, *s = json_string_value(v);
	size_t		 len = json_string_length(v);

	page = json_string_value(template_lookup(r, "page.lang", 9));
	if (page == NULL || !in_element_text(r->out))
		return NULL;
	if (formatted) {
		len = formatted_words(s, len, text, sizeof(text));
		s = text;
	}
	said = text_language_guess(s, len);
	return said != NULL && strcmp(said, page) != 0 ? said : NULL;
}

/* A text people wrote, marked with its language when it is not the
 * page's: a screen reader then reads it in the right voice.  A plain
 * value (a name, a log) is escaped and marked inline, a <span>; formatted
 * text (a value named *_html: markdown.c's blocks, a chart) is shown as
 * it is, in a <div>, as blocks are. */
static int
put_said(const struct render *r, const json_t *v, int formatted)
{
	const char	*said = language_apart(r, v, formatted);
	const char	*element = formatted ? "div" : "span";
	int		 rc;

	if (said == NULL)
		return put_value(r->out, v, !formatted);
	rc = buf_printf(r->out, "<%s lang=\"%s\">", element, said);
	if (rc == 0)
		rc = put_value(r->out, v, !formatted);
	if (rc == 0)
		rc = buf_printf(r->out, "</%s>", element);
	return rc;
}

/*
 * A text whose language is known ({"text": ..., "lang": "en"}: the
 * English of a survey standing in where no Welsh was written,
 * surveys/survey_words.c), marked when it is not the page's language.
 * No guess: "Gym" is English because it was written as the English; a
 * text the catalogue has is worded by it, as | t words it.  In
 * an attribute or plain text it is only the text: an aria-label cannot
 * carry a language, so those are worded from the reader's version.
 */
static int
put_in_language(const struct render *r, const json_t *v, int escape)
{
	const json_t	*text = json_object_get(v, "text");
	const char	*lang = json_string_value(json_object_get(v, "lang"));
	const char	*page, *said;
	int		 rc;

	/* A text the catalogue has ("Yes") reads in the page's language,
	 * as | t has always shown it. */
	said = catalogue_get(r->words, json_string_value(text));
	if (said != json_string_value(text))
		return put_text(r, said, escape);
	page = json_string_value(template_lookup(r, "page.lang", 9));
	if (!escape || r->plain || page == NULL || strcmp(page, lang) == 0 ||
	    !in_element_text(r->out))
		return put_value(r->out, text, escape);
	rc = buf_printf(r->out, "<span lang=\"%s\">", lang);
	if (rc == 0)
		rc = put_value(r->out, text, escape);
	if (rc == 0)
		rc = buf_puts(r->out, "</span>");
	return rc;
}

/*
 * A value in parts ({"parts": [...]}): a text people wrote beside our
 * words, each marked with its own language ("Paint the room" in English,
 * "(60% wedi'i wneud)" in the page's).  A part is a string, shown as
 * people wrote it, or an object with a msgid, worded with the object's
 * values.  Any other object or array shows nothing, as before: a list
 * drawn by mistake is not spilled into the page.
 */
static int
put_parts(const struct render *r, const json_t *parts, int escape)
{
	struct render	 part_render = *r;
	const json_t	*part;
	const char	*msgid;
	size_t		 i;
	int		 rc = 0;

	json_array_foreach(json_object_get(parts, "parts"), i, part) {
		msgid = json_string_value(json_object_get(part, "msgid"));
		if (msgid == NULL) {
			rc = template_put(r, part, escape, TF_NONE);
		} else if (part_render.depth < TEMPLATE_STACK_MAX) {
			part_render.stack[part_render.depth++] = (json_t *)part;
			rc = template_message(&part_render, msgid);
			part_render.depth--;
		}
		if (rc != 0)
			break;
	}
	return rc;
}

/*
 * A day with its weekday: an instant (unix seconds) or a stored timestamp
 * with its UK clock time ("Saturday 5 December 2026, 14:00"), a date
 * without; the weekday in the form the filter names (uk_day_form).  Any
 * other value as it is.
 */
static int
put_day(const struct render *r, const json_t *v, enum uk_day_form form,
    int escape)
{
	char		 words[UK_DAY_WORDS_CHARS + 1];
	int64_t		 t;
	const char	*s = json_string_value(v);

	if (json_is_integer(v) || (s != NULL && datetime_instant(s, &t))) {
		uk_words_as(json_is_integer(v) ? (int64_t)json_integer_value(v) :
		    t, form, r->words, words, sizeof(words));
		return put_text(r, words, escape);
	}
	if (s != NULL && date_valid(s)) {
		uk_day_words_as(s, form, r->words, words, sizeof(words));
		return put_text(r, words, escape);
	}
	return put_value(r->out, v, escape);
}

/* A date filter shows an ISO date or timestamp in words in the reader's
 * language ("4 November 2026", "4 Tachwedd 2026"); a time filter, a
 * stored timestamp with its UK clock time too ("4 Tachwedd 2026 am
 * 14:05"); a day filter, a date with its weekday (put_day); a size filter, a count of bytes as "14 KB"; a translate filter, a
 * message (a title, a label) in it; a words filter, a message with
 * {name}s, filled; a picture filter, the picture named; a count filter,
 * a count that may be suppressed ("fewer than 5", "llai na 5"); a number
 * filter, a decimal without the zeros that say nothing ("4.00000" is
 * "4": util/decimal.h); a value in parts, each part (put_parts); any
 * other value as it is. */
int
template_put(const struct render *r, const json_t *v, int escape,
    enum tfilter filter)
{
	char		 words[UK_STAMP_WORDS_CHARS + 1];
	const char	*s;

	if (json_is_string(json_object_get(v, "text")) &&
	    json_is_string(json_object_get(v, "lang")))
		return put_in_language(r, v, escape);
	if (filter == TF_DATE && json_is_string(v) && (s = date_words_in(
	    json_string_value(v), words, r->words)) == words)
		return buf_puts(r->out, s);
	if (filter == TF_TIME && json_is_string(v))
		return put_text(r, uk_stamp_words(json_string_value(v), r->words,
		    words), escape);
	if (filter == TF_DAY || filter == TF_DAY_AFTER_PREPOSITION)
		return put_day(r, v, filter == TF_DAY ? UK_DAY_ALONE :
		    UK_DAY_AFTER_PREPOSITION, escape);
	if (filter == TF_SIZE && json_is_integer(v))
		return put_text(r, bytes_words(json_integer_value(v), r->words,
		    words), escape);
	if (filter == TF_WORDS && json_is_string(v))
		return template_message(r, json_string_value(v));
	if (filter == TF_PICTURE && json_is_string(v)) {
		const struct pictogram *p = pictogram_find(json_string_value(v),
		    json_string_length(v));

		return p == NULL ? 0 : pictogram_svg(p, NULL, r->out);
	}
	if (filter == TF_COUNT && (json_is_string(v) || json_is_integer(v)))
		return put_text(r, suppressed_words(v, r->words, words,
		    sizeof(words)), escape);
	if (filter == TF_NUMBER && json_is_string(v))
		return put_text(r, decimal_words(json_string_value(v), words,
		    sizeof(words)), escape);
	/* A text the catalogue does not have (a question someone wrote) is
	 * theirs, shown as they wrote it: marked with its language too. */
	if (filter == TF_TRANSLATE && json_is_string(v)) {
		s = catalogue_get(r->words, json_string_value(v));
		if (s == json_string_value(v) && escape && !r->plain)
			return put_said(r, v, 0);
		return put_text(r, s, escape);
	}
	if (filter == TF_NONE && json_is_array(json_object_get(v, "parts")))
		return put_parts(r, v, escape);
	if (filter == TF_NONE && !r->plain && json_is_string(v))
		return put_said(r, v, !escape);
	return put_value(r->out, v, escape);
}

int
template_message(const struct render *r, const char *msgid)
{
	return template_fill(r, catalogue_get(r->words, msgid));
}

/* Words already in the reader's language, each {name} in them the value
 * of name; all escaped, unless the render is plain text. */
int
template_fill(const struct render *r, const char *words)
{
	const char	*s, *brace, *close;
	size_t		 len;
	enum tfilter	 filter;
	int		 rc = 0;

	for (s = words; rc == 0 && *s != '\0'; s = close + 1) {
		if ((brace = strchr(s, '{')) == NULL ||
		    (close = strchr(brace, '}')) == NULL)
			return r->plain ? buf_puts(r->out, s) :
			    html_escape(r->out, s, strlen(s));
		rc = r->plain ? buf_add(r->out, s, (size_t)(brace - s)) :
		    html_escape(r->out, s, (size_t)(brace - s));
		len = (size_t)(close - brace - 1);
		/* A translation may carry a {name} the English lacks: it
		 * prints nothing rather than fail the page. */
		if (rc == 0 && template_filter_split(brace + 1, &len, &filter))
			rc = template_put(r, template_lookup(r, brace + 1, len),
			    !r->plain, filter);
	}
	return rc;
}

/* said (words in the reader's language) filled from view, plain. */
static int
words_filled(const char *said, json_t *view, const struct catalogue *words,
    struct buf *out)
{
	struct render	 r;

	memset(&r, 0, sizeof(r));
	r.out = out;
	r.words = words;
	r.plain = 1;
	r.stack[r.depth++] = view;
	return template_fill(&r, said);
}

int
template_words(const char *msgid, json_t *view, const struct catalogue *words,
    struct buf *out)
{
	return words_filled(catalogue_get(words, msgid), view, words, out);
}

int
template_words_n(const char *one, const char *many, unsigned long n,
    json_t *view, const struct catalogue *words, struct buf *out)
{
	return words_filled(catalogue_nget(words, one, many, n), view, words,
	    out);
}

char *
template_words_dup(const char *msgid, json_t *view,
    const struct catalogue *words, size_t max)
{
	struct buf	 said;
	char		*s = NULL;

	buf_init(&said, max);
	if (template_words(msgid, view, words, &said) == 0)
		s = buf_detach(&said, NULL);
	buf_release(&said);
	return s;
}

int
template_words_set(json_t *obj, const char *key, const char *msgid,
    json_t *view, const struct catalogue *words, size_t max)
{
	char	*s = template_words_dup(msgid, view, words, max);
	int	 rc;

	/* A string cut mid-character will not pack: the key stays unset. */
	rc = s != NULL ? json_object_set_new(obj, key, json_string(s)) : -1;
	free(s);
	return rc;
}
