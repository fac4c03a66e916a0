/*
 * XLSX through libxlsxwriter.  Version 1.1.4 writes only to a named
 * file, so the workbook goes to a private temporary file (in $TMPDIR, or
 * /tmp) that is read back and removed at once.  Constant-memory mode
 * writes each row as it goes, so a long export does not grow the heap;
 * text is then stored inline in each sheet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "template.h"
#include "xlsx.h"
#include "../limits.h"
#include "../util/catalogue.h"

static lxw_error
cell_write(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const json_t *v,
    lxw_format *number, const struct catalogue *words)
{
	if (json_is_integer(v))
		return worksheet_write_number(ws, row, col,
		    (double)json_integer_value(v), number);
	if (json_is_real(v))
		return worksheet_write_number(ws, row, col, json_real_value(v),
		    number);
	if (json_is_string(v))
		return worksheet_write_string(ws, row, col, json_string_value(v),
		    NULL);
	if (json_is_boolean(v))
		return worksheet_write_string(ws, row, col, catalogue_get(words,
		    json_is_true(v) ? N_("Yes") : N_("No")), NULL);
	return LXW_NO_ERROR;
}

/* A cell worded by its column's message, filled from the row. */
static lxw_error
cell_shown(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *msgid,
    const json_t *values, const struct catalogue *words)
{
	struct buf	 text;
	lxw_error	 err = LXW_ERROR_MEMORY_MALLOC_FAILED;

	buf_init(&text, DOCUMENT_BYTES_MAX);
	if (template_words(msgid, (json_t *)values, words, &text) == 0)
		err = worksheet_write_string(ws, row, col, text.data ?
		    text.data : "", NULL);
	buf_release(&text);
	return err;
}

static int
sheet_write(lxw_workbook *wb, lxw_format *bold, const struct xlsx_sheet *s)
{
	lxw_worksheet	*ws;
	lxw_format	**numbers;
	const json_t	*row;
	size_t		 i, c;
	lxw_error	 err = LXW_NO_ERROR;

	if ((ws = workbook_add_worksheet(wb, catalogue_get(s->words,
	    s->name))) == NULL ||
	    (numbers = calloc(s->ncolumns + 1, sizeof(*numbers))) == NULL)
		return -1;
	for (c = 0; c < s->ncolumns && err == LXW_NO_ERROR; c++) {
		/* One format per column, made once: not one per cell. */
		if (s->columns[c].number_format != NULL &&
		    (numbers[c] = workbook_add_format(wb)) != NULL)
			format_set_num_format(numbers[c],
			    s->columns[c].number_format);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
		    s->columns[c].width, NULL);
		err = worksheet_write_string(ws, 0, (lxw_col_t)c,
		    catalogue_get(s->words, s->columns[c].header), bold);
	}
	json_array_foreach(s->rows, i, row)
		for (c = 0; c < s->ncolumns && err == LXW_NO_ERROR; c++)
			err = s->columns[c].shown != NULL ? cell_shown(ws,
			    (lxw_row_t)(i + 1), (lxw_col_t)c, s->columns[c].shown,
			    row, s->words) : cell_write(ws, (lxw_row_t)(i + 1),
			    (lxw_col_t)c, json_object_get(row,
			    s->columns[c].key), numbers[c], s->words);
	free(numbers);
	return err == LXW_NO_ERROR ? 0 : -1;
}

/* Appends the file at path to out.  0 or -1. */
static int
file_slurp(const char *path, struct buf *out)
{
	char	 chunk[8192];
	size_t	 n;
	FILE	*f;
	int	 rc = 0;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	while (rc == 0 && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		rc = buf_add(out, chunk, n);
	if (ferror(f))
		rc = -1;
	fclose(f);
	return rc;
}

int
xlsx_write(struct buf *out, const struct xlsx_sheet *sheets, size_t n)
{
	const char		*dir = getenv("TMPDIR");
	lxw_workbook_options	 opt = { .constant_memory = LXW_TRUE };
	lxw_workbook		*wb;
	lxw_format		*bold;
	char			 path[512];
	size_t			 i;
	int			 fd, rc = 0;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	snprintf(path, sizeof(path), "%s/roundtable-xlsx-XXXXXX", dir);
	if ((fd = mkstemp(path)) == -1)
		return -1;
	close(fd);
	opt.tmpdir = (char *)dir;
	if ((wb = workbook_new_opt(path, &opt)) == NULL) {
		unlink(path);
		return -1;
	}
	if ((bold = workbook_add_format(wb)) != NULL)
		format_set_bold(bold);
	for (i = 0; i < n && rc == 0; i++)
		rc = sheet_write(wb, bold, &sheets[i]);
	if (workbook_close(wb) != LXW_NO_ERROR)
		rc = -1;
	if (rc == 0)
		rc = file_slurp(path, out);
	unlink(path);
	return rc;
}
