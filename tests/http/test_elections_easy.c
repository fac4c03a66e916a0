/*
 * An election as its members read it (issue 20): its title names the
 * post, the group and the day its poll closes, in the reader's language;
 * the election itself in easy read (what the post is, who is standing,
 * when to vote, how, and who was elected), in English and Welsh; a count
 * sheet that says elected or not elected once the count is over, never
 * "continuing", a sheet stored before that included; and a meeting
 * without its quorum saying so as a sentence of its own.
 *
 * The demo's Over-50s Forum (group 1) has elected its chair (election 1,
 * first past the post, published: Arthur beat Dennis) and is electing
 * two reps (election 2, STV, poll open); member.forum is Eric, who may
 * vote in it (until a test closes it).
 */
#include <ctype.h>
#include <time.h>

#define PW	"election-easy-test-pw"
#include "http_test.h"
#include "util/date.h"

static int
setup(void **state)
{
	static const char *const users[] = { "member.forum",
	    "coordinator.fenwick", NULL };

	(void)state;
	return server_with_passwords(users);
}

/* GETs path as user, which must answer 200; reply_free it. */
static void
get_as(const char *user, const char *path, struct reply *r)
{
	struct client	 c;

	as(&c, user);
	if (http_get(&c, path, r) != 200)
		print_error("GET %s: %ld\n%.1200s\n", path, r->status, r->body);
	assert_int_equal(r->status, 200);
	client_free(&c);
}

static void
member_get(const char *path, struct reply *r)
{
	get_as("member.forum", path, r);
}

/* The day election id's poll closes, in words ("4 December 2026"). */
static void
closes_in_words(long long id, char out[DATE_WORDS_CHARS + 1])
{
	char	 sql[120], *iso;

	snprintf(sql, sizeof(sql), "SELECT voting_closes_on FROM elections "
	    "WHERE id = %lld", id);
	iso = db_text(&srv, sql);
	assert_non_null(iso);
	date_words(iso, out, NULL);
	free(iso);
}

/*
 * The page's text as a screen reader meets it: tags dropped, and a
 * block (a paragraph, a list item, a line break) a break of its own, so
 * two sentences in one line of text are two sentences in the page.
 * Caller frees.
 */
static char *
read_aloud(const char *html)
{
	static const char *const blocks[] = { "p", "div", "li", "dd", "dt",
	    "br", "ul", "ol", "h1", "h2", "h3", NULL };
	char		*t = malloc(strlen(html) + 1), *o = t;
	const char	*name;
	size_t		 i, n;

	assert_non_null(t);
	while (*html != '\0') {
		if (*html != '<') {
			*o++ = *html++;
			continue;
		}
		name = html + 1 + (html[1] == '/');
		for (n = 0; isalnum((unsigned char)name[n]); n++)
			;
		for (i = 0; blocks[i] != NULL; i++)
			if (strlen(blocks[i]) == n &&
			    strncmp(name, blocks[i], n) == 0)
				*o++ = '\n';
		while (*html != '\0' && *html != '>')
			html++;
		if (*html == '>')
			html++;
	}
	*o = '\0';
	return t;
}

static void
an_elections_title_names_its_post(void **state)
{
	struct reply	 r;
	char		 day[DATE_WORDS_CHARS + 1], want[200];

	(void)state;
	closes_in_words(2, day);
	member_get("/elections/2", &r);
	snprintf(want, sizeof(want), "<title>Election: Rep, Over-50s Forum, "
	    "%s – Roundtable</title>", day);
	assert_contains(r.body, want);
	reply_free(&r);
	/* In Welsh the post is worded too, the group as it is named; never
	 * "number 2". */
	member_get("/elections/2?lang=cy", &r);
	assert_contains(r.body, "<title>Etholiad: Cynrychiolydd, Over-50s "
	    "Forum, ");
	assert_lacks(r.body, "rhif 2");
	reply_free(&r);
	/* The chair's election has a title of its own, and so do its other
	 * pages. */
	member_get("/elections/1/count", &r);
	assert_contains(r.body, "<title>Count sheet: Chair, Over-50s Forum, ");
	reply_free(&r);
}

static void
an_election_reads_in_easy_read(void **state)
{
	struct reply	 r;
	char		 day[DATE_WORDS_CHARS + 1], want[200];

	(void)state;
	closes_in_words(2, day);
	member_get("/elections/2?read=easy&lang=en", &r);
	assert_contains(r.body, " rt-easy-read\"");
	/* A picture beside each key point, named for a screen reader. */
	assert_contains(r.body, "rt-picture--vote\"");
	assert_contains(r.body, "rt-picture--person\"");
	assert_contains(r.body, "rt-picture--date\"");
	assert_contains(r.body, "<strong>What the election is for:</strong>"
	    "<br>Rep<br>");
	assert_contains(r.body, "<strong>Who is standing:</strong>");
	assert_contains(r.body, "<li>Bernard</li>");
	assert_contains(r.body, "<li>Clive</li>");
	assert_contains(r.body, "<li>Frank</li>");
	snprintf(want, sizeof(want), "Voting closes on %s.", day);
	assert_contains(r.body, want);
	/* Eric may vote: the button opens the ballot paper. */
	assert_contains(r.body, "href=\"/elections/2/vote\">Vote now</a>");
	assert_contains(r.body, "Your vote is secret.");
	/* Not the standard page's details. */
	assert_lacks(r.body, "Counted by");
	reply_free(&r);

	member_get("/elections/2?read=easy&lang=cy", &r);
	assert_contains(r.body, "<strong>Pwy sy&#39;n sefyll:</strong>");
	assert_contains(r.body, "<br>Cynrychiolydd<br>");
	assert_contains(r.body, ">Pleidleisiwch nawr</a>");
	assert_contains(r.body, "rt-picture--vote\"");
	assert_lacks(r.body, "Who is standing");
	reply_free(&r);
	/* Staff, who have no vote in it, are told who votes, not to ask
	 * a member of staff (test_easy_read_roles: each reader's part). */
	get_as("coordinator.fenwick", "/elections/2?read=easy&lang=en", &r);
	assert_contains(r.body, "vote here.</strong><br>Staff do not vote.");
	assert_lacks(r.body, "You cannot vote here.");
	assert_lacks(r.body, "Ask a member of staff");
	assert_lacks(r.body, "Vote now");
	reply_free(&r);

	/* Once counted, who won in plain words. */
	member_get("/elections/1?read=easy&lang=en", &r);
	assert_contains(r.body, "<strong>The result:</strong>");
	assert_contains(r.body, "<li>Arthur was elected.</li>");
	assert_contains(r.body, "Voting closed on ");
	assert_lacks(r.body, "Vote now");
	reply_free(&r);
	member_get("/elections/1?read=easy&lang=cy", &r);
	assert_contains(r.body, "<li>Etholwyd Arthur.</li>");
	assert_contains(r.body, "Caeodd y pleidleisio ar ");
	reply_free(&r);

	/* Closed and not yet published: being counted, nobody named. */
	assert_int_equal(db_write(&srv, "UPDATE elections SET state = "
	    "'closed' WHERE id = 2"), 0);
	member_get("/elections/2?read=easy&lang=en", &r);
	assert_contains(r.body, "<strong>The votes are being counted."
	    "</strong>");
	assert_lacks(r.body, "was elected");
	assert_lacks(r.body, "Vote now");
	reply_free(&r);
}

/*
 * Eric has voted and holds Dennis's proxy: the election's page says whose
 * vote is left and what a proxy vote is; the ballot is Dennis's, chosen
 * already; a paper sent without saying whose is refused in words that
 * name only what it offers.  In Welsh too.
 */
static void
only_a_proxy_vote_left_is_said_plainly(void **state)
{
	struct client	 eric;
	struct reply	 r;
	char		 body[160], want[160];
	long long	 me = db_scalar(&srv, "SELECT person_id FROM accounts "
			    "WHERE username = 'member.forum'");
	long long	 dennis = db_scalar(&srv, "SELECT id FROM people WHERE "
			    "display_name LIKE 'Dennis%'");
	long long	 before;

	(void)state;
	as(&eric, "member.forum");
	snprintf(body, sizeof(body), "for=%lld&pref_3=1", me);
	post_expect(&eric, "/elections/2/vote", body, 303, &r);
	reply_free(&r);
	assert_int_equal(http_get(&eric, "/elections/2?read=easy&lang=en", &r),
	    200);
	assert_contains(r.body, "<strong>You have voted. Nobody can see how."
	    "</strong><br>You can still vote for Dennis, who asked you to vote "
	    "for them.");
	assert_contains(r.body, "This is called a proxy vote.");
	assert_contains(r.body, "Press \u201cVote now\u201d to get the ballot "
	    "paper.");
	assert_lacks(r.body, "get your ballot paper");
	reply_free(&r);
	assert_int_equal(http_get(&eric, "/elections/2?read=standard", &r),
	    200);
	assert_contains(r.body, "You can still vote for Dennis, who asked you "
	    "to vote for them.");
	reply_free(&r);
	/* The paper is Dennis's, already chosen. */
	assert_int_equal(http_get(&eric, "/elections/2/vote?read=easy", &r),
	    200);
	assert_contains(r.body, "<strong>This is the ballot paper for Dennis."
	    "</strong>");
	assert_lacks(r.body, "This is your ballot paper.");
	snprintf(want, sizeof(want), "value=\"%lld\" checked><label class=\""
	    "govuk-label govuk-radios__label\" for=\"for-%lld\">Dennis: they "
	    "asked you to vote for them</label>", dennis, dennis);
	assert_contains(r.body, want);
	reply_free(&r);
	/* Sent without saying whose: the error offers only what is there;
	 * the paper comes back with Dennis still chosen. */
	before = db_scalar(&srv, "SELECT count(*) FROM ballots");
	post_expect(&eric, "/elections/2/vote", "pref_3=1", 422, &r);
	assert_contains(r.body, "Choose whose vote this is: a member who asked "
	    "you to vote for them");
	assert_lacks(r.body, "yourself");
	assert_contains(r.body, want);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM ballots"),
	    before);
	assert_int_equal(http_get(&eric, "/elections/2?read=easy&lang=cy", &r),
	    200);
	assert_contains(r.body, "Gallwch chi bleidleisio dros Dennis o hyd");
	assert_contains(r.body, "Pleidlais drwy ddirprwy yw&#39;r enw ar hyn.");
	reply_free(&r);
	assert_int_equal(http_get(&eric, "/?lang=en&read=standard", &r), 200);
	reply_free(&r);
	client_free(&eric);
}

/* Nobody is "continuing" on the sheet of a count that is over. */
static void
count_says_it_in(const char *path, const char *elected,
    const char *not_elected, const char *continuing)
{
	struct reply	 r;

	member_get(path, &r);
	assert_contains(r.body, elected);
	assert_contains(r.body, not_elected);
	assert_lacks(r.body, continuing);
	reply_free(&r);
}

static void
a_count_says_elected_or_not_elected(void **state)
{
	struct reply	 r;

	(void)state;
	count_says_it_in("/elections/1/count?lang=en",
	    "<td class=\"govuk-table__cell\">elected</td>",
	    "<td class=\"govuk-table__cell\">not elected</td>", "continuing");
	count_says_it_in("/elections/1/count?lang=cy",
	    "<td class=\"govuk-table__cell\">wedi&#39;i ethol</td>",
	    "<td class=\"govuk-table__cell\">heb ei ethol</td>", "yn parhau");
	/* A sheet published before said "continuing" of everyone at its
	 * one stage: it reads as one counted now, and counting again from
	 * the ballots still gives the same result. */
	assert_int_equal(db_write(&srv, "UPDATE elections SET result = "
	    "replace(replace(result, '\"state\":\"not elected\"', "
	    "'\"state\":\"continuing\"'), '\"state\":\"elected\"', "
	    "'\"state\":\"continuing\"') WHERE id = 1"), 0);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM elections "
	    "WHERE id = 1 AND result LIKE '%\"state\":\"continuing\"%'"), 1);
	count_says_it_in("/elections/1/count?lang=en",
	    "<td class=\"govuk-table__cell\">elected</td>",
	    "<td class=\"govuk-table__cell\">not elected</td>", "continuing");
	member_get("/elections/1/verify?lang=en", &r);
	assert_contains(r.body, "Same result");
	reply_free(&r);
}

static void
without_a_quorum_is_a_sentence_of_its_own(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64], body[64], *text;
	long long	 meeting;

	(void)state;
	as(&c, "member.forum");
	/* One member present of six: not quorate. */
	meeting = submit_created(&c, "/groups/1/meetings/new", "kind=forum&"
	    "held_on=2027-07-01&starts_at=14:00&place=Chapel", "/meetings/");
	snprintf(path, sizeof(path), "/meetings/%lld/attendance", meeting);
	snprintf(body, sizeof(body), "person_%lld=present", db_scalar(&srv,
	    "SELECT min(person_id) FROM memberships WHERE group_id = 1 AND "
	    "to_on IS NULL"));
	assert_int_equal(http_post(&c, path, body, 1, &r), 303);
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld?lang=cy", meeting);
	assert_int_equal(http_get(&c, path, &r), 200);
	text = read_aloud(r.body);
	assert_contains(text, "Heb gworwm\n");
	assert_lacks(text, "Heb gworwm Mae");
	assert_contains(text, "\nMae angen cadarnhau&#39;r penderfyniadau");
	free(text);
	reply_free(&r);
	snprintf(path, sizeof(path), "/meetings/%lld?lang=en", meeting);
	assert_int_equal(http_get(&c, path, &r), 200);
	text = read_aloud(r.body);
	assert_contains(text, "Not quorate\nDecisions taken need confirming");
	free(text);
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(only_a_proxy_vote_left_is_said_plainly),
		cmocka_unit_test(an_elections_title_names_its_post),
		cmocka_unit_test(an_election_reads_in_easy_read),
		cmocka_unit_test(a_count_says_elected_or_not_elected),
		cmocka_unit_test(without_a_quorum_is_a_sentence_of_its_own),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
