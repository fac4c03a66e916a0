/*
 * Shared by every unit test: the headers cmocka needs, in the order it
 * needs them, and a temporary migrated database.
 *
 * unit_db_open() makes a fresh database file under $TMPDIR (or /tmp),
 * opens it into db and applies every migration; path receives its name.
 * unit_db_close() closes it and removes the file with its -wal and -shm.
 *
 * unit_pdf_tool(), unit_pdf_text() and unit_pdf_pages() read a PDF in a buffer back with
 * poppler's command-line tools, for the tests of what we render.
 */
#ifndef RT_UNIT_H
#define RT_UNIT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "render/pdf.h"
#include "util/buf.h"

#define UNIT_PATH_MAX	256
#define UNIT_PDF_MAX	(16 * 1024 * 1024)
#define UNIT_PDF_TEXT	"pdftotext '%s' -"

/*
 * A throw-away PostgreSQL cluster (tests/pg_cluster.sh), never a system
 * service: unit_pg_start fills dir (its folder) and url; unit_pg_stop
 * stops it and removes the folder.  0, or -1.
 */
static inline int
unit_pg_start(char dir[UNIT_PATH_MAX], char url[UNIT_PATH_MAX * 2])
{
	FILE	*p;
	int	 ok;

	if ((p = popen("sh tests/pg_cluster.sh start", "r")) == NULL)
		return -1;
	ok = fgets(dir, UNIT_PATH_MAX, p) != NULL &&
	    fgets(url, UNIT_PATH_MAX * 2, p) != NULL;
	if (pclose(p) != 0 || !ok)
		return -1;
	dir[strcspn(dir, "\n")] = '\0';
	url[strcspn(url, "\n")] = '\0';
	return 0;
}

static inline int
unit_pg_stop(const char *dir)
{
	char	 cmd[UNIT_PATH_MAX + 64];

	snprintf(cmd, sizeof(cmd), "sh tests/pg_cluster.sh stop '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/*
 * SQL built at run time (db_cursor_open_built), on either engine, over a
 * table t whose row 1 is named "one": a bad statement is refused quietly
 * (the caller may try another form), a good one binds ?1.
 */
static inline void
unit_cursor_built_check(struct db *db)
{
	struct db_cursor cur;
	char		 sql[64];

	snprintf(sql, sizeof(sql), "SELECT name FROM t WHERE id = ?1 "
	    "ORDER BY nosuchcolumn");
	assert_int_equal(db_cursor_open_built(db, &cur, sql, 1), -1);
	snprintf(sql, sizeof(sql), "SELECT name FROM t WHERE id = ?1");
	assert_int_equal(db_cursor_open_built(db, &cur, sql, 1), 0);
	assert_int_equal(db_cursor_next(&cur), 1);
	assert_string_equal(db_cursor_text(&cur, 0), "one");
	assert_int_equal(db_cursor_next(&cur), 0);
	db_cursor_close(&cur);
}

static inline int
unit_db_open(struct db *db, char path[UNIT_PATH_MAX])
{
	const char	*dir = getenv("TMPDIR");
	int		 fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	snprintf(path, UNIT_PATH_MAX, "%s/rt-unit-XXXXXX", dir);
	if ((fd = mkstemp(path)) == -1)
		return -1;
	close(fd);
	if (db_open(db, path, 5000) == -1) {
		unlink(path);
		return -1;
	}
	if (db_migrate(db) == -1) {
		db_close(db);
		unlink(path);
		return -1;
	}
	return 0;
}

static inline void
unit_db_close(struct db *db, const char *path)
{
	char	 side[UNIT_PATH_MAX + 8];

	db_close(db);
	unlink(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
}

/* The output of cmd, a format with one %s for the name of a file that
 * holds the PDF in b; caller frees.  NULL on failure. */
static inline char *
unit_pdf_tool(const struct buf *b, const char *cmd_fmt)
{
	const char	*dir = getenv("TMPDIR");
	char		 path[UNIT_PATH_MAX], chunk[4096];
	struct buf	 cmd, text;
	FILE		*f = NULL;
	int		 fd = -1;
	size_t		 n;

	buf_init(&cmd, 1024);
	buf_init(&text, UNIT_PDF_MAX);
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	snprintf(path, sizeof(path), "%s/rt-pdf-XXXXXX", dir);
	if ((fd = mkstemp(path)) == -1)
		goto fail;
	if (write(fd, b->data, b->len) != (ssize_t)b->len || close(fd) == -1)
		goto fail;
	fd = -1;
	if (buf_printf(&cmd, cmd_fmt, path) == -1 ||
	    (f = popen(cmd.data, "r")) == NULL)
		goto fail;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (buf_add(&text, chunk, n) == -1)
			goto fail;
	if (pclose(f) != 0) {
		f = NULL;
		goto fail;
	}
	unlink(path);
	buf_release(&cmd);
	return buf_detach(&text, NULL);
fail:
	if (f != NULL)
		pclose(f);
	if (fd != -1)
		close(fd);
	if (path[0] != '\0')
		unlink(path);
	buf_release(&cmd);
	buf_release(&text);
	return NULL;
}

/* What pdftotext reads in the PDF in b, lines joined by spaces so a
 * phrase that wraps still matches; caller frees.  NULL on failure. */
static inline char *
unit_pdf_text(const struct buf *b)
{
	char	*text, *c;

	if ((text = unit_pdf_tool(b, UNIT_PDF_TEXT)) != NULL)
		for (c = text; *c != '\0'; c++)
			if (*c == '\n')
				*c = ' ';
	return text;
}

/* A group teardown for tests that render PDFs: frees the font caches so
 * the leak checker sees only our own leaks. */
static inline int
unit_pdf_teardown(void **state)
{
	(void)state;
	pdf_shutdown();
	return 0;
}

/* Pages in the PDF in b, as pdfinfo counts them, or -1. */
static inline long
unit_pdf_pages(const struct buf *b)
{
	char	*info, *at;
	long	 n = -1;

	if ((info = unit_pdf_tool(b, "pdfinfo '%s'")) == NULL)
		return -1;
	if ((at = strstr(info, "Pages:")) != NULL)
		n = strtol(at + 6, NULL, 10);
	free(info);
	return n;
}

#endif
