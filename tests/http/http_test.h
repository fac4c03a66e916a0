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

/*
 * The one server each test binary starts in its group set-up, and the
 * group tear-down that stops it (failing the group if the server does
 * not exit cleanly, which is how a leak at shutdown is caught).  A
 * binary whose demo accounts share one password defines PW before
 * including this, and signs them in with as().
 */
static struct server srv;

static inline int
server_teardown(void **state)
{
	(void)state;
	return server_stop(&srv) == 0 ? 0 : -1;
}

#ifdef PW
static inline void
as(struct client *c, const char *user)
{
	assert_int_equal(client_as(c, &srv, user, PW), 0);
}

/* The group set-up most binaries share: the demo database, users' (a
 * NULL-terminated list) passwords set to PW, then serving.  0 or -1. */
static inline int
server_with_passwords(const char *const *users)
{
	if (server_prepare(&srv, NULL) == -1 ||
	    server_passwords(&srv, users, PW) == -1)
		return -1;
	return server_launch(&srv);
}
#endif

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

/* How many times needle is in haystack (overlapping ones too). */
static inline int
occurrences(const char *haystack, const char *needle)
{
	int	 n = 0;

	for (; (haystack = strstr(haystack, needle)) != NULL; haystack++)
		n++;
	return n;
}

/* Whether the last form group opened before at, in page, is marked as
 * in error. */
static inline int
error_group_around(const char *page, const char *at)
{
	const char	*p, *last = NULL;

	for (p = page; (p = strstr(p, "govuk-form-group")) != NULL && p < at;
	    p++)
		if (strncmp(p, "govuk-form-group--", 18) != 0)
			last = p;
	return last != NULL && strncmp(last, "govuk-form-group "
	    "govuk-form-group--error", 40) == 0;
}

/* Whether page shows text as the error beside the box named field: in
 * the paragraph fields.html draws (id "FIELD-error"), inside the box's
 * govuk-form-group--error. */
static inline int
error_beside(const char *page, const char *field, const char *text)
{
	char		 id[96];
	const char	*at, *end, *found;

	snprintf(id, sizeof(id), "id=\"%s-error\"", field);
	if ((at = strstr(page, id)) == NULL ||
	    (end = strstr(at, "</p>")) == NULL)
		return 0;
	found = strstr(at, text);
	return found != NULL && found + strlen(text) <= end &&
	    error_group_around(page, at);
}

#define assert_error_beside(page, field, text) do {			\
	if (!error_beside((page), (field), (text))) {			\
		print_error("expected \"%s\" beside %s in:\n%.3000s\n",	\
		    (text), (field), (page));				\
		fail();							\
	}								\
} while (0)

/* POSTs body with the form token and asserts the status, printing the
 * page when it differs. */
static inline void
post_expect(struct client *c, const char *path, const char *body,
    long want, struct reply *r)
{
	if (http_post(c, path, body, 1, r) != want)
		print_error("POST %s: %ld\n%.1200s\n", path, r->status, r->body);
	assert_int_equal(r->status, want);
}

/* Submits a form as a browser does: the page first, then the POST. */
static inline void
submit_expect(struct client *c, const char *path, const char *body,
    long want, struct reply *r)
{
	struct reply	 page;

	http_get(c, path, &page);
	reply_free(&page);
	post_expect(c, path, body, want, r);
}

/* Loads a form that creates a record (it must load), submits it, and
 * returns the new record's id, read from the redirect, which must start
 * with prefix ("/meetings/"). */
static inline long long
submit_created(struct client *c, const char *path, const char *body,
    const char *prefix)
{
	struct reply	 r;
	long long	 id;

	assert_int_equal(http_get(c, path, &r), 200);
	reply_free(&r);
	post_expect(c, path, body, 303, &r);
	if (strncmp(r.location, prefix, strlen(prefix)) != 0)
		print_error("POST %s went to %s\n", path, r.location);
	assert_true(strncmp(r.location, prefix, strlen(prefix)) == 0);
	id = strtoll(r.location + strlen(prefix), NULL, 10);
	reply_free(&r);
	assert_true(id > 0);
	return id;
}

#endif
