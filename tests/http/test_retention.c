/*
 * Retention: `roundtable retention` applies the periods of the config.
 * Past their period, a log's text (and its closed follow-up's) is
 * replaced while the log still counts for its issue, supervision notes
 * are blanked, settled expense claims are deleted (open ones kept) and
 * free-text survey answers deleted (choices kept); everything inside
 * its period is untouched, the run is audited, a second run changes
 * nothing, and `roundtable check` passes after.
 */
#include <unistd.h>

#include "http_test.h"

#define OLD_TEXT	"RETAIN-old-log-marker"
#define NEW_TEXT	"RETAIN-new-log-marker"
#define OLD_NOTES	"RETAIN-old-notes"
#define NEW_NOTES	"RETAIN-new-notes"
#define TODAY		"CAST(CURRENT_DATE AS TEXT)"

static int
setup(void **state)
{
	(void)state;
	if (server_start(&srv, "[retention]\nlogs_days = 1095\n"
	    "supervision_notes_days = 730\nexpenses_days = 2192\n"
	    "survey_text_days = 365\n") == -1)
		return -1;
	/* Old and recent records of every kind (ids 800+). */
	return db_write(&srv,
	    "INSERT INTO conversations (id, site_id, author_id, occurred_at, "
	    "channel, raised, consent, outcome, issue_id, entered_by) VALUES "
	    "(800, 1, 3, '2019-01-10T10:00', 'wing_visit', '" OLD_TEXT "', "
	    "'anonymous', 'escalated_outside', 1, 3),"
	    "(801, 1, 3, date('now', '-10 days') || 'T10:00', 'wing_visit', '"
	    NEW_TEXT "', 'anonymous', 'resolved', 1, 3);"
	    "UPDATE conversations SET escalated_to = 'RETAIN-ombudsman' "
	    "WHERE id = 800;"
	    "INSERT INTO followups (id, site_id, conversation_id, action, "
	    "owner_id, due_on, created_by, closed_on, close_note) VALUES "
	    "(800, 1, 800, 'RETAIN-followup', 3, '2019-02-01', 3, "
	    "'2019-02-01', 'RETAIN-closed');"
	    "INSERT INTO supervisions (id, person_id, supervisor_id, held_on, "
	    "next_due_on, notes) VALUES (800, 1, 2, '2020-01-01', "
	    "'2020-02-01', '" OLD_NOTES "'), (801, 1, 2, date('now', "
	    "'-30 days'), date('now', '+1 day'), '" NEW_NOTES "');"
	    "INSERT INTO expense_claims (id, claimant_id, group_id, kind, "
	    "description, amount_pence, incurred_on, state, paid_on, "
	    "created_on) VALUES "
	    "(800, 3, 2, 'travel', 'old paid', 100, '2018-01-01', 'paid', "
	    "'2018-02-01', '2018-01-02'),"
	    "(801, 3, 2, 'travel', 'old open', 100, '2018-01-01', "
	    "'submitted', NULL, '2018-01-02'),"
	    "(802, 3, 2, 'travel', 'recent paid', 100, " TODAY ", 'paid', "
	    TODAY ", " TODAY ");"
	    "INSERT INTO survey_responses (id, survey_id, version_id, channel, "
	    "created_on) VALUES (800, 1, 1, 'link', '2020-05-05'),"
	    "(801, 1, 1, 'link', " TODAY ");"
	    "INSERT INTO survey_answers (response_id, question_id, value) "
	    "VALUES (800, 3, 'RETAIN-old-answer'), (800, 1, 'RETAIN-choice'),"
	    "(801, 3, 'RETAIN-new-answer');");
}

static long long
scalar(const char *sql)
{
	return db_scalar(&srv, sql);
}

static void
periods_applied_collective_kept(void **state)
{
	char		*out = NULL;
	long long	 logs = scalar("SELECT count(*) FROM conversations"),
			 issue_logs = scalar("SELECT count(*) FROM conversations "
			    "WHERE issue_id = 1"),
			 audit = scalar("SELECT count(*) FROM audit");

	(void)state;
	assert_int_equal(roundtable_cli(&srv, "retention", NULL, &out), 0);
	assert_contains(out, "logs: 1");
	assert_contains(out, "expense claims: 1");
	free(out);
	/* Logs: the text is gone, the log still counts for its issue. */
	assert_int_equal(scalar("SELECT count(*) FROM conversations"), logs);
	assert_int_equal(scalar("SELECT count(*) FROM conversations WHERE "
	    "issue_id = 1"), issue_logs);
	assert_int_equal(scalar("SELECT count(*) FROM conversations WHERE "
	    "raised LIKE 'RETAIN-%' OR escalated_to LIKE 'RETAIN-%'"), 1);
	assert_int_equal(scalar("SELECT count(*) FROM conversations WHERE "
	    "id = 801 AND raised = '" NEW_TEXT "'"), 1);
	assert_int_equal(scalar(server_on_pg(&srv) ? "SELECT count(*) FROM "
	    "conversations WHERE search @@ rt_fts_query('\"" OLD_TEXT "\"')" :
	    "SELECT count(*) FROM conversations_fts WHERE conversations_fts "
	    "MATCH '\"" OLD_TEXT "\"'"), 0);
	assert_int_equal(scalar("SELECT count(*) FROM followups WHERE "
	    "action LIKE 'RETAIN-%' OR close_note LIKE 'RETAIN-%'"), 0);
	/* Supervision: old notes blank, the date and recent notes kept. */
	assert_int_equal(scalar("SELECT count(*) FROM supervisions WHERE "
	    "id = 800 AND notes = '' AND held_on = '2020-01-01'"), 1);
	assert_int_equal(scalar("SELECT count(*) FROM supervisions WHERE "
	    "notes = '" NEW_NOTES "'"), 1);
	/* Expenses: the settled old claim gone; open and recent kept. */
	assert_int_equal(scalar("SELECT count(*) FROM expense_claims WHERE "
	    "id = 800"), 0);
	assert_int_equal(scalar("SELECT count(*) FROM expense_claims WHERE "
	    "id IN (801, 802)"), 2);
	/* Surveys: the old free text gone, its choice and new text kept. */
	assert_int_equal(scalar("SELECT count(*) FROM survey_answers WHERE "
	    "value = 'RETAIN-old-answer'"), 0);
	assert_int_equal(scalar("SELECT count(*) FROM survey_answers WHERE "
	    "value IN ('RETAIN-choice', 'RETAIN-new-answer')"), 2);
	/* Audited once; nothing taken from the chain. */
	assert_int_equal(scalar("SELECT count(*) FROM audit"), audit + 1);
	assert_int_equal(scalar("SELECT count(*) FROM audit WHERE action = "
	    "'retention.run' AND detail LIKE '%logs 1%'"), 1);
	assert_int_equal(roundtable_cli(&srv, "check", NULL, NULL), 0);
}

static void
second_run_changes_nothing(void **state)
{
	char	*before = db_fingerprint(srv.db), *after, *out = NULL;

	(void)state;
	assert_int_equal(roundtable_cli(&srv, "retention", NULL, &out), 0);
	assert_contains(out, "logs: 0");
	free(out);
	after = db_fingerprint(srv.db);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

/* With [retention] in_server the server runs it itself, at start. */
static void
server_runs_it_itself(void **state)
{
	FILE	*f;
	int	 polls;

	(void)state;
	assert_int_equal(server_halt(&srv), 0);
	assert_int_equal(db_write(&srv, "INSERT INTO supervisions (id, "
	    "person_id, supervisor_id, held_on, next_due_on, notes) VALUES "
	    "(802, 1, 2, '2019-01-01', '2019-02-01', 'RETAIN-by-server')"), 0);
	f = fopen(srv.config, "a");
	assert_non_null(f);
	fprintf(f, "[retention]\nin_server = 1\n");
	fclose(f);
	assert_int_equal(server_launch(&srv), 0);
	/* A guard against a hang, not a deadline: the run is at start. */
	for (polls = 0; polls < 600 && scalar("SELECT count(*) FROM "
	    "supervisions WHERE notes = 'RETAIN-by-server'") != 0; polls++)
		usleep(100 * 1000);
	assert_int_equal(scalar("SELECT count(*) FROM supervisions WHERE "
	    "id = 802 AND notes = ''"), 1);
	assert_int_equal(scalar("SELECT count(*) FROM audit WHERE action = "
	    "'retention.run' AND detail = 'supervision notes 1'"), 1);
	assert_int_equal(roundtable_cli(&srv, "check", NULL, NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(periods_applied_collective_kept),
		cmocka_unit_test(second_run_changes_nothing),
		cmocka_unit_test(server_runs_it_itself),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
