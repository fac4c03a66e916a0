/*
 * Decision (issue 20): cairo writes no /Lang (none of its versions has
 * an API for the document's language), and cairo 1.16 writes a
 * /StructTreeRoot without the /MarkInfo that says the document is
 * tagged.  Rather than patch bytes in the middle of cairo's file, the
 * finished PDF gets an incremental update, as an editor saving a PDF
 * does (PDF 1.7, 7.5.6): a new copy of the catalogue with /Lang (and
 * /MarkInfo) added, a cross-reference section for that one object and a
 * trailer pointing back (/Prev) at cairo's.  Every reader takes the
 * newest copy of an object; nothing cairo wrote moves, so its offsets
 * stay right.  The update is read from cairo's own trailer and
 * cross-reference table; a file that has neither (a later cairo writing
 * cross-reference streams) fails the document, so the tests see it the
 * day it happens rather than a screen reader reading Welsh in English.
 */
#include <stdlib.h>
#include <string.h>

#include "pdf_catalog.h"

/* The last occurrence of what in [s, s + len), or NULL. */
static const char *
last_of(const char *s, size_t len, const char *what)
{
	size_t	 n = strlen(what);
	const char *p;

	if (len < n)
		return NULL;
	for (p = s + len - n; p >= s; p--)
		if (memcmp(p, what, n) == 0)
			return p;
	return NULL;
}

/* The number after key (as "/Root 23 0 R") in [s, end); -1 when none. */
static long long
number_after(const char *s, const char *end, const char *key)
{
	const char	*p = memmem(s, (size_t)(end - s), key, strlen(key));
	char		*stop;
	long long	 v;

	if (p == NULL)
		return -1;
	v = strtoll(p + strlen(key), &stop, 10);
	return stop == p + strlen(key) || stop > end ? -1 : v;
}

/* The offset of object obj in the classic cross-reference table at
 * xref (in pdf, len bytes), or -1. */
static long long
object_offset(const char *pdf, size_t len, long long xref, long long obj)
{
	const char	*p = pdf + xref, *end = pdf + len;
	char		*stop;
	long long	 first, count;

	if (xref < 0 || (size_t)xref + 4 > len || memcmp(p, "xref", 4) != 0)
		return -1;
	p += 4;
	for (;;) {
		while (p < end && (*p == ' ' || *p == '\r' || *p == '\n'))
			p++;
		first = strtoll(p, &stop, 10);
		if (stop == p || stop >= end)
			return -1;
		count = strtoll(stop, &stop, 10);
		if (count < 0 || stop >= end)
			return -1;
		while (stop < end && (*stop == ' ' || *stop == '\r' ||
		    *stop == '\n'))
			stop++;
		/* Each entry is 20 bytes: "0000005943 00000 n \n". */
		if ((size_t)(end - stop) < (size_t)count * 20)
			return -1;
		if (obj >= first && obj < first + count)
			return strtoll(stop + (obj - first) * 20, NULL, 10);
		p = stop + count * 20;
		if ((size_t)(end - p) >= 7 && memcmp(p, "trailer", 7) == 0)
			return -1;
	}
}

/* The body of the dictionary of object obj at off: between its "<<" and
 * its last ">>" before "endobj".  0, or -1 when it is not there. */
static int
dictionary_at(const char *pdf, size_t len, long long off, const char **body,
    size_t *n)
{
	const char	*p, *end;

	if (off < 0 || (size_t)off >= len)
		return -1;
	p = pdf + off;
	if ((end = memmem(p, len - (size_t)off, "endobj", 6)) == NULL ||
	    (p = memmem(p, (size_t)(end - p), "<<", 2)) == NULL ||
	    (end = last_of(p, (size_t)(end - p), ">>")) == NULL)
		return -1;
	*body = p + 2;
	*n = (size_t)(end - p - 2);
	return 0;
}

/* A language tag as PDF may carry it in a string with no escaping:
 * letters, digits and hyphens, as "cy" or "en-GB". */
static int
tag_ok(const char *lang)
{
	size_t	 i;

	for (i = 0; lang[i] != '\0'; i++)
		if (!((lang[i] >= 'a' && lang[i] <= 'z') ||
		    (lang[i] >= 'A' && lang[i] <= 'Z') ||
		    (lang[i] >= '0' && lang[i] <= '9') || lang[i] == '-'))
			return 0;
	return i > 0 && i <= 35;
}

int
pdf_catalog_update(struct buf *out, size_t start, const char *lang)
{
	const char	*pdf, *sx, *tr, *tr_end, *cat;
	char		*catalog = NULL, *trailer = NULL;
	size_t		 len, cat_n, at;
	long long	 prev, xref, root;
	int		 rc = 0, marked;

	if (out == NULL || out->data == NULL || start >= out->len ||
	    lang == NULL || !tag_ok(lang))
		return -1;
	pdf = out->data + start;
	len = out->len - start;
	/* cairo's trailer: "trailer << ... >> startxref N %%EOF". */
	if ((sx = last_of(pdf, len, "startxref")) == NULL ||
	    (tr = last_of(pdf, (size_t)(sx - pdf), "trailer")) == NULL ||
	    (tr = memmem(tr, (size_t)(sx - tr), "<<", 2)) == NULL ||
	    (tr_end = last_of(tr, (size_t)(sx - tr), ">>")) == NULL ||
	    memmem(tr, (size_t)(tr_end - tr), "/Prev", 5) != NULL)
		return -1;
	prev = strtoll(sx + 9, NULL, 10);
	if ((root = number_after(tr, tr_end, "/Root ")) <= 0 ||
	    dictionary_at(pdf, len, object_offset(pdf, len, prev, root), &cat,
	    &cat_n) == -1 ||
	    memmem(cat, cat_n, "/Lang", 5) != NULL)
		return -1;
	marked = memmem(cat, cat_n, "/StructTreeRoot", 15) != NULL &&
	    memmem(cat, cat_n, "/MarkInfo", 9) == NULL;
	/* Copies: appending to out may move what they were read from. */
	if ((catalog = strndup(cat, cat_n)) == NULL ||
	    (trailer = strndup(tr + 2, (size_t)(tr_end - tr - 2))) == NULL) {
		rc = -2;
		goto out;
	}
	at = len;
	if (pdf[len - 1] != '\n') {
		rc |= buf_putc(out, '\n');
		at++;
	}
	rc |= buf_printf(out, "%lld 0 obj\n<<%s   /Lang (%s)\n%s>>\nendobj\n",
	    root, catalog, lang, marked ? "   /MarkInfo << /Marked true >>\n" :
	    "");
	xref = (long long)(out->len - start);
	rc |= buf_printf(out, "xref\n%lld 1\n%010zu 00000 n \ntrailer\n<<%s"
	    "   /Prev %lld\n>>\nstartxref\n%lld\n%%%%EOF\n", root, at, trailer,
	    prev, xref);
out:
	free(catalog);
	free(trailer);
	return rc ? -2 : 0;
}
