#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pictogram.h"
#include "template.h"
#include "template_render.h"
#include "../embedded.h"
#include "../limits.h"
#include "../util/catalogue.h"
#include "../util/date.h"


enum tnode_type { TN_TEXT, TN_VAR, TN_RAW, TN_SECTION, TN_INVERTED, TN_PARTIAL,
	TN_MAY, TN_MAY_NOT, TN_WORDS, TN_PLURAL, TN_PICTURE };

/* {{#may METHOD /path/:name}}: the word that opens and closes it. */
#define MAY_WORD	"may"

/*
 * Is "METHOD /path" a route question the engine can ask?  The method is
 * GET or POST; the path is "/" then letters, digits, "/", "_", "-", "."
 * and ":name" parts filled from the context when rendering.
 */
static int
may_valid(const char *s, size_t len)
{
	size_t	 i, m;

	if (len > 4 && memcmp(s, "GET ", 4) == 0)
		m = 4;
	else if (len > 5 && memcmp(s, "POST ", 5) == 0)
		m = 5;
	else
		return 0;
	if (s[m] != '/' || len > TEMPLATE_NAME_MAX)
		return 0;
	for (i = m; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && strchr("/_-.:", s[i]) == NULL)
			return 0;
	return 1;
}


/* A parse-tree node.  Owned by its parent (child list) or its template. */
struct tnode {
	enum tnode_type	 type;
	char		*text;	/* owned: literal text or the tag's name */
	size_t		 len;
	struct tnode	*child;	/* owned: first node of a section */
	struct tnode	*next;	/* owned: next sibling */
	enum tfilter	 filter;	/* TN_VAR: how the value is shown */
	const struct pictogram *picture;	/* TN_PICTURE: static */
};

struct template {
	char		*name;	/* owned */
	struct tnode	*root;	/* owned */
};

static void
tnode_free(struct tnode *n)
{
	struct tnode	*next;

	for (; n != NULL; n = next) {
		next = n->next;
		tnode_free(n->child);
		free(n->text);
		free(n);
	}
}

void
template_free(struct template *t)
{
	if (t == NULL)
		return;
	tnode_free(t->root);
	free(t->name);
	free(t);
}

static struct tnode *
tnode_new(enum tnode_type type, const char *text, size_t len)
{
	struct tnode	*n;

	if ((n = calloc(1, sizeof(*n))) == NULL)
		return NULL;
	/* Copied by length: a NUL inside template text is kept as it is. */
	if ((n->text = malloc(len + 1)) == NULL) {
		free(n);
		return NULL;
	}
	memcpy(n->text, text, len);
	n->text[len] = '\0';
	n->type = type;
	n->len = len;
	return n;
}

static int
name_valid(const char *s, size_t len)
{
	size_t	 i;

	if (len == 0 || len > TEMPLATE_NAME_MAX)
		return 0;
	if (len == 1 && s[0] == '.')
		return 1;
	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' &&
		    s[i] != '.' && s[i] != '/' && s[i] != '-' &&
		    (s[i] != '?' || i + 1 != len || len == 1))
			return 0;
	return 1;
}

static int
raw_name_allowed(const char *s, size_t len)
{
	return len > 5 && memcmp(s + len - 5, "_html", 5) == 0;
}

/* Where {{_ words}} ends: the first "}}" outside a {name}, so that words
 * may end with one ("Welcome, {name}}}").  NULL when it does not. */
static const char *
words_close(const char *p, const char *end)
{
	int	 open = 0;

	for (; p + 1 < end; p++) {
		if (*p == '{')
			open = 1;
		else if (*p == '}' && open)
			open = 0;
		else if (*p == '}' && p[1] == '}')
			return p;
	}
	return NULL;
}

/* s[0..len) with the spaces around it cut off. */
static const char *
trimmed(const char *s, size_t *len)
{
	while (*len > 0 && isspace((unsigned char)*s)) {
		s++;
		(*len)--;
	}
	while (*len > 0 && isspace((unsigned char)s[*len - 1]))
		(*len)--;
	return s;
}

/*
 * Are p[0..len) words for the catalogue?  Not none, not too long, and
 * each {name} in them (a name, perhaps with a filter) a valid one, so
 * that a translation can move it.
 */
static int
words_valid(const char *p, size_t len)
{
	const char	*e, *end;

	if (len == 0 || len > TEMPLATE_WORDS_MAX)
		return 0;
	for (end = p + len, e = p; (e = memchr(e, '{', (size_t)(end - e)))
	    != NULL; e++) {
		const char	*c = memchr(e, '}', (size_t)(end - e));
		size_t		 nlen;
		enum tfilter	 filter;

		if (c == NULL)
			return 0;
		nlen = (size_t)(c - e - 1);
		if (!template_filter_split(e + 1, &nlen, &filter) ||
		    !name_valid(e + 1, nlen))
			return 0;
	}
	return 1;
}

/*
 * {{_ words}}: the English text, trimmed, is the message looked up in the
 * request's catalogue, its {name}s filled.  NULL on bad words (see
 * words_valid) or no memory.
 */
static struct tnode *
words_node(const char *p, size_t len)
{
	p = trimmed(p, &len);
	return words_valid(p, len) ? tnode_new(TN_WORDS, p, len) : NULL;
}

/*
 * {{_n count: {count} bid | {count} bids}}: the words for a number, the
 * form its value takes in the reader's language (English has two, Welsh
 * six: "1 cynnig", "2 gynnig", "3 chynnig").  The node's text is
 * "count\0one\0many", so render_plural finds each part.  NULL on a bad
 * name or forms, or no memory.
 */
static struct tnode *
plural_node(const char *p, size_t len)
{
	const char	*end = p + len, *colon, *one, *many, *e;
	size_t		 nlen, olen, mlen;
	struct tnode	*n;
	int		 open = 0;

	if ((colon = memchr(p, ':', len)) == NULL)
		return NULL;
	nlen = (size_t)(colon - p);
	p = trimmed(p, &nlen);
	/* The bar between the forms: the first outside a {name | filter}. */
	for (e = colon + 1; e < end && (*e != '|' || open); e++)
		open = *e == '{' ? 1 : *e == '}' ? 0 : open;
	if (!name_valid(p, nlen) || e == end)
		return NULL;
	olen = (size_t)(e - colon - 1);
	one = trimmed(colon + 1, &olen);
	mlen = (size_t)(end - e - 1);
	many = trimmed(e + 1, &mlen);
	/* Made from the tag's own bytes (no longer than the parts and their
	 * separators), then each part laid in its place. */
	if (!words_valid(one, olen) || !words_valid(many, mlen) ||
	    (n = tnode_new(TN_PLURAL, p, nlen + 1 + olen + 1 + mlen)) == NULL)
		return NULL;
	n->text[nlen] = '\0';
	memcpy(n->text + nlen + 1, one, olen);
	n->text[nlen + 1 + olen] = '\0';
	memcpy(n->text + nlen + 1 + olen + 1, many, mlen);
	return n;
}

/*
 * Builds the tree with an explicit stack of open sections; tails[d] is
 * where the next node at depth d is linked.
 */
struct template *
template_parse(const char *name, const char *src, size_t len, char *err,
    size_t errsz)
{
	struct template	*t;
	struct tnode	**tails[TEMPLATE_DEPTH_MAX + 1];
	struct tnode	*open[TEMPLATE_DEPTH_MAX + 1];
	struct tnode	*n;
	const char	*p = src, *end = src + len, *tag, *close, *nm;
	size_t		 nlen, line = 1;
	int		 depth = 0, raw;
	enum tnode_type	 type;
	enum tfilter	 filter = TF_NONE;

	if ((t = calloc(1, sizeof(*t))) == NULL ||
	    (t->name = strdup(name)) == NULL) {
		snprintf(err, errsz, "out of memory");
		free(t);
		return NULL;
	}
	tails[0] = &t->root;
	while (p < end) {
		tag = memmem(p, (size_t)(end - p), "{{", 2);
		if (tag == NULL)
			tag = end;
		if (tag > p) {
			if ((n = tnode_new(TN_TEXT, p, (size_t)(tag - p))) == NULL)
				goto oom;
			*tails[depth] = n;
			tails[depth] = &n->next;
			for (; p < tag; p++)
				line += *p == '\n';
		}
		if (tag == end)
			break;
		raw = tag + 2 < end && tag[2] == '{';
		nm = tag + (raw ? 3 : 2);
		close = !raw && nm + 1 < end && nm[0] == '_' ? words_close(nm, end) :
		    memmem(nm, (size_t)(end - nm), raw ? "}}}" : "}}", raw ? 3 : 2);
		if (close == NULL) {
			snprintf(err, errsz, "%s:%zu: unclosed tag", name, line);
			goto fail;
		}
		p = close + (raw ? 3 : 2);
		type = raw ? TN_RAW : TN_VAR;
		if (!raw && nm + 2 < close && nm[0] == '_' && nm[1] == 'n' &&
		    isspace((unsigned char)nm[2])) {
			if ((n = plural_node(nm + 2, (size_t)(close - nm - 2)))
			    == NULL) {
				snprintf(err, errsz, "%s:%zu: a count's words "
				    "need \"name: one | many\"", name, line);
				goto fail;
			}
			*tails[depth] = n;
			tails[depth] = &n->next;
			continue;
		}
		if (!raw && nm + 1 < close && nm[0] == '_' &&
		    isspace((unsigned char)nm[1])) {
			if ((n = words_node(nm + 1, (size_t)(close - nm - 1)))
			    == NULL) {
				snprintf(err, errsz, "%s:%zu: words with a bad "
				    "{name} or none", name, line);
				goto fail;
			}
			*tails[depth] = n;
			tails[depth] = &n->next;
			continue;
		}
		if (!raw && strchr("#^/>!%", *nm) != NULL) {
			switch (*nm) {
			case '#': type = TN_SECTION; break;
			case '^': type = TN_INVERTED; break;
			case '>': type = TN_PARTIAL; break;
			case '%': type = TN_PICTURE; break;
			case '!': continue;
			default: type = TN_TEXT; break;	/* '/' closes */
			}
			nm++;
		}
		while (nm < close && isspace((unsigned char)*nm))
			nm++;
		nlen = (size_t)(close - nm);
		while (nlen > 0 && isspace((unsigned char)nm[nlen - 1]))
			nlen--;
		if ((type == TN_SECTION || type == TN_INVERTED) &&
		    nlen > sizeof(MAY_WORD) &&
		    memcmp(nm, MAY_WORD " ", sizeof(MAY_WORD)) == 0) {
			nm += sizeof(MAY_WORD);
			nlen -= sizeof(MAY_WORD);
			if (!may_valid(nm, nlen)) {
				snprintf(err, errsz, "%s:%zu: bad route in may",
				    name, line);
				goto fail;
			}
			type = type == TN_SECTION ? TN_MAY : TN_MAY_NOT;
		}
		if (type == TN_PICTURE && pictogram_find(nm, nlen) == NULL) {
			snprintf(err, errsz, "%s:%zu: no such picture", name,
			    line);
			goto fail;
		}
		if (type == TN_VAR && !template_filter_split(nm, &nlen, &filter)) {
			snprintf(err, errsz, "%s:%zu: unknown filter", name,
			    line);
			goto fail;
		}
		if (type != TN_MAY && type != TN_MAY_NOT && !name_valid(nm, nlen)) {
			snprintf(err, errsz, "%s:%zu: bad tag name", name, line);
			goto fail;
		}
		if (type == TN_RAW && !raw_name_allowed(nm, nlen)) {
			snprintf(err, errsz, "%s:%zu: unescaped output is only "
			    "for names ending in _html", name, line);
			goto fail;
		}
		if (type == TN_TEXT) {	/* a closing tag */
			if (depth == 0 || (open[depth]->type == TN_MAY ||
			    open[depth]->type == TN_MAY_NOT ?
			    nlen != strlen(MAY_WORD) ||
			    memcmp(nm, MAY_WORD, nlen) != 0 :
			    open[depth]->len != nlen ||
			    memcmp(open[depth]->text, nm, nlen) != 0)) {
				snprintf(err, errsz, "%s:%zu: unexpected "
				    "closing tag", name, line);
				goto fail;
			}
			depth--;
			continue;
		}
		if ((n = tnode_new(type, nm, nlen)) == NULL)
			goto oom;
		n->filter = type == TN_VAR ? filter : TF_NONE;
		if (type == TN_PICTURE)
			n->picture = pictogram_find(nm, nlen);
		*tails[depth] = n;
		tails[depth] = &n->next;
		if (type == TN_SECTION || type == TN_INVERTED ||
		    type == TN_MAY || type == TN_MAY_NOT) {
			if (depth == TEMPLATE_DEPTH_MAX) {
				snprintf(err, errsz, "%s:%zu: sections nested "
				    "too deep", name, line);
				goto fail;
			}
			open[++depth] = n;
			tails[depth] = &n->child;
		}
	}
	if (depth != 0) {
		snprintf(err, errsz, "%s: section \"%s\" is not closed",
		    name, open[depth]->text);
		goto fail;
	}
	return t;
oom:
	snprintf(err, errsz, "out of memory");
fail:
	template_free(t);
	return NULL;
}

int
template_set_add(struct template_set *set, struct template *t)
{
	struct template	**p;

	p = realloc(set->items, (set->n + 1) * sizeof(*p));
	if (p == NULL)
		return -1;
	set->items = p;
	set->items[set->n++] = t;
	return 0;
}

void
template_set_free(struct template_set *set)
{
	size_t	 i;

	for (i = 0; i < set->n; i++)
		template_free(set->items[i]);
	free(set->items);
	set->items = NULL;
	set->n = 0;
}

static const struct template *
template_find(const struct template_set *set, const char *name, size_t len)
{
	size_t	 i;

	for (i = 0; i < set->n; i++)
		if (strlen(set->items[i]->name) == len &&
		    memcmp(set->items[i]->name, name, len) == 0)
			return set->items[i];
	return NULL;
}

int
template_exists(const struct template_set *set, const char *name)
{
	return template_find(set, name, strlen(name)) != NULL;
}

static int
partials_check(const struct template_set *set, const struct template *t,
    const struct tnode *n, char *err, size_t errsz)
{
	for (; n != NULL; n = n->next) {
		if (n->type == TN_PARTIAL &&
		    template_find(set, n->text, n->len) == NULL) {
			snprintf(err, errsz, "%s: no template \"%s\"",
			    t->name, n->text);
			return -1;
		}
		if (partials_check(set, t, n->child, err, errsz) == -1)
			return -1;
	}
	return 0;
}

int
template_set_check(const struct template_set *set, char *err, size_t errsz)
{
	size_t	 i;

	for (i = 0; i < set->n; i++)
		if (partials_check(set, set->items[i], set->items[i]->root,
		    err, errsz) == -1)
			return -1;
	return 0;
}

int
template_set_load_embedded(struct template_set *set)
{
	const struct embedded_file *f;
	struct template	*t;
	char		 err[256], name[256];
	size_t		 n;

	for (f = embedded_templates; f->name != NULL; f++) {
		n = strlen(f->name);
		if (n > 5 && strcmp(f->name + n - 5, ".html") == 0)
			n -= 5;
		snprintf(name, sizeof(name), "%.*s", (int)n, f->name);
		t = template_parse(name, (const char *)f->data, f->len,
		    err, sizeof(err));
		if (t == NULL || template_set_add(set, t) == -1) {
			fprintf(stderr, "template %s\n", t ? "out of memory" : err);
			template_free(t);
			return -1;
		}
	}
	if (template_set_check(set, err, sizeof(err)) == -1) {
		fprintf(stderr, "template %s\n", err);
		return -1;
	}
	return 0;
}

static int
truthy(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_ARRAY:
		return json_array_size(v) > 0;
	case JSON_STRING:
		return json_string_length(v) > 0;
	case JSON_INTEGER:
		return json_integer_value(v) != 0;
	case JSON_REAL:
		return json_real_value(v) != 0.0;
	case JSON_TRUE:
	case JSON_OBJECT:
		return 1;
	default:
		return 0;
	}
}

static int
render_words(const struct render *r, const struct tnode *n)
{
	char		 msgid[TEMPLATE_WORDS_MAX + 1];

	if (n->len > TEMPLATE_WORDS_MAX)
		return -1;
	memcpy(msgid, n->text, n->len);
	msgid[n->len] = '\0';
	return template_message(r, msgid);
}

/*
 * The number a count's words are for: the value when it is a whole number
 * (or a string of digits).  A count hidden for being small ("fewer than
 * 5") or missing is no number: PLURAL_NOT_A_COUNT takes the form a
 * language uses for most numbers, which reads right beside "fewer than".
 */
#define PLURAL_NOT_A_COUNT	100

static unsigned long
plural_count(const json_t *v)
{
	const char	*s;

	if (json_is_integer(v) && json_integer_value(v) >= 0)
		return (unsigned long)json_integer_value(v);
	if (!json_is_string(v) || json_string_length(v) == 0 ||
	    json_string_length(v) > 9)
		return PLURAL_NOT_A_COUNT;
	for (s = json_string_value(v); *s != '\0'; s++)
		if (!isdigit((unsigned char)*s))
			return PLURAL_NOT_A_COUNT;
	return strtoul(json_string_value(v), NULL, 10);
}

static int
render_plural(const struct render *r, const struct tnode *n)
{
	const char	*one = n->text + strlen(n->text) + 1;
	const char	*many = one + strlen(one) + 1;

	return template_fill(r, catalogue_nget(r->words, one, many,
	    plural_count(template_lookup(r, n->text, strlen(n->text)))));
}

static int render_nodes(struct render *, const struct tnode *);

static int
render_pushed(struct render *r, json_t *ctx, const struct tnode *body)
{
	int	 rc;

	if (r->depth == TEMPLATE_STACK_MAX)
		return -1;
	r->stack[r->depth++] = ctx;
	rc = render_nodes(r, body);
	r->depth--;
	return rc;
}

static int
render_section(struct render *r, const struct tnode *n)
{
	int	 once = n->len > 1 && n->text[n->len - 1] == '?';
	json_t	*v = template_lookup(r, n->text, n->len - (size_t)once), *item;
	size_t	 i;

	/* name?: once, in the same context, when there is any (a table's
	 * headings around its rows, drawn only when it has rows). */
	if (once && n->type != TN_INVERTED)
		return v != NULL && truthy(v) ? render_nodes(r, n->child) : 0;
	if (n->type == TN_INVERTED)
		return v == NULL || !truthy(v) ? render_nodes(r, n->child) : 0;
	if (v == NULL || !truthy(v))
		return 0;
	if (!json_is_array(v))
		return render_pushed(r, v, n->child);
	json_array_foreach(v, i, item)
		if (render_pushed(r, item, n->child) == -1)
			return -1;
	return 0;
}

/*
 * Fills the ":name" parts of a {{#may}} route from the context and asks
 * the renderer's question.  A part that is missing, or not an integer or
 * a plain word, counts as "may not": {{#may}} is left out (fails closed)
 * and {{^may}}, what to show instead, is drawn.
 */
static int
render_may(struct render *r, const struct tnode *n)
{
	struct buf	 path;
	const char	*p = n->text, *end = n->text + n->len, *sp, *e;
	const json_t	*v;
	char		 method[8];
	int		 ok = 1, rc = 0;
	size_t		 i;

	if (r->may == NULL)
		return n->type == TN_MAY_NOT ? render_nodes(r, n->child) : 0;
	sp = memchr(p, ' ', n->len);
	snprintf(method, sizeof(method), "%.*s", (int)(sp - p), p);
	buf_init(&path, TEMPLATE_MAY_PATH_MAX);
	for (p = sp + 1; p < end && ok; p = e) {
		if (*p != ':') {
			for (e = p; e < end && *e != ':'; e++)
				;
			ok = buf_add(&path, p, (size_t)(e - p)) == 0;
			continue;
		}
		for (e = p + 1; e < end && *e != '/'; e++)
			;
		v = template_lookup(r, p + 1, (size_t)(e - p - 1));
		if (json_is_integer(v))
			ok = buf_printf(&path, "%" JSON_INTEGER_FORMAT,
			    json_integer_value(v)) == 0;
		else if (json_is_string(v) && json_string_length(v) > 0) {
			for (i = 0; i < json_string_length(v) && ok; i++)
				ok = isalnum((unsigned char)
				    json_string_value(v)[i]) ||
				    json_string_value(v)[i] == '-';
			ok = ok && buf_puts(&path, json_string_value(v)) == 0;
		} else
			ok = 0;
	}
	ok = ok && path.data != NULL && r->may(r->may_arg, method, path.data);
	if (ok == (n->type == TN_MAY))
		rc = render_nodes(r, n->child);
	buf_release(&path);
	return rc;
}

static int
render_nodes(struct render *r, const struct tnode *n)
{
	const struct template	*t;
	int			 rc = 0;

	for (; n != NULL && rc == 0; n = n->next) {
		switch (n->type) {
		case TN_TEXT:
			rc = buf_add(r->out, n->text, n->len);
			break;
		case TN_VAR:
		case TN_RAW:
			rc = template_put(r, template_lookup(r, n->text, n->len),
			    n->type == TN_VAR, n->filter);
			break;
		case TN_WORDS:
			rc = render_words(r, n);
			break;
		case TN_PLURAL:
			rc = render_plural(r, n);
			break;
		case TN_PICTURE:
			/* Always beside the words of its key point. */
			rc = pictogram_svg(n->picture, NULL, r->out);
			break;
		case TN_SECTION:
		case TN_INVERTED:
			rc = render_section(r, n);
			break;
		case TN_MAY:
		case TN_MAY_NOT:
			rc = render_may(r, n);
			break;
		case TN_PARTIAL:
			t = template_find(r->set, n->text, n->len);
			if (t == NULL || r->partials == TEMPLATE_PARTIAL_MAX)
				return -1;
			r->partials++;
			rc = render_nodes(r, t->root);
			r->partials--;
			break;
		}
	}
	return rc;
}

int
template_render(const struct template_set *set, const char *name,
    json_t *view, struct buf *out)
{
	return template_render_as(set, name, view, out, NULL, NULL);
}

int
template_render_as(const struct template_set *set, const char *name,
    json_t *view, struct buf *out, template_may_fn may, void *may_arg)
{
	return template_render_in(set, name, view, out, may, may_arg, NULL);
}

int
template_render_in(const struct template_set *set, const char *name,
    json_t *view, struct buf *out, template_may_fn may, void *may_arg,
    const struct catalogue *words)
{
	const struct template	*t;
	struct render		 r;

	if ((t = template_find(set, name, strlen(name))) == NULL) {
		fprintf(stderr, "template %s: not found\n", name);
		return -1;
	}
	memset(&r, 0, sizeof(r));
	r.set = set;
	r.out = out;
	r.may = may;
	r.may_arg = may_arg;
	r.words = words;
	r.stack[r.depth++] = view;
	return render_nodes(&r, t->root);
}
