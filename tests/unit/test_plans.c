/*
 * The pure rules of personal plans: who reads a plan, the checklist a
 * referral follows, a referral's stage, and a wish's answer.
 */
#include "unit.h"
#include "plans/plans.h"
#include "util/date.h"

static void
reader_rule_person_first_declared_never(void **state)
{
	struct plan_facts	 f;

	(void)state;
	memset(&f, 0, sizeof(f));
	assert_int_equal(plan_reader_rule(&f), PLAN_NOBODY);
	f.coordinator = 1;
	assert_int_equal(plan_reader_rule(&f), PLAN_COORDINATOR);
	f.is_worker = 1;
	assert_int_equal(plan_reader_rule(&f), PLAN_WORKER);
	/* A treating relationship shuts the plan, whatever else they are. */
	f.declared = 1;
	assert_int_equal(plan_reader_rule(&f), PLAN_NOBODY);
	f.is_person = 1;
	assert_int_equal(plan_reader_rule(&f), PLAN_PERSON);
}

static void
checklist_is_the_procedure_line_by_line(void **state)
{
	json_t	*steps;

	(void)state;
	steps = referral_checklist("  Ask consent \r\n\n\tSend the form\n"
	    "Phone the duty worker");
	assert_int_equal(json_array_size(steps), 3);
	assert_string_equal(json_string_value(json_array_get(steps, 0)),
	    "Ask consent");
	assert_string_equal(json_string_value(json_array_get(steps, 1)),
	    "Send the form");
	assert_string_equal(json_string_value(json_array_get(steps, 2)),
	    "Phone the duty worker");
	json_decref(steps);
	steps = referral_checklist(NULL);
	assert_int_equal(json_array_size(steps), 0);
	json_decref(steps);
	steps = referral_checklist("");
	assert_int_equal(json_array_size(steps), 0);
	json_decref(steps);
}

static void
stage_is_the_last_date_recorded(void **state)
{
	json_t	*r = json_pack("{s:s, s:n, s:n, s:n}", "made_on", "2026-01-01",
	    "acknowledged_on", "offered_on", "attended_on");

	(void)state;
	assert_string_equal(referral_stage(r), "made");
	json_object_set_new(r, "acknowledged_on", json_string("2026-01-02"));
	assert_string_equal(referral_stage(r), "acknowledged");
	json_object_set_new(r, "offered_on", json_string("2026-01-09"));
	assert_string_equal(referral_stage(r), "offered");
	json_object_set_new(r, "attended_on", json_string("2026-01-09"));
	assert_string_equal(referral_stage(r), "attended");
	json_decref(r);
}

static void
answers_need_reasons_and_review_dates(void **state)
{
	json_t	*errors = json_array(), *v;

	(void)state;
	v = json_pack("{s:s}", "kind", "agreed");
	wish_answer_rules(v, "2026-03-01", errors);
	assert_int_equal(json_array_size(errors), 0);
	json_decref(v);
	v = json_pack("{s:s}", "kind", "not_possible");
	wish_answer_rules(v, "2026-03-01", errors);
	assert_int_equal(json_array_size(errors), 1);
	assert_non_null(fields_error_for(errors, "reason"));
	json_decref(v);
	json_array_clear(errors);
	v = json_pack("{s:s, s:s, s:s}", "kind", "needs_review", "reason",
	    "After the ward round", "review_on", "2026-03-01");
	wish_answer_rules(v, "2026-03-01", errors);
	assert_non_null(fields_error_for(errors, "review_on"));
	json_decref(v);
	json_array_clear(errors);
	v = json_pack("{s:s, s:s, s:s}", "kind", "needs_review", "reason",
	    "After the ward round", "review_on", "2026-03-02");
	wish_answer_rules(v, "2026-03-01", errors);
	assert_int_equal(json_array_size(errors), 0);
	json_decref(v);
	json_decref(errors);
}

static void
ack_due_two_weeks_before_release(void **state)
{
	char	 due[DATE_CHARS + 1];

	(void)state;
	referral_ack_due("2026-03-10", due);
	assert_string_equal(due, "2026-02-24");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reader_rule_person_first_declared_never),
		cmocka_unit_test(checklist_is_the_procedure_line_by_line),
		cmocka_unit_test(stage_is_the_last_date_recorded),
		cmocka_unit_test(answers_need_reasons_and_review_dates),
		cmocka_unit_test(ack_due_two_weeks_before_release),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
