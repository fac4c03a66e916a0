/*
 * Procurement arithmetic against worked examples, and the rules the
 * schema itself keeps: the seal, locked scores, kept history.
 */
#include "unit.h"
#include "procurement/procurement.h"
#include "server/language.h"
#include "util/catalogue.h"
#include "auth/audit.h"

/*
 * Worked examples, by hand.  A bid's total is the sum of
 * score / scale_max * weight, rounded once to two decimal places.
 *
 *  1. Scale 0-5, weights 60 and 40, scores 4 and 5:
 *     4/5*60 + 5/5*40 = 48 + 40 = 88.00.
 *  2. Scale 0-3, weights 33 and 34, scores 1 and 2:
 *     11 + 22.666... = 33.666... -> 33.67 (rounded up from ...666).
 *  3. Scale 0-4, weights 10, 10, 10, scores 1, 0, 0:
 *     1/4*10 = 2.5 -> 2.50 exactly.
 *  4. Scale 0-6, weight 1, score 1: 0.1666... -> 0.17; score 0 -> 0.00.
 *  5. Rounding once, not per question: scale 0-3, three questions of
 *     weight 1 scored 1 each.  Per question 0.33 + 0.33 + 0.33 would be
 *     0.99; the exact total is 1.00.
 *  6. Half away from zero: scale 0-8, weight 1, score 1 = 0.125 -> 0.13.
 */
static void
weighted_totals_match_worked_examples(void **state)
{
	const int64_t	 s1[] = { 4, 5 }, w1[] = { 60, 40 };
	const int64_t	 s2[] = { 1, 2 }, w2[] = { 33, 34 };
	const int64_t	 s3[] = { 1, 0, 0 }, w3[] = { 10, 10, 10 };
	const int64_t	 s4[] = { 1 }, w4[] = { 1 }, z[] = { 0 };
	const int64_t	 s5[] = { 1, 1, 1 }, w5[] = { 1, 1, 1 };
	char		 text[24];

	(void)state;
	assert_int_equal(weighted_total_hundredths(s1, w1, 2, 5), 8800);
	assert_int_equal(weighted_total_hundredths(s2, w2, 2, 3), 3367);
	assert_int_equal(weighted_total_hundredths(s3, w3, 3, 4), 250);
	assert_int_equal(weighted_total_hundredths(s4, w4, 1, 6), 17);
	assert_int_equal(weighted_total_hundredths(z, w4, 1, 6), 0);
	assert_int_equal(weighted_total_hundredths(s5, w5, 3, 3), 100);
	assert_int_equal(weighted_total_hundredths(s4, w4, 1, 8), 13);
	/* Out of range is refused, not clamped. */
	assert_int_equal(weighted_total_hundredths(s1, w1, 2, 3), -1);
	assert_int_equal(weighted_total_hundredths(s1, w1, 2, 0), -1);
	hundredths_format(3367, text, sizeof(text));
	assert_string_equal(text, "33.67");
	hundredths_format(5, text, sizeof(text));
	assert_string_equal(text, "0.05");
	hundredths_format(10000, text, sizeof(text));
	assert_string_equal(text, "100.00");
}

static void
spread_and_descriptors(void **state)
{
	json_t	*d;

	(void)state;
	assert_false(spread_is_wide(3, 4));
	assert_true(spread_is_wide(2, 4));
	assert_true(spread_is_wide(0, 5));
	assert_int_equal(descriptor_lines("None\n\n  Poor  \r\nGood\n"), 3);
	assert_int_equal(descriptor_lines(""), 0);
	assert_int_equal(descriptor_lines(NULL), 0);
	d = descriptors_json(" None\nPoor \n");
	assert_int_equal(json_array_size(d), 2);
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(d, 1), "text")), "Poor");
	assert_int_equal(json_integer_value(json_object_get(
	    json_array_get(d, 1), "score")), 1);
	json_decref(d);
}

/* A lot with two evaluators and two bids, straight into the schema. */
static const char *const fixture =
    "INSERT INTO sites (id, name, kind) VALUES (1, 'S', 'prison');"
    "INSERT INTO accounts (id, username, display_name, password_hash) VALUES "
    "  (1, 'a', 'A', 'x'), (2, 'b', 'B', 'x');"
    "INSERT INTO procurements (id, site_id, title, created_by) "
    "  VALUES (1, 1, 'P', 1);"
    "INSERT INTO lots (id, procurement_id, title, scale_max, "
    "  scale_descriptors, moderator_id) VALUES (1, 1, 'L', 5, 'x', 1);"
    "INSERT INTO lot_questions (id, lot_id, position, text, weight) "
    "  VALUES (1, 1, 1, 'Q', 100);"
    "INSERT INTO bids (id, lot_id, bidder) VALUES (1, 1, 'X'), (2, 1, 'Y');"
    "INSERT INTO panel_members (id, lot_id, account_id, kind, added_on) "
    "  VALUES (1, 1, 1, 'governor', '2026-01-01'), "
    "  (2, 1, 2, 'clinician', '2026-01-01');"
    "INSERT INTO panel_questions VALUES (1, 1), (2, 1);";

static int64_t
scalar(struct db *db, const char *sql)
{
	int64_t	 v = -1;

	assert_true(db_int(db, &v, sql, "") > 0);
	return v;
}

static void
the_schema_keeps_the_seal_and_the_history(void **state)
{
	char		 path[UNIT_PATH_MAX];
	struct db	 db;
	json_t		*entries;

	(void)state;
	assert_int_equal(unit_db_open(&db, path), 0);
	assert_int_equal(db_exec_script(&db, fixture), 0);
	entries = json_pack("[{s:i, s:i, s:s}, {s:i, s:i, s:s}]", "bid_id", 1,
	    "score", 4, "justification", "good", "bid_id", 2, "score", 2,
	    "justification", "thin");
	/* One evaluator in: still sealed, nothing visible. */
	assert_int_equal(scores_save(&db, 1, 1, 1, entries, 1, "t1"), DB_OK);
	assert_true(question_sealed(&db, 1));
	{
		json_t	*v = scores_visible(&db, 1);

		assert_int_equal(json_array_size(v), 0);
		json_decref(v);
	}
	/* A draft by the other does not open it; a submission does. */
	assert_int_equal(scores_save(&db, 2, 2, 1, entries, 0, NULL), DB_OK);
	assert_true(question_sealed(&db, 1));
	assert_int_equal(scores_save(&db, 2, 2, 1, entries, 1, "t2"), DB_OK);
	assert_false(question_sealed(&db, 1));
	{
		json_t	*v = scores_visible(&db, 1);

		assert_int_equal(json_array_size(v), 4);
		json_decref(v);
	}
	/* Saving again leaves a submitted score as it was. */
	json_object_set_new(json_array_get(entries, 0), "score",
	    json_integer(0));
	assert_int_equal(scores_save(&db, 1, 1, 1, entries, 1, "t3"), DB_OK);
	assert_int_equal(scalar(&db, "SELECT score FROM scores WHERE "
	    "panel_member_id = 1 AND bid_id = 1"), 4);
	/* The schema refuses a change without its history row. */
	assert_int_equal(db_exec(&db, "UPDATE scores SET score = 1 WHERE id = 1",
	    ""), DB_CONSTRAINT);
	assert_int_equal(db_exec(&db, "DELETE FROM scores WHERE id = 1", ""),
	    DB_CONSTRAINT);
	assert_int_equal(score_change(&db, 1, 1, 3, "rethought", "misread",
	    "t4"), DB_OK);
	assert_int_equal(scalar(&db, "SELECT score FROM scores WHERE id = 1"),
	    3);
	assert_int_equal(db_exec(&db, "DELETE FROM score_changes", ""),
	    DB_CONSTRAINT);
	/* A removed evaluator's scores stop counting, and the panel is
	 * short: sealed until the replacement (with the same question)
	 * submits, even though the one active member is in (issue 21). */
	assert_int_equal(db_exec(&db, "UPDATE panel_members SET state = "
	    "'removed' WHERE id = 2", ""), DB_OK);
	assert_true(question_sealed(&db, 1));
	assert_int_equal(db_exec(&db, "INSERT INTO reserves (procurement_id, "
	    "account_id, kind) VALUES (1, 2, 'other')", ""), DB_OK);
	{
		int64_t	 id;

		/* Account 2 is still on the panel row: UNIQUE refuses. */
		assert_int_equal(panel_replace(&db, 1, 2, 2, "2026-02-01", &id),
		    DB_CONSTRAINT);
	}
	json_decref(entries);
	unit_db_close(&db, path);
}

/*
 * A lot's default scale is stored as its English messages and worded for
 * each reader; the form offers it in the reader's language, and what
 * comes back as offered is stored as the messages again, while a line
 * somebody typed stays as typed.  The audit's actions read as sentences
 * with the person in them, in the reader's language.
 */
static void
the_default_scale_and_the_audit_read_in_the_readers_language(void **state)
{
	const struct catalogue	*cy;
	char			*offered, *stored, *typed;
	json_t			*rows;

	(void)state;
	assert_int_equal(languages_load(), 0);
	cy = language_words(language_find("cy"));
	offered = descriptors_default(cy);
	assert_non_null(strstr(offered, "Digonol: yn bodloni'r gofyniad\n"));
	assert_null(strstr(offered, "Adequate"));
	assert_int_equal(descriptor_lines(offered), 6);
	/* The first line retyped, the rest as offered. */
	assert_true(asprintf(&typed, "Dim byd o gwbl\n%s", strchr(offered,
	    '\n') + 1) > 0);
	stored = descriptors_stored(typed, cy);
	assert_non_null(strstr(stored, "Dim byd o gwbl\nPoor: major gaps or "
	    "concerns\n"));
	assert_non_null(strstr(stored, "Adequate: meets the requirement\n"));
	assert_string_equal(descriptor_words("Adequate: meets the "
	    "requirement", cy), "Digonol: yn bodloni'r gofyniad");
	assert_string_equal(descriptor_words("Adequate: meets the "
	    "requirement", NULL), "Adequate: meets the requirement");
	assert_string_equal(descriptor_words("Dim byd o gwbl", NULL),
	    "Dim byd o gwbl");
	free(offered);
	free(stored);
	free(typed);

	assert_string_equal(audit_sentence("lot.bid", NULL),
	    "{who} added a bid");
	assert_string_equal(audit_sentence("panel.declare", "conflict"),
	    "{who} declared a conflict of interest");
	assert_string_equal(audit_sentence("panel.declare", "none"),
	    "{who} declared no connection with any bidder");
	assert_string_equal(audit_sentence("lot.unheard_of", NULL),
	    "{who} made a change to the record");
	rows = json_pack("[{s:s, s:s, s:s}, {s:s, s:s, s:s}, {s:s, s:s, "
	    "s:n}]", "action", "panel.add", "who", "Dr Lee", "detail",
	    "expert_by_experience", "action", "lot.consensus_meeting", "who",
	    "", "detail", "2026-11-20", "action", "score.submit", "who",
	    "Dr Lee", "detail");
	audit_sentences_add(rows, cy);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    rows, 0), "said")), "Ychwanegodd Dr Lee arbenigwr drwy brofiad at y "
	    "panel");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    rows, 1), "said")), "Cofnododd y system y cyfarfod consensws a "
	    "gynhaliwyd ar 20 Tachwedd 2026");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    rows, 2), "said")), "Cyflwynodd Dr Lee sgorau");
	json_decref(rows);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(weighted_totals_match_worked_examples),
		cmocka_unit_test(spread_and_descriptors),
		cmocka_unit_test(the_schema_keeps_the_seal_and_the_history),
		cmocka_unit_test(
		    the_default_scale_and_the_audit_read_in_the_readers_language),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
