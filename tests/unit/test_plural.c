/*
 * Words for a number: {{_n count: one | many}} in templates, and
 * template_words_n for what C words (a PDF's lines).  English has two
 * forms; Welsh seven (0, 1, 2, 3, 6, 5 and 7 to 10, the rest), and a noun
 * after 2, 3 and 6 mutates ("2 ddiwrnod", "3 phapur", "6 phleidlais"),
 * and diwrnod after 5 and 7 to 10 ("5 niwrnod").
 */
#include "unit.h"

#include "render/template.h"
#include "server/language.h"
#include "util/catalogue.h"

/* src rendered with {name: n} (n < 0: the string "fewer than 5", a
 * count hidden for being small) in lang ("en", "cy").  The caller frees
 * the result; the parse must succeed. */
static char *
said_for(const char *src, const char *name, long n, const char *lang)
{
	struct template_set	 set = { NULL, 0 };
	struct template		*t;
	struct buf		 out;
	json_t			*view, *count;
	char			 err[256];

	if ((t = template_parse("t", src, strlen(src), err, sizeof(err)))
	    == NULL)
		fail_msg("%s: %s", src, err);
	assert_int_equal(template_set_add(&set, t), 0);
	count = n < 0 ? json_string("fewer than 5") : json_integer(n);
	/* "vote.turnout_votes" is {"vote": {"turnout_votes": n}}. */
	view = strchr(name, '.') == NULL ? json_pack("{s:o}", name, count) :
	    json_pack("{s:{s:o}}", "vote", strchr(name, '.') + 1, count);
	buf_init(&out, 4096);
	assert_int_equal(template_render_in(&set, "t", view, &out, NULL, NULL,
	    language_words(language_find(lang))), 0);
	json_decref(view);
	template_set_free(&set);
	return buf_detach(&out, NULL);
}

/* The name counted in src: what stands before its colon. */
static void
expect_said(const char *src, long n, const char *lang, const char *want)
{
	char	 name[64];
	char	*got;

	snprintf(name, sizeof(name), "%.*s", (int)strcspn(src + 5, ":"),
	    src + 5);
	got = said_for(src, name, n, lang);

	if (strcmp(got, want) != 0)
		fail_msg("%s with n=%ld in %s gave \"%s\", wanted \"%s\"", src,
		    n, lang, got, want);
	free(got);
}

/* As the templates write them, so that the catalogue has them. */
#define PAPERS	"{{_n papers: , {papers} paper | , {papers} papers}}"
#define OVERDUE	"{{_n days_overdue: Overdue by {days_overdue} day | " \
	"Overdue by {days_overdue} days}}"
#define DAYS	"{{_n n: {n} day | {n} days}}"
#define TURNOUT	"{{_n vote.turnout_votes: Turnout: {vote.turnout_votes | count} vote " \
	"| Turnout: {vote.turnout_votes | count} votes}}"

static void
test_plural_english(void **state)
{
	(void)state;
	assert_int_equal(languages_load(), 0);
	expect_said(PAPERS, 0, "en", ", 0 papers");
	expect_said(PAPERS, 1, "en", ", 1 paper");
	expect_said(PAPERS, 2, "en", ", 2 papers");
	expect_said(OVERDUE, 21, "en", "Overdue by 21 days");
	/* A hidden count reads as many: "fewer than 5 votes". */
	expect_said(TURNOUT, -1, "en", "Turnout: fewer than 5 votes");
	/* Words not in the catalogue stay English, in their right form. */
	expect_said("{{_n n: {n} cat | {n} cats}}", 1, "cy", "1 cat");
	expect_said("{{_n n: {n} cat | {n} cats}}", 3, "cy", "3 cats");
}

static void
test_plural_welsh_mutates(void **state)
{
	(void)state;
	assert_int_equal(languages_load(), 0);
	expect_said(PAPERS, 1, "cy", ", 1 papur");
	expect_said(PAPERS, 2, "cy", ", 2 bapur");
	expect_said(PAPERS, 3, "cy", ", 3 phapur");
	expect_said(PAPERS, 6, "cy", ", 6 phapur");
	expect_said(PAPERS, 7, "cy", ", 7 papur");
	expect_said(OVERDUE, 2, "cy", "2 ddiwrnod yn hwyr");
	expect_said(OVERDUE, 10, "cy", "10 niwrnod yn hwyr");
	expect_said(OVERDUE, 11, "cy", "11 diwrnod yn hwyr");
	expect_said(TURNOUT, 1, "cy", "Nifer a bleidleisiodd: 1 bleidlais");
	expect_said(TURNOUT, 6, "cy", "Nifer a bleidleisiodd: 6 phleidlais");
	expect_said(TURNOUT, -1, "cy",
	    "Nifer a bleidleisiodd: llai na 5 pleidlais");
}

/*
 * After 5, 7, 8, 9 and 10 ("pum", "saith", "wyth", "naw", "deng")
 * diwrnod, blynedd and blwydd take the nasal mutation ("5 niwrnod"),
 * which 11, 20 or 100 do not ("11 diwrnod"): Welsh's seventh form, by
 * the rule po/cy.po's header declares.
 */
static void
test_plural_welsh_nasal_after_five_to_ten(void **state)
{
	static const struct { long n; const char *lang, *said; } days[] = {
		{ 0, "cy", "0 diwrnod" }, { 1, "cy", "1 diwrnod" },
		{ 2, "cy", "2 ddiwrnod" }, { 3, "cy", "3 diwrnod" },
		{ 4, "cy", "4 diwrnod" }, { 5, "cy", "5 niwrnod" },
		{ 6, "cy", "6 diwrnod" }, { 7, "cy", "7 niwrnod" },
		{ 8, "cy", "8 niwrnod" }, { 9, "cy", "9 niwrnod" },
		{ 10, "cy", "10 niwrnod" }, { 11, "cy", "11 diwrnod" },
		{ 15, "cy", "15 diwrnod" }, { 20, "cy", "20 diwrnod" },
		{ 100, "cy", "100 diwrnod" }, { 1, "en", "1 day" },
		{ 5, "en", "5 days" }, { 7, "en", "7 days" } };
	size_t	 i;

	(void)state;
	assert_int_equal(languages_load(), 0);
	for (i = 0; i < sizeof(days) / sizeof(days[0]); i++)
		expect_said(DAYS, days[i].n, days[i].lang, days[i].said);
	/* Other nouns keep the form for most numbers there ("5 papur"). */
	expect_said(PAPERS, 5, "cy", ", 5 papur");
}

/* What C words for a number takes the same forms. */
static void
test_plural_from_c(void **state)
{
	struct buf	 out;
	json_t		*v = json_pack("{s:i}", "n", 2);

	(void)state;
	assert_int_equal(languages_load(), 0);
	buf_init(&out, 256);
	assert_int_equal(template_words_n("{n} point", "{n} points", 2, v,
	    language_words(language_find("cy")), &out), 0);
	assert_string_equal(out.data, "2 bwynt");
	buf_clear(&out);
	assert_int_equal(template_words_n("{n} point", "{n} points", 2, v,
	    NULL, &out), 0);
	assert_string_equal(out.data, "2 points");
	buf_release(&out);
	json_decref(v);
}

/* A count's words need a name, a colon and both forms, each valid. */
static void
test_plural_refused(void **state)
{
	const char *const bad[] = { "{{_n {n} day | {n} days}}",
	    "{{_n n: {n} day}}", "{{_n n: | {n} days}}",
	    "{{_n n: {n} day | }}", "{{_n na me: {n} day | {n} days}}",
	    "{{_n n: {n | nothing} day | {n} days}}", NULL };
	const char *const *src;
	struct template	*t;
	char		 err[256];

	(void)state;
	for (src = bad; *src != NULL; src++) {
		t = template_parse("bad", *src, strlen(*src), err, sizeof(err));
		if (t != NULL)
			fail_msg("\"%s\" parsed, but should not", *src);
		assert_non_null(strstr(err, "one | many"));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plural_english),
		cmocka_unit_test(test_plural_welsh_mutates),
		cmocka_unit_test(test_plural_welsh_nasal_after_five_to_ten),
		cmocka_unit_test(test_plural_from_c),
		cmocka_unit_test(test_plural_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
