/* src/render/template.h: escaping, sections, partials and the parser. */
#include "unit.h"

#include "render/template.h"
#include "server/language.h"
#include "util/catalogue.h"

#define SCRIPT	"<script>alert('x')</script>"
#define INERT	"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"

/* Parses src as template "t" into a fresh set and renders it with view
 * (which is consumed).  Returns the output, or NULL if rendering failed;
 * the parse must succeed. */
static char *render_as(const char *, json_t *, template_may_fn);
/* The language render_as draws in: NULL, English. */
static const struct catalogue	*words_in;

static char *
render_one(const char *src, json_t *view)
{
	return render_as(src, view, NULL);
}

/* render_one, asking may about {{#may}} sections (NULL: none drawn). */
static char *
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

static void
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
static void
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
static void
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

static void
test_escape_each_character(void **state)
{
	(void)state;
	expect("[{{x}}]", json_pack("{s:s}", "x", "&<>\"'"),
	    "[&amp;&lt;&gt;&quot;&#39;]");
	expect("{{x}}", json_pack("{s:s}", "x", "a&b<c>d\"e'f"),
	    "a&amp;b&lt;c&gt;d&quot;e&#39;f");
	expect("{{x}}", json_pack("{s:s}", "x", "&amp;"), "&amp;amp;");
	expect("<a title=\"{{x}}\">", json_pack("{s:s}", "x", "\" onmouseover=\"a()"),
	    "<a title=\"&quot; onmouseover=&quot;a()\">");
	expect("<a title='{{x}}'>", json_pack("{s:s}", "x", "' onclick='a()"),
	    "<a title='&#39; onclick=&#39;a()'>");
	/* Spaces inside the braces are allowed. */
	expect("{{ x }}", json_pack("{s:s}", "x", "<b>"), "&lt;b&gt;");
}

static void
test_html_escape(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b, 100);
	assert_int_equal(html_escape(&b, "a<b>&\"'z", 9), 0);
	assert_string_equal(b.data, "a&lt;b&gt;&amp;&quot;&#39;z");
	buf_clear(&b);
	assert_int_equal(html_escape(&b, "plain", 5), 0);
	assert_string_equal(b.data, "plain");
	buf_clear(&b);
	assert_int_equal(html_escape(&b, "<<", 1), 0);	/* only len bytes */
	assert_string_equal(b.data, "&lt;");
	buf_release(&b);
	buf_init(&b, 5);			/* ceiling respected */
	assert_int_equal(html_escape(&b, "<<", 2), -1);
	buf_release(&b);
}

static void
test_scalars(void **state)
{
	(void)state;
	expect("{{n}}|{{r}}|{{z}}|{{f}}|{{t}}|{{o}}|{{a}}|{{missing}}",
	    json_pack("{s:i, s:f, s:n, s:b, s:b, s:{s:s}, s:[s]}", "n", -42,
	    "r", 1.5, "z", "f", 0, "t", 1, "o", "k", "v", "a", "x"),
	    "-42|1.5||||||");
}

static void
test_script_in_values(void **state)
{
	(void)state;
	expect_inert("<p>{{x}}</p>", json_pack("{s:s}", "x", SCRIPT), 1);
	/* Dotted names into nested objects. */
	expect_inert("{{a.b.c}}", json_pack("{s:{s:{s:s}}}", "a", "b", "c",
	    SCRIPT), 1);
	/* A section pushing a nested object. */
	expect_inert("{{#a}}{{#b}}{{c}}{{/b}}{{/a}}",
	    json_pack("{s:{s:{s:s}}}", "a", "b", "c", SCRIPT), 1);
	/* Arrays of objects and of strings. */
	expect_inert("<ul>{{#items}}<li>{{name}}</li>{{/items}}</ul>",
	    json_pack("{s:[{s:s}, {s:s}]}", "items", "name", SCRIPT, "name",
	    SCRIPT), 2);
	expect_inert("{{#items}}{{.}}{{/items}}",
	    json_pack("{s:[s, s, s]}", "items", SCRIPT, SCRIPT, SCRIPT), 3);
	/* Arrays within arrays. */
	expect_inert("{{#rows}}{{#cells}}{{v}}{{/cells}}{{/rows}}",
	    json_pack("{s:[{s:[{s:s}]}, {s:[{s:s}]}]}", "rows", "cells", "v",
	    SCRIPT, "cells", "v", SCRIPT), 2);
	/* A string section pushes the string itself. */
	expect_inert("{{#s}}[{{.}}]{{/s}}", json_pack("{s:s}", "s", SCRIPT), 1);
	/* An outer value looked up from inside a section. */
	expect_inert("{{#items}}{{title}}{{/items}}",
	    json_pack("{s:s, s:[{}, {}]}", "title", SCRIPT, "items"), 2);
	/* Inverted sections. */
	expect_inert("{{^none}}{{x}}{{/none}}",
	    json_pack("{s:s, s:[]}", "x", SCRIPT, "none"), 1);
	/* Through a partial. */
	{
		struct template_set	 set = { NULL, 0 };
		struct buf		 out;
		char			 err[128];
		const char		*a = "{{#p}}{{> inner}}{{/p}}";
		const char		*b = "<i>{{who}}</i>";
		json_t			*v;

		assert_int_equal(template_set_add(&set, template_parse("outer",
		    a, strlen(a), err, sizeof(err))), 0);
		assert_int_equal(template_set_add(&set, template_parse("inner",
		    b, strlen(b), err, sizeof(err))), 0);
		assert_int_equal(template_set_check(&set, err, sizeof(err)), 0);
		v = json_pack("{s:[{s:s}]}", "p", "who", SCRIPT);
		buf_init(&out, 4096);
		assert_int_equal(template_render(&set, "outer", v, &out), 0);
		assert_string_equal(out.data, "<i>" INERT "</i>");
		buf_release(&out);
		json_decref(v);
		template_set_free(&set);
	}
}

static void
test_raw_refused(void **state)
{
	struct template	*t;
	char		 err[256];
	const char	*ok = "<div>{{{body_html}}}</div>{{{ intro_html }}}";

	(void)state;
	refused("{{{x}}}", "_html");
	refused("{{{body}}}", "_html");
	refused("{{{html}}}", "_html");
	refused("{{{_html}}}", "_html");
	refused("{{{body_html_x}}}", "_html");
	refused("{{{body_HTML}}}", "_html");
	refused("ok {{x}} then {{{y}}}", "_html");
	/* Mustache's other unescaped form is no way round it. */
	refused("{{&x}}", "bad tag name");
	refused("{{& x}}", "bad tag name");

	t = template_parse("ok", ok, strlen(ok), err, sizeof(err));
	assert_non_null(t);
	template_free(t);
	expect(ok, json_pack("{s:s, s:s}", "body_html", "<p>Hi</p>",
	    "intro_html", "<em>&amp;</em>"),
	    "<div><p>Hi</p></div><em>&amp;</em>");
	/* The same name escaped is still escaped. */
	expect("{{body_html}}", json_pack("{s:s}", "body_html", "<p>"),
	    "&lt;p&gt;");
}

/* {{name | date}}: an ISO date or timestamp in words; other values as
 * they are, escaped; an unknown filter does not parse. */
static void
test_date_filter(void **state)
{
	char	 err[128];

	(void)state;
	expect("Sent {{sent | date}}.", json_pack("{s:s}", "sent",
	    "2026-11-04"), "Sent 4 November 2026.");
	expect("{{a.at|date}}", json_pack("{s:{s:s}}", "a", "at",
	    "2026-12-25T10:00:00Z"), "25 December 2026");
	expect("{{v | date}}", json_pack("{s:s}", "v", "<b>"), "&lt;b&gt;");
	expect("[{{v | date}}]", json_object(), "[]");
	assert_null(template_parse("t", "{{v | shout}}", 13, err,
	    sizeof(err)));
	assert_null(template_parse("t", "{{#v | date}}{{/v}}", 19, err,
	    sizeof(err)));
}

static void
test_sections(void **state)
{
	(void)state;
	/* Arrays: once per element. */
	expect("{{#a}}<{{n}}>{{/a}}",
	    json_pack("{s:[{s:i},{s:i},{s:i}]}", "a", "n", 1, "n", 2, "n", 3),
	    "<1><2><3>");
	expect("{{#a}}[{{.}}]{{/a}}", json_pack("{s:[i,s]}", "a", 1, "b"),
	    "[1][b]");
	/* Objects: once, pushed. */
	expect("{{#o}}{{k}}-{{/o}}", json_pack("{s:{s:s}}", "o", "k", "v"),
	    "v-");
	expect("{{#o}}yes{{/o}}", json_pack("{s:{}}", "o"), "yes");
	/* Other true values: once. */
	expect("{{#t}}yes{{/t}}", json_pack("{s:b}", "t", 1), "yes");
	expect("{{#n}}yes{{/n}}", json_pack("{s:i}", "n", 7), "yes");
	expect("{{#s}}yes{{/s}}", json_pack("{s:s}", "s", "x"), "yes");
	/* Skipped for false, null, 0, "", [] and missing. */
	expect("a{{#v}}X{{/v}}b", json_pack("{s:b}", "v", 0), "ab");
	expect("a{{#v}}X{{/v}}b", json_pack("{s:n}", "v"), "ab");
	expect("a{{#v}}X{{/v}}b", json_pack("{s:i}", "v", 0), "ab");
	expect("a{{#v}}X{{/v}}b", json_pack("{s:f}", "v", 0.0), "ab");
	expect("a{{#v}}X{{/v}}b", json_pack("{s:s}", "v", ""), "ab");
	expect("a{{#v}}X{{/v}}b", json_pack("{s:[]}", "v"), "ab");
	expect("a{{#v}}X{{/v}}b", json_object(), "ab");
	/* Outer names are visible inside; inner ones shadow them. */
	expect("{{#a}}{{x}}{{y}};{{/a}}",
	    json_pack("{s:s, s:[{s:s}, {}]}", "x", "out", "a", "x", "in"),
	    "in;out;");
	/* Sections nest and the context pops back. */
	expect("{{#a}}{{#b}}{{v}}{{/b}}{{v}}{{/a}}{{v}}",
	    json_pack("{s:s, s:{s:s, s:{s:s}}}", "v", "0", "a", "v", "1",
	    "b", "v", "2"), "210");
}

static void
test_inverted(void **state)
{
	(void)state;
	expect("{{^v}}none{{/v}}", json_pack("{s:b}", "v", 0), "none");
	expect("{{^v}}none{{/v}}", json_pack("{s:n}", "v"), "none");
	expect("{{^v}}none{{/v}}", json_pack("{s:i}", "v", 0), "none");
	expect("{{^v}}none{{/v}}", json_pack("{s:s}", "v", ""), "none");
	expect("{{^v}}none{{/v}}", json_pack("{s:[]}", "v"), "none");
	expect("{{^v}}none{{/v}}", json_object(), "none");
	expect("{{^v}}none{{/v}}", json_pack("{s:b}", "v", 1), "");
	expect("{{^v}}none{{/v}}", json_pack("{s:[i]}", "v", 1), "");
	expect("{{^v}}none{{/v}}", json_pack("{s:{}}", "v"), "");
	expect("{{^v}}none{{/v}}", json_pack("{s:s}", "v", "x"), "");
	/* The usual list-or-empty pair. */
	expect("{{#a}}{{.}}{{/a}}{{^a}}empty{{/a}}", json_pack("{s:[]}", "a"),
	    "empty");
	expect("{{#a}}{{.}}{{/a}}{{^a}}empty{{/a}}", json_pack("{s:[s]}", "a",
	    "x"), "x");
}

static void
test_dotted(void **state)
{
	(void)state;
	expect("{{site.name}}", json_pack("{s:{s:s}}", "site", "name", "North"),
	    "North");
	expect("{{a.b.c.d}}", json_pack("{s:{s:{s:{s:i}}}}", "a", "b", "c", "d",
	    4), "4");
	/* Missing links and non-objects along the way print nothing. */
	expect("[{{site.nope}}]", json_pack("{s:{s:s}}", "site", "name", "N"),
	    "[]");
	expect("[{{nope.name}}]", json_object(), "[]");
	expect("[{{s.name}}]", json_pack("{s:s}", "s", "str"), "[]");
	expect("[{{a.name}}]", json_pack("{s:[{s:s}]}", "a", "name", "x"), "[]");
	/* The first segment is looked up through the stack. */
	expect("{{#items}}{{site.name}},{{/items}}",
	    json_pack("{s:{s:s}, s:[{}, {s:{s:s}}]}", "site", "name", "out",
	    "items", "site", "name", "in"), "out,in,");
	/* Dotted sections. */
	expect("{{#a.b}}{{c}}{{/a.b}}", json_pack("{s:{s:[{s:i},{s:i}]}}", "a",
	    "b", "c", 1, "c", 2), "12");
	expect("{{^a.b}}no{{/a.b}}", json_pack("{s:{}}", "a"), "no");
}

static void
test_comments(void **state)
{
	(void)state;
	expect("a{{! a comment, with <tags> & {x} }}b{{x}}",
	    json_pack("{s:s}", "x", "X"), "abX");
	expect("a{{!note}}b", json_object(), "ab");
}

static void
test_partials(void **state)
{
	struct template_set	 set = { NULL, 0 };
	struct buf		 out;
	char			 err[256];
	const char		*page = "<h1>{{title}}</h1>{{> people/row }}"
	    "{{#rows}}{{>people/row}}{{/rows}}";
	const char		*row = "<p>{{name}}</p>";
	json_t			*v;

	(void)state;
	assert_int_equal(template_set_add(&set, template_parse("page", page,
	    strlen(page), err, sizeof(err))), 0);
	/* Missing partial: caught by the check, naming both templates. */
	assert_int_equal(template_set_check(&set, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "people/row"));
	assert_non_null(strstr(err, "page"));
	/* And rendering refuses rather than skipping it. */
	v = json_pack("{s:s, s:s, s:[]}", "title", "T", "name", "n", "rows");
	buf_init(&out, 4096);
	assert_int_equal(template_render(&set, "page", v, &out), -1);
	buf_release(&out);

	assert_int_equal(template_set_add(&set, template_parse("people/row",
	    row, strlen(row), err, sizeof(err))), 0);
	assert_int_equal(template_set_check(&set, err, sizeof(err)), 0);
	json_decref(v);
	v = json_pack("{s:s, s:s, s:[{s:s}, {s:s}]}", "title", "T<", "name",
	    "top", "rows", "name", "A&", "name", "B");
	buf_init(&out, 4096);
	assert_int_equal(template_render(&set, "page", v, &out), 0);
	assert_string_equal(out.data,
	    "<h1>T&lt;</h1><p>top</p><p>A&amp;</p><p>B</p>");
	buf_release(&out);
	/* Unknown template names are refused. */
	buf_init(&out, 4096);
	assert_int_equal(template_render(&set, "nope", v, &out), -1);
	buf_release(&out);
	json_decref(v);
	template_set_free(&set);
	assert_int_equal(set.n, 0);
	assert_null(set.items);
}

static void
test_partial_missing_in_section(void **state)
{
	struct template_set	 set = { NULL, 0 };
	char			 err[256] = "";
	const char		*src = "{{#a}}{{^b}}{{> deep}}{{/b}}{{/a}}";

	(void)state;
	assert_int_equal(template_set_add(&set, template_parse("x", src,
	    strlen(src), err, sizeof(err))), 0);
	assert_int_equal(template_set_check(&set, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "deep"));
	template_set_free(&set);
}

static void
test_partial_recursion_bounded(void **state)
{
	struct template_set	 set = { NULL, 0 };
	struct buf		 out;
	char			 err[256];
	const char		*src = "x{{> loop}}";

	(void)state;
	assert_int_equal(template_set_add(&set, template_parse("loop", src,
	    strlen(src), err, sizeof(err))), 0);
	assert_int_equal(template_set_check(&set, err, sizeof(err)), 0);
	buf_init(&out, 1 << 20);
	assert_int_equal(template_render(&set, "loop", NULL, &out), -1);
	assert_true(out.len < 100);
	buf_release(&out);
	template_set_free(&set);
}

static void
test_syntax_errors(void **state)
{
	(void)state;
	refused("hello {{name", "unclosed");
	refused("hello {{name}", "unclosed");
	refused("{{{body_html}}", "unclosed");
	refused("{{#a}}never closed", "not closed");
	refused("{{#a}}{{#b}}{{/b}}", "not closed");
	refused("{{#a}}x{{/b}}", "closing tag");
	refused("{{#a}}{{#b}}{{/a}}{{/b}}", "closing tag");
	refused("{{/a}}", "closing tag");
	refused("{{#a}}{{/a}}{{/a}}", "closing tag");
	refused("{{^a}}x{{/b}}", "closing tag");
	refused("{{}}", "bad tag name");
	refused("{{   }}", "bad tag name");
	refused("{{a b}}", "bad tag name");
	refused("{{a\"onclick}}", "bad tag name");
	refused("{{#}}{{/}}", "bad tag name");
	refused("{{>}}", "bad tag name");
}

static void
test_error_line(void **state)
{
	(void)state;
	refused("one\ntwo\nthree {{x", "bad:3:");
	refused("{{#a}}\n\n{{/b}}", "bad:3:");
}

static void
test_nesting_limit(void **state)
{
	struct template	*t;
	struct buf	 src;
	char		 err[256];
	json_t		*view, *inner;
	char		*got;
	int		 i;

	(void)state;
	/* 32 nested sections parse and render. */
	buf_init(&src, 1 << 16);
	for (i = 0; i < 32; i++)
		assert_int_equal(buf_puts(&src, "{{#a}}"), 0);
	assert_int_equal(buf_puts(&src, "{{v}}"), 0);
	for (i = 0; i < 32; i++)
		assert_int_equal(buf_puts(&src, "{{/a}}"), 0);
	view = json_pack("{s:s}", "v", "<deep>");
	for (i = 0; i < 32; i++) {
		inner = view;
		view = json_pack("{s:o}", "a", inner);
	}
	got = render_one(src.data, view);
	assert_non_null(got);
	assert_string_equal(got, "&lt;deep&gt;");
	free(got);
	buf_release(&src);

	/* 33 are refused. */
	buf_init(&src, 1 << 16);
	for (i = 0; i < 33; i++)
		assert_int_equal(buf_puts(&src, "{{#a}}"), 0);
	for (i = 0; i < 33; i++)
		assert_int_equal(buf_puts(&src, "{{/a}}"), 0);
	t = template_parse("deep", src.data, src.len, err, sizeof(err));
	assert_null(t);
	assert_non_null(strstr(err, "too deep"));
	buf_release(&src);

	/* Even far deeper input fails cleanly, with no overflow. */
	buf_init(&src, 1 << 20);
	for (i = 0; i < 5000; i++)
		assert_int_equal(buf_puts(&src, "{{^a}}"), 0);
	t = template_parse("deeper", src.data, src.len, err, sizeof(err));
	assert_null(t);
	assert_non_null(strstr(err, "too deep"));
	buf_release(&src);
}

static void
test_render_ceiling(void **state)
{
	struct template_set	 set = { NULL, 0 };
	struct buf		 out;
	char			 err[128];
	const char		*src = "{{#a}}{{.}}{{/a}}";
	json_t			*v;

	(void)state;
	assert_int_equal(template_set_add(&set, template_parse("t", src,
	    strlen(src), err, sizeof(err))), 0);
	v = json_pack("{s:[s,s,s]}", "a", "<<<<", "<<<<", "<<<<");
	buf_init(&out, 40);	/* 3 * 16 bytes escaped do not fit */
	assert_int_equal(template_render(&set, "t", v, &out), -1);
	assert_true(out.len <= 40);
	buf_release(&out);
	json_decref(v);
	template_set_free(&set);
}

static void
test_embedded_templates_load(void **state)
{
	struct template_set	 set = { NULL, 0 };

	(void)state;
	assert_int_equal(template_set_load_embedded(&set), 0);
	assert_true(set.n > 0);
	template_set_free(&set);
}

/* The {{#may}} question: records each path asked, says yes to those
 * starting "/yes/". */
static char	asked[256];

static int
may_yes(void *arg, const char *method, const char *path)
{
	(void)arg;
	snprintf(asked, sizeof(asked), "%s %s", method, path);
	return strncmp(path, "/yes/", 5) == 0;
}

static char *
render_may(const char *src, json_t *view)
{
	char	*s = render_as(src, view, may_yes);

	assert_non_null(s);
	return s;
}

/* Links are drawn only where the router (here may_yes) says yes, with
 * the path's ids filled from the context; "may not" when an id is
 * missing or not a plain value; no question at all without a callback. */
static void
test_may(void **state)
{
	char	*s;

	(void)state;
	s = render_may("{{#may POST /yes/:a.id/x}}Y{{/may}}"
	    "{{^may POST /yes/:a.id/x}}N{{/may}}",
	    json_pack("{s:{s:i}}", "a", "id", 7));
	assert_string_equal(s, "Y");
	assert_string_equal(asked, "POST /yes/7/x");
	free(s);
	s = render_may("{{#may GET /no/:id}}Y{{/may}}{{^may GET /no/:id}}N"
	    "{{/may}}", json_pack("{s:i}", "id", 3));
	assert_string_equal(s, "N");
	assert_string_equal(asked, "GET /no/3");
	free(s);
	asked[0] = '\0';
	s = render_may("{{#may GET /yes/:id}}Y{{/may}}", json_pack("{s:s}",
	    "id", "../x"));
	assert_string_equal(s, "");
	assert_string_equal(asked, "");
	free(s);
	s = render_may("{{#may GET /yes/:id}}Y{{/may}}", json_object());
	assert_string_equal(s, "");
	free(s);
	/* Without a callback (template_render) nothing is offered. */
	expect("{{#may GET /yes/x}}Y{{/may}}{{^may GET /yes/x}}N{{/may}}",
	    json_object(), "N");
	refused("{{#may PUT /x}}Y{{/may}}", "bad route");
	refused("{{#may GET x}}Y{{/may}}", "bad route");
	refused("{{#may GET /x y}}Y{{/may}}", "bad route");
	refused("{{#may GET /x}}Y{{/x}}", "unexpected closing tag");
}

/* {{_ words}}: English as it stands, each {name} its value escaped (with
 * a filter when it carries one), the whole in the reader's language;
 * | t shows a value from C in it, | date names the month in it. */
static void
test_words(void **state)
{
	(void)state;
	expect("<p>{{_ Sign in}}</p>", json_object(), "<p>Sign in</p>");
	expect("{{_ Welcome, {name}}}", json_pack("{s:s}", "name", SCRIPT),
	    "Welcome, " INERT);
	expect("{{_ On {d | date}, {who}.}}", json_pack("{s:s, s:s}", "d",
	    "2026-11-04", "who", "a & b"), "On 4 November 2026, a &amp; b.");
	expect("{{_ Left {missing} out}}", json_object(), "Left  out");
	expect("{{x | t}}", json_pack("{s:s}", "x", "November"), "November");
	refused("{{_ }}", "words");
	refused("{{_ Bad {na me}}}", "words");
	refused("{{_ Bad {name | nothing}}}", "words");
	refused("{{_ Unclosed {name}", "unclosed");
	assert_int_equal(languages_load(), 0);
	words_in = language_words(language_find("cy"));
	expect("<p>{{_ Sign in}}</p>", json_object(), "<p>Mewngofnodi</p>");
	expect("{{_ Welcome, {page.user.display_name}}}", json_pack(
	    "{s:{s:{s:s}}}", "page", "user", "display_name", "Ann"),
	    "Croeso, Ann");
	expect("{{x | t}} {{d | date}}", json_pack("{s:s, s:s}", "x",
	    "November", "d", "2026-07-04"), "Tachwedd 4 Gorffennaf 2026");
	expect("{{_ Not in the catalogue}}", json_object(),
	    "Not in the catalogue");
	words_in = NULL;
}

/* {{% name}} and | picture draw an easy-read picture named for screen
 * readers in the reader's language; a picture that does not exist fails
 * at parse time.  | words fills a message's {name}s from the context,
 * escaped, and plain text (template_words) leaves them as they are. */
static void
test_pictures_and_words(void **state)
{
	struct buf	 out;
	json_t		*v;
	char		*s;

	(void)state;
	/* A picture stands beside words that say the same: decorative,
	 * its name in its class, nothing for a screen reader to read. */
	s = render_one("{{% vote}}", json_object());
	assert_non_null(strstr(s, "<svg class=\"rt-picture "
	    "rt-picture--vote\""));
	assert_non_null(strstr(s, "aria-hidden=\"true\""));
	assert_null(strstr(s, "role=\"img\""));
	assert_null(strstr(s, "aria-label="));
	assert_non_null(strstr(s, "<path d=\"M16 5L32 5"));
	assert_non_null(strstr(s, "</svg>"));
	free(s);
	expect("{{p | picture}}", json_pack("{s:s}", "p", "no-such"), "");
	s = render_one("{{p | picture}}", json_pack("{s:s}", "p", "date"));
	assert_non_null(strstr(s, "rt-picture--date"));
	/* The calendar's dots are filled, its outline stroked. */
	assert_non_null(strstr(s, "class=\"rt-picture__dot\""));
	free(s);
	refused("{{% nothing-like-it}}", "no such picture");
	/* | number: a decimal without the zeros that say nothing, in a
	 * page and in a message. */
	expect("{{v | number}} {{w | number}} {{n | number}}", json_pack(
	    "{s:s, s:s, s:i}", "v", "4.00000", "w", "4.50000", "n", 7),
	    "4 4.5 7");
	expect("{{_ (surplus {s | number})}}", json_pack("{s:s}", "s",
	    "0.50000"), "(surplus 0.5)");
	expect("{{m | words}}", json_pack("{s:s, s:s, s:s}", "m",
	    "By {d | date}, {who}.", "who", SCRIPT, "d", "2026-11-04"),
	    "By 4 November 2026, " INERT ".");
	/* A day with its weekday: a date, an instant (with its UK clock
	 * time) or a stored timestamp; the form after a preposition is the
	 * catalogue's (Welsh "ar ddydd Sadwrn"); anything else as it is. */
	expect("{{d | day}}; {{t | day_after_preposition}}; {{s | day}}; "
	    "{{x | day}}", json_pack("{s:s, s:i, s:s, s:s}", "d", "2026-12-05",
	    "t", 1796126400, "s", "2026-07-01T23:30:00Z", "x", "soon"),
	    "Saturday 5 December 2026; Tuesday 1 December 2026, 12:00; "
	    "Thursday 2 July 2026, 00:30; soon");
	assert_int_equal(languages_load(), 0);
	v = json_pack("{s:s, s:i}", "d", "2026-12-05", "t", 1796126400);
	buf_init(&out, 1024);
	assert_int_equal(template_words("{d | day}: on {t | day}.", v,
	    language_words(language_find("cy")), &out), 0);
	assert_string_equal(out.data, "Dydd Sadwrn 5 Rhagfyr 2026: on Dydd "
	    "Mawrth 1 Rhagfyr 2026, 12:00.");
	buf_clear(&out);
	assert_int_equal(template_words("ar {d | day_after_preposition}", v,
	    language_words(language_find("cy")), &out), 0);
	assert_string_equal(out.data, "ar ddydd Sadwrn 5 Rhagfyr 2026");
	buf_release(&out);
	json_decref(v);
	v = json_pack("{s:s}", "who", "<b>");
	buf_init(&out, 1024);
	assert_int_equal(template_words("Ask {who}.", v, NULL, &out), 0);
	assert_string_equal(out.data, "Ask <b>.");
	buf_release(&out);
	/* The same as a string of its own, or set on an object; past its
	 * ceiling, nothing (the object unchanged). */
	s = template_words_dup("Ask {who}.", v, NULL, 64);
	assert_string_equal(s, "Ask <b>.");
	free(s);
	s = template_words_dup("", v, NULL, 64);
	assert_string_equal(s, "");
	free(s);
	assert_int_equal(template_words_set(v, "said", "Ask {who}.", v, NULL,
	    64), 0);
	assert_string_equal(json_string_value(json_object_get(v, "said")),
	    "Ask <b>.");
	assert_int_equal(template_words_set(v, "long", "Ask {who} and "
	    "{who} and {who}.", v, NULL, 8), -1);
	assert_null(json_object_get(v, "long"));
	json_decref(v);
	assert_int_equal(languages_load(), 0);
	words_in = language_words(language_find("cy"));
	/* In Welsh too: the words beside it are Welsh, the picture says
	 * nothing. */
	s = render_one("{{% vote}}", json_object());
	assert_non_null(strstr(s, "aria-hidden=\"true\""));
	assert_null(strstr(s, "aria-label="));
	free(s);
	words_in = NULL;
}

/* What people wrote in another language than the page's is marked so
 * (a span with its lang), where a span may stand: not in a title, an
 * option or an attribute; a page in its language, or a name, is not; a
 * value in parts, each part alone. */
static void
text_in_another_language_is_marked(void **state)
{
	char	*out;

	(void)state;
	out = render_one("<title>{{x}}</title><p>{{x}}</p><input value=\"{{x}}\">"
	    "<option>{{x}}</option><b>{{name}}</b>", json_pack("{s:{s:s}, s:s, "
	    "s:s}", "page", "lang", "en", "x", "Mae'r grisiau yn rhy serth i "
	    "ddynion hŷn ac nid oes canllaw", "name", "HMP Parc"));
	assert_non_null(out);
	assert_string_equal(out, "<title>Mae&#39;r grisiau yn rhy serth i "
	    "ddynion hŷn ac nid oes canllaw</title><p><span lang=\"cy\">"
	    "Mae&#39;r grisiau yn rhy serth i ddynion hŷn ac nid oes canllaw"
	    "</span></p><input value=\"Mae&#39;r grisiau yn rhy serth i "
	    "ddynion hŷn ac nid oes canllaw\"><option>Mae&#39;r grisiau yn rhy "
	    "serth i ddynion hŷn ac nid oes canllaw</option><b>HMP Parc</b>");
	free(out);
	out = render_one("<p>{{x}}</p>", json_pack("{s:{s:s}, s:s}", "page",
	    "lang", "cy", "x", "The stairs are too steep and have no rail"));
	assert_string_equal(out, "<p><span lang=\"en\">The stairs are too "
	    "steep and have no rail</span></p>");
	free(out);
	out = render_one("<p>{{x}}</p>", json_pack("{s:{s:s}, s:s}", "page",
	    "lang", "en", "x", "The stairs are too steep and have no rail"));
	assert_string_equal(out, "<p>The stairs are too steep and have no "
	    "rail</p>");
	free(out);
	/* Through | t: a message the catalogue has is ours, unmarked; a
	 * text it lacks (a question someone wrote) is marked. */
	out = render_one("<p>{{x | t}}</p>", json_pack("{s:{s:s}, s:s}", "page",
	    "lang", "en", "x", "Mae'r grisiau yn rhy serth i ddynion hŷn ac "
	    "nid oes canllaw"));
	assert_string_equal(out, "<p><span lang=\"cy\">Mae&#39;r grisiau yn "
	    "rhy serth i ddynion hŷn ac nid oes canllaw</span></p>");
	free(out);
	/* A value in parts: each action's text marked alone, our words
	 * beside it in the page's language and unmarked. */
	assert_int_equal(languages_load(), 0);
	words_in = language_words(language_find("cy"));
	out = render_one("<p>{{x}}</p>", json_pack("{s:{s:s}, s:{s:[{s:s, "
	    "s:s, s:s}, s, {s:s, s:s}]}}", "page", "lang", "cy", "x", "parts",
	    "msgid", "{text} ({percent}% done)", "text", "Fit a rail to the "
	    "stairs on the wing", "percent", "60", "; ", "msgid",
	    "{text}: done", "text", "Gosod canllaw ar y grisiau i'r dynion"));
	words_in = NULL;
	assert_string_equal(out, "<p><span lang=\"en\">Fit a rail to the "
	    "stairs on the wing</span> (60% wedi&#39;i wneud); Gosod canllaw "
	    "ar y grisiau i&#39;r dynion: wedi&#39;i wneud</p>");
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_in_another_language_is_marked),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_pictures_and_words),
		cmocka_unit_test(test_escape_each_character),
		cmocka_unit_test(test_html_escape),
		cmocka_unit_test(test_scalars),
		cmocka_unit_test(test_script_in_values),
		cmocka_unit_test(test_raw_refused),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_date_filter),
		cmocka_unit_test(test_inverted),
		cmocka_unit_test(test_dotted),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_partials),
		cmocka_unit_test(test_partial_missing_in_section),
		cmocka_unit_test(test_partial_recursion_bounded),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_error_line),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_render_ceiling),
		cmocka_unit_test(test_embedded_templates_load),
		cmocka_unit_test(test_may),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
