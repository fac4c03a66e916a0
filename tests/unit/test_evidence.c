/*
 * The evidence measures on worked examples: verdicts, shares, months,
 * gap sentences, and each measure counted from a small database whose
 * answer is worked out by hand in the comments.
 */
#include "unit.h"
#include "evidence/evidence.h"
#include "server/language.h"

static void
verdicts_against_targets(void **state)
{
	(void)state;
	/* A share: met at the target, "watch" up to 10 points short. */
	assert_int_equal(evidence_verdict(80, 80, 0), VERDICT_MET);
	assert_int_equal(evidence_verdict(72, 80, 0), VERDICT_WATCH);
	assert_int_equal(evidence_verdict(70, 80, 0), VERDICT_WATCH);
	assert_int_equal(evidence_verdict(69, 80, 0), VERDICT_NOT_MET);
	/* A gap: met at or under the target, "watch" up to 10 over. */
	assert_int_equal(evidence_verdict(10, 10, 1), VERDICT_MET);
	assert_int_equal(evidence_verdict(12, 10, 1), VERDICT_WATCH);
	assert_int_equal(evidence_verdict(21, 10, 1), VERDICT_NOT_MET);
	/* No figure shown: nothing to judge, never "met". */
	assert_int_equal(evidence_verdict(-1, 0, 1), VERDICT_NONE);
	assert_string_equal(evidence_verdict_words[VERDICT_NONE],
	    "Too few to judge");
}

static void
shares_round_half_up(void **state)
{
	(void)state;
	assert_int_equal(evidence_percent(2, 3), 67);	/* 66.67 */
	assert_int_equal(evidence_percent(1, 8), 13);	/* 12.5 */
	assert_int_equal(evidence_percent(1, 3), 33);	/* 33.33 */
	assert_int_equal(evidence_percent(0, 7), 0);
	assert_int_equal(evidence_percent(5, 0), -1);
}

static void
months_of_a_period(void **state)
{
	char	 m[EVIDENCE_MONTHS_MAX][8], end[DATE_CHARS + 1], w[64];

	(void)state;
	assert_int_equal(evidence_months("2025-12-15", "2026-02-03", m), 3);
	assert_string_equal(m[0], "2025-12");
	assert_string_equal(m[2], "2026-02");
	assert_int_equal(evidence_months("2025-01-01", "2026-12-31", m), 24);
	assert_int_equal(evidence_months("2025-01-01", "2027-01-01", m), -1);
	assert_int_equal(evidence_months("2026-02-01", "2026-01-31", m), -1);
	assert_int_equal(evidence_months("2026-13-01", "2026-12-31", m), -1);
	evidence_month_end("2024-02", NULL, end);
	assert_string_equal(end, "2024-02-29");
	evidence_month_end("2026-11", "2026-11-20", end);
	assert_string_equal(end, "2026-11-20");	/* never after the period */
	evidence_month_words("2026-11", NULL, w, sizeof(w));
	assert_string_equal(w, "November 2026");
}

/* The Welsh catalogue the binary carries. */
static const struct catalogue *
welsh(void)
{
	assert_int_equal(languages_load(), 0);
	return language_words(language_find("cy"));
}

/* The words of a point and of a criterion's figure and target, in
 * English (the JSON's) and in Welsh; a hidden count stays hidden. */
static void
figures_in_words(void **state)
{
	const struct catalogue	*cy = welsh();
	json_t			*pt;
	char			 w[256];

	(void)state;
	pt = json_pack("{s:i, s:i, s:i}", "part", 8, "whole", 10, "percent",
	    80);
	evidence_point_words(pt, NULL, w, sizeof(w));
	assert_string_equal(w, "8 of 10 (80%)");
	evidence_point_words(pt, cy, w, sizeof(w));
	assert_string_equal(w, "8 o 10 (80%)");
	json_decref(pt);
	pt = json_pack("{s:s, s:i, s:n}", "part", "fewer than 5", "whole", 12,
	    "percent");
	evidence_point_words(pt, NULL, w, sizeof(w));
	assert_string_equal(w, "fewer than 5 of 12 (too few to show a share)");
	evidence_point_words(pt, cy, w, sizeof(w));
	assert_string_equal(w, "llai na 5 (cyfanswm: 12; rhy ychydig i ddangos "
	    "cyfran)");
	json_decref(pt);
	pt = json_pack("{s:s, s:s, s:n}", "part", "hidden", "whole", "hidden",
	    "percent");
	evidence_point_words(pt, cy, w, sizeof(w));
	assert_string_equal(w, "cudd (cyfanswm: cudd; rhy ychydig i ddangos "
	    "cyfran)");
	json_decref(pt);
	pt = json_pack("{s:i, s:i, s:n}", "part", 0, "whole", 0, "percent");
	evidence_point_words(pt, NULL, w, sizeof(w));
	assert_string_equal(w, "none in this period");
	evidence_point_words(pt, cy, w, sizeof(w));
	assert_string_equal(w, "dim yn y cyfnod hwn");
	json_decref(pt);

	evidence_month_words("2026-11", cy, w, sizeof(w));
	assert_string_equal(w, "Tachwedd 2026");
	evidence_median_words(1, NULL, w, sizeof(w));
	assert_string_equal(w, "1 day");
	evidence_median_words(12, NULL, w, sizeof(w));
	assert_string_equal(w, "12 days");
	evidence_median_words(2, cy, w, sizeof(w));
	assert_string_equal(w, "2 ddiwrnod");
	evidence_figure_words(18, 1, NULL, w, sizeof(w));
	assert_string_equal(w, "18 points");
	evidence_figure_words(18, 1, cy, w, sizeof(w));
	assert_string_equal(w, "18 pwynt");
	evidence_figure_words(80, 0, cy, w, sizeof(w));
	assert_string_equal(w, "80%");
	evidence_target_words(10, 1, "organisation", NULL, w, sizeof(w));
	assert_string_equal(w, "at most 10 points");
	evidence_target_words(10, 1, "organisation", cy, w, sizeof(w));
	assert_string_equal(w, "10 pwynt ar y mwyaf");
	evidence_target_words(60, 0, "site", NULL, w, sizeof(w));
	assert_string_equal(w, "60%, the site's own");
	evidence_target_words(55, 0, "group", cy, w, sizeof(w));
	assert_string_equal(w, "55%, targed y grŵp ei hun");
	assert_null(evidence_target_by("organisation", cy));
	assert_string_equal(evidence_target_by("site", NULL), "the site's own");
	assert_string_equal(evidence_months_note(1, cy), "Dim un mewn unrhyw "
	    "fis");
}

static void
gaps_in_words(void **state)
{
	/* A group's page (the site and the group), a site's (the site and
	 * its members), the organisation's (the population it serves); a
	 * unit as the site named it, in either language. */
	static const struct {
		struct evidence_gap	 g;
		int			 welsh;
		const char		*said;
	} cases[] = {
		{ { "age", "Age", "50 to 64", 18, 5, NULL, "Over-50s Forum" }, 0,
		    "People aged 50 to 64 are 18% of the site and 5% of "
		    "Over-50s Forum." },
		{ { "age", "Age", "50 to 64", 18, 5, NULL, "Over-50s Forum" }, 1,
		    "Mae pobl 50 i 64 oed yn 18% o'r safle ac yn 5% o Over-50s "
		    "Forum." },
		{ { "race", "Ethnic group", "White", 30, 60, "HMP Fenwick",
		    NULL }, 0, "People whose ethnic group is White are 30% of "
		    "HMP Fenwick and 60% of its members." },
		{ { "race", "Ethnic group", "White", 30, 60, "HMP Fenwick",
		    NULL }, 1, "Mae pobl a atebodd \u2018Gwyn\u2019 i \u2018Grŵp "
		    "ethnig\u2019 yn 30% o HMP Fenwick ac yn 60% o'i aelodau." },
		{ { "disability", "Disability", "Yes", 40, 10, NULL, NULL }, 0,
		    "People answering Yes on Disability are 40% of the "
		    "population served and 10% of its members." },
		{ { "unit", "Unit", "A wing", 50, 20, NULL, "Forum" }, 1,
		    "Mae pobl ar A wing yn 50% o'r safle ac yn 20% o Forum." },
		/* Within 5 points: nothing to say. */
		{ { "age", "Age", "50 to 64", 12, 9, NULL, "Forum" }, 0, NULL },
	};
	const struct catalogue	*cy = welsh();
	char			*s;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = evidence_gap_sentence(&cases[i].g, cases[i].welsh ? cy :
		    NULL);
		if (cases[i].said == NULL)
			assert_null(s);
		else
			assert_string_equal(s, cases[i].said);
		free(s);
	}
}

/*
 * A site (1) with units A (1) and B (2), a forum (1) there, a decision
 * maker's account (2) and a coordinator (1).  Period: January to March
 * 2026; today 2026-03-31.
 */
static const char fixture[] =
    "INSERT INTO sites (id, name, kind) VALUES (1, 'HMP Test', 'prison');"
    "INSERT INTO units (id, site_id, name, kind) VALUES (1, 1, 'A wing', "
    "  'wing'), (2, 1, 'B wing', 'wing');"
    "INSERT INTO groups (id, site_id, name, kind) VALUES (1, 1, 'Forum', "
    "  'forum');"
    "INSERT INTO accounts (id, username, display_name, password_hash) "
    "  VALUES (1, 'coord', 'Coordinator', 'x'), (2, 'gov', 'Governor', 'x');"
    /* Six people: 1-4 on A wing, 5 on B wing, 6 with no unit. */
    "INSERT INTO people (id, reference, display_name, status, site_id, "
    "  unit_id) VALUES (1, 'P1', 'A', 'in_custody', 1, 1), "
    "  (2, 'P2', 'B', 'in_custody', 1, 1), (3, 'P3', 'C', 'in_custody', 1, 1),"
    "  (4, 'P4', 'D', 'in_custody', 1, 1), (5, 'P5', 'E', 'in_custody', 1, 2),"
    "  (6, 'P6', 'F', 'in_custody', 1, NULL);"
    /* Members on 2026-03-31: 1-5 (6 left in February); 1 and 2 reps. */
    "INSERT INTO memberships (group_id, person_id, position, from_on, to_on)"
    "  VALUES (1, 1, 'rep', '2025-01-01', NULL), (1, 2, 'rep', '2025-01-01',"
    "  NULL), (1, 3, 'member', '2025-01-01', NULL), (1, 4, 'member', "
    "  '2025-01-01', NULL), (1, 5, 'chair', '2025-01-01', NULL), "
    "  (1, 6, 'member', '2025-01-01', '2026-02-10');"
    /* Meetings: January 10th published on the 20th (10 days: in time),
     * February 1st published March 1st (28 days: late), March 20th not
     * published and only 11 days ago (not judged yet).  The governor
     * was invited in January and February and came in January. */
    "INSERT INTO meetings (id, group_id, kind, held_on, starts_at, "
    "  published_on, created_by, invited_id, invited_attended) VALUES "
    "  (1, 1, 'forum', '2026-01-10', '14:00', '2026-01-20', 1, 2, 1), "
    "  (2, 1, 'forum', '2026-02-01', '14:00', '2026-03-01', 1, 2, 0), "
    "  (3, 1, 'forum', '2026-03-20', '14:00', NULL, 1, NULL, NULL);"
    /* Action points: due Jan 31 closed Jan 30 (on time), due Feb 28
     * closed Mar 2 (late), due Mar 15 open (late), due Apr 30 (not
     * due yet). */
    "INSERT INTO actions (meeting_id, text, owner_id, due_on, closed_on, "
    "  evidence, created_on) VALUES (1, 'a', 1, '2026-01-31', '2026-01-30',"
    "  'x', '2026-01-10'), (1, 'b', 1, '2026-02-28', '2026-03-02', 'x', "
    "  '2026-01-10'), (2, 'c', 1, '2026-03-15', NULL, NULL, '2026-02-01'),"
    "  (2, 'd', 1, '2026-04-30', NULL, NULL, '2026-02-01');"
    /* Proposals: one answered on time in February, one answered late in
     * March, one still unanswered and due March 1st (late). */
    "INSERT INTO proposals (id, group_id, title, problem, state, "
    "  submitted_on, due_on, created_by) VALUES "
    "  (1, 1, 'Showers', 'p', 'accepted', '2026-01-20', '2026-02-17', 1), "
    "  (2, 1, 'Library', 'p', 'not_accepted', '2026-01-20', '2026-02-17', 1),"
    "  (3, 1, 'Kettles', 'p', 'submitted', '2026-02-01', '2026-03-01', 1);"
    "INSERT INTO responses (proposal_id, responder_id, kind, reason, "
    "  responded_on, on_time, days_taken) VALUES "
    "  (1, 2, 'accepted', 'it is fair', '2026-02-10', 1, 21), "
    "  (2, 2, 'not_accepted', 'no budget', '2026-03-05', 0, 44);"
    /* Training: rep 1 trained in 2025, renew 2027 (current); rep 2's
     * training ran out on 2026-03-01.  Supervision: rep 1 seen
     * 2026-03-10, next due 2026-04-10 (on schedule); rep 2 seen
     * 2026-01-05, next due 2026-02-05 (overdue). */
    "INSERT INTO completions (course_id, person_id, completed_on, renew_on,"
    "  created_by) VALUES (1, 1, '2025-06-01', '2027-06-01', 1), "
    "  (1, 2, '2024-03-01', '2026-03-01', 1);"
    "INSERT INTO supervisions (person_id, supervisor_id, held_on, "
    "  next_due_on) VALUES (1, 1, '2026-03-10', '2026-04-10'), "
    "  (2, 1, '2026-01-05', '2026-02-05');"
    /* Expenses: made Jan 5 paid Jan 20 (15 days), made Feb 1 paid Mar 20
     * (47 days), made Mar 25 approved and unpaid (6 days: not judged). */
    "INSERT INTO expense_claims (claimant_id, group_id, kind, description,"
    "  amount_pence, incurred_on, state, paid_on, created_on) VALUES "
    "  (1, 1, 'travel', 'bus', 500, '2026-01-04', 'paid', '2026-01-20', "
    "  '2026-01-05'), (1, 1, 'travel', 'bus', 500, '2026-01-31', 'paid', "
    "  '2026-03-20', '2026-02-01'), (1, 1, 'travel', 'bus', 500, "
    "  '2026-03-24', 'approved', NULL, '2026-03-25');"
    /* Strategy: two objectives, one done, one due in May; one overdue. */
    "INSERT INTO strategy_objectives (group_id, text, owner, due_on, "
    "  done_on, created_on, created_by) VALUES (1, 'o1', 'The chair', "
    "  '2026-02-01', '2026-01-25', '2026-01-02', 1), (1, 'o2', 'The chair',"
    "  '2026-05-01', NULL, '2026-01-02', 1), (1, 'o3', 'The chair', "
    "  '2026-03-01', NULL, '2026-01-02', 1);"
    /* Monitoring: people 1-3 answered in 2026, person 4 in 2024 (out of
     * date); 1 and 2 are 50 to 64, 3 said Prefer not to say. */
    "INSERT INTO equality_records (person_id, updated_on) VALUES "
    "  (1, '2026-01-05'), (2, '2026-02-05'), (3, '2026-03-05'), "
    "  (4, '2024-01-05');"
    "INSERT INTO equality_answers (person_id, item, answer) VALUES "
    "  (1, 'age', '50 to 64'), (2, 'age', '50 to 64'), "
    "  (3, 'age', 'Prefer not to say'), (4, 'age', '25 to 34');"
    /* The involvement experience survey, three responses in February:
     * "worth" Agree, Strongly agree, Disagree (2 of 3 agree); "trust
     * staff" Agree, Neither (1 of 2); a look-alike question not inserted
     * as the instrument is not counted. */
    "INSERT INTO surveys (id, group_id, site_id, title, intro, consent, "
    "  token, created_by) VALUES (1, 1, 1, 'Experience', '', '', 't', 1);"
    "INSERT INTO survey_versions (id, survey_id, number) VALUES (1, 1, 1);"
    "INSERT INTO survey_questions (id, version_id, position, kind, prompt, "
    "  instrument, item_key) VALUES (1, 1, 1, 'single', 'w', 'involvement',"
    "  'worth'), (2, 1, 2, 'single', 't', 'involvement', 'trust_staff'), "
    "  (3, 1, 3, 'single', 'Taking part has been worth my time.', NULL, "
    "  NULL);"
    "INSERT INTO survey_responses (id, survey_id, version_id, channel, "
    "  created_on, site_id) VALUES (1, 1, 1, 'paper', '2026-02-03', 1), "
    "  (2, 1, 1, 'paper', '2026-02-04', 1), (3, 1, 1, 'paper', "
    "  '2026-02-05', 1);"
    "INSERT INTO survey_answers (response_id, question_id, value) VALUES "
    "  (1, 1, 'Agree'), (2, 1, 'Strongly agree'), (3, 1, 'Disagree'), "
    "  (1, 2, 'Agree'), (2, 2, 'Neither agree nor disagree'), "
    "  (1, 3, 'Agree'), (3, 3, 'Agree');"
    /* A procurement at the site: two experts by experience on its
     * panel, one (account 3) the member with a current record, one
     * (account 4) with no member's record; a governor is not counted. */
    "INSERT INTO accounts (id, username, display_name, password_hash, "
    "  person_id) VALUES (3, 'ex1', 'Expert', 'x', 1), (4, 'ex2', "
    "  'Expert', 'x', NULL);"
    "INSERT INTO procurements (id, site_id, title, created_by) VALUES "
    "  (1, 1, 'Health care', 1);"
    "INSERT INTO lots (id, procurement_id, title, scale_max, "
    "  scale_descriptors, moderator_id) VALUES (1, 1, 'Lot', 4, 'x', 1);"
    "INSERT INTO panel_members (lot_id, account_id, kind, added_on) VALUES "
    "  (1, 3, 'expert_by_experience', '2026-01-10'), (1, 4, "
    "  'expert_by_experience', '2026-01-10'), (1, 2, 'governor', "
    "  '2026-01-10');"
    /* The population: counted twice; the later count stands. */
    "INSERT INTO site_population (site_id, counted_on, dimension, category,"
    "  count, created_by) VALUES (1, '2025-06-01', 'age', '50 to 64', 10, "
    "  1), (1, '2026-01-15', 'age', '50 to 64', 18, 1), "
    "  (1, '2026-01-15', 'age', '25 to 34', 82, 1);";

static struct db	 fixture_db;
static char		 fixture_path[UNIT_PATH_MAX];

static int
setup(void **state)
{
	if (unit_db_open(&fixture_db, fixture_path) == -1 ||
	    db_exec_script(&fixture_db, fixture) != 0)
		return -1;
	*state = &fixture_db;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unit_db_close(&fixture_db, fixture_path);
	return 0;
}

static void
flow_is(struct db *db, enum evidence_flow f, const char *month, int part,
    int whole)
{
	struct evidence_scope	 s = { 0, 1 };
	json_t			*rows, *row;
	size_t			 i;
	int			 found = 0;

	rows = evidence_flow_rows(db, f, &s, "2026-01-01", "2026-03-31",
	    "2026-03-31");
	assert_non_null(rows);
	json_array_foreach(rows, i, row)
		if (strcmp(json_string_value(json_object_get(row, "month")),
		    month) == 0) {
			found = 1;
			assert_int_equal(json_integer_value(json_object_get(row,
			    "part")), part);
			assert_int_equal(json_integer_value(json_object_get(row,
			    "whole")), whole);
		}
	if (!found)
		assert_int_equal(whole, 0);
	json_decref(rows);
}

static void
flows_by_month(void **state)
{
	struct db	*db = *state;

	/* Minutes: January in time, February late, March not judged. */
	flow_is(db, FLOW_MINUTES, "2026-01", 1, 1);
	flow_is(db, FLOW_MINUTES, "2026-02", 0, 1);
	flow_is(db, FLOW_MINUTES, "2026-03", 0, 0);
	/* Action points by the month due: April's is not due yet. */
	flow_is(db, FLOW_ACTION_POINTS, "2026-01", 1, 1);
	flow_is(db, FLOW_ACTION_POINTS, "2026-02", 0, 1);
	flow_is(db, FLOW_ACTION_POINTS, "2026-03", 0, 1);
	/* The governor came in January, not in February. */
	flow_is(db, FLOW_INVITED, "2026-01", 1, 1);
	flow_is(db, FLOW_INVITED, "2026-02", 0, 1);
	/* Answers: February's on time; March's late, and the unanswered
	 * one due March 1st counts as late too. */
	flow_is(db, FLOW_ANSWERED, "2026-02", 1, 1);
	flow_is(db, FLOW_ANSWERED, "2026-03", 0, 2);
	/* Expenses: January's in 15 days, February's in 47, March's not
	 * judged yet. */
	flow_is(db, FLOW_EXPENSES, "2026-01", 1, 1);
	flow_is(db, FLOW_EXPENSES, "2026-02", 0, 1);
	flow_is(db, FLOW_EXPENSES, "2026-03", 0, 0);
	/* The involvement experience answers, by the month answered. */
	flow_is(db, FLOW_PERCEPTIONS, "2026-02", 2, 3);
	flow_is(db, FLOW_TRUST, "2026-02", 1, 2);
	flow_is(db, FLOW_TRUST, "2026-01", 0, 0);
	/* Respondents: none of February's three were asked. */
	flow_is(db, FLOW_RESPONDENTS, "2026-02", 0, 3);
}

static int
median_of(const char *histogram)
{
	json_t	*h = json_loads(histogram, 0, NULL);
	int	 m;

	assert_non_null(h);
	m = evidence_median_days(h, 1);
	json_decref(h);
	return m;
}

/* The organisation's own statements (no list of groups) count what the
 * scoped ones count; the median days to answer, from its histogram. */
static void
answers_for_the_organisation_and_their_median(void **state)
{
	struct db			*db = *state;
	static const struct evidence_scope org = { 0, 0 }, group = { 0, 1 };
	json_t				*rows;

	rows = evidence_flow_rows(db, FLOW_ANSWERED, &org, "2026-01-01",
	    "2026-03-31", "2026-03-31");
	assert_non_null(rows);
	assert_int_equal(json_array_size(rows), 2);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(
	    rows, 1), "whole")), 2);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(
	    rows, 0), "part")), 1);
	json_decref(rows);

	rows = evidence_answer_days(db, &org, "2026-01-01", "2026-03-31");
	assert_int_equal(evidence_median_days(rows, 1), 33);	/* 21, 44 */
	/* Two answers are too few where five are asked for. */
	assert_int_equal(evidence_median_days(rows, 5), -1);
	json_decref(rows);
	rows = evidence_answer_days(db, &group, "2026-03-01", "2026-03-31");
	assert_int_equal(evidence_median_days(rows, 1), 44);
	json_decref(rows);

	assert_int_equal(median_of("[]"), -1);
	assert_int_equal(median_of("[{\"days\": 3, \"n\": 1}]"), 3);
	assert_int_equal(median_of("[{\"days\": 1, \"n\": 2}, "
	    "{\"days\": 5, \"n\": 1}]"), 1);
	assert_int_equal(median_of("[{\"days\": 1, \"n\": 1}, "
	    "{\"days\": 4, \"n\": 1}]"), 3);	/* 2.5 */
	assert_int_equal(median_of("[{\"days\": 2, \"n\": 2}, "
	    "{\"days\": 9, \"n\": 2}]"), 6);	/* 5.5 */
	assert_int_equal(median_of("[{\"days\": 2, \"n\": 1}, "
	    "{\"days\": 7, \"n\": 3}, {\"days\": 30, \"n\": 1}]"), 7);
}

/* The involvement questions count people, not answers: a second question
 * on taking part, answered by two of the three, leaves three respondents
 * (by answers it would read five), of whom the two who agree with most
 * of theirs agree. */
static void
involvement_counts_respondents_not_answers(void **state)
{
	struct db	*db = *state;

	assert_int_equal(db_exec_script(db, "INSERT INTO survey_questions "
	    "(id, version_id, position, kind, prompt, instrument, item_key) "
	    "VALUES (4, 1, 4, 'single', 'l', 'involvement', 'listened');"
	    "INSERT INTO survey_answers (response_id, question_id, value) "
	    "VALUES (1, 4, 'Agree'), (3, 4, 'Strongly disagree');"), 0);
	flow_is(db, FLOW_PERCEPTIONS, "2026-02", 2, 3);
	assert_int_equal(db_exec_script(db, "DELETE FROM survey_answers WHERE "
	    "question_id = 4; DELETE FROM survey_questions WHERE id = 4;"), 0);
}

static void
snapshot_is(struct db *db, enum evidence_snapshot snap, const char *day,
    int part, int whole)
{
	struct evidence_scope	 s = { 1, 0 };	/* the site: the same */
	int64_t			 p, w;

	assert_true(evidence_snapshot(db, snap, &s, day, &p, &w) > 0);
	assert_int_equal(p, part);
	assert_int_equal(w, whole);
}

static void
snapshots_on_a_day(void **state)
{
	struct db	*db = *state;

	/* Two reps; rep 2's training ran out on March 1st. */
	snapshot_is(db, SNAP_TRAINED, "2026-02-28", 2, 2);
	snapshot_is(db, SNAP_TRAINED, "2026-03-31", 1, 2);
	/* Rep 2's supervision was due on February 5th. */
	snapshot_is(db, SNAP_SUPERVISED, "2026-01-31", 1, 2);
	snapshot_is(db, SNAP_SUPERVISED, "2026-03-31", 1, 2);
	/* Objectives on March 31st: o1 done, o2 not yet due, o3 overdue. */
	snapshot_is(db, SNAP_OBJECTIVES, "2026-03-31", 2, 3);
	/* January 31st: six members (6 had not left), 1 record current.
	 * March 31st: five members, 1-3 current, 4's from 2024. */
	snapshot_is(db, SNAP_MONITORED, "2026-01-31", 1, 6);
	snapshot_is(db, SNAP_MONITORED, "2026-03-31", 3, 5);
	/* Experts: none seated yet on January 5th; on March 31st one of
	 * the two has a current record. */
	snapshot_is(db, SNAP_EXPERTS, "2026-01-05", 0, 0);
	snapshot_is(db, SNAP_EXPERTS, "2026-03-31", 1, 2);
}

static void
members_beside_the_population(void **state)
{
	struct db		*db = *state;
	struct evidence_scope	 s = { 1, 1 };
	json_t			*pop, *view, *c, *rep, *t, *row;
	char			 counted_on[DATE_CHARS + 1];
	size_t			 i;
	int			 seen = 0;

	pop = evidence_population(db, &s, "2026-03-31", counted_on);
	assert_non_null(pop);
	assert_string_equal(counted_on, "2026-01-15");
	assert_int_equal(json_array_size(pop), 2);	/* the later count */
	json_decref(pop);

	/* With a threshold of 1 nothing is small: the worked figures.
	 * Age, answered: 1 and 2 (50 to 64), 4 (25 to 34) = 3 of the 5
	 * members; 50 to 64 is 2 of 3 = 67% of members against 18 of 100
	 * = 18% of the site: a gap of 49 points. */
	view = evidence_build(db, &s, "Forum", "2026-01-01", "2026-03-31",
	    "2026-03-31", 1, 1, NULL);
	assert_non_null(view);
	c = json_array_get(json_object_get(view, "criteria"), EV_REPRESENTATIVE);
	rep = json_object_get(c, "representation");
	assert_int_equal(json_integer_value(json_object_get(rep, "members")),
	    5);
	json_array_foreach(json_object_get(rep, "tables"), i, t) {
		size_t	 k;

		if (strcmp(json_string_value(json_object_get(t, "key")),
		    "age") != 0)
			continue;
		assert_int_equal(json_integer_value(json_object_get(t,
		    "answered")), 3);
		json_array_foreach(json_object_get(t, "rows"), k, row)
			if (strcmp(json_string_value(json_object_get(row,
			    "category")), "50 to 64") == 0) {
				seen = 1;
				assert_int_equal(json_integer_value(
				    json_object_get(row, "members_percent")), 67);
				assert_int_equal(json_integer_value(
				    json_object_get(row, "population_percent")),
				    18);
			}
	}
	assert_true(seen);
	assert_string_equal(json_string_value(json_object_get(c, "figure")),
	    "49 points");
	assert_string_equal(json_string_value(json_object_get(c, "verdict")),
	    "not_met");
	/* Procedures: minutes 1 of 2 (50%), action points 1 of 3 (33%):
	 * the weaker is the figure; target 80: not met. */
	c = json_array_get(json_object_get(view, "criteria"), EV_PROCEDURES);
	assert_string_equal(json_string_value(json_object_get(c, "figure")),
	    "33%");
	/* Training: trained 1 of 2, supervised 1 of 2, expenses 1 of 2. */
	c = json_array_get(json_object_get(view, "criteria"), EV_TRAINING);
	assert_string_equal(json_string_value(json_object_get(c, "figure")),
	    "50%");
	/* Monitoring: members 3 of 5 = 60%, but the survey's 3 responses
	 * were not asked the monitoring questions (0%): the weaker stands,
	 * not met.  Procurement is a site's, so a group counts no experts. */
	c = json_array_get(json_object_get(view, "criteria"), EV_MONITORING);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(
	    json_array_get(json_object_get(c, "measures"), 0), "period"),
	    "percent")), 60);
	assert_string_equal(json_string_value(json_object_get(c, "figure")),
	    "0%");
	assert_string_equal(json_string_value(json_object_get(c, "verdict")),
	    "not_met");
	assert_true(json_is_null(json_object_get(json_object_get(
	    json_array_get(json_object_get(c, "measures"), 2), "period"),
	    "percent")));
	/* Perceptions: 2 of 3 = 67%, target 70: watch.  Trust: 1 of 2 =
	 * 50%: not met. */
	c = json_array_get(json_object_get(view, "criteria"), EV_PERCEPTIONS);
	assert_string_equal(json_string_value(json_object_get(c, "figure")),
	    "67%");
	assert_string_equal(json_string_value(json_object_get(c, "verdict")),
	    "watch");
	c = json_array_get(json_object_get(view, "criteria"), EV_TRUST);
	assert_string_equal(json_string_value(json_object_get(c, "verdict")),
	    "not_met");
	/* Strategy: 2 of 3 = 67%, target 75: watch. */
	c = json_array_get(json_object_get(view, "criteria"), EV_STRATEGY);
	assert_string_equal(json_string_value(json_object_get(c, "verdict")),
	    "watch");
	/* The accepted proposal is a highlight. */
	assert_int_equal(json_array_size(json_object_get(view, "highlights")),
	    1);
	json_decref(view);
}

/* The same view in Welsh: the same figures, its sentences in Welsh;
 * messages (a title, a label) stay msgids for | t. */
static void
the_view_in_welsh(void **state)
{
	struct db		*db = *state;
	struct evidence_scope	 s = { 1, 1 };
	json_t			*view, *c, *m, *rep;
	const char		*text;

	view = evidence_build(db, &s, "Forum", "2026-01-01", "2026-03-31",
	    "2026-03-31", 1, 1, welsh());
	assert_non_null(view);
	c = json_array_get(json_object_get(view, "criteria"), EV_REPRESENTATIVE);
	assert_string_equal(json_string_value(json_object_get(c, "figure")),
	    "49 pwynt");
	assert_string_equal(json_string_value(json_object_get(c,
	    "target_words")), "10 pwynt ar y mwyaf");
	assert_string_equal(json_string_value(json_object_get(c, "title")),
	    "Representative and involved");
	rep = json_object_get(c, "representation");
	text = json_string_value(json_object_get(json_array_get(
	    json_object_get(rep, "gaps"), 0), "text"));
	assert_non_null(text);
	assert_true(strncmp(text, "Mae pobl ", 9) == 0);
	c = json_array_get(json_object_get(view, "criteria"), EV_PROCEDURES);
	m = json_array_get(json_object_get(c, "measures"), 0);
	assert_string_equal(json_string_value(json_object_get(m, "label")),
	    "Minutes published within 14 days of the meeting");
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    m, "period"), "words")), "1 o 2 (50%)");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(m, "months"), 0), "month_words")), "Ionawr 2026");
	json_decref(view);
}

static void
small_numbers_are_suppressed_in_the_view(void **state)
{
	struct db		*db = *state;
	struct evidence_scope	 s = { 1, 1 };
	json_t			*view, *c;

	/* With a threshold of 10, every count here is small: no share, no
	 * figure, no verdict but "too few to judge". */
	view = evidence_build(db, &s, "Forum", "2026-01-01", "2026-03-31",
	    "2026-03-31", 10, 0, NULL);
	assert_non_null(view);
	c = json_array_get(json_object_get(view, "criteria"), EV_MONITORING);
	assert_true(json_is_null(json_object_get(c, "figure")));
	assert_string_equal(json_string_value(json_object_get(c, "verdict")),
	    "none");
	c = json_object_get(json_array_get(json_object_get(view, "criteria"),
	    EV_REPRESENTATIVE), "representation");
	assert_string_equal(json_string_value(json_object_get(c, "members")),
	    "fewer than 10");
	json_decref(view);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(verdicts_against_targets),
		cmocka_unit_test(shares_round_half_up),
		cmocka_unit_test(months_of_a_period),
		cmocka_unit_test(figures_in_words),
		cmocka_unit_test(gaps_in_words),
		cmocka_unit_test(flows_by_month),
		cmocka_unit_test(answers_for_the_organisation_and_their_median),
		cmocka_unit_test(snapshots_on_a_day),
		cmocka_unit_test(members_beside_the_population),
		cmocka_unit_test(the_view_in_welsh),
		cmocka_unit_test(small_numbers_are_suppressed_in_the_view),
		cmocka_unit_test(involvement_counts_respondents_not_answers),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
