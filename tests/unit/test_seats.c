/*
 * Who holds a rotating seat at each turn, worked by hand.  Three members
 * A, B, C (indexes 0, 1, 2) take turns in order: turn t is t mod 3.
 */
#include "unit.h"

#include "elections/elections.h"

static void
expect(size_t nmembers, const struct seat_swap *swaps, size_t nswaps,
    int64_t first, const size_t *want, size_t n)
{
	size_t	 got[16], i;

	assert_true(n <= 16);
	seat_schedule(nmembers, swaps, nswaps, first, n, got);
	for (i = 0; i < n; i++) {
		if (got[i] != want[i])
			print_error("turn %lld: got %zu, want %zu\n",
			    (long long)(first + (int64_t)i), got[i], want[i]);
		assert_int_equal(got[i], want[i]);
	}
}

/* A B C A B C ... from turn 0, and from a later turn. */
static void
turns_go_round_in_order(void **state)
{
	static const size_t from0[] = { 0, 1, 2, 0, 1, 2, 0 };
	static const size_t from4[] = { 1, 2, 0 };

	(void)state;
	expect(3, NULL, 0, 0, from0, 7);
	expect(3, NULL, 0, 4, from4, 3);
}

/* A fixed seat is a rotation of one: always its holder. */
static void
a_fixed_seat_never_moves(void **state)
{
	static const size_t want[] = { 0, 0, 0, 0 };

	(void)state;
	expect(1, NULL, 0, 0, want, 4);
}

/*
 * A cannot attend turn 0; C takes it and gives A C's next turn, 2:
 * C B A A B C.  seat_next_turn finds C's next turn after 0 (2), and A's
 * next after 0 is now 2 as well (A holds turns 2 and 3).
 */
static void
a_swap_exchanges_two_turns(void **state)
{
	static const struct seat_swap sw[] = { { 0, 2 } };
	static const size_t want[] = { 2, 1, 0, 0, 1, 2 };

	(void)state;
	assert_int_equal(seat_next_turn(3, NULL, 0, 0, 2), 2);
	expect(3, sw, 1, 0, want, 6);
	assert_int_equal(seat_next_turn(3, sw, 1, 0, 0), 2);
	assert_int_equal(seat_next_turn(3, sw, 1, 0, 2), 5);
}

/*
 * Swaps apply in the order recorded.  After {0, 2} the turns read
 * C B A A B C; then B cannot attend turn 1 and A (next turn 2) takes it:
 * swap {1, 2} gives C A B A B C.
 */
static void
later_swaps_build_on_earlier_ones(void **state)
{
	static const struct seat_swap sw[] = { { 0, 2 }, { 1, 2 } };
	static const size_t want[] = { 2, 0, 1, 0, 1, 2 };

	(void)state;
	expect(3, sw, 2, 0, want, 6);
	assert_int_equal(seat_next_turn(3, sw, 2, 1, 1), 2);
}

/* A seat with nobody on it has no turns to give. */
static void
no_members_no_turns(void **state)
{
	(void)state;
	assert_int_equal(seat_next_turn(0, NULL, 0, 0, 0), SEAT_TURN_NONE);
	assert_int_equal(seat_next_turn(3, NULL, 0, 0, 5), SEAT_TURN_NONE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(turns_go_round_in_order),
		cmocka_unit_test(a_fixed_seat_never_moves),
		cmocka_unit_test(a_swap_exchanges_two_turns),
		cmocka_unit_test(later_swaps_build_on_earlier_ones),
		cmocka_unit_test(no_members_no_turns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
