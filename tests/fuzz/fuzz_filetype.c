/*
 * The upload check: any bytes under any name.  What it accepts must
 * really start with its kind's magic bytes and carry its extension.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/filetype.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *names[] = { "a.pdf", "b.PNG", "c.jpg", "d.docx",
	    "e.odt", "f.exe", "g", "h.pdf.exe", ".pdf" };
	struct filetype	 t;
	const char	*name, *dot;
	size_t		 i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		name = names[i];
		if (!filetype_detect(data, size, name, &t))
			continue;
		dot = strrchr(name, '.');
		if (dot == NULL || t.mime == NULL || t.ext == NULL)
			abort();
		/* A .jpeg may be stored as jpg; otherwise the names agree. */
		if (strcasecmp(dot + 1, t.ext) != 0 &&
		    !(strcmp(t.ext, "jpg") == 0 && strcasecmp(dot + 1, "jpeg") == 0))
			abort();
		if (strcmp(t.ext, "pdf") == 0 && (size < 5 ||
		    memcmp(data, "%PDF-", 5) != 0))
			abort();
	}
	return 0;
}
