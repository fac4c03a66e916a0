/*
 * Proposals through their life: drafting and comments (staff-only ones
 * never reach members), the group's vote, the deadline, responses with
 * reasons, who may respond, actions to completion, the poster, the
 * overdue lists and timeliness.
 */
#include <jansson.h>

#define PW	"proposal-test-pw"
#include "http_test.h"
#include "util/date.h"

static int
setup(void **state)
{
	static const char *const users[] = { "member.forum", "coordinator.fenwick",
	    "governor.fenwick", "chief.westvale", NULL };

	(void)state;
	if (server_prepare(&srv, NULL) == -1)
		return -1;
	if (server_passwords(&srv, users, PW) == -1)
		return -1;
	return server_launch(&srv);
}

static void
path_of(char *out, size_t sz, long long id, const char *tail)
{
	snprintf(out, sz, "/proposals/%lld%s", id, tail);
}

/* Drafts a proposal in group 1 taking issue forward; returns its id. */
static long long
draft_on(struct client *member, const char *title, int issue)
{
	char	 body[512];

	snprintf(body, sizeof(body), "title=%s&problem=Members+report+a+"
	    "problem&options=First+idea%%0ASecond+idea&issue_ids=%d"
	    "&decider_text=the+governor", title, issue);
	return submit_created(member, "/groups/1/proposals/new", body,
	    "/proposals/");
}

/* The group agrees proposal id by consensus; staff send it to the
 * governor. */
static void
agree_and_send(struct client *member, struct client *staff, long long id)
{
	struct reply	 r;
	char		 path[96], body[64];

	path_of(path, sizeof(path), id, "/vote");
	submit_expect(member, path, "outcome=agree&decided_on=2026-11-20"
	    "&consensus=1", 303, &r);
	reply_free(&r);
	path_of(path, sizeof(path), id, "/submit");
	snprintf(body, sizeof(body), "decision_maker_id=%lld", db_scalar(&srv,
	    "SELECT id FROM accounts WHERE username = 'governor.fenwick'"));
	submit_expect(staff, path, body, 303, &r);
	reply_free(&r);
}

static long long
draft(struct client *member, const char *title)
{
	return draft_on(member, title, 1);
}

/* Drafts a proposal, agrees it by consensus and sends it to the
 * governor; returns its id. */
static long long
agreed_and_sent(struct client *member, struct client *staff,
    const char *title)
{
	long long	 id = draft(member, title);

	agree_and_send(member, staff, id);
	return id;
}

static void
staff_only_comments_never_reach_members(void **state)
{
	struct client	 member, staff;
	struct reply	 r;
	char		 path[96];
	long long	 id;

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	id = draft(&member, "Quieter+night+checks");
	path_of(path, sizeof(path), id, "/comments");
	submit_expect(&member, path, "body=Members+agree&visibility=members",
	    303, &r);
	reply_free(&r);
	submit_expect(&staff, path, "body=Budget+is+tight+this+year"
	    "&visibility=staff", 303, &r);
	reply_free(&r);
	path_of(path, sizeof(path), id, "");
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "Members agree");
	assert_lacks(r.body, "Budget is tight");
	reply_free(&r);
	member.json = 1;
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_lacks(r.body, "Budget is tight");
	reply_free(&r);
	member.json = 0;
	assert_int_equal(http_get(&staff, path, &r), 200);
	assert_contains(r.body, "Budget is tight");
	assert_contains(r.body, "Staff only");
	reply_free(&r);
	client_free(&member);
	client_free(&staff);
}

static void
a_refusal_needs_reasons_and_the_right_decision_maker(void **state)
{
	struct client	 member, staff, governor, westvale;
	struct reply	 r;
	char		 path[96], body[128], want_due[DATE_CHARS + 1];
	char		 today[DATE_CHARS + 1], sql[160], *text;
	long long	 id;

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	as(&governor, "governor.fenwick");
	as(&westvale, "chief.westvale");
	id = draft(&member, "Hot+water+urns+on+every+landing");
	/* A draft is not sent: the form says so before it is filled in. */
	path_of(path, sizeof(path), id, "/submit");
	assert_int_equal(http_get(&staff, path, &r), 409);
	assert_contains(r.body, "Only a proposal the group agreed can be sent");
	reply_free(&r);
	path_of(path, sizeof(path), id, "/vote");
	submit_expect(&member, path, "outcome=agree&decided_on=2026-11-20", 422,
	    &r);
	assert_contains(r.body, "Enter the votes, or tick that it was decided "
	    "by consensus");
	reply_free(&r);
	submit_expect(&member, path, "outcome=agree&decided_on=2026-11-20"
	    "&votes_for=9&votes_against=0&votes_abstain=1", 303, &r);
	reply_free(&r);
	/* Agreed: no more amending, no second vote: the forms say so
	 * before they are filled in (GET), and the POST the same. */
	path_of(path, sizeof(path), id, "/edit");
	assert_int_equal(http_get(&member, path, &r), 409);
	assert_contains(r.body, "Only a draft can be changed.");
	assert_lacks(r.body, "name=\"title\"");
	reply_free(&r);
	path_of(path, sizeof(path), id, "/vote");
	assert_int_equal(http_get(&member, path, &r), 409);
	assert_contains(r.body, "The group can only decide on a draft");
	assert_lacks(r.body, "name=\"votes_for\"");
	reply_free(&r);
	post_expect(&member, path, "outcome=agree&decided_on=2026-11-20"
	    "&consensus=1", 409, &r);
	assert_contains(r.body, "only decide on a draft");
	reply_free(&r);
	/* In the reader's language. */
	path_of(path, sizeof(path), id, "/vote?lang=cy");
	assert_int_equal(http_get(&member, path, &r), 409);
	assert_lacks(r.body, "The group can only decide on a draft");
	reply_free(&r);
	path_of(path, sizeof(path), id, "/vote?lang=en");
	assert_int_equal(http_get(&member, path, &r), 409);
	reply_free(&r);
	/* Members cannot send it; staff send it to the governor. */
	path_of(path, sizeof(path), id, "/submit");
	assert_int_equal(http_get(&member, path, &r), 403);
	reply_free(&r);
	snprintf(body, sizeof(body), "decision_maker_id=%lld", db_scalar(&srv,
	    "SELECT id FROM accounts WHERE username = 'governor.fenwick'"));
	submit_expect(&staff, path, body, 303, &r);
	reply_free(&r);
	date_today(time(NULL), today);
	date_add_days(today, 28, want_due);
	snprintf(sql, sizeof(sql), "SELECT due_on = '%s' FROM proposals "
	    "WHERE id = %lld", want_due, id);
	assert_int_equal(db_scalar(&srv, sql), 1);
	/* The letter numbers the options as a list does: "1.", not
	 * "1.:". */
	path_of(path, sizeof(path), id, "/letter.pdf");
	assert_int_equal(http_get(&staff, path, &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "What we propose");
	assert_contains(text, "First idea");
	assert_contains(text, "2.");
	assert_contains(text, "Second idea");
	assert_lacks(text, ".:");
	assert_contains(text, "Please respond by:");
	free(text);
	reply_free(&r);

	/* Only the decision maker it went to may answer. */
	path_of(path, sizeof(path), id, "/respond");
	assert_int_equal(http_get(&member, path, &r), 403);
	reply_free(&r);
	assert_int_equal(http_get(&westvale, path, &r), 403);
	reply_free(&r);
	assert_int_equal(http_get(&staff, path, &r), 403);
	reply_free(&r);
	submit_expect(&governor, path, "kind=not_accepted&reason=", 422, &r);
	assert_contains(r.body, "Enter the reason");
	reply_free(&r);
	submit_expect(&governor, path, "kind=not_accepted&reason=Urns+are+a+"
	    "scalding+risk%3B+flasks+will+be+issued+instead", 303, &r);
	reply_free(&r);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM responses WHERE "
	    "proposal_id = %lld AND on_time = 1 AND days_taken = 0", id);
	assert_int_equal(db_scalar(&srv, sql), 1);
	/* Answered once: the form is not offered again, and a second
	 * answer is refused. */
	assert_int_equal(http_get(&governor, path, &r), 409);
	assert_contains(r.body, "This proposal is not waiting for your "
	    "response");
	reply_free(&r);
	post_expect(&governor, path, "kind=accepted", 409, &r);
	reply_free(&r);
	/* The letter printed now says the answer, not a form to give it. */
	path_of(path, sizeof(path), id, "/letter.pdf");
	assert_int_equal(http_get(&staff, path, &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "The answer");
	assert_contains(text, "(on time)");
	assert_contains(text, "Urns are a scalding risk");
	assert_lacks(text, "Your response");
	free(text);
	reply_free(&r);
	path_of(path, sizeof(path), id, "/respond");

	/* The group sees who answered, when and why. */
	assert_int_equal(http_get(&member, "/groups/1/you-said-we-did", &r), 200);
	assert_contains(r.body, "We could not, because urns are a scalding risk");
	reply_free(&r);
	assert_int_equal(http_get(&member, "/groups/1/you-said-we-did.pdf", &r),
	    200);
	assert_string_equal(r.content_type, "application/pdf");
	text = pdf_text(&srv, &r);
	assert_contains(text, "You said, we did: Over-50s Forum");
	assert_contains(text, "urns are a scalding risk");
	assert_contains(text, "Hot water urns on every landing");
	free(text);
	reply_free(&r);
	path_of(path, sizeof(path), id, "/resubmit");
	assert_int_equal(http_post(&staff, path, "", 1, &r), 409);
	reply_free(&r);
	client_free(&member);
	client_free(&staff);
	client_free(&governor);
	client_free(&westvale);
}

static void
accepted_proposals_become_actions_until_done(void **state)
{
	struct client	 member, staff, governor;
	struct reply	 r;
	char		 path[96], body[160], sql[128];
	long long	 id, action;

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	as(&governor, "governor.fenwick");
	/* Issue 2 (the stairs) is taken forward by this proposal alone;
	 * its earlier proposal was refused. */
	submit_expect(&staff, "/issues/2/decision", "status=taken_forward"
	    "&decided_on=2026-11-20", 303, &r);
	reply_free(&r);
	id = draft_on(&member, "Benches+in+the+exercise+yard", 2);
	agree_and_send(&member, &staff, id);
	assert_int_equal(http_get(&governor, "/decisions", &r), 200);
	assert_contains(r.body, "Benches in the exercise yard");
	reply_free(&r);
	path_of(path, sizeof(path), id, "/respond");
	submit_expect(&governor, path, "kind=accepted&reason=Benches+help+"
	    "older+men+rest", 303, &r);
	reply_free(&r);
	path_of(path, sizeof(path), id, "/actions/new");
	snprintf(body, sizeof(body), "text=Fit+four+benches&owner_id=%lld"
	    "&due_on=2036-12-31", db_scalar(&srv, "SELECT id FROM accounts "
	    "WHERE username = 'coordinator.fenwick'"));
	submit_expect(&governor, path, body, 303, &r);
	reply_free(&r);
	action = db_scalar(&srv, "SELECT max(id) FROM actions");
	snprintf(path, sizeof(path), "/actions/%lld/update", action);
	submit_expect(&staff, path, "note=Ordered&percent=150", 422, &r);
	assert_contains(r.body, "Per cent done must be a whole number from 0 "
	    "to 100");
	reply_free(&r);
	submit_expect(&staff, path, "note=Ordered&percent=50", 303, &r);
	reply_free(&r);
	/* A member can follow but not close someone else's action. */
	snprintf(path, sizeof(path), "/actions/%lld/close", action);
	assert_int_equal(http_get(&member, path, &r), 403);
	reply_free(&r);
	submit_expect(&staff, path, "evidence=Four+benches+fitted%3B+photos+"
	    "on+file&review_on=2037-03-01", 303, &r);
	reply_free(&r);
	/* Closed: its forms say so before they are filled in. */
	assert_int_equal(http_get(&staff, path, &r), 409);
	assert_contains(r.body, "This action is closed");
	reply_free(&r);
	snprintf(path, sizeof(path), "/actions/%lld/reassign", action);
	assert_int_equal(http_get(&staff, path, &r), 409);
	reply_free(&r);
	snprintf(sql, sizeof(sql), "SELECT state = 'done' FROM proposals "
	    "WHERE id = %lld", id);
	assert_int_equal(db_scalar(&srv, sql), 1);
	/* Its proposal done, the issue is no longer "Taken forward". */
	assert_int_equal(db_scalar(&srv, "SELECT status = 'resolved' FROM "
	    "issues WHERE id = 2"), 1);
	assert_int_equal(http_get(&member, "/issues/2", &r), 200);
	assert_contains(r.body, "Resolved");
	reply_free(&r);
	/* Issue 1 still has a proposal in hand, so stays taken forward. */
	assert_int_equal(db_scalar(&srv, "SELECT status = 'taken_forward' FROM "
	    "issues WHERE id = 1"), 1);
	path_of(path, sizeof(path), id, "");
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "Four benches fitted");
	assert_contains(r.body, "Check again on 1 March 2037");
	assert_contains(r.body, "Done");
	reply_free(&r);
	/* The outcome keeps the reason it was accepted for, and says
	 * "Done" once, not "Done. We did:". */
	assert_int_equal(http_get(&member, "/groups/1/you-said-we-did", &r), 200);
	assert_contains(r.body, "Done. Benches help older men rest. Actions: "
	    "Fit four benches: done.");
	assert_lacks(r.body, "We did: ");
	reply_free(&r);
	/* In Welsh, what is being done says so in Welsh. */
	assert_int_equal(http_get(&member, "/groups/1/you-said-we-did?lang=cy",
	    &r), 200);
	assert_contains(r.body, "Fit four benches: wedi&#39;i wneud.");
	assert_lacks(r.body, "benches: done");
	reply_free(&r);
	assert_int_equal(http_get(&member, "/groups/1/you-said-we-did?lang=en",
	    &r), 200);
	reply_free(&r);
	/* Timeliness counts it, as a page and as JSON. */
	member.json = 1;
	assert_int_equal(http_get(&member, "/groups/1/timeliness", &r), 200);
	{
		json_t	*v = json_loads(r.body, 0, NULL);

		assert_non_null(v);
		assert_true(json_integer_value(json_object_get(json_object_get(v,
		    "responses"), "count")) >= 3);
		assert_true(json_integer_value(json_object_get(json_object_get(v,
		    "completion"), "count")) >= 1);
		assert_non_null(json_object_get(json_object_get(v, "responses"),
		    "p90"));
		json_decref(v);
	}
	reply_free(&r);
	client_free(&member);
	client_free(&staff);
	client_free(&governor);
}

static void
each_group_sets_its_deadline(void **state)
{
	struct client	 member, staff;
	struct reply	 r;
	char		 sql[160], due[DATE_CHARS + 1];
	char		 today[DATE_CHARS + 1];
	long long	 id;

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	submit_expect(&staff, "/groups/1/edit", "name=Over-50s+Forum&kind=forum"
	    "&site_id=1&purpose=&ended_on=&response_days=0", 422, &r);
	assert_contains(r.body, "Days a decision maker has to answer must be "
	    "a whole number from 1 to 365");
	reply_free(&r);
	submit_expect(&staff, "/groups/1/edit", "name=Over-50s+Forum&kind=forum"
	    "&site_id=1&purpose=&ended_on=&response_days=14", 303, &r);
	reply_free(&r);
	assert_int_equal(http_get(&staff, "/groups/1/edit", &r), 200);
	assert_contains(r.body, "name=\"response_days\" type=\"text\" "
	    "value=\"14\"");
	reply_free(&r);
	id = draft(&member, "Earlier+library+hours");
	agree_and_send(&member, &staff, id);
	date_today(time(NULL), today);
	date_add_days(today, 14, due);
	snprintf(sql, sizeof(sql), "SELECT due_on = '%s' FROM proposals "
	    "WHERE id = %lld", due, id);
	assert_int_equal(db_scalar(&srv, sql), 1);
	/* The whole site's timeliness, as JSON. */
	staff.json = 1;
	assert_int_equal(http_get(&staff, "/sites/1/timeliness", &r), 200);
	assert_contains(r.body, "\"responses\":{");
	assert_contains(r.body, "\"open_by_age\":[");
	reply_free(&r);
	client_free(&member);
	client_free(&staff);
}

static void
overdue_items_are_listed_with_their_level(void **state)
{
	struct client	 staff, member;
	struct reply	 r;

	(void)state;
	as(&staff, "coordinator.fenwick");
	assert_int_equal(http_get(&staff, "/overdue", &r), 200);
	/* From the demo: a response two days late, an action ten days late. */
	assert_contains(r.body, "Pension advice every month");
	assert_contains(r.body, "Move the C wing evening round to 19:30");
	assert_contains(r.body, "Level 2");
	assert_lacks(r.body, "Seats in the new reception");
	reply_free(&r);
	as(&member, "member.forum");
	assert_int_equal(http_get(&member, "/overdue", &r), 403);
	reply_free(&r);
	/* A member sees each of them flagged on its proposal's page, not in
	 * easy read alone. */
	assert_int_equal(http_get(&member, "/proposals/3", &r), 200);
	assert_contains(r.body, ">The answer is late</strong>");
	reply_free(&r);
	assert_int_equal(http_get(&member, "/proposals/1", &r), 200);
	assert_contains(r.body, "Move the C wing evening round to 19:30");
	assert_contains(r.body, "govuk-tag--red\">Late</strong>");
	reply_free(&r);
	client_free(&staff);
	client_free(&member);
}

/* A deferral that has run out is due again: on day 90 of a deferral to
 * day 60 the proposal is not "Deferred" any more; it is back in the
 * decision maker's list and on /overdue with its escalation, and the
 * decision maker can answer it (late). */
static void
a_deferral_that_has_run_out_is_due_again(void **state)
{
	struct client	 member, staff, governor;
	struct reply	 r;
	char		 path[96], body[256], sql[256];
	char		 today[DATE_CHARS + 1], until[DATE_CHARS + 1];
	long long	 id;

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	as(&governor, "governor.fenwick");
	id = agreed_and_sent(&member, &staff, "Laundry+rota+for+the+over-50s");
	date_today(time(NULL), today);
	date_add_days(today, 60, until);
	path_of(path, sizeof(path), id, "/respond");
	snprintf(body, sizeof(body), "kind=deferred&reason=Wait+for+the+new+"
	    "machines&deferred_until=%s", until);
	submit_expect(&governor, path, body, 303, &r);
	reply_free(&r);
	/* Deferred and not yet due: out of both lists. */
	assert_int_equal(http_get(&governor, "/decisions", &r), 200);
	assert_lacks(r.body, "Laundry rota");
	reply_free(&r);

	/* Ninety days on: the deferral ran out thirty days ago. */
	date_add_days(today, -30, until);
	snprintf(sql, sizeof(sql), "UPDATE proposals SET deferred_until = "
	    "'%s', due_on = '%s' WHERE id = %lld", until, until, id);
	assert_int_equal(db_write(&srv, sql), 0);
	assert_int_equal(http_get(&governor, "/decisions", &r), 200);
	assert_contains(r.body, "Laundry rota");
	assert_contains(r.body, "Overdue, level");
	reply_free(&r);
	assert_int_equal(http_get(&staff, "/overdue", &r), 200);
	assert_contains(r.body, "Laundry rota");
	reply_free(&r);
	path_of(path, sizeof(path), id, "");
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "Due again");
	assert_contains(r.body, "Overdue, escalation level");
	reply_free(&r);
	/* The decision maker answers it now, late. */
	path_of(path, sizeof(path), id, "/respond");
	submit_expect(&governor, path, "kind=accepted", 303, &r);
	reply_free(&r);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM responses WHERE "
	    "proposal_id = %lld AND kind = 'accepted' AND on_time = 0", id);
	assert_int_equal(db_scalar(&srv, sql), 1);
	client_free(&member);
	client_free(&staff);
	client_free(&governor);
}

/*
 * "Sent" is the first sending: a proposal sent back for more information
 * and sent again reads "Sent <first date>, sent again <later date>" on
 * the page and the poster, not the later date alone.
 */
static void
sent_is_the_first_sending(void **state)
{
	struct client	 member, staff, governor;
	struct reply	 r;
	char		 path[96], sql[256], want[128], *text;
	char		 today[DATE_CHARS + 1], first[DATE_CHARS + 1];
	char		 today_w[DATE_WORDS_CHARS + 1];
	char		 first_w[DATE_WORDS_CHARS + 1];
	long long	 id;

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	as(&governor, "governor.fenwick");
	id = agreed_and_sent(&member, &staff, "Library+hours+for+the+wing");
	path_of(path, sizeof(path), id, "/respond");
	submit_expect(&governor, path, "kind=more_info&reason=Which+days+"
	    "suit+best%3F", 303, &r);
	reply_free(&r);
	/* The first sending was twenty days ago. */
	date_today(time(NULL), today);
	date_add_days(today, -20, first);
	snprintf(sql, sizeof(sql), "UPDATE proposal_events SET on_date = '%s' "
	    "WHERE proposal_id = %lld AND event = 'submit'", first, id);
	assert_int_equal(db_write(&srv, sql), 0);
	path_of(path, sizeof(path), id, "/resubmit");
	post_expect(&staff, path, "", 303, &r);
	reply_free(&r);
	date_words(first, first_w, NULL);
	date_words(today, today_w, NULL);
	snprintf(want, sizeof(want), "Sent %s, sent again %s", first_w,
	    today_w);
	assert_int_equal(http_get(&member, "/groups/1/you-said-we-did", &r),
	    200);
	assert_contains(r.body, want);
	reply_free(&r);
	assert_int_equal(http_get(&member, "/groups/1/you-said-we-did.pdf",
	    &r), 200);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_non_null(text);
	assert_contains(text, want);
	free(text);
	client_free(&member);
	client_free(&staff);
	client_free(&governor);
}

/* A member reading easy read finds the group's decision to record on a
 * draft's page (only while the route lets them), records it on a form
 * worded for them, and the page then says what the standard page says:
 * agreed, by one state.  In Welsh too. */
static void
the_group_decides_in_easy_read(void **state)
{
	struct client	 member;
	struct reply	 r;
	char		 path[96], want[160];
	long long	 id;

	(void)state;
	as(&member, "member.forum");
	id = draft(&member, "Benches+by+the+garden");
	path_of(path, sizeof(path), id, "?read=easy&lang=en");
	assert_int_equal(http_get(&member, path, &r), 200);
	snprintf(want, sizeof(want), "<a class=\"govuk-button\" href=\""
	    "/proposals/%lld/vote\">Write down what the group decided</a>", id);
	assert_contains(r.body, want);
	assert_contains(r.body, "Your group is still working on this.");
	reply_free(&r);
	path_of(path, sizeof(path), id, "/vote");
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, ">What did your group decide?</label>");
	assert_contains(r.body, ">How many people did not say yes or no? "
	    "(optional)</label>");
	assert_contains(r.body, ">Everyone agreed, so we did not count</label>");
	assert_lacks(r.body, "Abstentions");
	reply_free(&r);
	/* Refused in the same words; nothing stored. */
	submit_expect(&member, path, "outcome=agree&decided_on=2026-11-20", 422,
	    &r);
	assert_contains(r.body, "Write how many people said yes, or tick that "
	    "everyone agreed");
	reply_free(&r);
	submit_expect(&member, path, "outcome=agree&decided_on=2026-11-20"
	    "&votes_for=5&votes_against=1&votes_abstain=0", 303, &r);
	assert_contains(r.location, "?saved=decision");
	reply_free(&r);
	/* Saying it was saved; one state, said both ways; no second vote
	 * offered. */
	path_of(path, sizeof(path), id, "?read=easy&lang=en&saved=decision");
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "The group&#39;s decision has been saved.");
	assert_contains(r.body, "<strong>Your group agreed to send this."
	    "</strong>");
	assert_lacks(r.body, "still working on this");
	assert_lacks(r.body, "/vote\"");
	reply_free(&r);
	path_of(path, sizeof(path), id, "?read=standard&lang=en");
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, ">Agreed by the group</strong>");
	reply_free(&r);
	path_of(path, sizeof(path), id, "?read=easy&lang=cy");
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "<strong>Cytunodd eich grŵp i anfon hwn."
	    "</strong>");
	reply_free(&r);
	path_of(path, sizeof(path), id, "?read=standard&lang=en");
	assert_int_equal(http_get(&member, path, &r), 200);
	reply_free(&r);
	client_free(&member);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_group_decides_in_easy_read),
		cmocka_unit_test(staff_only_comments_never_reach_members),
		cmocka_unit_test(a_refusal_needs_reasons_and_the_right_decision_maker),
		cmocka_unit_test(accepted_proposals_become_actions_until_done),
		cmocka_unit_test(each_group_sets_its_deadline),
		cmocka_unit_test(overdue_items_are_listed_with_their_level),
		cmocka_unit_test(a_deferral_that_has_run_out_is_due_again),
		cmocka_unit_test(sent_is_the_first_sending),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
