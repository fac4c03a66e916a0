/*
 * libmicrohttpd glue.  Per-request state is made on the first callback and
 * freed in the completion callback.  The response is queued only on the
 * final callback (after the body is read): queueing earlier makes
 * libmicrohttpd close the connection, which costs keep-alive.  Errors
 * found while reading (too large, malformed) are remembered and answered
 * then too, except a declared Content-Length over the limit, answered at
 * once because reading that body would waste the time we are protecting.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "deadline.h"
#include "dispatch.h"
#include "easy_read.h"
#include "form_page.h"
#include "language.h"
#include "framing.h"
#include "housekeeping.h"
#include "http.h"
#include "render_response.h"
#include "router.h"
#include "static_files.h"
#include "lockdown.h"
#include "test_hooks.h"
#include "../db/db.h"
#include "../db/shared_rows.h"
#include "../render/template.h"
#include "../util/catalogue.h"
#include "../util/log.h"
#include "../util/text.h"
#include "../limits.h"


struct server {
	struct app		*app;
	struct static_files	 statics;
	pthread_mutex_t		 lock;		/* guards dbs */
	struct db		*dbs[DB_WORKERS_MAX];
	size_t			 ndbs;
	int			 in_flight;	/* requests begun, not completed */
	int			 stopping;	/* set at the stop signal */
	struct deadline_watch	 deadline;
};

/* Per-request state: owned by the connection, freed when it completes. */
struct exchange {
	struct request		 rq;
	struct response		 rs;
	struct MHD_PostProcessor *pp;
	void			*conn_deadline;	/* the connection's entry */
	struct framing_uri	 uri;		/* from the URI log callback */
	int			 begun;		/* exchange_begin has run */
	int			 answer_now;	/* refuse before reading a body */
	size_t			 body_bytes;
	int			 early_status;	/* 4xx found while reading */
	int			 uploads;	/* the route takes a file */
	size_t			 body_max;	/* for this route */
	const char		*early_msgid;	/* static: a message id */
	char			*early_field;	/* owned: its {field} */
	struct timespec		 start;
	char			 method[8];
	char			*path;		/* owned copy for the log */
	char			 addr[INET6_ADDRSTRLEN];
	int			 status;
};

static _Thread_local struct db *worker_db;

static struct db *
server_db(struct server *s)
{
	struct db	*db;

	if (worker_db != NULL)
		return worker_db;
	if ((db = calloc(1, sizeof(*db))) == NULL)
		return NULL;
	if (db_open(db, s->app->config->db_path,
	    s->app->config->busy_timeout_ms) == -1) {
		free(db);
		return NULL;
	}
	pthread_mutex_lock(&s->lock);
	if (s->ndbs == DB_WORKERS_MAX) {
		pthread_mutex_unlock(&s->lock);
		db_close(db);
		free(db);
		return NULL;
	}
	s->dbs[s->ndbs++] = db;
	pthread_mutex_unlock(&s->lock);
	return worker_db = db;
}

/* Refuses the request before it reaches a handler, with msgid (its
 * {field}, if it has one, filled by field) worded when it is answered,
 * in the reader's language. */
static void
exchange_reject(struct exchange *x, int status, const char *msgid,
    const char *field)
{
	if (x->early_status != 0)
		return;
	x->early_status = status;
	x->early_msgid = msgid;
	if (field != NULL)
		x->early_field = strdup(field);
}

static int
field_check(struct exchange *x, const struct form *f, const char *what)
{
	size_t	 i;

	for (i = 0; i < f->n; i++) {
		/* A file's bytes are its handler's to check; its name is text. */
		if (f->fields[i].filename != NULL) {
			if (!utf8_valid(f->fields[i].filename,
			    strlen(f->fields[i].filename)) ||
			    !text_printable(f->fields[i].filename,
			    strlen(f->fields[i].filename), 0)) {
				exchange_reject(x, 400, N_("The name of the file "
				    "in {field} is not plain text."), f->fields[i].name);
				return -1;
			}
			continue;
		}
		if (!utf8_valid(f->fields[i].name, strlen(f->fields[i].name)) ||
		    !utf8_valid(f->fields[i].value, f->fields[i].len)) {
			exchange_reject(x, 400, N_("The {field} is not valid "
			    "UTF-8 text."), f->fields[i].name);
			return -1;
		}
		if (strlen(f->fields[i].value) != f->fields[i].len) {
			exchange_reject(x, 400, N_("The {field} contains a "
			    "NUL character."), f->fields[i].name);
			return -1;
		}
	}
	(void)what;
	return 0;
}

/* Adds (or, for a later chunk of the same value, extends) a field. */
static int
exchange_field(struct exchange *x, struct form *f, const char *key,
    const char *filename, const char *data, uint64_t off, size_t size)
{
	const struct config	*c = x->rq.app->config;
	struct form_field	*last;
	size_t			 max = filename ? c->upload_max : c->field_max;
	char			*p;

	if (off > 0 && f->n > 0 && strcmp(f->fields[f->n - 1].name, key) == 0) {
		last = &f->fields[f->n - 1];
		if (last->len + size > max) {
			exchange_reject(x, 413,
			    N_("The field {field} is too long."), key);
			return -1;
		}
		if ((p = realloc(last->value, last->len + size + 1)) == NULL)
			return -1;
		memcpy(p + last->len, data, size);
		last->len += size;
		p[last->len] = '\0';
		last->value = p;
		return 0;
	}
	if (f->n >= c->fields_max) {
		exchange_reject(x, 413, N_("The form has too many fields."),
		    NULL);
		return -1;
	}
	if (size > max || strlen(key) > c->field_max) {
		exchange_reject(x, 413,
		    N_("The field {field} is too long."), key);
		return -1;
	}
	if (form_add(f, key, strlen(key), data ? data : "", data ? size : 0) ==
	    -1)
		return -1;
	if (filename != NULL &&
	    (f->fields[f->n - 1].filename = strdup(filename)) == NULL)
		return -1;
	return 0;
}

static enum MHD_Result
post_field(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *filename, const char *type, const char *encoding,
    const char *data, uint64_t off, size_t size)
{
	struct exchange	*x = cls;

	(void)kind;
	(void)type;
	(void)encoding;
	if (filename != NULL && !x->uploads) {
		exchange_reject(x, 415, N_("File uploads are not "
		    "accepted here."), NULL);
		return MHD_NO;
	}
	return exchange_field(x, &x->rq.body, key, filename, data, off,
	    size) == 0 ? MHD_YES : MHD_NO;
}

static enum MHD_Result
query_field(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct exchange	*x = cls;

	(void)kind;
	return exchange_field(x, &x->rq.query, key, NULL, value, 0,
	    value ? strlen(value) : 0) == 0 ? MHD_YES : MHD_NO;
}

/* secure: served behind TLS (cookie_secure), so HTTPS can be required. */
static void
headers_security(struct MHD_Response *r, int secure)
{
	MHD_add_response_header(r, "Content-Security-Policy",
	    "default-src 'self'; img-src 'self' data:; "
	    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "same-origin");
	MHD_add_response_header(r, "Cross-Origin-Opener-Policy", "same-origin");
	/* No other site may embed or fetch what we serve (no-cors reads). */
	MHD_add_response_header(r, "Cross-Origin-Resource-Policy",
	    "same-origin");
	if (secure)
		MHD_add_response_header(r, "Strict-Transport-Security",
		    HSTS_HEADER);
	MHD_add_response_header(r, "Permissions-Policy",
	    "camera=(), microphone=(), geolocation=()");
}

/*
 * Behind TLS our cookies carry the __Host- prefix: a browser then takes
 * them only with Secure, Path=/ and no Domain, so neither a sibling
 * subdomain nor a plain-HTTP page can plant a session or CSRF cookie.
 * Names in the code stay bare; the prefix is added and read here only.
 */
static const char *
cookie_prefix(int secure)
{
	return secure ? "__Host-" : "";
}

static const char *
cookie_read(struct MHD_Connection *conn, const char *name, int secure)
{
	char	 wire[64];

	snprintf(wire, sizeof(wire), "%s%s", cookie_prefix(secure), name);
	return MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, wire);
}

static void
headers_cookies(struct MHD_Response *r, const struct response *rs,
    int secure)
{
	char	 line[256];
	size_t	 i;
	const char *prefix = cookie_prefix(secure);

	for (i = 0; i < rs->ncookies; i++) {
		if (rs->cookies[i].value != NULL)
			snprintf(line, sizeof(line), "%s%s=%s; Path=/; HttpOnly; "
			    "SameSite=Strict%s", prefix, rs->cookies[i].name,
			    rs->cookies[i].value, secure ? "; Secure" : "");
		else
			snprintf(line, sizeof(line), "%s%s=; Path=/; Max-Age=0; "
			    "HttpOnly; SameSite=Strict%s", prefix,
			    rs->cookies[i].name, secure ? "; Secure" : "");
		MHD_add_response_header(r, MHD_HTTP_HEADER_SET_COOKIE, line);
	}
}

static enum MHD_Result
send_response(struct MHD_Connection *conn, struct exchange *x)
{
	struct response		*rs = &x->rs;
	struct MHD_Response	*r;
	struct buf		 out;
	const char		*type = "text/plain; charset=utf-8";
	char			 retry[16];
	enum MHD_Result		 ret;
	size_t			 len;
	char			*body;

	buf_init(&out, x->rq.app->config->page_max);
	if (response_render(&x->rq, &x->rs, &out, &type) == -1) {
		buf_clear(&out);
		buf_puts(&out, "Something went wrong.\n");
		type = "text/plain; charset=utf-8";
		rs->status = 500;
	}
	body = buf_detach(&out, &len);
	r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (r == NULL) {
		free(body);
		return MHD_NO;
	}
	headers_security(r, x->rq.app->config->cookie_secure);
	headers_cookies(r, rs, x->rq.app->config->cookie_secure);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (rs->location != NULL)
		MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION,
		    rs->location);
	if (rs->disposition != NULL)
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_DISPOSITION,
		    rs->disposition);
	if (rs->status == 405)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD, POST");
	if (rs->retry_after > 0) {
		snprintf(retry, sizeof(retry), "%d", rs->retry_after);
		MHD_add_response_header(r, MHD_HTTP_HEADER_RETRY_AFTER, retry);
	}
	x->status = rs->status;
	ret = MHD_queue_response(conn, (unsigned)rs->status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result
send_static(struct MHD_Connection *conn, struct exchange *x,
    const struct static_file *f)
{
	struct MHD_Response	*r;
	const char		*inm;
	enum MHD_Result		 ret;
	int			 status = 200;

	inm = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_IF_NONE_MATCH);
	if (inm != NULL && strcmp(inm, f->etag) == 0) {
		status = 304;
		r = MHD_create_response_from_buffer(0, NULL,
		    MHD_RESPMEM_PERSISTENT);
	} else
		r = MHD_create_response_from_buffer(f->len, f->data,
		    MHD_RESPMEM_PERSISTENT);
	if (r == NULL)
		return MHD_NO;
	headers_security(r, x->rq.app->config->cookie_secure);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, f->type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, f->etag);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
	    "public, max-age=86400");
	x->status = status;
	ret = MHD_queue_response(conn, (unsigned)status, r);
	MHD_destroy_response(r);
	return ret;
}

/* The browser's own choices of language and way of reading. */
static void
exchange_reading_cookies(struct MHD_Connection *conn, struct exchange *x)
{
	int	 secure = x->rq.app->config->cookie_secure;

	x->rq.lang_cookie = cookie_read(conn, LANG_COOKIE, secure);
	x->rq.read_cookie = cookie_read(conn, READ_COOKIE, secure);
}

/* The language and way of reading of an answer given without dispatch
 * (which would decide them with the account's own choice too). */
static void
exchange_language(struct MHD_Connection *conn, struct exchange *x)
{
	exchange_reading_cookies(conn, x);
	x->rq.lang = request_language(&x->rq, &x->rs);
	x->rq.easy_read = request_easy_read(&x->rq, &x->rs);
}

static enum MHD_Result
send_early(struct MHD_Connection *conn, struct exchange *x)
{
	json_t	*words = NULL;

	/* No session is read for a refused request: the reader's language
	 * is the one asked for (?lang=, or this browser's cookie). */
	exchange_language(conn, x);
	if (x->early_field != NULL)
		words = json_pack("{s:s}", "field", x->early_field);
	response_error_words(&x->rq, &x->rs, x->early_status,
	    x->early_msgid, words);
	json_decref(words);
	return send_response(conn, x);
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

/* First callback: set up state (x is made by on_uri, or here if the
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
		exchange_reject(x, 400, problem, NULL);
		x->answer_now = 1;
		return x;
	}
	/* Every page names its own path (the language links at its foot),
	 * and JSON holds only UTF-8: the error page for such a path is
	 * drawn as if for the home page. */
	if (!utf8_valid(url, strlen(url))) {
		x->rq.path = "/";
		exchange_reject(x, 400, N_("The address is not valid "
		    "UTF-8 text."), NULL);
		x->answer_now = 1;
		return x;
	}
	/* Before the method: a refusal reads in the language ?lang= asks. */
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, query_field, x);
	if (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0)
		x->rq.method = HTTP_GET;
	else if (strcmp(method, "POST") == 0)
		x->rq.method = HTTP_POST;
	else {
		exchange_reject(x, 405, N_("That method is not allowed here."),
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
			exchange_reject(x, 413, N_("The request is too large."),
			    NULL);
			x->answer_now = 1;
			return x;
		}
	}
	if (x->rq.method == HTTP_POST) {
		type = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
		    MHD_HTTP_HEADER_CONTENT_TYPE);
		x->pp = MHD_create_post_processor(conn, POST_BUFFER_SIZE,
		    post_field, x);
		if (x->pp == NULL && type != NULL)
			exchange_reject(x, 415, N_("Send forms as "
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
		field_check(x, &x->rq.query, "query");
	if (x->early_status == 0)
		field_check(x, &x->rq.body, "form");
	if (x->early_status != 0)
		return send_early(conn, x);
	if (x->rq.method == HTTP_GET && strncmp(x->rq.path, "/static/", 8) == 0) {
		if ((f = static_files_find(&s->statics, x->rq.path)) != NULL)
			return send_static(conn, x, f);
		exchange_language(conn, x);
		response_error(&x->rs, 404, "Page not found.");
		return send_response(conn, x);
	}
	if ((x->rq.db = server_db(s)) == NULL) {
		exchange_language(conn, x);
		x->rs.retry_after = 5;
		response_error(&x->rs, 503, "The database is not available.");
		return send_response(conn, x);
	}
	x->rq.session_cookie = cookie_read(conn, SESSION_COOKIE,
	    s->app->config->cookie_secure);
	x->rq.anon_cookie = cookie_read(conn, ANON_COOKIE,
	    s->app->config->cookie_secure);
	exchange_reading_cookies(conn, x);
	dispatch(&x->rq, &x->rs, bearer_token(conn));
	return send_response(conn, x);
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *conn, const char *url,
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
			exchange_reject(x, 503, N_("The server is stopping; "
			    "try again in a moment."), NULL);
			x->answer_now = 1;
		}
		/* A body we refuse by its declared size, or cannot frame:
		 * answer now, and the library closes the connection. */
		if (x->answer_now)
			return send_early(conn, x);
		return MHD_YES;
	}
	if (*upload_data_size > 0) {
		x->body_bytes += *upload_data_size;
		if (x->body_bytes > x->body_max) {
			/* Stop reading a body we will refuse anyway. */
			exchange_reject(x, 413, N_("The request is too large."),
			    NULL);
			*upload_data_size = 0;
			return x->status ? MHD_YES : send_early(conn, x);
		}
		if (x->early_status == 0 && x->pp != NULL &&
		    MHD_post_process(x->pp, upload_data, *upload_data_size) !=
		    MHD_YES)
			exchange_reject(x, 400, N_("The form could not be read."),
			    NULL);
		*upload_data_size = 0;
		return MHD_YES;
	}
	deadline_request_read(&s->deadline, x->conn_deadline);
	if (x->status != 0)
		return MHD_YES;	/* already answered */
	return exchange_finish(s, conn, x);
}

static void
on_completed(void *cls, struct MHD_Connection *conn, void **state,
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
static void *
on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
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

/*
 * Percent-decoding for paths and query strings, in place.  An encoded NUL
 * stays encoded: decoded, it would cut the string short and "/people/1%00"
 * would reach the page for /people/1.
 */
static size_t
url_unescape(void *cls, struct MHD_Connection *conn, char *s)
{
	(void)cls;
	(void)conn;
	return percent_decode(s, strlen(s), 0, 1);
}

static int
listen_address(const struct config *c, struct sockaddr_storage *ss)
{
	struct sockaddr_in	*in4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6	*in6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, c->listen_addr, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)c->listen_port);
		return 0;
	}
	if (inet_pton(AF_INET6, c->listen_addr, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)c->listen_port);
		return 0;
	}
	log_line(LOG_ERR, "listen address %s is not an IP address",
	    c->listen_addr);
	return -1;
}

int
server_run(struct app *app)
{
	const struct config		*c = app->config;
	struct server			 s;
	struct sockaddr_storage		 ss;
	struct MHD_Daemon		*d;
	struct housekeeping		 hk;
	sigset_t			 set;
	int				 sig, threads, waited, failed;
	size_t				 i;
	long				 cores;

	memset(&s, 0, sizeof(s));
	s.app = app;
	pthread_mutex_init(&s.lock, NULL);
	if (listen_address(c, &ss) == -1 ||
	    static_files_load(&s.statics, c->static_dir) == -1)
		return -1;
	if (deadline_start(&s.deadline, c->connection_timeout_s) == -1) {
		static_files_free(&s.statics);
		return -1;
	}
	cores = sysconf(_SC_NPROCESSORS_ONLN);
	threads = c->threads > 0 ? c->threads : (cores > 0 ? (int)cores : 2);

	/* Workers inherit this mask, so only sigwait() sees the signals. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	    MHD_USE_ITC,
	    0, NULL, NULL, on_request, &s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)c->connections_max,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)c->connections_per_ip,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)c->connection_timeout_s,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, c->connection_memory,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, &s,
	    MHD_OPTION_NOTIFY_CONNECTION, deadline_notify, &s.deadline,
	    MHD_OPTION_LISTENING_ADDRESS_REUSE, 1U,
	    MHD_OPTION_UNESCAPE_CALLBACK, url_unescape, NULL,
	    MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
	    MHD_OPTION_END);
	if (d == NULL) {
		log_line(LOG_ERR, "cannot listen on %s:%d", c->listen_addr,
		    c->listen_port);
		deadline_stop(&s.deadline);
		static_files_free(&s.statics);
		return -1;
	}
	/* After the signal mask, so the timer's thread leaves SIGTERM to
	 * sigwait too.  Backups that were asked for and cannot be made stop
	 * the server (exit 1) rather than letting it run without them.
	 * Before the lock-down, whose filter then holds on that thread too. */
	failed = housekeeping_start(&hk, c, app->writes) == -1;
	/* Everything the server opens by name from now on is the
	 * database's own files and fonts; the socket is bound.  A server
	 * that cannot lock itself down does not serve. */
	if (!failed && lockdown_server(db_target_is_pg(c->db_path)) == -1) {
		log_line(LOG_CRIT, "the lock-down (seccomp filter) could not "
		    "be installed; not serving");
		failed = 1;
	}
	if (!failed) {
		log_line(LOG_NOTICE, "roundtable %s listening on "
		    "http://%s:%d/ (%d threads, locked down)", app->version,
		    c->listen_addr, c->listen_port, threads);
		sigwait(&set, &sig);
	}
	log_line(LOG_NOTICE, "stopping: finishing requests in flight");
	/* Not MHD_quiesce_daemon: with a thread pool on epoll, its removal
	 * of the listening socket races the workers' own, and the library
	 * aborts the process ("Failed to remove listen FD from epoll set").
	 * Requests that begin from now on are refused with 503 instead. */
	__atomic_store_n(&s.stopping, 1, __ATOMIC_SEQ_CST);
	for (waited = 0; waited < STOP_GRACE_S * 100; waited++) {
		if (__atomic_load_n(&s.in_flight, __ATOMIC_SEQ_CST) == 0)
			break;
		usleep(10000);
	}
	MHD_stop_daemon(d);
	housekeeping_stop(&hk);
	deadline_stop(&s.deadline);
	for (i = 0; i < s.ndbs; i++) {
		db_close(s.dbs[i]);
		free(s.dbs[i]);
	}
	db_rows_shared_clear();
	static_files_free(&s.statics);
	pthread_mutex_destroy(&s.lock);
	log_line(LOG_NOTICE, "stopped");
	return failed ? -1 : 0;
}
