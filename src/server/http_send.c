/*
 * Sending the answer (http_exchange.h): the rendered response or a
 * static file, with the security headers every response carries and
 * our cookies, named with the __Host- prefix behind TLS.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http_exchange.h"
#include "render_response.h"

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

const char *
http_cookie_read(struct MHD_Connection *conn, const char *name, int secure)
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

enum MHD_Result
http_send_response(struct MHD_Connection *conn, struct exchange *x)
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

enum MHD_Result
http_send_static(struct MHD_Connection *conn, struct exchange *x,
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
