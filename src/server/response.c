#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "download_name.h"
#include "request.h"
#include "../limits.h"

const struct form_field *
form_get_file(const struct form *f, const char *name)
{
	size_t	 i;

	for (i = 0; i < f->n; i++)
		if (f->fields[i].filename != NULL &&
		    strcmp(f->fields[i].name, name) == 0)
			return &f->fields[i];
	return NULL;
}

const char *
form_get_nth(const struct form *f, const char *name, size_t k)
{
	size_t	 i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0 && k-- == 0)
			return f->fields[i].value;
	return NULL;
}

int64_t
form_get_id(const struct form *f, const char *name)
{
	const char	*s = form_get(f, name);
	char		*end;
	long long	 v;

	if (s == NULL || *s < '1' || *s > '9')
		return 0;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v > 0 && v < 1000000000000000LL ? v : 0;
}

const char *
form_get(const struct form *f, const char *name)
{
	return form_get_nth(f, name, 0);
}

int
form_add(struct form *f, const char *name, size_t nlen, const char *value,
    size_t vlen)
{
	struct form_field	*p;

	p = realloc(f->fields, (f->n + 1) * sizeof(*p));
	if (p == NULL)
		return -1;
	f->fields = p;
	p = &f->fields[f->n];
	p->name = strndup(name, nlen);
	p->value = malloc(vlen + 1);
	if (p->name == NULL || p->value == NULL) {
		free(p->name);
		free(p->value);
		return -1;
	}
	memcpy(p->value, value, vlen);
	p->value[vlen] = '\0';
	p->len = vlen;
	p->filename = NULL;
	f->n++;
	return 0;
}

void
form_clear(struct form *f)
{
	size_t	 i;

	for (i = 0; i < f->n; i++) {
		free(f->fields[i].name);
		free(f->fields[i].value);
		free(f->fields[i].filename);
	}
	free(f->fields);
	f->fields = NULL;
	f->n = 0;
}

void
response_page(struct response *r, int status, const char *template,
    json_t *view)
{
	json_decref(r->view);
	r->status = status;
	r->template = template;
	r->view = view;
}

void
response_redirect(struct response *r, const char *fmt, ...)
{
	va_list	 ap;

	free(r->location);
	va_start(ap, fmt);
	if (vasprintf(&r->location, fmt, ap) == -1)
		r->location = NULL;
	va_end(ap);
	r->status = r->location ? 303 : 500;
}

void
response_error(struct response *r, int status, const char *message)
{
	json_decref(r->view);
	/* An error page is a page: whatever the handler had begun to
	 * answer (a redirect, a file) is dropped. */
	free(r->location);
	free(r->content_type);
	free(r->disposition);
	r->location = r->content_type = r->disposition = NULL;
	r->status = status;
	r->template = "error";
	/* The title says what went wrong ("Page not found"), never blank;
	 * only a page withheld (response_denied, or a 404, which may hide
	 * one) sends the reader to their coordinator: a vote cast twice or
	 * a form that expired is no such thing. */
	r->view = json_pack("{s:s, s:s, s:i, s:b}", "title", message, "error",
	    message, "status", status, "withheld", status == 404);
}

void
response_denied(struct response *r)
{
	response_error(r, 403, "You do not have access to this page.");
	if (r->view != NULL)
		json_object_set_new(r->view, "withheld", json_true());
}

void
response_download(struct response *r, int found, char *mime, char *ext,
    const struct catalogue *words, const char *msgid, json_t *values)
{
	if (found <= 0) {
		free(mime);
		free(ext);
		buf_clear(&r->body);
		response_error(r, found < 0 ? 500 : 404, found < 0 ?
		    "Something went wrong." : "Page not found.");
		return;
	}
	/* Always a download, named by us: nothing the uploader chose. */
	r->status = 200;
	r->content_type = mime;
	(void)response_named(r, DOWNLOAD_SAVED, words, msgid, values, ext);
	free(ext);
}

void
response_cookie(struct response *r, const char *name, const char *value)
{
	struct response_cookie	*c;

	if (r->ncookies == RESPONSE_COOKIES_MAX)
		return;
	c = &r->cookies[r->ncookies];
	c->name = strdup(name);
	c->value = value ? strdup(value) : NULL;
	if (c->name == NULL || (value != NULL && c->value == NULL)) {
		free(c->name);
		free(c->value);
		return;
	}
	r->ncookies++;
}

void
response_clear(struct response *r)
{
	size_t	 i;

	json_decref(r->view);
	free(r->location);
	free(r->content_type);
	free(r->disposition);
	buf_release(&r->body);
	for (i = 0; i < r->ncookies; i++) {
		free(r->cookies[i].name);
		free(r->cookies[i].value);
	}
	memset(r, 0, sizeof(*r));
}

void
request_clear(struct request *rq)
{
	form_clear(&rq->query);
	form_clear(&rq->body);
	principal_clear(&rq->who);
}
