/*
 * The template engine: template_parse on the input; when it parses, it
 * joins a set with a fixed partial and is rendered twice, once with a view
 * full of hostile strings (<script>, quotes, ampersands; in nested objects
 * and arrays) and once with the same view where each hostile string is a
 * harmless "X" of the same truthiness.
 *
 * Escaping works exactly when the two outputs have the same number of
 * '<', '>', '"' and '\'' (the template text is the same in both, and an
 * escaped string adds none) and the same number of copies of the payload
 * <script>alert(1337)</script>.  The template itself may well contain
 * "<script>" or build the payload out of text and tags; that cancels out.
 *
 * Work is kept bounded so the fuzzer does not time out on templates that
 * are slow by design (templates are trusted, only their data is not): the
 * input is added under a name no partial tag can name, so it cannot
 * include itself, arrays in the view have at most two elements, and at
 * most TEMPLATE_SECTIONS_MAX section tags are rendered.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/template.h"

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,	\
		    __LINE__, #cond);					\
		abort();						\
	}								\
} while (0)

#define PAYLOAD			"<script>alert(1337)</script>"
#define TEMPLATE_SECTIONS_MAX	10
#define OUTPUT_MAX		(1 << 20)
#define INPUT_NAME		"fuzz:input"	/* ':' is not a tag name */

static const char partial_src[] =
    "<div class=\"partial\" title=\"{{title}}\">{{user.name}}"
    "{{#items}}<li data-n='{{n}}'>{{name}}{{^flag}} off{{/flag}}</li>"
    "{{/items}}{{^items}}none{{/items}}{{!a comment}}</div>";

/* The hostile strings, or "X" for the benign twin of the view. */
static const char *
s(int evil, const char *hostile)
{
	return evil ? hostile : "X";
}

static json_t *
make_view(int evil)
{
	return json_pack(
	    "{s:s, s:s, s:s, s:s, s:s,"
	    " s:{s:s, s:{s:s, s:[s, s], s:{s:s}}, s:i},"
	    " s:[{s:s, s:i, s:b}, {s:s, s:i, s:b}],"
	    " s:[s, s], s:[[s, s], [i]], s:[], s:{},"
	    " s:i, s:i, s:f, s:b, s:b, s:n, s:s, s:s}",
	    "title", s(evil, PAYLOAD),
	    "quote", s(evil, "\"onmouseover=\"alert(1337)"),
	    "apos", s(evil, "' onfocus='alert(1337)"),
	    "amp", s(evil, "&lt;script&gt;&amp;&#39;"),
	    "textarea", s(evil, "</textarea>" PAYLOAD "<textarea>"),
	    "user",
		"name", s(evil, "<img src=x onerror=alert(1337)>"),
		"profile",
		    "bio", s(evil, "<b>bold</b> \"q\" 'a' & more"),
		    "tags", s(evil, PAYLOAD), "plain",
		    "deep", "er", s(evil, "<svg/onload=alert(1337)>"),
		"id", 42,
	    "items",
		"name", s(evil, PAYLOAD), "n", 1, "flag", 1,
		"name", "plain", "n", 0, "flag", 0,
	    "list", s(evil, "<i>"), "b",
	    "nested", s(evil, ">"), s(evil, "<"), 7,
	    "empty_list",
	    "empty_obj",
	    "zero", 0,
	    "num", -1337,
	    "real", 2.5,
	    "yes", 1,
	    "no", 0,
	    "nothing",
	    "empty", "",
	    "plain", "plain text");
}

static size_t
count_char(const struct buf *b, char c)
{
	size_t	 i, n = 0;

	for (i = 0; i < b->len; i++)
		n += b->data[i] == c;
	return n;
}

static size_t
count_str(const struct buf *b, const char *needle)
{
	const char	*p = b->data, *end, *q;
	size_t		 n = 0, len = strlen(needle);

	if (p == NULL)
		return 0;
	end = p + b->len;
	while ((q = memmem(p, (size_t)(end - p), needle, len)) != NULL) {
		n++;
		p = q + 1;
	}
	return n;
}

static size_t
count_sections(const uint8_t *data, size_t size)
{
	size_t	 i, n = 0;

	for (i = 0; i + 2 < size; i++)
		n += data[i] == '{' && data[i + 1] == '{' &&
		    (data[i + 2] == '#' || data[i + 2] == '^');
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct template_set	 set = { NULL, 0 };
	struct template		*t, *part;
	struct buf		 evil_out, benign_out;
	json_t			*evil, *benign;
	char			 err[256];
	int			 rc_evil, rc_benign;
	const char		*special = "<>\"'";

	err[0] = '\0';
	t = template_parse(INPUT_NAME, (const char *)data, size, err,
	    sizeof(err));
	if (t == NULL) {
		CHECK(err[0] != '\0');
		return 0;
	}
	part = template_parse("part", partial_src, sizeof(partial_src) - 1,
	    err, sizeof(err));
	CHECK(part != NULL);
	CHECK(template_set_add(&set, part) == 0);
	CHECK(template_set_add(&set, t) == 0);
	(void)template_set_check(&set, err, sizeof(err));

	if (count_sections(data, size) <= TEMPLATE_SECTIONS_MAX) {
		evil = make_view(1);
		benign = make_view(0);
		CHECK(evil != NULL && benign != NULL);
		buf_init(&evil_out, OUTPUT_MAX);
		buf_init(&benign_out, OUTPUT_MAX);
		rc_evil = template_render(&set, INPUT_NAME, evil, &evil_out);
		rc_benign = template_render(&set, INPUT_NAME, benign,
		    &benign_out);
		/* Only the output ceiling may tell the two apart. */
		if (rc_evil == 0 && rc_benign == 0) {
			for (; *special != '\0'; special++)
				if (count_char(&evil_out, *special) !=
				    count_char(&benign_out, *special)) {
					fprintf(stderr, "unescaped '%c' from "
					    "the view:\n%.*s\n", *special,
					    (int)evil_out.len, evil_out.data);
					abort();
				}
			CHECK(count_str(&evil_out, PAYLOAD) ==
			    count_str(&benign_out, PAYLOAD));
		} else	/* the benign output is never the longer one */
			CHECK(rc_benign == 0 || rc_evil != 0);
		buf_release(&evil_out);
		buf_release(&benign_out);
		json_decref(evil);
		json_decref(benign);
	}
	template_set_free(&set);
	return 0;
}
