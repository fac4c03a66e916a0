/*
 * The lock-down: once serving, a system call the server does not use
 * stops the whole process, from any worker thread (server/lockdown.c);
 * and an archive whose papers hang while being drawn is stopped, and
 * still answers, with the papers named (meetings/archive_draw.c).  Both
 * use the test build's hooks (src/server/test_hooks.h).
 */
#define PW	srv.demo_password
#include "http_test.h"

#include "util/sandbox.h"

#define SURVEY_PAPER	"Paper: Over-50s survey: what members said"
#define SURVEY_TEXT	"Most members who answered"

static int
setup(void **state)
{
	(void)state;
	return server_prepare(&srv, NULL);
}

/* The Over-50s Forum's archive (the demo published its first meeting
 * with a paper) as text, and the status it came with. */
static char *
forum_archive(long *status)
{
	struct client	 c;
	struct reply	 r;
	char		 path[80], *text = NULL;

	as(&c, "member.forum");
	snprintf(path, sizeof(path), "/groups/%lld/archive.pdf",
	    db_scalar(&srv, "SELECT id FROM groups WHERE name = "
	    "'Over-50s Forum'"));
	*status = http_get(&c, path, &r);
	if (*status == 200)
		text = pdf_text(&srv, &r);
	reply_free(&r);
	client_free(&c);
	return text;
}

static void
papers_are_drawn_in_the_confined_child(void **state)
{
	char	*text;
	long	 status;

	(void)state;
	assert_int_equal(server_launch(&srv), 0);
	text = forum_archive(&status);
	assert_int_equal(status, 200);
	assert_contains(text, SURVEY_PAPER);
	assert_contains(text, SURVEY_TEXT);
	free(text);
	assert_int_equal(server_halt(&srv), 0);
}

static void
a_hanging_drawer_is_stopped_and_the_archive_answers(void **state)
{
	struct client	 c;
	struct reply	 r;
	FILE		*f;
	char		*text;
	long		 status;

	(void)state;
	/* From now on a drawer gets one second; this one sleeps far past
	 * it, as a PDF stuck inside poppler would. */
	assert_non_null(f = fopen(srv.config, "a"));
	fputs("[limits]\narchive_draw_s = 1\n", f);
	fclose(f);
	assert_int_equal(setenv("RT_TEST_DRAWER_SLEEP", "3600", 1), 0);
	assert_int_equal(server_launch(&srv), 0);
	unsetenv("RT_TEST_DRAWER_SLEEP");
	text = forum_archive(&status);
	assert_int_equal(status, 200);
	assert_contains(text, SURVEY_PAPER);
	assert_contains(text, "It is not drawn here: drawing this archive's "
	    "papers failed or took too long");
	assert_lacks(text, SURVEY_TEXT);
	free(text);
	client_init(&c, &srv);
	assert_int_equal(http_get(&c, "/healthz", &r), 200);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(server_halt(&srv), 0);
}

static void
a_forbidden_call_stops_the_server(void **state)
{
	struct client	 c;
	struct reply	 r;

	(void)state;
	assert_int_equal(setenv("RT_TEST_FORBIDDEN_CALL", "/forbidden", 1), 0);
	assert_int_equal(server_launch(&srv), 0);
	unsetenv("RT_TEST_FORBIDDEN_CALL");
	client_init(&c, &srv);
	/* Other requests are served; this one makes its worker ask to
	 * listen, and the server is gone before it answers. */
	assert_int_equal(http_get(&c, "/healthz", &r), 200);
	reply_free(&r);
	assert_true(http_get(&c, "/forbidden", &r) <= 0);
	reply_free(&r);
	client_free(&c);
	assert_int_equal(server_halt(&srv), SANDBOX_KILLED_STATUS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(papers_are_drawn_in_the_confined_child),
		cmocka_unit_test(a_hanging_drawer_is_stopped_and_the_archive_answers),
		cmocka_unit_test(a_forbidden_call_stops_the_server),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
