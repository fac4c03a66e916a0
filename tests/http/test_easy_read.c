/*
 * Easy read (server/easy_read.h) and the member's core journeys in it and
 * in Welsh: the sign-in page and a kiosk choose it with ?read= and keep
 * it in a cookie; an account saves it (the switch at the foot of every
 * page), which then wins; "you said, we did" and a proposal's outcome
 * say the answer in short sentences with a picture named for screen
 * readers; the poster for the notice board says the same, in large
 * print, and in Welsh with English below it; the loneliness survey on
 * the kiosk asks its questions in Welsh while counting the same answers;
 * the ballot, the plan, a meeting and the log form's "what happens
 * next" read in easy read too.
 */
#define PW	"easy-read-test-password"
#include "http_test.h"

static int
setup(void **state)
{
	static const char *const users[] = { "member.forum", "rep.fenwick",
	    "coordinator.fenwick", NULL };

	(void)state;
	return server_with_passwords(users);
}

static void
the_sign_in_page_offers_easy_read_and_keeps_it(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 cookie[256];

	(void)state;
	client_init(&c, &srv);
	assert_int_equal(http_get(&c, "/sign-in", &r), 200);
	assert_lacks(r.body, "rt-easy-read");
	assert_contains(r.body, "href=\"/sign-in?read=easy\">Easy read</a>");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/sign-in?read=easy", &r), 200);
	assert_contains(r.body, " rt-easy-read\"");
	assert_contains(r.body, "href=\"/sign-in?read=standard\">Standard "
	    "pages</a>");
	reply_free(&r);
	assert_int_equal(client_cookie(&c, "rt_read", cookie, sizeof(cookie)),
	    0);
	assert_non_null(strstr(cookie, "easy"));
	/* Kept without asking again; a way of reading it lacks is
	 * ignored. */
	assert_int_equal(http_get(&c, "/sign-in?read=shouting", &r), 200);
	assert_contains(r.body, " rt-easy-read\"");
	reply_free(&r);
	client_free(&c);
}

static void
a_member_reads_you_said_we_did_in_easy_read(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "member.forum");
	assert_int_equal(http_post(&c, "/account/reading", "reading=easy&"
	    "return=%2Fgroups%2F1%2Fyou-said-we-did", 1, &r), 303);
	assert_non_null(strstr(r.location, "/groups/1/you-said-we-did"));
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM accounts WHERE "
	    "username = 'member.forum' AND reading = 'easy'"), 1);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "action = 'account.reading'"), 1);
	assert_int_equal(http_get(&c, "/groups/1/you-said-we-did", &r), 200);
	assert_contains(r.body, " rt-easy-read\"");
	/* A picture beside each key point, decorative: the words beside it
	 * say the point. */
	assert_contains(r.body, "focusable=\"false\" fill=\"none\"");
	assert_lacks(r.body, "class=\"rt-picture rt-picture--said\" role");
	assert_contains(r.body, "rt-picture--said\"");
	assert_contains(r.body, "<strong>You said:</strong>");
	/* The demo's handrail was refused; the medication partly agreed. */
	assert_contains(r.body, "rt-picture--no\"");
	assert_contains(r.body, "<strong>The answer is no.</strong><br>They "
	    "will not do it.");
	assert_contains(r.body, "<strong>The answer is yes, for some of "
	    "it.</strong>");
	assert_contains(r.body, "<strong>Why:</strong><br>The staircase is a "
	    "listed structure");
	assert_lacks(r.body, ">We did</dt>");
	reply_free(&r);
	/* The same in Welsh: the sentences and the pictures' names. */
	assert_int_equal(http_get(&c, "/groups/1/you-said-we-did?lang=cy", &r),
	    200);
	assert_contains(r.body, "<html lang=\"cy\" class=\"govuk-template "
	    "rt-easy-read\"");
	assert_contains(r.body, "rt-picture--said\"");
	assert_contains(r.body, "<strong>Na yw&#39;r ateb.</strong>");
	assert_contains(r.body, "<strong>Pam:</strong>");
	assert_lacks(r.body, "The answer is no.");
	reply_free(&r);
	/* A proposal's outcome, with what is being done. */
	assert_int_equal(http_get(&c, "/proposals/1?lang=en", &r), 200);
	assert_contains(r.body, "<strong>The problem:</strong>");
	assert_contains(r.body, "<strong>What is being done:</strong>");
	assert_contains(r.body, "Move the C wing evening round");
	assert_contains(r.body, "href=\"/proposals/1?read=standard\"");
	reply_free(&r);
	/* A choice not offered is refused, naming the field; nothing
	 * changes. */
	assert_int_equal(http_post(&c, "/account/reading", "reading=loud", 1,
	    &r), 422);
	assert_contains(r.body, "How pages read");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM accounts WHERE "
	    "username = 'member.forum' AND reading = 'easy'"), 1);
	/* The account's choice wins over the cookie. */
	assert_int_equal(http_get(&c, "/account?read=standard", &r), 200);
	assert_lacks(r.body, "rt-easy-read");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/account", &r), 200);
	assert_contains(r.body, " rt-easy-read\"");
	reply_free(&r);
	client_free(&c);
}

/* The poster, as the member (who reads easy read since the test above)
 * prints it: one sheet, large print, the answers in short sentences;
 * in Welsh each sentence with its English below. */
static void
the_poster_is_easy_read_and_bilingual(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*text;

	(void)state;
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/groups/1/you-said-we-did.pdf?lang=en",
	    &r), 200);
	assert_int_equal(pdf_pages(&srv, &r), 1);
	assert_true(pdf_smallest_font(&srv, &r) >= 16);
	text = pdf_text(&srv, &r);
	assert_non_null(text);
	assert_contains(text, "You said:");
	assert_contains(text, "The answer is no.");
	assert_lacks(text, "Yr ateb");
	free(text);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/groups/1/you-said-we-did.pdf?lang=cy",
	    &r), 200);
	assert_int_equal(pdf_pages(&srv, &r), 1);
	text = pdf_text(&srv, &r);
	assert_non_null(text);
	assert_contains(text, "Dywedoch chi, gwnaethom ni: Over-50s Forum "
	    "You said, we did: Over-50s Forum");
	assert_contains(text, "Dywedoch chi: You said:");
	/* No outcome left off without saying so. */
	assert_true(strstr(text, "Evening medication") != NULL ||
	    strstr(text, " arall: ") != NULL);
	free(text);
	reply_free(&r);
	client_free(&c);
}

/* The loneliness survey on the kiosk, read in Welsh and easy read by
 * someone not signed in: the published questions in Welsh, the answers
 * sent and counted in the words the results count. */
static void
the_kiosk_survey_in_welsh_and_easy_read(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*token, path[600];
	long long	 before;

	(void)state;
	assert_int_equal(db_write(&srv, "UPDATE surveys SET state = 'open' "
	    "WHERE id = 1"), 0);
	token = db_text(&srv, "SELECT token FROM surveys WHERE id = 1");
	assert_non_null(token);
	before = db_scalar(&srv, "SELECT count(*) FROM survey_responses WHERE "
	    "survey_id = 1");
	client_init(&c, &srv);
	snprintf(path, sizeof(path), "/kiosk?t=%s&lang=cy&read=easy", token);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "<html lang=\"cy\"");
	assert_contains(r.body, " rt-easy-read\"");
	assert_contains(r.body, "rt-picture--private\"");
	assert_contains(r.body, "Dydyn ni ddim yn cadw eich enw.");
	assert_contains(r.body, "Pa mor aml ydych chi&#39;n teimlo&#39;n "
	    "unig?");
	assert_contains(r.body, "value=\"Often/always\" autocomplete=\"off\">");
	assert_contains(r.body, ">Yn aml/bob amser</label>");
	assert_lacks(r.body, "How often do you feel lonely?");
	/* The forum's own questions in the Welsh it wrote (issue 20), each
	 * choice still sent as the English it stands beside. */
	assert_contains(r.body, "Unigrwydd ar yr adenydd (dros 50 oed)");
	assert_contains(r.body, "Pa rai?");
	assert_contains(r.body, "value=\"Gym\" autocomplete=\"off\">");
	assert_contains(r.body, ">Campfa</label>");
	assert_lacks(r.body, "Which ones?");
	/* The switches keep the survey: the next person can change them. */
	snprintf(path, sizeof(path), "href=\"/kiosk?t=%s&amp;lang=en\"",
	    token);
	assert_contains(r.body, path);
	snprintf(path, sizeof(path), "href=\"/kiosk?t=%s&amp;read=standard\"",
	    token);
	assert_contains(r.body, path);
	reply_free(&r);
	/* Sent empty: each error beside its question in Welsh, the
	 * summary's and the box's alike (the consent's too), nothing
	 * stored. */
	snprintf(path, sizeof(path), "t=%s&place=0", token);
	assert_int_equal(http_post(&c, "/kiosk", path, 1, &r), 422);
	assert_contains(r.body, "id=\"q1-error\" class=\"govuk-error-message\">"
	    "<span class=\"govuk-visually-hidden\">Gwall:</span> Cwestiwn 1, ");
	assert_contains(r.body, "Atebwch y cwestiwn hwn</p>");
	assert_lacks(r.body, "Question 1,");
	assert_lacks(r.body, "Answer this question");
	assert_contains(r.body, "<p id=\"consent-error\" class=\""
	    "govuk-error-message\"><span class=\"govuk-visually-hidden\">"
	    "Gwall:</span> Ticiwch i ddweud eich bod yn cytuno</p>");
	assert_contains(r.body, "aria-describedby=\"consent-error\"");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM "
	    "survey_responses WHERE survey_id = 1"), before);
	snprintf(path, sizeof(path), "t=%s&place=0&q1=No&q4=Often&q5=Often&"
	    "q6=Hardly+ever&q7=Often%%2Falways&consent=1", token);
	assert_int_equal(http_post(&c, "/kiosk", path, 1, &r), 303);
	snprintf(path, sizeof(path), "%s", r.location);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM survey_responses "
	    "WHERE survey_id = 1"), before + 1);
	/* The next person finds it as the kiosk starts, not as the last one
	 * left it: its place's language, standard pages, the switches
	 * offered (test_surveys_answering.c).  Only the thank-you is the
	 * last one's, in their Welsh and easy read, marked so. */
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "<html lang=\"en\"");
	assert_lacks(r.body, "rt-easy-read");
	assert_contains(r.body, "data-module=\"govuk-notification-banner\" "
	    "lang=\"cy\">");
	assert_contains(r.body, "Wedi&#39;i gadw</h2>");
	assert_contains(r.body, "rt-picture--yes\"");
	assert_contains(r.body, "<span>Diolch. ");
	assert_contains(r.body, "Gall y person nesaf ddechrau nawr.");
	assert_lacks(r.body, "The next person can start now.");
	assert_contains(r.body, "Send my answers");
	reply_free(&r);
	/* The address alone said it: the kiosk shown again is all its own. */
	snprintf(path, sizeof(path), "/kiosk?t=%s", token);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "<html lang=\"en\"");
	assert_lacks(r.body, "rt-easy-read");
	assert_lacks(r.body, "Diolch");
	reply_free(&r);
	/* In English and easy read, the box's error is beside it too. */
	snprintf(path, sizeof(path), "/kiosk?t=%s&lang=en&read=easy", token);
	assert_int_equal(http_get(&c, path, &r), 200);
	reply_free(&r);
	snprintf(path, sizeof(path), "t=%s&place=0&q1=No", token);
	assert_int_equal(http_post(&c, "/kiosk", path, 1, &r), 422);
	assert_contains(r.body, " rt-easy-read\"");
	assert_contains(r.body, "<p id=\"consent-error\" class=\""
	    "govuk-error-message\"><span class=\"govuk-visually-hidden\">"
	    "Error:</span> Tick to say you agree</p>");
	assert_contains(r.body, "aria-describedby=\"consent-error\"");
	reply_free(&r);
	client_free(&c);
	free(token);
}

/* The ballot's "whose vote is this?": the first choice's value follows. */
#define FOR_RADIO	"name=\"for\" type=\"radio\" value=\""

static void
the_ballot_plan_and_meeting_in_easy_read(void **state)
{
	struct client	 c;
	struct reply	 r;
	const char	*who;
	char		 body[128], *text;
	long long	 voted;

	(void)state;
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/elections/2/vote?read=easy&lang=en",
	    &r), 200);
	assert_contains(r.body, "<strong>This is your ballot paper.</strong>");
	assert_contains(r.body, "<strong>Your vote is secret.</strong>");
	assert_contains(r.body, "rt-picture--vote\"");
	assert_contains(r.body, ">Cast my vote</button>");
	/* Its number boxes are a group whose legend and hint are read with
	 * each box, each box named for whose number it takes. */
	assert_contains(r.body, ">Write a number next to the people you "
	    "want</legend>\n<div id=\"pref-hint\" class=\"govuk-hint "
	    "govuk-body-l\">Write 1 next to the person you want most.");
	assert_contains(r.body, "<label class=\"govuk-label govuk-label--m\" "
	    "for=\"pref_3\"><span class=\"govuk-visually-hidden\">Your "
	    "number for ");
	assert_contains(r.body, "aria-describedby=\"pref-hint\" id=\"pref_3\"");
	reply_free(&r);
	/* In Welsh, and the vote counts. */
	assert_int_equal(http_get(&c, "/elections/2/vote?lang=cy", &r), 200);
	assert_contains(r.body, "<strong>Dyma eich papur pleidleisio.</strong>");
	assert_contains(r.body, "Ysgrifennwch 1 wrth ymyl");
	who = strstr(r.body, FOR_RADIO);
	assert_non_null(who);
	snprintf(body, sizeof(body), "for=%lld&pref_3=1&pref_4=2",
	    strtoll(who + strlen(FOR_RADIO), NULL, 10));
	reply_free(&r);
	voted = db_scalar(&srv, "SELECT count(*) FROM ballots");
	/* Refused, in easy read: the error beside the box it names. */
	{
		char	 twice[128];

		snprintf(twice, sizeof(twice), "for=%lld&pref_3=1&pref_4=1",
		    strtoll(strstr(body, "=") + 1, NULL, 10));
		assert_int_equal(http_post(&c, "/elections/2/vote?read=easy&"
		    "lang=en", twice, 1, &r), 422);
		assert_contains(r.body, "<strong>This is your ballot paper."
		    "</strong>");
		assert_contains(r.body, "href=\"#pref_4\"");
		assert_contains(r.body, "<p id=\"pref_4-error\" class=\""
		    "govuk-error-message\"><span class=\"govuk-visually-"
		    "hidden\">Error:</span> ");
		/* The error names the name whose number it is. */
		assert_contains(r.body, ": 1 is next to another name too; use "
		    "each number once</p><input class=\"govuk-input govuk-"
		    "input--width-2 govuk-input--error\" aria-describedby=\""
		    "pref-hint pref_4-error\" id=\"pref_4\"");
		reply_free(&r);
		assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM ballots"),
		    voted);
	}
	assert_int_equal(http_post(&c, "/elections/2/vote", body, 1, &r), 303);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM ballots"),
	    voted + 1);
	assert_int_equal(http_get(&c, "/account/plan?lang=en", &r), 200);
	assert_contains(r.body, ">Your plan</h1>");
	assert_contains(r.body, "<strong>This plan is private.</strong>");
	assert_contains(r.body, ">The life you want</h2>");
	assert_contains(r.body, ">Yes, this is right</button>");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/meetings/1", &r), 200);
	assert_contains(r.body, ">What the meeting is about</h2>");
	assert_contains(r.body, "rt-picture--date\"");
	reply_free(&r);
	/* Printed for this reader: large print, as a page in easy read is
	 * large. */
	assert_int_equal(http_get(&c, "/account/plan.pdf", &r), 200);
	assert_true(pdf_smallest_font(&srv, &r) >= 16);
	text = pdf_text(&srv, &r);
	assert_non_null(text);
	assert_contains(text, "My blue life: the life I want");
	free(text);
	reply_free(&r);
	/* In Welsh, the person's own document in their language alone. */
	assert_int_equal(http_get(&c, "/account/plan.pdf?lang=cy", &r), 200);
	text = pdf_text(&srv, &r);
	assert_non_null(text);
	assert_contains(text, "Fy nghynllun");
	assert_contains(text, "Fy mywyd glas: y bywyd rydw i ei eisiau");
	assert_contains(text, "Na, mae angen ei newid");
	assert_lacks(text, "My blue life");
	free(text);
	reply_free(&r);
	client_free(&c);
}

/* The log form says what happens to what is logged, in both ways of
 * reading. */
static void
the_log_form_says_what_happens_next(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "rep.fenwick");
	assert_int_equal(http_get(&c, "/conversations/new", &r), 200);
	assert_contains(r.body, ">What happens next</h2>");
	assert_contains(r.body, "it becomes an issue for the group");
	assert_contains(r.body, ">Save log</button>");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/conversations/new?read=easy", &r),
	    200);
	assert_contains(r.body, "<strong>You write down what a member told "
	    "you.</strong>");
	assert_contains(r.body, "rt-picture--meeting\"");
	assert_contains(r.body, ">Save log</button>");
	reply_free(&r);
	client_free(&c);
}

/*
 * A group reads in its language: its coordinator chooses Welsh on the
 * group's form (a language it lacks is refused, naming the field); a
 * member who chose none, in a browser that chose none, then reads Welsh,
 * and so does someone at the kiosk of the group's survey; a choice of
 * their own still wins.
 */
static void
a_group_reads_in_its_language(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*token, path[600];
	static const char *const group_form = "name=Over-50s+Forum&kind=forum&"
	    "site_id=1&purpose=Older+prisoners+raise+issues.&response_days=28";

	(void)state;
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "%s&language=xx", group_form);
	assert_int_equal(http_post(&c, "/groups/1/edit", path, 1, &r), 422);
	assert_contains(r.body, "Language");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM groups WHERE "
	    "language <> ''"), 0);
	snprintf(path, sizeof(path), "%s&language=cy", group_form);
	assert_int_equal(http_post(&c, "/groups/1/edit", path, 1, &r), 303);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM groups WHERE "
	    "id = 1 AND language = 'cy'"), 1);
	/* The member has chosen no language (easy read, yes). */
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/", &r), 200);
	assert_contains(r.body, "<html lang=\"cy\"");
	reply_free(&r);
	/* This browser's choice wins, and is kept. */
	assert_int_equal(http_get(&c, "/?lang=en", &r), 200);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/", &r), 200);
	assert_contains(r.body, "<html lang=\"en\"");
	reply_free(&r);
	client_free(&c);
	/* The kiosk of the group's survey, for someone who chose nothing. */
	token = db_text(&srv, "SELECT token FROM surveys WHERE id = 1");
	assert_non_null(token);
	client_init(&c, &srv);
	snprintf(path, sizeof(path), "/kiosk?t=%s", token);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "<html lang=\"cy\"");
	assert_contains(r.body, "Pa mor aml ydych chi&#39;n teimlo&#39;n "
	    "unig?");
	reply_free(&r);
	snprintf(path, sizeof(path), "/kiosk?t=%s&lang=en", token);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "<html lang=\"en\"");
	reply_free(&r);
	client_free(&c);
	free(token);
}

/* The first page a member sees, in easy read: what is happening for
 * them, a picture beside each, big buttons; staff keep their home page
 * (its warnings and lists) with large text. */
static void
the_home_page_in_easy_read(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/?read=easy&lang=en", &r), 200);
	assert_contains(r.body, " rt-easy-read\"");
	assert_contains(r.body, ">What is happening for you</h2>");
	assert_contains(r.body, "class=\"rt-easy-point\"><svg");
	assert_contains(r.body, "aria-hidden=\"true\"><path");
	assert_lacks(r.body, ">Your roles</h2>");
	/* Its vote button opens the ballot paper, which reads easy. */
	assert_contains(r.body, "/vote?read=easy\">Vote in the election</a>");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/?read=easy&lang=cy", &r), 200);
	assert_contains(r.body, ">Beth sy&#39;n digwydd i chi</h2>");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/?read=standard&lang=en", &r), 200);
	assert_lacks(r.body, "/vote?read=easy");
	reply_free(&r);
	client_free(&c);
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/?read=easy&lang=en", &r), 200);
	assert_contains(r.body, " rt-easy-read\"");
	assert_contains(r.body, ">Your roles</h2>");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/?read=standard", &r), 200);
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_sign_in_page_offers_easy_read_and_keeps_it),
		cmocka_unit_test(a_member_reads_you_said_we_did_in_easy_read),
		cmocka_unit_test(the_poster_is_easy_read_and_bilingual),
		cmocka_unit_test(the_kiosk_survey_in_welsh_and_easy_read),
		cmocka_unit_test(the_ballot_plan_and_meeting_in_easy_read),
		cmocka_unit_test(the_log_form_says_what_happens_next),
		cmocka_unit_test(a_group_reads_in_its_language),
		cmocka_unit_test(the_home_page_in_easy_read),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
