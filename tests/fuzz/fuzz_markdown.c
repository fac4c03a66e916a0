/*
 * The Markdown wrapper: whatever members type as minutes or a
 * constitution, the HTML must hold no raw tag or script from the input
 * (cmark's safe mode), and the plain text for print must not crash.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "render/markdown.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*text, *plain;
	json_t	*html;
	const char *h;

	if ((text = malloc(size + 1)) == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if ((html = markdown_html(text)) != NULL) {
		h = json_string_value(html);
		/* Safe mode: raw HTML is dropped, unsafe links emptied. */
		if (h != NULL && (strstr(h, "<script") != NULL ||
		    strstr(h, "href=\"javascript:") != NULL ||
		    strstr(h, "src=\"javascript:") != NULL ||
		    strstr(h, "<iframe") != NULL))
			abort();
		json_decref(html);
	}
	plain = markdown_plain(text);
	free(plain);
	free(text);
	return 0;
}
