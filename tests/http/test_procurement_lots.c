/*
 * Procurements beyond the one lot: a moderator who only evaluates finds
 * their lots; a new lot's default scale reads in each reader's
 * language; the seal stays shut until a panel is whole again after a
 * conflict; a regional procurement is run by organisation-wide staff;
 * the list of procurements comes a page at a time.  They build on the
 * demo's procurement for HMP Fenwick.  Helpers and set-up:
 * procurement_test.h.
 */
#include <jansson.h>

#include "procurement_test.h"

/*
 * Staff (c) add a lot called title (form-encoded) to the procurement,
 * moderated by moderator, with one question of weight 100 and two bids
 * (Gamma Care, Delta Health); lot, bid_a and bid_b become theirs.
 * Returns the question's id.
 */
static long long
lot_with_two_bids(struct client *c, long long procurement, const char *title,
    long long moderator)
{
	struct reply	 r;
	char		 body[256], path[96];
	long long	 q;

	snprintf(path, sizeof(path), "/procurements/%lld/lots/new",
	    procurement);
	snprintf(body, sizeof(body), "title=%s&scale_max=5&scale_descriptors="
	    "0+None%%0A1+Poor%%0A2+Weak%%0A3+Adequate%%0A4+Good%%0A5+Excellent"
	    "&moderator_id=%lld", title, moderator);
	lot = submit_created(c, path, body, "/lots/");
	snprintf(path, sizeof(path), "/lots/%lld/questions/new", lot);
	submit_expect(c, path, "text=Q&weight=100", 303, &r);
	reply_free(&r);
	q = db_scalar(&srv, "SELECT max(id) FROM lot_questions");
	snprintf(path, sizeof(path), "/lots/%lld/bids/new", lot);
	submit_expect(c, path, "bidder=Gamma+Care", 303, &r);
	reply_free(&r);
	post_expect(c, path, "bidder=Delta+Health", 303, &r);
	reply_free(&r);
	snprintf(body, sizeof(body), "SELECT min(id) FROM bids WHERE lot_id = "
	    "%lld", lot);
	bid_a = db_scalar(&srv, body);
	bid_b = bid_a + 1;
	return q;
}

/* A moderator who holds only the evaluator role reaches the lots they
 * moderate from the home page and from the navigation's Procurement
 * page, and sees no lot they do not moderate. */
static void
a_moderator_who_only_evaluates_finds_their_lots(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 body[512], path[96], href[64], other[64];
	long long	 moderated;

	(void)state;
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/procurements/%lld/lots/new", db_scalar(
	    &srv, "SELECT procurement_id FROM lots WHERE id = (SELECT min(id) "
	    "FROM lots)"));
	snprintf(body, sizeof(body), "title=Lot+Moderated&scale_max=5&"
	    "scale_descriptors=0+None%%0A1+Poor%%0A2+Weak%%0A3+Adequate%%0A"
	    "4+Good%%0A5+Excellent&moderator_id=%lld", account("moderator.only"));
	moderated = submit_created(&c, path, body, "/lots/");
	client_free(&c);

	snprintf(href, sizeof(href), "href=\"/lots/%lld\"", moderated);
	snprintf(other, sizeof(other), "href=\"/lots/%lld\"", db_scalar(&srv,
	    "SELECT min(id) FROM lots"));
	as(&c, "moderator.only");
	assert_int_equal(http_get(&c, "/", &r), 200);
	assert_contains(r.body, "Lots you moderate");
	assert_contains(r.body, href);
	assert_contains(r.body, "Lot Moderated");
	assert_lacks(r.body, other);
	assert_contains(r.body, "class=\"govuk-header__link\" "
	    "href=\"/procurements\"");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/procurements", &r), 200);
	assert_contains(r.body, "Lots you moderate");
	assert_contains(r.body, href);
	assert_lacks(r.body, other);
	reply_free(&r);
	get_expect(&c, "/lots/%lld", moderated, 200);
	client_free(&c);
}

/* The text of the page's box called name, its apostrophes unescaped
 * (the only escape the default scale needs); malloc'd. */
static char *
textarea_text(const char *page, const char *name)
{
	char		 key[64], *out, *w;
	const char	*start, *end, *p;

	snprintf(key, sizeof(key), "name=\"%s\"", name);
	assert_non_null(start = strstr(page, key));
	assert_non_null(start = strchr(start, '>'));
	assert_non_null(end = strstr(++start, "</textarea>"));
	assert_non_null(out = calloc(1, (size_t)(end - start) + 1));
	for (p = start, w = out; p < end; )
		if (strncmp(p, "&#39;", 5) == 0) {
			*w++ = '\'';
			p += 5;
		} else
			*w++ = *p++;
	return out;
}

/*
 * A new lot starts with the default scale in its reader's language; sent
 * back as offered, it is kept as the program's own words and read in
 * each reader's language, while a line someone typed stays as typed.
 */
static void
a_new_lots_default_scale_reads_in_each_readers_language(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], *scale, *encoded, *body, *text;
	long long	 made, procurement = db_scalar(&srv, "SELECT "
	    "procurement_id FROM lots WHERE id = (SELECT min(id) FROM lots)");

	(void)state;
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/procurements/%lld/lots/new?lang=cy",
	    procurement);
	assert_int_equal(http_get(&c, path, &r), 200);
	assert_contains(r.body, "Digonol: yn bodloni&#39;r gofyniad");
	assert_lacks(r.body, "Adequate: meets");
	scale = textarea_text(r.body, "scale_descriptors");
	reply_free(&r);
	/* The top line retyped by the coordinator. */
	assert_non_null(text = strstr(scale, "Rhagorol:"));
	snprintf(text, strlen(text) + 1, "Rhagorol iawn, heb os\n");
	encoded = url_encode(scale);
	assert_true(asprintf(&body, "title=Lot+Cymraeg&scale_max=5&"
	    "scale_descriptors=%s&moderator_id=%lld", encoded,
	    account("coordinator.fenwick")) > 0);
	snprintf(path, sizeof(path), "/procurements/%lld/lots/new",
	    procurement);
	made = submit_created(&c, path, body, "/lots/");
	free(body);
	free(encoded);
	free(scale);
	text = db_text(&srv, "SELECT scale_descriptors FROM lots WHERE "
	    "title = 'Lot Cymraeg'");
	assert_non_null(text);
	assert_contains(text, "Adequate: meets the requirement\n");
	assert_contains(text, "Rhagorol iawn, heb os\n");
	assert_lacks(text, "Digonol");
	free(text);
	assert_int_equal(get(&c, "/lots/%lld/report.pdf?lang=cy", made, &r),
	    200);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_contains(text, "Digonol: yn bodloni'r gofyniad");
	assert_contains(text, "Rhagorol iawn, heb os");
	free(text);
	assert_int_equal(get(&c, "/lots/%lld/report.pdf?lang=en", made, &r),
	    200);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_contains(text, "Adequate: meets the requirement");
	assert_contains(text, "Rhagorol iawn, heb os");
	free(text);
	client_free(&c);
}

/*
 * Removing an evaluator for a conflict must not open the seal: until the
 * panel is whole again (every removed member replaced) and every active
 * member has submitted, the question stays sealed and consensus is 409.
 * Before the fix, question_seals counted only active members, so the
 * gap between the removal and the reserve joining showed every score.
 */
static void
the_seal_stays_shut_until_the_panel_is_whole(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 body[512], path[96], *text;
	long long	 saved[3] = { lot, bid_a, bid_b }, q;

	(void)state;
	as(&c, "coordinator.fenwick");
	q = lot_with_two_bids(&c, db_scalar(&srv, "SELECT procurement_id "
	    "FROM lots WHERE id = (SELECT max(id) FROM lots)"), "Lot+C",
	    account("coordinator.fenwick"));
	snprintf(path, sizeof(path), "/lots/%lld/panel/new", lot);
	snprintf(body, sizeof(body), "account_id=%lld&kind=expert_by_experience"
	    "&question_ids=%lld", account("evaluator"), q);
	submit_expect(&c, path, body, 303, &r);
	reply_free(&r);
	snprintf(body, sizeof(body), "account_id=%lld&kind=clinician"
	    "&question_ids=%lld", account("gp.evaluator"), q);
	post_expect(&c, path, body, 303, &r);
	reply_free(&r);
	snprintf(body, sizeof(body), "conflict_%lld=no&conflict_%lld=no",
	    bid_a, bid_b);
	declare("evaluator", body, 303);
	declare("gp.evaluator", body, 303);
	score("evaluator", q, 4, 2, "Kestrel-sealed", "submit", 303);
	/* The GP declares a conflict and leaves: one active member, who
	 * has submitted, but the panel is short. */
	snprintf(body, sizeof(body), "conflict_%lld=no&conflict_%lld=yes&"
	    "details_%lld=Sister+is+a+director", bid_a, bid_b, bid_b);
	declare("gp.evaluator", body, 303);

	snprintf(path, sizeof(path), "/lots/%lld/consensus-meeting", lot);
	snprintf(body, sizeof(body), "held_on=2026-11-21&present_ids=%lld",
	    member_of("evaluator"));
	submit_expect(&c, path, body, 303, &r);
	reply_free(&r);
	c.json = 1;
	assert_int_equal(get(&c, "/questions/%lld/consensus", q, &r), 200);
	assert_lacks(r.body, "Kestrel");
	reply_free(&r);
	assert_int_equal(get(&c, "/lots/%lld", lot, &r), 200);
	assert_lacks(r.body, "Kestrel");
	reply_free(&r);
	c.json = 0;
	/* In Welsh, the sheets' names too; then English again (the
	 * language is kept in a cookie). */
	assert_int_equal(get(&c, "/lots/%lld/report.xlsx?lang=cy", lot, &r),
	    200);
	text = xlsx_text(&srv, &r);
	assert_lacks(text, "Kestrel");
	assert_contains(text, "<sheet name=\"Cyfansymiau\"");
	assert_contains(text, "<sheet name=\"Sgorau\"");
	assert_contains(text, "<sheet name=\"Archwilio\"");
	assert_lacks(text, "<sheet name=\"Totals\"");
	assert_lacks(text, "<sheet name=\"Audit\"");
	free(text);
	reply_free(&r);
	assert_int_equal(get(&c, "/lots/%lld/report.xlsx?lang=en", lot, &r),
	    200);
	text = xlsx_text(&srv, &r);
	assert_lacks(text, "Kestrel");
	assert_contains(text, "<sheet name=\"Totals\"");
	free(text);
	reply_free(&r);
	snprintf(path, sizeof(path), "/questions/%lld/consensus", q);
	snprintf(body, sizeof(body), "score_%lld=4&rationale_%lld=Early&"
	    "score_%lld=2&rationale_%lld=Early", bid_a, bid_a, bid_b, bid_b);
	submit_expect(&c, path, body, 409, &r);
	assert_contains(r.body, "sealed");
	reply_free(&r);

	/* The reserve takes the seat: still sealed until they submit. */
	replace_with_reserve(&c, "gp.evaluator", path, sizeof(path));
	snprintf(path, sizeof(path), "/questions/%lld/consensus", q);
	submit_expect(&c, path, body, 409, &r);
	reply_free(&r);
	snprintf(body, sizeof(body), "conflict_%lld=no&conflict_%lld=no",
	    bid_a, bid_b);
	declare("reserve.evaluator", body, 303);
	score("reserve.evaluator", q, 3, 3, "Fine", "submit", 303);
	/* Whole and all submitted: open. */
	snprintf(body, sizeof(body), "score_%lld=4&rationale_%lld=Agreed&"
	    "score_%lld=2&rationale_%lld=Agreed", bid_a, bid_a, bid_b, bid_b);
	submit_expect(&c, path, body, 303, &r);
	reply_free(&r);
	c.json = 1;
	assert_int_equal(get(&c, "/questions/%lld/consensus", q, &r), 200);
	assert_contains(r.body, "Kestrel");
	reply_free(&r);
	client_free(&c);
	lot = saved[0];
	bid_a = saved[1];
	bid_b = saved[2];
}

/* POSTs body to fmt (with id) and asserts the status, freeing the reply. */
static void
post_id_expect(struct client *c, const char *fmt, long long id,
    const char *body, long want)
{
	struct reply	 r;
	char		 path[128];

	snprintf(path, sizeof(path), fmt, id);
	post_expect(c, path, body, want, &r);
	reply_free(&r);
}

/*
 * A regional procurement belongs to the whole organisation, not one
 * prison: a coordinator whose grant covers the organisation starts and
 * runs it, experts from any of its sites sit on the panel, and staff of
 * one site cannot open or change it (403) unless seated as evaluators,
 * and then only their evaluator's pages.  The seal holds as for a site's.
 */
static void
a_regional_procurement_is_run_by_regional_staff(void **state)
{
	struct client	 reg, site, c;
	struct reply	 r;
	char		 body[512], path[96];
	long long	 procurement, saved[4] = { lot, bid_a, bid_b, q1 };
	char		*text;

	(void)state;
	/* Only organisation-wide staff start one. */
	as(&site, "coordinator.fenwick");
	get_expect(&site, "/procurements/new%.0lld", 0, 403);
	post_id_expect(&site, "/procurements/new%.0lld", 0,
	    "title=Regional+healthcare", 403);
	as(&reg, "regional.coordinator");
	procurement = submit_created(&reg, "/procurements/new",
	    "title=Regional+healthcare&description=Every+prison", "/procurements/");
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM procurements "
	    "WHERE title = 'Regional healthcare' AND site_id IS NULL"), 1);
	assert_int_equal(get(&reg, "/procurements/%lld", procurement, &r), 200);
	assert_contains(r.body, "Whole organisation");
	reply_free(&r);
	assert_int_equal(http_get(&reg, "/procurements", &r), 200);
	assert_contains(r.body, "Regional healthcare");
	reply_free(&r);

	/* Staff of one site neither see nor change it. */
	get_expect(&site, "/procurements/%lld", procurement, 403);
	get_expect(&site, "/procurements/%lld/lots/new", procurement, 403);
	post_id_expect(&site, "/procurements/%lld/lots/new", procurement,
	    "title=Mine&scale_max=1&scale_descriptors=No%0AYes", 403);
	assert_int_equal(http_get(&site, "/procurements", &r), 200);
	assert_lacks(r.body, "Regional healthcare");
	reply_free(&r);

	/* The regional coordinator runs it, seating experts from two
	 * sites and a Fenwick coordinator who also evaluates. */
	q1 = lot_with_two_bids(&reg, procurement, "Regional+lot",
	    account("regional.coordinator"));
	snprintf(path, sizeof(path), "/lots/%lld/panel/new", lot);
	assert_int_equal(http_get(&reg, path, &r), 200);
	assert_contains(r.body, "expert.westvale");
	reply_free(&r);
	{
		static const char *const panel[] = { "expert.fenwick",
		    "expert.westvale", "staff.evaluator" };
		size_t	 i;

		for (i = 0; i < 3; i++) {
			snprintf(body, sizeof(body), "account_id=%lld&kind="
			    "expert_by_experience&question_ids=%lld",
			    account(panel[i]), q1);
			post_expect(&reg, path, body, 303, &r);
			reply_free(&r);
		}
	}
	/* Seated or not, one site's staff cannot set it up or oversee. */
	as(&c, "staff.evaluator");
	get_expect(&c, "/procurements/%lld", procurement, 403);
	get_expect(&c, "/lots/%lld/bids/new", lot, 403);
	get_expect(&c, "/lots/%lld/report.pdf", lot, 403);
	get_expect(&c, "/lots/%lld/evaluate", lot, 200);
	client_free(&c);
	get_expect(&site, "/lots/%lld", lot, 403);
	get_expect(&site, "/lots/%lld/evaluate", lot, 403);
	as(&c, "moderator.only");	/* an evaluator at Fenwick, not seated */
	get_expect(&c, "/lots/%lld/evaluate", lot, 403);
	client_free(&c);

	/* The seal: scores stay hidden until all three have submitted. */
	snprintf(body, sizeof(body), "conflict_%lld=no&conflict_%lld=no",
	    bid_a, bid_b);
	declare("expert.fenwick", body, 303);
	declare("expert.westvale", body, 303);
	declare("staff.evaluator", body, 303);
	score("expert.fenwick", q1, 4, 2, "Zebra-regional", "submit", 303);
	score("expert.westvale", q1, 3, 3, "Zebra-regional", "submit", 303);
	reg.json = 1;
	assert_int_equal(get(&reg, "/lots/%lld", lot, &r), 200);
	assert_lacks(r.body, "Zebra-regional");
	reply_free(&r);
	reg.json = 0;
	snprintf(path, sizeof(path), "/questions/%lld/consensus", q1);
	snprintf(body, sizeof(body), "score_%lld=3&rationale_%lld=Agreed",
	    bid_a, bid_a);
	post_expect(&reg, path, body, 409, &r);
	reply_free(&r);
	score("staff.evaluator", q1, 5, 1, "Zebra-regional", "submit", 303);
	reg.json = 1;
	assert_int_equal(get(&reg, "/lots/%lld", lot, &r), 200);
	assert_contains(r.body, "Zebra-regional");
	reply_free(&r);
	reg.json = 0;
	assert_int_equal(get(&reg, "/lots/%lld", lot, &r), 200);
	assert_contains(r.body, "Whole organisation");
	reply_free(&r);
	/* The evaluation report names its scope. */
	assert_int_equal(get(&reg, "/lots/%lld/report.pdf", lot, &r), 200);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_non_null(text);
	assert_contains(text, "Whole organisation");
	free(text);
	client_free(&site);
	client_free(&reg);
	lot = saved[0];
	bid_a = saved[1];
	bid_b = saved[2];
	q1 = saved[3];
}

/*
 * The procurements list is bounded like every list: with more than a
 * page of them (list_page_size, 25), a Fenwick coordinator reads them a
 * page at a time, every one of Fenwick's once, and no regional one.
 */
static void
the_procurement_list_comes_a_page_at_a_time(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[256];
	json_t		*v, *list;
	const char	*next;
	size_t		 n = 0, pages = 0;
	long long	 want;

	(void)state;
	assert_int_equal(db_write(&srv, "WITH RECURSIVE n(i) AS (SELECT 1 "
	    "UNION ALL SELECT i + 1 FROM n WHERE i < 30) INSERT INTO "
	    "procurements (site_id, title, created_by) SELECT 1, "
	    "'Fenwick contract ' || i, (SELECT min(id) FROM accounts) FROM n"),
	    0);
	want = db_scalar(&srv, "SELECT count(*) FROM procurements WHERE "
	    "site_id = 1");
	as(&c, "coordinator.fenwick");
	c.json = 1;
	snprintf(path, sizeof(path), "/procurements");
	while (path[0] != '\0' && pages++ < 100) {
		assert_int_equal(http_get(&c, path, &r), 200);
		v = json_loads(r.body, 0, NULL);
		reply_free(&r);
		assert_non_null(v);
		list = json_object_get(v, "procurements");
		assert_true(json_array_size(list) <= 25);
		n += json_array_size(list);
		next = json_string_value(json_object_get(json_object_get(v,
		    "paging"), "next_href"));
		snprintf(path, sizeof(path), "%s", next ? next : "");
		json_decref(v);
	}
	assert_true(pages > 1);
	assert_int_equal(n, want);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_moderator_who_only_evaluates_finds_their_lots),
		cmocka_unit_test(
		    a_new_lots_default_scale_reads_in_each_readers_language),
		cmocka_unit_test(the_seal_stays_shut_until_the_panel_is_whole),
		cmocka_unit_test(a_regional_procurement_is_run_by_regional_staff),
		cmocka_unit_test(the_procurement_list_comes_a_page_at_a_time),
	};

	return cmocka_run_group_tests(tests, procurement_setup,
	    server_teardown);
}
