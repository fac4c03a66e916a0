/*
 * What the template tests share: rendering a source with a view (in the
 * language words_in names) and checking what it gave or why it was
 * refused.  Included by test_template.c (the engine) and
 * test_template_words.c (words, pictures and language marking).
 */
#ifndef RT_TEST_TEMPLATE_H
#define RT_TEST_TEMPLATE_H

#include "unit.h"

#include "render/template.h"
#include "server/language.h"
#include "util/catalogue.h"

#define SCRIPT	"<script>alert('x')</script>"
#define INERT	"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"

/* Parses src as template "t" into a fresh set and renders it with view
 * (which is consumed).  Returns the output, or NULL if rendering failed;
 * the parse must succeed. */
static inline char *render_as(const char *, json_t *, template_may_fn);
/* The language render_as draws in: NULL, English. */
static const struct catalogue	*words_in;

static inline char *
render_one(const char *src, json_t *view)
{
	return render_as(src, view, NULL);
}

/* render_one, asking may about {{#may}} sections (NULL: none drawn). */
static inline char *
render_as(const char *src, json_t *view, template_may_fn may)
{
	struct template_set	 set = { NULL, 0 };
	struct template		*t;
	struct buf		 out;
	char			 err[256];
	char			*s;
	int			 rc;

	t = template_parse("t", src, strlen(src), err, sizeof(err));
	if (t == NULL)
		fail_msg("parse of \"%s\" failed: %s", src, err);
	assert_int_equal(template_set_add(&set, t), 0);
	buf_init(&out, 1 << 20);
	rc = template_render_in(&set, "t", view, &out, may, NULL, words_in);
	json_decref(view);
	template_set_free(&set);
	s = buf_detach(&out, NULL);
	if (rc != 0) {
		free(s);
		return NULL;
	}
	return s;
}

static inline void
expect(const char *src, json_t *view, const char *want)
{
	char	*got = render_one(src, view);
	int	 same;

	if (got == NULL)
		fail_msg("rendering \"%s\" failed", src);
	same = strcmp(got, want) == 0;
	if (!same)
		print_error("\"%s\" gave \"%s\", wanted \"%s\"\n", src, got,
		    want);
	free(got);
	assert_true(same);
}

/* Renders and checks no raw "<script" got through, and that the escaped
 * form did (count times). */
static inline void
expect_inert(const char *src, json_t *view, int count)
{
	char		*got = render_one(src, view);
	const char	*p;
	int		 n = 0, raw;

	if (got == NULL)
		fail_msg("rendering \"%s\" failed", src);
	raw = strstr(got, "<script") != NULL || strstr(got, "<SCRIPT") != NULL;
	for (p = got; (p = strstr(p, INERT)) != NULL; p++)
		n++;
	if (raw || n != count)
		print_error("\"%s\" gave \"%s\"\n", src, got);
	free(got);
	assert_false(raw);
	assert_int_equal(n, count);
}

/* Asserts src does not parse and the error mentions want. */
static inline void
refused(const char *src, const char *want)
{
	struct template	*t;
	char		 err[256] = "";

	t = template_parse("bad", src, strlen(src), err, sizeof(err));
	if (t != NULL) {
		template_free(t);
		fail_msg("\"%s\" parsed, but should not", src);
	}
	assert_true(err[0] != '\0');
	if (strstr(err, want) == NULL)
		fail_msg("error \"%s\" does not mention \"%s\"", err, want);
	assert_non_null(strstr(err, "bad"));	/* names the template */
}

#endif
