#include <string.h>
#include <strings.h>

#include "filetype.h"

#define ZIP_MAGIC	"PK\003\004"
#define ODT_MIME	"application/vnd.oasis.opendocument.text"

/* The accepted kinds: magic bytes at the start, and the extensions a
 * file of that kind may be named with. */
static const struct kind {
	const char	*magic;
	size_t		 magic_len;
	const char	*exts[3];
	struct filetype	 type;
} kinds[] = {
	{ "%PDF-", 5, { "pdf" }, { "application/pdf", "pdf" } },
	{ "\211PNG\r\n\032\n", 8, { "png" }, { "image/png", "png" } },
	{ "\377\330\377", 3, { "jpg", "jpeg" }, { "image/jpeg", "jpg" } },
	{ ZIP_MAGIC, 4, { "docx" }, { "application/vnd.openxmlformats-"
	    "officedocument.wordprocessingml.document", "docx" } },
	{ ZIP_MAGIC, 4, { "odt" }, { ODT_MIME, "odt" } },
};

static int
ext_is(const char *filename, const char *ext)
{
	const char	*dot = filename ? strrchr(filename, '.') : NULL;

	return dot != NULL && strcasecmp(dot + 1, ext) == 0;
}

/* Inside the zip: an OpenDocument file stores its type first, uncompressed;
 * a Word file names its parts under "word/". */
static int
zip_is(const unsigned char *data, size_t len, const char *ext)
{
	const char	*needle;
	size_t		 n, i;

	if (strcmp(ext, "odt") == 0) {
		n = strlen(ODT_MIME);
		return len >= 38 + n && memcmp(data + 30, "mimetype", 8) == 0 &&
		    memcmp(data + 38, ODT_MIME, n) == 0;
	}
	needle = "word/";
	n = strlen(needle);
	for (i = 0; i + n <= len && i < 65536; i++)
		if (memcmp(data + i, needle, n) == 0)
			return 1;
	return 0;
}

int
filetype_detect(const unsigned char *data, size_t len, const char *filename,
    struct filetype *out)
{
	const struct kind	*k;
	size_t			 i, e;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		k = &kinds[i];
		if (len < k->magic_len || memcmp(data, k->magic,
		    k->magic_len) != 0)
			continue;
		for (e = 0; e < 3 && k->exts[e] != NULL; e++) {
			if (!ext_is(filename, k->exts[e]))
				continue;
			if (strcmp(k->magic, ZIP_MAGIC) == 0 &&
			    !zip_is(data, len, k->type.ext))
				continue;
			*out = k->type;
			return 1;
		}
	}
	return 0;
}
