/*
 * Procurement panels, end to end, on one lot: staff set it up;
 * evaluators declare connections before they can see a bid; a declared
 * conflict shuts an evaluator out at once, even from a bid already
 * opened, and a reserve takes the seat; scores stay sealed from every
 * role and through every door (pages, JSON, an API token, search, the
 * PDF and XLSX reports) until the last evaluator submits; submitted
 * scores change only with a reason; the moderator records the consensus
 * and the weighted totals follow.  Helpers and set-up:
 * procurement_test.h.
 */
#include <ctype.h>
#include <jansson.h>

#include "procurement_test.h"
#include "papers.h"

/* Justifications that must not be seen before the seal opens. */
#define SECRET_SUBMITTED "Zebra-justification-submitted"
#define SECRET_DRAFT	"Zebra-justification-draft"

static long long q2;	/* the lot's second question */

/* Staff build a lot from nothing, and bad input names its field. */
static void
staff_set_up_a_lot(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 body[512], path[96];
	long long	 procurement;

	(void)state;
	as(&c, "coordinator.fenwick");
	procurement = submit_created(&c, "/sites/1/procurements/new",
	    "title=Pharmacy+for+HMP+Fenwick&description=Test", "/procurements/");
	snprintf(path, sizeof(path), "/procurements/%lld/lots/new", procurement);
	snprintf(body, sizeof(body), "title=Lot+A&scale_max=5&scale_descriptors="
	    "None%%0AWeak%%0AGood&moderator_id=%lld", account("coordinator.fenwick"));
	submit_expect(&c, path, body, 422, &r);
	assert_contains(r.body, "href=\"#scale_descriptors\"");
	reply_free(&r);
	snprintf(body, sizeof(body), "title=Lot+A&scale_max=11&scale_descriptors="
	    "x&moderator_id=%lld", account("coordinator.fenwick"));
	post_expect(&c, path, body, 422, &r);
	assert_contains(r.body, "href=\"#scale_max\"");
	reply_free(&r);
	snprintf(body, sizeof(body), "title=Lot+A&scale_max=5&scale_descriptors="
	    "0+None%%0A1+Poor%%0A2+Weak%%0A3+Adequate%%0A4+Good%%0A5+Excellent"
	    "&moderator_id=%lld", account("coordinator.fenwick"));
	lot = submit_created(&c, path, body, "/lots/");

	snprintf(path, sizeof(path), "/lots/%lld/questions/new", lot);
	submit_expect(&c, path, "text=Access&weight=0", 422, &r);
	assert_contains(r.body, "href=\"#weight\"");
	reply_free(&r);
	post_expect(&c, path, "text=How+fast+will+people+see+a+GP%3F&weight=60",
	    303, &r);
	reply_free(&r);
	post_expect(&c, path, "text=How+will+users+shape+it%3F&weight=40", 303,
	    &r);
	reply_free(&r);
	q1 = db_scalar(&srv, "SELECT min(id) FROM lot_questions WHERE lot_id = "
	    "(SELECT max(id) FROM lots)");
	q2 = q1 + 1;

	snprintf(path, sizeof(path), "/lots/%lld/bids/new", lot);
	submit_expect(&c, path, "bidder=Alpha+Care", 303, &r);
	reply_free(&r);
	post_expect(&c, path, "bidder=Beta+Health", 303, &r);
	reply_free(&r);
	post_expect(&c, path, "bidder=Beta+Health", 422, &r);
	assert_contains(r.body, "href=\"#bidder\"");
	reply_free(&r);
	bid_a = db_scalar(&srv, "SELECT id FROM bids WHERE bidder = 'Alpha Care'");
	bid_b = bid_a + 1;

	/* The bid document, checked by its bytes.  Sent without a file,
	 * the form comes back with the error beside its box, in the
	 * reader's language. */
	snprintf(path, sizeof(path), "/bids/%lld/upload", bid_a);
	get_expect(&c, path, 0, 200);
	assert_int_equal(http_post_files(&c, path, NULL, NULL, NULL, NULL, 0,
	    &r), 422);
	assert_contains(r.body, "href=\"#file\"");
	assert_contains(r.body, "govuk-file-upload--error");
	assert_contains(r.body, "Choose the bid&#39;s document to upload");
	reply_free(&r);
	snprintf(body, sizeof(body), "%s?lang=cy", path);
	assert_int_equal(http_post_files(&c, body, NULL, NULL, NULL, NULL, 0,
	    &r), 422);
	assert_contains(r.body, "Dewiswch ddogfen y cynnig i&#39;w "
	    "huwchlwytho");
	assert_contains(r.body, "Uwchlwytho&#39;r cynnig");
	reply_free(&r);
	get_expect(&c, "/lots/%lld?lang=en", lot, 200);
	assert_int_equal(http_post_file(&c, path, "x", "bid.pdf", "<html>",
	    6, &r), 415);
	reply_free(&r);
	/* The magic bytes alone are not a PDF. */
	assert_int_equal(http_post_file(&c, path, "x", "bid.pdf",
	    "%PDF-1.4\n%%EOF\n", 15, &r), 415);
	reply_free(&r);
	{
		struct buf	 pdf;

		paper_pdf(&pdf, 1 << 20, "Our bid", 1);
		assert_int_equal(http_post_file(&c, path, "x", "bid.pdf",
		    pdf.data, pdf.len, &r), 303);
		reply_free(&r);
		buf_release(&pdf);
	}
	/* Its size as people read it, never a count of bytes; the button
	 * says the bid whole ("Uwchlwytho'r cynnig", not "y cynnig"). */
	assert_int_equal(get(&c, "/lots/%lld", lot, &r), 200);
	assert_contains(r.body, " KB)");
	assert_lacks(r.body, " bytes)");
	reply_free(&r);
	assert_int_equal(get(&c, "/lots/%lld?lang=cy", lot, &r), 200);
	assert_contains(r.body, " KB)");
	assert_lacks(r.body, " beit)");
	assert_contains(r.body, "Uwchlwytho&#39;r cynnig<span");
	reply_free(&r);
	get_expect(&c, "/lots/%lld?lang=en", lot, 200);

	snprintf(path, sizeof(path), "/lots/%lld/panel/new", lot);
	snprintf(body, sizeof(body), "account_id=%lld&kind=expert_by_experience"
	    "&question_ids=%lld&question_ids=%lld", account("evaluator"), q1, q2);
	submit_expect(&c, path, body, 303, &r);
	reply_free(&r);
	snprintf(body, sizeof(body), "account_id=%lld&kind=clinician"
	    "&question_ids=%lld&question_ids=%lld", account("gp.evaluator"), q1,
	    q2);
	post_expect(&c, path, body, 303, &r);
	reply_free(&r);
	post_expect(&c, path, body, 422, &r);	/* already on the panel */
	reply_free(&r);
	snprintf(body, sizeof(body), "account_id=%lld&kind=commissioner"
	    "&question_ids=%lld", account("commissioner"), q1);
	post_expect(&c, path, body, 303, &r);
	reply_free(&r);
	/* Staff who are not evaluators cannot be seated. */
	snprintf(body, sizeof(body), "account_id=%lld&kind=other&question_ids="
	    "%lld", account("viewer"), q1);
	post_expect(&c, path, body, 422, &r);
	reply_free(&r);

	snprintf(path, sizeof(path), "/procurements/%lld/reserves/new",
	    procurement);
	snprintf(body, sizeof(body), "account_id=%lld&kind=expert_by_experience",
	    account("reserve.evaluator"));
	submit_expect(&c, path, body, 303, &r);
	reply_free(&r);
	client_free(&c);
}

static void
no_bid_before_declaring_and_a_conflict_shuts_the_door(void **state)
{
	struct client	 c, m;
	struct reply	 r;
	char		 body[256], path[96];

	(void)state;
	as(&c, "commissioner");
	/* Guidance, and the way to claim expenses for panel days. */
	assert_int_equal(get(&c, "/lots/%lld/evaluate", lot, &r), 200);
	assert_contains(r.body, "Before you see any bid");
	assert_contains(r.body, "href=\"/expenses/new\"");
	/* The checklist says each step whole, with its counts. */
	assert_contains(r.body, "Declare any connection with each bidder (0 "
	    "of 2 done)");
	assert_contains(r.body, "<li>Read every bid before you score it</li>");
	assert_contains(r.body, "Come to the consensus meeting");
	reply_free(&r);
	get_expect(&c, "/expenses/new", 0, 200);
	get_expect(&c, "/bids/%lld/document", bid_a, 403);
	get_expect(&c, "/questions/%lld/scores", q1, 409);
	/* A connection needs details, and every bidder needs an answer. */
	snprintf(body, sizeof(body), "conflict_%lld=yes&conflict_%lld=no",
	    bid_a, bid_b);
	snprintf(path, sizeof(path), "/lots/%lld/declarations", lot);
	submit_expect(&c, path, body, 422, &r);
	assert_contains(r.body, "#details_");
	reply_free(&r);
	snprintf(body, sizeof(body), "conflict_%lld=no", bid_a);
	post_expect(&c, path, body, 422, &r);
	assert_contains(r.body, "#conflict_");
	reply_free(&r);
	snprintf(body, sizeof(body), "conflict_%lld=no&conflict_%lld=no",
	    bid_a, bid_b);
	post_expect(&c, path, body, 303, &r);
	reply_free(&r);
	get_expect(&c, "/bids/%lld/document", bid_a, 200);
	get_expect(&c, "/questions/%lld/scores", q1, 200);

	/* Later they remember a connection: out at once. */
	snprintf(body, sizeof(body), "conflict_%lld=no&conflict_%lld=yes&"
	    "details_%lld=My+brother+works+there", bid_a, bid_b, bid_b);
	submit_expect(&c, path, body, 303, &r);
	assert_string_equal(r.location, "/procurements");
	reply_free(&r);
	get_expect(&c, "/bids/%lld/document", bid_a, 403);
	get_expect(&c, "/lots/%lld/evaluate", lot, 403);
	get_expect(&c, "/questions/%lld/scores", q1, 403);
	assert_int_equal(http_get(&c, "/procurements", &r), 200);
	assert_contains(r.body, "conflict of interest with Beta Health");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/procurements?lang=cy", &r), 200);
	assert_contains(r.body, "Datganwyd gwrthdaro buddiannau gyda Beta "
	    "Health.");
	assert_lacks(r.body, "Declared a conflict");
	reply_free(&r);
	get_expect(&c, "/procurements?lang=en%.0lld", 0, 200);
	client_free(&c);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM declarations "
	    "WHERE conflict = 1"), 1);

	/* The moderator sees who needs replacing and brings in a reserve. */
	as(&m, "coordinator.fenwick");
	assert_int_equal(http_get(&m, "/", &r), 200);
	assert_contains(r.body, ": 1 evaluator declared a conflict and left "
	    "the panel.");
	reply_free(&r);
	assert_int_equal(get(&m, "/lots/%lld", lot, &r), 200);
	assert_contains(r.body, "Needs a reserve");
	assert_contains(r.body, "Declared a conflict of interest with Beta "
	    "Health on ");
	reply_free(&r);
	/* The removal in words of the reader's language, not as recorded. */
	assert_int_equal(get(&m, "/lots/%lld?lang=cy", lot, &r), 200);
	assert_contains(r.body, "Datganwyd gwrthdaro buddiannau gyda Beta "
	    "Health ar ");
	reply_free(&r);
	get_expect(&m, "/lots/%lld?lang=en", lot, 200);
	replace_with_reserve(&m, "commissioner", path, sizeof(path));
	/* A replaced evaluator is not replaced twice. */
	get_expect(&m, path, 0, 409);
	client_free(&m);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM panel_questions "
	    "WHERE panel_member_id = (SELECT replaced_by FROM panel_members "
	    "WHERE state = 'removed' AND lot_id = (SELECT max(id) FROM lots))"),
	    1);
}

/* Who looks, where, and how the answer is read. */
enum door { PAGE, JSON, API, PDF, XLSX };

static const struct look {
	const char	*user;
	const char	*fmt;
	int		 of_question;	/* the id is q1, else the lot */
	enum door	 door;
} looks[] = {
	{ "coordinator.fenwick", "/lots/%lld", 0, PAGE },
	{ "coordinator.fenwick", "/lots/%lld", 0, JSON },
	{ "coordinator.fenwick", "/lots/%lld", 0, API },
	{ "coordinator.fenwick", "/questions/%lld/consensus", 1, PAGE },
	{ "coordinator.fenwick", "/questions/%lld/consensus", 1, JSON },
	{ "coordinator.fenwick", "/lots/%lld/report.pdf", 0, PDF },
	{ "coordinator.fenwick", "/lots/%lld/report.xlsx", 0, XLSX },
	{ "admin.fenwick", "/lots/%lld", 0, JSON },
	{ "admin.fenwick", "/questions/%lld/consensus", 1, PAGE },
	{ "admin.fenwick", "/lots/%lld/report.pdf", 0, PDF },
	{ "admin.fenwick", "/lots/%lld/report.xlsx", 0, XLSX },
	{ "admin.fenwick", "/search?q=Zebra", 0, PAGE },
	{ "gp.evaluator", "/questions/%lld/scores", 1, PAGE },
	{ "gp.evaluator", "/questions/%lld/scores", 1, JSON },
	{ "gp.evaluator", "/lots/%lld/evaluate", 0, JSON },
	{ "reserve.evaluator", "/questions/%lld/scores", 1, JSON },
	{ "viewer", "/lots/%lld", 0, PAGE },
	{ "governor.fenwick", "/lots/%lld", 0, JSON },
	{ "governor.fenwick", "/questions/%lld/consensus", 1, JSON },
	{ "rep.fenwick", "/lots/%lld/report.xlsx", 0, XLSX },
	{ "member.forum", "/questions/%lld/scores", 1, JSON },
};

/* What the look finds (malloc'd), or NULL when it is refused. */
static char *
look_at(const struct look *l)
{
	struct client	 c, api;
	struct reply	 r;
	char		*text = NULL, *p, token[64];
	long		 status;

	as(&c, l->user);
	c.json = l->door == JSON;
	if (l->door == API) {
		assert_int_equal(http_post(&c, "/account/tokens", "name=t", 1,
		    &r), 200);
		assert_non_null(p = strstr(r.body, "class=\"rt-token\">"));
		snprintf(token, sizeof(token), "%.43s", p + 17);
		reply_free(&r);
		client_init(&api, &srv);
		api.bearer = strdup(token);
		status = get(&api, l->fmt, l->of_question ? q1 : lot, &r);
		client_free(&api);
	} else
		status = get(&c, l->fmt, l->of_question ? q1 : lot, &r);
	if (status == 200)
		text = l->door == PDF ? pdf_text(&srv, &r) : l->door == XLSX ?
		    xlsx_text(&srv, &r) : strdup(r.body);
	reply_free(&r);
	client_free(&c);
	return text;
}

static void
scores_stay_sealed_until_the_last_submission(void **state)
{
	char	*text;
	size_t	 i;

	(void)state;
	declare("evaluator", "", 422);
	{
		char	 body[128];

		snprintf(body, sizeof(body), "conflict_%lld=no&conflict_%lld=no",
		    bid_a, bid_b);
		declare("evaluator", body, 303);
		declare("gp.evaluator", body, 303);
		declare("reserve.evaluator", body, 303);
	}
	/* Submitting needs every score and every justification. */
	score("evaluator", q1, 4, 2, "", "submit", 422);
	{
		/* Said in Welsh, the bidder named first. */
		struct client	 c;
		struct reply	 r;
		char		 path[96], body[256];

		as(&c, "evaluator");
		snprintf(path, sizeof(path), "/questions/%lld/scores?lang=cy",
		    q1);
		snprintf(body, sizeof(body), "score_%lld=4&justification_%lld="
		    "&score_%lld=2&justification_%lld=&action=submit", bid_a,
		    bid_a, bid_b, bid_b);
		submit_expect(&c, path, body, 422, &r);
		assert_contains(r.body, ": ysgrifennwch pam y rhoesoch y "
		    "sgôr hon");
		assert_lacks(r.body, "write why you gave");
		reply_free(&r);
		client_free(&c);
	}
	score("evaluator", q1, 4, 2, SECRET_SUBMITTED, "submit", 303);
	score("evaluator", q1, 1, 1, "again", "submit", 409);	/* locked */
	score("gp.evaluator", q1, 3, 3, SECRET_DRAFT, "save", 303);
	score("reserve.evaluator", q1, 5, 3, "Strong+access", "submit", 303);
	for (i = 0; i < sizeof(looks) / sizeof(looks[0]); i++) {
		/* The GP sees their own draft on their own form, only. */
		int	 own = strcmp(looks[i].user, "gp.evaluator") == 0 &&
		    strstr(looks[i].fmt, "scores") != NULL;

		text = look_at(&looks[i]);
		if (text != NULL && strstr(text, own ? SECRET_SUBMITTED :
		    "Zebra-justification") != NULL)
			print_error("%s saw a sealed score at %s (door %d)\n",
			    looks[i].user, looks[i].fmt, looks[i].door);
		if (text != NULL && own)
			assert_contains(text, SECRET_DRAFT);
		if (text != NULL)
			assert_lacks(text, own ? SECRET_SUBMITTED :
			    "Zebra-justification");
		free(text);
	}
	/* The last submission opens question 1 and only question 1. */
	score("gp.evaluator", q1, 3, 3, SECRET_DRAFT, "submit", 303);
	text = look_at(&looks[1]);
	assert_non_null(text);
	assert_contains(text, SECRET_SUBMITTED);
	assert_contains(text, SECRET_DRAFT);
	free(text);
	text = look_at(&looks[6]);
	assert_non_null(text);
	assert_contains(text, SECRET_SUBMITTED);
	assert_contains(text, "<sheet name=\"Scores\"");
	assert_contains(text, "Alpha Care");
	free(text);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "detail LIKE '%Zebra%'"), 0);
}

static void
a_submitted_score_changes_only_with_a_reason(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96];
	long long	 id;

	(void)state;
	id = db_scalar(&srv, "SELECT min(s.id) FROM scores s JOIN panel_members "
	    "m ON m.id = s.panel_member_id JOIN accounts a ON a.id = "
	    "m.account_id WHERE a.username = 'evaluator' AND s.question_id = "
	    "(SELECT min(id) FROM lot_questions WHERE lot_id = "
	    "(SELECT max(id) FROM lots))");
	snprintf(path, sizeof(path), "/scores/%lld/change", id);
	as(&c, "gp.evaluator");
	get_expect(&c, path, 0, 403);		/* not their score */
	client_free(&c);
	as(&c, "evaluator");
	submit_expect(&c, path, "score=3&justification=Rethought&reason=", 422,
	    &r);
	assert_contains(r.body, "href=\"#reason\"");
	reply_free(&r);
	post_expect(&c, path, "score=9&justification=x&reason=y", 422, &r);
	assert_contains(r.body, "href=\"#score\"");
	reply_free(&r);
	post_expect(&c, path, "score=3&justification=Rethought&reason="
	    "Misread+the+weekend+rota", 303, &r);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM score_changes "
	    "WHERE old_score = 4 AND new_score = 3 AND reason = "
	    "'Misread the weekend rota'"), 1);
}

/* Whether text holds a date as stored (2026-12-06), which nobody
 * should have to read. */
static int
has_iso_date(const char *text)
{
	const char	*p;

	for (p = text; *p != '\0'; p++)
		if (strlen(p) >= 10 && isdigit((unsigned char)p[0]) &&
		    isdigit((unsigned char)p[3]) && p[4] == '-' &&
		    isdigit((unsigned char)p[5]) && p[7] == '-' &&
		    isdigit((unsigned char)p[8]) && isdigit((unsigned char)p[9]))
			return 1;
	return 0;
}

/*
 * The evaluation report, both formats, entirely in Welsh for a Welsh
 * reader: the audit trail's sentences (no action's name), dates and
 * times in words, a spread with its words around it, a panel member's
 * role and a conflict as words; then English again.
 */
static void
report_reads_in_welsh(struct client *c)
{
	struct reply	 r;
	char		*text;

	assert_int_equal(get(c, "/lots/%lld/report.pdf?lang=cy", lot, &r),
	    200);
	text = pdf_text(&srv, &r);
	reply_free(&r);
	assert_contains(text, "Trywydd archwilio");
	assert_contains(text, "Sefydlodd Fenwick coordinator y lot");
	assert_contains(text, "Ychwanegodd Fenwick coordinator gynnig.");
	assert_contains(text, "Gadawodd Health commissioner (panel) y panel "
	    "oherwydd gwrthdaro buddiannau");
	assert_contains(text, "arbenigwr drwy brofiad at y panel");
	assert_contains(text, "Tynnwyd: datganwyd gwrthdaro buddiannau gyda "
	    "Beta Health");
	assert_contains(text, "20 Tachwedd 2026. Yn bresennol:");
	assert_contains(text, "Sgorau o 2 i 3");
	assert_contains(text, "sgôr unigol, cwestiwn 1");
	assert_contains(text, " am ");
	assert_lacks(text, "set up the lot");
	assert_lacks(text, "submitted scores");
	assert_lacks(text, "lot.bid");
	assert_lacks(text, "expert_by_experience");
	assert_false(has_iso_date(text));
	free(text);
	assert_int_equal(get(c, "/lots/%lld/report.xlsx?lang=cy", lot, &r),
	    200);
	text = xlsx_text(&srv, &r);
	reply_free(&r);
	assert_non_null(text);
	assert_contains(text, ">Arbenigwr drwy brofiad<");
	assert_contains(text, ">Clinigwr<");
	assert_contains(text, ">Ie<");
	assert_contains(text, ">Na<");
	assert_contains(text, ">unigol<");
	assert_contains(text, ">Sefydlodd Fenwick coordinator y lot<");
	assert_lacks(text, "expert_by_experience");
	assert_lacks(text, ">individual<");
	assert_lacks(text, "lot.bid");
	assert_false(has_iso_date(text));
	free(text);
	/* The lot's page says whose score was changed in Welsh too. */
	assert_int_equal(get(c, "/lots/%lld?lang=cy", lot, &r), 200);
	assert_contains(r.body, "y sgôr unigol ar gyfer cwestiwn 1");
	assert_lacks(r.body, "individual");
	reply_free(&r);
	get_expect(c, "/lots/%lld?lang=en", lot, 200);
}

static void
consensus_and_weighted_totals(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96], body[512];
	json_t		*v, *totals;

	(void)state;
	/* Question 2: the evaluator and the GP (the reserve has only q1). */
	score("evaluator", q2, 5, 2, "Paid+panel", "submit", 303);
	score("gp.evaluator", q2, 5, 2, "Built+in", "submit", 303);
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/questions/%lld/consensus", q1);
	snprintf(body, sizeof(body), "score_%lld=4&rationale_%lld=Agreed&"
	    "score_%lld=3&rationale_%lld=Agreed", bid_a, bid_a, bid_b, bid_b);
	submit_expect(&c, path, body, 409, &r);	/* no meeting yet */
	reply_free(&r);
	snprintf(path, sizeof(path), "/lots/%lld/consensus-meeting", lot);
	submit_expect(&c, path, "held_on=2026-11-20", 422, &r);
	assert_contains(r.body, "href=\"#present_ids\"");
	reply_free(&r);
	snprintf(body, sizeof(body), "held_on=2026-11-20&present_ids=%lld&"
	    "present_ids=%lld", member_of("evaluator"), member_of("gp.evaluator"));
	post_expect(&c, path, body, 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/questions/%lld/consensus", q1);
	snprintf(body, sizeof(body), "score_%lld=4&rationale_%lld=&score_%lld=3"
	    "&rationale_%lld=Agreed", bid_a, bid_a, bid_b, bid_b);
	submit_expect(&c, path, body, 422, &r);
	assert_contains(r.body, "#rationale_");
	assert_contains(r.body, "rows=\"3\">Agreed</textarea>");	/* kept */
	reply_free(&r);
	snprintf(body, sizeof(body), "score_%lld=4&rationale_%lld=Clear+plan&"
	    "score_%lld=3&rationale_%lld=Thin+cover", bid_a, bid_a, bid_b, bid_b);
	post_expect(&c, path, body, 303, &r);
	reply_free(&r);
	/* A change to an agreed score needs its reason. */
	snprintf(body, sizeof(body), "score_%lld=2&rationale_%lld=Thin+cover",
	    bid_b, bid_b);
	post_expect(&c, path, body, 422, &r);
	assert_contains(r.body, "#reason_");
	reply_free(&r);
	snprintf(path, sizeof(path), "/questions/%lld/consensus", q2);
	snprintf(body, sizeof(body), "score_%lld=5&rationale_%lld=Excellent&"
	    "score_%lld=2&rationale_%lld=Weak", bid_a, bid_a, bid_b, bid_b);
	submit_expect(&c, path, body, 303, &r);
	reply_free(&r);

	/* Alpha: (4*60 + 5*40) / 5 = 88.00; Beta: (3*60 + 2*40) / 5 = 52.00 */
	c.json = 1;
	assert_int_equal(get(&c, "/lots/%lld", lot, &r), 200);
	v = json_loads(r.body, 0, NULL);
	reply_free(&r);
	assert_non_null(v);
	totals = json_object_get(v, "totals");
	assert_int_equal(json_array_size(totals), 2);
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(totals, 0), "bidder")), "Alpha Care");
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(totals, 0), "total")), "88.00");
	assert_true(json_is_true(json_object_get(json_array_get(totals, 0),
	    "complete")));
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(totals, 1), "total")), "52.00");
	json_decref(v);
	c.json = 0;
	assert_int_equal(get(&c, "/lots/%lld/report.pdf", lot, &r), 200);
	{
		char	*text = pdf_text(&srv, &r);

		assert_contains(text, "Evaluation report");
		assert_contains(text, "88.00");
		assert_contains(text, "Clear plan");
		assert_contains(text, "My brother works there");
		assert_contains(text, "Misread the weekend rota");
		/* The audit trail in sentences, not "score.submit 4". */
		assert_contains(text, "left the panel because of a conflict "
		    "of interest");
		assert_contains(text, "Expert by experience submitted "
		    "scores");
		assert_contains(text, "added a bid.");
		assert_lacks(text, "panel.removed");
		assert_lacks(text, "score.submit");
		assert_lacks(text, "lot.bid");
		/* Dates and times in words, and a spread in words. */
		assert_contains(text, "20 November 2026. Present:");
		assert_contains(text, "Scores from 2 to 3");
		assert_false(has_iso_date(text));
		free(text);
	}
	reply_free(&r);
	report_reads_in_welsh(&c);
	client_free(&c);
}

/* Long names in any script, and staff who are also evaluators, open no
 * door: errors are never lost, and a conflict shuts staff out too. */
static void
edge_cases_open_no_doors(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 body[2048], path[96], name[1200];
	long long	 lot2, bid, question, staff;
	size_t		 i;

	(void)state;
	for (name[0] = '\0', i = 0; i < 110; i++)
		strcat(name, "%E2%82%AC");	/* the euro sign, 110 times */
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/procurements/%lld/lots/new", db_scalar(
	    &srv, "SELECT procurement_id FROM lots WHERE id = (SELECT max(id) "
	    "FROM lots)"));
	snprintf(body, sizeof(body), "title=Lot+B&scale_max=1&scale_descriptors="
	    "No%%0AYes&moderator_id=%lld", account("coordinator.fenwick"));
	lot2 = submit_created(&c, path, body, "/lots/");
	snprintf(path, sizeof(path), "/lots/%lld/questions/new", lot2);
	submit_expect(&c, path, "text=Q&weight=100", 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/lots/%lld/bids/new", lot2);
	snprintf(body, sizeof(body), "bidder=%s", name);
	submit_expect(&c, path, body, 303, &r);
	reply_free(&r);
	bid = db_scalar(&srv, "SELECT max(id) FROM bids");
	question = db_scalar(&srv, "SELECT max(id) FROM lot_questions");
	staff = account("staff.evaluator");
	snprintf(path, sizeof(path), "/lots/%lld/panel/new", lot2);
	/* The moderator never sits on the panel. */
	snprintf(body, sizeof(body), "account_id=%lld&kind=other&question_ids="
	    "%lld", account("coordinator.fenwick"), question);
	submit_expect(&c, path, body, 422, &r);
	reply_free(&r);
	snprintf(body, sizeof(body), "account_id=%lld&kind=commissioner&"
	    "question_ids=%lld", staff, question);
	post_expect(&c, path, body, 303, &r);
	reply_free(&r);
	client_free(&c);

	as(&c, "staff.evaluator");
	snprintf(path, sizeof(path), "/lots/%lld/declarations", lot2);
	submit_expect(&c, path, "", 422, &r);	/* no answer: refused */
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM declarations "
	    "WHERE bid_id = (SELECT max(id) FROM bids)"), 0);
	snprintf(body, sizeof(body), "conflict_%lld=no", bid);
	post_expect(&c, path, body, 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/questions/%lld/scores", question);
	submit_expect(&c, path, "action=submit", 422, &r);
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM scores WHERE "
	    "question_id = (SELECT max(id) FROM lot_questions)"), 0);
	/* Staff who declare a conflict lose the lot page and the bids. */
	get_expect(&c, "/lots/%lld", lot2, 200);
	snprintf(path, sizeof(path), "/lots/%lld/declarations", lot2);
	snprintf(body, sizeof(body), "conflict_%lld=yes&details_%lld=Trustee",
	    bid, bid);
	post_expect(&c, path, body, 303, &r);
	reply_free(&r);
	get_expect(&c, "/lots/%lld", lot2, 403);
	get_expect(&c, "/bids/%lld/document", bid, 403);
	get_expect(&c, "/lots/%lld/report.pdf", lot2, 403);
	client_free(&c);
}

static void
other_sites_and_roles_are_refused(void **state)
{
	struct client	 c;

	(void)state;
	as(&c, "coordinator.westvale");
	get_expect(&c, "/lots/%lld", lot, 403);
	get_expect(&c, "/lots/%lld/report.xlsx", lot, 403);
	client_free(&c);
	as(&c, "viewer");
	get_expect(&c, "/lots/%lld", lot, 403);
	get_expect(&c, "/bids/%lld/document", bid_a, 403);
	client_free(&c);
	/* An evaluator off the panel cannot oversee it or read bids. */
	as(&c, "commissioner");
	get_expect(&c, "/lots/%lld", lot, 403);
	get_expect(&c, "/lots/%lld/report.pdf", lot, 403);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(staff_set_up_a_lot),
		cmocka_unit_test(no_bid_before_declaring_and_a_conflict_shuts_the_door),
		cmocka_unit_test(scores_stay_sealed_until_the_last_submission),
		cmocka_unit_test(a_submitted_score_changes_only_with_a_reason),
		cmocka_unit_test(consensus_and_weighted_totals),
		cmocka_unit_test(edge_cases_open_no_doors),
		cmocka_unit_test(other_sites_and_roles_are_refused),
	};

	return cmocka_run_group_tests(tests, procurement_setup,
	    server_teardown);
}
