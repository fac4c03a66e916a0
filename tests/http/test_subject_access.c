/*
 * Subject access: `roundtable person export ID` and the coordinator's page
 * give everything held about one person, from every module that refers
 * to them or their account; each export is audited; a coordinator of
 * another site is refused.
 */
#include <jansson.h>

#define PW	srv.demo_password
#include "http_test.h"

#define PERSON		"1"	/* demo: HMP Fenwick, a member and candidate */
#define MARK_TRAINING	"SAR-accreditation-marker"
#define MARK_SUPERVISION "SAR-supervision-marker"

static int
setup(void **state)
{
	(void)state;
	if (server_start(&srv, NULL) == -1)
		return -1;
	/* Records in more modules: their account (which logged
	 * conversations and claimed expenses in the demo), a training
	 * completion and a supervision. */
	return db_write(&srv,
	    "UPDATE accounts SET person_id = " PERSON
	    " WHERE username = 'rep.fenwick';"
	    "INSERT INTO completions (course_id, person_id, completed_on, "
	    "accreditation, created_by) VALUES (1, " PERSON ", '2026-01-05', '"
	    MARK_TRAINING "', 2);"
	    "INSERT INTO supervisions (person_id, supervisor_id, held_on, "
	    "next_due_on, notes) VALUES (" PERSON ", 2, '2026-02-01', "
	    "'2026-03-01', '" MARK_SUPERVISION "');");
}

/* The rows of one table in the export, by table and column. */
static json_t *
rows_of(json_t *ex, const char *table, const char *column)
{
	json_t	*t;
	size_t	 i;

	json_array_foreach(json_object_get(ex, "tables"), i, t)
		if (strcmp(json_string_value(json_object_get(t, "table")),
		    table) == 0 && strcmp(json_string_value(
		    json_object_get(t, "column")), column) == 0)
			return json_object_get(t, "rows");
	fail_msg("no %s.%s in the export", table, column);
	return NULL;
}

static void
assert_export_complete(const char *text, size_t len)
{
	json_error_t	 err;
	json_t		*ex = json_loadb(text, len, 0, &err), *acc;
	long long	 refs;

	if (ex == NULL)
		fail_msg("not JSON: %s", err.text);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(
	    ex, "person"), "id")), 1);
	assert_true(json_array_size(rows_of(ex, "memberships",
	    "person_id")) >= 1);
	assert_true(json_array_size(rows_of(ex, "candidates",
	    "person_id")) >= 1);
	assert_true(json_array_size(rows_of(ex, "attendance",
	    "person_id")) >= 1);
	assert_true(json_array_size(rows_of(ex, "conversations",
	    "author_id")) >= 1);
	assert_true(json_array_size(rows_of(ex, "expense_claims",
	    "claimant_id")) >= 1);
	assert_int_equal(json_array_size(rows_of(ex, "completions",
	    "person_id")), 1);
	assert_int_equal(json_array_size(rows_of(ex, "supervisions",
	    "person_id")), 1);
	acc = json_array_get(rows_of(ex, "accounts", "person_id"), 0);
	assert_string_equal(json_string_value(json_object_get(acc,
	    "username")), "rep.fenwick");
	assert_null(json_object_get(acc, "password_hash"));
	assert_true(json_array_size(json_object_get(json_object_get(ex,
	    "audit"), "by_them")) >= 1);
	/* Every table that refers to people or accounts is in it. */
	refs = db_scalar(&srv, server_on_pg(&srv) ?
	    "SELECT count(*) FROM pg_constraint c JOIN pg_attribute a ON "
	    "a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) WHERE "
	    "c.contype = 'f' AND CAST(c.confrelid::regclass AS TEXT) IN "
	    "('people', 'accounts')" :
	    "SELECT count(*) FROM sqlite_schema m, "
	    "pragma_foreign_key_list(m.name) f WHERE m.type = 'table' "
	    "AND f.\"table\" IN ('people', 'accounts')");
	assert_true(refs > 20);
	assert_int_equal(json_array_size(json_object_get(ex, "tables")),
	    refs);
	json_decref(ex);
	assert_contains(text, MARK_TRAINING);
	assert_contains(text, MARK_SUPERVISION);
}

static void
coordinator_exports_json_and_pdf_audited(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*text;
	long long	 before;

	(void)state;
	before = db_scalar(&srv, "SELECT count(*) FROM audit WHERE action = "
	    "'person.export' AND entity_id = " PERSON " AND account_id = "
	    "(SELECT id FROM accounts WHERE username = 'coordinator.fenwick')");
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/people/" PERSON "/subject-access",
	    &r), 200);
	assert_contains(r.body, "subject-access.pdf");
	reply_free(&r);
	/* Without a reason: refused, naming the field, nothing audited. */
	assert_int_equal(http_post(&c, "/people/" PERSON
	    "/subject-access.json", "reason=", 1, &r), 422);
	assert_contains(r.body, "Request reference or reason");
	assert_lacks(r.body, MARK_SUPERVISION);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/people/" PERSON
	    "/subject-access.json", "reason=SAR+2026-014", 1, &r), 200);
	assert_export_complete(r.body, r.len);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/people/" PERSON
	    "/subject-access.pdf", "reason=SAR+2026-014", 1, &r), 200);
	assert_true(r.len > 4 && memcmp(r.body, "%PDF", 4) == 0);
	text = pdf_text(&srv, &r);
	assert_non_null(text);
	assert_contains(text, "What Roundtable holds about you");
	assert_contains(text, MARK_SUPERVISION);
	/* Every field under a name the reader reads, dates in words: the
	 * database's own names stay in the JSON. */
	assert_contains(text, "Expense claims");
	assert_contains(text, "Supervision");
	assert_contains(text, "Next due on:");
	assert_contains(text, "1 March 2026");
	assert_contains(text, "Completed on:");
	assert_contains(text, "5 January 2026");
	assert_contains(text, "Person number:");
	assert_contains(text, "Group memberships");
	assert_lacks(text, "2026-03-01");
	assert_lacks(text, "next_due_on");
	assert_lacks(text, "created_at");
	assert_lacks(text, "group_id");
	assert_lacks(text, "expense claims");
	free(text);
	reply_free(&r);
	/* In the reader's language: our words in Welsh, the labels and
	 * the dates too; what the record holds as stored. */
	assert_int_equal(http_post(&c, "/people/" PERSON
	    "/subject-access.pdf?lang=cy", "reason=SAR+2026-014", 1, &r), 200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "Yr hyn sydd gan Roundtable amdanoch chi");
	assert_contains(text, "Eich manylion");
	assert_contains(text, "trywydd archwilio");
	assert_contains(text, MARK_SUPERVISION);
	assert_contains(text, "Goruchwyliaeth");
	assert_contains(text, "Dyddiad nesaf:");
	assert_contains(text, "1 Mawrth 2026");
	assert_contains(text, "Rhif yr unigolyn:");
	assert_lacks(text, "What Roundtable holds about you");
	assert_lacks(text, "Your details");
	assert_lacks(text, "Page 1");
	assert_lacks(text, "Next due on");
	assert_lacks(text, "Person number");
	assert_lacks(text, "2026-03-01");
	free(text);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "action = 'person.export' AND entity_id = " PERSON " AND "
	    "account_id = (SELECT id FROM accounts WHERE username = "
	    "'coordinator.fenwick') AND detail IN ('json: SAR 2026-014', "
	    "'pdf: SAR 2026-014')"), before + 3);
}

static void
other_site_coordinator_refused(void **state)
{
	struct client	 c;
	struct reply	 r;
	long long	 before;

	(void)state;
	before = db_scalar(&srv, "SELECT count(*) FROM audit WHERE action = "
	    "'person.export'");
	as(&c, "coordinator.harbour");
	assert_int_equal(http_get(&c, "/people/" PERSON "/subject-access",
	    &r), 403);
	reply_free(&r);
	/* A form token from a page this coordinator may see. */
	assert_int_equal(http_get(&c, "/account", &r), 200);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/people/" PERSON
	    "/subject-access.json", "reason=x", 1, &r), 403);
	assert_lacks(r.body, MARK_SUPERVISION);
	reply_free(&r);
	assert_int_equal(http_post(&c, "/people/" PERSON
	    "/subject-access.pdf", "reason=x", 1, &r), 403);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "action = 'person.export'"), before);
}

static void
cli_export_audited(void **state)
{
	char		*out = NULL, *text, args[400], welsh[8192];
	FILE		*f;
	size_t		 n;
	long long	 exports;

	(void)state;
	assert_int_equal(roundtable_cli(&srv, "person export " PERSON, NULL,
	    &out), 0);
	/* Output also carries stderr; the JSON starts at the first brace. */
	text = strchr(out, '{');
	assert_non_null(text);
	assert_export_complete(text, strlen(text));
	free(out);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "action = 'person.export' AND account_id IS NULL AND "
	    "detail LIKE 'cli uid %'"), 1);
	snprintf(args, sizeof(args), "person export " PERSON " %s/sar.pdf",
	    srv.dir);
	assert_int_equal(roundtable_cli(&srv, args, NULL, NULL), 0);
	snprintf(args, sizeof(args), "%s/sar.pdf", srv.dir);
	f = fopen(args, "rb");
	assert_non_null(f);
	n = fread(args, 1, 4, f);
	fclose(f);
	assert_int_equal(n, 4);
	assert_memory_equal(args, "%PDF", 4);
	/* For someone who reads Welsh, in large print; a language there is
	 * not is refused, and not audited as an export. */
	snprintf(args, sizeof(args), "person export " PERSON " %s/sar-cy.pdf "
	    "--lang cy --large", srv.dir);
	assert_int_equal(roundtable_cli(&srv, args, NULL, NULL), 0);
	snprintf(args, sizeof(args), "pdftotext '%s/sar-cy.pdf' -", srv.dir);
	assert_non_null(f = popen(args, "r"));
	n = fread(welsh, 1, sizeof(welsh) - 1, f);
	welsh[n] = '\0';
	pclose(f);
	assert_contains(welsh, "Eich manylion");
	assert_lacks(welsh, "Your details");
	exports = db_scalar(&srv, "SELECT count(*) FROM audit WHERE action = "
	    "'person.export'");
	snprintf(args, sizeof(args), "person export " PERSON " %s/sar-xx.pdf "
	    "--lang xx", srv.dir);
	assert_int_equal(roundtable_cli(&srv, args, NULL, &out), 1);
	assert_contains(out, "--lang: no language xx");
	free(out);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM audit WHERE "
	    "action = 'person.export'"), exports);
	assert_int_equal(roundtable_cli(&srv, "person export 99999", NULL,
	    &out), 1);
	assert_contains(out, "no person 99999");
	free(out);
	assert_int_equal(roundtable_cli(&srv, "person export x1", NULL,
	    NULL), 2);
	assert_int_equal(roundtable_cli(&srv, "check", NULL, NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(coordinator_exports_json_and_pdf_audited),
		cmocka_unit_test(other_site_coordinator_refused),
		cmocka_unit_test(cli_export_audited),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
