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

#endif
