/*
 * Limits on connections and on what one request may be: a slow client
 * is dropped by the request deadline, and requests that HTTP says are
 * malformed are refused before any page sees them.
 */
#include <sys/socket.h>
#include <unistd.h>

#include "http_test.h"

/* The deadline in this test's config, and how long the trickling test
 * keeps going before it calls the server hung (a hang guard, not a
 * speed test: it only has to be far beyond the deadline). */
#define DEADLINE_S	2
#define GUARD_S		30

static int
setup(void **state)
{
	(void)state;
	return server_start(&srv, "[limits]\nconnection_timeout_s = 2\n");
}

/* Sends start, then one byte every half second, which never leaves the
 * connection idle for the idle timeout, so only a deadline on the whole
 * request can end it; asserts that it ends, and not at once. */
static void
trickle_until_dropped(const char *start)
{
	int		 fd, closed = 0, sends;

	assert_true((fd = raw_connect(&srv)) != -1);
	assert_true(send(fd, start, strlen(start), MSG_NOSIGNAL) > 0);
	for (sends = 0; sends < GUARD_S * 2 && !closed; sends++) {
		if (send(fd, "a", 1, MSG_NOSIGNAL) != 1) {
			closed = 1;
			break;
		}
		closed = raw_closed(fd, 500);
	}
	close(fd);
	if (!closed)
		print_error("still open after %d bytes over %d s\n", sends,
		    GUARD_S);
	assert_true(closed);
	/* It was dropped after the deadline, not at once. */
	assert_true(sends >= DEADLINE_S);
}

static void
slow_headers_are_dropped_at_the_deadline(void **state)
{
	(void)state;
	trickle_until_dropped("GET /sign-in HTTP/1.1\r\nHost: x\r\n"
	    "X-Slow: ");
}

static void
slow_bodies_are_dropped_at_the_deadline(void **state)
{
	(void)state;
	trickle_until_dropped("POST /sign-in HTTP/1.1\r\nHost: x\r\n"
	    "Content-Type: application/x-www-form-urlencoded\r\n"
	    "Content-Length: 900\r\n\r\nusername=");
}

/* A client that sends a whole request at once is not affected. */
static void
prompt_clients_are_served(void **state)
{
	const char	*rq = "GET /healthz HTTP/1.1\r\nHost: x\r\n"
	    "Connection: close\r\n\r\n";

	(void)state;
	assert_int_equal(raw_request(&srv, rq, strlen(rq), NULL, 0), 200);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(slow_headers_are_dropped_at_the_deadline),
		cmocka_unit_test(slow_bodies_are_dropped_at_the_deadline),
		cmocka_unit_test(prompt_clients_are_served),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
