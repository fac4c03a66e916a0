/*
 * The membership lifecycle's pure parts: the recruitment state machine,
 * every transition allowed and refused; the clearance rule; supervision
 * and renewal dates across month ends and leap years; money in pence;
 * CSV cells neutralised against formula injection; and the pipeline in
 * the database (activating makes the membership, a stale move is refused).
 */
#include "unit.h"

#include "membership/membership.h"
#include "util/buf.h"

/* The transitions the design allows, and nothing else. */
static const struct {
	enum recruit_stage	from;
	enum recruit_event	event;
	enum recruit_stage	to;
} legal[] = {
	{ RS_REFERRED, RE_APPLY, RS_APPLIED },
	{ RS_APPLIED, RE_CHECK, RS_CHECKED },
	{ RS_CHECKED, RE_INDUCT, RS_INDUCTED },
	{ RS_INDUCTED, RE_TRAIN, RS_TRAINED },
	{ RS_TRAINED, RE_ACTIVATE, RS_ACTIVE },
	{ RS_REFERRED, RE_LEAVE, RS_LEFT },
	{ RS_APPLIED, RE_LEAVE, RS_LEFT },
	{ RS_CHECKED, RE_LEAVE, RS_LEFT },
	{ RS_INDUCTED, RE_LEAVE, RS_LEFT },
	{ RS_TRAINED, RE_LEAVE, RS_LEFT },
	{ RS_ACTIVE, RE_LEAVE, RS_LEFT },
};

static void
every_transition_is_as_designed(void **state)
{
	size_t	 k;
	int	 s, e, want, allowed = 0, refused = 0;

	(void)state;
	for (s = 0; s < RS__MAX; s++)
		for (e = 0; e < RE__MAX; e++) {
			want = -1;
			for (k = 0; k < sizeof(legal) / sizeof(legal[0]); k++)
				if ((int)legal[k].from == s &&
				    (int)legal[k].event == e)
					want = (int)legal[k].to;
			if (recruit_next((enum recruit_stage)s,
			    (enum recruit_event)e) != want)
				print_error("%s + %s: got %d, want %d\n",
				    recruit_stage_names[s],
				    recruit_event_names[e], recruit_next(
				    (enum recruit_stage)s,
				    (enum recruit_event)e), want);
			assert_int_equal(recruit_next((enum recruit_stage)s,
			    (enum recruit_event)e), want);
			if (want < 0)
				refused++;
			else
				allowed++;
		}
	assert_int_equal(allowed, 11);
	assert_int_equal(refused, RS__MAX * RE__MAX - 11);
	/* Out of range is refused, not read past the table. */
	assert_int_equal(recruit_next(RS__MAX, RE_APPLY), -1);
	assert_int_equal(recruit_next(RS_REFERRED, RE__MAX), -1);
	assert_int_equal(recruit_next((enum recruit_stage)-1, RE_APPLY), -1);
}

static void
names_round_trip(void **state)
{
	int	 i;

	(void)state;
	for (i = 0; i < RS__MAX; i++)
		assert_int_equal(recruit_stage_parse(recruit_stage_names[i]), i);
	for (i = 0; i < RE__MAX; i++)
		assert_int_equal(recruit_event_parse(recruit_event_names[i]), i);
	assert_int_equal(recruit_stage_parse("hired"), -1);
	assert_int_equal(recruit_stage_parse(NULL), -1);
	assert_int_equal(recruit_event_parse("promote"), -1);
}

/* The number of errors the move rules give for these values, for a
 * recruit whose recorded clearance is held. */
static size_t
move_errors_held(const char *event, const char *clearance, const char *on,
    const char *held)
{
	json_t	*v = json_pack("{s:s, s:s?, s:s?}", "event", event,
	    "clearance", clearance, "clearance_on", on);
	json_t	*errors = json_array();
	size_t	 n;

	recruit_move_rules(v, held, errors);
	n = json_array_size(errors);
	json_decref(v);
	json_decref(errors);
	return n;
}

static size_t
move_errors(const char *event, const char *clearance, const char *on)
{
	return move_errors_held(event, clearance, on, NULL);
}

static void
the_check_needs_clearance_with_a_date(void **state)
{
	(void)state;
	assert_int_equal(move_errors("check", "cleared", "2026-11-20"), 0);
	assert_int_equal(move_errors("check", "cleared", "2026-11-25"), 0);
	assert_int_equal(move_errors("check", NULL, NULL), 1);
	assert_int_equal(move_errors("check", "pending", "2026-11-20"), 1);
	assert_int_equal(move_errors("check", "not_cleared", "2026-11-20"), 1);
	/* A status needs its date (one ahead is the field table's:
	 * DATE_HAPPENED, test_fields). */
	assert_int_equal(move_errors("check", "cleared", NULL), 1);
	assert_int_equal(move_errors("apply", NULL, "2026-11-20"), 1);
	/* Applying needs nothing; leaving may record any status. */
	assert_int_equal(move_errors("apply", NULL, NULL), 0);
	assert_int_equal(move_errors("leave", "not_cleared", "2026-11-01"), 0);
	assert_int_equal(move_errors_held("leave", NULL, NULL, "not_cleared"),
	    0);
}

static void
only_the_check_records_clearance_and_later_steps_need_it(void **state)
{
	static const char *const later[] = { "induct", "train", "activate" };
	size_t	 i;

	(void)state;
	assert_int_equal(move_errors("apply", "pending", "2026-11-20"), 1);
	for (i = 0; i < sizeof(later) / sizeof(later[0]); i++) {
		assert_int_equal(move_errors_held(later[i], NULL, NULL,
		    "cleared"), 0);
		/* No step after the check changes the clearance... */
		assert_int_equal(move_errors_held(later[i], "not_cleared",
		    "2026-11-20", "cleared"), 1);
		assert_int_equal(move_errors_held(later[i], "cleared",
		    "2026-11-20", "cleared"), 1);
		/* ...and none goes on for someone not cleared. */
		assert_int_equal(move_errors_held(later[i], NULL, NULL,
		    "not_cleared"), 1);
		assert_int_equal(move_errors_held(later[i], NULL, NULL,
		    "pending"), 1);
		assert_int_equal(move_errors_held(later[i], NULL, NULL, NULL),
		    1);
	}
	assert_true(recruit_event_records_clearance(RE_CHECK));
	assert_true(recruit_event_records_clearance(RE_LEAVE));
	assert_false(recruit_event_records_clearance(RE_INDUCT));
	assert_false(recruit_event_records_clearance(RE_ACTIVATE));
	assert_true(recruit_event_needs_cleared(RE_CHECK));
	assert_true(recruit_event_needs_cleared(RE_ACTIVATE));
	assert_false(recruit_event_needs_cleared(RE_APPLY));
	assert_false(recruit_event_needs_cleared(RE_LEAVE));
}

static void
supervision_dates_cross_month_ends(void **state)
{
	static const struct {
		const char	*held;
		int		 months;
		const char	*due;
	} cases[] = {
		{ "2026-01-15", 1, "2026-02-15" },
		{ "2026-01-31", 1, "2026-02-28" },	/* clamped */
		{ "2028-01-31", 1, "2028-02-29" },	/* leap year */
		{ "2100-01-31", 1, "2100-02-28" },	/* not a leap year */
		{ "2000-01-30", 1, "2000-02-29" },	/* a leap year */
		{ "2026-03-31", 1, "2026-04-30" },
		{ "2026-08-31", 1, "2026-09-30" },
		{ "2026-12-31", 1, "2027-01-31" },	/* over the year */
		{ "2026-11-30", 3, "2027-02-28" },
		{ "2026-05-31", 12, "2027-05-31" },
		{ "2026-02-28", 1, "2026-03-28" },	/* not stretched */
		{ "2026-06-10", 0, "2026-07-10" },	/* 0: the default, 1 */
	};
	char	 out[DATE_CHARS + 1];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		supervision_next_due(cases[i].held, cases[i].months, out);
		if (strcmp(out, cases[i].due) != 0)
			print_error("%s + %d months: got %s, want %s\n",
			    cases[i].held, cases[i].months, out, cases[i].due);
		assert_string_equal(out, cases[i].due);
	}
	supervision_next_due("2026-02-30", 1, out);
	assert_string_equal(out, "");
	date_add_months("2199-12-15", 1, out);
	assert_string_equal(out, "");
	date_add_months("2026-03-31", -1, out);
	assert_string_equal(out, "2026-02-28");
}

static void
overdue_counts_days_after_the_due_date(void **state)
{
	(void)state;
	assert_int_equal(supervision_days_overdue("2026-11-25", "2026-11-25"),
	    0);
	assert_int_equal(supervision_days_overdue("2026-11-26", "2026-11-25"),
	    0);
	assert_int_equal(supervision_days_overdue("2026-10-31", "2026-11-25"),
	    25);
	assert_int_equal(supervision_days_overdue("2024-02-28", "2024-03-01"),
	    2);
}

static void
renewals_follow_the_course(void **state)
{
	char	 out[DATE_CHARS + 1];

	(void)state;
	training_renew_on("2026-08-31", 24, out);
	assert_string_equal(out, "2028-08-31");
	training_renew_on("2027-02-28", 12, out);
	assert_string_equal(out, "2028-02-28");
	training_renew_on("2028-02-29", 12, out);
	assert_string_equal(out, "2029-02-28");
	training_renew_on("2026-08-31", 0, out);
	assert_string_equal(out, "");
}

static void
money_is_whole_pence(void **state)
{
	char	 out[32];

	(void)state;
	assert_int_equal(money_parse_pence("12.50", 100000), 1250);
	assert_int_equal(money_parse_pence("12.5", 100000), 1250);
	assert_int_equal(money_parse_pence("12", 100000), 1200);
	assert_int_equal(money_parse_pence("0.07", 100000), 7);
	assert_int_equal(money_parse_pence(".99", 100000), 99);
	assert_int_equal(money_parse_pence("\xc2\xa3" "3.05", 100000), 305);
	assert_int_equal(money_parse_pence("1000.00", 100000), 100000);
	assert_int_equal(money_parse_pence("1000.01", 100000), -1);
	assert_int_equal(money_parse_pence("12.505", 100000), -1);
	assert_int_equal(money_parse_pence("12.", 100000), -1);
	assert_int_equal(money_parse_pence("-5", 100000), -1);
	assert_int_equal(money_parse_pence("1e3", 100000), -1);
	assert_int_equal(money_parse_pence("12,50", 100000), -1);
	assert_int_equal(money_parse_pence("", 100000), -1);
	assert_int_equal(money_parse_pence(NULL, 100000), -1);
	assert_int_equal(money_parse_pence("99999999999999", 100000), -1);
	money_format(1250, out, sizeof(out));
	assert_string_equal(out, "12.50");
	money_format(7, out, sizeof(out));
	assert_string_equal(out, "0.07");
	money_format(100000, out, sizeof(out));
	assert_string_equal(out, "1000.00");
}

/* One cell as csv_cell writes it. */
static void
assert_cell(const char *text, const char *want)
{
	struct buf	 b;

	buf_init(&b, 1024);
	assert_int_equal(csv_cell(&b, text), 0);
	assert_string_equal(b.data, want);
	buf_release(&b);
}

static void
csv_cells_cannot_start_formulas(void **state)
{
	(void)state;
	assert_cell("=HYPERLINK(\"http://x\",\"y\")",
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	assert_cell("+1+1", "\"'+1+1\"");
	assert_cell("-2+3", "\"'-2+3\"");
	assert_cell("@SUM(A1)", "\"'@SUM(A1)\"");
	assert_cell("\t=1", "\"'\t=1\"");
	assert_cell("\r=1", "\"'\r=1\"");
	assert_cell("Bus fare", "\"Bus fare\"");
	assert_cell("12.50", "\"12.50\"");
	assert_cell("a=b", "\"a=b\"");
	assert_cell("", "\"\"");
	assert_cell(NULL, "\"\"");
	assert_true(cell_is_formula("=1"));
	assert_false(cell_is_formula("1="));
}

static const enum recruit_event to_active[] = { RE_APPLY, RE_CHECK,
    RE_INDUCT, RE_TRAIN, RE_ACTIVATE };

/* A fresh database with a group at a new site and one person, for the
 * store tests: *v refers them as a rep, *cleared is a passing check. */
static void
pipeline_fixture(struct db *db, char path[UNIT_PATH_MAX], int64_t *group,
    int64_t *person, json_t **v, json_t **cleared)
{
	memset(db, 0, sizeof(*db));
	assert_int_equal(unit_db_open(db, path), 0);
	assert_int_equal(db_exec(db, "INSERT INTO sites (name, kind) VALUES "
	    "('Test prison', 'prison')", ""), DB_OK);
	assert_int_equal(db_exec(db, "INSERT INTO groups (site_id, name, kind) "
	    "VALUES (1, 'Rep team', 'rep_team')", ""), DB_OK);
	*group = db_last_id(db);
	assert_int_equal(db_exec(db, "INSERT INTO people (reference, "
	    "display_name, status, site_id) VALUES ('P-TEST01', 'Ada', "
	    "'in_custody', 1)", ""), DB_OK);
	*person = db_last_id(db);
	*v = json_pack("{s:I, s:s, s:s}", "person_id", (json_int_t)*person,
	    "position", "rep", "referred_by", "self");
	*cleared = json_pack("{s:s, s:s}", "clearance", "cleared",
	    "clearance_on", "2026-11-03");
}

/* Moves recruit id from referred to active, step i on on[i]. */
static void
move_to_active(struct db *db, int64_t id, json_t *v, json_t *cleared,
    const char *const on[5])
{
	size_t	 i;

	for (i = 0; i < sizeof(to_active) / sizeof(to_active[0]); i++)
		assert_int_equal(recruit_move(db, 0, id, to_active[i],
		    to_active[i] == RE_CHECK ? cleared : v, on[i]), DB_OK);
}

static void
the_pipeline_moves_in_the_database(void **state)
{
	char	 path[UNIT_PATH_MAX];
	struct db db;
	json_t	*v, *cleared, *times;
	int64_t	 group, person, id, n = -1;
	static const json_int_t days[] = { 1, 2, 3, 4, 5, 4 };
	static const char *const on[] = { "2026-11-02", "2026-11-04",
	    "2026-11-07", "2026-11-11", "2026-11-16" };
	size_t	 i;

	(void)state;
	pipeline_fixture(&db, path, &group, &person, &v, &cleared);
	assert_int_equal(recruit_add(&db, 0, group, v, "2026-11-01", &id),
	    DB_OK);
	/* Once in the pipeline, not twice. */
	assert_int_equal(recruit_add(&db, 0, group, v, "2026-11-01", &n),
	    DB_CONSTRAINT);
	/* Skipping a stage is refused and changes nothing. */
	assert_int_equal(recruit_move(&db, 0, id, RE_INDUCT, v, "2026-11-02"),
	    DB_CONSTRAINT);
	move_to_active(&db, id, v, cleared, on);
	assert_int_equal(db_int(&db, &n, "SELECT count(*) FROM memberships "
	    "WHERE group_id = ? AND person_id = ? AND position = 'rep' "
	    "AND to_on IS NULL", "ii", group, person), 1);
	assert_int_equal(n, 1);
	assert_int_equal(db_int(&db, &n, "SELECT count(*) FROM recruit_events "
	    "WHERE recruit_id = ?", "i", id), 1);
	assert_int_equal(n, 6);
	assert_int_equal(db_int(&db, &n, "SELECT clearance = 'cleared' FROM "
	    "recruits WHERE id = ?", "i", id), 1);
	assert_int_equal(n, 1);
	/* Active cannot be activated again; leaving ends the membership. */
	assert_int_equal(recruit_move(&db, 0, id, RE_ACTIVATE, v, "2026-11-20"),
	    DB_CONSTRAINT);
	assert_int_equal(recruit_move(&db, 0, id, RE_LEAVE, v, "2026-11-20"),
	    DB_OK);
	assert_int_equal(db_int(&db, &n, "SELECT count(*) FROM memberships "
	    "WHERE person_id = ? AND to_on = '2026-11-20'", "i", person), 1);
	assert_int_equal(n, 1);
	assert_int_equal(recruit_move(&db, 0, id, RE_LEAVE, v, "2026-11-21"),
	    DB_CONSTRAINT);
	/* Time in each stage comes from the event rows: referred 1 day,
	 * applied 2, checked 3, inducted 4, trained 5, active 4. */
	times = stage_times(&db, group, "2026-11-25");
	assert_non_null(times);
	assert_int_equal(json_array_size(times), 6);
	for (i = 0; i < 6; i++)
		assert_int_equal(json_integer_value(json_object_get(
		    json_array_get(times, i), "average_days")), days[i]);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    times, 0), "stage")), "referred");
	json_decref(times);
	json_decref(v);
	json_decref(cleared);
	unit_db_close(&db, path);
}

/* The store itself keeps a later step from anyone not cleared (the
 * rules read the clearance before; it may have changed since), and only
 * the check and leaving write a clearance. */
static void
the_store_moves_on_only_someone_cleared(void **state)
{
	char	 path[UNIT_PATH_MAX];
	struct db db;
	json_t	*v, *cleared, *not_cleared;
	int64_t	 group, person, id, n = -1;

	(void)state;
	pipeline_fixture(&db, path, &group, &person, &v, &cleared);
	not_cleared = json_pack("{s:s, s:s}", "clearance", "not_cleared",
	    "clearance_on", "2026-11-04");
	assert_int_equal(recruit_add(&db, 0, group, v, "2026-11-01", &id),
	    DB_OK);
	assert_int_equal(recruit_move(&db, 0, id, RE_APPLY, v, "2026-11-02"),
	    DB_OK);
	/* The check itself must record "Cleared". */
	assert_int_equal(recruit_move(&db, 0, id, RE_CHECK, not_cleared,
	    "2026-11-04"), DB_CONSTRAINT);
	assert_int_equal(recruit_move(&db, 0, id, RE_CHECK, cleared,
	    "2026-11-04"), DB_OK);
	/* A later step does not write the clearance it is sent. */
	assert_int_equal(recruit_move(&db, 0, id, RE_INDUCT, not_cleared,
	    "2026-11-05"), DB_OK);
	assert_int_equal(db_int(&db, &n, "SELECT clearance = 'cleared' AND "
	    "clearance_on = '2026-11-03' FROM recruits WHERE id = ?", "i",
	    id), 1);
	assert_int_equal(n, 1);
	/* Clearance withdrawn meanwhile: the next step is refused. */
	assert_int_equal(db_exec(&db, "UPDATE recruits SET clearance = "
	    "'not_cleared' WHERE id = ?", "i", id), DB_OK);
	assert_int_equal(recruit_move(&db, 0, id, RE_TRAIN, cleared,
	    "2026-11-06"), DB_CONSTRAINT);
	assert_int_equal(db_int(&db, &n, "SELECT stage = 'inducted' AND "
	    "clearance = 'not_cleared' FROM recruits WHERE id = ?", "i", id),
	    1);
	assert_int_equal(n, 1);
	/* Leaving is still possible, and may record the status. */
	assert_int_equal(recruit_move(&db, 0, id, RE_LEAVE, not_cleared,
	    "2026-11-06"), DB_OK);
	json_decref(v);
	json_decref(cleared);
	json_decref(not_cleared);
	unit_db_close(&db, path);
}

/* Activating someone already in the group adds no second role; leaving
 * from active ends the role activation made and no other. */
static void
the_pipeline_touches_only_its_own_role(void **state)
{
	char	 path[UNIT_PATH_MAX];
	struct db db;
	json_t	*v, *cleared;
	int64_t	 group, person, id, n = -1;
	static const char *const roles =
	    "SELECT count(*) FROM memberships WHERE person_id = ? "
	    "AND to_on IS NULL";
	static const char *const first[] = { "2026-11-05", "2026-11-05",
	    "2026-11-05", "2026-11-05", "2026-11-05" };
	static const char *const again[] = { "2026-11-08", "2026-11-08",
	    "2026-11-08", "2026-11-08", "2026-11-08" };

	(void)state;
	pipeline_fixture(&db, path, &group, &person, &v, &cleared);
	/* Added directly while in the pipeline. */
	assert_int_equal(recruit_add(&db, 0, group, v, "2026-11-01", &id),
	    DB_OK);
	assert_int_equal(db_exec(&db, "INSERT INTO memberships (group_id, "
	    "person_id, position, from_on) VALUES (?, ?, 'rep', "
	    "'2026-11-02')", "ii", group, person), DB_OK);
	move_to_active(&db, id, v, cleared, first);
	assert_int_equal(db_int(&db, &n, roles, "i", person), 1);
	assert_int_equal(n, 1);
	assert_int_equal(recruit_move(&db, 0, id, RE_LEAVE, v, "2026-11-06"),
	    DB_OK);
	assert_int_equal(db_int(&db, &n, roles, "i", person), 1);
	assert_int_equal(n, 1);
	assert_int_equal(db_exec(&db, "UPDATE memberships SET to_on = "
	    "'2026-11-06'", ""), DB_OK);

	/* Recruited again, made a member by the pipeline, then given a
	 * second role: leaving the pipeline ends its own role alone. */
	assert_int_equal(recruit_add(&db, 0, group, v, "2026-11-07", &id),
	    DB_OK);
	move_to_active(&db, id, v, cleared, again);
	assert_int_equal(db_exec(&db, "INSERT INTO memberships (group_id, "
	    "person_id, position, from_on) VALUES (?, ?, 'treasurer', "
	    "'2026-11-09')", "ii", group, person), DB_OK);
	assert_int_equal(db_int(&db, &n, roles, "i", person), 1);
	assert_int_equal(n, 2);
	assert_int_equal(recruit_move(&db, 0, id, RE_LEAVE, v, "2026-11-10"),
	    DB_OK);
	assert_int_equal(db_int(&db, &n, "SELECT count(*) FROM memberships "
	    "WHERE person_id = ? AND to_on IS NULL AND position = 'treasurer'",
	    "i", person), 1);
	assert_int_equal(n, 1);
	assert_int_equal(db_int(&db, &n, roles, "i", person), 1);
	assert_int_equal(n, 1);
	json_decref(v);
	json_decref(cleared);
	unit_db_close(&db, path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_transition_is_as_designed),
		cmocka_unit_test(names_round_trip),
		cmocka_unit_test(the_check_needs_clearance_with_a_date),
		cmocka_unit_test(only_the_check_records_clearance_and_later_steps_need_it),
		cmocka_unit_test(supervision_dates_cross_month_ends),
		cmocka_unit_test(overdue_counts_days_after_the_due_date),
		cmocka_unit_test(renewals_follow_the_course),
		cmocka_unit_test(money_is_whole_pence),
		cmocka_unit_test(csv_cells_cannot_start_formulas),
		cmocka_unit_test(the_pipeline_moves_in_the_database),
		cmocka_unit_test(the_store_moves_on_only_someone_cleared),
		cmocka_unit_test(the_pipeline_touches_only_its_own_role),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
