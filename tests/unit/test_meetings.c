/*
 * Quorum arithmetic: half the members rounded up, or a fixed number, and
 * never more than there are members nor fewer than one.
 */
#include "unit.h"

#include "meetings/meetings.h"

static void
half_rounds_up(void **state)
{
	(void)state;
	assert_int_equal(quorum_needed("half", 0, 6), 3);
	assert_int_equal(quorum_needed("half", 0, 7), 4);
	assert_int_equal(quorum_needed("half", 0, 1), 1);
	assert_int_equal(quorum_needed("half", 99, 10), 5);
	assert_int_equal(quorum_needed(NULL, 0, 4), 2);
}

static void
fixed_is_capped_by_the_members(void **state)
{
	(void)state;
	assert_int_equal(quorum_needed("fixed", 4, 10), 4);
	assert_int_equal(quorum_needed("fixed", 12, 10), 10);
	assert_int_equal(quorum_needed("fixed", 0, 10), 1);
}

static void
an_empty_group_still_needs_someone(void **state)
{
	(void)state;
	assert_int_equal(quorum_needed("half", 0, 0), 1);
	assert_int_equal(quorum_needed("fixed", 3, 0), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(half_rounds_up),
		cmocka_unit_test(fixed_is_capped_by_the_members),
		cmocka_unit_test(an_empty_group_still_needs_someone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
