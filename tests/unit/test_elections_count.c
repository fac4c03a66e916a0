/*
 * The counts against worked examples, each written out by hand below
 * with its arithmetic, so a reader can check the test rather than trust
 * it.  STV follows the Scottish rules of 2007 as elections_count.c says:
 * Droop quota = floor(valid / (seats + 1)) + 1; surplus transfer value =
 * surplus x value / votes, truncated to five decimal places.
 */
#include "unit.h"

#include <jansson.h>

#include "elections/elections.h"

#define MAXC	8

/* A ballot written as letters: "AB" = A first, then B. */
struct paper {
	const char	*order;
	int		 copies;
};

/* Builds the count input from papers over candidates A.. (ids 1..),
 * counts, and returns the sheet.  The seed is one byte pattern. */
static json_t *
run(enum count_method m, size_t seats, size_t ncand,
    const struct paper *papers, size_t npapers, unsigned char seed)
{
	static int64_t	 ids[MAXC] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct count_input in;
	int		*ranks;
	size_t		 n = 0, p, k, c, i;
	json_t		*sheet;

	for (p = 0; p < npapers; p++)
		n += (size_t)papers[p].copies;
	ranks = malloc(n * ncand * sizeof(*ranks));
	assert_non_null(ranks);
	for (p = 0, i = 0; p < npapers; p++)
		for (k = 0; k < (size_t)papers[p].copies; k++, i++)
			for (c = 0; c < ncand; c++)
				ranks[i * ncand + c] = c < strlen(papers[p].order) ?
				    papers[p].order[c] - 'A' : -1;
	memset(&in, 0, sizeof(in));
	in.method = m;
	in.seats = seats;
	in.ncand = ncand;
	in.cand_ids = ids;
	in.nballots = n;
	in.ranks = ranks;
	memset(in.seed, seed, sizeof(in.seed));
	sheet = count_run(&in);
	free(ranks);
	assert_non_null(sheet);
	return sheet;
}

/* What the sheet says of candidate (1 = A) at stage (1 = first): its
 * key ("votes", "state"). */
static const char *
total_at(const json_t *sheet, size_t stage, int64_t candidate,
    const char *key)
{
	json_t	*st = json_array_get(json_object_get(sheet, "stages"),
	    stage - 1), *t;
	size_t	 i;

	json_array_foreach(json_object_get(st, "totals"), i, t)
		if (json_integer_value(json_object_get(t, "candidate_id")) ==
		    candidate)
			return json_string_value(json_object_get(t, key));
	fail_msg("no candidate %lld at stage %zu", (long long)candidate, stage);
	return NULL;
}

static const char *
votes_at(const json_t *sheet, size_t stage, int64_t candidate)
{
	return total_at(sheet, stage, candidate, "votes");
}

static const char *
state_at(const json_t *sheet, size_t stage, int64_t candidate)
{
	return total_at(sheet, stage, candidate, "state");
}

static const char *
stage_str(const json_t *sheet, size_t stage, const char *key)
{
	return json_string_value(json_object_get(json_array_get(
	    json_object_get(sheet, "stages"), stage - 1), key));
}

static int64_t
stage_who(const json_t *sheet, size_t stage)
{
	return json_integer_value(json_object_get(json_array_get(
	    json_object_get(sheet, "stages"), stage - 1), "candidate_id"));
}

static int64_t
elected(const json_t *sheet, size_t k)
{
	return json_integer_value(json_object_get(json_array_get(
	    json_object_get(sheet, "elected"), k), "candidate_id"));
}

/* No more valid nominations than places: all elected unopposed, with no
 * poll (no ballots needed), by either method; one more name and it is a
 * contest again, so nobody is elected without ballots. */
static void
no_more_names_than_places_is_unopposed(void **state)
{
	json_t	*sheet;

	(void)state;
	sheet = run(COUNT_FPTP, 1, 1, NULL, 0, 1);
	assert_true(json_is_true(json_object_get(sheet, "unopposed")));
	assert_int_equal(json_array_size(json_object_get(sheet, "elected")), 1);
	assert_int_equal(elected(sheet, 0), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(sheet, "elected"), 0), "how")), "unopposed");
	json_decref(sheet);
	sheet = run(COUNT_STV, 3, 2, NULL, 0, 1);
	assert_true(json_is_true(json_object_get(sheet, "unopposed")));
	assert_int_equal(json_array_size(json_object_get(sheet, "elected")), 2);
	json_decref(sheet);
	sheet = run(COUNT_FPTP, 1, 2, NULL, 0, 1);
	assert_false(json_is_true(json_object_get(sheet, "unopposed")));
	assert_int_equal(json_array_size(json_object_get(sheet, "elected")), 0);
	json_decref(sheet);
}

/*
 * Source: the worked example in Wikipedia's article "Single transferable
 * vote" (section "Example"; the food election, 20 voters, 3 places,
 * Droop quota).  A = Oranges, B = Pears, C = Chocolate, D = Strawberries,
 * E = Hamburgers.
 *
 *   4  A            quota = floor(20 / 4) + 1 = 6
 *   2  B A
 *   8  C D          stage 1: A 4, B 2, C 12, D 1, E 1.  C elected.
 *   4  C E          stage 2: C's surplus 12 - 6 = 6 at 6 x 1 / 12 = 0.5:
 *   1  D                     8 papers to D (+4), 4 to E (+2).
 *   1  E                     A 4, B 2, C 6, D 5, E 3.
 *                   stage 3: B excluded (2): both papers to A -> A 6,
 *                            elected.
 *                   stage 4: no surplus (A has exactly 6); E excluded
 *                            (3): the 4 "C E" papers (0.5 each) and the
 *                            "E" paper have no next name: 3.00000 are
 *                            non-transferable.  D is the only one left
 *                            for the last place and is elected.
 *   Elected: Chocolate, Oranges, Strawberries.
 */
static const struct paper food[] = {
	{ "A", 4 }, { "BA", 2 }, { "CD", 8 }, { "CE", 4 }, { "D", 1 },
	{ "E", 1 },
};

static void
stv_food_election(void **state)
{
	json_t	*s;

	(void)state;
	s = run(COUNT_STV, 3, 5, food, 6, 1);
	assert_string_equal(json_string_value(json_object_get(s, "quota")),
	    "6.00000");
	assert_string_equal(votes_at(s, 1, 3), "12.00000");
	assert_string_equal(stage_str(s, 2, "action"), "surplus");
	assert_int_equal(stage_who(s, 2), 3);
	assert_string_equal(stage_str(s, 2, "surplus"), "6.00000");
	assert_string_equal(votes_at(s, 2, 4), "5.00000");
	assert_string_equal(votes_at(s, 2, 5), "3.00000");
	assert_string_equal(stage_str(s, 3, "action"), "exclusion");
	assert_int_equal(stage_who(s, 3), 2);
	assert_string_equal(votes_at(s, 3, 1), "6.00000");
	assert_string_equal(stage_str(s, 4, "action"), "exclusion");
	assert_int_equal(stage_who(s, 4), 5);
	assert_string_equal(stage_str(s, 4, "non_transferable"), "3.00000");
	assert_int_equal(json_array_size(json_object_get(s, "stages")), 4);
	assert_int_equal(json_array_size(json_object_get(s, "elected")), 3);
	assert_int_equal(elected(s, 0), 3);
	assert_int_equal(elected(s, 1), 1);
	assert_int_equal(elected(s, 2), 4);
	/* Each stage says who it elected (C reached the quota at the first,
	 * A at the third), and the last says who was not, nobody
	 * "continuing" once the count is over. */
	assert_string_equal(state_at(s, 1, 3), "elected");
	assert_string_equal(state_at(s, 1, 1), "continuing");
	assert_string_equal(state_at(s, 3, 1), "elected");
	assert_string_equal(state_at(s, 3, 2), "excluded");
	assert_string_equal(state_at(s, 4, 4), "elected");
	assert_string_equal(state_at(s, 4, 2), "not elected");
	assert_string_equal(state_at(s, 4, 5), "not elected");
	json_decref(s);
}

/*
 * Constructed here: a surplus whose transfer value does not divide
 * evenly, and papers that run out of names.  2 places, 12 papers.
 *
 *   6  A B          quota = floor(12 / 3) + 1 = 5
 *   1  A            stage 1: A 7, B 0, C 3, D 2.  A elected.
 *   3  C            stage 2: surplus 7 - 5 = 2; transfer value
 *   2  D C                   2 x 1 / 7 = 0.285714... -> 0.28571.
 *                            6 "A B" papers to B: 6 x 0.28571 = 1.71426.
 *                            The "A" paper has no next name: 0.28571
 *                            non-transferable, and truncation loses
 *                            2 - 7 x 0.28571 = 0.00003, so 0.28574.
 *                   stage 3: B excluded (1.71426): its papers have no
 *                            name after B: non-transferable 2.00000.
 *                   stage 4: D excluded (2 against C's 3): both papers
 *                            to C, who has 5 = the quota: elected.
 *   Every vote is accounted for: A 5 + C 5 + non-transferable 2 = 12.
 */
static void
stv_fraction_and_exhausted_papers(void **state)
{
	static const struct paper p[] = {
		{ "AB", 6 }, { "A", 1 }, { "C", 3 }, { "DC", 2 },
	};
	json_t	*s;

	(void)state;
	s = run(COUNT_STV, 2, 4, p, 4, 1);
	assert_string_equal(json_string_value(json_object_get(s, "quota")),
	    "5.00000");
	assert_string_equal(votes_at(s, 2, 2), "1.71426");
	assert_string_equal(votes_at(s, 2, 1), "5.00000");
	assert_string_equal(stage_str(s, 2, "non_transferable"), "0.28574");
	assert_int_equal(stage_who(s, 3), 2);
	assert_string_equal(stage_str(s, 3, "non_transferable"), "2.00000");
	assert_int_equal(stage_who(s, 4), 4);
	assert_string_equal(votes_at(s, 4, 3), "5.00000");
	assert_int_equal(elected(s, 0), 1);
	assert_int_equal(elected(s, 1), 3);
	assert_int_equal(json_array_size(json_object_get(s, "elected")), 2);
	json_decref(s);
}

/*
 * Constructed here: a tie for exclusion settled by an earlier stage
 * (rule 50(3)).  1 place, 10 papers.
 *
 *   4  A            quota = floor(10 / 2) + 1 = 6
 *   3  B            stage 1: A 4, B 3, C 2, D 1.
 *   2  C B          stage 2: D excluded: its paper to C -> C 3.
 *   1  D C                   B and C are tied on 3.
 *                   stage 3: at stage 1 B had 3 and C 2, so C is
 *                            excluded: 2 papers to B (5), the "D C"
 *                            paper has no name left (1 non-transferable).
 *                   stage 4: A (4) excluded, its papers exhaust; B is
 *                            the last continuing for the one place.
 */
static void
stv_tie_decided_by_earlier_stage(void **state)
{
	static const struct paper p[] = {
		{ "A", 4 }, { "B", 3 }, { "CB", 2 }, { "DC", 1 },
	};
	json_t	*s;

	(void)state;
	s = run(COUNT_STV, 1, 4, p, 4, 1);
	assert_int_equal(stage_who(s, 2), 4);
	assert_string_equal(votes_at(s, 2, 2), "3.00000");
	assert_string_equal(votes_at(s, 2, 3), "3.00000");
	assert_int_equal(stage_who(s, 3), 3);
	assert_string_equal(stage_str(s, 3, "tie_break"), "votes at stage 1");
	assert_string_equal(votes_at(s, 3, 2), "5.00000");
	assert_string_equal(stage_str(s, 3, "non_transferable"), "1.00000");
	assert_int_equal(stage_who(s, 4), 1);
	assert_int_equal(elected(s, 0), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(s, "elected"), 0), "how")), "last continuing");
	json_decref(s);
}

/*
 * Constructed here: first past the post for 2 places, one vote for each
 * name marked.  3 "A B" + 2 "A C" + 1 "C" + 1 "B": A 5, B 4, C 3.
 */
static void
fptp_two_places(void **state)
{
	static const struct paper p[] = {
		{ "AB", 3 }, { "AC", 2 }, { "C", 1 }, { "B", 1 },
	};
	json_t	*s;

	(void)state;
	s = run(COUNT_FPTP, 2, 3, p, 4, 1);
	assert_string_equal(votes_at(s, 1, 1), "5.00000");
	assert_string_equal(votes_at(s, 1, 2), "4.00000");
	assert_string_equal(votes_at(s, 1, 3), "3.00000");
	assert_true(json_is_null(json_object_get(s, "quota")));
	assert_int_equal(elected(s, 0), 1);
	assert_int_equal(elected(s, 1), 2);
	/* Its one stage is its last: elected or not, never continuing. */
	assert_string_equal(state_at(s, 1, 1), "elected");
	assert_string_equal(state_at(s, 1, 2), "elected");
	assert_string_equal(state_at(s, 1, 3), "not elected");
	json_decref(s);
}

/*
 * The food election's sheet as stored before stages were settled (every
 * state as the stage was written: "continuing" until the stage after an
 * election) reads as one counted now, and settling again changes
 * nothing.
 */
static void
stored_sheets_settle_as_new_ones(void **state)
{
	/* As stored then, A to E at each stage: C continuing at the stage
	 * it reached the quota, A too, D at the end. */
	static const char *const raw[4][5] = {
		{ "continuing", "continuing", "continuing", "continuing",
		  "continuing" },
		{ "continuing", "continuing", "elected", "continuing",
		  "continuing" },
		{ "continuing", "excluded", "elected", "continuing",
		  "continuing" },
		{ "elected", "excluded", "elected", "continuing", "excluded" },
	};
	json_t	*s, *old, *st, *t;
	size_t	 i, j;

	(void)state;
	s = run(COUNT_STV, 3, 5, food, 6, 1);
	old = json_deep_copy(s);
	json_array_foreach(json_object_get(old, "stages"), i, st)
		json_array_foreach(json_object_get(st, "totals"), j, t)
			json_object_set_new(t, "state", json_string(raw[i][j]));
	assert_false(json_equal(old, s));
	count_settle(old);
	assert_true(json_equal(old, s));
	count_settle(old);
	assert_true(json_equal(old, s));
	json_decref(old);
	json_decref(s);
}

/*
 * A tie that no stage settles is decided by lot, drawn from the recorded
 * seed: the same seed always draws the same winner, and different seeds
 * draw both (so the lot is really used, not the order of the names).
 * 2 "A" + 2 "B", 1 place.
 */
static void
tie_by_lot_is_reproducible(void **state)
{
	static const struct paper p[] = { { "A", 2 }, { "B", 2 } };
	enum count_method	 m;
	json_t			*s, *again;
	int			 won[3] = { 0, 0, 0 };
	unsigned		 seed;

	(void)state;
	for (m = COUNT_FPTP; m <= COUNT_STV; m++)
		for (seed = 0; seed < 32; seed++) {
			s = run(m, 1, 2, p, 2, (unsigned char)seed);
			again = run(m, 1, 2, p, 2, (unsigned char)seed);
			assert_int_equal(elected(s, 0), elected(again, 0));
			assert_true(json_equal(s, again));
			won[elected(s, 0)]++;
			json_decref(s);
			json_decref(again);
		}
	assert_true(won[1] > 0);
	assert_true(won[2] > 0);
	/* STV records how the exclusion was decided. */
	s = run(COUNT_STV, 1, 2, p, 2, 7);
	assert_string_equal(stage_str(s, 2, "tie_break"), "lot");
	json_decref(s);
}

/* No ballots at all: nobody elected, and no crash. */
static void
no_ballots(void **state)
{
	json_t	*s;

	(void)state;
	s = run(COUNT_STV, 1, 3, NULL, 0, 1);
	assert_int_equal(json_array_size(json_object_get(s, "elected")), 0);
	json_decref(s);
}

static void
typed_ballots_are_checked(void **state)
{
	int		 out[4];
	const char	*why = NULL;

	(void)state;
	assert_int_equal(ballot_parse("2 1, 4", 4, COUNT_STV, 1, out, &why), 0);
	assert_int_equal(out[0], 1);
	assert_int_equal(out[1], 0);
	assert_int_equal(out[2], 3);
	assert_int_equal(out[3], -1);
	assert_int_equal(ballot_parse("1 1", 4, COUNT_STV, 1, out, &why), -1);
	assert_string_equal(why, "the same name twice");
	assert_int_equal(ballot_parse("5", 4, COUNT_STV, 1, out, &why), -1);
	assert_int_equal(ballot_parse("0", 4, COUNT_STV, 1, out, &why), -1);
	assert_int_equal(ballot_parse("", 4, COUNT_STV, 1, out, &why), -1);
	assert_string_equal(why, "no name marked");
	assert_int_equal(ballot_parse("1 x", 4, COUNT_STV, 1, out, &why), -1);
	assert_int_equal(ballot_parse("1 2", 4, COUNT_FPTP, 1, out, &why), -1);
	assert_string_equal(why, "more names marked than there are places");
	assert_int_equal(ballot_parse("1 2", 4, COUNT_FPTP, 2, out, &why), 0);
	assert_int_equal(ballot_parse("99999999999999999999", 4, COUNT_STV, 1,
	    out, &why), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stv_food_election),
		cmocka_unit_test(stv_fraction_and_exhausted_papers),
		cmocka_unit_test(stv_tie_decided_by_earlier_stage),
		cmocka_unit_test(fptp_two_places),
		cmocka_unit_test(stored_sheets_settle_as_new_ones),
		cmocka_unit_test(tie_by_lot_is_reproducible),
		cmocka_unit_test(no_ballots),
		cmocka_unit_test(no_more_names_than_places_is_unopposed),
		cmocka_unit_test(typed_ballots_are_checked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
