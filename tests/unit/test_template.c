/* src/render/template.h: escaping, sections, partials and the parser. */
#include "template_test.h"


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
	/* A list's table: drawn once around its rows, not when empty. */
	expect("{{^a}}none{{/a}}{{#a?}}<t>{{#a}}{{.}}{{/a}}</t>{{/a?}}",
	    json_pack("{s:[]}", "a"), "none");
	expect("{{^a}}none{{/a}}{{#a?}}<t>{{#a}}{{.}}{{/a}}</t>{{/a?}}",
	    json_pack("{s:[s,s]}", "a", "x", "y"), "<t>xy</t>");
	expect("{{#a?}}{{b}}{{/a?}}", json_pack("{s:[i], s:s}", "a", 1, "b",
	    "same context"), "same context");
	expect("{{#a?}}t{{/a?}}", json_object(), "");
	refused("{{#a?b}}x{{/a?b}}", "bad tag name");
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
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
