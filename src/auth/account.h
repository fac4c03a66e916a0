/*
 * Accounts, grants, sessions, API tokens and sign-in throttling: the SQL
 * behind who someone is.  All functions run inside the caller's
 * transaction and take time as an argument, so tests can move the clock.
 *
 * Return conventions: look-ups <0 error, 0 not found, >0 found; writers
 * return enum db_result (DB_OK, DB_CONSTRAINT, DB_ERROR).
 */
#ifndef RT_ACCOUNT_H
#define RT_ACCOUNT_H

#include <jansson.h>
#include <stdint.h>
#include "../util/must_check.h"
#include <time.h>

#include "roles.h"
#include "secret.h"

struct db;

/* New account; *id receives its id.  DB_CONSTRAINT: the name is taken. */
int	account_create(struct db *, const char *username, const char *display,
	    const char *password, int must_change, int64_t *id);
int	account_find(struct db *, const char *username, int64_t *id);
/* Grants role at scope; scope_id is the site or group id (0 for org). */
MUST_CHECK int	account_grant(struct db *, int64_t account_id, enum role,
	    enum scope, int64_t scope_id);
/* A reading preference of one's own: the text size ("standard",
 * "large"), the language ("en", "cy"; server/language.h) or the way
 * pages read ("standard", "easy"; server/easy_read.h), with its audit
 * row; the schema refuses any other value.  DB_OK or the error. */
enum account_preference {
	ACCOUNT_TEXT_SIZE,
	ACCOUNT_LANGUAGE,
	ACCOUNT_READING,
	ACCOUNT_PREFERENCE__MAX
};
MUST_CHECK int	account_set_preference(struct db *, int64_t id,
		    enum account_preference, const char *value);
MUST_CHECK int	account_set_password(struct db *, int64_t id, const char *password,
	    int must_change);
/* Says which person (people.id) the account belongs to, so their
 * leaving disables it.  DB_CONSTRAINT: no such person. */
int	account_link_person(struct db *, int64_t id, int64_t person_id);
/* The person the account is linked to, or 0 (none, or unreadable). */
int64_t	account_person(struct db *, int64_t id);
/* Disables the account, ends its sessions and revokes its tokens. */
MUST_CHECK int	account_disable(struct db *, int64_t id);
/* 1 and *id when the password matches an enabled account, else 0; -1. */
int	account_authenticate(struct db *, const char *username,
	    const char *password, int64_t *id);
/* Fills p from an enabled account: <0, 0, >0. */
int	account_principal(struct db *, int64_t id, struct principal *p);

MUST_CHECK int	session_create(struct db *, int64_t account_id, time_t now,
	    char token[TOKEN_CHARS + 1]);
/* The account of a live session, touching it when older than touch_s.
 * *idle is set when the session was there but had been idle too long
 * (it is ended now): the reader was signed out for being idle. */
MUST_CHECK int	session_resolve(struct db *, const char *token, time_t now,
	    int idle_s, int touch_s, int64_t *account_id, int *idle);
/* The account of a live session, as session_resolve finds it, but only
 * read: the session is neither touched nor ended (an answer that must
 * change nothing, such as a missing page's, reads its language). */
MUST_CHECK int	session_peek(struct db *, const char *token, time_t now,
	    int idle_s, int64_t *account_id);
MUST_CHECK int	session_end(struct db *, const char *token);
/* Ends every session and revokes every API token of the account. */
MUST_CHECK int	session_end_all(struct db *, int64_t account_id);

MUST_CHECK int	apitoken_create(struct db *, int64_t account_id, const char *name,
	    char token[TOKEN_CHARS + 1], int64_t *id);
MUST_CHECK int	apitoken_resolve(struct db *, const char *token, int64_t *account_id);
MUST_CHECK int	apitoken_revoke(struct db *, int64_t account_id, int64_t token_id);

/* 1 when key has max or more failures inside the window, else 0; -1. */
MUST_CHECK int	throttle_blocked(struct db *, const char *key, int max, int window_s,
	    time_t now);
MUST_CHECK int	throttle_fail(struct db *, const char *key, int window_s, time_t now);
MUST_CHECK int	throttle_clear(struct db *, const char *key);
/* Takes back one failure counted for an attempt that succeeded. */
MUST_CHECK int	throttle_forgive(struct db *, const char *key);

/* A 32-byte secret kept in settings, made on first use.  0 or -1. */
int	settings_secret(struct db *, const char *name,
	    unsigned char out[DIGEST_BYTES]);

#endif

/* For the account page: grants with where they apply, and API tokens. */
json_t	*account_grants_view(struct db *, int64_t account_id);
json_t	*apitoken_list(struct db *, int64_t account_id);
