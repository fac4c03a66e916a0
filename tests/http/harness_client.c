/*
 * The harness's HTTP client (harness.h): requests through libcurl with
 * a cookie jar, the form token of the last page kept and sent back,
 * multipart uploads, signing in, and the cookies a client holds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

void
client_init(struct client *c, const struct server *s)
{
	memset(c, 0, sizeof(*c));
	c->srv = s;
	c->curl = curl_easy_init();
	curl_easy_setopt(c->curl, CURLOPT_COOKIEFILE, "");
	curl_easy_setopt(c->curl, CURLOPT_TIMEOUT, 30L);
}

void
client_free(struct client *c)
{
	curl_easy_cleanup(c->curl);
	free(c->bearer);
	memset(c, 0, sizeof(*c));
}

void
reply_free(struct reply *r)
{
	free(r->body);
	memset(r, 0, sizeof(*r));
}

static size_t
body_write(char *p, size_t size, size_t n, void *arg)
{
	struct reply	*r = arg;
	char		*nb;

	if ((nb = realloc(r->body, r->len + size * n + 1)) == NULL)
		return 0;
	r->body = nb;
	memcpy(r->body + r->len, p, size * n);
	r->len += size * n;
	r->body[r->len] = '\0';
	return size * n;
}

/* Copies the value of header line p (len bytes) into out when it is
 * the header name ("Location"), without the line end. */
static void
header_value(const char *p, size_t len, const char *name, char *out,
    size_t sz)
{
	size_t	 n = strlen(name), k;

	if (len <= n + 2 || strncasecmp(p, name, n) != 0 || p[n] != ':' ||
	    p[n + 1] != ' ')
		return;
	k = len - n - 2;
	while (k > 0 && (p[n + 2 + k - 1] == '\r' || p[n + 2 + k - 1] == '\n'))
		k--;
	snprintf(out, sz, "%.*s", (int)k, p + n + 2);
}

static size_t
header_write(char *p, size_t size, size_t n, void *arg)
{
	struct reply	*r = arg;
	size_t		 len = size * n;

	header_value(p, len, "Location", r->location, sizeof(r->location));
	header_value(p, len, "Content-Type", r->content_type,
	    sizeof(r->content_type));
	header_value(p, len, "Retry-After", r->retry_after,
	    sizeof(r->retry_after));
	header_value(p, len, "Content-Disposition", r->disposition,
	    sizeof(r->disposition));
	return len;
}

/* extra: more request headers (borrowed), or NULL. */
static long
perform(struct client *c, const char *path, struct curl_slist *extra,
    struct reply *r)
{
	struct curl_slist	*h = NULL, *e;
	char			 url[1024], auth[256];
	const char		*tok;
	CURLcode		 rc;

	memset(r, 0, sizeof(*r));
	snprintf(url, sizeof(url), "%s%s", c->srv->base, path);
	curl_easy_setopt(c->curl, CURLOPT_URL, url);
	curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, body_write);
	curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(c->curl, CURLOPT_HEADERFUNCTION, header_write);
	curl_easy_setopt(c->curl, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(c->curl, CURLOPT_FOLLOWLOCATION, 0L);
	if (c->json)
		h = curl_slist_append(h, "Accept: application/json");
	if (c->bearer != NULL) {
		snprintf(auth, sizeof(auth), "Authorization: Bearer %s", c->bearer);
		h = curl_slist_append(h, auth);
	}
	if (c->accept_language != NULL) {
		snprintf(auth, sizeof(auth), "Accept-Language: %s",
		    c->accept_language);
		h = curl_slist_append(h, auth);
	}
	for (e = extra; e != NULL; e = e->next)
		h = curl_slist_append(h, e->data);
	curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, h);
	rc = curl_easy_perform(c->curl);
	curl_slist_free_all(h);
	if (rc != CURLE_OK)
		return r->status = -1;
	curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &r->status);
	if (r->body == NULL)
		r->body = strdup("");
	/* Remember the form token, as a browser keeps the page. */
	if ((tok = strstr(r->body, "name=\"csrf\" value=\"")) != NULL) {
		tok += strlen("name=\"csrf\" value=\"");
		snprintf(c->csrf, sizeof(c->csrf), "%.*s",
		    (int)strcspn(tok, "\""), tok);
	}
	return r->status;
}

long
http_get(struct client *c, const char *path, struct reply *r)
{
	curl_easy_setopt(c->curl, CURLOPT_HTTPGET, 1L);
	return perform(c, path, NULL, r);
}

long
http_post(struct client *c, const char *path, const char *body,
    int add_csrf, struct reply *r)
{
	char	*full;
	long	 status;

	if (asprintf(&full, "%s%s%s%s", body, *body && add_csrf ? "&" : "",
	    add_csrf ? "csrf=" : "", add_csrf ? c->csrf : "") == -1)
		return -1;
	curl_easy_setopt(c->curl, CURLOPT_POST, 1L);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, full);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDSIZE, (long)strlen(full));
	status = perform(c, path, NULL, r);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, NULL);
	free(full);
	return status;
}

long
http_post_raw(struct client *c, const char *path, const char *type,
    const char *body, size_t len, struct reply *r)
{
	struct curl_slist	*h = NULL;
	char			 ct[256];
	long			 status;

	snprintf(ct, sizeof(ct), "Content-Type: %s", type);
	h = curl_slist_append(h, ct);
	curl_easy_setopt(c->curl, CURLOPT_POST, 1L);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	status = perform(c, path, h, r);
	curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, NULL);
	curl_slist_free_all(h);
	return status;
}

long
http_post_files(struct client *c, const char *path,
    const char *const *fields, const char *file_field, const char *filename,
    const void *data, size_t len, struct reply *r)
{
	curl_mime	*mime = curl_mime_init(c->curl);
	curl_mimepart	*part;
	long		 status;

	part = curl_mime_addpart(mime);
	curl_mime_name(part, "csrf");
	curl_mime_data(part, c->csrf, CURL_ZERO_TERMINATED);
	for (; fields != NULL && fields[0] != NULL; fields += 2) {
		part = curl_mime_addpart(mime);
		curl_mime_name(part, fields[0]);
		curl_mime_data(part, fields[1], CURL_ZERO_TERMINATED);
	}
	if (filename != NULL) {
		part = curl_mime_addpart(mime);
		curl_mime_name(part, file_field);
		curl_mime_filename(part, filename);
		curl_mime_type(part, "application/octet-stream");
		curl_mime_data(part, data, len);
	}
	curl_easy_setopt(c->curl, CURLOPT_MIMEPOST, mime);
	status = perform(c, path, NULL, r);
	curl_easy_setopt(c->curl, CURLOPT_MIMEPOST, NULL);
	curl_mime_free(mime);
	return status;
}

long
http_post_file(struct client *c, const char *path, const char *title,
    const char *filename, const void *data, size_t len, struct reply *r)
{
	const char *const fields[] = { "title", title, NULL };

	return http_post_files(c, path, fields, "file", filename, data, len, r);
}

char *
url_encode(const char *s)
{
	CURL	*c = curl_easy_init();
	char	*e = curl_easy_escape(c, s, 0), *out = strdup(e);

	curl_free(e);
	curl_easy_cleanup(c);
	return out;
}

long
client_sign_in(struct client *c, const char *user, const char *password)
{
	struct reply	 r;
	char		*u = url_encode(user), *p = url_encode(password), *body;
	long		 status;

	http_get(c, "/sign-in", &r);
	reply_free(&r);
	if (asprintf(&body, "username=%s&password=%s", u, p) == -1)
		body = NULL;
	status = body ? http_post(c, "/sign-in", body, 1, &r) : -1;
	reply_free(&r);
	free(body);
	free(u);
	free(p);
	return status;
}

int
client_as(struct client *c, const struct server *s, const char *user,
    const char *password)
{
	struct reply	 r;
	long		 status;

	client_init(c, s);
	if (client_sign_in(c, user, password) != 303)
		return -1;
	status = http_get(c, "/account", &r);
	reply_free(&r);
	return status == 200 ? 0 : -1;
}

int
client_cookie(struct client *c, const char *name, char *line, size_t sz)
{
	struct curl_slist	*cookies = NULL, *k;
	const char		*tab;
	size_t			 n = strlen(name);
	int			 rc = -1;

	curl_easy_getinfo(c->curl, CURLINFO_COOKIELIST, &cookies);
	for (k = cookies; k != NULL && rc == -1; k = k->next) {
		/* Netscape format: the name is the sixth tab-separated field. */
		tab = k->data;
		for (int i = 0; i < 5 && tab != NULL; i++)
			if ((tab = strchr(tab, '\t')) != NULL)
				tab++;
		if (tab != NULL && strncmp(tab, name, n) == 0 && tab[n] == '\t') {
			snprintf(line, sz, "%s", k->data);
			rc = 0;
		}
	}
	curl_slist_free_all(cookies);
	return rc;
}
