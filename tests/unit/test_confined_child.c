/*
 * src/util/confined_child.h and sandbox.h: a child's answer comes back,
 * a child past its time is killed, and under its filter a child can
 * neither open a socket nor write a file, yet may read one when allowed.
 */
#include "unit.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>

#include "util/confined_child.h"
#include "util/sandbox.h"

static int
say_hello(void *arg, int fd)
{
	(void)arg;
	return write(fd, "hello", 5) == 5 ? 0 : -1;
}

static int
sleep_long(void *arg, int fd)
{
	unsigned	 left = 3600;

	(void)arg;
	(void)fd;
	while (left > 0)
		left = sleep(left);
	return 0;
}

/* Writes "refused" or "allowed" for the call arg names. */
static int
try_call(void *arg, int fd)
{
	const char	*what = arg;
	int		 got;

	if (strcmp(what, "socket") == 0)
		got = socket(AF_INET, SOCK_STREAM, 0);
	else if (strcmp(what, "write-file") == 0)
		got = open("/tmp/rt-confined-child-test", O_WRONLY | O_CREAT,
		    0600);
	else
		got = open("/proc/self/statm", O_RDONLY);
	if (got == -1 && errno == EPERM)
		return write(fd, "refused", 7) == 7 ? 0 : -1;
	if (got >= 0)
		return write(fd, "allowed", 7) == 7 ? 0 : -1;
	return -1;
}

static enum child_result
run(child_work_fn work, void *arg, int seconds, int flags, struct buf *out)
{
	struct child_spec	 spec = { work, arg, seconds, 256UL << 20,
				    NULL, 0, flags };

	return confined_child_run(&spec, out);
}

static void
test_answer_comes_back(void **state)
{
	struct buf	 out;

	(void)state;
	buf_init(&out, 64);
	assert_int_equal(run(say_hello, NULL, 10, 0, &out), CHILD_OK);
	assert_string_equal(out.data, "hello");
	buf_release(&out);
}

static void
test_an_answer_past_the_ceiling_is_refused(void **state)
{
	struct buf	 out;

	(void)state;
	buf_init(&out, 3);
	assert_int_equal(run(say_hello, NULL, 10, 0, &out), CHILD_TOO_LONG);
	buf_release(&out);
}

static void
test_a_child_past_its_time_is_killed(void **state)
{
	(void)state;
	assert_int_equal(run(sleep_long, NULL, 1, 0, NULL), CHILD_TIMED_OUT);
}

static void
test_the_filter_refuses_sockets_and_writes(void **state)
{
	struct buf	 out;
	int		 flags = SANDBOX_READ_FILES | SANDBOX_OPEN_READ_ONLY;

	(void)state;
	buf_init(&out, 64);
	assert_int_equal(run(try_call, "socket", 10, flags, &out), CHILD_OK);
	assert_string_equal(out.data, "refused");
	buf_clear(&out);
	assert_int_equal(run(try_call, "write-file", 10, flags, &out),
	    CHILD_OK);
	assert_string_equal(out.data, "refused");
	buf_clear(&out);
	assert_int_equal(run(try_call, "read-file", 10, flags, &out),
	    CHILD_OK);
	assert_string_equal(out.data, "allowed");
	buf_clear(&out);
	/* Without SANDBOX_READ_FILES even reading is refused. */
	assert_int_equal(run(try_call, "read-file", 10, 0, &out), CHILD_OK);
	assert_string_equal(out.data, "refused");
	buf_release(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_answer_comes_back),
		cmocka_unit_test(test_an_answer_past_the_ceiling_is_refused),
		cmocka_unit_test(test_a_child_past_its_time_is_killed),
		cmocka_unit_test(test_the_filter_refuses_sockets_and_writes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
