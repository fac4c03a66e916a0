/*
 * Markdown to HTML through cmark in safe mode: raw HTML and unsafe links
 * (javascript:, data:) are dropped, so the output may be shown unescaped
 * under a template name ending in _html.
 */
#ifndef RT_MARKDOWN_H
#define RT_MARKDOWN_H

#include <jansson.h>

/* The HTML as a JSON string (new reference); "" for NULL text. */
json_t	*markdown_html(const char *text);

/* The text without its markup, for print (a PDF draws plain text):
 * paragraphs and list items on their own lines.  Caller frees. */
char	*markdown_plain(const char *text);

#endif
