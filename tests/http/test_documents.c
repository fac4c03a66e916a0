/*
 * A group's published documents (its charter, its terms of reference):
 * staff publish and edit them, members of the group read them with the
 * Markdown drawn safely, and nobody outside the group's site reads them.
 */
#define PW	"documents-test-pw"
#include "http_test.h"

static int
setup(void **state)
{
	static const char *const users[] = { "member.forum",
	    "coordinator.fenwick", "chief.westvale", NULL };

	(void)state;
	return server_with_passwords(users);
}

static void
a_charter_is_published_for_the_group_to_read(void **state)
{
	struct client	 member, staff, other;
	struct reply	 r;
	char		 path[64];
	long long	 id;

	(void)state;
	as(&member, "member.forum");
	as(&staff, "coordinator.fenwick");
	as(&other, "chief.westvale");
	assert_int_equal(http_get(&member, "/groups/1/documents/new", &r), 403);
	reply_free(&r);
	submit_expect(&staff, "/groups/1/documents/new", "title=Charter&kind="
	    "manifesto&published_on=2026-11-01&body=", 422, &r);
	assert_contains(r.body, "Kind of document");
	assert_contains(r.body, "Enter the text");
	reply_free(&r);
	assert_int_equal(db_scalar(&srv, "SELECT count(*) FROM group_documents "
	    "WHERE title = 'Charter'"), 0);
	id = submit_created(&staff, "/groups/1/documents/new", "title=Forum+"
	    "charter&kind=charter&published_on=2026-11-01&body=%23+Our+charter"
	    "%0A%0AWe+meet+**monthly**.%0A%0A%3Cscript%3Ealert(1)%3C%2Fscript%3E",
	    "/documents/");
	snprintf(path, sizeof(path), "/documents/%lld", id);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "Forum charter");
	assert_contains(r.body, "<strong>monthly</strong>");
	assert_contains(r.body, "Charter, published 1 November 2026");
	assert_lacks(r.body, "<script>alert");
	reply_free(&r);
	assert_int_equal(http_get(&member, "/groups/1/documents", &r), 200);
	assert_contains(r.body, "Forum charter");
	reply_free(&r);
	assert_int_equal(http_get(&other, path, &r), 403);
	reply_free(&r);
	snprintf(path, sizeof(path), "/documents/%lld/edit", id);
	assert_int_equal(http_get(&member, path, &r), 403);
	reply_free(&r);
	submit_expect(&staff, path, "title=Forum+charter&kind=terms_of_reference"
	    "&published_on=2026-11-02&body=Revised", 303, &r);
	reply_free(&r);
	snprintf(path, sizeof(path), "/documents/%lld", id);
	assert_int_equal(http_get(&member, path, &r), 200);
	assert_contains(r.body, "Terms of reference, published 2 November 2026");
	assert_contains(r.body, "Revised");
	reply_free(&r);
	client_free(&member);
	client_free(&staff);
	client_free(&other);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_charter_is_published_for_the_group_to_read),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
