/*
 * What a PDF's catalogue says, read from the bytes as a reader does
 * (poppler-glib does not tell /Lang): the trailer nearest the end names
 * the catalogue (/Root N 0 R), and the last copy of object N in the
 * file is the one in force (an incremental update appends a new copy).
 * Shared by the unit tests and the HTTP tests.
 */
#ifndef RT_TEST_PDF_LANG_H
#define RT_TEST_PDF_LANG_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The newest copy of the catalogue of the PDF in data (len bytes),
 * malloc'd, from "N 0 obj" to its "endobj"; NULL when none is found. */
static inline char *
pdf_catalog_text(const char *data, size_t len)
{
	const char	*p, *root = NULL, *obj = NULL, *end;
	char		 head[32];
	size_t		 n;
	long		 num;

	for (p = data; (p = memmem(p, len - (size_t)(p - data), "/Root ",
	    6)) != NULL; p++)
		root = p;
	if (root == NULL || (num = strtol(root + 6, NULL, 10)) <= 0)
		return NULL;
	n = (size_t)snprintf(head, sizeof(head), "\n%ld 0 obj", num);
	for (p = data; (p = memmem(p, len - (size_t)(p - data), head, n)) !=
	    NULL; p++)
		obj = p + 1;
	if (obj == NULL || (end = memmem(obj, len - (size_t)(obj - data),
	    "endobj", 6)) == NULL)
		return NULL;
	return strndup(obj, (size_t)(end - obj));
}

/* The catalogue's /Lang ("cy") into lang (size bytes); "" for none. */
static inline const char *
pdf_catalog_lang(const char *data, size_t len, char *lang, size_t size)
{
	char		*cat = pdf_catalog_text(data, len);
	const char	*p = cat != NULL ? strstr(cat, "/Lang (") : NULL;
	size_t		 n = 0;

	if (p != NULL)
		for (p += 7; p[n] != ')' && p[n] != '\0' && n + 1 < size; n++)
			lang[n] = p[n];
	lang[n] = '\0';
	free(cat);
	return lang;
}

#endif
