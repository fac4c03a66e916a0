/*
 * The proposal state machine, every transition legal and illegal; the
 * deadline and escalation arithmetic across month ends and leap years;
 * the response rules; percentiles.
 */
#include "unit.h"
#include "server/paging.h"

#include "proposals/proposals.h"
#include "server/language.h"

/* The transitions the design allows, and nothing else. */
static const struct {
	enum proposal_state	from;
	enum proposal_event	event;
	enum proposal_state	to;
} legal[] = {
	{ PS_DRAFT, PE_AGREE, PS_AGREED },
	{ PS_DRAFT, PE_NOT_AGREE, PS_NOT_AGREED },
	{ PS_AGREED, PE_SUBMIT, PS_SUBMITTED },
	{ PS_SUBMITTED, PE_ACCEPT, PS_ACCEPTED },
	{ PS_SUBMITTED, PE_ACCEPT_IN_PART, PS_ACCEPTED_IN_PART },
	{ PS_SUBMITTED, PE_NOT_ACCEPT, PS_NOT_ACCEPTED },
	{ PS_SUBMITTED, PE_DEFER, PS_DEFERRED },
	{ PS_SUBMITTED, PE_MORE_INFO, PS_MORE_INFO },
	{ PS_SUBMITTED, PE_REFER, PS_SUBMITTED },
	{ PS_DEFERRED, PE_RESUBMIT, PS_SUBMITTED },
	{ PS_MORE_INFO, PE_RESUBMIT, PS_SUBMITTED },
	{ PS_ACCEPTED, PE_COMPLETE, PS_DONE },
	{ PS_ACCEPTED_IN_PART, PE_COMPLETE, PS_DONE },
};

static void
every_transition_is_as_designed(void **state)
{
	size_t	 k;
	int	 s, e, want, checked = 0;

	(void)state;
	for (s = 0; s < PS__MAX; s++)
		for (e = 0; e < PE__MAX; e++) {
			want = -1;
			for (k = 0; k < sizeof(legal) / sizeof(legal[0]); k++)
				if ((int)legal[k].from == s &&
				    (int)legal[k].event == e)
					want = (int)legal[k].to;
			if (proposal_next((enum proposal_state)s,
			    (enum proposal_event)e) != want)
				fail_msg("%s + %s: got %d, want %d",
				    proposal_state_names[s],
				    proposal_event_names[e],
				    proposal_next((enum proposal_state)s,
				    (enum proposal_event)e), want);
			checked++;
		}
	assert_int_equal(checked, PS__MAX * PE__MAX);
	/* Out of range is refused, not read past the table. */
	assert_int_equal(proposal_next(PS__MAX, PE_AGREE), -1);
	assert_int_equal(proposal_next(PS_DRAFT, PE__MAX), -1);
	assert_int_equal(proposal_next((enum proposal_state)-1, PE_AGREE), -1);
}

static void
ended_states_stay_ended(void **state)
{
	static const enum proposal_state ended[] = { PS_NOT_AGREED,
	    PS_NOT_ACCEPTED, PS_DONE };
	size_t	 i;
	int	 e;

	(void)state;
	for (i = 0; i < sizeof(ended) / sizeof(ended[0]); i++)
		for (e = 0; e < PE__MAX; e++)
			assert_int_equal(proposal_next(ended[i],
			    (enum proposal_event)e), -1);
}

static void
names_round_trip(void **state)
{
	int	 s;

	(void)state;
	for (s = 0; s < PS__MAX; s++)
		assert_int_equal(proposal_state_parse(proposal_state_names[s]), s);
	assert_int_equal(proposal_state_parse("approved"), -1);
	assert_int_equal(proposal_state_parse(NULL), -1);
	assert_int_equal(proposal_response_event("accepted"), PE_ACCEPT);
	assert_int_equal(proposal_response_event("referred"), PE_REFER);
	assert_int_equal(proposal_response_event("maybe"), -1);
}

static void
deadlines_cross_month_ends_and_leap_years(void **state)
{
	static const struct {
		const char	*from;
		int		 days;
		const char	*due;
	} cases[] = {
		{ "2026-01-31", 28, "2026-02-28" },
		{ "2024-01-31", 28, "2024-02-28" },
		{ "2024-02-01", 28, "2024-02-29" },
		{ "2023-02-01", 28, "2023-03-01" },
		{ "2100-02-01", 28, "2100-03-01" },	/* not a leap year */
		{ "2000-02-01", 28, "2000-02-29" },	/* a leap year */
		{ "2026-12-20", 28, "2027-01-17" },
		{ "2026-03-28", 1, "2026-03-29" },	/* a DST weekend */
		{ "2026-10-24", 7, "2026-10-31" },
	};
	char	 due[DATE_CHARS + 1];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		proposal_due(cases[i].from, cases[i].days, due);
		assert_string_equal(due, cases[i].due);
		assert_int_equal(date_diff_days(cases[i].from, due),
		    cases[i].days);
	}
}

static void
escalation_rises_each_week(void **state)
{
	(void)state;
	assert_int_equal(proposal_escalation("2026-03-01", "2026-02-28"), 0);
	assert_int_equal(proposal_escalation("2026-03-01", "2026-03-01"), 0);
	assert_int_equal(proposal_escalation("2026-03-01", "2026-03-02"), 1);
	assert_int_equal(proposal_escalation("2026-03-01", "2026-03-08"), 1);
	assert_int_equal(proposal_escalation("2026-03-01", "2026-03-09"), 2);
	assert_int_equal(proposal_escalation("2024-02-28", "2024-03-07"), 2);
	assert_int_equal(proposal_escalation("2023-02-28", "2023-03-07"), 1);
	assert_int_equal(proposal_escalation(NULL, "2026-03-09"), 0);
}

/* A deferral is due again on the day it ends, and can then be answered;
 * before that it waits, and no other state changes with the date. */
static void
a_deferral_that_runs_out_is_due_again(void **state)
{
	(void)state;
	assert_int_equal(proposal_state_on(PS_DEFERRED, "2026-03-01",
	    "2026-02-28"), PS_DEFERRED);
	assert_int_equal(proposal_state_on(PS_DEFERRED, "2026-03-01",
	    "2026-03-01"), PS_SUBMITTED);
	assert_int_equal(proposal_state_on(PS_DEFERRED, "2026-03-01",
	    "2026-05-30"), PS_SUBMITTED);
	assert_int_equal(proposal_state_on(PS_DEFERRED, NULL, "2026-05-30"),
	    PS_DEFERRED);
	assert_int_equal(proposal_state_on(PS_MORE_INFO, "2026-03-01",
	    "2026-05-30"), PS_MORE_INFO);
	assert_int_equal(proposal_next(proposal_state_on(PS_DEFERRED,
	    "2026-03-01", "2026-03-02"), PE_ACCEPT), PS_ACCEPTED);
	assert_string_equal(proposal_state_label_on(PS_DEFERRED, "2026-03-01",
	    "2026-02-28"), "Deferred");
	assert_string_not_equal(proposal_state_label_on(PS_DEFERRED,
	    "2026-03-01", "2026-03-02"), "Deferred");
}

static void
a_reason_is_needed_for_all_but_accepted(void **state)
{
	static const char *kinds[] = { "accepted_in_part", "not_accepted",
	    "deferred", "more_info", "referred" };
	json_t	*v, *errors;
	size_t	 i;

	(void)state;
	v = json_pack("{s:s}", "kind", "accepted");
	errors = json_array();
	proposal_response_rules(v, "2026-11-25", errors);
	assert_int_equal(json_array_size(errors), 0);
	json_decref(v);
	json_decref(errors);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		v = json_pack("{s:s}", "kind", kinds[i]);
		errors = json_array();
		proposal_response_rules(v, "2026-11-25", errors);
		assert_true(json_array_size(errors) >= 1);
		assert_string_equal(json_string_value(json_object_get(
		    json_array_get(errors, 0), "field")), "reason");
		json_decref(v);
		json_decref(errors);
	}
	/* Deferring needs a date after today; referring needs someone. */
	v = json_pack("{s:s, s:s, s:s}", "kind", "deferred", "reason", "Budget",
	    "deferred_until", "2026-11-25");
	errors = json_array();
	proposal_response_rules(v, "2026-11-25", errors);
	assert_int_equal(json_array_size(errors), 1);
	json_decref(v);
	json_decref(errors);
	v = json_pack("{s:s, s:s, s:s}", "kind", "deferred", "reason", "Budget",
	    "deferred_until", "2027-04-01");
	errors = json_array();
	proposal_response_rules(v, "2026-11-25", errors);
	assert_int_equal(json_array_size(errors), 0);
	json_decref(v);
	json_decref(errors);
	v = json_pack("{s:s, s:s}", "kind", "referred", "reason", "Not mine");
	errors = json_array();
	proposal_response_rules(v, "2026-11-25", errors);
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(errors, 0), "field")), "referred_to");
	json_decref(v);
	json_decref(errors);
}

static void
percentiles_use_the_nearest_rank(void **state)
{
	static const int64_t ten[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
	static const int64_t one[] = { 42 };
	json_t	*rows, *summary;

	(void)state;
	assert_int_equal(percentile(ten, 10, 50), 5);
	assert_int_equal(percentile(ten, 10, 90), 9);
	assert_int_equal(percentile(ten, 10, 100), 10);
	assert_int_equal(percentile(one, 1, 90), 42);
	assert_int_equal(percentile(NULL, 0, 50), 0);
	rows = json_pack("[{s:i, s:i}, {s:i, s:i}, {s:i, s:i}, {s:i, s:i}]",
	    "d", 30, "ok", 0, "d", 10, "ok", 1, "d", 20, "ok", 1, "d", 5,
	    "ok", 1);
	summary = timeliness_summary(rows, "d", "ok");
	assert_int_equal(json_integer_value(json_object_get(summary, "count")), 4);
	assert_int_equal(json_integer_value(json_object_get(summary, "median")),
	    10);
	assert_int_equal(json_integer_value(json_object_get(summary, "p90")), 30);
	assert_int_equal(json_integer_value(json_object_get(summary,
	    "on_time_percent")), 75);
	json_decref(summary);
	json_decref(rows);
}

/* The outcome's sentence in English, as the JSON gives it. */
static char *
outcome_sentence(json_t *row)
{
	assert_int_equal(outcome_words_set(row), 0);
	return strdup(json_string_value(json_object_get(row, "we_did")));
}

/* The outcome reads as one sentence: no "Done. We did:", a reason that
 * follows "because" starts in lower case (acronyms and "I" kept), an
 * accepted outcome keeps its reason. */
static void
outcomes_read_as_sentences(void **state)
{
	json_t	*row;
	char	*s;

	(void)state;
	row = json_pack("{s:s, s:s}", "state", "not_accepted", "reason",
	    "Every wing has a kettle already");
	s = outcome_sentence(row);
	assert_string_equal(s, "We could not, because every wing has a kettle "
	    "already.");
	free(s);
	json_object_set_new(row, "reason", json_string("NHS rules forbid it."));
	s = outcome_sentence(row);
	assert_string_equal(s, "We could not, because NHS rules forbid it.");
	free(s);
	json_object_set_new(row, "reason", json_string("I cannot fund it"));
	s = outcome_sentence(row);
	assert_string_equal(s, "We could not, because I cannot fund it.");
	free(s);
	json_decref(row);

	row = json_pack("{s:s, s:s, s:s}", "state", "done", "reason",
	    "Benches help older men", "actions_listed",
	    "done Fit four benches" LIST_APART "60 Paint the room");
	s = outcome_sentence(row);
	assert_string_equal(s, "Done. Benches help older men. Actions: Fit four "
	    "benches: done; Paint the room (60% done).");
	assert_null(strstr(s, "We did"));
	free(s);
	/* In Welsh the page's words are Welsh; the JSON's stay English. */
	json_object_set_new(row, "actions_listed", json_string("done Fit four "
	    "benches" LIST_APART "60 Paint the room"));
	assert_int_equal(languages_load(), 0);
	assert_int_equal(outcome_words_in(row, language_words(
	    language_find("cy"))), 0);
	assert_string_equal(json_string_value(json_object_get(row, "doing")),
	    "Fit four benches: wedi'i wneud; Paint the room (60% wedi'i "
	    "wneud)");
	assert_string_equal(json_string_value(json_object_get(row,
	    "actions_text")), "Fit four benches: done; Paint the room (60% done)");
	assert_null(json_object_get(row, "actions_listed"));
	json_object_set_new(row, "state", json_string("accepted"));
	json_object_del(row, "doing");
	json_object_del(row, "actions_text");
	s = outcome_sentence(row);
	assert_string_equal(s, "Accepted. Benches help older men.");
	free(s);
	json_object_set_new(row, "state", json_string("deferred"));
	json_object_set_new(row, "deferred_until", json_string("2027-01-10"));
	json_object_set_new(row, "reason", json_string("The budget is set in "
	    "January"));
	s = outcome_sentence(row);
	assert_string_equal(s, "Put off until 10 January 2027, because the budget is "
	    "set in January.");
	free(s);
	json_decref(row);
}

/* "Sent" is when the group first sent it, not the resubmission. */
static void
outcomes_show_the_first_date_sent(void **state)
{
	struct db	 db;
	char		 path[UNIT_PATH_MAX];
	json_t		*rows, *row;

	(void)state;
	assert_int_equal(unit_db_open(&db, path), 0);
	assert_int_equal(db_exec_script(&db,
	    "INSERT INTO sites (id, name, kind) VALUES (1, 'HMP A', 'prison');"
	    "INSERT INTO groups (id, site_id, name, kind) VALUES (1, 1, 'F', "
	    "'forum');"
	    "INSERT INTO accounts (id, username, display_name, password_hash) "
	    "VALUES (1, 'u', 'U', 'x');"
	    "INSERT INTO proposals (id, group_id, title, problem, state, "
	    "submitted_on, due_on, created_by) VALUES (1, 1, 'T', 'P', "
	    "'submitted', '2026-10-20', '2026-11-17', 1);"
	    "INSERT INTO proposal_events (proposal_id, on_date, event, state) "
	    "VALUES (1, '2026-09-01', 'submit', 'submitted'), "
	    "(1, '2026-09-20', 'more_info', 'more_info'), "
	    "(1, '2026-10-20', 'resubmit', 'submitted');"), DB_OK);
	{
		/* The first page, as a fresh request reads it. */
		struct paging	 pg = { 0, (char *)"", 25, NULL };

		rows = outcomes_list(&db, 1, 0, &pg);
	}
	assert_int_equal(json_array_size(rows), 1);
	row = json_array_get(rows, 0);
	assert_string_equal(json_string_value(json_object_get(row,
	    "first_sent_on")), "2026-09-01");
	assert_string_equal(json_string_value(json_object_get(row,
	    "submitted_on")), "2026-10-20");
	json_decref(rows);
	unit_db_close(&db, path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_transition_is_as_designed),
		cmocka_unit_test(ended_states_stay_ended),
		cmocka_unit_test(names_round_trip),
		cmocka_unit_test(deadlines_cross_month_ends_and_leap_years),
		cmocka_unit_test(escalation_rises_each_week),
		cmocka_unit_test(a_deferral_that_runs_out_is_due_again),
		cmocka_unit_test(a_reason_is_needed_for_all_but_accepted),
		cmocka_unit_test(percentiles_use_the_nearest_rank),
		cmocka_unit_test(outcomes_read_as_sentences),
		cmocka_unit_test(outcomes_show_the_first_date_sent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
