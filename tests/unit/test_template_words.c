/*
 * src/render/template.h, its words: {{_ words}} in the reader's
 * language, pictures beside words, and what people wrote marked with its
 * language.
 */
#include "template_test.h"

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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
