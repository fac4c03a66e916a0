/*
 * Expenses through HTTP, from claim to paid, with the finance export as
 * CSV (formulas neutralised) and XLSX (a real workbook: unzipped and its
 * sheet read); a claim that looks like one made before needs confirming,
 * and a claim may name the meeting it was for.
 */
#include "membership_test.h"

/* A whole 1 by 1 PNG: receipts must open as pictures. */
static const unsigned char png[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
	0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
	0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
	0x0b, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x00, 0x02, 0x00,
	0x00, 0x05, 0x00, 0x01, 0x7a, 0x5e, 0xab, 0x3f, 0x00, 0x00, 0x00, 0x00,
	0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* Claims as the signed-in user; returns the new claim's id, or 0 after
 * checking a refusal's page holds want_error. */
static long long
claim(struct client *c, const char *amount, const char *filename,
    const void *data, size_t len, long want, const char *want_error)
{
	char		 group[32];
	const char	*fields[] = { "group_id", group, "kind", "travel",
	    "description", "=HYPERLINK(\"http://x.example\",\"Bus\")",
	    "amount", amount, "incurred_on", today, NULL };
	struct reply	 r;
	long long	 id = 0;

	snprintf(group, sizeof(group), "%lld", rep_team());
	http_get(c, "/expenses/new", &r);
	reply_free(&r);
	if (http_post_files(c, "/expenses/new", fields, "receipt", filename,
	    data, len, &r) != want)
		print_error("claim: %ld\n%.1200s\n", r.status, r.body);
	assert_int_equal(r.status, want);
	if (want == 303)
		id = strtoll(r.location + strlen("/expenses/"), NULL, 10);
	else
		assert_contains(r.body, want_error);
	reply_free(&r);
	return id;
}

/* The first file in the workbook's zip as unzip reads it: malloc'd. */
static char *
xlsx_sheet(const struct reply *r)
{
	char	 path[400], cmd[512];
	FILE	*f;
	char	*out;
	size_t	 n;

	snprintf(path, sizeof(path), "%s/export.xlsx", srv.dir);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(r->body, 1, r->len, f), r->len);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "unzip -p '%s' xl/worksheets/sheet1.xml",
	    path);
	assert_non_null(f = popen(cmd, "r"));
	out = calloc(1, 1 << 20);
	n = fread(out, 1, (1 << 20) - 1, f);
	assert_int_equal(pclose(f), 0);
	assert_true(n > 0);
	return out;
}

static void
expenses_go_from_claim_to_paid_and_export(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 path[64], *sheet, *unchanged, want[96];
	long long	 id, before, total;

	(void)state;
	as(&c, "rep.fenwick");
	before = scalar("SELECT count(*) FROM expense_claims");
	claim(&c, "12.505", "bus.png", png, sizeof(png), 422,
	    "href=\"#amount\"");
	claim(&c, "12.50", "bus.png", "<html>", 6, 422, "href=\"#receipt\"");
	/* A receipt must open as what it says, not only start like it. */
	claim(&c, "12.50", "bus.pdf", "%PDF-1.4\n\x8f\x13garbage", 19, 422,
	    "href=\"#receipt\"");
	claim(&c, "12.50", "bus.png", "\211PNG\r\n\032\n0000", 12, 422,
	    "href=\"#receipt\"");
	claim(&c, "0", NULL, NULL, 0, 422, "href=\"#amount\"");
	assert_int_equal(scalar("SELECT count(*) FROM expense_claims"), before);
	id = claim(&c, "12.50", "bus.png", png, sizeof(png), 303, NULL);
	assert_int_equal(scalar("SELECT amount_pence FROM expense_claims "
	    "WHERE id = %lld", id), 1250);
	snprintf(path, sizeof(path), "/expenses/%lld/receipt", id);
	get_expect(&c, path, 200, &r);
	assert_string_equal(r.content_type, "image/png");
	reply_free(&r);
	get_expect(&c, "/expenses", 200, &r);
	assert_contains(r.body, "£12.50");
	assert_contains(r.body, "Waiting for a decision");
	assert_lacks(r.body, ": submitted<");
	reply_free(&r);
	get_expect(&c, "/expenses.csv", 403, &r);
	reply_free(&r);
	client_free(&c);

	/* Someone else's claim: not theirs to see, in a page or a list. */
	as(&c, "member.forum");
	snprintf(path, sizeof(path), "/expenses/%lld", id);
	get_expect(&c, path, 403, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/expenses/%lld/receipt", id);
	get_expect(&c, path, 403, &r);
	reply_free(&r);
	c.json = 1;
	get_expect(&c, "/expenses", 200, &r);
	assert_lacks(r.body, "HYPERLINK");
	assert_lacks(r.body, "Lunch on the training day");
	reply_free(&r);
	client_free(&c);

	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/expenses/%lld/paid", id);
	post_expect(&c, path, "", 409, &r);	/* not approved yet */
	reply_free(&r);
	snprintf(path, sizeof(path), "/expenses/%lld/decide", id);
	form_refused(&c, path, "decision=rejected", "reason");
	form_saved(&c, path, "decision=approved");
	submit_expect(&c, path, "decision=rejected&reason=Late", 422, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/expenses/%lld/paid", id);
	post_expect(&c, path, "", 303, &r);
	reply_free(&r);
	post_expect(&c, path, "", 409, &r);
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM expense_claims WHERE "
	    "id = %lld AND state = 'paid' AND paid_on IS NOT NULL", id), 1);

	get_expect(&c, "/expenses.csv", 200, &r);
	assert_contains(r.body, "\"Claim\",\"Claimant\"");
	assert_contains(r.body, "\"'=HYPERLINK(\"\"http://x.example\"\"");
	assert_contains(r.body, "\"12.50\"");
	assert_contains(r.body, "\"6.40\"");		/* the demo's approved */
	assert_lacks(r.body, "\"=HYPERLINK");
	assert_lacks(r.body, "Train to the regional council");	/* Westvale */
	assert_lacks(r.body, "Lunch on the training day");	/* undecided */
	/* Kinds and states in words, and a total row to check against. */
	assert_contains(r.body, ",\"Travel\",");
	assert_lacks(r.body, ",\"travel\",");
	assert_contains(r.body, ",\"Paid\",");
	assert_lacks(r.body, ",\"paid\",");
	total = scalar("SELECT sum(e.amount_pence) FROM expense_claims e JOIN "
	    "groups g ON g.id = e.group_id WHERE e.state IN ('approved', "
	    "'paid') AND g.site_id = %lld", 1);
	snprintf(want, sizeof(want), "\"Total\",\"\",\"\",\"\",\"\",\"\","
	    "\"%lld.%02lld\"", total / 100, total % 100);
	assert_contains(r.body, want);
	reply_free(&r);

	get_expect(&c, "/expenses.xlsx", 200, &r);
	assert_true(r.len > 4 && memcmp(r.body, "PK", 2) == 0);
	sheet = xlsx_sheet(&r);
	assert_contains(sheet, "<c r=\"A1\"");
	assert_contains(sheet, "<t>Claimant</t>");
	assert_contains(sheet, "<v>12.5</v>");
	assert_contains(sheet, "<t>=HYPERLINK(");
	assert_contains(sheet, "x.example");
	assert_lacks(sheet, "<f>");		/* text, never a formula */
	assert_lacks(sheet, "Train to the regional council");
	assert_contains(sheet, "<t>Travel</t>");
	assert_contains(sheet, "<t>Total</t>");
	free(sheet);
	reply_free(&r);

	/* In Welsh: the headers, kinds, states and total in it; what
	 * claimants wrote as written. */
	get_expect(&c, "/expenses.csv?lang=cy", 200, &r);
	assert_contains(r.body, "\"Hawliad\",\"Hawlydd\"");
	assert_contains(r.body, "\"Swm (GBP)\"");
	assert_contains(r.body, ",\"Teithio\",");
	assert_contains(r.body, "\"Cyfanswm\",\"\"");
	assert_contains(r.body, "\"'=HYPERLINK(\"\"http://x.example\"\"");
	assert_lacks(r.body, "\"Claimant\"");
	assert_lacks(r.body, ",\"Travel\",");
	assert_lacks(r.body, "\"Total\"");
	reply_free(&r);
	get_expect(&c, "/expenses.xlsx?lang=cy", 200, &r);
	sheet = xlsx_sheet(&r);
	assert_contains(sheet, "<t>Hawlydd</t>");
	assert_contains(sheet, "<t>Cyfanswm</t>");
	assert_lacks(sheet, "<t>Claimant</t>");
	assert_lacks(sheet, "<t>Total</t>");
	free(sheet);
	/* The sheet's name too. */
	sheet = xlsx_text(&srv, &r);
	assert_contains(sheet, "<sheet name=\"Treuliau\"");
	assert_lacks(sheet, "<sheet name=\"Expenses\"");
	free(sheet);
	reply_free(&r);
	get_expect(&c, "/expenses.csv?lang=en", 200, &r);
	assert_contains(r.body, "\"Claim\",\"Claimant\"");
	reply_free(&r);
	client_free(&c);

	/* Nobody decides their own claim. */
	as(&c, "coordinator.westvale");
	id = scalar("SELECT e.id FROM expense_claims e JOIN accounts a ON "
	    "a.id = e.claimant_id WHERE a.username = 'coordinator.westvale'");
	snprintf(path, sizeof(path), "/expenses/%lld/decide", id);
	submit_expect(&c, path, "decision=approved", 422, &r);
	assert_contains(r.body, "Someone else must decide");
	reply_free(&r);
	client_free(&c);

	/* Nor marks their own approved claim paid: a coordinator's claim,
	 * approved by another member of staff at the site. */
	as(&c, "coordinator.fenwick");
	id = claim(&c, "3.20", "bus.png", png, sizeof(png), 303, NULL);
	client_free(&c);
	as(&c, "admin.fenwick");
	snprintf(path, sizeof(path), "/expenses/%lld/decide", id);
	form_saved(&c, path, "decision=approved");
	client_free(&c);
	as(&c, "coordinator.fenwick");
	snprintf(path, sizeof(path), "/expenses/%lld", id);
	get_expect(&c, path, 200, &r);
	assert_lacks(r.body, "Mark paid");
	reply_free(&r);
	snprintf(path, sizeof(path), "/expenses/%lld/paid", id);
	unchanged = db_fingerprint(srv.db);
	post_expect(&c, path, "", 403, &r);
	assert_contains(r.body, "Someone else must mark your own claim paid");
	reply_free(&r);
	assert_unchanged(unchanged);
	client_free(&c);
	as(&c, "admin.fenwick");
	post_expect(&c, path, "", 303, &r);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(scalar("SELECT count(*) FROM expense_claims WHERE "
	    "id = %lld AND state = 'paid'", id), 1);
}

/* The same person, date, kind and amount twice is most often the same
 * bus fare claimed twice: the second is held back until its claimant
 * confirms it is a separate journey. */
static void
a_duplicate_claim_needs_confirming(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 group[32];
	const char	*fields[] = { "group_id", group, "kind", "travel",
	    "description", "Bus to the forum", "amount", "7.77",
	    "incurred_on", today, NULL, NULL, NULL };
	long long	 before;

	(void)state;
	snprintf(group, sizeof(group), "%lld", rep_team());
	as(&c, "rep.fenwick");
	assert_int_equal(http_post_files(&c, "/expenses/new", fields,
	    "receipt", NULL, NULL, 0, &r), 303);
	reply_free(&r);
	before = scalar("SELECT count(*) FROM expense_claims WHERE "
	    "amount_pence = %lld", 777);
	assert_int_equal(http_post_files(&c, "/expenses/new", fields,
	    "receipt", NULL, NULL, 0, &r), 422);
	assert_contains(r.body, "href=\"#confirm_duplicate\"");
	assert_contains(r.body, "You have already claimed £7.77 (Travel) on");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM expense_claims WHERE "
	    "amount_pence = %lld", 777), before);
	fields[10] = "confirm_duplicate";
	fields[11] = "1";
	assert_int_equal(http_post_files(&c, "/expenses/new", fields,
	    "receipt", NULL, NULL, 0, &r), 303);
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM expense_claims WHERE "
	    "amount_pence = %lld", 777), before + 1);
	client_free(&c);
}

/* A claim may name the meeting it was for, one of its group's; a
 * meeting of another group is refused, naming the field. */
static void
a_claim_names_the_meeting_attended(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		 group[32], meeting[32], path[64];
	const char	*fields[] = { "group_id", group, "kind", "travel",
	    "description", "Bus to the meeting", "amount", "4.44",
	    "incurred_on", today, "meeting_id", meeting, NULL };
	long long	 own, other, id, before;

	(void)state;
	own = scalar("SELECT max(m.id) FROM meetings m JOIN groups g ON g.id = "
	    "m.group_id WHERE g.site_id = %lld AND m.held_on <= "
	    "CAST(CURRENT_DATE AS TEXT)", 1);
	other = scalar("SELECT max(m.id) FROM meetings m JOIN groups g ON g.id "
	    "= m.group_id WHERE g.site_id = %lld", 3);
	assert_true(own > 0 && other > 0);
	snprintf(group, sizeof(group), "%lld", scalar("SELECT group_id FROM "
	    "meetings WHERE id = %lld", own));
	as(&c, "rep.fenwick");
	get_expect(&c, "/expenses/new", 200, &r);
	assert_contains(r.body, "name=\"meeting_id\"");
	reply_free(&r);
	before = scalar("SELECT count(*) FROM expense_claims WHERE "
	    "amount_pence = %lld", 444);
	snprintf(meeting, sizeof(meeting), "%lld", other);
	assert_int_equal(http_post_files(&c, "/expenses/new", fields,
	    "receipt", NULL, NULL, 0, &r), 422);
	assert_contains(r.body, "href=\"#meeting_id\"");
	reply_free(&r);
	assert_int_equal(scalar("SELECT count(*) FROM expense_claims WHERE "
	    "amount_pence = %lld", 444), before);
	snprintf(meeting, sizeof(meeting), "%lld", own);
	assert_int_equal(http_post_files(&c, "/expenses/new", fields,
	    "receipt", NULL, NULL, 0, &r), 303);
	id = strtoll(r.location + strlen("/expenses/"), NULL, 10);
	reply_free(&r);
	assert_int_equal(scalar("SELECT meeting_id FROM expense_claims WHERE "
	    "id = %lld", id), own);
	snprintf(path, sizeof(path), "/expenses/%lld", id);
	get_expect(&c, path, 200, &r);
	assert_contains(r.body, "Meeting");
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(expenses_go_from_claim_to_paid_and_export),
		cmocka_unit_test(a_duplicate_claim_needs_confirming),
		cmocka_unit_test(a_claim_names_the_meeting_attended),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
