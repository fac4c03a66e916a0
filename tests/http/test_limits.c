/*
 * Limits on connections and on what one request may be: a slow client
 * is dropped by the request deadline, and requests that HTTP says are
 * malformed are refused before any page sees them.
 */
#include <sys/socket.h>
#include <pthread.h>
#include <unistd.h>

#include "http_test.h"

/* The deadline in this test's config, and how long the trickling test
 * keeps going before it calls the server hung (a hang guard, not a
 * speed test: it only has to be far beyond the deadline). */
#define DEADLINE_S	2
#define GUARD_S		30
/* Stops under load: how many, by how many clients, after how long. */
#define STOP_ROUNDS	8
#define STOP_LOADERS	6
#define STOP_AFTER_MS	150

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

/* Sends a raw request (len bytes, which may hold a NUL) and asserts the
 * status of the reply. */
static void
raw_expect(const char *rq, size_t len, long want)
{
	char	 head[2048];
	long	 got = raw_request(&srv, rq, len, head, sizeof(head));

	if (got != want)
		print_error("wanted %ld, got:\n%.600s\n", want, head);
	assert_int_equal(got, want);
}

#define RAW_EXPECT(literal, want) raw_expect(literal, sizeof(literal) - 1, want)

static void
conflicting_lengths_are_refused(void **state)
{
	(void)state;
	RAW_EXPECT("POST /sign-in HTTP/1.1\r\nHost: x\r\n"
	    "Content-Length: 3\r\nContent-Length: 5\r\nConnection: close"
	    "\r\n\r\nabcde", 400);
	/* A length beside chunked framing is the same ambiguity. */
	RAW_EXPECT("POST /sign-in HTTP/1.1\r\nHost: x\r\n"
	    "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"
	    "Connection: close\r\n\r\n5\r\nabcde\r\n0\r\n\r\n", 400);
}

static void
http11_requests_need_one_host(void **state)
{
	(void)state;
	RAW_EXPECT("GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n",
	    400);
	RAW_EXPECT("GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n"
	    "Connection: close\r\n\r\n", 400);
	RAW_EXPECT("GET /healthz HTTP/1.0\r\n\r\n", 200);
}

static void
a_nul_in_the_request_line_is_refused(void **state)
{
	(void)state;
	RAW_EXPECT("GET /healthz\0/anything HTTP/1.1\r\nHost: x\r\n"
	    "Connection: close\r\n\r\n", 400);
	RAW_EXPECT("GET /healthz?a=1\0 HTTP/1.1\r\nHost: x\r\n"
	    "Connection: close\r\n\r\n", 400);
	/* What the NUL checks must not catch: a query and escapes. */
	RAW_EXPECT("GET /healthz?a=%41&b=2 HTTP/1.1\r\nHost: x\r\n"
	    "Connection: close\r\n\r\n", 200);
}

/* A path that is not UTF-8, raw or escaped, cannot be named on any page
 * (the error page itself links back to it): 400 at the door, never a
 * bare 500 from a page that could not render. */
static void
a_path_that_is_not_utf8_is_refused(void **state)
{
	const char	*overlong = "GET /%C0%80 HTTP/1.1\r\nHost: x\r\n"
	    "Connection: close\r\n\r\n";
	char		 reply[8192];

	(void)state;
	RAW_EXPECT("GET /%FF%FE HTTP/1.1\r\nHost: x\r\n"
	    "Connection: close\r\n\r\n", 400);
	RAW_EXPECT("GET /people/\xff HTTP/1.1\r\nHost: x\r\n"
	    "Connection: close\r\n\r\n", 400);
	assert_int_equal(raw_request(&srv, overlong, strlen(overlong), reply,
	    sizeof(reply)), 400);
	assert_contains(reply, "not valid UTF-8");
	/* Escaped UTF-8 is a path like any other. */
	RAW_EXPECT("GET /caf%C3%A9 HTTP/1.1\r\nHost: x\r\n"
	    "Connection: close\r\n\r\n", 404);
}

/* A request refused before it reaches a handler (a method, a field too
 * long, a missing static file) is answered in the language it asks for,
 * the field named in the sentence. */
static void
refusals_read_in_the_language_asked_for(void **state)
{
	char	 reply[16384];

#define RAW_READ(literal) \
	raw_request(&srv, literal, sizeof(literal) - 1, reply, sizeof(reply))
	(void)state;
	assert_int_equal(RAW_READ("PUT /?lang=cy HTTP/1.1\r\nHost: x\r\n"
	    "Connection: close\r\n\r\n"), 405);
	assert_contains(reply, "<html lang=\"cy\"");
	assert_contains(reply, "Ni chaniateir y dull hwnnw yma.");
	assert_lacks(reply, "not allowed");
	assert_int_equal(RAW_READ("GET /static/none.css HTTP/1.1\r\n"
	    "Host: x\r\nCookie: rt_lang=cy\r\nConnection: close\r\n\r\n"),
	    404);
	assert_contains(reply, "Heb ddod o hyd i");
	assert_int_equal(RAW_READ("POST /sign-in?lang=cy HTTP/1.1\r\n"
	    "Host: x\r\nConnection: close\r\nContent-Type: "
	    "application/x-www-form-urlencoded\r\nContent-Length: 11\r\n\r\n"
	    "motto=a%00b"), 400);
	assert_contains(reply, "Mae nod NUL yn motto.");
	/* Through the router too: a known path, the wrong method. */
	assert_int_equal(RAW_READ("POST /healthz?lang=cy HTTP/1.1\r\n"
	    "Host: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
	    405);
	assert_contains(reply, "Ni chaniateir y dull hwnnw yma.");
#undef RAW_READ
}

/* Every response, pages, errors and static files, says it is for this
 * origin only. */
static void
every_response_is_same_origin_only(void **state)
{
	const char *const paths[] = { "/sign-in", "/no-such-page",
	    "/static/no-such-file", "/people" };
	char	 rq[256], head[4096];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		snprintf(rq, sizeof(rq), "GET %s HTTP/1.1\r\nHost: x\r\n"
		    "Connection: close\r\n\r\n", paths[i]);
		assert_true(raw_request(&srv, rq, strlen(rq), head,
		    sizeof(head)) > 0);
		assert_contains(head, "Cross-Origin-Resource-Policy: "
		    "same-origin\r\n");
		/* No TLS configured here: no HSTS, no __Host- cookie. */
		assert_lacks(head, "Strict-Transport-Security");
		assert_lacks(head, "__Host-");
	}
}

/* One client of the stop test: requests until told to end, each on a
 * new connection, counting answers that were neither served nor refused
 * for the stop (a connection the stopped server did not take is no
 * answer, and fine). */
struct stop_loader {
	int		 end;
	int		 answered;
	int		 wrong;
};

static void *
stop_load(void *arg)
{
	static const char req[] = "GET /healthz HTTP/1.1\r\nHost: x\r\n"
	    "Connection: close\r\n\r\n";
	struct stop_loader	*l = arg;
	long			 status;

	while (!__atomic_load_n(&l->end, __ATOMIC_SEQ_CST)) {
		status = raw_request(&srv, req, sizeof(req) - 1, NULL, 0);
		if (status == 200 || status == 503)
			l->answered++;
		else if (status != -1)
			l->wrong++;
	}
	return NULL;
}

/* CI once saw the library abort the server at stop while requests were
 * arriving (its quiesce raced its own workers); the server now stops
 * without it, many times over, with requests arriving throughout. */
static void
a_server_stops_cleanly_while_busy(void **state)
{
	struct stop_loader	 loaders[STOP_LOADERS];
	pthread_t		 threads[STOP_LOADERS];
	int			 round, i, answered = 0;

	(void)state;
	for (round = 0; round < STOP_ROUNDS; round++) {
		memset(loaders, 0, sizeof(loaders));
		for (i = 0; i < STOP_LOADERS; i++)
			assert_int_equal(pthread_create(&threads[i], NULL,
			    stop_load, &loaders[i]), 0);
		usleep(STOP_AFTER_MS * 1000);
		assert_int_equal(server_halt(&srv), 0);
		for (i = 0; i < STOP_LOADERS; i++) {
			__atomic_store_n(&loaders[i].end, 1, __ATOMIC_SEQ_CST);
			pthread_join(threads[i], NULL);
			assert_int_equal(loaders[i].wrong, 0);
			answered += loaders[i].answered;
		}
		assert_int_equal(server_launch(&srv), 0);
	}
	/* The load was real: requests were served in every round. */
	assert_true(answered >= STOP_ROUNDS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(slow_headers_are_dropped_at_the_deadline),
		cmocka_unit_test(slow_bodies_are_dropped_at_the_deadline),
		cmocka_unit_test(prompt_clients_are_served),
		cmocka_unit_test(conflicting_lengths_are_refused),
		cmocka_unit_test(http11_requests_need_one_host),
		cmocka_unit_test(a_nul_in_the_request_line_is_refused),
		cmocka_unit_test(a_path_that_is_not_utf8_is_refused),
		cmocka_unit_test(every_response_is_same_origin_only),
		cmocka_unit_test(refusals_read_in_the_language_asked_for),
		cmocka_unit_test(a_server_stops_cleanly_while_busy),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
