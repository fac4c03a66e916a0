/*
 * Procurement panels, end to end: staff set up a lot; evaluators declare
 * connections before they can see a bid; a declared conflict shuts an
 * evaluator out at once, even from a bid already opened, and a reserve
 * takes the seat; scores stay sealed from every role and through every
 * door (pages, JSON, an API token, search, the PDF and XLSX reports)
 * until the last evaluator submits; submitted scores change only with a
 * reason; the moderator records the consensus and the weighted totals
 * follow.
 */
#include <ctype.h>
#include <jansson.h>
#include <unistd.h>

#define PW	"procurement-test-pw"
#include "http_test.h"
#include "papers.h"

/* Justifications that must not be seen before the seal opens. */
#define SECRET_SUBMITTED "Zebra-justification-submitted"
#define SECRET_DRAFT	"Zebra-justification-draft"

static long long lot, q1, q2, bid_a, bid_b;

static int
setup(void **state)
{
	static const char *const users[] = { "coordinator.fenwick",
	    "evaluator", "gp.evaluator", "commissioner", "reserve.evaluator",
	    "coordinator.westvale", "viewer", "governor.fenwick", "rep.fenwick",
	    "member.forum", NULL };

	(void)state;
	if (server_prepare(&srv, NULL) == -1 ||
	    server_passwords(&srv, users, PW) == -1)
		return -1;
	/* A site administrator of Fenwick, who is not on the panel, and a
	 * coordinator who also holds an evaluator grant. */
	if (roundtable_cli(&srv, "user add admin.fenwick --role admin --scope "
	    "site:1 --password-stdin", PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user add staff.evaluator --role coordinator "
	    "--scope site:1 --password-stdin", PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user grant staff.evaluator --role evaluator "
	    "--scope site:1", NULL, NULL) != 0 ||
	    roundtable_cli(&srv, "user add moderator.only --role evaluator "
	    "--scope site:1 --password-stdin", PW "\n", NULL) != 0)
		return -1;
	/* For a regional procurement: a coordinator for the whole
	 * organisation (the region) and experts from two of its sites. */
	if (roundtable_cli(&srv, "user add regional.coordinator --role "
	    "coordinator --password-stdin", PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user add expert.fenwick --role evaluator "
	    "--scope site:1 --password-stdin", PW "\n", NULL) != 0 ||
	    roundtable_cli(&srv, "user add expert.westvale --role evaluator "
	    "--scope site:3 --password-stdin", PW "\n", NULL) != 0)
		return -1;
	return server_launch(&srv);
}

static long long
account(const char *username)
{
	char	 sql[160];

	snprintf(sql, sizeof(sql), "SELECT id FROM accounts WHERE username = "
	    "'%s'", username);
	return db_scalar(&srv, sql);
}

static long long
member_of(const char *username)
{
	char	 sql[200];

	snprintf(sql, sizeof(sql), "SELECT id FROM panel_members WHERE "
	    "lot_id = %lld AND account_id = %lld", lot, account(username));
	return db_scalar(&srv, sql);
}

static long
get(struct client *c, const char *fmt, long long id, struct reply *r)
{
	char	 path[128];

	snprintf(path, sizeof(path), fmt, id);
	return http_get(c, path, r);
}

/* GETs and asserts the status, freeing the reply. */
static void
get_expect(struct client *c, const char *fmt, long long id, long want)
{
	struct reply	 r;
	long		 got = get(c, fmt, id, &r);

	if (got != want)
		print_error("GET %s (%lld): %ld\n%.800s\n", fmt, id, got, r.body);
	assert_int_equal(got, want);
	reply_free(&r);
}

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

static void
declare(const char *user, const char *answers, long want)
{
	struct client	 c;
	struct reply	 r;
	char		 path[96];

	as(&c, user);
	snprintf(path, sizeof(path), "/lots/%lld/declarations", lot);
	submit_expect(&c, path, answers, want, &r);
	reply_free(&r);
	client_free(&c);
}

/* The moderator (c) seats the reserve in place of a removed member;
 * path receives the replace page's path. */
static void
replace_with_reserve(struct client *c, const char *removed, char *path,
    size_t size)
{
	struct reply	 r;
	char		 body[64];

	snprintf(path, size, "/panel-members/%lld/replace",
	    member_of(removed));
	snprintf(body, sizeof(body), "account_id=%lld",
	    account("reserve.evaluator"));
	submit_expect(c, path, body, 303, &r);
	reply_free(&r);
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
	assert_contains(r.body, "declared a conflict and left the panel");
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

/* Saves (or submits) one evaluator's scores for a question. */
static void
score(const char *user, long long question, int a, int b, const char *why,
    const char *action, long want)
{
	struct client	 c;
	struct reply	 r;
	char		 body[512], path[96];

	as(&c, user);
	snprintf(path, sizeof(path), "/questions/%lld/scores", question);
	/* An empty why leaves both justifications empty. */
	snprintf(body, sizeof(body), "score_%lld=%d&justification_%lld=%s%s"
	    "&score_%lld=%d&justification_%lld=%s%s&action=%s", bid_a, a,
	    bid_a, why, *why ? "+for+A" : "", bid_b, b, bid_b, why,
	    *why ? "+for+B" : "", action);
	submit_expect(&c, path, body, want, &r);
	reply_free(&r);
	client_free(&c);
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
	assert_contains(text, "fel Arbenigwr drwy brofiad");
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
		cmocka_unit_test(staff_set_up_a_lot),
		cmocka_unit_test(no_bid_before_declaring_and_a_conflict_shuts_the_door),
		cmocka_unit_test(scores_stay_sealed_until_the_last_submission),
		cmocka_unit_test(a_submitted_score_changes_only_with_a_reason),
		cmocka_unit_test(consensus_and_weighted_totals),
		cmocka_unit_test(edge_cases_open_no_doors),
		cmocka_unit_test(the_seal_stays_shut_until_the_panel_is_whole),
		cmocka_unit_test(other_sites_and_roles_are_refused),
		cmocka_unit_test(a_moderator_who_only_evaluates_finds_their_lots),
		cmocka_unit_test(
		    a_new_lots_default_scale_reads_in_each_readers_language),
		cmocka_unit_test(a_regional_procurement_is_run_by_regional_staff),
		cmocka_unit_test(the_procurement_list_comes_a_page_at_a_time),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
