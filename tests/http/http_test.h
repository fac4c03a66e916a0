/* Shared includes for the HTTP tests (cmocka needs this order). */
#ifndef RT_HTTP_TEST_H
#define RT_HTTP_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/harness.h"

/* Asserts that haystack contains needle, printing both if not. */
#define assert_contains(haystack, needle) do {				\
	if (strstr((haystack), (needle)) == NULL) {			\
		print_error("expected to find \"%s\" in:\n%.2000s\n",	\
		    (needle), (haystack));				\
		fail();							\
	}								\
} while (0)

#define assert_lacks(haystack, needle) do {				\
	if (strstr((haystack), (needle)) != NULL) {			\
		print_error("did not expect \"%s\" in:\n%.2000s\n",	\
		    (needle), (haystack));				\
		fail();							\
	}								\
} while (0)

/* Submits a form as a browser does (page first, then POST with its
 * token) and asserts the status, printing the page when it differs. */
static inline void
submit_expect(struct client *c, const char *path, const char *body,
    long want, struct reply *r)
{
	if (client_submit(c, path, body, r) != want)
		print_error("POST %s: %ld\n%.1200s\n", path, r->status, r->body);
	assert_int_equal(r->status, want);
}

#endif
