/*
 * Personal plans (issue 17): the plan and who reads it (every read but
 * the person's own audited), wishes answered with reasons by a deadline
 * and escalating when overdue, the person's sign-off, the printed plan,
 * the release plan and referrals tracked to attendance with escalation
 * before release, the map of provision, the staff-declaration rule,
 * subject access, and a walk of every GET route proving no other role
 * or site reads a plan by page, JSON, search or export.
 *
 * The demo: Eric (HMP Fenwick) made his plan with rep.fenwick; his
 * wishes go to governor.fenwick; he is released to Westvale in 30 days;
 * member.forum is his own account.
 */
#define PW	srv.demo_password
#include "http_test.h"
#include "auth/roles.h"
#include "server/router.h"
#include "http/route_walk.h"

#define CARD	"Seeing my grandchildren"	/* Eric's blue life */
#define SEARCHED "grandchildren"	/* what the walk searches for */
#define PLAN_READS(who) "SELECT count(*) FROM audit WHERE action = " \
	"'plan.read' AND account_id = (SELECT id FROM accounts WHERE " \
	"username = '" who "')"
#define SECOND	"coordinator2.fenwick"

static long long eric;
static char plan_path[64], plan_pdf_path[64], worker_path[64];

static int
setup(void **state)
{
	char	 args[160];

	(void)state;
	if (server_prepare(&srv, NULL) == -1)
		return -1;
	snprintf(args, sizeof(args), "user add " SECOND " --role coordinator "
	    "--scope site:1 --password-stdin");
	{
		char	 pw[80];

		snprintf(pw, sizeof(pw), "%s\n", srv.demo_password);
		if (roundtable_cli(&srv, args, pw, NULL) != 0)
			return -1;
	}
	if (route_walk_resolve(&srv) == -1)
		return -1;
	eric = db_scalar(&srv, "SELECT id FROM people WHERE display_name = "
	    "'Eric'");
	snprintf(plan_path, sizeof(plan_path), "/people/%lld/plan", eric);
	snprintf(plan_pdf_path, sizeof(plan_pdf_path), "/people/%lld/plan.pdf",
	    eric);
	snprintf(worker_path, sizeof(worker_path), "/people/%lld/plan/worker",
	    eric);
	/* The walk's "other" ids: Eric for people, another site's for the
	 * rest (the walk only looks for his words). */
	if (eric <= 0 || route_walk_prefer("/people/", eric) == -1)
		return -1;
	return server_launch(&srv);
}

static long
get_as(const char *user, const char *path, int json, struct reply *r)
{
	struct client	 c;
	long		 status;

	as(&c, user);
	c.json = json;
	status = http_get(&c, path, r);
	client_free(&c);
	return status;
}

static void
person_worker_and_coordinators_read_others_do_not(void **state)
{
	static const char *const refused[] = { "governor.fenwick",
	    "coordinator.harbour", "chief.westvale", "viewer", "evaluator",
	    NULL };
	struct reply	 r;
	long long	 own, worker, coord;
	size_t		 i;

	(void)state;
	own = db_scalar(&srv, PLAN_READS("member.forum"));
	worker = db_scalar(&srv, PLAN_READS("rep.fenwick"));
	coord = db_scalar(&srv, PLAN_READS("coordinator.fenwick"));
	/* The person: their own words, not audited. */
	assert_int_equal(get_as("member.forum", "/account/plan", 0, &r), 200);
	assert_contains(r.body, CARD);
	assert_contains(r.body, "Is this right?");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, PLAN_READS("member.forum")), own);
	/* Their named worker finds them from home (no read recorded), and
	 * reads it, recorded, as a coordinator at their site does. */
	assert_int_equal(get_as("rep.fenwick", "/", 0, &r), 200);
	assert_contains(r.body, plan_path);
	assert_lacks(r.body, CARD);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, PLAN_READS("rep.fenwick")), worker);
	assert_int_equal(get_as("rep.fenwick", plan_path, 0, &r), 200);
	assert_contains(r.body, CARD);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, PLAN_READS("rep.fenwick")), worker + 1);
	assert_int_equal(get_as("coordinator.fenwick", plan_path, 1, &r), 200);
	assert_contains(r.body, CARD);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, PLAN_READS("coordinator.fenwick")),
	    coord + 1);
	/* The site he is released to takes over his care. */
	assert_int_equal(get_as("coordinator.westvale", plan_path, 0, &r), 200);
	reply_free(&r);
	/* Nobody else, as a page or as JSON, and nothing is recorded. */
	for (i = 0; refused[i] != NULL; i++) {
		assert_int_equal(get_as(refused[i], plan_path, 0, &r), 403);
		assert_lacks(r.body, CARD);
		reply_free(&r);
		assert_int_equal(get_as(refused[i], plan_path, 1, &r), 403);
		assert_lacks(r.body, CARD);
		reply_free(&r);
	}
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "action = 'plan.read' AND account_id IN (SELECT id FROM accounts "
	    "WHERE username IN ('governor.fenwick', 'coordinator.harbour', "
	    "'chief.westvale', 'viewer', 'evaluator'))"), 0);
	/* The reads of his record that an admin sees include his plan's. */
	{
		static const char *const admin[] = { "admin", NULL };
		char	 reads[96];

		snprintf(reads, sizeof(reads), "/people/%lld/reads", eric);
		assert_int_equal(server_passwords(&srv, admin, PW), 0);
		assert_int_equal(get_as("admin", reads, 0, &r), 200);
		/* Named by what it is, not by its path. */
		assert_contains(r.body, ">Their plan</td>");
		assert_lacks(r.body, plan_path);
		assert_contains(r.body, "(rep.fenwick)");
		reply_free(&r);
	}
}

/* Every GET route, as page and JSON, for accounts that may not read
 * Eric's plan: the words of his plan never appear (search, group
 * pages, reports, exports included), and the plan's own routes refuse. */
static void
route_walk_never_shows_a_plan_to_others(void **state)
{
	static const char *const others[] = { "governor.fenwick",
	    "coordinator.harbour", "chief.westvale", "viewer", "evaluator",
	    NULL };
	const struct route *rt;
	struct client	 c;
	struct reply	 r;
	char		 path[300];
	size_t		 i, k;
	int		 json, visits = 0;

	/* Search pages echo what was searched for: the marker is the
	 * card's words around it, which only the plan holds. */

	(void)state;
	for (k = 0; others[k] != NULL; k++) {
		as(&c, others[k]);
		for (i = 0; i < routes_count; i++) {
			rt = &routes[i];
			if (rt->method != HTTP_GET || rt->roles == 0)
				continue;
			assert_int_equal(route_walk_path(rt, 1, path,
			    sizeof(path)), 0);
			if (strstr(rt->pattern, "/search") != NULL ||
			    strcmp(rt->pattern, "/people") == 0)
				strncat(path, "?q=" SEARCHED, sizeof(path) -
				    strlen(path) - 1);
			for (json = 0; json < 2; json++) {
				c.json = json;
				http_get(&c, path, &r);
				assert_lacks(r.body, CARD);
				assert_lacks(r.body, "A flat of my own");
				if (strncmp(rt->pattern, "/people/{id}/plan",
				    17) == 0)
					assert_int_equal(r.status, 403);
				reply_free(&r);
				visits++;
			}
		}
		client_free(&c);
	}
	print_message("walked %d visits\n", visits);
	assert_true(visits > 500);
}

static void
wish_answered_with_reasons_and_escalates(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64], body[200];
	long long	 wish, before;

	(void)state;
	as(&c, "rep.fenwick");
	snprintf(path, sizeof(path), "/people/%lld/wishes/new", eric);
	snprintf(body, sizeof(body), "about=treatment&text=See+a+physio+for+"
	    "my+back&responder_id=%lld", db_scalar(&srv, "SELECT id FROM "
	    "accounts WHERE username = 'governor.fenwick'"));
	submit_expect(&c, path, body, 303, &r);
	reply_free(&r);
	client_free(&c);
	wish = db_scalar(&srv, "SELECT max(id) FROM wishes");
	assert_int_equal(db_scalar(&srv, "SELECT julianday(due_on) - "
	    "julianday(asked_on) FROM wishes WHERE id = (SELECT max(id) FROM "
	    "wishes)"), 28);
	/* The responder sees it waiting; nobody else may answer it. */
	assert_int_equal(get_as("governor.fenwick", "/wishes/awaiting", 0, &r),
	    200);
	assert_contains(r.body, "See a physio for my back");
	reply_free(&r);
	snprintf(path, sizeof(path), "/wishes/%lld/answer", wish);
	assert_int_equal(get_as("chief.westvale", path, 0, &r), 403);
	reply_free(&r);
	/* Not possible needs its reasons: 422 naming the field, nothing
	 * stored. */
	as(&c, "governor.fenwick");
	submit_expect(&c, path, "kind=not_possible&reason=", 422, &r);
	assert_contains(r.body, "Enter the reasons");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM wishes WHERE "
	    "answer IS NOT NULL AND id = (SELECT max(id) FROM wishes)"), 0);
	/* Needs review needs a date after today. */
	submit_expect(&c, path, "kind=needs_review&reason=Waiting+for+the+"
	    "healthcare+review&review_on=2001-01-01", 422, &r);
	assert_contains(r.body, "review");
	reply_free(&r);
	submit_expect(&c, path, "kind=agreed_in_part&reason=A+physio+visits+"
	    "monthly%3B+weekly+is+not+possible", 303, &r);
	reply_free(&r);
	/* Answered once: a second answer is refused. */
	post_expect(&c, path, "kind=agreed", 422, &r);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(db_scalar(&srv, "SELECT on_time FROM wishes WHERE id "
	    "= (SELECT max(id) FROM wishes)"), 1);
	assert_int_equal(get_as("member.forum", "/account/plan", 0, &r), 200);
	assert_contains(r.body, "Agreed in part");
	assert_contains(r.body, "weekly is not possible");
	reply_free(&r);
	/* Overdue: asked 40 days ago, due 12 days ago, so level 2 (the
	 * proposals' rule, a level a week). */
	assert_int_equal(db_write(&srv, "UPDATE wishes SET asked_on = date("
	    "'now', '-40 days'), due_on = date('now', '-12 days') WHERE text = "
	    "'A home visit with my daughter before release'"), 0);
	before = db_scalar(&srv, PLAN_READS("coordinator.fenwick"));
	assert_int_equal(get_as("coordinator.fenwick", "/plans/overdue", 0,
	    &r), 200);
	assert_contains(r.body, "Eric");
	assert_contains(r.body, "Level 2");
	/* Who is waiting and with whom, not what the wish says. */
	assert_lacks(r.body, "home visit");
	reply_free(&r);
	assert_true(db_scalar(&srv, PLAN_READS("coordinator.fenwick")) >
	    before);
	assert_int_equal(get_as("governor.fenwick", "/wishes/awaiting", 0, &r),
	    200);
	assert_contains(r.body, "Overdue: level 2");
	reply_free(&r);
	/* Another site's coordinator is not told. */
	assert_int_equal(get_as("coordinator.harbour", "/plans/overdue", 0,
	    &r), 200);
	assert_lacks(r.body, "Eric");
	reply_free(&r);
}

static void
release_referrals_tracked_to_attendance(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], progress[64];
	long long	 cmht, referral, before;

	(void)state;
	cmht = db_scalar(&srv, "SELECT id FROM services WHERE name = "
	    "'Westvale Community Mental Health Team'");
	as(&c, "rep.fenwick");
	snprintf(path, sizeof(path), "/people/%lld/referrals/new", eric);
	/* The needs, with the services where he is going, and the gaps;
	 * the form shows part of the plan, so it is a recorded read. */
	before = db_scalar(&srv, PLAN_READS("rep.fenwick"));
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_int_equal(db_scalar(&srv, PLAN_READS("rep.fenwick")),
	    before + 1);
	assert_contains(r.body, "GP registration");
	assert_contains(r.body, "No service in the directory meets this need");
	reply_free(&r);
	snprintf(path, sizeof(path), "/people/%lld/referrals/new?need="
	    "medication&service=%lld", eric, cmht);
	assert_int_equal(http_get(&c, path, &r), 200);
	/* The directory's procedure is the checklist. */
	assert_contains(r.body, "Phone the duty worker to say it is on its way");
	reply_free(&r);
	before = db_scalar(&srv, "SELECT count(*) FROM referrals");
	post_expect(&c, path, "step_1=1&step_3=1&made_on=2001-01-01", 422, &r);
	assert_contains(r.body, "step_2");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM referrals"),
	    before);
	/* The date typed as its hint shows it, day/month/year. */
	post_expect(&c, path, "step_1=1&step_2=1&step_3=1&made_on=1%2F1%2F2001",
	    303, &r);
	reply_free(&r);
	referral = db_scalar(&srv, "SELECT max(id) FROM referrals");
	assert_int_equal(db_scalar(&srv, "SELECT made_on = '2001-01-01' FROM "
	    "referrals WHERE id = (SELECT max(id) FROM referrals)"), 1);
	snprintf(progress, sizeof(progress), "/referrals/%lld/progress",
	    referral);
	/* Attended before any appointment was offered: refused. */
	submit_expect(&c, progress, "stage=attended&on=2001-01-05", 422, &r);
	assert_contains(r.body, "in order");
	reply_free(&r);
	submit_expect(&c, progress, "stage=acknowledged&on=2001-01-03", 303,
	    &r);
	reply_free(&r);
	submit_expect(&c, progress, "stage=offered&on=2001-01-10", 303, &r);
	reply_free(&r);
	client_free(&c);
	/* Probation at Westvale, where he goes, records the attendance. */
	as(&c, "coordinator.westvale");
	submit_expect(&c, progress, "stage=attended&on=2001-01-10", 303, &r);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(db_scalar(&srv, "SELECT attended_by = (SELECT id FROM "
	    "accounts WHERE username = 'coordinator.westvale') FROM referrals "
	    "WHERE id = (SELECT max(id) FROM referrals)"), 1);
	assert_int_equal(get_as("member.forum", "/account/plan", 0, &r), 200);
	assert_contains(r.body, "10 January 2001");
	reply_free(&r);
	/* Not acknowledged with release five days away: acknowledgement
	 * was due nine days ago, level 2. */
	assert_int_equal(db_write(&srv, "UPDATE release_plans SET release_on = "
	    "date('now', '+5 days') WHERE person_id = (SELECT id FROM people "
	    "WHERE display_name = 'Eric')"), 0);
	assert_int_equal(get_as("coordinator.fenwick", "/plans/overdue", 0,
	    &r), 200);
	assert_contains(r.body, "Later Life Advice Service");
	assert_contains(r.body, "Level 2");
	reply_free(&r);
	assert_int_equal(get_as("rep.fenwick", plan_path, 0, &r), 200);
	assert_contains(r.body, "Chase: level 2");
	reply_free(&r);
}

static void
printed_plan_in_normal_and_large_print(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*text, *start;
	long		 normal, large, page;
	long long	 reads;

	(void)state;
	reads = db_scalar(&srv, PLAN_READS("member.forum"));
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/account/plan.pdf", &r), 200);
	assert_string_equal(r.content_type, "application/pdf");
	text = pdf_text(&srv, &r);
	assert_contains(text, "My blue life");
	assert_contains(text, "A flat of my own near my daughter");
	assert_contains(text, "Is this right?");
	free(text);
	normal = pdf_pages(&srv, &r);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/account/plan.pdf?large=1", &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "A flat of my own near my daughter");
	free(text);
	large = pdf_pages(&srv, &r);
	/* The question and the box to answer it in share a page. */
	for (page = 1; page <= large; page++) {
		text = pdf_page_text(&srv, &r, page);
		if (strstr(text, "Is this right?") != NULL)
			assert_contains(text, "What needs changing");
		free(text);
	}
	reply_free(&r);
	/* In Welsh, longer: no page starts with a request's answer apart
	 * from the request. */
	assert_int_equal(http_get(&c, "/account/plan.pdf?large=1&lang=cy",
	    &r), 200);
	for (page = 2; page <= pdf_pages(&srv, &r); page++) {
		text = pdf_page_text(&srv, &r, page);
		start = text + strspn(text, " \n\f");
		assert_false(strncmp(start, "Pwy sy'n ateb", 13) == 0);
		assert_false(strncmp(start, "Ateb:", 5) == 0);
		free(text);
	}
	reply_free(&r);
	client_free(&c);
	assert_true(normal >= 1);
	assert_true(large > normal);
	assert_int_equal(db_scalar(&srv, PLAN_READS("member.forum")), reads);
	/* Anyone else's print is a read like the page. */
	assert_int_equal(get_as("coordinator.harbour", plan_pdf_path, 0,
	    &r), 403);
	reply_free(&r);
}

static void
person_signs_off_and_a_change_needs_it_again(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64];

	(void)state;
	as(&c, "member.forum");
	post_expect(&c, "/account/plan/confirm", "", 303, &r);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/account/plan", &r), 200);
	assert_contains(r.body, "said this plan is right");
	reply_free(&r);
	client_free(&c);
	/* Someone without a plan has nothing to sign. */
	as(&c, "rep.fenwick");
	post_expect(&c, "/account/plan/confirm", "", 409, &r);
	reply_free(&r);
	/* A change after the sign-off: not checked until they say so. */
	snprintf(path, sizeof(path), "/people/%lld/plan/steps/new", eric);
	submit_expect(&c, path, "text=Join+the+gardening+group", 303, &r);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(get_as("member.forum", "/account/plan", 0, &r), 200);
	assert_contains(r.body, "Not checked");
	assert_contains(r.body, "Join the gardening group");
	reply_free(&r);
}

static void
declared_treating_staff_never_read_the_plan(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 body[64];

	(void)state;
	assert_int_equal(get_as(SECOND, plan_path, 0, &r), 200);
	reply_free(&r);
	as(&c, SECOND);
	/* Over-50s Forum (group 1): Eric is a member. */
	submit_expect(&c, "/groups/1/declarations/new", "person_id=", 422, &r);
	reply_free(&r);
	snprintf(body, sizeof(body), "person_id=%lld", eric);
	submit_expect(&c, "/groups/1/declarations/new", body, 303, &r);
	reply_free(&r);
	c.json = 1;
	assert_int_equal(http_get(&c, plan_path, &r), 403);
	assert_lacks(r.body, CARD);
	reply_free(&r);
	assert_int_equal(http_get(&c, "/plans/overdue", &r), 200);
	assert_lacks(r.body, "Eric");
	reply_free(&r);
	client_free(&c);
	/* The coordinators see the declaration. */
	assert_int_equal(get_as("coordinator.fenwick",
	    "/groups/1/declarations", 0, &r), 200);
	assert_contains(r.body, "Eric");
	reply_free(&r);
	/* And the declared cannot be named as his worker. */
	assert_int_equal(get_as("coordinator.fenwick", worker_path,
	    0, &r), 200);
	assert_lacks(r.body, SECOND);
	reply_free(&r);
}

static void
subject_access_holds_the_plan(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[80];

	(void)state;
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/people/%lld/subject-access", eric);
	assert_int_equal(http_get(&c, path, &r), 200);
	reply_free(&r);
	snprintf(path, sizeof(path), "/people/%lld/subject-access.json",
	    eric);
	post_expect(&c, path, "reason=SAR+plans", 200, &r);
	assert_contains(r.body, "\"plan_cards\"");
	assert_contains(r.body, CARD);
	assert_contains(r.body, "\"wishes\"");
	assert_contains(r.body, "A lower bunk because of my back");
	assert_contains(r.body, "\"referrals\"");
	assert_contains(r.body, "\"release_plans\"");
	/* Who read the plan is part of what is held about him. */
	assert_contains(r.body, "plan.read");
	reply_free(&r);
	client_free(&c);
}

static void
map_of_provision_shows_gaps_and_only_suppressed_counts(void **state)
{
	struct reply	 r;

	(void)state;
	assert_int_equal(get_as("viewer", "/provision", 0, &r), 200);
	assert_contains(r.body, "Westvale Probation Region: Substance use, Housing, "
	    "GP registration");
	assert_contains(r.body, "fewer than 5");
	reply_free(&r);
	/* In Welsh, each need in Welsh; the place as it is named. */
	assert_int_equal(get_as("viewer", "/provision?lang=cy", 0, &r), 200);
	assert_contains(r.body, "Westvale Probation Region: Defnyddio "
	    "sylweddau, Tai, ");
	assert_lacks(r.body, "Substance use, Housing");
	reply_free(&r);
	assert_int_equal(get_as("viewer", "/provision.csv", 0, &r), 200);
	assert_contains(r.content_type, "text/csv");
	assert_contains(r.body, "\"Westvale Probation Region\",\"Housing\","
	    "\"0\",\"Yes\"");
	assert_contains(r.body, "fewer than 5");
	assert_lacks(r.body, "Eric");
	reply_free(&r);
	/* The counts are never bare, even to a coordinator. */
	assert_int_equal(get_as("coordinator.westvale", "/provision", 1, &r),
	    200);
	assert_lacks(r.body, "\"attended\": 1");
	assert_lacks(r.body, "\"attended\":1");
	reply_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(person_worker_and_coordinators_read_others_do_not),
		cmocka_unit_test(route_walk_never_shows_a_plan_to_others),
		cmocka_unit_test(wish_answered_with_reasons_and_escalates),
		cmocka_unit_test(release_referrals_tracked_to_attendance),
		cmocka_unit_test(printed_plan_in_normal_and_large_print),
		cmocka_unit_test(person_signs_off_and_a_change_needs_it_again),
		cmocka_unit_test(subject_access_holds_the_plan),
		cmocka_unit_test(map_of_provision_shows_gaps_and_only_suppressed_counts),
		cmocka_unit_test(declared_treating_staff_never_read_the_plan),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
