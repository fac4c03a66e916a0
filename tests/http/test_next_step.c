/*
 * Issue 20: a link or a button is drawn only where the viewer can use
 * it, and a page says where a thing is rather than offer what would be
 * refused.  On the demo: the vote on a member's home page and the phase
 * of each election there; a follow-up's Close link; running an election
 * by its phase; recording approval of minutes when no later meeting is
 * planned; a member's way into a survey; and the tick that written
 * answers name nobody.  Helpers and set-up: elections_test.h.
 */
#include <ctype.h>

#include "elections_test.h"

/* The demo's poll now open (the Over-50s Forum electing two reps). */
static long long
poll_open(void)
{
	return scalar("SELECT id FROM elections WHERE state = 'voting'");
}

static void
page_as(struct client *c, const char *path, long want, struct reply *r)
{
	if (http_get(c, path, r) != want)
		print_error("GET %s: %ld\n%.1500s\n", path, r->status, r->body);
	assert_int_equal(r->status, want);
}

/* Whether page has a button group with nothing in it but spaces. */
static int
empty_group(const char *page)
{
	static const char open[] = "<div class=\"govuk-button-group\">";
	const char	*p, *q;

	for (p = page; (p = strstr(p, open)) != NULL; p++) {
		for (q = p + strlen(open); isspace((unsigned char)*q); q++)
			;
		if (strncmp(q, "</div>", 6) == 0)
			return 1;
	}
	return 0;
}

/* Eric (member.forum) casts the STV vote for whose (a person's id):
 * Clive first. */
static void
vote_for(struct client *c, long long election, long long whose)
{
	struct reply	 r;
	char		 path[64], body[96];

	snprintf(path, sizeof(path), "/elections/%lld/vote", election);
	snprintf(body, sizeof(body), "for=%lld&pref_%lld=1", whose,
	    candidate(election, "Clive"));
	post_expect(c, path, body, 303, &r);
	reply_free(&r);
}

/*
 * The home page's vote button is there while the member has a vote to
 * cast, theirs or a proxy's, and it opens a ballot that takes it; once
 * both are cast, the page says they have voted.  A rep whose account is
 * no member of the group is never sent to a ballot.
 */
static void
home_offers_the_vote_only_while_one_is_left(void **state)
{
	struct client	 eric, rep;
	struct reply	 r;
	long long	 e = poll_open();
	char		 easy[80], path[64];

	(void)state;
	snprintf(easy, sizeof(easy), "/elections/%lld/vote?read=easy", e);
	snprintf(path, sizeof(path), "/elections/%lld/vote", e);
	as(&eric, "member.forum");
	page_as(&eric, "/", 200, &r);
	assert_contains(r.body, "Vote in the election");
	/* Both votes are his to cast, and the page says whose. */
	assert_contains(r.body, "You have not voted yet. You can vote for "
	    "yourself and use Dennis&#39;s proxy vote until ");
	reply_free(&r);
	vote_for(&eric, e, person("Eric"));
	/* Dennis's vote, held by proxy, is still to cast: said so, in
	 * easy read and in Welsh too. */
	page_as(&eric, "/", 200, &r);
	assert_contains(r.body, "You have voted. You still hold Dennis&#39;s "
	    "proxy vote. You can use it until ");
	reply_free(&r);
	page_as(&eric, "/?read=easy", 200, &r);
	assert_contains(r.body, easy);
	assert_contains(r.body, "You have voted. You still hold Dennis&#39;s "
	    "proxy vote. You can use it until ");
	reply_free(&r);
	page_as(&eric, "/?lang=cy", 200, &r);
	assert_contains(r.body, "Rydych chi wedi pleidleisio. Mae gennych "
	    "bleidlais ddirprwy ar ran Dennis o hyd. Gallwch ei defnyddio "
	    "tan ");
	reply_free(&r);
	page_as(&eric, "/?lang=en", 200, &r);
	reply_free(&r);
	page_as(&eric, easy, 200, &r);
	reply_free(&r);
	vote_for(&eric, e, person("Dennis"));
	page_as(&eric, "/", 200, &r);
	assert_lacks(r.body, "Vote in the election");
	reply_free(&r);
	page_as(&eric, "/?read=easy", 200, &r);
	assert_lacks(r.body, easy);
	assert_contains(r.body, "You have voted.");
	reply_free(&r);
	page_as(&eric, "/", 200, &r);
	assert_contains(r.body, "You have voted. The result will be published "
	    "after voting closes on ");
	reply_free(&r);
	/* What the button would have opened. */
	page_as(&eric, easy, 409, &r);
	reply_free(&r);
	client_free(&eric);

	as(&rep, "rep.fenwick");
	page_as(&rep, "/", 200, &r);
	assert_lacks(r.body, "Vote in the election");
	assert_lacks(r.body, path);
	assert_contains(r.body, "Voting is open until");
	reply_free(&r);
	page_as(&rep, path, 403, &r);
	reply_free(&r);
	client_free(&rep);
}

/*
 * The other ways round: a member who has cast the proxy vote they held
 * but not their own is told their own is left; one who may not vote
 * themselves but holds a proxy is told whose.  (The roll is set by hand
 * after the votes above, and put back.)
 */
static void
home_says_whose_vote_is_left(void **state)
{
	struct client	 eric;
	struct reply	 r;
	long long	 e = poll_open();
	char		 sql[256];

	(void)state;
	snprintf(sql, sizeof(sql), "DELETE FROM election_voters WHERE "
	    "election_id = %lld AND person_id = %lld", e, person("Eric"));
	assert_int_equal(db_write(&srv, sql), 0);
	as(&eric, "member.forum");
	page_as(&eric, "/", 200, &r);
	assert_contains(r.body, "You have used the proxy vote you held. You "
	    "have not voted for yourself yet. You can vote until ");
	reply_free(&r);
	page_as(&eric, "/?lang=cy", 200, &r);
	assert_contains(r.body, "Rydych chi wedi defnyddio&#39;r bleidlais "
	    "ddirprwy oedd gennych.");
	reply_free(&r);
	page_as(&eric, "/?lang=en", 200, &r);
	reply_free(&r);

	/* Eric an observer (no vote of his own); Dennis's vote not cast. */
	snprintf(sql, sizeof(sql), "DELETE FROM election_voters WHERE "
	    "election_id = %lld AND person_id = %lld", e, person("Dennis"));
	assert_int_equal(db_write(&srv, sql), 0);
	snprintf(sql, sizeof(sql), "UPDATE memberships SET position = "
	    "'observer' WHERE person_id = %lld AND position = 'member'",
	    person("Eric"));
	assert_int_equal(db_write(&srv, sql), 0);
	page_as(&eric, "/?read=easy", 200, &r);
	assert_contains(r.body, "You hold Dennis&#39;s proxy vote. You can "
	    "use it until ");
	assert_lacks(r.body, "You have voted");
	reply_free(&r);
	page_as(&eric, "/?read=standard", 200, &r);
	reply_free(&r);

	/* Put back as the votes above left it. */
	snprintf(sql, sizeof(sql), "UPDATE memberships SET position = "
	    "'member' WHERE person_id = %lld AND position = 'observer'",
	    person("Eric"));
	assert_int_equal(db_write(&srv, sql), 0);
	snprintf(sql, sizeof(sql), "INSERT INTO election_voters (election_id, "
	    "person_id, how, proxy_id) VALUES (%lld, %lld, 'proxy', %lld), "
	    "(%lld, %lld, 'online', NULL)", e, person("Dennis"),
	    person("Eric"), e, person("Eric"));
	assert_int_equal(db_write(&srv, sql), 0);
	page_as(&eric, "/", 200, &r);
	assert_contains(r.body, "You have voted. The result will be published "
	    "after voting closes on ");
	reply_free(&r);
	client_free(&eric);
}

/* Each election's line on the home page says the phase it is in. */
static void
home_says_each_election_phase(void **state)
{
	static const struct {
		const char	*set;
		const char	*says;
	} phases[] = {
		{ "state = 'nominations'", "Nominations are open until " },
		{ "nominations_open_on = '2000-01-01', nominations_close_on = "
		    "'2000-01-01', voting_opens_on = '2000-01-02'",
		    "Nominations have closed. Voting opens on " },
		{ "state = 'closed'", "Voting has closed. The result is on its "
		    "way." },
		{ "state = 'published', published_on = voting_closes_on",
		    "The result has been published." },
	};
	struct client	 staff, eric;
	struct reply	 r;
	long long	 e;
	char		 sql[256], link[96];
	size_t		 i;

	(void)state;
	as(&staff, "coordinator.fenwick");
	e = election_new(&staff, "fptp", 1);
	client_free(&staff);
	snprintf(link, sizeof(link), "href=\"/elections/%lld\">", e);
	as(&eric, "member.forum");
	for (i = 0; i < sizeof(phases) / sizeof(phases[0]); i++) {
		snprintf(sql, sizeof(sql), "UPDATE elections SET %s WHERE "
		    "id = %lld", phases[i].set, e);
		assert_int_equal(db_write(&srv, sql), 0);
		page_as(&eric, "/", 200, &r);
		assert_non_null(strstr(r.body, link));
		assert_contains(strstr(r.body, link), phases[i].says);
		assert_lacks(r.body, "nominations open until");
		reply_free(&r);
	}
	client_free(&eric);
}

/* A follow-up's Close link is drawn for its owner and staff only, as
 * the route lets them through. */
static void
close_is_offered_to_whoever_may_close(void **state)
{
	struct client	 rep, staff;
	struct reply	 r;
	long long	 log, mine, theirs;
	char		 sql[400], path[64], close_mine[64], close_theirs[64];

	(void)state;
	/* A log by rep.fenwick with two promises: one theirs, one the
	 * coordinator's. */
	log = scalar("SELECT c.id FROM conversations c JOIN accounts a ON "
	    "a.id = c.author_id WHERE a.username = 'rep.fenwick' ORDER BY c.id "
	    "LIMIT 1");
	assert_true(log > 0);
	snprintf(sql, sizeof(sql), "INSERT INTO followups (site_id, "
	    "conversation_id, action, owner_id, due_on, created_by) SELECT "
	    "c.site_id, c.id, 'Ask about %s', a.id, '2030-01-01', a.id FROM "
	    "conversations c, accounts a WHERE c.id = %lld AND a.username = "
	    "'%s'", "the rota", log, "coordinator.fenwick");
	assert_int_equal(db_write(&srv, sql), 0);
	snprintf(sql, sizeof(sql), "INSERT INTO followups (site_id, "
	    "conversation_id, action, owner_id, due_on, created_by) SELECT "
	    "c.site_id, c.id, 'Ask about %s', a.id, '2030-01-01', a.id FROM "
	    "conversations c, accounts a WHERE c.id = %lld AND a.username = "
	    "'%s'", "the library", log, "rep.fenwick");
	assert_int_equal(db_write(&srv, sql), 0);
	theirs = scalar("SELECT id FROM followups WHERE action = 'Ask about "
	    "the rota'");
	mine = scalar("SELECT id FROM followups WHERE action = 'Ask about "
	    "the library'");
	snprintf(path, sizeof(path), "/conversations/%lld", log);
	snprintf(close_mine, sizeof(close_mine), "/followups/%lld/close", mine);
	snprintf(close_theirs, sizeof(close_theirs), "/followups/%lld/close",
	    theirs);

	as(&rep, "rep.fenwick");
	page_as(&rep, path, 200, &r);
	assert_contains(r.body, close_mine);
	assert_lacks(r.body, close_theirs);
	reply_free(&r);
	page_as(&rep, close_theirs, 403, &r);
	reply_free(&r);
	page_as(&rep, close_mine, 200, &r);
	reply_free(&r);
	client_free(&rep);

	as(&staff, "coordinator.fenwick");
	page_as(&staff, path, 200, &r);
	assert_contains(r.body, close_mine);
	assert_contains(r.body, close_theirs);
	reply_free(&r);
	client_free(&staff);
}

/* Giving out a paper ballot and recording a proxy are offered only in
 * the phases whose forms take them. */
static void
running_an_election_offers_what_its_phase_allows(void **state)
{
	struct client	 staff;
	struct reply	 r;
	long long	 done, open = poll_open();
	char		 path[64], paper[64], proxy[64];

	(void)state;
	done = scalar("SELECT id FROM elections WHERE state = 'published' "
	    "AND group_id = 1 ORDER BY id LIMIT 1");
	as(&staff, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/elections/%lld", done);
	snprintf(paper, sizeof(paper), "/elections/%lld/paper-ballots", done);
	snprintf(proxy, sizeof(proxy), "/elections/%lld/proxies", done);
	page_as(&staff, path, 200, &r);
	assert_lacks(r.body, paper);
	assert_lacks(r.body, proxy);
	reply_free(&r);
	page_as(&staff, paper, 409, &r);
	reply_free(&r);
	page_as(&staff, proxy, 409, &r);
	reply_free(&r);

	snprintf(path, sizeof(path), "/elections/%lld", open);
	snprintf(paper, sizeof(paper), "/elections/%lld/paper-ballots", open);
	snprintf(proxy, sizeof(proxy), "/elections/%lld/proxies", open);
	page_as(&staff, path, 200, &r);
	assert_contains(r.body, paper);
	assert_contains(r.body, proxy);
	reply_free(&r);
	page_as(&staff, paper, 200, &r);
	reply_free(&r);
	page_as(&staff, proxy, 200, &r);
	reply_free(&r);
	client_free(&staff);
}

/* Minutes are approved at a later meeting: with none planned, the
 * meeting and the approval form say so and link to planning one. */
static void
approval_waits_for_the_next_meeting(void **state)
{
	struct client	 staff;
	struct reply	 r;
	long long	 last, group, earlier;
	char		 path[64], approve[64], plan[64], sql[200];

	(void)state;
	/* The latest meeting of a group, its minutes still a draft. */
	last = scalar("SELECT m.id FROM meetings m JOIN groups g ON g.id = "
	    "m.group_id WHERE g.site_id = 1 AND m.minutes_state = 'draft' AND "
	    "NOT EXISTS (SELECT 1 FROM meetings n WHERE n.group_id = "
	    "m.group_id AND n.held_on > m.held_on) ORDER BY m.id LIMIT 1");
	assert_true(last > 0);
	group = db_scalar_id(&srv, "SELECT group_id FROM meetings WHERE id = "
	    "%lld", last);
	snprintf(path, sizeof(path), "/meetings/%lld", last);
	snprintf(approve, sizeof(approve), "/meetings/%lld/approve", last);
	snprintf(plan, sizeof(plan), "/groups/%lld/meetings/new", group);
	as(&staff, "coordinator.fenwick");
	page_as(&staff, path, 200, &r);
	assert_lacks(r.body, approve);
	assert_contains(r.body, "none is planned yet");
	assert_contains(r.body, plan);
	reply_free(&r);
	page_as(&staff, approve, 200, &r);
	assert_contains(r.body, "none is planned yet");
	assert_contains(r.body, plan);
	assert_lacks(r.body, "<select");
	reply_free(&r);
	post_expect(&staff, approve, "approved_at=1&proposed_by=1&"
	    "seconded_by=2", 409, &r);
	reply_free(&r);
	/* An earlier meeting's minutes, a later one there to approve them. */
	snprintf(sql, sizeof(sql), "UPDATE meetings SET minutes_state = "
	    "'draft' WHERE id = (SELECT id FROM meetings WHERE group_id = %lld "
	    "AND id <> %lld ORDER BY held_on LIMIT 1)", group, last);
	assert_int_equal(db_write(&srv, sql), 0);
	earlier = db_scalar_id(&srv, "SELECT id FROM meetings WHERE group_id "
	    "= %lld AND minutes_state = 'draft' ORDER BY held_on LIMIT 1",
	    group);
	assert_true(earlier != last);
	snprintf(path, sizeof(path), "/meetings/%lld", earlier);
	snprintf(approve, sizeof(approve), "/meetings/%lld/approve", earlier);
	page_as(&staff, path, 200, &r);
	assert_contains(r.body, approve);
	assert_lacks(r.body, "none is planned yet");
	reply_free(&r);
	page_as(&staff, approve, 200, &r);
	assert_contains(r.body, "<select");
	reply_free(&r);
	client_free(&staff);
}

/* A survey made here: a choice question, and free text when asked. */
static long long
survey_with(int free_text)
{
	struct client	 c;
	struct reply	 r;
	long long	 id;
	char		 path[64];

	as(&c, "coordinator.fenwick");
	id = submit_created(&c, "/groups/1/surveys/new", "title=Wing+meals"
	    "&intro=About+meals&consent=Anonymous+answers", "/surveys/");
	snprintf(path, sizeof(path), "/surveys/%lld/questions/new", id);
	submit_expect(&c, path, "prompt=Hot+enough%3F&kind=single&choices="
	    "Yes%0ANo&required=1", 303, &r);
	reply_free(&r);
	if (free_text) {
		submit_expect(&c, path, "prompt=Anything+else%3F&kind=text",
		    303, &r);
		reply_free(&r);
	}
	snprintf(path, sizeof(path), "/surveys/%lld/open", id);
	post_expect(&c, path, "", 303, &r);
	reply_free(&r);
	client_free(&c);
	return id;
}

/* A member reaches the survey's answer form from home and from the
 * survey's page, which shows them no empty row of buttons. */
static void
a_member_lands_on_the_answer_form(void **state)
{
	struct client	 c;
	struct reply	 r;
	long long	 id = survey_with(1);
	char		*token, path[64], answer[96];

	(void)state;
	token = db_text(&srv, "SELECT token FROM surveys ORDER BY id DESC "
	    "LIMIT 1");
	assert_non_null(token);
	snprintf(answer, sizeof(answer), "/answer?t=%s", token);
	free(token);
	snprintf(path, sizeof(path), "/surveys/%lld", id);
	as(&c, "member.forum");
	page_as(&c, "/", 200, &r);
	assert_contains(r.body, answer);
	reply_free(&r);
	page_as(&c, path, 200, &r);
	assert_contains(r.body, answer);
	assert_false(empty_group(r.body));
	reply_free(&r);
	page_as(&c, answer, 200, &r);
	assert_contains(r.body, "Hot enough?");
	reply_free(&r);
	client_free(&c);
}

/* The kiosk's address for survey id. */
static void
kiosk_of(long long id, char *path, size_t sz)
{
	char	*token;

	token = db_text(&srv, "SELECT token FROM surveys ORDER BY id DESC "
	    "LIMIT 1");
	assert_int_equal(scalar("SELECT max(id) FROM surveys"), id);
	assert_non_null(token);
	snprintf(path, sz, "/kiosk?t=%s", token);
	free(token);
}

/* The tick that written answers name nobody is asked for only when
 * there are written answers, and says what to check. */
static void
the_names_tick_only_with_written_answers(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96];

	(void)state;
	client_init(&c, &srv);
	kiosk_of(survey_with(0), path, sizeof(path));
	page_as(&c, path, 200, &r);
	assert_lacks(r.body, "name=\"no_names\"");
	reply_free(&r);
	kiosk_of(survey_with(1), path, sizeof(path));
	page_as(&c, path, 200, &r);
	assert_contains(r.body, "name=\"no_names\"");
	assert_contains(r.body, "My written answers do not name anyone");
	assert_lacks(r.body, "it names no one");
	reply_free(&r);
	client_free(&c);
}

static int
setup(void **state)
{
	static const char *const users[] = { "rep.fenwick", NULL };

	return elections_setup(state) == 0 ? server_passwords(&srv, users,
	    PW) : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(home_offers_the_vote_only_while_one_is_left),
		cmocka_unit_test(home_says_whose_vote_is_left),
		cmocka_unit_test(home_says_each_election_phase),
		cmocka_unit_test(close_is_offered_to_whoever_may_close),
		cmocka_unit_test(running_an_election_offers_what_its_phase_allows),
		cmocka_unit_test(approval_waits_for_the_next_meeting),
		cmocka_unit_test(a_member_lands_on_the_answer_form),
		cmocka_unit_test(the_names_tick_only_with_written_answers),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
