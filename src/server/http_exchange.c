/*
 * One request through libmicrohttpd (http_exchange.h).  Per-request
 * state is made on the first callback and freed in the completion
 * callback.  The response is queued only on the final callback (after
 * the body is read): queueing earlier makes libmicrohttpd close the
 * connection, which costs keep-alive.  Errors found while reading (too
 * large, malformed) are remembered and answered then too, except a
 * declared Content-Length over the limit, answered at once because
 * reading that body would waste the time we are protecting.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <microhttpd.h>

#include "deadline.h"
#include "dispatch.h"
#include "easy_read.h"
#include "form_page.h"
#include "language.h"
#include "framing.h"
#include "http_exchange.h"
#include "router.h"
#include "static_files.h"
#include "test_hooks.h"
#include "../util/catalogue.h"
#include "../util/log.h"
#include "../util/text.h"
#include "../limits.h"

void
http_reject(struct exchange *x, int status, const char *msgid,
    const char *field)
{
	if (x->early_status != 0)
		return;
	x->early_status = status;
	x->early_msgid = msgid;
	if (field != NULL)
		x->early_field = strdup(field);
}

/* The browser's own choices of language and way of reading. */
static void
exchange_reading_cookies(struct MHD_Connection *conn, struct exchange *x)
{
	int	 secure = x->rq.app->config->cookie_secure;

	x->rq.lang_cookie = http_cookie_read(conn, LANG_COOKIE, secure);
	x->rq.read_cookie = http_cookie_read(conn, READ_COOKIE, secure);
	x->rq.accept_language = MHD_lookup_connection_value(conn,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_LANGUAGE);
}

/* The language and way of reading of an answer given without dispatch:
 * the account's own when its session is live (only read), as dispatch
 * decides them; with s NULL (the server stopping), the browser's. */
static void
exchange_language(struct server *s, struct MHD_Connection *conn,
    struct exchange *x)
{
	exchange_reading_cookies(conn, x);
	if (s != NULL && x->rq.db == NULL)
		x->rq.db = http_server_db(s);
	if (s != NULL && x->rq.session_cookie == NULL)
		x->rq.session_cookie = http_cookie_read(conn, SESSION_COOKIE,
		    s->app->config->cookie_secure);
	request_reader_early(&x->rq, &x->rs);
}

static enum MHD_Result
send_early(struct server *s, struct MHD_Connection *conn, struct exchange *x)
{
	json_t	*words = NULL;

	/* A refused request reads in its reader's language; a stopping
	 * server opens no database to find it. */
	exchange_language(x->early_status == 503 ? NULL : s, conn, x);
	if (x->early_field != NULL)
		words = json_pack("{s:s}", "field", x->early_field);
	response_error_words(&x->rq, &x->rs, x->early_status,
	    x->early_msgid, words);
	json_decref(words);
	return http_send_response(conn, x);
}

static void
client_address(struct MHD_Connection *conn, char *out, size_t sz)
{
	const union MHD_ConnectionInfo	*ci;
	const struct sockaddr		*sa;

	snprintf(out, sz, "unknown");
	ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci == NULL || (sa = ci->client_addr) == NULL)
		return;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr,
		    out, (socklen_t)sz);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr,
		    out, (socklen_t)sz);
}

static int
wants_json(struct MHD_Connection *conn)
{
	const char	*accept;

	accept = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_ACCEPT);
	return accept != NULL && strstr(accept, "application/json") != NULL &&
	    strstr(accept, "text/html") == NULL;
}

static const char *
bearer_token(struct MHD_Connection *conn)
{
	const char	*h;

	h = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_AUTHORIZATION);
	if (h == NULL || strncmp(h, "Bearer ", 7) != 0)
		return NULL;
	return h + 7;
}

/* First callback: set up state (x is made by http_on_uri, or here if the
 * library did not call it), reject what we can without reading. */
static struct exchange *
exchange_begin(struct server *s, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, struct exchange *x)
{
	const union MHD_ConnectionInfo *ci;
	const char	*len, *type, *problem;
	char		*end;
	unsigned long long n;

	if (x == NULL && (x = calloc(1, sizeof(*x))) == NULL)
		return NULL;
	x->begun = 1;
	clock_gettime(CLOCK_MONOTONIC, &x->start);
	if ((ci = MHD_get_connection_info(conn,
	    MHD_CONNECTION_INFO_SOCKET_CONTEXT)) != NULL)
		x->conn_deadline = ci->socket_context;
	snprintf(x->method, sizeof(x->method), "%s", method);
	x->path = strdup(url);
	client_address(conn, x->addr, sizeof(x->addr));
	buf_init(&x->rs.body, s->app->config->page_max);
	x->rq.app = s->app;
	x->rq.path = url;
	x->rq.client_addr = x->addr;
	x->rq.now = time(NULL);
	x->rq.wants_json = wants_json(conn);
	if ((problem = framing_problem(conn, &x->uri, version)) != NULL) {
		http_reject(x, 400, problem, NULL);
		x->answer_now = 1;
		return x;
	}
	/* Every page names its own path (the language links at its foot),
	 * and JSON holds only UTF-8: the error page for such a path is
	 * drawn as if for the home page. */
	if (!utf8_valid(url, strlen(url))) {
		x->rq.path = "/";
		http_reject(x, 400, N_("The address is not valid "
		    "UTF-8 text."), NULL);
		x->answer_now = 1;
		return x;
	}
	/* Before the method: a refusal reads in the language ?lang= asks. */
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, http_query_field,
	    x);
	if (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0)
		x->rq.method = HTTP_GET;
	else if (strcmp(method, "POST") == 0)
		x->rq.method = HTTP_POST;
	else {
		http_reject(x, 405, N_("That method is not allowed here."),
		    NULL);
		return x;
	}
	/* Only routes that take a file accept one, and a larger body. */
	{
		int64_t			 ids[ROUTE_IDS_MAX];
		size_t			 nids;
		int			 status;
		const struct route	*rt;

		rt = router_match(routes, routes_count, x->rq.method, url, ids,
		    &nids, &status);
		x->uploads = rt != NULL && (rt->flags & ROUTE_UPLOAD);
		x->body_max = s->app->config->body_max +
		    (x->uploads ? s->app->config->upload_max : 0);
	}
	len = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (len != NULL) {
		errno = 0;
		n = strtoull(len, &end, 10);
		if (errno || *end != '\0' || n > x->body_max) {
			http_reject(x, 413, N_("The request is too large."),
			    NULL);
			x->answer_now = 1;
			return x;
		}
	}
	if (x->rq.method == HTTP_POST) {
		type = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_TYPE);
		x->pp = MHD_create_post_processor(conn, POST_BUFFER_SIZE,
		    http_post_field, x);
		if (x->pp == NULL && type != NULL)
			http_reject(x, 415, N_("Send forms as "
			    "application/x-www-form-urlencoded or "
			    "multipart/form-data."), NULL);
	}
	return x;
}

static enum MHD_Result
exchange_finish(struct server *s, struct MHD_Connection *conn,
    struct exchange *x)
{
	const struct static_file *f;

	test_hook_request(x->rq.path);
	if (x->early_status == 0)
		http_fields_check(x, &x->rq.query, "query");
	if (x->early_status == 0)
		http_fields_check(x, &x->rq.body, "form");
	if (x->early_status != 0)
		return send_early(s, conn, x);
	if (x->rq.method == HTTP_GET && strncmp(x->rq.path, "/static/", 8) == 0) {
		if ((f = static_files_find(&s->statics, x->rq.path)) != NULL)
			return http_send_static(conn, x, f);
		exchange_language(s, conn, x);
		response_error(&x->rs, 404, "Page not found.");
		return http_send_response(conn, x);
	}
	if ((x->rq.db = http_server_db(s)) == NULL) {
		exchange_language(NULL, conn, x);
		x->rs.retry_after = 5;
		response_error(&x->rs, 503, "The database is not available.");
		return http_send_response(conn, x);
	}
	x->rq.session_cookie = http_cookie_read(conn, SESSION_COOKIE,
	    s->app->config->cookie_secure);
	x->rq.anon_cookie = http_cookie_read(conn, ANON_COOKIE,
	    s->app->config->cookie_secure);
	exchange_reading_cookies(conn, x);
	dispatch(&x->rq, &x->rs, bearer_token(conn));
	return http_send_response(conn, x);
}

enum MHD_Result
http_on_request(void *cls, struct MHD_Connection *conn, const char *url,
    const char *method, const char *version, const char *upload_data,
    size_t *upload_data_size, void **state)
{
	struct server	*s = cls;
	struct exchange	*x = *state;

	if (x == NULL || !x->begun) {
		if ((x = exchange_begin(s, conn, url, method, version, x)) ==
		    NULL)
			return MHD_NO;
		*state = x;
		__atomic_add_fetch(&s->in_flight, 1, __ATOMIC_SEQ_CST);
		if (__atomic_load_n(&s->stopping, __ATOMIC_SEQ_CST)) {
			http_reject(x, 503, N_("The server is stopping; "
			    "try again in a moment."), NULL);
			x->answer_now = 1;
		}
		/* A body we refuse by its declared size, or cannot frame:
		 * answer now, and the library closes the connection. */
		if (x->answer_now)
			return send_early(s, conn, x);
		return MHD_YES;
	}
	if (*upload_data_size > 0) {
		x->body_bytes += *upload_data_size;
		if (x->body_bytes > x->body_max) {
			/* Stop reading a body we will refuse anyway. */
			http_reject(x, 413, N_("The request is too large."),
			    NULL);
			*upload_data_size = 0;
			return x->status ? MHD_YES : send_early(s, conn, x);
		}
		if (x->early_status == 0 && x->pp != NULL &&
		    MHD_post_process(x->pp, upload_data, *upload_data_size) !=
		    MHD_YES)
			http_reject(x, 400, N_("The form could not be read."),
			    NULL);
		*upload_data_size = 0;
		return MHD_YES;
	}
	deadline_request_read(&s->deadline, x->conn_deadline);
	if (x->status != 0)
		return MHD_YES;	/* already answered */
	return exchange_finish(s, conn, x);
}

void
http_on_completed(void *cls, struct MHD_Connection *conn, void **state,
    enum MHD_RequestTerminationCode code)
{
	struct server	*s = cls;
	struct exchange	*x = *state;
	struct timespec	 end;
	long long	 us;

	(void)conn;
	(void)code;
	if (x == NULL)
		return;
	deadline_request_done(&s->deadline, x->conn_deadline);
	if (!x->begun) {	/* refused by the library before our handler */
		free(x);
		*state = NULL;
		return;
	}
	__atomic_sub_fetch(&s->in_flight, 1, __ATOMIC_SEQ_CST);
	if (s->app->config->access_log) {
		clock_gettime(CLOCK_MONOTONIC, &end);
		us = (end.tv_sec - x->start.tv_sec) * 1000000LL +
		    (end.tv_nsec - x->start.tv_nsec) / 1000;
		log_line(LOG_INFO, "%s %s %d %lldus", x->method,
		    x->path ? x->path : "-", x->status, us);
	}
	if (x->pp != NULL)
		MHD_destroy_post_processor(x->pp);
	request_clear(&x->rq);
	response_clear(&x->rs);
	free(x->early_field);
	free(x->path);
	free(x);
	*state = NULL;
}

/* The URI log callback: the first sight of a request, before the library
 * splits the query or decodes escapes in place, which is when its length
 * still shows a NUL (framing.h).  What it returns is the request's state. */
void *
http_on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	struct exchange	*x;

	(void)cls;
	(void)conn;
	if ((x = calloc(1, sizeof(*x))) == NULL)
		return NULL;
	x->uri.uri = uri;
	x->uri.len = strlen(uri);
	return x;
}
