/*
 * Elections from call to result: nominations and who may stand, no
 * count before the close for any role or an API token, closing (which
 * forgets the order of voting), first past the post and STV, proxies,
 * publishing and verifying, taking office, and the PDFs (paper ballots
 * that two tellers must agree on: test_elections_paper.c).  Helpers and
 * set-up: elections_test.h.
 */
#include <sys/stat.h>

#include "elections_test.h"

/* The election's ballot keys in hex, comma-separated, in key order
 * (caller frees). */
static char *
ballot_keys(long long election)
{
	char	 sql[300], *keys;

	snprintf(sql, sizeof(sql), server_on_pg(&srv) ?
	    "SELECT string_agg(encode(id, 'hex'), ',' ORDER BY id) FROM "
	    "ballots WHERE election_id = %lld" :
	    "SELECT group_concat(k, ',') FROM (SELECT hex(id) AS k FROM "
	    "ballots WHERE election_id = %lld ORDER BY id)", election);
	keys = db_text(&srv, sql);
	assert_non_null(keys);
	return keys;
}

/*
 * Closing the poll forgets the order of voting: every ballot is stored
 * again under a new key (none of the old keys is left, the number is
 * the same), and the WAL, which held a page image per vote, is empty.
 */
static void
close_reshuffles(struct client *staff, long long election)
{
	char		*before, *after, *k;
	char		 wal[320];
	struct stat	 sb;
	long long	 n;

	before = ballot_keys(election);
	n = scalar("SELECT count(*) FROM ballots WHERE election_id = %lld",
	    election);
	post_to(staff, election, "close", "", 303);
	/* The day of the close is a date (a pointer was once stored). */
	assert_int_equal(scalar("SELECT CASE WHEN date(closed_on) = closed_on "
	    "THEN 1 ELSE 0 END FROM elections WHERE id = %lld", election), 1);
	/* SQLite's WAL held a page image per vote; PostgreSQL's WAL is its
	 * own (docs/ARCHITECTURE.md, secret ballots). */
	snprintf(wal, sizeof(wal), "%s-wal", srv.db);
	assert_true(server_on_pg(&srv) || stat(wal, &sb) == -1 ||
	    sb.st_size == 0);
	after = ballot_keys(election);
	assert_int_equal(scalar("SELECT count(*) FROM ballots WHERE "
	    "election_id = %lld", election), n);
	for (k = strtok(before, ","); k != NULL; k = strtok(NULL, ","))
		assert_null(strstr(after, k));
	free(before);
	free(after);
}

/* Every way to a count, for every kind of caller, before the close. */
static void
nothing_is_seen_before_the_close(long long election, struct client *api)
{
	static const char *const users[] = { "org.admin", "coordinator.fenwick",
	    "member.forum", "voter.Dennis", NULL };
	static const char *const counts[] = { "/elections/%lld/count",
	    "/elections/%lld/result.pdf", "/elections/%lld/verify", NULL };
	struct client	 c;
	struct reply	 r;
	char		 path[64];
	size_t		 u, k;

	for (u = 0; users[u] != NULL; u++) {
		as(&c, users[u]);
		for (k = 0; counts[k] != NULL; k++)
			assert_int_equal(get_status(&c, counts[k], election), 409);
		c.json = 1;
		snprintf(path, sizeof(path), "/elections/%lld", election);
		assert_int_equal(http_get(&c, path, &r), 200);
		assert_contains(r.body, "\"result\":null");
		assert_lacks(r.body, "\"votes\"");
		assert_lacks(r.body, "elected");
		reply_free(&r);
		client_free(&c);
	}
	for (k = 0; counts[k] != NULL; k++)
		assert_int_equal(get_status(api, counts[k], election), 409);
	snprintf(path, sizeof(path), "/elections/%lld", election);
	assert_int_equal(http_get(api, path, &r), 200);
	assert_contains(r.body, "\"result\":null");
	assert_lacks(r.body, "\"votes\"");
	reply_free(&r);
}

/* Counting the stored ballots again gives the published sheet (c asks
 * for JSON). */
static void
recount_agrees(struct client *c, long long election)
{
	struct reply	 r;
	char		 path[64];

	snprintf(path, sizeof(path), "/elections/%lld/verify", election);
	assert_int_equal(http_get(c, path, &r), 200);
	assert_contains(r.body, "\"same\":true");
	reply_free(&r);
}

static void
api_client(struct client *api)
{
	struct client	 c;
	struct reply	 r;
	char		 token[64], *p;

	as(&c, "coordinator.fenwick");
	assert_int_equal(http_post(&c, "/account/tokens", "name=results", 1,
	    &r), 200);
	p = strstr(r.body, "class=\"rt-token\">");
	assert_non_null(p);
	snprintf(token, sizeof(token), "%.43s", p + strlen("class=\"rt-token\">"));
	reply_free(&r);
	client_free(&c);
	client_init(api, &srv);
	api->bearer = strdup(token);
}

static void
first_past_the_post_from_call_to_result(void **state)
{
	struct client	 staff, member, api;
	struct reply	 r;
	char		 body[256], path[64], *text;
	long long	 e, before, eric, dennis;

	(void)state;
	as(&staff, "coordinator.fenwick");
	/* Bad input: 422 naming the field, nothing stored. */
	before = scalar("SELECT count(*) FROM elections");
	snprintf(body, sizeof(body), "position=chair&seats=0&method=fptp"
	    "&nominations_close_on=%s&voting_opens_on=%s&voting_closes_on="
	    "2000-01-01", today, today);
	submit_expect(&staff, "/groups/1/elections/new", body, 422, &r);
	assert_contains(r.body, "Places to fill must be a whole number from 1 "
	    "to 20");
	assert_contains(r.body, "Voting closes on cannot be in the past");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM elections"), before);

	e = election_new(&staff, "fptp", 1);
	/* member.forum is Eric: he may nominate himself, with a seconder. */
	as(&member, "member.forum");
	nominate(&member, e, "Eric", "Eric", "Frank");
	/* ...but not claim that someone else proposed a candidate. */
	snprintf(path, sizeof(path), "/elections/%lld/nominate", e);
	snprintf(body, sizeof(body), "person_id=%lld&proposer_id=%lld"
	    "&seconder_id=%lld", person("Dennis"), person("Bernard"),
	    person("Clive"));
	submit_expect(&member, path, body, 422, &r);
	assert_contains(r.body, "You can only nominate as yourself");
	reply_free(&r);
	/* Nobody seconds themselves. */
	snprintf(body, sizeof(body), "person_id=%lld&proposer_id=%lld"
	    "&seconder_id=%lld", person("Dennis"), person("Bernard"),
	    person("Dennis"));
	submit_expect(&staff, path, body, 422, &r);
	assert_contains(r.body, "Candidates cannot second themselves");
	reply_free(&r);
	nominate(&staff, e, "Dennis", "Bernard", "Clive");
	/* Already standing: no longer offered. */
	snprintf(body, sizeof(body), "person_id=%lld&proposer_id=%lld"
	    "&seconder_id=%lld", person("Dennis"), person("Bernard"),
	    person("Clive"));
	submit_expect(&staff, path, body, 422, &r);
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM candidates WHERE "
	    "election_id = %lld", e), 2);
	/* No voting before the poll opens. */
	assert_int_equal(vote_as("Bernard", e, "mark=1"), 409);
	post_to(&staff, e, "open", "", 303);

	eric = candidate(e, "Eric");
	dennis = candidate(e, "Dennis");
	snprintf(body, sizeof(body), "mark=%lld", dennis);
	assert_int_equal(vote_as("Bernard", e, body), 303);
	assert_int_equal(vote_as("Clive", e, body), 303);
	assert_int_equal(vote_as("Dennis", e, body), 303);
	snprintf(body, sizeof(body), "mark=%lld", eric);
	assert_int_equal(vote_as("Frank", e, body), 303);
	/* Frank has voted: a second ballot is refused, nothing stored. */
	assert_int_equal(vote_as("Frank", e, body), 409);
	/* Which says so, and does not send Frank to a coordinator as if a
	 * page were withheld from him. */
	{
		struct client	 frank;

		as(&frank, "voter.Frank");
		snprintf(path, sizeof(path), "/elections/%lld/vote", e);
		assert_int_equal(http_get(&frank, path, &r), 409);
		assert_contains(r.body, "already voted");
		assert_lacks(r.body, "ask your coordinator");
		reply_free(&r);
		assert_int_equal(http_get(&frank, "/audit", &r), 403);
		assert_contains(r.body, "ask your coordinator");
		reply_free(&r);
		client_free(&frank);
	}
	/* Two names for one place: 422 naming the field.  And whether
	 * someone else has voted is nobody else's business: Eric voting
	 * "for" Frank (who has) or Arthur (who has not, but is not Eric's
	 * to vote for) gets the same 422 on "for", never a 409. */
	{
		struct client	 eric_c;
		const char	*other[] = { "Frank", "Arthur" };

		as(&eric_c, "member.forum");
		snprintf(path, sizeof(path), "/elections/%lld/vote", e);
		assert_int_equal(http_get(&eric_c, path, &r), 200);
		reply_free(&r);
		for (size_t o = 0; o < 2; o++) {
			snprintf(body, sizeof(body), "for=%lld&mark=%lld",
			    person(other[o]), eric);
			assert_int_equal(http_post(&eric_c, path, body, 1, &r),
			    422);
			assert_contains(r.body, "href=\"#for\"");
			/* Marked beside the choice it names, too. */
			assert_contains(r.body, "<div class=\"govuk-form-group "
			    "govuk-form-group--error\"><fieldset class=\""
			    "govuk-fieldset\" id=\"for\" aria-describedby=\""
			    "for-error\">");
			assert_contains(r.body, "<p id=\"for-error\" class=\""
			    "govuk-error-message\"><span class=\""
			    "govuk-visually-hidden\">Error:</span> Choose "
			    "\u201cMyself\u201d: this is your own vote");
			reply_free(&r);
		}
		snprintf(body, sizeof(body), "for=%lld&mark=%lld&mark=%lld",
		    person("Eric"), eric, dennis);
		assert_int_equal(http_post(&eric_c, path, body, 1, &r), 422);
		assert_contains(r.body, "You ticked more names than there are "
		    "places");
		assert_contains(r.body, "href=\"#mark\"");
		assert_contains(r.body, "govuk-form-group--error\" id=\""
		    "candidates\">");
		assert_contains(r.body, "<p id=\"candidates-error\" class=\""
		    "govuk-error-message\"><span class=\"govuk-visually-"
		    "hidden\">Error:</span> You ticked more names than there "
		    "are places</p>");
		assert_contains(r.body, "id=\"mark\" aria-describedby=\""
		    "candidates-error\">");
		reply_free(&r);
		snprintf(body, sizeof(body), "for=%lld&mark=%lld",
		    person("Eric"), eric);
		assert_int_equal(http_post(&eric_c, path, body, 1, &r), 303);
		reply_free(&r);
		client_free(&eric_c);
	}
	assert_int_equal(scalar("SELECT count(*) FROM ballots WHERE "
	    "election_id = %lld", e), 5);
	assert_int_equal(scalar("SELECT count(*) FROM election_voters WHERE "
	    "election_id = %lld", e), 5);
	/* The audit says someone voted, never what. */
	assert_int_equal(scalar("SELECT count(*) FROM audit WHERE action = "
	    "'election.vote' AND entity_id = %lld AND detail = 'online'", e), 5);

	api_client(&api);
	nothing_is_seen_before_the_close(e, &api);

	close_reshuffles(&staff, e);
	/* Closed: staff see the count, members wait for it to be published. */
	staff.json = 1;
	snprintf(path, sizeof(path), "/elections/%lld/count", e);
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_contains(r.body, "\"votes\":\"3.00000\"");
	reply_free(&r);
	staff.json = 0;
	/* Staff keep the lot's seed; a first-past-the-post count moves no
	 * votes, so has no non-transferable row. */
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_contains(r.body, "Seed for lots");
	assert_lacks(r.body, "Non-transferable");
	reply_free(&r);
	assert_int_equal(get_status(&member, "/elections/%lld/count", e), 403);
	assert_int_equal(get_status(&api, "/elections/%lld/count", e), 200);
	post_to(&staff, e, "publish", "", 303);
	post_to(&staff, e, "publish", "", 409);

	/* Published: everyone sees the sheet; a recount agrees.  A member
	 * sees neither the seed nor an empty transfer row. */
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "Dennis");
	assert_lacks(r.body, "Seed for lots");
	assert_lacks(r.body, "Non-transferable");
	reply_free(&r);
	member.json = 1;
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "\"name\":\"Dennis\"");
	assert_contains(r.body, "\"votes\":\"2.00000\"");
	reply_free(&r);
	recount_agrees(&member, e);
	member.json = 0;
	snprintf(path, sizeof(path), "/elections/%lld/result.pdf", e);
	assert_int_equal(http_get(&member, path, &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Result of the election");
	assert_contains(text, "Dennis (most votes)");
	assert_contains(text, "Rep, Over-50s Forum");
	/* The seed that settles ties is the count sheet's, not the
	 * notice members read. */
	assert_lacks(text, "Seed");
	free(text);
	reply_free(&r);
	client_free(&api);
	client_free(&member);
	client_free(&staff);
}

/* An election for position in group 1 whose every window is today, for
 * a term of months (0: the form's default). */
static long long
election_for(struct client *staff, const char *position, int months)
{
	char	 body[256];

	snprintf(body, sizeof(body), "position=%s&seats=1&method=fptp"
	    "&nominations_close_on=%s&voting_opens_on=%s&voting_closes_on=%s"
	    "&term_months=%.0d", position, today, today, today, months);
	return submit_created(staff, "/groups/1/elections/new", body,
	    "/elections/");
}

static long long
holder(const char *position)
{
	return scalar("SELECT person_id FROM memberships WHERE group_id = 1 "
	    "AND position = '%s' AND to_on IS NULL", position);
}

/* Winners take the office for the term, ending the previous holder's
 * (who stays a member); a lone valid nominee is elected unopposed, with
 * no poll, and the result says so. */
static void
elections_end_in_office(void **state)
{
	struct client	 staff;
	struct reply	 r;
	char		 body[256], path[64], term_end[DATE_CHARS + 1], *text;
	long long	 e, before, dennis = person("Dennis");

	(void)state;
	as(&staff, "coordinator.fenwick");
	before = holder("chair");
	assert_true(before > 0 && before != dennis);
	e = election_for(&staff, "chair", 0);
	nominate(&staff, e, "Eric", "Eric", "Frank");
	nominate(&staff, e, "Dennis", "Bernard", "Clive");
	post_to(&staff, e, "open", "", 303);
	snprintf(body, sizeof(body), "mark=%lld", candidate(e, "Dennis"));
	assert_int_equal(vote_as("Bernard", e, body), 303);
	assert_int_equal(vote_as("Clive", e, body), 303);
	close_reshuffles(&staff, e);
	post_to(&staff, e, "publish", "", 303);
	assert_int_equal(holder("chair"), dennis);
	assert_int_equal(scalar("SELECT count(*) FROM memberships WHERE "
	    "group_id = 1 AND position = 'chair' AND to_on IS NULL"), 1);
	date_add_months(today, 12, term_end);
	assert_int_equal(scalar("SELECT count(*) FROM memberships WHERE "
	    "group_id = 1 AND person_id = %lld AND position = 'chair' AND "
	    "from_on = '%s' AND term_ends_on = '%s'", dennis, today, term_end),
	    1);
	/* One current membership each: Dennis's old one ended, the old
	 * chair's office ended and they remain an ordinary member. */
	assert_int_equal(scalar("SELECT count(*) FROM memberships WHERE "
	    "group_id = 1 AND person_id = %lld AND to_on IS NULL", dennis), 1);
	assert_int_equal(scalar("SELECT count(*) FROM memberships WHERE "
	    "group_id = 1 AND person_id = %lld AND position = 'chair' AND "
	    "to_on = '%s'", before, today), 1);
	assert_int_equal(scalar("SELECT count(*) FROM memberships WHERE "
	    "group_id = 1 AND person_id = %lld AND position = 'member' AND "
	    "to_on IS NULL", before), 1);

	/* A term must be a number of months. */
	snprintf(body, sizeof(body), "position=secretary&seats=1&method=fptp"
	    "&nominations_close_on=%s&voting_opens_on=%s&voting_closes_on=%s"
	    "&term_months=0", today, today, today);
	submit_expect(&staff, "/groups/1/elections/new", body, 422, &r);
	assert_contains(r.body, "href=\"#term_months\"");
	reply_free(&r);
	/* Secretary, for two years: Frank alone stands, so no poll. */
	e = election_for(&staff, "secretary", 24);
	nominate(&staff, e, "Frank", "Frank", "Clive");
	post_to(&staff, e, "open", "", 303);
	assert_int_equal(scalar("SELECT count(*) FROM elections WHERE id = "
	    "%lld AND state = 'published'", e), 1);
	assert_int_equal(vote_as("Bernard", e, "mark=1"), 409);
	assert_int_equal(scalar("SELECT count(*) FROM election_voters WHERE "
	    "election_id = %lld", e), 0);
	assert_int_equal(holder("secretary"), person("Frank"));
	date_add_months(today, 24, term_end);
	assert_int_equal(scalar("SELECT count(*) FROM memberships WHERE "
	    "group_id = 1 AND position = 'secretary' AND to_on IS NULL AND "
	    "term_ends_on = '%s'", term_end), 1);
	snprintf(path, sizeof(path), "/elections/%lld/count", e);
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_contains(r.body, "Elected unopposed");
	assert_contains(r.body, "no poll was held");
	reply_free(&r);
	snprintf(path, sizeof(path), "/elections/%lld/result.pdf", e);
	assert_int_equal(http_get(&staff, path, &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Frank (unopposed)");
	assert_contains(text, "no poll was held");
	free(text);
	reply_free(&r);
	client_free(&staff);
}

/* STV by numbers, a proxy vote, a restricted member who may vote but
 * not stand, and the count sheet stage by stage. */
static void
stv_with_a_proxy_and_a_restricted_member(void **state)
{
	struct client	 staff, clive;
	struct reply	 r;
	char		 path[64], body[256];
	long long	 e, ray, before;

	(void)state;
	as(&staff, "coordinator.fenwick");
	/* Ray is on licence with a restriction, and a member of the forum. */
	submit_expect(&staff, "/people/new", "display_name=Ray&status=on_licence"
	    "&site_id=1&restrictions=Licence+condition", 303, &r);
	reply_free(&r);
	ray = person("Ray");
	snprintf(body, sizeof(body), "person_id=%lld&position=member"
	    "&from_on=2026-01-01", ray);
	submit_expect(&staff, "/groups/1/members/new", body, 303, &r);
	reply_free(&r);

	e = election_new(&staff, "stv", 2);
	snprintf(path, sizeof(path), "/elections/%lld/nominate", e);
	assert_int_equal(http_get(&staff, path, &r), 200);
	{
		char	 opt[48];

		snprintf(opt, sizeof(opt), "value=\"%lld\"", ray);
		/* Offered as proposer and seconder (a voter), not as candidate:
		 * so it appears exactly twice. */
		assert_non_null(strstr(r.body, opt));
		assert_non_null(strstr(strstr(r.body, opt) + 1, opt));
		assert_null(strstr(strstr(strstr(r.body, opt) + 1, opt) + 1,
		    opt));
	}
	reply_free(&r);
	snprintf(body, sizeof(body), "person_id=%lld&proposer_id=%lld"
	    "&seconder_id=%lld", ray, person("Bernard"), person("Clive"));
	post_expect(&staff, path, body, 422, &r);
	assert_contains(r.body, "href=\"#person_id\"");
	reply_free(&r);
	nominate(&staff, e, "Arthur", "Arthur", "Clive");
	nominate(&staff, e, "Bernard", "Bernard", "Clive");
	nominate(&staff, e, "Dennis", "Dennis", "Frank");

	/* Proxies only where the group's rules allow them. */
	submit_expect(&staff, "/groups/1/election-rules", "", 303, &r);
	reply_free(&r);
	assert_int_equal(scalar("SELECT proxy_votes FROM groups WHERE id = 1"),
	    0);
	assert_int_equal(get_status(&staff, "/elections/%lld/proxies", e), 409);
	submit_expect(&staff, "/groups/1/election-rules", "proxy_votes=1", 303,
	    &r);
	reply_free(&r);
	/* Bernard cannot come: Clive votes for him (the forum allows it). */
	snprintf(path, sizeof(path), "/elections/%lld/proxies", e);
	snprintf(body, sizeof(body), "person_id=%lld&proxy_id=%lld",
	    person("Bernard"), person("Clive"));
	submit_expect(&staff, path, body, 303, &r);
	reply_free(&r);
	/* Ray names Frank, then leaves before the poll: no longer a voter,
	 * so Frank cannot vote for him. */
	snprintf(body, sizeof(body), "person_id=%lld&proxy_id=%lld", ray,
	    person("Frank"));
	submit_expect(&staff, path, body, 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/people/%lld/leave", ray);
	snprintf(body, sizeof(body), "left_reason=transfer&left_on=%s", today);
	submit_expect(&staff, path, body, 303, &r);
	reply_free(&r);
	post_to(&staff, e, "open", "", 303);
	{
		struct client	 frank;

		as(&frank, "voter.Frank");
		snprintf(path, sizeof(path), "/elections/%lld/vote", e);
		assert_int_equal(http_get(&frank, path, &r), 200);
		assert_lacks(r.body, ">Ray</label>");
		reply_free(&r);
		snprintf(body, sizeof(body), "for=%lld&pref_%lld=1", ray,
		    candidate(e, "Arthur"));
		assert_int_equal(http_post(&frank, path, body, 1, &r), 422);
		assert_contains(r.body, "href=\"#for\"");
		reply_free(&r);
		assert_int_equal(scalar("SELECT count(*) FROM election_voters "
		    "WHERE election_id = %lld", e), 0);
		client_free(&frank);
	}

	as(&clive, "voter.Clive");
	snprintf(path, sizeof(path), "/elections/%lld/vote", e);
	assert_int_equal(http_get(&clive, path, &r), 200);
	/* Read aloud: the boxes are one group, its legend and the hint
	 * read with it and with each box, and each box says whose number
	 * it takes. */
	assert_contains(r.body, "<fieldset class=\"govuk-fieldset\" "
	    "aria-describedby=\"pref-hint\"><legend class=\"govuk-fieldset__"
	    "legend govuk-fieldset__legend--s\">Number the names in the order "
	    "you choose</legend>");
	assert_contains(r.body, "<div id=\"pref-hint\" class=\"govuk-hint\">"
	    "Put 1 next to your first choice");
	assert_contains(r.body, "<span class=\"govuk-visually-hidden\">Your "
	    "number for Bernard</span><span aria-hidden=\"true\">Bernard"
	    "</span></label>");
	snprintf(body, sizeof(body), "aria-describedby=\"pref-hint\" id=\""
	    "pref_%lld\"", candidate(e, "Dennis"));
	assert_contains(r.body, body);
	reply_free(&r);
	/* A repeated number: 422 naming that box, nothing stored. */
	before = scalar("SELECT count(*) FROM ballots");
	snprintf(body, sizeof(body), "for=%lld&pref_%lld=1&pref_%lld=1",
	    person("Bernard"), candidate(e, "Arthur"), candidate(e, "Dennis"));
	assert_int_equal(http_post(&clive, path, body, 1, &r), 422);
	assert_contains(r.body, ": 1 is next to another name too; use each "
	    "number once");
	/* Beside the box the summary links to, and only there. */
	{
		const char	*at = strstr(r.body, "href=\"#pref_");
		char		 beside[400];
		long long	 box;

		assert_non_null(at);
		box = strtoll(at + strlen("href=\"#pref_"), NULL, 10);
		snprintf(beside, sizeof(beside), "<p id=\"pref_%lld-error\" "
		    "class=\"govuk-error-message\"><span class=\"govuk-"
		    "visually-hidden\">Error:</span> ", box);
		assert_contains(r.body, beside);
		/* Naming the name whose box it is. */
		snprintf(beside, sizeof(beside), "%s: 1 is next to another "
		    "name too; use each number once</p><input class=\"govuk-"
		    "input govuk-input--width-2 govuk-input--error\" "
		    "aria-describedby=\"pref-hint pref_%lld-error\" "
		    "id=\"pref_%lld\"",
		    box == candidate(e, "Dennis") ? "Dennis" : "Arthur", box,
		    box);
		assert_contains(r.body, beside);
		at = strstr(r.body, "govuk-input--error");
		assert_null(strstr(at + 1, "govuk-input--error"));
	}
	/* The paper comes back as it was sent: nobody numbers it again. */
	snprintf(body, sizeof(body), "id=\"pref_%lld\" name=\"pref_%lld\" "
	    "type=\"text\" inputmode=\"numeric\" value=\"1\"",
	    candidate(e, "Dennis"), candidate(e, "Dennis"));
	assert_contains(r.body, body);
	snprintf(body, sizeof(body), "value=\"%lld\" checked>",
	    person("Bernard"));
	assert_contains(r.body, body);
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM ballots"), before);
	/* Every fault at once, each naming its name: whose vote it is, a
	 * number too big and a number used twice. */
	snprintf(body, sizeof(body), "for=0&pref_%lld=1&pref_%lld=1&"
	    "pref_%lld=9", candidate(e, "Arthur"), candidate(e, "Dennis"),
	    candidate(e, "Bernard"));
	assert_int_equal(http_post(&clive, path, body, 1, &r), 422);
	assert_contains(r.body, "href=\"#for\"");
	assert_contains(r.body, "is next to another name too; use each "
	    "number once");
	assert_contains(r.body, "Bernard: use a number from 1 to ");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM ballots"), before);
	/* As Bernard's proxy: Bernard 1, Arthur 2. */
	snprintf(body, sizeof(body), "for=%lld&pref_%lld=1&pref_%lld=2",
	    person("Bernard"), candidate(e, "Bernard"), candidate(e, "Arthur"));
	assert_int_equal(http_post(&clive, path, body, 1, &r), 303);
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM election_voters WHERE "
	    "election_id = %lld AND person_id = %lld AND how = 'proxy' AND "
	    "proxy_id = %lld", e, person("Bernard"), person("Clive")), 1);
	/* And for himself: Bernard 1, Dennis 2. */
	snprintf(body, sizeof(body), "pref_%lld=1&pref_%lld=2",
	    candidate(e, "Bernard"), candidate(e, "Dennis"));
	assert_int_equal(vote_as("Clive", e, body), 303);
	snprintf(body, sizeof(body), "pref_%lld=1", candidate(e, "Dennis"));
	assert_int_equal(vote_as("Dennis", e, body), 303);
	snprintf(body, sizeof(body), "pref_%lld=1", candidate(e, "Arthur"));
	assert_int_equal(vote_as("Frank", e, body), 303);
	client_free(&clive);

	/*
	 * 4 ballots, 2 places: quota floor(4 / 3) + 1 = 2.  Stage 1:
	 * Bernard 2 (elected, no surplus), Arthur 1, Dennis 1.  Arthur and
	 * Dennis tie on 1 at every stage: the lot excludes one, whose one
	 * paper names nobody else, and the other is elected as the last
	 * continuing candidate, whichever the lot drew.
	 */
	post_to(&staff, e, "close", "", 303);
	post_to(&staff, e, "publish", "", 303);
	staff.json = 1;
	snprintf(path, sizeof(path), "/elections/%lld/count", e);
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_contains(r.body, "\"quota\":\"2.00000\"");
	assert_contains(r.body, "\"tie_break\":\"lot\"");
	assert_contains(r.body, "\"how\":\"reached the quota\"");
	assert_contains(r.body, "\"how\":\"last continuing\"");
	reply_free(&r);
	/* The record keeps five places; people read whole votes. */
	staff.json = 0;
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_contains(r.body, "govuk-summary-list__value\">2</dd>");
	assert_contains(r.body, "numeric\">2</td>");
	assert_lacks(r.body, ".00000");
	reply_free(&r);
	snprintf(path, sizeof(path), "/elections/%lld/result.pdf", e);
	assert_int_equal(http_get(&staff, path, &r), 200);
	{
		char	*text = pdf_text(&srv, &r);

		assert_contains(text, "Quota:");
		assert_contains(text, "First preferences");
		assert_lacks(text, ".00000");
		free(text);
	}
	reply_free(&r);
	staff.json = 1;
	recount_agrees(&staff, e);
	client_free(&staff);
}

/* A group's name of NAME_MAX_CHARS characters of three bytes each is
 * printed whole on the ballot paper's title, not cut (perhaps inside a
 * character) at a fixed buffer. */
static void
long_group_names_are_printed_whole(void **state)
{
	struct client	 staff;
	struct reply	 r;
	char		 body[1400], name[400], path[64];
	size_t		 i;
	long long	 e;
	json_t		*v;

	(void)state;
	as(&staff, "coordinator.fenwick");
	strcpy(body, "kind=forum&site_id=1&purpose=&ended_on=&response_days=14"
	    "&name=");
	name[0] = '\0';
	for (i = 0; i < 117; i++) {
		strcat(body, "%E2%82%AC");
		strcat(name, "\xe2\x82\xac");
	}
	strcat(body, "End");
	strcat(name, "End");
	submit_expect(&staff, "/groups/1/edit", body, 303, &r);
	reply_free(&r);
	e = election_new(&staff, "fptp", 1);
	nominate(&staff, e, "Arthur", "Bernard", "Clive");
	nominate(&staff, e, "Dennis", "Dennis", "Frank");
	post_to(&staff, e, "open", "", 303);
	staff.json = 1;
	snprintf(path, sizeof(path), "/elections/%lld/ballot.pdf", e);
	assert_int_equal(http_get(&staff, path, &r), 200);
	v = json_loads(r.body, 0, NULL);
	assert_non_null(v);
	snprintf(body, sizeof(body), "Rep, %s", name);
	assert_string_equal(json_string_value(json_object_get(v, "title")),
	    body);
	json_decref(v);
	reply_free(&r);
	client_free(&staff);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_past_the_post_from_call_to_result),
		cmocka_unit_test(elections_end_in_office),
		cmocka_unit_test(stv_with_a_proxy_and_a_restricted_member),
		cmocka_unit_test(long_group_names_are_printed_whole),
	};

	return cmocka_run_group_tests(tests, elections_setup,
	    server_teardown);
}
