/*
 * Reading the program in Welsh (server/language.h): the sign-in page
 * switches with ?lang= and keeps the choice in a cookie; a member's home
 * page, its dates and its navigation read in Welsh with lang="cy"; the
 * switch at the foot of every page saves the account's own choice, which
 * then wins over the cookie, and sends them back to the page they were
 * on (never to another site); an error page speaks the reader's
 * language too, and so does a survey on the kiosk.  What people wrote in
 * the other language is marked with it: a short step, and formatted text
 * (a charter, minutes) as a block.
 */
#define PW	"language-test-password"
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
the_sign_in_page_switches_and_remembers(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 cookie[256];

	(void)state;
	client_init(&c, &srv);
	assert_int_equal(http_get(&c, "/sign-in", &r), 200);
	assert_contains(r.body, "<html lang=\"en\"");
	assert_contains(r.body, ">Sign in</h1>");
	/* The switch names Welsh in Welsh, marked as such. */
	assert_contains(r.body, "href=\"/sign-in?lang=cy\" lang=\"cy\" "
	    "hreflang=\"cy\">Cymraeg</a>");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/sign-in?lang=cy", &r), 200);
	assert_contains(r.body, "<html lang=\"cy\"");
	assert_contains(r.body, "<title>Mewngofnodi – Roundtable</title>");
	assert_contains(r.body, ">Enw defnyddiwr</label>");
	assert_contains(r.body, ">Cyfrinair</label>");
	assert_contains(r.body, "Neidio i&#39;r prif gynnwys");
	assert_contains(r.body, "lang=\"en\" hreflang=\"en\">English</a>");
	reply_free(&r);
	assert_int_equal(client_cookie(&c, "rt_lang", cookie, sizeof(cookie)),
	    0);
	assert_non_null(strstr(cookie, "cy"));
	/* Kept: the next page needs no ?lang=, an error page included. */
	assert_int_equal(http_get(&c, "/sign-in", &r), 200);
	assert_contains(r.body, "<html lang=\"cy\"");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/no-such-page", &r), 404);
	assert_contains(r.body, "<html lang=\"cy\"");
	assert_contains(r.body, "Heb ddod o hyd i&#39;r dudalen.");
	reply_free(&r);
	/* A language the program does not have is ignored. */
	assert_int_equal(http_get(&c, "/sign-in?lang=xx", &r), 200);
	assert_contains(r.body, "<html lang=\"cy\"");
	reply_free(&r);
	client_free(&c);
}

/* At least one date in words with its month in Welsh ("4 Tachwedd
 * 2026"), and no month in English before a year. */
static void
dates_in_welsh(const char *body)
{
	static const char *const cy[] = { "Ionawr", "Chwefror", "Mawrth",
	    "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
	    "Hydref", "Tachwedd", "Rhagfyr" };
	static const char *const en[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };
	char	 want[32];
	size_t	 i;
	int	 found = 0;

	for (i = 0; i < 12; i++) {
		snprintf(want, sizeof(want), "%s 20", cy[i]);
		found |= strstr(body, want) != NULL;
		snprintf(want, sizeof(want), "%s 20", en[i]);
		assert_lacks(body, want);
	}
	assert_true(found);
}

/* A rep's logs, a log and an issue's logs (for its coordinator) say
 * when in Welsh: "4
 * Tachwedd 2026 am 14:30". */
static void
a_rep_reads_when_each_log_was_in_welsh(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64];
	long long	 id;

	(void)state;
	as(&c, "rep.fenwick");
	assert_int_equal(http_get(&c, "/conversations?lang=cy", &r), 200);
	dates_in_welsh(r.body);
	/* The topics every site has, in Welsh, in the filter. */
	assert_contains(r.body, ">Gofal iechyd</option>");
	assert_lacks(r.body, ">Healthcare</option>");
	assert_contains(r.body, " am ");
	assert_lacks(r.body, " at 0");
	assert_lacks(r.body, " at 1");
	assert_lacks(r.body, " at 2");
	reply_free(&r);
	id = db_scalar(&srv, "SELECT min(c.id) FROM conversations c JOIN "
	    "sites s ON s.id = c.site_id WHERE s.name LIKE '%Fenwick%' AND "
	    "c.issue_id IS NOT NULL");
	snprintf(path, sizeof(path), "/conversations/%lld", id);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, ">Sgwrs ar ");
	dates_in_welsh(r.body);
	reply_free(&r);
	/* A log's topics: every site's in Welsh. */
	snprintf(path, sizeof(path), "/conversations/%lld", db_scalar(&srv,
	    "SELECT min(ct.conversation_id) FROM conversation_topics ct JOIN "
	    "topics t ON t.id = ct.topic_id JOIN conversations c ON c.id = "
	    "ct.conversation_id JOIN sites s ON s.id = c.site_id WHERE t.name "
	    "= 'Medication' AND s.name LIKE '%Fenwick%'"));
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "Meddyginiaeth</dd>");
	assert_lacks(r.body, "Medication</dd>");
	reply_free(&r);
	/* And on the form a rep logs with. */
	assert_int_equal(http_get(&c, "/conversations/new", &r), 200);
	assert_contains(r.body, "Gofal iechyd</label>");
	assert_lacks(r.body, ">Healthcare</label>");
	reply_free(&r);
	{
		char	 sql[96];

		snprintf(sql, sizeof(sql), "SELECT issue_id FROM conversations "
		    "WHERE id = %lld", id);
		snprintf(path, sizeof(path), "/issues/%lld?lang=cy",
		    db_scalar(&srv, sql));
	}
	client_free(&c);
	as(&c, "coordinator.fenwick");	/* who manages the issue */
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, " am ");
	reply_free(&r);
	client_free(&c);
}

static void
a_member_reads_home_in_welsh_and_chooses_it(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64];

	(void)state;
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/?lang=cy", &r), 200);
	assert_contains(r.body, "<html lang=\"cy\"");
	assert_contains(r.body, "Croeso, ");
	assert_contains(r.body, "Beth sy&#39;n bwysig nawr");
	assert_contains(r.body, ">Hafan</a>");	/* the navigation */
	assert_contains(r.body, ">Cynigion</a>");
	assert_contains(r.body, "Aelod ar gyfer");	/* a role, in words */
	/* Dates name their month in Welsh; none in English is left.  (The
	 * demo's dates follow today, so whichever month it is.) */
	dates_in_welsh(r.body);
	assert_lacks(r.body, ">Sign out<");
	/* The switch at the foot saves the account's choice: a form with
	 * its token, back to this page. */
	assert_contains(r.body, "action=\"/account/language\"");
	assert_contains(r.body, "name=\"return\" value=\"/\"");
	reply_free(&r);
	/* A form drawn by the shared form page speaks it too. */
	assert_int_equal(http_get(&c, "/account/language", &r), 200);
	assert_contains(r.body, "<html lang=\"cy\"");
	assert_contains(r.body, ">Canslo</a>");
	assert_lacks(r.body, ">Cancel</a>");
	reply_free(&r);
	/* "You said, we did": its headings, and its dates in words. */
	assert_int_equal(http_get(&c, "/groups/1/you-said-we-did", &r), 200);
	assert_contains(r.body, "Dywedoch chi, gwnaethom ni: ");
	assert_contains(r.body, ">Gwnaethom ni</dt>");
	assert_contains(r.body, "Anfonwyd ");
	assert_lacks(r.body, ">We did</dt>");
	assert_lacks(r.body, ">Sent ");
	assert_contains(r.body, "<title>Dywedoch chi, gwnaethom ni: ");
	/* What came of each proposal, worded in Welsh too. */
	assert_lacks(r.body, "Waiting for a decision: sent");
	assert_lacks(r.body, "We could not");
	assert_lacks(r.body, "Put off until");
	assert_lacks(r.body, "asked for more information");
	assert_lacks(r.body, ". Actions: ");
	/* What members wrote in English is marked as English, for a
	 * screen reader's voice; the page's own words are not. */
	assert_contains(r.body, "<span lang=\"en\">");
	assert_lacks(r.body, "<span lang=\"cy\">");
	/* An action's text is marked alone: our "(60% done)" beside it
	 * is Welsh, and read so. */
	assert_contains(r.body, "<span lang=\"en\">Move the C wing evening "
	    "round to 19:30</span> (60% wedi&#39;i wneud).");
	reply_free(&r);
	/* The list of proposals: its headings and where each one is. */
	assert_int_equal(http_get(&c, "/proposals", &r), 200);
	assert_contains(r.body, ">Cynigion</h1>");
	assert_contains(r.body, ">Ble mae arni</th>");
	assert_lacks(r.body, ">Where it is</th>");
	assert_lacks(r.body, ">Waiting for a decision<");
	reply_free(&r);
	/* The groups, and a group's own page. */
	assert_int_equal(http_get(&c, "/groups", &r), 200);
	assert_contains(r.body, ">Grwpiau</h1>");
	assert_lacks(r.body, ">Members</th>");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/groups/1", &r), 200);
	assert_contains(r.body, ">Cyfarfodydd a chofnodion</a>");
	assert_lacks(r.body, ">Meetings and minutes</a>");
	reply_free(&r);
	/* The group's meetings. */
	assert_int_equal(http_get(&c, "/groups/1/meetings", &r), 200);
	assert_contains(r.body, ">Cyfarfodydd</h1>");
	assert_contains(r.body, ">Pwyntiau gweithredu agored</h2>");
	assert_lacks(r.body, ">Open action points</h2>");
	reply_free(&r);
	/* Collective issues, and the status filter's words. */
	assert_int_equal(http_get(&c, "/issues", &r), 200);
	assert_contains(r.body, ">Materion ar y cyd</h1>");
	assert_contains(r.body, ">Wedi&#39;i ddatblygu</option>");
	assert_lacks(r.body, ">Taken forward</option>");
	reply_free(&r);
	/* The member's own plan, in the first person. */
	assert_int_equal(http_get(&c, "/account/plan", &r), 200);
	assert_contains(r.body, ">Eich cynllun</h1>");
	assert_contains(r.body, "Bywyd glas: y bywyd rydw i eisiau");
	assert_lacks(r.body, "the life I want");
	reply_free(&r);
	/* An election: its post and where it has got to. */
	snprintf(path, sizeof(path), "/elections/%lld", db_scalar(&srv,
	    "SELECT min(id) FROM elections"));
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, ">Etholiad: ");
	assert_contains(r.body, ">Nifer a bleidleisiodd</dt>");
	assert_lacks(r.body, ">Turnout</dt>");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM accounts WHERE "
	    "language = 'cy'"), 0);
	assert_int_equal(http_post(&c, "/account/language",
	    "language=cy&return=%2Fproposals", 1, &r), 303);
	assert_non_null(strstr(r.location, "/proposals"));
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM accounts WHERE "
	    "username = 'member.forum' AND language = 'cy'"), 1);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "action = 'account.language'"), 1);
	/* The account's choice wins over the cookie (English here). */
	assert_int_equal(http_get(&c, "/account?lang=en", &r), 200);
	assert_contains(r.body, "<html lang=\"en\"");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/account", &r), 200);
	assert_contains(r.body, "<html lang=\"cy\"");
	assert_contains(r.body, "lang=\"cy\">Cymraeg</dd>");
	assert_contains(r.body, ">Eich cyfrif</h1>");
	assert_contains(r.body, ">Maint y testun</dt>");
	assert_lacks(r.body, ">Text size</dt>");
	reply_free(&r);
	/* Back to a page on this site only; a language it lacks refused,
	 * naming the field, nothing changed. */
	assert_int_equal(http_post(&c, "/account/language",
	    "language=en&return=%2F%2Felsewhere.example", 1, &r), 303);
	assert_non_null(strstr(r.location, "/account?saved=language"));
	assert_null(strstr(r.location, "elsewhere"));
	reply_free(&r);
	assert_int_equal(http_post(&c, "/account/language", "language=fr", 1,
	    &r), 422);
	assert_contains(r.body, "Language");	/* names the field */
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM accounts WHERE "
	    "username = 'member.forum' AND language = 'en'"), 1);
	client_free(&c);
}

/* A survey on the kiosk, nobody signed in: its words, its consent box
 * and the error for a missing tick read in Welsh. */
static void
a_survey_on_the_kiosk_reads_in_welsh(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*token, path[600];

	(void)state;
	assert_non_null(token = db_text(&srv, "SELECT min(token) FROM "
	    "surveys WHERE state = 'open'"));
	client_init(&c, &srv);
	snprintf(path, sizeof(path), "/kiosk?t=%s&lang=cy", token);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "<html lang=\"cy\"");
	assert_contains(r.body, ">Rwy&#39;n cytuno</label>");
	assert_contains(r.body, ">Anfon fy atebion</button>");
	assert_lacks(r.body, ">Send my answers</button>");
	assert_lacks(r.body, ">I agree</label>");
	reply_free(&r);
	snprintf(path, sizeof(path), "t=%s", token);
	assert_int_equal(http_post(&c, "/kiosk", path, 1, &r), 422);
	assert_contains(r.body, "Mae problem");
	assert_contains(r.body, "Ticiwch i ddweud eich bod yn cytuno");
	assert_lacks(r.body, "Tick to say you agree");
	reply_free(&r);
	client_free(&c);
	free(token);
}

/* A form refused in Welsh says why in Welsh, the field's name in it,
 * at the top and beside the field; the same form in English as before. */
static void
a_refused_form_says_why_in_welsh(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "member.forum");
	/* ?lang= on the POST: the account chose English earlier. */
	assert_int_equal(http_get(&c, "/account/text-size?lang=cy", &r), 200);
	reply_free(&r);
	post_expect(&c, "/account/text-size?lang=cy", "text_size=huge", 422,
	    &r);
	assert_contains(r.body, "<html lang=\"cy\"");
	assert_contains(r.body, "Maint y testun: dewiswch o&#39;r rhestr</a>");
	assert_contains(r.body, "</span> Maint y testun: dewiswch o&#39;r "
	    "rhestr</p>");
	assert_lacks(r.body, "from the list");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/account/text-size?lang=en", &r), 200);
	reply_free(&r);
	post_expect(&c, "/account/text-size?lang=en", "text_size=huge", 422,
	    &r);
	assert_contains(r.body, "Select text size from the list</a>");
	reply_free(&r);
	/* An error page is no dead end: it leads back to the page above
	 * it, where the viewer may open that. */
	assert_int_equal(http_get(&c, "/proposals/99999?lang=cy", &r), 404);
	assert_contains(r.body, "<a class=\"govuk-link\" href=\"/proposals\">"
	    "Mynd yn ôl i&#39;r dudalen flaenorol</a>");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/audit/99?lang=en", &r), 404);
	assert_lacks(r.body, "href=\"/audit\"");	/* not theirs to open */
	reply_free(&r);
	client_free(&c);
}

/* An account that chose a language can go back to none of its own: its
 * group's or site's language then holds, else the browser's. */
static void
an_account_can_choose_no_language_of_its_own(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "member.forum");
	submit_expect(&c, "/account/language", "language=cy", 303, &r);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/account/language", &r), 200);
	assert_contains(r.body, "value=\"cy\" selected");
	reply_free(&r);
	submit_expect(&c, "/account/language", "language=place", 303, &r);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/account/language?lang=en", &r), 200);
	assert_contains(r.body, "value=\"place\" selected");
	assert_contains(r.body, "None of my own: this browser&#39;s choice, "
	    "else my group&#39;s or site&#39;s language");
	reply_free(&r);
	/* The account page says so too, not the language it happens to
	 * read in, and in the reader's words. */
	assert_int_equal(http_get(&c, "/account?lang=en", &r), 200);
	assert_contains(r.body, ">Language</dt><dd class=\"govuk-summary-"
	    "list__value\">None of my own: this browser&#39;s choice, else my "
	    "group&#39;s or site&#39;s language</dd>");
	assert_lacks(r.body, ">English</dd>");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/account?lang=cy", &r), 200);
	assert_contains(r.body, ">Dim un fy hun: dewis y porwr hwn, neu fel "
	    "arall iaith fy ngrŵp neu fy safle</dd>");
	assert_lacks(r.body, ">Cymraeg</dd>");
	reply_free(&r);
	client_free(&c);
}

/* A short step or note staff wrote in English, on a Welsh page, is
 * marked English for a screen reader's voice: three or four words with
 * only one of English's small words, or none (util/text_language.h). */
static void
a_short_english_step_on_a_welsh_page_is_marked(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64];

	(void)state;
	as(&c, "rep.fenwick");
	snprintf(path, sizeof(path), "/arrivals/%lld?lang=cy", db_scalar(&srv,
	    "SELECT arrival_id FROM arrival_steps WHERE text = "
	    "'Check state pension and benefits'"));
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "<html lang=\"cy\"");
	assert_contains(r.body, "<li><span lang=\"en\">Check state pension "
	    "and benefits</span>");
	assert_contains(r.body, ": <span lang=\"en\">Prescription "
	    "confirmed</span>");
	assert_contains(r.body, ": <span lang=\"en\">Lower bunk "
	    "agreed</span>");
	/* Our own words around them are the page's, unmarked. */
	assert_lacks(r.body, "<span lang=\"cy\">");
	reply_free(&r);
	client_free(&c);
}

/* A document staff publish in group 1, its id. */
static long long
document_published(struct client *staff, const char *kind, const char *body)
{
	char		 form[1024], *text = url_encode(body);
	long long	 id;

	snprintf(form, sizeof(form), "title=Forum+document&kind=%s&"
	    "published_on=2026-11-01&body=%s", kind, text);
	free(text);
	id = submit_created(staff, "/groups/1/documents/new", form,
	    "/documents/");
	assert_true(id > 0);
	return id;
}

#define MARKDOWN	"<div class=\"govuk-body rt-markdown\">"

/* The page at path in language lang, as c reads it, shows want; and
 * marks no block with a language unless want does. */
static void
page_shows(struct client *c, const char *path, const char *lang,
    const char *want)
{
	struct reply	 r;
	char		 url[128];

	snprintf(url, sizeof(url), "%s?lang=%s", path, lang);
	assert_int_equal(http_get(c, url, &r), 200);
	assert_contains(r.body, want);
	if (strstr(want, "<div lang=") == NULL)
		assert_lacks(r.body, "<div lang=");
	reply_free(&r);
}

/* Formatted text (Markdown drawn as HTML: a charter, terms of reference,
 * minutes) in the other language than the page's is marked as one block,
 * guessed from its words with its tags left out; one word says nothing,
 * and a text in the page's own language is not marked. */
static void
formatted_text_is_marked_with_its_language(void **state)
{
	struct client	 member, staff;
	char		 path[64];

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/documents/%lld", document_published(
	    &staff, "charter", "# Ein siarter\n\nMae'r fforwm yn cyfarfod "
	    "**bob mis** yn y carchar.\n\n- Mae pawb yn cael siarad\n"
	    "- Rydyn ni'n gwrando ar ein gilydd\n"));
	page_shows(&member, path, "en", MARKDOWN "<div lang=\"cy\"><h1>Ein "
	    "siarter</h1>");
	page_shows(&member, path, "cy", MARKDOWN "<h1>Ein siarter</h1>");

	/* Terms of reference of one word. */
	snprintf(path, sizeof(path), "/documents/%lld", document_published(
	    &staff, "terms_of_reference", "**Croeso**"));
	page_shows(&member, path, "en", MARKDOWN "<p><strong>Croeso</strong>"
	    "</p>");

	/* The demo's published minutes, in English, on a Welsh page. */
	snprintf(path, sizeof(path), "/meetings/%lld", db_scalar(&srv,
	    "SELECT meeting_id FROM agenda_items WHERE minutes LIKE "
	    "'The forum heard%'"));
	page_shows(&member, path, "cy", MARKDOWN "<div lang=\"en\"><p>The "
	    "forum heard that evening medication");
	page_shows(&member, path, "en", MARKDOWN "<p>The forum heard");
	client_free(&member);
	client_free(&staff);
}

/* With no account, no ?lang= and no cookie, the browser's own
 * Accept-Language decides: a kiosk with a bad link speaks Welsh to a
 * Welsh browser, English to one that prefers English, and a language
 * we do not have falls to the next one listed. */
static void
a_page_without_an_account_follows_the_browser(void **state)
{
	static const struct {
		const char	*header;
		const char	*lang;
	} asked[] = {
		{ "cy", "cy" },
		{ "cy-GB,cy;q=0.9,en;q=0.8", "cy" },
		{ "fr-FR, en;q=0.5, cy;q=0.7", "cy" },
		{ "en-GB,cy;q=0.3", "en" },
		{ "cy;q=0, en;q=0.2", "en" },
		{ "de", "en" },
	};
	struct client	 c;
	struct reply	 r;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(asked) / sizeof(asked[0]); i++) {
		client_init(&c, &srv);
		c.accept_language = asked[i].header;
		assert_int_equal(http_get(&c, "/kiosk?t=no-such-token", &r),
		    404);
		assert_contains(r.body, strcmp(asked[i].lang, "cy") == 0 ?
		    "<html lang=\"cy\"" : "<html lang=\"en\"");
		assert_contains(r.body, strcmp(asked[i].lang, "cy") == 0 ?
		    "Dydy&#39;r arolwg hwn ddim ar agor." :
		    "This survey is not open.");
		reply_free(&r);
		client_free(&c);
	}
	/* ?lang= and the cookie it leaves still win over the browser. */
	client_init(&c, &srv);
	c.accept_language = "cy";
	assert_int_equal(http_get(&c, "/sign-in?lang=en", &r), 200);
	assert_contains(r.body, "<html lang=\"en\"");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/kiosk", &r), 404);
	assert_contains(r.body, "<html lang=\"en\"");
	reply_free(&r);
	client_free(&c);
}

/* The sum of every session's last-seen time and their number: what a
 * missing page must leave as it was. */
static long long
sessions_state(void)
{
	return db_scalar(&srv, "SELECT coalesce(sum(last_seen_at), 0) * 1000 "
	    "+ count(*) FROM sessions");
}

/* A request's raw bytes with this client's session cookie, method and
 * path; the reply's status, its head and body in got. */
static long
raw_with_session(struct client *c, const char *method, const char *path,
    char *got, size_t sz)
{
	char		 line[512], rq[1024];
	const char	*token;

	assert_int_equal(client_cookie(c, "rt_session", line, sizeof(line)),
	    0);
	token = strrchr(line, '\t');
	assert_non_null(token);
	snprintf(rq, sizeof(rq), "%s %s HTTP/1.1\r\nHost: localhost\r\n"
	    "Cookie: rt_session=%s\r\nContent-Length: 0\r\n"
	    "Connection: close\r\n\r\n", method, path, token + 1);
	return raw_request(&srv, rq, strlen(rq), got, sz);
}

/* c's GET of path is a missing page, in Welsh and titled so. */
static void
missing_in_welsh(struct client *c, const char *path)
{
	struct reply	 r;

	assert_int_equal(http_get(c, path, &r), 404);
	assert_contains(r.body, "<html lang=\"cy\"");
	assert_contains(r.body, "<title>Heb ddod o hyd i&#39;r dudalen.");
	reply_free(&r);
}

/*
 * An answer given before any route runs (a missing page, a method or a
 * static file the program does not have) reads in the signed-in
 * account's own language, by the rule of every other page, and leaves
 * the session as it was: not touched, and an idle one not ended (it
 * reads as no one's).  Signed out, the browser's language decides.
 */
static void
an_early_error_page_speaks_the_account_language(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 got[32768];
	long long	 before;

	(void)state;
	as(&c, "coordinator.fenwick");
	assert_int_equal(db_write(&srv, "UPDATE accounts SET language = 'cy' "
	    "WHERE username = 'coordinator.fenwick'"), 0);
	/* Old enough to be touched by any page that reads the session. */
	assert_int_equal(db_write(&srv, "UPDATE sessions SET last_seen_at = "
	    "last_seen_at - 300"), 0);
	before = sessions_state();
	missing_in_welsh(&c, "/no-such-page");
	missing_in_welsh(&c, "/static/no-such-file.css");
	assert_int_equal(raw_with_session(&c, "PUT", "/proposals", got,
	    sizeof(got)), 405);
	assert_contains(got, "<html lang=\"cy\"");
	assert_lacks(got, "That method is not allowed here.");
	assert_true(sessions_state() == before);
	/* An idle session names no one: English, and still there. */
	assert_int_equal(db_write(&srv, "UPDATE sessions SET last_seen_at = "
	    "last_seen_at - 86400"), 0);
	before = sessions_state();
	assert_int_equal(http_get(&c, "/no-such-page", &r), 404);
	assert_contains(r.body, "<html lang=\"en\"");
	assert_contains(r.body, "Page not found.");
	reply_free(&r);
	assert_true(sessions_state() == before);
	assert_int_equal(db_write(&srv, "UPDATE accounts SET language = '' "
	    "WHERE username = 'coordinator.fenwick'"), 0);
	client_free(&c);

	/* Signed out, a Welsh browser reads a Welsh missing page. */
	client_init(&c, &srv);
	c.accept_language = "cy";
	missing_in_welsh(&c, "/no-such-page");
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_sign_in_page_switches_and_remembers),
		cmocka_unit_test(a_member_reads_home_in_welsh_and_chooses_it),
		cmocka_unit_test(a_rep_reads_when_each_log_was_in_welsh),
		cmocka_unit_test(a_survey_on_the_kiosk_reads_in_welsh),
		cmocka_unit_test(a_refused_form_says_why_in_welsh),
		cmocka_unit_test(an_account_can_choose_no_language_of_its_own),
		cmocka_unit_test(a_short_english_step_on_a_welsh_page_is_marked),
		cmocka_unit_test(formatted_text_is_marked_with_its_language),
		cmocka_unit_test(a_page_without_an_account_follows_the_browser),
		cmocka_unit_test(
		    an_early_error_page_speaks_the_account_language),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
