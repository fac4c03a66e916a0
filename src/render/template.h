/*
 * A small Mustache-style template engine over jansson values, escaping by
 * default.
 *
 *   {{name}}        the value, HTML-escaped (strings, numbers; null/false
 *                   print nothing); dotted names walk objects: {{site.name}}
 *   {{#name}}..{{/name}}  once per array element, once with an object
 *                   pushed, once for any other true value; skipped for
 *                   null, false, 0, "" and []
 *   {{^name}}..{{/name}}  only when the value is one of those
 *   {{#name?}}..{{/name?}} once, in the same context, when the value is
 *                   true: a table's headings drawn only when it has rows
 *   {{name | date}} an ISO date or timestamp in words, "4 November 2026"
 *                   (what members read), in the reader's language; other
 *                   values as {{name}}
 *   {{name | t}}    the value, a message in English (a title, a label
 *                   from C, marked there with N_()), in the reader's
 *                   language (util/catalogue.h)
 *   {{_ Some words}} the words in the reader's language; a {name} in
 *                   them is the value of name, escaped, where the
 *                   translation puts it
 *   {{_n count: {count} bid | {count} bids}} the words for a number, in
 *                   the form the value of count takes in the reader's
 *                   language (util/catalogue.h catalogue_nget; Welsh has
 *                   six: "2 gynnig"); a count hidden for being small takes
 *                   the form for most numbers
 *   {{#may POST /meetings/:id/publish}}..{{/may}}  only when the viewer
 *                   may use that route (the router is asked, through the
 *                   callback given to template_render_as); ":name" is the
 *                   value of name, an integer or a plain word.  Links and
 *                   buttons are wrapped in it so nobody is shown one the
 *                   route table would refuse them; with no callback (or a
 *                   value missing) the section is left out.
 *                   {{^may GET /sites/:id}}..{{/may}} is drawn instead
 *                   when the viewer may not (a name without its link)
 *   {{name | words}} the value, a message from C with {name}s in it (as
 *                   {{_ words}} has), in the reader's language, its {name}s
 *                   filled from the context: only for values set from C,
 *                   never for what a user typed
 *   {{name | picture}} the easy-read picture the value names, as {{% }}
 *   {{name | count}} a count that may be suppressed (util/suppression.h):
 *                   the number, or "fewer than 5" in the reader's language
 *   {{% vote}}      an easy-read picture (render/pictogram.h) as inline
 *                   SVG, named for screen readers in the reader's language
 *   {{> path}}      another template of the set, with the same context
 *   {{{name_html}}} unescaped: allowed only for names ending in "_html",
 *                   which handlers fill solely from a trusted renderer
 *                   (cmark in safe mode); the parser refuses any other.
 *                   Blocks: in a <div lang> when its text (tags left out)
 *                   reads as the other language than the page's
 *   {{! comment}}
 *
 * Everything is parsed once at start-up.  struct template_set owns every
 * template and node; template_set_free() releases them.
 */
#ifndef RT_TEMPLATE_H
#define RT_TEMPLATE_H

#include <jansson.h>
#include <stddef.h>

#include "../util/buf.h"

struct template;

struct template_set {
	struct template	**items;	/* owned */
	size_t		  n;
};

/* Parses one template.  NULL on a syntax error, described in err. */
struct template	*template_parse(const char *name, const char *src,
		    size_t len, char *err, size_t errsz);
void		 template_free(struct template *);

/* Adds a parsed template (the set takes ownership).  0 or -1. */
int		 template_set_add(struct template_set *, struct template *);
/* 1 when the set has a template called name, else 0. */
int		 template_exists(const struct template_set *, const char *name);
/* Checks that every partial named by every template exists.  0 or -1. */
int		 template_set_check(const struct template_set *,
		    char *err, size_t errsz);
void		 template_set_free(struct template_set *);
/* Loads every embedded template; strips ".html".  0 or -1 (on stderr). */
int		 template_set_load_embedded(struct template_set *);

/* May the viewer use method ("GET", "POST") on path?  1 or 0. */
typedef int	(*template_may_fn)(void *arg, const char *method,
		    const char *path);

/* Renders the template called name with view as the context.  0 or -1.
 * {{#may}} sections are drawn only when may (with may_arg) says 1;
 * template_render draws none of them. */
int		 template_render(const struct template_set *, const char *name,
		    json_t *view, struct buf *out);
int		 template_render_as(const struct template_set *,
		    const char *name, json_t *view, struct buf *out,
		    template_may_fn may, void *may_arg);
struct catalogue;
/* template_render_as in a language: words NULL is English. */
int		 template_render_in(const struct template_set *,
		    const char *name, json_t *view, struct buf *out,
		    template_may_fn may, void *may_arg,
		    const struct catalogue *words);
/* The message msgid (as {{_ msgid}} writes it, "Sent on {sent_on | date}")
 * in the language of words (NULL: English), each {name} the value of name
 * in view, as plain text: for a PDF, which says what a page would.  0 or
 * -1 (out is full). */
int		 template_words(const char *msgid, json_t *view,
		    const struct catalogue *words, struct buf *out);
/* template_words for a number: the form n takes of one / many (as
 * {{_n}} chooses, util/catalogue.h catalogue_nget). */
int		 template_words_n(const char *one, const char *many,
		    unsigned long n, json_t *view,
		    const struct catalogue *words, struct buf *out);
/* template_words as a string of its own, at most max bytes: the
 * caller's to free, or NULL when it could not be made. */
char		*template_words_dup(const char *msgid, json_t *view,
		    const struct catalogue *words, size_t max);
/* template_words set on obj as key, at most max bytes: the English of a
 * message a page words again in its reader's language, for the JSON.
 * 0, or -1 when it could not be made (obj unchanged). */
int		 template_words_set(json_t *obj, const char *key,
		    const char *msgid, json_t *view,
		    const struct catalogue *words, size_t max);

/* Appends s HTML-escaped.  0 or -1. */
int		 html_escape(struct buf *, const char *s, size_t len);

#endif
