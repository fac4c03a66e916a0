/*
 * util/catalogue.h and server/language.h: a .mo made by msgfmt read in
 * place, plural forms by the language's rule, English where a message
 * has no translation, a broken image refused; the Welsh catalogue the
 * binary carries; and the templates already in the catalogue keep no
 * English outside it.
 */
#include "unit.h"

#include <ctype.h>
#include <unistd.h>

#include "embedded.h"
#include "server/language.h"
#include "util/bytes_words.h"
#include "util/catalogue.h"
#include "util/plural_rule.h"
#include "util/date.h"
#include "util/suppression.h"
#include "util/uk_time.h"

#define PO \
    "msgid \"\"\n" \
    "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n" \
    "\"Plural-Forms: nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : " \
    "(n==2) ? 2 : (n==3) ? 3 : (n==6) ? 4 : 5;\\n\"\n\n" \
    "msgid \"Sign in\"\nmsgstr \"Mewngofnodi\"\n\n" \
    "msgid \"Untranslated\"\nmsgstr \"\"\n\n" \
    "msgid \"one cat\"\nmsgid_plural \"%lu cats\"\n" \
    "msgstr[0] \"dim cathod\"\nmsgstr[1] \"un gath\"\n" \
    "msgstr[2] \"dwy gath\"\nmsgstr[3] \"tair cath\"\n" \
    "msgstr[4] \"chwe chath\"\nmsgstr[5] \"cathod\"\n"

/* The .mo msgfmt makes of po, read into *len bytes (malloc'd). */
static unsigned char *
compiled(const char *po, size_t *len)
{
	char		 dir[] = "/tmp/rt-mo-XXXXXX", cmd[256], path[64];
	FILE		*f;
	unsigned char	*mo;
	long		 n;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.po", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs(po, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "msgfmt -o %s/t.mo %s && test -s %s/t.mo",
	    dir, path, dir);
	assert_int_equal(system(cmd), 0);
	snprintf(path, sizeof(path), "%s/t.mo", dir);
	assert_non_null(f = fopen(path, "rb"));
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	assert_non_null(mo = malloc((size_t)n));
	assert_int_equal(fread(mo, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	*len = (size_t)n;
	return mo;
}

static void
test_messages_and_plurals(void **state)
{
	const struct language	*cy = language_find("cy");
	struct catalogue	 c;
	unsigned char		*mo;
	size_t			 len;
	static const char *const forms[] = { "dim cathod", "un gath",
	    "dwy gath", "tair cath", "cathod", "cathod", "chwe chath",
	    "cathod" };
	unsigned long		 n;

	(void)state;
	assert_non_null(cy);
	mo = compiled(PO, &len);
	assert_int_equal(catalogue_load(&c, mo, len), 0);
	assert_string_equal(catalogue_get(&c, "Sign in"), "Mewngofnodi");
	/* No translation, or none yet: the English. */
	assert_string_equal(catalogue_get(&c, "Not in it"), "Not in it");
	assert_string_equal(catalogue_get(&c, "Untranslated"),
	    "Untranslated");
	for (n = 0; n < 8; n++)
		assert_string_equal(catalogue_nget(&c, "one cat", "%lu cats",
		    n), forms[n]);
	/* English: no catalogue, English's rule. */
	assert_string_equal(catalogue_get(NULL, "Sign in"), "Sign in");
	assert_string_equal(catalogue_nget(NULL, "one cat", "%lu cats", 1),
	    "one cat");
	assert_string_equal(catalogue_nget(NULL, "one cat", "%lu cats", 2),
	    "%lu cats");
	/* A cut or bent image is refused, and reads as English. */
	assert_int_equal(catalogue_load(&c, mo, 20), -1);
	assert_string_equal(catalogue_get(&c, "Sign in"), "Sign in");
	assert_int_equal(catalogue_load(&c, mo, len - 8), -1);
	mo[0] ^= 0xff;
	assert_int_equal(catalogue_load(&c, mo, len), -1);
	free(mo);
}

/* A header of po's Plural-Forms rule, then one plural message "one
 * day" / "{n} days" with forms, NUL-free, each "form K". */
#define RULED(rule) \
    "msgid \"\"\n" \
    "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n" \
    "\"" rule "\\n\"\n\n" \
    "msgid \"one day\"\nmsgid_plural \"{n} days\"\n" \
    "msgstr[0] \"form 0\"\nmsgstr[1] \"form 1\"\n" \
    "msgstr[2] \"form 2\"\n"

/* The rule is the header's, whatever it says; a rule that does not
 * parse, or names a form the catalogue lacks, refuses the catalogue; no
 * rule at all counts as English does. */
static void
test_the_plural_rule_is_the_headers(void **state)
{
	struct catalogue	 c;
	unsigned char		*mo;
	size_t			 len;
	static const char *const refused[] = {
	    RULED("Plural-Forms: nplurals=2; plural=n==;"),
	    RULED("Plural-Forms: nplurals=2; plural=(n>1;"),
	    RULED("Plural-Forms: nplurals=2; plural=n;"),
	    RULED("Plural-Forms: nplurals=3; plural=n%10==1 ? 0 : n==7 ? 3 : 2;"),
	    RULED("Plural-Forms: nplurals=2; plural=m != 1;"),
	    NULL };
	const char *const	*po;
	static const struct { unsigned long n; const char *form; } by_rule[] = {
		{ 3, "form 0" }, { 0, "form 2" }, { 4, "form 1" },
		{ 5, "form 2" }, { 102, "form 0" }, { 101, "form 1" } };
	size_t			 i;

	(void)state;
	/* Forms by a rule no language in the program has: n%3, with
	 * every operator's precedence as C's. */
	mo = compiled(RULED("Plural-Forms: nplurals=3; "
	    "plural=n%3==0 && !(n<1) ? 0 : n - n/3*3 == 1 || n>=100 ? 1 : 2;"),
	    &len);
	assert_int_equal(catalogue_load(&c, mo, len), 0);
	for (i = 0; i < sizeof(by_rule) / sizeof(by_rule[0]); i++)
		assert_string_equal(catalogue_nget(&c, "one day", "{n} days",
		    by_rule[i].n), by_rule[i].form);
	free(mo);
	mo = compiled(RULED("X-Generator: none"), &len);
	assert_int_equal(catalogue_load(&c, mo, len), 0);
	assert_string_equal(catalogue_nget(&c, "one day", "{n} days", 1),
	    "form 0");
	assert_string_equal(catalogue_nget(&c, "one day", "{n} days", 5),
	    "form 1");
	free(mo);
	for (po = refused; *po != NULL; po++) {
		struct plural_rule	 rule;
		char			 header[160];

		/* msgfmt refuses most of these too: read the header alone. */
		snprintf(header, sizeof(header), "%s", strstr(*po,
		    "Plural-Forms"));
		*strstr(header, "\\n") = '\0';
		if (plural_rule_read(header, &rule) != -1)
			fail_msg("the rule in \"%s\" was taken", header);
	}
}

static void
test_the_welsh_catalogue_is_carried(void **state)
{
	const struct language	*cy = language_find("cy");

	(void)state;
	assert_int_equal(languages_load(), 0);
	assert_null(language_words(language_default()));
	assert_string_equal(catalogue_get(language_words(cy), "Sign in"),
	    "Mewngofnodi");
	assert_string_equal(catalogue_get(language_words(cy), "November"),
	    "Tachwedd");
	assert_null(language_find("xx"));
	assert_null(language_find(NULL));
}

/*
 * What C composes from pieces is in the reader's language too: a wait
 * with its plural ("2 funud"), a day with its weekday, a count held back
 * for privacy; and English stays as it was.
 */
static void
test_values_made_in_c_are_welsh(void **state)
{
	const struct catalogue	*cy;
	char			 out[64];
	json_t			*n;

	(void)state;
	assert_int_equal(languages_load(), 0);
	cy = language_words(language_find("cy"));
	duration_words(1800, cy, out, sizeof(out));
	assert_string_equal(out, "30 munud");
	duration_words(120, cy, out, sizeof(out));
	assert_string_equal(out, "2 funud");
	duration_words(1800, NULL, out, sizeof(out));
	assert_string_equal(out, "30 minutes");
	duration_words(60, NULL, out, sizeof(out));
	assert_string_equal(out, "60 seconds");
	duration_words(7200, NULL, out, sizeof(out));
	assert_string_equal(out, "2 hours");
	uk_day_words("2026-12-04", cy, out, sizeof(out));
	assert_string_equal(out, "Dydd Gwener 4 Rhagfyr 2026");
	uk_day_words("2026-12-04", NULL, out, sizeof(out));
	assert_string_equal(out, "Friday 4 December 2026");
	/* 1796126400 is 2026-12-01 12:00 UTC, GMT in winter. */
	uk_words(1796126400, cy, out, sizeof(out));
	assert_string_equal(out, "Dydd Mawrth 1 Rhagfyr 2026, 12:00");
	/* After a preposition, the msgctxt's form: "ar ddydd Gwener", and in
	 * English the same word; without that form, the word alone. */
	uk_day_words_as("2026-12-04", UK_DAY_AFTER_PREPOSITION, cy, out,
	    sizeof(out));
	assert_string_equal(out, "ddydd Gwener 4 Rhagfyr 2026");
	uk_words_as(1796126400, UK_DAY_AFTER_PREPOSITION, cy, out,
	    sizeof(out));
	assert_string_equal(out, "ddydd Mawrth 1 Rhagfyr 2026, 12:00");
	uk_day_words_as("2026-12-05", UK_DAY_AFTER_PREPOSITION, NULL, out,
	    sizeof(out));
	assert_string_equal(out, "Saturday 5 December 2026");
	assert_string_equal(catalogue_pget(cy, "after a preposition",
	    "Saturday"), "ddydd Sadwrn");
	assert_string_equal(catalogue_pget(cy, "no such context", "Saturday"),
	    "Dydd Sadwrn");
	assert_string_equal(catalogue_pget(NULL, "after a preposition",
	    "Saturday"), "Saturday");
	/* A stored timestamp at its UK clock time: GMT in December, BST
	 * (an hour on) in July; a date alone; anything else as it is. */
	assert_string_equal(uk_stamp_words("2026-12-06T07:18:54Z", cy, out),
	    "6 Rhagfyr 2026 am 07:18");
	assert_string_equal(uk_stamp_words("2026-12-06T07:18:54Z", NULL, out),
	    "6 December 2026 at 07:18");
	assert_string_equal(uk_stamp_words("2026-07-01T23:30:00Z", NULL, out),
	    "2 July 2026 at 00:30");
	assert_string_equal(uk_stamp_words("2026-12-06", cy, out),
	    "6 Rhagfyr 2026");
	assert_string_equal(uk_stamp_words("soon", cy, out), "soon");
	/* Sizes as people read them, never a raw count of bytes. */
	assert_string_equal(bytes_words(850, NULL, out), "850 bytes");
	assert_string_equal(bytes_words(1, NULL, out), "1 byte");
	assert_string_equal(bytes_words(850, cy, out), "850 beit");
	assert_string_equal(bytes_words(14143, NULL, out), "14 KB");
	assert_string_equal(bytes_words(14143, cy, out), "14 KB");
	assert_string_equal(bytes_words(1258291, cy, out), "1.2 MB");
	assert_string_equal(bytes_words(1048576, NULL, out), "1 MB");
	assert_string_equal(bytes_words(52428800, NULL, out), "50 MB");
	n = suppressed_count(3, SUPPRESS_SMALL, 5);
	assert_string_equal(json_string_value(n), "fewer than 5");
	assert_string_equal(suppressed_words(n, cy, out, sizeof(out)),
	    "llai na 5");
	assert_string_equal(suppressed_words(n, NULL, out, sizeof(out)),
	    "fewer than 5");
	json_decref(n);
	n = suppressed_count(7, SUPPRESS_SECONDARY, 5);
	assert_string_equal(suppressed_words(n, cy, out, sizeof(out)),
	    "cudd");
	json_decref(n);
	n = suppressed_count(12, SUPPRESS_SHOWN, 5);
	assert_string_equal(suppressed_words(n, cy, out, sizeof(out)), "12");
	json_decref(n);
}

/*
 * The templates the catalogue covers so far: every word a reader sees in
 * them comes through it ({{_ words}}, or a value shown with | t); a path
 * or a command shown as it is typed (<code>) is not a word.  The
 * list only grows; `make po` extracts what it finds.
 */
static const char *const translated[] = { "layout/top.html",
    "layout/heading.html",
    "layout/bottom.html", "auth/sign_in.html", "errors.html", "error.html",
    "fields.html", "home.html", "notice.html", "procurement/moderating.html",
    "form.html", "form_body.html", "paging_filter.html", "paging_nav.html",
    "no_names.html", "redirect.html", "elections/vote.html",
    "proposals/outcomes.html", "surveys/answer.html", "surveys/thanks.html",
    "voice/log_form.html", "easy/proposals/answer.html",
    "easy/proposals/outcomes.html", "easy/proposals/show.html",
    "easy/elections/vote.html", "easy/elections/show.html",
    "easy/surveys/answer.html",
    "easy/surveys/choices.html", "easy/surveys/thanks.html",
    "surveys/options.html", "easy/plans/plan.html", "easy/meetings/show.html",
    "easy/voice/log_form.html",
    "surveys/show.html", "surveys/list.html", "surveys/choices.html",
    "surveys/event_vote.html", "surveys/results.html", "surveys/site.html",
    "surveys/paper_entry.html", "surveys/themes.html", "proposals/show.html",
    "proposals/list.html", "proposals/decisions.html",
    "proposals/overdue.html", "proposals/timeliness.html",
    "meetings/action_points.html", "meetings/attendance.html",
    "meetings/list.html", "meetings/measures.html", "meetings/minutes.html",
    "meetings/show.html", "voice/arrival.html", "voice/arrivals.html",
    "voice/batch.html", "voice/directory.html", "voice/followups.html",
    "voice/issue.html", "voice/issues.html", "voice/log.html",
    "voice/logs.html", "voice/search.html", "voice/service.html",
    "voice/topics.html", "plans/awaiting.html", "plans/declarations.html",
    "plans/overdue.html", "plans/plan.html", "plans/plan_none.html",
    "plans/provision.html", "plans/referral_new.html",
    "elections/count.html", "elections/list.html", "elections/schedule.html",
    "elections/seat.html", "elections/seats.html", "elections/show.html",
    "elections/verify.html", "auth/account.html", "auth/audit.html",
    "auth/resend.html", "auth/token.html", "peer/close.html",
    "peer/hand_on.html", "peer/measures.html", "peer/now.html",
    "peer/request.html", "peer/requests.html", "peer/rota.html",
    "peer/stepped_back.html", "peer/wellbeing.html", "paging.html",
    "exchange/conflicts.html", "exchange/index.html", "people/document.html",
    "people/documents.html", "people/group.html", "people/groups.html",
    "people/people.html", "people/person.html", "people/reads.html",
    "people/site.html", "people/sites.html", "people/subject_access.html",
    "membership/courses.html", "membership/expense.html",
    "membership/expense_form.html", "membership/expenses.html",
    "membership/person_training.html", "membership/pipeline.html",
    "membership/session.html", "membership/supervision.html",
    "membership/supervision_mine.html", "membership/supervision_overdue.html",
    "membership/training.html", "procurement/declare.html",
    "procurement/evaluate.html", "procurement/list.html",
    "procurement/score.html", "procurement/consensus.html",
    "procurement/lot.html", "procurement/show.html",
    "evidence/dashboard.html", "evidence/not_linked.html", NULL };

/* Appends to out what a reader of src sees that is not a tag: text
 * between HTML tags, and the attributes read aloud. */
static void
visible_text(const char *src, size_t len, char *out, size_t outsz)
{
	const char	*p = src, *end = src + len, *e;
	size_t		 o = 0;
	int		 in_tag = 0, open;

	while (p < end && o + 2 < outsz) {
		if (p + 1 < end && p[0] == '{' && p[1] == '{') {
			/* A tag of the template: its words are the
			 * catalogue's, its names are not read. */
			for (open = 0, e = p + 2; e + 1 < end; e++) {
				if (*e == '{')
					open = 1;
				else if (*e == '}' && open)
					open = 0;
				else if (*e == '}' && e[1] == '}')
					break;
			}
			p = e + 2;
			while (p < end && *p == '}')
				p++;
			continue;
		}
		if (end - p > 5 && strncmp(p, "<code", 5) == 0 && (e =
		    memmem(p, (size_t)(end - p), "</code>", 7)) != NULL) {
			/* A command or a header, typed as it stands: not
			 * words to translate. */
			p = e + 7;
			out[o++] = ' ';
			continue;
		}
		if (*p == '<') {
			in_tag = 1;
			out[o++] = ' ';
		} else if (*p == '>')
			in_tag = 0;
		else if (in_tag && (strncmp(p, "aria-label=\"", 12) == 0 ||
		    strncmp(p, "alt=\"", 5) == 0 ||
		    strncmp(p, "title=\"", 7) == 0 ||
		    strncmp(p, "placeholder=\"", 13) == 0)) {
			p = strchr(p, '"') + 1;
			in_tag = 2;	/* inside a value read aloud */
			continue;
		} else if (in_tag == 2 && *p == '"')
			in_tag = 1;
		else if (*p == '&') {
			while (p < end && *p != ';')
				p++;
		} else if (in_tag != 1)
			out[o++] = *p;
		p++;
	}
	out[o] = '\0';
}

static void
test_no_english_outside_the_catalogue(void **state)
{
	const struct embedded_file	*f;
	static char			 text[65536];
	const char			*const *t;
	char				*w, *save = NULL;
	int				 found, bad = 0;

	(void)state;
	for (t = translated; *t != NULL; t++) {
		for (found = 0, f = embedded_templates; f->name != NULL; f++) {
			if (strcmp(f->name, *t) != 0)
				continue;
			found = 1;
			visible_text((const char *)f->data, f->len, text,
			    sizeof(text));
			for (w = strtok_r(text, " \t\n.,:;()!?–-\"'", &save);
			    w != NULL; w = strtok_r(NULL,
			    " \t\n.,:;()!?–-\"'", &save)) {
				if (strcmp(w, "Roundtable") == 0)
					continue;	/* the name */
				if (*w == '/' || strchr(w, '=') != NULL)
					continue;	/* a path, its query */
				for (; *w != '\0' && !isalpha(
				    (unsigned char)*w); w++)
					;
				if (*w != '\0') {
					print_error("%s: \"%s\" is outside "
					    "the catalogue\n", *t, w);
					bad++;
				}
			}
		}
		if (!found)
			print_error("%s: no such template\n", *t);
		assert_true(found);
	}
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_messages_and_plurals),
		cmocka_unit_test(test_the_plural_rule_is_the_headers),
		cmocka_unit_test(test_the_welsh_catalogue_is_carried),
		cmocka_unit_test(test_values_made_in_c_are_welsh),
		cmocka_unit_test(test_no_english_outside_the_catalogue),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
