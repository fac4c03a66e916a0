/*
 * Decision (issue 20): a file name is worded like the page, through the
 * catalogue, so a Welsh reader saves "gwerthuso-lot-3.pdf".  It is then
 * folded to ASCII letters, digits and hyphens: a header's filename="..."
 * takes no quote, backslash or line break, and plain ASCII needs no
 * RFC 5987 encoding and survives every disk and mail client a prison's
 * machines may have.  Welsh loses only its accents ("ŵ" is "w"), which
 * readers of a file name lose anyway.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "download_name.h"
#include "language.h"
#include "request.h"
#include "../limits.h"
#include "../render/pdf.h"
#include "../render/template.h"

/* The accented letters of Welsh (and of the Latin-1 and Latin
 * Extended-A letters beside them), in UTF-8, and their plain letters. */
static const struct fold {
	const char	*utf8;
	char		 plain;
} folds[] = {
	{ "â", 'a' }, { "á", 'a' }, { "à", 'a' }, { "ä", 'a' },
	{ "ê", 'e' }, { "é", 'e' }, { "è", 'e' }, { "ë", 'e' },
	{ "î", 'i' }, { "í", 'i' }, { "ì", 'i' }, { "ï", 'i' },
	{ "ô", 'o' }, { "ó", 'o' }, { "ò", 'o' }, { "ö", 'o' },
	{ "û", 'u' }, { "ú", 'u' }, { "ù", 'u' }, { "ü", 'u' },
	{ "ŵ", 'w' }, { "ẃ", 'w' }, { "ẁ", 'w' }, { "ẅ", 'w' },
	{ "ŷ", 'y' }, { "ý", 'y' }, { "ỳ", 'y' }, { "ÿ", 'y' },
	{ "Â", 'A' }, { "Á", 'A' }, { "À", 'A' }, { "Ä", 'A' },
	{ "Ê", 'E' }, { "É", 'E' }, { "È", 'E' }, { "Ë", 'E' },
	{ "Î", 'I' }, { "Í", 'I' }, { "Ì", 'I' }, { "Ï", 'I' },
	{ "Ô", 'O' }, { "Ó", 'O' }, { "Ò", 'O' }, { "Ö", 'O' },
	{ "Û", 'U' }, { "Ú", 'U' }, { "Ù", 'U' }, { "Ü", 'U' },
	{ "Ŵ", 'W' }, { "Ẃ", 'W' }, { "Ẁ", 'W' }, { "Ẅ", 'W' },
	{ "Ŷ", 'Y' }, { "Ý", 'Y' }, { "Ỳ", 'Y' }, { "Ÿ", 'Y' },
};

/* The plain letter of the accented one at s, with its length in *len;
 * else 0, *len the length of whatever character is there. */
static char
fold_at(const char *s, size_t *len)
{
	size_t	 i, n;

	for (i = 0; i < sizeof(folds) / sizeof(folds[0]); i++) {
		n = strlen(folds[i].utf8);
		if (strncmp(s, folds[i].utf8, n) == 0) {
			*len = n;
			return folds[i].plain;
		}
	}
	/* Any other character, whole: its lead byte says how long. */
	for (n = 1; (s[n] & 0xc0) == 0x80; n++)
		;
	*len = n;
	return 0;
}

size_t
download_name_fold(const char *text, char *out, size_t size)
{
	size_t	 n = 0, len;
	char	 c;

	for (; *text != '\0'; text += len) {
		c = fold_at(text, &len);
		if (c == 0 && len == 1 && ((*text >= 'a' && *text <= 'z') ||
		    (*text >= 'A' && *text <= 'Z') ||
		    (*text >= '0' && *text <= '9')))
			c = *text;
		if (c == 0)
			c = '-';
		/* One case, as the words around a name are: a group's
		 * "Over-50s Forum" reads "over-50s-forum" in the name. */
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c == '-' && (n == 0 || out[n - 1] == '-'))
			continue;
		if (n + 1 >= size)
			break;
		out[n++] = c;
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	return n;
}

/* msgid in words, folded into name; its length. */
static size_t
name_in(const char *msgid, json_t *values, const struct catalogue *words,
    char name[DOWNLOAD_NAME_MAX + 1])
{
	char	*said = template_words_dup(msgid, values, words,
		    DOWNLOAD_NAME_MAX * 4);
	size_t	 n = said != NULL ? download_name_fold(said, name,
		    DOWNLOAD_NAME_MAX + 1) : 0;

	free(said);
	return n;
}

int
response_named(struct response *r, enum download_kind kind,
    const struct catalogue *words, const char *msgid, json_t *values,
    const char *ext)
{
	char	 name[DOWNLOAD_NAME_MAX + 1];

	free(r->disposition);
	r->disposition = NULL;
	if (name_in(msgid, values, words, name) == 0 &&
	    name_in(msgid, values, NULL, name) == 0)
		return -1;
	if (asprintf(&r->disposition, "%s; filename=\"%s.%s\"", kind ==
	    DOWNLOAD_SHOWN ? "inline" : "attachment", name, ext) == -1) {
		r->disposition = NULL;
		return -1;
	}
	return 0;
}

void
response_file(struct response *r, int made, const char *type,
    enum download_kind kind, const struct catalogue *words,
    const char *msgid, json_t *values, const char *ext)
{
	if (made == -1) {
		buf_clear(&r->body);
		response_error(r, 500, "The file could not be made.");
		return;
	}
	r->status = 200;
	free(r->content_type);
	r->content_type = strdup(type);
	(void)response_named(r, kind, words, msgid, values, ext);
}

void
response_pdf(const struct request *rq, struct response *r, struct pdf *pdf,
    const char *msgid, json_t *values)
{
	response_file(r, pdf_finish(pdf), "application/pdf", DOWNLOAD_SHOWN,
	    language_words(rq->lang), msgid, values, "pdf");
}
