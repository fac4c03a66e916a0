#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispatch.h"
#include "route_access.h"
#include "router.h"
#include "title_store.h"
#include "../auth/account.h"
#include "../auth/signed_out.h"
#include "../db/db.h"

static int
authenticate(struct request *rq, const char *bearer)
{
	const struct config	*c = rq->app->config;
	int64_t			 id = 0;
	int			 rc;

	/* Answer as an API, whether or not the token is good. */
	if (bearer != NULL) {
		rq->api = 1;
		rc = apitoken_resolve(rq->db, bearer, &id);
	} else if (rq->session_cookie != NULL) {
		rc = session_resolve(rq->db, rq->session_cookie, rq->now,
		    c->session_idle_s, c->session_touch_s, &id,
		    &rq->session_lapsed);
	} else
		return 0;
	if (rc <= 0)
		return rc;
	rc = account_principal(rq->db, id, &rq->who);
	/* Only a token that was accepted waives the CSRF check. */
	if (rc > 0 && bearer != NULL)
		rq->who.via_token = 1;
	return rc;
}

void
request_anon_csrf(struct request *rq, struct response *rs)
{
	char	 token[TOKEN_CHARS + 1];

	if (rq->anon_cookie == NULL || !token_wellformed(rq->anon_cookie)) {
		token_new(token);
		response_cookie(rs, ANON_COOKIE, token);
		csrf_token(rq->app->csrf_key, token, rq->csrf);
	} else
		csrf_token(rq->app->csrf_key, rq->anon_cookie, rq->csrf);
}

/* 1 when the request may go on; otherwise the response says why. */
static int
authorise(struct request *rq, struct response *rs)
{
	switch (route_access(rq, rq->route, rq->ids)) {
	case ROUTE_ACCESS_YES:
		return 1;
	case ROUTE_ACCESS_SIGN_IN:
		if (rq->wants_json || rq->api)
			response_error(rs, 401, "Sign in first.");
		else if (rq->session_lapsed)
			signed_out_page(rq, rs);	/* keeps what was typed */
		else
			response_redirect(rs, "/sign-in");
		return 0;
	case ROUTE_ACCESS_PASSWORD:
		response_redirect(rs, "/account/password");
		return 0;
	case ROUTE_ACCESS_ERROR:
		response_error(rs, 500, "Something went wrong.");
		return 0;
	case ROUTE_ACCESS_NOT_FOUND:
		response_error(rs, 404, "Page not found.");
		return 0;
	case ROUTE_ACCESS_NO:
		break;
	}
	response_error(rs, 403, "You do not have access to this page.");
	return 0;
}

/* The cookie the CSRF token is bound to: the session's, or before
 * sign-in the anonymous one. */
static const char *
csrf_anchor(const struct request *rq)
{
	return rq->who.account_id ? rq->session_cookie : rq->anon_cookie;
}

static int
csrf_checked(struct request *rq, struct response *rs)
{
	const char	*anchor = csrf_anchor(rq);

	if (rq->method != HTTP_POST || rq->who.via_token)
		return 1;
	if (csrf_valid(rq->app->csrf_key, anchor,
	    form_get(&rq->body, CSRF_FIELD)))
		return 1;
	response_error(rs, 403, "This form has expired. Go back, reload "
	    "the page and try again.");
	return 0;
}

/* Runs the handler in one transaction; the response waits for COMMIT. */
static void
transact(struct request *rq, struct response *rs)
{
	if (db_begin(rq->db, rq->method == HTTP_POST) != DB_OK) {
		rs->retry_after = 1;
		response_error(rs, 503, "The service is busy. Try again.");
		return;
	}
	rq->route->handler(rq, rs);
	if (rs->status == 200 && rs->view != NULL && rs->template != NULL &&
	    !rq->wants_json && !rq->api)
		title_which(rq, rs->view);
	if (rs->status >= 400 && !rs->commit_anyway) {
		db_rollback(rq->db);
		return;
	}
	if (db_commit(rq->db) != DB_OK) {
		free(rs->location);
		rs->location = NULL;
		rs->retry_after = 1;
		response_error(rs, 503, "Your change was not saved because "
		    "the service is busy. Try again.");
		return;
	}
	/* Still under the writers' lock, so no writer of ours adds frames
	 * meanwhile; a reader elsewhere can hold it off (logged). */
	if (rs->checkpoint_after_commit && db_checkpoint(rq->db) != DB_OK)
		fprintf(stderr, "%s: the WAL was not truncated after commit\n",
		    rq->path);
}

void
dispatch(struct request *rq, struct response *rs, const char *bearer)
{
	pthread_mutex_t	*writer;
	int		 status;

	rq->route = router_match(routes, routes_count, rq->method, rq->path,
	    rq->ids, &rq->nids, &status);
	if (rq->route == NULL) {
		response_error(rs, status, status == 404 ? "Page not found." :
		    "That method is not allowed here.");
		return;
	}
	/* Outside the request's transaction: may touch the session row. */
	if (authenticate(rq, bearer) < 0) {
		response_error(rs, 503, "The service is busy. Try again.");
		return;
	}
	/* Every page, even an error page, carries the sign-out form. */
	if (csrf_anchor(rq) != NULL)
		csrf_token(rq->app->csrf_key, csrf_anchor(rq), rq->csrf);
	if (!authorise(rq, rs) || !csrf_checked(rq, rs))
		return;
	/*
	 * Writers queue on a mutex rather than in SQLite: its busy handler
	 * sleeps, and a sleeping worker stalls every connection it serves.
	 */
	writer = rq->method == HTTP_POST ? rq->app->write_lock : NULL;
	if (writer != NULL)
		pthread_mutex_lock(writer);
	transact(rq, rs);
	if (writer != NULL)
		pthread_mutex_unlock(writer);
}
