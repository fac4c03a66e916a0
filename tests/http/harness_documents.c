/*
 * What a PDF or XLSX reply says (harness.h): the reply saved in the
 * server's folder and read with poppler's tools (pdftotext, pdftohtml,
 * pdfinfo) or unzip, as a reader's own program would.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pdf_fonts.h"

/* Saves a reply's body as name in the server's folder, its path into
 * path: 0 or -1. */
static int
reply_save(const struct server *s, const struct reply *r, const char *name,
    char *path, size_t sz)
{
	FILE	*f;
	int	 ok;

	snprintf(path, sz, "%s/%s", s->dir, name);
	if ((f = fopen(path, "wb")) == NULL)
		return -1;
	ok = fwrite(r->body, 1, r->len, f) == r->len;
	return fclose(f) == 0 && ok ? 0 : -1;
}

/* What cmd prints, malloc'd; with flat, lines joined by spaces. */
static char *
command_output(const char *cmd, int flat)
{
	char	 buf[4096];
	char	*text = calloc(1, 1), *grown;
	FILE	*p;
	size_t	 n, i, len = 0;

	if (text == NULL || (p = popen(cmd, "r")) == NULL)
		return text;
	while ((n = fread(buf, 1, sizeof(buf), p)) > 0) {
		if ((grown = realloc(text, len + n + 1)) == NULL)
			break;
		text = grown;
		for (i = 0; i < n; i++)
			text[len++] = flat && buf[i] == '\n' ? ' ' : buf[i];
		text[len] = '\0';
	}
	pclose(p);
	return text;
}

char *
pdf_text(const struct server *s, const struct reply *r)
{
	char	 path[320], cmd[400];

	if (reply_save(s, r, "reply.pdf", path, sizeof(path)) == -1)
		return calloc(1, 1);
	snprintf(cmd, sizeof(cmd), "pdftotext '%s' -", path);
	return command_output(cmd, 1);
}

char *
xlsx_text(const struct server *s, const struct reply *r)
{
	char	 path[320], cmd[400];

	if (reply_save(s, r, "reply.xlsx", path, sizeof(path)) == -1)
		return NULL;
	snprintf(cmd, sizeof(cmd), "unzip -tq '%s' >/dev/null", path);
	if (system(cmd) != 0)
		return NULL;
	snprintf(cmd, sizeof(cmd), "unzip -p '%s' xl/workbook.xml "
	    "xl/sharedStrings.xml 'xl/worksheets/*.xml'", path);
	return command_output(cmd, 0);
}

long
pdf_smallest_font(const struct server *s, const struct reply *r)
{
	char		 path[320], cmd[400], *out;
	long		 least;

	if (reply_save(s, r, "reply.pdf", path, sizeof(path)) == -1)
		return -1;
	snprintf(cmd, sizeof(cmd), PDF_FONTS_CMD, path);
	if ((out = command_output(cmd, 0)) == NULL)
		return -1;
	least = pdf_fonts_smallest(out);
	free(out);
	return least;
}

long
pdf_pages(const struct server *s, const struct reply *r)
{
	char	 path[320], cmd[400], *out, *p;
	long	 n = -1;

	if (reply_save(s, r, "reply.pdf", path, sizeof(path)) == -1)
		return -1;
	snprintf(cmd, sizeof(cmd), "pdfinfo '%s' 2>/dev/null", path);
	out = command_output(cmd, 0);
	if (out != NULL && (p = strncmp(out, "Pages:", 6) == 0 ? out :
	    strstr(out, "\nPages:")) != NULL)
		n = strtol(p + (*p == '\n' ? 7 : 6), NULL, 10);
	free(out);
	return n;
}

char *
pdf_page_text(const struct server *s, const struct reply *r, long n)
{
	char	 path[320], cmd[400];

	if (n == 0)
		n = pdf_pages(s, r);
	if (n < 1 || reply_save(s, r, "reply.pdf", path, sizeof(path)) == -1)
		return calloc(1, 1);
	snprintf(cmd, sizeof(cmd), "pdftotext -f %ld -l %ld '%s' -", n, n,
	    path);
	return command_output(cmd, 1);
}
