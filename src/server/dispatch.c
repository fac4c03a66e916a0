#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispatch.h"
#include "easy_read.h"
#include "language.h"
#include "group_commit.h"
#include "route_access.h"
#include "router.h"
#include "title_store.h"
#include "../auth/account.h"
#include "../auth/audit.h"
#include "../auth/signed_out.h"
#include "../db/db.h"
#include "../util/catalogue.h"
#include "../util/log.h"

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

void
request_reader_early(struct request *rq, struct response *rs)
{
	struct request	 peek = *rq;
	int64_t		 id = 0;

	/* Only this copy names the account: the answer itself stays the
	 * signed-out one it was (no name, no session's form). */
	memset(&peek.who, 0, sizeof(peek.who));
	if (rq->db != NULL && rq->session_cookie != NULL &&
	    session_peek(rq->db, rq->session_cookie, rq->now,
	    rq->app->config->session_idle_s, &id) == 1 &&
	    account_principal(rq->db, id, &peek.who) <= 0)
		principal_clear(&peek.who);
	rq->lang = request_language(&peek, rs);
	rq->easy_read = request_easy_read(&peek, rs);
	principal_clear(&peek.who);
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
	response_denied(rs);
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

/* Replaces whatever the handler made (a page, a redirect, a file)
 * with an error page saying message: nothing of it is sent. */
static void
response_replaced(struct response *rs, int status, const char *message)
{
	buf_clear(&rs->body);
	response_error(rs, status, message);
}

/* The same, 503: try again. */
static void
response_withdrawn(struct response *rs, const char *message)
{
	response_replaced(rs, 503, message);
	rs->retry_after = 1;
}

/*
 * Records that the signed-in reader read a person's record (sql from
 * route_read_subject), in the request's transaction: one audit row,
 * "person.read", whose detail is the path read.  No row when the reader
 * is that person.  enum db_result.
 */
static int
read_audited(struct request *rq, const char *sql)
{
	int64_t	 person;
	int	 rc;

	rc = db_int(rq->db, &person, sql, "ii", rq->ids[0],
	    rq->who.account_id);
	if (rc <= 0)
		return rc < 0 ? DB_ERROR : DB_OK;
	return audit_append(rq->db, rq->who.account_id, "person.read",
	    "person", person, rq->path);
}

/*
 * Does the request write?  POSTs, and reads that are audited: a read of
 * one person's record (reads, from route_read_subject: audited here), or
 * a route whose handler audits its own reads (ROUTE_AUDITED_READ: plans,
 * where the person reading their own plan is not recorded).  Both take
 * the write lock first, so the audit row never has to upgrade a read
 * transaction (which could fail after the page was read).
 */
static int
request_writes(const struct request *rq, const char *reads)
{
	return rq->method == HTTP_POST || reads != NULL ||
	    (rq->route->flags & ROUTE_AUDITED_READ) != 0;
}

/* Runs the handler, names the record in the title.  Whether its work is
 * kept: not when it refused (4xx and 5xx roll back unless the handler
 * asked to keep what it recorded). */
static int
handle(struct request *rq, struct response *rs)
{
	rq->db->elsewhere[0] = '\0';
	rq->route->handler(rq, rs);
	/* Whatever the page made of it, a write the exchange's guards
	 * refused is refused whole, saying where to make it. */
	if (rq->db->elsewhere[0] != '\0') {
		response_replaced(rs, 409, rq->db->elsewhere);
		return 0;
	}
	if (rs->status == 200 && rs->view != NULL && rs->template != NULL &&
	    !rq->wants_json && !rq->api)
		title_which(rq, rs->view);
	return rs->status < 400 || rs->commit_anyway;
}

/* Runs the handler in one transaction of its own; the response waits for
 * COMMIT.  reads: the route's read subject, or NULL. */
static void
transact(struct request *rq, struct response *rs, const char *reads)
{
	int	 rc;

	/* A request that read nothing before (no cookie) meets a dropped
	 * connection here first. */
	if ((rc = db_begin(rq->db, request_writes(rq, reads))) != DB_OK &&
	    db_revive(rq->db) == 1)
		rc = db_begin(rq->db, request_writes(rq, reads));
	if (rc != DB_OK) {
		rs->retry_after = 1;
		response_error(rs, 503, "The service is busy. Try again.");
		return;
	}
	if (!handle(rq, rs)) {
		db_rollback(rq->db);
		return;
	}
	/* A read that cannot be audited is not shown: fail closed. */
	if (reads != NULL && read_audited(rq, reads) != DB_OK) {
		db_rollback(rq->db);
		response_withdrawn(rs, "This record cannot be shown because "
		    "reading it could not be recorded. Try again.");
		return;
	}
	if (db_commit(rq->db) != DB_OK) {
		response_withdrawn(rs, "Your change was not saved because "
		    "the service is busy. Try again.");
		return;
	}
	/* Still under the writers' lock, so no writer of ours adds frames
	 * meanwhile; a reader elsewhere can hold it off (logged). */
	if (rs->checkpoint_after_commit && db_checkpoint(rq->db) != DB_OK)
		log_line(LOG_WARNING, "%s: the WAL was not truncated after "
		    "commit", rq->path);
}

/* A POST's work as a member of a batch (group_commit.h). */
struct batched {
	struct request	*rq;
	struct response	*rs;
};

static int
batched_work(void *arg, struct db *db, int *checkpoint)
{
	struct batched	*b = arg;
	struct db	*own = b->rq->db;
	int		 keep;

	b->rq->db = db;
	keep = handle(b->rq, b->rs);
	b->rq->db = own;
	*checkpoint = b->rs->checkpoint_after_commit;
	return keep;
}

/* A POST in the writers' next batch; the response waits for the batch's
 * COMMIT, and says so when that failed. */
static void
transact_batched(struct request *rq, struct response *rs)
{
	struct batched	 b = { rq, rs };
	int		 rc, ran;

	rc = group_commit_run(rq->app->writes, batched_work, &b, &ran);
	if (!ran) {
		rs->retry_after = 1;
		response_error(rs, 503, "The service is busy. Try again.");
	} else if (rc != DB_OK)
		response_withdrawn(rs, "Your change was not saved because "
		    "the service is busy. Try again.");
}

void
dispatch(struct request *rq, struct response *rs, const char *bearer)
{
	struct group_commit	*writes;
	const char		*reads;
	int		 status, audited_read, rc;

	rq->lang = request_language(rq, rs);
	rq->easy_read = request_easy_read(rq, rs);
	rq->route = router_match(routes, routes_count, rq->method, rq->path,
	    rq->ids, &rq->nids, &status);
	if (rq->route == NULL) {
		/* Read in the account's language, though no route has run:
		 * the session is only read (not touched). */
		if (db_revive(rq->db) >= 0)
			request_reader_early(rq, rs);
		response_error(rs, status, status == 404 ?
		    N_("Page not found.") :
		    N_("That method is not allowed here."));
		return;
	}
	/*
	 * Outside the request's transaction: may touch the session row.  A
	 * database that restarted (or a standby that took over) since this
	 * connection's last request is found here, at its first statement:
	 * made anew, the request goes on as if nothing had happened.
	 */
	if ((rc = db_revive(rq->db)) >= 0 &&
	    (rc = authenticate(rq, bearer)) < 0 && db_revive(rq->db) == 1)
		rc = authenticate(rq, bearer);
	if (rc < 0) {
		response_error(rs, 503, "The service is busy. Try again.");
		return;
	}
	/* The account's own language, unless this page asked for one. */
	if (rq->who.account_id != 0 && form_get(&rq->query, "lang") == NULL)
		rq->lang = request_language(rq, rs);
	if (rq->who.account_id != 0 && form_get(&rq->query, "read") == NULL)
		rq->easy_read = request_easy_read(rq, rs);
	/* Every page, even an error page, carries the sign-out form. */
	if (csrf_anchor(rq) != NULL)
		csrf_token(rq->app->csrf_key, csrf_anchor(rq), rq->csrf);
	if (!authorise(rq, rs) || !csrf_checked(rq, rs))
		return;
	/*
	 * Writers queue on our lock rather than in SQLite: its busy handler
	 * sleeps, and a sleeping worker stalls every connection it serves.
	 * A POST joins the writers' batch (on SQLite); an audited read, and
	 * every writer on PostgreSQL, commits alone on its own connection,
	 * as below.
	 */
	reads = route_read_subject(rq->route);
	writes = request_writes(rq, reads) ? rq->app->writes : NULL;
	if (writes != NULL && writes->batching && rq->method == HTTP_POST &&
	    reads == NULL) {
		transact_batched(rq, rs);
		return;
	}
	audited_read = writes != NULL && rq->method != HTTP_POST;
	if (writes != NULL)
		group_commit_alone(writes);
	/*
	 * A read's audit row is committed without waiting for the disk
	 * (bench/read_audit.sh: GET /people/1 unaudited 3,000-6,000 a
	 * second; with a durable commit a read, 320; like this,
	 * 620-1,670).  The row is committed before the page is sent and
	 * survives the process dying; only a power loss before the next
	 * durable commit (any write) or checkpoint can lose it.
	 */
	if (audited_read && db_durable(rq->db, 0) != DB_OK) {
		rs->retry_after = 1;
		response_error(rs, 503, "The service is busy. Try again.");
	} else
		transact(rq, rs, reads);
	if (audited_read && db_durable(rq->db, 1) != DB_OK)
		fprintf(stderr, "%s: commits could not be made durable again\n",
		    rq->path);
	if (writes != NULL)
		group_commit_unlock(writes);
}
