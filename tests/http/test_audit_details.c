/*
 * Every detail of the audit log in its reader's language (issue 20):
 * after the demo's actions and more of other kinds, the log read in
 * Welsh shows no detail as its stored code, none in English and no
 * count in the wrong form ("1 questions"); rows kept in English before
 * details were kept without words read as new rows do.
 */
#define PW	srv.demo_password
#include "http_test.h"
#include "auth/audit_detail.h"
#include "server/language.h"

#include <ctype.h>
#include <jansson.h>

/* The sentence already says these actions' details (audit_words.c). */
static const char *const said_in_sentence[] = { "panel.add",
    "panel.declare", "panel.removed", "lot.consensus_meeting", NULL };

static int
setup(void **state)
{
	static const char *const admin[] = { "admin", NULL };

	(void)state;
	if (languages_load() == -1)
		return -1;
	return server_with_passwords(admin);
}

/* Posts a preference form as c, answered 303. */
static void
prefer(struct client *c, const char *path, const char *body)
{
	struct reply	 r;

	assert_int_equal(http_get(c, path, &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(c, path, body, 1, &r), 303);
	reply_free(&r);
}

/* Every entry of the audit log read in lang, newest first, as JSON. */
static json_t *
audit_all(struct client *c, const char *lang)
{
	struct reply	 r;
	json_t		*all = json_array(), *view;
	char		 path[80];
	long long	 before = 0;
	int		 pages;

	for (pages = 0; pages < 100; pages++) {
		if (before > 0)
			snprintf(path, sizeof(path),
			    "/audit?lang=%s&before=%lld", lang, before);
		else
			snprintf(path, sizeof(path), "/audit?lang=%s", lang);
		assert_int_equal(http_get(c, path, &r), 200);
		view = json_loads(r.body, 0, NULL);
		reply_free(&r);
		assert_non_null(view);
		json_array_extend(all, json_object_get(view, "entries"));
		before = json_integer_value(json_object_get(view, "before"));
		json_decref(view);
		if (before <= 0)
			break;
	}
	return all;
}

/* 1 when s has a count with a plural noun after one: "1 questions". */
static int
one_with_plural(const char *s)
{
	const char	*p, *w;

	for (p = s; (p = strstr(p, "1 ")) != NULL; p++) {
		if (p > s && isdigit((unsigned char)p[-1]))
			continue;
		for (w = p + 2; isalpha((unsigned char)*w) || *w == '-'; w++)
			;
		if (w > p + 2 && w[-1] == 's')
			return 1;
	}
	return 0;
}

static int
has_letters(const char *s)
{
	for (; *s != '\0'; s++)
		if (isalpha((unsigned char)*s))
			return 1;
	return 0;
}

/* A file's kind kept as its extension is a code, never what someone
 * typed: shown so, it reads as the raw word "pdf". */
static const char *const file_exts[] = { "pdf", "docx", "odt", "png",
    "jpg", NULL };

static int
listed(const char *const *list, const char *s)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

/* The demo's actions, and preferences, a grant and the retention run
 * besides, read in Welsh: each detail worded, never as stored, never
 * left in English, never "1 questions". */
static void
every_detail_worded_in_welsh(void **state)
{
	struct client	 c;
	json_t		*cy, *en, *row, *twin;
	json_t		*actions = json_object();
	const char	*action, *detail, *said, *said_en;
	size_t		 i, checked = 0;

	(void)state;
	as(&c, "admin");
	prefer(&c, "/account/text-size", "text_size=large");
	prefer(&c, "/account/reading", "reading=standard");
	prefer(&c, "/account/language", "language=cy");
	prefer(&c, "/account/language", "language=en");
	assert_int_equal(roundtable_cli(&srv, "user add teller.two --role "
	    "coordinator --scope site:1 --name Teller", NULL, NULL), 0);
	assert_int_equal(roundtable_cli(&srv, "retention", NULL, NULL), 0);
	c.json = 1;
	cy = audit_all(&c, "cy");
	en = audit_all(&c, "en");
	client_free(&c);
	assert_int_equal(json_array_size(cy), json_array_size(en));
	json_array_foreach(cy, i, row) {
		action = json_string_value(json_object_get(row, "action"));
		detail = json_string_value(json_object_get(row, "detail"));
		twin = json_array_get(en, i);
		assert_int_equal(json_integer_value(json_object_get(row, "id")),
		    json_integer_value(json_object_get(twin, "id")));
		if (detail == NULL || *detail == '\0' ||
		    json_object_get(row, "detail_msgid") != NULL)
			continue;
		said = json_string_value(json_object_get(row, "detail_said"));
		said_en = json_string_value(json_object_get(twin,
		    "detail_said"));
		if (said == NULL) {
			if (!listed(said_in_sentence, action))
				fail_msg("%s \"%s\": no words", action, detail);
			continue;
		}
		if (json_object_get(row, "detail_recorded") != NULL)
			fail_msg("%s \"%s\": shown as recorded", action,
			    detail);
		json_object_set_new(actions, action, json_true());
		checked++;
		if (json_is_true(json_object_get(row, "detail_typed"))) {
			if (listed(file_exts, detail))
				fail_msg("%s: the file kind \"%s\" shown raw",
				    action, detail);
			continue;	/* what someone typed, as typed */
		}
		assert_non_null(said_en);
		if (strcmp(said, detail) == 0 || strchr(said, '_') != NULL)
			fail_msg("%s: the stored code \"%s\" shown", action,
			    detail);
		/* A language is named in itself, as the form names it. */
		if (language_find(detail) != NULL && strcmp(said,
		    language_find(detail)->name) == 0)
			continue;
		if (has_letters(said_en) && strcmp(said, said_en) == 0)
			fail_msg("%s \"%s\": English in Welsh: %s", action,
			    detail, said);
		/* English's plural, in the English twin: Welsh words end in
		 * s too ("1 sgwrs"); Welsh left in English fails above. */
		if (one_with_plural(said_en))
			fail_msg("%s \"%s\": a wrong plural: %s", action,
			    detail, said_en);
	}
	print_message("%zu details of %zu actions worded\n", checked,
	    json_object_size(actions));
	assert_true(checked > 100);
	assert_true(json_object_size(actions) > 40);
	/* Kinds the walk must have met. */
	assert_non_null(json_object_get(actions, "survey.questions"));
	assert_non_null(json_object_get(actions, "issue.logs"));
	assert_non_null(json_object_get(actions, "account.text_size"));
	assert_non_null(json_object_get(actions, "grant.create"));
	assert_non_null(json_object_get(actions, "paper.create"));
	assert_non_null(json_object_get(actions, "bid.document"));
	json_decref(actions);
	json_decref(cy);
	json_decref(en);
}

/* One row's detail worded in Welsh. */
static char *
welsh_detail(const char *action, const char *detail, int *recorded)
{
	json_t	*rows = json_pack("[{s:s, s:s}]", "action", action, "detail",
		    detail);
	json_t	*row = json_array_get(rows, 0);
	char	*said;

	audit_detail_add(rows, language_words(language_find("cy")));
	said = strdup(json_string_value(json_object_get(row, "detail_said")) ?
	    json_string_value(json_object_get(row, "detail_said")) : "");
	*recorded = json_object_get(row, "detail_recorded") != NULL;
	json_decref(rows);
	return said;
}

/* Rows kept in English before read as the rows kept now, which keep
 * codes and numbers; the chain is not rewritten. */
static void
old_rows_read_as_new(void **state)
{
	static const struct {
		const char	*action, *old, *now, *said;
	} rows[] = {
		{ "survey.questions", "1 questions", "1",
		    "1 cwestiwn wedi'i ychwanegu" },
		{ "survey.questions", "3 questions", "3",
		    "3 chwestiwn wedi'u hychwanegu" },
		{ "survey.question_remove", "question 4", "4", "Cwestiwn 4" },
		{ "survey.version", "after 2 responses", "2",
		    "Ar ôl 2 ymateb" },
		{ "issue.logs", "1 logs", "1", "1 sgwrs wedi'i chysylltu" },
		{ "action.hand_on", "2 actions", "2", "2 gam gweithredu" },
		{ "group.election_rules", "no proxy", "no_proxy",
		    "Dim pleidleisio drwy ddirprwy" },
		{ "decision.create", "not quorate", "not_quorate",
		    "Nid oedd cworwm yn y cyfarfod" },
		{ "issue.resolve", "its proposal is done", "proposal_done",
		    "Mae ei gynnig wedi'i gwblhau" },
		{ "exchange.import", "parts to 12 from place 3: 40 changes, "
		    "1 conflicts", "12 3 40 1", "Rhannau hyd at rif 12 o le 3. "
		    "Newidiadau: 40. Gwrthdaro: 1." },
		{ "exchange.export", "part 5 to place 2: 10 changes", "5 2 10",
		    "Rhan rhif 5 ar gyfer lle 2. Newidiadau: 10." },
		{ "election.batch_mismatch", "papers 2, 5; the number of "
		    "papers", "2 5 count", "papurau 2, 5 a nifer y papurau" },
		{ "election.batch_mismatch", "papers 3", "3", "papur 3" },
	};
	char		*old, *now;
	int		 rec_old, rec_now;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		old = welsh_detail(rows[i].action, rows[i].old, &rec_old);
		now = welsh_detail(rows[i].action, rows[i].now, &rec_now);
		assert_string_equal(old, rows[i].said);
		assert_string_equal(now, rows[i].said);
		assert_false(rec_old || rec_now);
		free(old);
		free(now);
	}
	/* The retention run keeps its kinds' names and counts. */
	old = welsh_detail("retention.run", "logs 3, follow-ups 1", &rec_old);
	assert_string_equal(old, "3 chofnod sgwrs; 1 cam dilynol");
	free(old);
	/* A detail no table reads is shown as kept, and said to be. */
	old = welsh_detail("lot.unheard_of", "something", &rec_old);
	assert_string_equal(old, "Fel y'i cofnodwyd: something");
	assert_true(rec_old);
	free(old);
}

/* A page withheld says whom to ask by the reader's part: a member their
 * coordinator, a coordinator an administrator, an administrator nobody;
 * a 404 (which may hide a page) the same. */
static void
withheld_pages_say_whom_to_ask(void **state)
{
	static const struct {
		const char	*who, *path;
		long		 status;
		const char	*says, *not_says;
	} cases[] = {
		{ "member.forum", "/audit", 403, "ask your coordinator",
		    "administrator" },
		{ "coordinator.fenwick", "/audit", 403, "ask an administrator",
		    "ask your coordinator" },
		{ "coordinator.fenwick", "/proposals/999999", 404,
		    "ask an administrator", "ask your coordinator" },
		{ "admin", "/proposals/999999", 404, NULL,
		    "If you think you should be able to see this" },
	};
	struct client	 c;
	struct reply	 r;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		as(&c, cases[i].who);
		assert_int_equal(http_get(&c, cases[i].path, &r),
		    cases[i].status);
		if (cases[i].says != NULL)
			assert_contains(r.body, cases[i].says);
		assert_lacks(r.body, cases[i].not_says);
		reply_free(&r);
		client_free(&c);
	}
	/* In Welsh too. */
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/audit?lang=cy", &r), 403);
	assert_contains(r.body, "gofynnwch i weinyddwr");
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(old_rows_read_as_new),
		cmocka_unit_test(every_detail_worded_in_welsh),
		cmocka_unit_test(withheld_pages_say_whom_to_ask),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
