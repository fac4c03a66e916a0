/*
 * A handler's response as bytes: a redirect page, a raw body (PDF), JSON
 * (the view itself), or the view rendered through its template with the
 * page chrome.  Independent of libmicrohttpd, so the fuzzer renders
 * exactly what the server would send.
 */
#include <stdlib.h>

#include <jansson.h>

#include "easy_read.h"
#include "language.h"
#include "layout.h"
#include "render_response.h"
#include "route_access.h"
#include "../render/template.h"

/*
 * Appends JSON text with <, > and & written as \u escapes.  They can only
 * occur inside strings, so the JSON means the same, and a response that
 * ends up inside HTML by some mistake still cannot open a tag.
 */
static int
json_put_inert(struct buf *out, const char *s)
{
	int	 rc = 0;

	for (; *s != '\0' && rc == 0; s++) {
		switch (*s) {
		case '<': rc = buf_puts(out, "\\u003c"); break;
		case '>': rc = buf_puts(out, "\\u003e"); break;
		case '&': rc = buf_puts(out, "\\u0026"); break;
		default: rc = buf_putc(out, *s); break;
		}
	}
	return rc;
}

/* Turns the handler's response into bytes and a content type. */
int
response_render(const struct request *rq, struct response *rs,
    struct buf *out, const char **type)
{
	json_t			*page;
	char			*s, easy[TEMPLATE_NAME_MAX + sizeof(EASY_PREFIX)];
	int			 rc;

	if (rs->location != NULL) {
		if (rs->view == NULL)
			rs->view = json_object();
		json_object_set_new(rs->view, "location",
		    json_string(rs->location));
		json_object_set_new(rs->view, "title", json_string("Continue"));
		rs->template = "redirect";
	}
	if (rs->content_type != NULL) {
		*type = rs->content_type;
		return buf_add(out, rs->body.data ? rs->body.data : "",
		    rs->body.len);
	}
	if (rs->view == NULL)
		return -1;
	if (rq->wants_json || rq->api) {
		*type = "application/json";
		s = json_dumps(rs->view, JSON_COMPACT | JSON_ENSURE_ASCII);
		if (s == NULL)
			return -1;
		rc = json_put_inert(out, s);
		free(s);
		return rc;
	}
	*type = "text/html; charset=utf-8";
	if ((page = layout_context(rq)) == NULL)
		return -1;
	if (rs->status >= 400 && rq->who.account_id != 0)
		layout_page_up(rq, page);
	json_object_set_new(rs->view, "page", page);
	/* Links and buttons are drawn only where the router would let the
	 * viewer through ({{#may}}). */
	return template_render_in(rq->app->templates, easy_read_template(rq,
	    rq->app->templates, rs->template, easy, sizeof(easy)), rs->view,
	    out, route_allowed_for_template, (void *)rq,
	    language_words(rq->lang));
}

