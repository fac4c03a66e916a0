#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "markdown.h"
#include "../util/buf.h"

json_t *
markdown_html(const char *text)
{
	char	*html;
	json_t	*s;

	if (text == NULL || *text == '\0')
		return json_string("");
	html = cmark_markdown_to_html(text, strlen(text),
	    CMARK_OPT_SAFE | CMARK_OPT_NOBREAKS);
	if (html == NULL)
		return NULL;
	s = json_string(html);
	free(html);
	return s;
}

char *
markdown_plain(const char *text)
{
	cmark_node		*doc, *node;
	cmark_iter		*it;
	cmark_event_type	 ev;
	struct buf		 out;
	const char		*lit;
	int			 type;

	buf_init(&out, text ? strlen(text) + 64 : 64);
	if (text == NULL || (doc = cmark_parse_document(text, strlen(text),
	    CMARK_OPT_SAFE)) == NULL)
		return buf_detach(&out, NULL);
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		type = cmark_node_get_type(node);
		if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_TEXT ||
		    type == CMARK_NODE_CODE) &&
		    (lit = cmark_node_get_literal(node)) != NULL)
			buf_puts(&out, lit);
		else if (type == CMARK_NODE_SOFTBREAK)
			buf_putc(&out, ' ');
		else if (type == CMARK_NODE_LINEBREAK)
			buf_putc(&out, '\n');
		else if (ev == CMARK_EVENT_EXIT && (type == CMARK_NODE_PARAGRAPH ||
		    type == CMARK_NODE_HEADING))
			buf_putc(&out, '\n');
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	/* No trailing newline: the PDF adds its own spacing. */
	while (out.len > 0 && out.data[out.len - 1] == '\n')
		out.data[--out.len] = '\0';
	return buf_detach(&out, NULL);
}
