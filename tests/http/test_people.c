/*
 * The newcomer's journey through people, places and groups, as the
 * issue's "done when" describes it, plus the rules around leaving and
 * the escaping of everything people type.
 */
#include "http_test.h"

#define XSS	"<script>alert(1)</script>"
#define XSS_URL	"%3Cscript%3Ealert(1)%3C%2Fscript%3E"

static struct client admin;

static int
setup(void **state)
{
	(void)state;
	char	 args[160];

	if (server_prepare(&srv, NULL) == -1 ||
	    roundtable_cli(&srv, "user add boss --role admin --password-stdin",
	    "boss-password-1\n", NULL) != 0)
		return -1;
	/* Dennis is a rep with an account of his own. */
	snprintf(args, sizeof(args), "user add rep.dennis --role rep --scope "
	    "site:1 --person %lld --password-stdin", db_scalar(&srv,
	    "SELECT id FROM people WHERE display_name = 'Dennis'"));
	if (roundtable_cli(&srv, args, "dennis-password\n", NULL) != 0)
		return -1;
	/* Erin too, a rep at the same site who will leave. */
	snprintf(args, sizeof(args), "user add rep.erin --role rep --scope "
	    "site:1 --person %lld --password-stdin", db_scalar(&srv,
	    "SELECT max(id) FROM people WHERE site_id = 1 AND display_name "
	    "NOT IN ('Dennis', 'Arthur') AND id NOT IN (SELECT person_id FROM "
	    "accounts WHERE person_id IS NOT NULL)"));
	if (roundtable_cli(&srv, args, "erin-password-1\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user add member.pat --role member --scope "
	    "site:1 --password-stdin", "pat-password-1\n", NULL) != 0 ||
	    server_launch(&srv) == -1)
		return -1;
	client_init(&admin, &srv);
	return client_sign_in(&admin, "boss", "boss-password-1") == 303 ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	client_free(&admin);
	return server_stop(&srv) == 0 ? 0 : -1;
}

/* Posts a form from its page and returns the id in the redirect. */
static long long
create(const char *form_path, const char *body, const char *prefix)
{
	struct reply	 r;

	if (prefix != NULL)
		return submit_created(&admin, form_path, body, prefix);
	submit_expect(&admin, form_path, body, 303, &r);
	reply_free(&r);
	return 0;
}

static void
newcomer_builds_a_site_wing_group_and_member(void **state)
{
	struct reply	 r;
	char		 path[128], body[256];
	long long	 site, unit, group, person;

	(void)state;
	site = create("/sites/new", "name=HMP+Brookside&kind=prison"
	    "&description=&closed_on=", "/sites/");
	snprintf(path, sizeof(path), "/sites/%lld/units/new", site);
	create(path, "name=E+wing&kind=wing&closed_on=", NULL);
	unit = db_scalar(&srv, "SELECT id FROM units WHERE name = 'E wing'");
	/* site_id=0 is not one of the offered sites. */
	assert_int_equal(http_get(&admin, "/groups/new", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&admin, "/groups/new", "name=Brookside+Forum"
	    "&kind=forum&site_id=0&purpose=", 1, &r), 422);
	assert_contains(r.body, "Select site from the list");
	reply_free(&r);
	snprintf(body, sizeof(body), "name=Brookside+Forum&kind=forum"
	    "&site_id=%lld&purpose=Monthly", site);
	group = create("/groups/new", body, "/groups/");
	snprintf(body, sizeof(body), "display_name=Quentin&status=in_custody"
	    "&site_id=%lld&unit_id=%lld&restrictions=", site, unit);
	person = create("/people/new", body, "/people/");
	snprintf(path, sizeof(path), "/groups/%lld/members/new", group);
	snprintf(body, sizeof(body), "person_id=%lld&position=chair"
	    "&from_on=2026-11-01", person);
	create(path, body, NULL);

	snprintf(path, sizeof(path), "/groups/%lld", group);
	assert_int_equal(http_get(&admin, path, &r), 200);
	assert_contains(r.body, "Quentin");
	assert_contains(r.body, "Chair");
	reply_free(&r);
	snprintf(path, sizeof(path), "/sites/%lld", site);
	assert_int_equal(http_get(&admin, path, &r), 200);
	assert_contains(r.body, "E wing");
	assert_contains(r.body, "Brookside Forum");
	reply_free(&r);
	assert_int_equal(http_get(&admin, "/people?q=quent", &r), 200);
	assert_contains(r.body, "Quentin");
	assert_contains(r.body, "1 found");
	reply_free(&r);
	/* Every write was audited, and the chain verifies. */
	assert_true(db_scalar(&srv, "SELECT count(*) FROM audit WHERE action "
	    "IN ('site.create', 'unit.create', 'group.create', "
	    "'person.create', 'membership.create') AND id > 70") >= 5);
	assert_int_equal(roundtable_cli(&srv, "check", NULL, NULL), 0);
}

static void
a_wing_must_belong_to_the_chosen_site(void **state)
{
	struct reply	 r;

	(void)state;
	assert_int_equal(http_get(&admin, "/people/new", &r), 200);
	reply_free(&r);
	/* Unit 1 is at HMP Fenwick (site 1), not at site 2. */
	assert_int_equal(http_post(&admin, "/people/new", "display_name=Ray"
	    "&status=in_custody&site_id=2&unit_id=1", 1, &r), 422);
	assert_contains(r.body, "Select a wing or place at the site you chose");
	reply_free(&r);
}

static void
leaving_ends_every_role_and_keeps_history(void **state)
{
	struct reply	 r;
	long long	 arthur;
	char		 path[64];

	(void)state;
	arthur = db_scalar(&srv, "SELECT id FROM people WHERE display_name = 'Arthur'");
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM memberships "
	    "WHERE to_on IS NULL AND person_id = (SELECT id FROM people "
	    "WHERE display_name = 'Arthur')"), 1);
	snprintf(path, sizeof(path), "/people/%lld/leave", arthur);
	create(path, "left_reason=transfer&left_on=2026-11-20", NULL);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM memberships "
	    "WHERE to_on IS NULL AND person_id = (SELECT id FROM people "
	    "WHERE display_name = 'Arthur')"), 0);
	assert_int_equal(http_get(&admin, "/groups/1", &r), 200);
	assert_contains(r.body, "Past members");
	assert_contains(r.body, "Left: transfer");
	reply_free(&r);
	/* Leaving twice is refused with a reason. */
	assert_int_equal(http_post(&admin, path, "left_reason=transfer"
	    "&left_on=2026-11-21", 1, &r), 422);
	assert_contains(r.body, "already left");
	reply_free(&r);
	/* People who left are hidden from the list unless asked for. */
	assert_int_equal(http_get(&admin, "/people?q=Arthur", &r), 200);
	assert_contains(r.body, "0 found");
	reply_free(&r);
	assert_int_equal(http_get(&admin, "/people?q=Arthur&left=1", &r), 200);
	assert_contains(r.body, "1 found");
	reply_free(&r);
}

static void
leaving_hands_on_follow_ups_and_disables_the_account(void **state)
{
	struct client	 dennis;
	struct reply	 r;
	char		 path[64], body[512];
	long long	 person, boss;

	(void)state;
	person = db_scalar(&srv, "SELECT id FROM people WHERE display_name = "
	    "'Dennis'");
	boss = db_scalar(&srv, "SELECT id FROM accounts WHERE username = 'boss'");
	client_init(&dennis, &srv);
	assert_int_equal(client_sign_in(&dennis, "rep.dennis",
	    "dennis-password"), 303);
	assert_int_equal(http_get(&dennis, "/conversations/new", &r), 200);
	reply_free(&r);
	snprintf(body, sizeof(body), "site_id=1&occurred_on=2026-11-20"
	    "&occurred_time=10:00&channel=wing_visit&topic_ids=3&raised=Low+mood"
	    "&consent=anonymous&outcome=coordinator&followup_action=Check+in"
	    "&followup_owner=%lld&followup_due=2036-12-01", db_scalar(&srv,
	    "SELECT id FROM accounts WHERE username = 'rep.dennis'"));
	assert_int_equal(http_post(&dennis, "/conversations/new", body, 1, &r),
	    303);
	reply_free(&r);

	snprintf(path, sizeof(path), "/people/%lld/leave", person);
	assert_int_equal(http_get(&admin, path, &r), 200);
	assert_contains(r.body, "Who takes over their open follow-ups");
	reply_free(&r);
	assert_int_equal(http_post(&admin, path, "left_reason=release"
	    "&left_on=2026-11-25", 1, &r), 422);
	assert_contains(r.body, "Choose who takes over their open follow-ups");
	reply_free(&r);
	snprintf(body, sizeof(body), "left_reason=release&left_on=2026-11-25"
	    "&hand_to=%lld", boss);
	assert_int_equal(http_post(&admin, path, body, 1, &r), 303);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM followups f "
	    "JOIN accounts a ON a.id = f.owner_id WHERE a.username = 'boss' "
	    "AND f.action = 'Check in'"), 1);
	/* His session ended and he cannot sign in again. */
	assert_int_equal(http_get(&dennis, "/followups", &r), 303);
	reply_free(&r);
	client_free(&dennis);
	client_init(&dennis, &srv);
	assert_int_equal(client_sign_in(&dennis, "rep.dennis",
	    "dennis-password"), 422);
	client_free(&dennis);
}

static void
ending_a_role_before_it_began_is_refused(void **state)
{
	struct reply	 r;

	(void)state;
	assert_int_equal(http_get(&admin, "/memberships/2/end", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&admin, "/memberships/2/end",
	    "to_on=2020-01-01&end_reason=", 1, &r), 422);
	assert_contains(r.body, "The last day must be on or after the first day");
	reply_free(&r);
	assert_int_equal(http_post(&admin, "/memberships/2/end",
	    "to_on=2026-11-24&end_reason=Term+ended", 1, &r), 303);
	reply_free(&r);
}

static void
duplicate_names_are_explained(void **state)
{
	struct reply	 r;

	(void)state;
	assert_int_equal(http_get(&admin, "/sites/new", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&admin, "/sites/new",
	    "name=HMP+Fenwick&kind=prison", 1, &r), 422);
	assert_contains(r.body, "A site with this name already exists");
	reply_free(&r);
}

static void
script_in_every_field_is_inert(void **state)
{
	static const char *pages[] = { "/sites", "/groups", "/people",
	    "/audit", "/people?q=" XSS_URL };
	struct reply	 r;
	char		 body[512], path[64];
	long long	 site, group, person;
	size_t		 i;

	(void)state;
	site = create("/sites/new", "name=" XSS_URL "&kind=other&description="
	    XSS_URL, "/sites/");
	snprintf(path, sizeof(path), "/sites/%lld/units/new", site);
	create(path, "name=" XSS_URL "&kind=wing", NULL);
	snprintf(body, sizeof(body), "name=%s&kind=panel&site_id=%lld"
	    "&purpose=%s", XSS_URL, site, XSS_URL);
	group = create("/groups/new", body, "/groups/");
	snprintf(body, sizeof(body), "display_name=%s&status=staff"
	    "&site_id=%lld&restrictions=%s", XSS_URL, site, XSS_URL);
	person = create("/people/new", body, "/people/");
	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		assert_int_equal(http_get(&admin, pages[i], &r), 200);
		assert_lacks(r.body, XSS);
		reply_free(&r);
	}
	snprintf(path, sizeof(path), "/sites/%lld", site);
	assert_int_equal(http_get(&admin, path, &r), 200);
	assert_lacks(r.body, XSS);
	assert_contains(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;");
	reply_free(&r);
	snprintf(path, sizeof(path), "/groups/%lld", group);
	assert_int_equal(http_get(&admin, path, &r), 200);
	assert_lacks(r.body, XSS);
	reply_free(&r);
	snprintf(path, sizeof(path), "/people/%lld", person);
	assert_int_equal(http_get(&admin, path, &r), 200);
	assert_lacks(r.body, XSS);
	reply_free(&r);
	snprintf(path, sizeof(path), "/people/%lld/edit", person);
	assert_int_equal(http_get(&admin, path, &r), 200);
	assert_lacks(r.body, XSS);
	reply_free(&r);
	/* JSON escapes it its own way: as data, never as markup. */
	admin.json = 1;
	assert_int_equal(http_get(&admin, "/sites", &r), 200);
	assert_lacks(r.body, "<script>");
	assert_contains(r.body, "\\u003cscript\\u003e");
	reply_free(&r);
	admin.json = 0;
}

/* One rule for who may take over someone's follow-ups and actions: an
 * active account that has chosen its own password, not the leaver's,
 * holding a role at the site that holds follow-ups (staff, rep, decision
 * maker).  The leave and reassign forms offer only those and refuse any
 * other on POST, naming the field; what a disabled account still owns
 * shows on the coordinator's home page as needing a new owner. */
static void
only_someone_able_to_hold_them_takes_over_follow_ups(void **state)
{
	struct client	 erin;
	struct reply	 r;
	char		 path[96], body[512], opt[48];
	long long	 person, self, member, first_admin, boss, fu, action;

	(void)state;
	self = db_scalar(&srv, "SELECT id FROM accounts WHERE username = "
	    "'rep.erin'");
	person = db_scalar(&srv, "SELECT person_id FROM accounts WHERE "
	    "username = 'rep.erin'");
	member = db_scalar(&srv, "SELECT id FROM accounts WHERE username = "
	    "'member.pat'");
	first_admin = db_scalar(&srv, "SELECT id FROM accounts WHERE "
	    "username = 'admin'");
	boss = db_scalar(&srv, "SELECT id FROM accounts WHERE username = 'boss'");
	assert_true(first_admin > 0);
	client_init(&erin, &srv);
	assert_int_equal(client_sign_in(&erin, "rep.erin", "erin-password-1"),
	    303);
	/* The form first, for its CSRF token. */
	assert_int_equal(http_get(&erin, "/conversations/new", &r), 200);
	reply_free(&r);
	snprintf(body, sizeof(body), "site_id=1&occurred_on=2026-11-20"
	    "&occurred_time=10:00&channel=wing_visit&topic_ids=3&raised=Canteen"
	    "&consent=anonymous&outcome=coordinator&followup_action=Ask+the+"
	    "canteen&followup_owner=%lld&followup_due=2036-12-01", self);
	assert_int_equal(http_post(&erin, "/conversations/new", body, 1, &r),
	    303);
	reply_free(&r);
	client_free(&erin);
	fu = db_scalar(&srv, "SELECT max(id) FROM followups WHERE action = "
	    "'Ask the canteen'");

	snprintf(path, sizeof(path), "/people/%lld/leave", person);
	assert_int_equal(http_get(&admin, path, &r), 200);
	snprintf(opt, sizeof(opt), "value=\"%lld\"", boss);
	assert_contains(r.body, opt);
	snprintf(opt, sizeof(opt), "value=\"%lld\"", self);
	assert_lacks(r.body, opt);
	snprintf(opt, sizeof(opt), "value=\"%lld\"", member);
	assert_lacks(r.body, opt);
	snprintf(opt, sizeof(opt), "value=\"%lld\"", first_admin);
	assert_lacks(r.body, opt);
	reply_free(&r);
	/* Refused on POST too, naming the field; nothing changes. */
	snprintf(body, sizeof(body), "left_reason=release&left_on=2026-11-25"
	    "&hand_to=%lld", self);
	assert_int_equal(http_post(&admin, path, body, 1, &r), 422);
	assert_contains(r.body, "href=\"#hand_to\"");
	reply_free(&r);
	snprintf(body, sizeof(body), "left_reason=release&left_on=2026-11-25"
	    "&hand_to=%lld", member);
	assert_int_equal(http_post(&admin, path, body, 1, &r), 422);
	assert_contains(r.body, "href=\"#hand_to\"");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM accounts WHERE "
	    "username = 'rep.erin' AND disabled_at IS NULL"), 1);

	/* An account disabled some other way still owns a follow-up and an
	 * action: the coordinator's home says they need a new owner. */
	assert_int_equal(db_write(&srv, "UPDATE accounts SET disabled_at = "
	    "'2026-11-26T00:00:00Z' WHERE username = 'rep.erin'"), 0);
	action = db_scalar(&srv, "SELECT min(id) FROM actions WHERE closed_on "
	    "IS NULL");
	assert_true(action > 0);
	snprintf(body, sizeof(body), "UPDATE actions SET owner_id = %lld "
	    "WHERE id = %lld", self, action);
	assert_int_equal(db_write(&srv, body), 0);
	assert_int_equal(http_get(&admin, "/", &r), 200);
	assert_contains(r.body, "Needs a new owner");
	snprintf(opt, sizeof(opt), "/followups/%lld/reassign", fu);
	assert_contains(r.body, opt);
	snprintf(opt, sizeof(opt), "/actions/%lld/reassign", action);
	assert_contains(r.body, opt);
	reply_free(&r);

	/* The reassign forms follow the same rule. */
	snprintf(path, sizeof(path), "/followups/%lld/reassign", fu);
	snprintf(body, sizeof(body), "owner_id=%lld&due_on=2036-12-10", member);
	assert_int_equal(http_post(&admin, path, body, 1, &r), 422);
	assert_contains(r.body, "href=\"#owner_id\"");
	reply_free(&r);
	snprintf(body, sizeof(body), "owner_id=%lld&due_on=2036-12-10", boss);
	assert_int_equal(http_post(&admin, path, body, 1, &r), 303);
	reply_free(&r);
	snprintf(path, sizeof(path), "/actions/%lld/reassign", action);
	snprintf(body, sizeof(body), "owner_id=%lld", first_admin);
	assert_int_equal(http_post(&admin, path, body, 1, &r), 422);
	assert_contains(r.body, "href=\"#owner_id\"");
	reply_free(&r);
	snprintf(body, sizeof(body), "owner_id=%lld", boss);
	assert_int_equal(http_post(&admin, path, body, 1, &r), 303);
	reply_free(&r);
	assert_int_equal(http_get(&admin, "/", &r), 200);
	assert_lacks(r.body, "Needs a new owner");
	reply_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(newcomer_builds_a_site_wing_group_and_member),
		cmocka_unit_test(a_wing_must_belong_to_the_chosen_site),
		cmocka_unit_test(leaving_ends_every_role_and_keeps_history),
		cmocka_unit_test(leaving_hands_on_follow_ups_and_disables_the_account),
		cmocka_unit_test(only_someone_able_to_hold_them_takes_over_follow_ups),
		cmocka_unit_test(ending_a_role_before_it_began_is_refused),
		cmocka_unit_test(duplicate_names_are_explained),
		cmocka_unit_test(script_in_every_field_is_inert),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
