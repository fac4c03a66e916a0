/*
 * The survey rules against worked examples: skip logic, instrument
 * scoring (with their sources), suppression including recovery by
 * subtraction, paper references and CSV cells.
 */
#include "unit.h"
#include "surveys/surveys.h"
#include "util/suppression.h"
#include "limits.h"

static json_t *
q(int64_t pos, const char *kind, const char *choices, const char *skip,
    int64_t to)
{
	json_t	*o = json_pack("{s:I, s:s, s:s, s:i}", "position",
	    (json_int_t)pos, "kind", kind, "choices", choices, "scale_max", 5);

	if (skip != NULL) {
		json_object_set_new(o, "skip_answer", json_string(skip));
		json_object_set_new(o, "skip_to", json_integer(to));
	}
	return o;
}

static int
reached(const json_t *qs, size_t i)
{
	return json_is_true(json_object_get(json_array_get(qs, i), "reached"));
}

static void
skip_logic_jumps_forward_only(void **state)
{
	json_t	*qs, *answers;

	(void)state;
	/* "Do you go to activities? If no, go to question 4." */
	qs = json_array();
	json_array_append_new(qs, q(1, "single", "Yes\nNo", "No", 4));
	json_array_append_new(qs, q(2, "multiple", "Gym\nLibrary", NULL, 0));
	json_array_append_new(qs, q(3, "text", "", NULL, 0));
	json_array_append_new(qs, q(4, "single", "Yes\nNo", "Yes", 6));
	json_array_append_new(qs, q(5, "text", "", NULL, 0));
	json_array_append_new(qs, q(6, "text", "", NULL, 0));

	answers = json_pack("{s:s, s:s}", "1", "No", "4", "No");
	questions_reached(qs, answers);
	assert_true(reached(qs, 0));
	assert_false(reached(qs, 1));	/* skipped */
	assert_false(reached(qs, 2));	/* skipped */
	assert_true(reached(qs, 3));
	assert_true(reached(qs, 4));	/* "No" at 4 does not skip */
	assert_true(reached(qs, 5));
	json_decref(answers);

	/* A skip from a question that was itself skipped does not act. */
	answers = json_pack("{s:s, s:s}", "1", "No", "2", "Gym");
	questions_reached(qs, answers);
	assert_false(reached(qs, 1));
	json_decref(answers);

	answers = json_pack("{s:s, s:s}", "1", "Yes", "4", "Yes");
	questions_reached(qs, answers);
	assert_true(reached(qs, 1));
	assert_true(reached(qs, 2));
	assert_false(reached(qs, 4));	/* 4 -> 6 jumps over 5 */
	assert_true(reached(qs, 5));
	json_decref(answers);
	json_decref(qs);

	/* Backwards, to itself, or past the end are refused: no loops. */
	assert_non_null(skip_problem(3, 2, 10));
	assert_non_null(skip_problem(3, 3, 10));
	assert_non_null(skip_problem(3, 11, 10));
	assert_null(skip_problem(3, 4, 10));
	assert_null(skip_problem(3, 10, 10));
}

/*
 * UCLA three-item loneliness scale, Hughes et al. (2004), Research on
 * Aging 26(6): each item hardly ever 1, some of the time 2, often 3;
 * total 3 to 9; a total of 6 or more counted as lonely here.
 */
static void
ucla3_worked_examples(void **state)
{
	(void)state;
	assert_int_equal(ucla3_item("Hardly ever"), 1);
	assert_int_equal(ucla3_item("Some of the time"), 2);
	assert_int_equal(ucla3_item("Often"), 3);
	assert_int_equal(ucla3_item("often"), 0);	/* exact wording */
	/* Hardly ever to all three: 1 + 1 + 1 = 3, the lowest score. */
	assert_int_equal(ucla3_total("Hardly ever", "Hardly ever",
	    "Hardly ever"), 3);
	assert_false(ucla3_lonely(3));
	/* 1 + 1 + 2 = 4 and 1 + 2 + 2 = 5: not lonely. */
	assert_int_equal(ucla3_total("Hardly ever", "Hardly ever",
	    "Some of the time"), 4);
	assert_int_equal(ucla3_total("Hardly ever", "Some of the time",
	    "Some of the time"), 5);
	assert_false(ucla3_lonely(5));
	/* Some of the time to all three: 2 + 2 + 2 = 6, just lonely. */
	assert_int_equal(ucla3_total("Some of the time", "Some of the time",
	    "Some of the time"), 6);
	assert_true(ucla3_lonely(6));
	/* Often, hardly ever, some of the time: 3 + 1 + 2 = 6 as well. */
	assert_int_equal(ucla3_total("Often", "Hardly ever",
	    "Some of the time"), 6);
	/* Often to all three: 9, the highest. */
	assert_int_equal(ucla3_total("Often", "Often", "Often"), 9);
	assert_true(ucla3_lonely(9));
	/* An item not answered: no total. */
	assert_int_equal(ucla3_total("Often", NULL, "Often"), -1);
	assert_int_equal(UCLA3_LONELY_FROM, 6);
}

/* ONS direct question: "How often do you feel lonely?"; often/always is
 * the ONS measure of chronic loneliness (ONS 2018). */
static void
ons_direct_worked_examples(void **state)
{
	(void)state;
	assert_int_equal(ons_direct_lonely("Often/always"), 1);
	assert_int_equal(ons_direct_lonely("Some of the time"), 0);
	assert_int_equal(ons_direct_lonely("Occasionally"), 0);
	assert_int_equal(ons_direct_lonely("Hardly ever"), 0);
	assert_int_equal(ons_direct_lonely("Never"), 0);
	assert_int_equal(ons_direct_lonely("Often"), -1);
}

static void
instruments_come_whole(void **state)
{
	json_t	*rows;

	(void)state;
	rows = instrument_questions("ucla3");
	assert_int_equal(json_array_size(rows), 3);
	json_decref(rows);
	rows = instrument_questions("ons_direct");
	assert_int_equal(json_array_size(rows), 1);
	json_decref(rows);
	/* Nine protected characteristics, each with "Prefer not to say". */
	rows = instrument_questions("monitoring");
	assert_int_equal(json_array_size(rows), 9);
	for (size_t i = 0; i < 9; i++)
		assert_non_null(strstr(json_string_value(json_object_get(
		    json_array_get(rows, i), "choices")), "Prefer not to say"));
	json_decref(rows);
	assert_null(instrument_questions("nonsense"));
}

#define AT(cols, r, c)	((r) * ((cols) + 1) + (c))

/* In no line of a (rows + 1) x (cols + 1) marked table is exactly one
 * entry hidden (which subtraction would give away). */
static int
no_line_with_one_hidden(const unsigned char *m, size_t rows, size_t cols)
{
	size_t	 r, c, hidden;

	for (r = 0; r <= rows; r++) {
		for (hidden = 0, c = 0; c <= cols; c++)
			hidden += m[AT(cols, r, c)] != SUPPRESS_SHOWN;
		if (hidden == 1)
			return 0;
	}
	for (c = 0; c <= cols; c++) {
		for (hidden = 0, r = 0; r <= rows; r++)
			hidden += m[AT(cols, r, c)] != SUPPRESS_SHOWN;
		if (hidden == 1)
			return 0;
	}
	return 1;
}

static void
suppression_one_question(void **state)
{
	/* 24 answered: 12, 3, 9.  3 is small; alone it would be 24 - 12 -
	 * 9, so the smallest other count (9) is hidden too. */
	int64_t		 n[3] = { 12, 3, 9 };
	unsigned char	 m[8] = { 0 };
	json_t		*v;

	(void)state;
	assert_int_equal(suppress_table(n, 1, 3, 5, SUPPRESS_ADDITIVE, m), 0);
	assert_int_equal(m[0], SUPPRESS_SHOWN);
	assert_int_equal(m[1], SUPPRESS_SMALL);
	assert_int_equal(m[2], SUPPRESS_SECONDARY);
	assert_int_equal(m[3], SUPPRESS_SHOWN);	/* the total */
	v = suppressed_count(3, m[1], 5);
	assert_string_equal(json_string_value(v), "fewer than 5");
	json_decref(v);
	v = suppressed_count(9, m[2], 5);
	assert_string_equal(json_string_value(v), "hidden");
	json_decref(v);
	v = suppressed_count(12, m[0], 5);
	assert_int_equal(json_integer_value(v), 12);
	json_decref(v);

	/* Several answers allowed: counts do not add up, so only small
	 * counts are hidden. */
	memset(m, 0, sizeof(m));
	assert_int_equal(suppress_table(n, 1, 3, 5, 0, m), 0);
	assert_int_equal(m[1], SUPPRESS_SMALL);
	assert_int_equal(m[2], SUPPRESS_SHOWN);

	/* Zero identifies nobody and is shown. */
	n[1] = 0;
	memset(m, 0, sizeof(m));
	assert_int_equal(suppress_table(n, 1, 3, 5, SUPPRESS_ADDITIVE, m), 0);
	assert_int_equal(m[1], SUPPRESS_SHOWN);
	assert_int_equal(m[2], SUPPRESS_SHOWN);
}

static void
suppression_by_subtraction(void **state)
{
	/*
	 *           yes  no | all
	 *  A wing    10   2 |  12
	 *  B wing     8   7 |  15
	 *  all       18   9 |  27
	 * 2 is small.  Shown alone it is 12 - 10 and 9 - 7; so 10 (row)
	 * goes, then 8 (column "yes") and 7 (column "no").
	 */
	int64_t		 n[4] = { 10, 2, 8, 7 };
	unsigned char	 m[9] = { 0 };

	(void)state;
	assert_int_equal(suppress_table(n, 2, 2, 5, SUPPRESS_ADDITIVE, m), 0);
	assert_int_equal(m[AT(2, 0, 1)], SUPPRESS_SMALL);
	assert_int_equal(m[AT(2, 0, 0)], SUPPRESS_SECONDARY);
	assert_int_equal(m[AT(2, 1, 0)], SUPPRESS_SECONDARY);
	assert_int_equal(m[AT(2, 1, 1)], SUPPRESS_SECONDARY);
	assert_int_equal(m[AT(2, 2, 2)], SUPPRESS_SHOWN);	/* grand */
	assert_true(no_line_with_one_hidden(m, 2, 2));
}

static void
suppression_holds_for_many_tables(void **state)
{
	unsigned	 seed = 7;
	int64_t		 n[12];
	unsigned char	 m[20];
	int		 t, i, grand;

	(void)state;
	for (t = 0; t < 2000; t++) {
		grand = 0;
		for (i = 0; i < 12; i++) {
			seed = seed * 1103515245u + 12345u;
			n[i] = (seed >> 16) % 12;
			grand += (int)n[i];
		}
		memset(m, 0, sizeof(m));
		assert_int_equal(suppress_table(n, 3, 4, 5, SUPPRESS_ADDITIVE,
		    m), 0);
		if (grand >= 5)
			assert_true(no_line_with_one_hidden(m, 3, 4));
		for (i = 0; i < 12; i++)
			if (n[i] > 0 && n[i] < 5)	/* "hidden" when pinned */
				assert_int_not_equal(m[AT(4, i / 4, i % 4)],
				    SUPPRESS_SHOWN);
	}
}

static void
suppression_keeps_published_totals(void **state)
{
	/*
	 * The question's own table (18, 3, 9 of 30) showed 18, hid 3 as
	 * small and 9 to protect it.  Its breakdown by wing:
	 *           a   b   c | all
	 *  A wing  10   2   5 |  17
	 *  B wing   8   1   4 |  13
	 * keeps those marks on its column totals: hidden there, hidden
	 * here; shown there, never hidden here.
	 */
	int64_t		 n[6] = { 10, 2, 5, 8, 1, 4 };
	unsigned char	 m[12] = { 0 };

	(void)state;
	m[AT(3, 2, 1)] = SUPPRESS_SMALL;
	m[AT(3, 2, 2)] = SUPPRESS_SECONDARY;
	assert_int_equal(suppress_table(n, 2, 3, 5, SUPPRESS_ADDITIVE |
	    SUPPRESS_TOTALS_KNOWN, m), 0);
	assert_int_equal(m[AT(3, 2, 0)], SUPPRESS_SHOWN);
	assert_int_equal(m[AT(3, 2, 1)], SUPPRESS_SMALL);
	assert_int_equal(m[AT(3, 2, 2)], SUPPRESS_SECONDARY);
	assert_int_equal(m[AT(3, 0, 1)], SUPPRESS_SMALL);
	assert_int_equal(m[AT(3, 0, 2)], SUPPRESS_SECONDARY);	/* row A */
	assert_int_equal(m[AT(3, 0, 0)], SUPPRESS_SHOWN);
	assert_true(no_line_with_one_hidden(m, 2, 3));
}

static void
paper_references_catch_typos(void **state)
{
	char	 ref[48], typo[48];

	(void)state;
	survey_reference(3, 12, ref, sizeof(ref));
	assert_int_equal(strncmp(ref, "S3-12", 5), 0);
	assert_int_equal(survey_reference_valid(3, ref), 12);
	/* Typed in lower case, as read off the paper. */
	for (size_t i = 0; ref[i]; i++)
		typo[i] = (char)(ref[i] >= 'A' && ref[i] <= 'Z' ? ref[i] + 32 :
		    ref[i]);
	typo[strlen(ref)] = '\0';
	assert_int_equal(survey_reference_valid(3, typo), 12);
	/* One digit wrong, or another survey's copy: refused. */
	snprintf(typo, sizeof(typo), "S3-13%c", ref[strlen(ref) - 1]);
	assert_int_equal(survey_reference_valid(3, typo), 0);
	assert_int_equal(survey_reference_valid(4, ref), 0);
	assert_int_equal(survey_reference_valid(3, "S3-"), 0);
	assert_int_equal(survey_reference_valid(3, NULL), 0);
}

static void
answers_are_checked_by_kind(void **state)
{
	json_t	*scale = q(1, "scale", "", NULL, 0);
	json_t	*single = q(2, "single", " Yes \n\nNo\n", NULL, 0);
	json_t	*number = q(3, "number", "", NULL, 0);
	json_t	*date = q(4, "date", "", NULL, 0);

	(void)state;
	assert_null(answer_problem(scale, "5"));
	assert_non_null(answer_problem(scale, "6"));
	assert_non_null(answer_problem(scale, "0"));
	assert_null(answer_problem(single, "Yes"));
	assert_non_null(answer_problem(single, "Maybe"));
	assert_null(answer_problem(number, "42"));
	assert_non_null(answer_problem(number, "-1"));
	assert_non_null(answer_problem(number, "4x"));
	assert_null(answer_problem(date, "2026-02-28"));
	assert_non_null(answer_problem(date, "2026-02-30"));
	json_decref(scale);
	json_decref(single);
	json_decref(number);
	json_decref(date);
}

static void
csv_cells_cannot_be_formulas(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b, 1024);
	assert_int_equal(csv_cell(&b, "=SUM(A1:A9)"), 0);
	assert_int_equal(csv_cell(&b, "say \"hi\""), 0);
	assert_int_equal(csv_cell(&b, "-1"), 0);
	assert_int_equal(buf_putc(&b, '\0'), 0);
	assert_string_equal(b.data, "\"'=SUM(A1:A9)\"\"say \"\"hi\"\"\"\"'-1\"");
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(skip_logic_jumps_forward_only),
		cmocka_unit_test(ucla3_worked_examples),
		cmocka_unit_test(ons_direct_worked_examples),
		cmocka_unit_test(instruments_come_whole),
		cmocka_unit_test(suppression_one_question),
		cmocka_unit_test(suppression_by_subtraction),
		cmocka_unit_test(suppression_holds_for_many_tables),
		cmocka_unit_test(suppression_keeps_published_totals),
		cmocka_unit_test(paper_references_catch_typos),
		cmocka_unit_test(answers_are_checked_by_kind),
		cmocka_unit_test(csv_cells_cannot_be_formulas),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
