/*
 * What a first-time user meets, beyond the crawl (test_crawl.c): the
 * "you said, we did" poster on one page, being told why they were signed
 * out (and keeping what they typed), the text-size choice, the
 * member's home page, and every save saying what it saved.
 */
#define PW	"a11y-test-password"
#include "http_test.h"

static int
setup(void **state)
{
	static const char *const users[] = { "member.forum", "rep.fenwick",
	    "coordinator.fenwick", "governor.fenwick", NULL };

	(void)state;
	return server_with_passwords(users);
}

/* The poster's items fit on its page: no second page holding only the
 * footer. */
static void
poster_is_one_page(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*text;

	(void)state;
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/groups/1/you-said-we-did.pdf", &r),
	    200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "You said");
	free(text);
	assert_int_equal(pdf_pages(&srv, &r), 1);
	reply_free(&r);
	client_free(&c);
}

/* The hidden fields of the first form posting to action on page, as a
 * form body (values unescaped from HTML and URL-encoded), without the
 * form token; malloc'd. */
static char *
hidden_fields(const char *page, const char *action)
{
	char		 want[128], *body = strdup(""), *name, *value, *enc,
			*next, *w;
	const char	*p, *end, *q, *v;
	static const char *const ents[][2] = { { "&amp;", "&" },
	    { "&quot;", "\"" }, { "&#39;", "'" }, { "&lt;", "<" },
	    { "&gt;", ">" } };
	size_t		 e;

	snprintf(want, sizeof(want), "action=\"%s\"", action);
	p = strstr(page, want);
	assert_non_null(p);
	end = strstr(p, "</form>");
	while ((p = strstr(p, "<input type=\"hidden\" name=\"")) != NULL &&
	    p < end) {
		p += strlen("<input type=\"hidden\" name=\"");
		q = strchr(p, '"');
		name = strndup(p, (size_t)(q - p));
		v = strstr(q, "value=\"") + 7;
		value = strndup(v, (size_t)(strchr(v, '"') - v));
		for (e = 0; e < sizeof(ents) / sizeof(ents[0]); e++)
			while ((w = strstr(value, ents[e][0])) != NULL)
				memmove(w + 1, w + strlen(ents[e][0]),
				    strlen(w + strlen(ents[e][0])) + 1),
				    *w = ents[e][1][0];
		if (strcmp(name, "csrf") != 0) {
			enc = url_encode(value);
			assert_true(asprintf(&next, "%s%s%s=%s", body,
			    *body ? "&" : "", name, enc) != -1);
			free(body);
			body = next;
			free(enc);
		}
		free(name);
		free(value);
	}
	return body;
}

#define KEPT_TEXT	"Lights on C wing stay on all night & \"nobody\" sleeps"

/*
 * A rep's session runs out while they type a log.  Sending it shows the
 * sign-in form saying why, nothing is saved, and what they typed travels
 * back with the form; after signing in they see it and send it again
 * with a fresh form token, and it is saved as typed.
 */
static void
typed_text_survives_the_idle_timeout(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*body, *enc, *kept;
	long long	 logs = db_scalar(&srv, "SELECT count(*) FROM "
			    "conversations");

	(void)state;
	as(&c, "rep.fenwick");
	assert_int_equal(http_get(&c, "/conversations/new", &r), 200);
	reply_free(&r);
	assert_int_equal(db_write(&srv, "UPDATE sessions SET last_seen_at = "
	    "last_seen_at - 3600"), 0);
	enc = url_encode(KEPT_TEXT);
	assert_true(asprintf(&body, "site_id=1&unit_id=%lld&occurred_on="
	    "2026-11-20&occurred_time=10:15&channel=wing_visit&topic_ids=1"
	    "&topic_ids=2&raised=%s&consent=anonymous&outcome=resolved",
	    db_scalar(&srv, "SELECT min(id) FROM units WHERE site_id = 1"),
	    enc) != -1);
	free(enc);
	assert_int_equal(http_post(&c, "/conversations/new", body, 1, &r), 401);
	free(body);
	assert_contains(r.body, "You were signed out after 30 minutes without "
	    "activity");
	assert_contains(r.body, "What you typed is kept");
	assert_contains(r.body, "Lights on C wing stay on all night &amp; "
	    "&quot;nobody&quot; sleeps");
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM conversations"),
	    logs);
	kept = hidden_fields(r.body, "/sign-in");
	reply_free(&r);
	assert_true(asprintf(&body, "%s&username=rep.fenwick&password=" PW,
	    kept) != -1);
	free(kept);
	assert_int_equal(http_post(&c, "/sign-in", body, 1, &r), 200);
	free(body);
	assert_contains(r.body, "Send what you typed");
	assert_contains(r.body, "Nothing has been saved yet");
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM conversations"),
	    logs);
	kept = hidden_fields(r.body, "/conversations/new");
	reply_free(&r);
	/* Sent again without the new form token: refused. */
	assert_int_equal(http_post(&c, "/conversations/new", kept, 0, &r),
	    403);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/conversations/new", kept, 1, &r), 303);
	reply_free(&r);
	free(kept);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM conversations"),
	    logs + 1);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM conversations "
	    "WHERE raised = 'Lights on C wing stay on all night & \"nobody\" "
	    "sleeps'"), 1);
	client_free(&c);
}

/* member.forum signs in carrying kept_path and is sent to want. */
static void
signs_in_to(struct client *c, const char *kept_path, const char *want)
{
	struct reply	 r;
	char		*body;

	assert_true(asprintf(&body, "username=member.forum&password=" PW
	    "&kept_path=%s", kept_path) != -1);
	assert_int_equal(http_post(c, "/sign-in", body, 1, &r), 303);
	assert_string_equal(r.location, want);
	reply_free(&r);
	free(body);
}

/* A page opened after the timeout says why and goes back there after
 * signing in; a kept path that is no route of ours goes home. */
static void
a_lapsed_page_returns_after_sign_in(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "member.forum");
	assert_int_equal(db_write(&srv, "UPDATE sessions SET last_seen_at = "
	    "last_seen_at - 3600"), 0);
	assert_int_equal(http_get(&c, "/groups/1", &r), 401);
	assert_contains(r.body, "You were signed out after 30 minutes without "
	    "activity");
	assert_lacks(r.body, "What you typed is kept");
	assert_contains(r.body, "name=\"kept_path\" value=\"/groups/1\"");
	reply_free(&r);
	signs_in_to(&c, "/groups/1", "/groups/1");
	client_free(&c);
	client_init(&c, &srv);
	assert_int_equal(http_get(&c, "/sign-in", &r), 200);
	assert_lacks(r.body, "You were signed out");
	reply_free(&r);
	signs_in_to(&c, "//evil.example/x", "/");
	client_free(&c);
}

/* Pages tell the script when to warn before the idle timeout. */
static void
pages_carry_the_idle_timeout(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/", &r), 200);
	assert_contains(r.body, "data-idle-seconds=\"1800\"");
	reply_free(&r);
	client_free(&c);
}

/* The smallest text in the PDF at path, read as member.forum. */
static long
smallest_font(struct client *c, const char *path)
{
	struct reply	 r;
	long		 pt;

	assert_int_equal(http_get(c, path, &r), 200);
	assert_non_null(strstr(r.content_type, "application/pdf"));
	pt = pdf_smallest_font(&srv, &r);
	reply_free(&r);
	return pt;
}

/*
 * A member chooses large text on their account: pages grow, and every
 * document they print comes in large print (no text under 16 pt, the
 * footer too).  A choice not offered is refused, naming the field.
 */
static void
large_text_carries_into_pages_and_pdfs(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "member.forum");
	assert_true(smallest_font(&c, "/meetings/1/pack.pdf") < 16);
	assert_int_equal(http_get(&c, "/account", &r), 200);
	assert_contains(r.body, "href=\"/account/text-size\"");
	assert_lacks(r.body, "rt-text-large");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/account/text-size", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/account/text-size", "text_size=huge",
	    1, &r), 422);
	assert_contains(r.body, "Text size");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM accounts WHERE "
	    "text_size = 'large'"), 0);
	assert_int_equal(http_post(&c, "/account/text-size", "text_size=large",
	    1, &r), 303);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/", &r), 200);
	assert_contains(r.body, "<html lang=\"en\" class=\"govuk-template "
	    "rt-text-large\">");
	reply_free(&r);
	assert_true(smallest_font(&c, "/meetings/1/pack.pdf") >= 16);
	assert_true(smallest_font(&c, "/meetings/1/minutes.pdf") >= 16);
	/* In Welsh as large as in English: the words change, not the
	 * print. */
	assert_true(smallest_font(&c, "/meetings/1/minutes.pdf?lang=cy") >= 16);
	assert_true(smallest_font(&c, "/meetings/1/pack.pdf?lang=cy") >= 16);
	assert_true(smallest_font(&c, "/directory.pdf?site=1") >= 16);
	assert_true(smallest_font(&c, "/groups/1/you-said-we-did.pdf") >= 16);
	/* Their own plan too, without asking for large print each time. */
	assert_true(smallest_font(&c, "/account/plan.pdf") >= 16);
	client_free(&c);
}

/*
 * A member's home page says in plain words what matters now, with three
 * or four big buttons at most, and the navigation keeps only what a
 * member uses (no register of sites, no search of logs).
 */
static void
member_home_says_what_matters_now(void **state)
{
	struct client	 c;
	struct reply	 r;
	int		 buttons;

	(void)state;
	/* The demo's meetings are all past: the forum plans its next. */
	assert_int_equal(db_write(&srv, "INSERT INTO meetings (group_id, kind, "
	    "held_on, starts_at, created_by) VALUES (1, 'forum', "
	    "date('now', '+7 days'), '14:00', 1)"), 0);
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/", &r), 200);
	assert_contains(r.body, "What matters now");
	assert_contains(r.body, "Over-50s Forum meets on ");
	assert_contains(r.body, "You said, we did</a>");
	buttons = occurrences(r.body, "rt-home-action");
	assert_true(buttons >= 1 && buttons <= 4);
	assert_lacks(r.body, "Sites, wings and places");
	assert_lacks(r.body, "href=\"/sites\"");
	assert_lacks(r.body, "href=\"/search\"");
	assert_true(occurrences(r.body, "<li class=\"govuk-header__navigation-item") <= 6);
	reply_free(&r);
	client_free(&c);
	/* Staff keep their own home page. */
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/", &r), 200);
	assert_lacks(r.body, "What matters now");
	assert_contains(r.body, "href=\"/sites\"");
	reply_free(&r);
	client_free(&c);
	/* A decision maker is not asked to vote or read papers as a member
	 * would; they hear what waits for their answer, and what is late. */
	{
		long long	 waiting, late;

		waiting = db_scalar(&srv, "SELECT count(*) FROM proposals p "
		    "JOIN accounts a ON a.id = p.decision_maker_id WHERE "
		    "a.username = 'governor.fenwick' AND p.state = 'submitted'");
		late = db_scalar(&srv, "SELECT count(*) FROM proposals p "
		    "JOIN accounts a ON a.id = p.decision_maker_id WHERE "
		    "a.username = 'governor.fenwick' AND p.state = 'submitted' "
		    "AND p.due_on < CAST(CURRENT_DATE AS TEXT)");
		assert_true(waiting > 0 && late > 0);	/* the demo's */
		as(&c, "governor.fenwick");
		assert_int_equal(http_get(&c, "/", &r), 200);
		assert_lacks(r.body, "What matters now");
		assert_lacks(r.body, "Vote in the election");
		assert_contains(r.body, "Proposals waiting for your answer: ");
		assert_contains(r.body, "Past the date the answer was due: ");
		assert_contains(r.body, "href=\"/decisions\"");
		reply_free(&r);
		client_free(&c);
	}
}

/* Posts body to path and follows where it goes: the page must say
 * want in a success banner. */
static void
saved_says(struct client *c, const char *path, const char *body,
    const char *key, const char *want)
{
	struct reply	 r, page;
	char		 to[sizeof(r.location)];

	post_expect(c, path, body, 303, &r);
	snprintf(to, sizeof(to), "saved=%s", key);
	assert_contains(r.location, to);
	snprintf(to, sizeof(to), "%s", r.location);
	reply_free(&r);
	assert_int_equal(http_get(c, to, &page), 200);
	assert_contains(page.body, "govuk-notification-banner--success");
	assert_contains(page.body, want);
	/* Said once: the switches lead back to the page without it. */
	assert_lacks(page.body, "saved=");
	reply_free(&page);
}

/*
 * A save says what it saved on the page it leads to (saved_notice.h), in
 * the reader's language and way of reading: the group's decision (in
 * test_proposals), who came, the account's language, text size and way
 * of reading, a survey opened and closed.  An address naming anything
 * else shows no banner.
 */
static void
every_save_says_what_it_saved(void **state)
{
	struct client	 member, staff;
	struct reply	 r;
	char		 path[96], welsh[128];

	(void)state;
	as(&member, "member.forum");
	saved_says(&member, "/account/language", "language=cy", "language",
	    "Mae eich iaith wedi&#39;i chadw.");
	saved_says(&member, "/account/language", "language=en", "language",
	    "Your language has been saved.");
	saved_says(&member, "/account/text-size", "text_size=large",
	    "text-size", "Your text size has been saved.");
	saved_says(&member, "/account/text-size", "text_size=standard",
	    "text-size", "Your text size has been saved.");
	saved_says(&member, "/account/reading", "reading=easy&return="
	    "%2Fgroups%2F1", "reading", "How pages read for you has been "
	    "saved.");
	saved_says(&member, "/account/reading", "reading=standard", "reading",
	    "How pages read for you has been saved.");
	client_free(&member);
	as(&staff, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/meetings/%lld/attendance",
	    db_scalar(&srv, "SELECT min(id) FROM meetings WHERE group_id = 1"));
	saved_says(&staff, path, "guests=", "attendance",
	    "Who came has been saved.");
	snprintf(welsh, sizeof(welsh), "%s?lang=cy&read=easy", path);
	saved_says(&staff, welsh, "guests=", "attendance",
	    "Mae pwy ddaeth wedi&#39;i gadw.");
	assert_int_equal(http_get(&staff, "/?lang=en&read=standard", &r), 200);
	reply_free(&r);
	snprintf(path, sizeof(path), "/surveys/%lld/open", db_scalar(&srv,
	    "SELECT min(id) FROM surveys WHERE state <> 'open'"));
	saved_says(&staff, path, "", "survey-open", "The survey is open: "
	    "people can answer it now.");
	memcpy(strrchr(path, '/'), "/close", 7);
	saved_says(&staff, path, "", "survey-closed", "The survey is closed: "
	    "no more answers are taken.");
	/* Only the table's words: nobody writes a banner through a link. */
	assert_int_equal(http_get(&staff, "/?saved=Your+account+is+locked",
	    &r), 200);
	assert_lacks(r.body, "govuk-notification-banner--success");
	assert_lacks(r.body, "account is locked");
	reply_free(&r);
	client_free(&staff);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(poster_is_one_page),
		cmocka_unit_test(typed_text_survives_the_idle_timeout),
		cmocka_unit_test(a_lapsed_page_returns_after_sign_in),
		cmocka_unit_test(pages_carry_the_idle_timeout),
		cmocka_unit_test(large_text_carries_into_pages_and_pdfs),
		cmocka_unit_test(member_home_says_what_matters_now),
		cmocka_unit_test(every_save_says_what_it_saved),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
