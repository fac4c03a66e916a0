/*
 * A request's query and form fields (http_exchange.h), added as
 * libmicrohttpd reads them: each within the configured limits of length
 * and number, a file only where the route takes one, and all checked as
 * UTF-8 text without NULs before any handler sees them.
 */
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "http_exchange.h"
#include "../util/catalogue.h"
#include "../util/text.h"

int
http_fields_check(struct exchange *x, const struct form *f, const char *what)
{
	size_t	 i;

	for (i = 0; i < f->n; i++) {
		/* A file's bytes are its handler's to check; its name is text. */
		if (f->fields[i].filename != NULL) {
			if (!utf8_valid(f->fields[i].filename,
			    strlen(f->fields[i].filename)) ||
			    !text_printable(f->fields[i].filename,
			    strlen(f->fields[i].filename), 0)) {
				http_reject(x, 400, N_("The name of the file "
				    "in {field} is not plain text."), f->fields[i].name);
				return -1;
			}
			continue;
		}
		if (!utf8_valid(f->fields[i].name, strlen(f->fields[i].name)) ||
		    !utf8_valid(f->fields[i].value, f->fields[i].len)) {
			http_reject(x, 400, N_("The {field} is not valid "
			    "UTF-8 text."), f->fields[i].name);
			return -1;
		}
		if (strlen(f->fields[i].value) != f->fields[i].len) {
			http_reject(x, 400, N_("The {field} contains a "
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
			http_reject(x, 413,
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
		http_reject(x, 413, N_("The form has too many fields."),
		    NULL);
		return -1;
	}
	if (size > max || strlen(key) > c->field_max) {
		http_reject(x, 413,
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

enum MHD_Result
http_post_field(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *filename, const char *type, const char *encoding,
    const char *data, uint64_t off, size_t size)
{
	struct exchange	*x = cls;

	(void)kind;
	(void)type;
	(void)encoding;
	if (filename != NULL && !x->uploads) {
		http_reject(x, 415, N_("File uploads are not "
		    "accepted here."), NULL);
		return MHD_NO;
	}
	return exchange_field(x, &x->rq.body, key, filename, data, off,
	    size) == 0 ? MHD_YES : MHD_NO;
}

enum MHD_Result
http_query_field(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct exchange	*x = cls;

	(void)kind;
	return exchange_field(x, &x->rq.query, key, NULL, value, 0,
	    value ? strlen(value) : 0) == 0 ? MHD_YES : MHD_NO;
}
