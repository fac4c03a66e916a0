#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "markdown.h"

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
