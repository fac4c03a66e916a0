/*
 * Easy read for whoever reads it (server/easy_read.h: easy_reader_of): a
 * member is told to ask their rep; a rep reading the same pages is told
 * what they do, and staff what members do, in English and in Welsh (the
 * letter printed from the page: test_reader_words).  The easy-read account page
 * shows what a member needs (language, reading, text size, password)
 * and a plain link to the rest, where the API tokens still are.  Buttons
 * say what they save.
 */
#define PW	"easy-read-roles-test-password"
#include "http_test.h"

#define ASK_YOUR_REP	"Questions? Ask your rep."
#define AS_A_REP	"You are a rep. Members may ask you about this."
#define FOR_STAFF	"Members may ask about this. Their rep can help them."
#define ASK_YOUR_REP_CY	"Cwestiynau? Gofynnwch i&#39;ch cynrychiolydd."
#define AS_A_REP_CY	"Rydych chi&#39;n gynrychiolydd."

static int
setup(void **state)
{
	static const char *const users[] = { "member.forum", "rep.fenwick",
	    "coordinator.fenwick", NULL };

	(void)state;
	return server_with_passwords(users);
}

/* The page at path, as user, in easy read; the caller frees r. */
static void
easy_page(const char *user, const char *path, struct reply *r)
{
	struct client	 c;

	as(&c, user);
	assert_int_equal(http_get(&c, path, r), 200);
	assert_contains(r->body, " rt-easy-read\"");
	client_free(&c);
}

/* Which of the three lines a proposal's and an election's easy-read page
 * ends with, for user: present says which, the others are absent. */
static void
questions_for(const char *user, const char *present, const char *absent1,
    const char *absent2)
{
	static const char *const pages[] = { "/proposals/1?read=easy&lang=en",
	    "/elections/2?read=easy&lang=en" };
	struct reply	 r;
	size_t		 i;

	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		easy_page(user, pages[i], &r);
		assert_contains(r.body, present);
		assert_lacks(r.body, absent1);
		assert_lacks(r.body, absent2);
		reply_free(&r);
	}
}

static void
each_reader_is_told_their_own_part(void **state)
{
	(void)state;
	questions_for("member.forum", ASK_YOUR_REP, AS_A_REP, FOR_STAFF);
	questions_for("rep.fenwick", AS_A_REP, ASK_YOUR_REP, FOR_STAFF);
	questions_for("coordinator.fenwick", FOR_STAFF, ASK_YOUR_REP,
	    AS_A_REP);
}

static void
in_welsh_too(void **state)
{
	struct reply	 r;

	(void)state;
	easy_page("rep.fenwick", "/proposals/1?read=easy&lang=cy", &r);
	assert_contains(r.body, AS_A_REP_CY);
	assert_lacks(r.body, ASK_YOUR_REP_CY);
	reply_free(&r);
	easy_page("member.forum", "/proposals/1?read=easy&lang=cy", &r);
	assert_contains(r.body, ASK_YOUR_REP_CY);
	assert_lacks(r.body, AS_A_REP_CY);
	reply_free(&r);
}

/* Staff are not asked to ask staff, nor told how they will vote. */
static void
an_election_tells_staff_what_members_do(void **state)
{
	struct reply	 r;

	(void)state;
	easy_page("coordinator.fenwick", "/elections/2?read=easy&lang=en", &r);
	assert_lacks(r.body, "Ask a member of staff");
	assert_lacks(r.body, "When you can vote:");
	assert_contains(r.body, "<strong>When members can vote:</strong>");
	reply_free(&r);
}

/* Only reps and staff log what a member said: the form talks to them. */
static void
the_log_form_talks_to_the_one_writing(void **state)
{
	struct reply	 r;

	(void)state;
	easy_page("rep.fenwick", "/conversations/new?read=easy&lang=en", &r);
	assert_lacks(r.body, "You tell us what matters.");
	assert_contains(r.body, "<strong>You write down what a member told "
	    "you.</strong>");
	assert_contains(r.body, "<strong>Your group talks about it.</strong>");
	reply_free(&r);
	easy_page("coordinator.fenwick", "/conversations/new?read=easy&lang=en",
	    &r);
	assert_contains(r.body, "<strong>The group talks about it.</strong>");
	assert_lacks(r.body, "Your group talks about it.");
	reply_free(&r);
}

/* A worker reading a person's plan is not told it is their own life. */
static void
a_plan_read_by_staff_is_about_the_person(void **state)
{
	struct reply	 r;
	char		 path[64];
	long long	 person;

	(void)state;
	person = db_scalar(&srv, "SELECT person_id FROM plans ORDER BY "
	    "person_id LIMIT 1");
	assert_true(person > 0);
	snprintf(path, sizeof(path), "/people/%lld/plan?read=easy&lang=en",
	    person);
	easy_page("coordinator.fenwick", path, &r);
	assert_lacks(r.body, ">The life you want</h2>");
	assert_lacks(r.body, "Only you, your worker");
	assert_lacks(r.body, "You made it with");
	assert_contains(r.body, ">The life they want</h2>");
	assert_contains(r.body, "Only they, their worker");
	reply_free(&r);
}

static void
the_easy_account_page_shows_what_a_member_needs(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	as(&c, "member.forum");
	assert_int_equal(http_get(&c, "/account?read=easy&lang=en", &r), 200);
	assert_contains(r.body, "href=\"/account/language\">Change my "
	    "language</a>");
	assert_contains(r.body, "href=\"/account/reading\">Change how pages "
	    "read</a>");
	assert_contains(r.body, "href=\"/account/text-size\">Change my text "
	    "size</a>");
	assert_contains(r.body, "href=\"/account/password\">Change my "
	    "password</a>");
	assert_contains(r.body, "href=\"/account?read=standard\">More "
	    "settings</a>");
	assert_lacks(r.body, "API tokens</h2>");
	assert_lacks(r.body, "action=\"/account/tokens\"");
	assert_lacks(r.body, ">Your roles</h2>");
	reply_free(&r);
	/* The rest is one link away, tokens and all, for every role. */
	assert_int_equal(http_get(&c, "/account?read=standard", &r), 200);
	assert_contains(r.body, ">API tokens</h2>");
	assert_contains(r.body, "action=\"/account/tokens\"");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/account?read=easy&lang=cy", &r), 200);
	assert_contains(r.body, ">Rhagor o osodiadau</a>");
	assert_contains(r.body, ">Newid fy iaith</a>");
	reply_free(&r);
	client_free(&c);
	as(&c, "coordinator.fenwick");
	assert_int_equal(http_get(&c, "/account?read=easy&lang=en", &r), 200);
	assert_contains(r.body, ">More settings</a>");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/account?read=standard", &r), 200);
	assert_contains(r.body, ">Create a token</button>");
	reply_free(&r);
	client_free(&c);
}

/* Read aloud alone, a button says what it saves. */
static void
buttons_say_what_they_save(void **state)
{
	static const char *const forms[][2] = {
		{ "/account/language?read=standard&lang=en",
		    ">Save my language</button>" },
		{ "/account/reading?read=standard&lang=en",
		    ">Save how pages read</button>" },
		{ "/account/text-size?read=standard&lang=en",
		    ">Save my text size</button>" },
		{ "/account/language?read=standard&lang=cy",
		    ">Cadw fy iaith</button>" },
	};
	struct client	 c;
	struct reply	 r;
	size_t		 i;

	(void)state;
	as(&c, "coordinator.fenwick");
	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		assert_int_equal(http_get(&c, forms[i][0], &r), 200);
		assert_contains(r.body, forms[i][1]);
		assert_lacks(r.body, ">Save</button>");
		assert_lacks(r.body, ">Cadw</button>");
		reply_free(&r);
	}
	assert_int_equal(http_get(&c, "/meetings/1/attendance?lang=en", &r),
	    200);
	assert_contains(r.body, ">Save attendance for ");
	assert_lacks(r.body, ">Save</button>");
	reply_free(&r);
	assert_int_equal(http_get(&c, "/meetings/1/attendance?lang=cy", &r),
	    200);
	assert_contains(r.body, ">Cadw&#39;r presenoldeb ar gyfer ");
	reply_free(&r);
	/* A form whose button is one word names its form, unseen. */
	assert_int_equal(http_get(&c, "/groups/1/election-rules?lang=en",
	    &r), 200);
	assert_contains(r.body, ">Save<span class=\"govuk-visually-hidden\">: "
	    "How the group votes (");
	reply_free(&r);
	client_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_reader_is_told_their_own_part),
		cmocka_unit_test(in_welsh_too),
		cmocka_unit_test(an_election_tells_staff_what_members_do),
		cmocka_unit_test(the_log_form_talks_to_the_one_writing),
		cmocka_unit_test(a_plan_read_by_staff_is_about_the_person),
		cmocka_unit_test(the_easy_account_page_shows_what_a_member_needs),
		cmocka_unit_test(buttons_say_what_they_save),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
