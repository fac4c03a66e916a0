/*
 * What a first-time user meets, beyond the crawl (test_crawl.c): the
 * "you said, we did" poster on one page, being told why they were signed
 * out (and keeping what they typed), the text-size choice, and the
 * member's home page.
 */
#define PW	"a11y-test-password"
#include "http_test.h"

static int
setup(void **state)
{
	static const char *const users[] = { "member.forum", "rep.fenwick",
	    "coordinator.fenwick", NULL };

	(void)state;
	return server_with_passwords(users);
}

/* The poster's items fit on its page: no second page holding only the
 * footer. */
static void
poster_is_one_page(void **state)
{
	struct client	 c;
	struct reply	 r;
	char		*text;

	(void)state;
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/groups/1/you-said-we-did.pdf", &r),
	    200);
	text = pdf_text(&srv, &r);
	assert_contains(text, "You said");
	free(text);
	assert_int_equal(pdf_pages(&srv, &r), 1);
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(poster_is_one_page),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
