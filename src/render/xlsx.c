/*
 * XLSX through libxlsxwriter.  It writes only to a named file, so the
 * workbook goes to a private temporary file that is read back and
 * removed at once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "xlsx.h"

static void
cell_write(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const json_t *v)
{
	if (json_is_integer(v))
		worksheet_write_number(ws, row, col,
		    (double)json_integer_value(v), NULL);
	else if (json_is_real(v))
		worksheet_write_number(ws, row, col, json_real_value(v), NULL);
	else if (json_is_string(v))
		worksheet_write_string(ws, row, col, json_string_value(v), NULL);
	else if (json_is_boolean(v))
		worksheet_write_string(ws, row, col, json_is_true(v) ? "yes" :
		    "no", NULL);
}

static void
sheet_write(lxw_workbook *wb, lxw_format *bold, const struct xlsx_sheet *s)
{
	lxw_worksheet	*ws;
	const json_t	*row;
	size_t		 i, c;

	if ((ws = workbook_add_worksheet(wb, s->name)) == NULL)
		return;
	for (c = 0; c < s->ncolumns; c++) {
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
		    s->columns[c].width, NULL);
		worksheet_write_string(ws, 0, (lxw_col_t)c, s->columns[c].header,
		    bold);
	}
	json_array_foreach(s->rows, i, row)
		for (c = 0; c < s->ncolumns; c++)
			cell_write(ws, (lxw_row_t)(i + 1), (lxw_col_t)c,
			    json_object_get(row, s->columns[c].key));
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
	char		 path[] = "/tmp/roundtable-xlsx-XXXXXX";
	lxw_workbook	*wb;
	lxw_format	*bold;
	size_t		 i;
	int		 fd, rc;

	if ((fd = mkstemp(path)) == -1)
		return -1;
	close(fd);
	if ((wb = workbook_new(path)) == NULL) {
		unlink(path);
		return -1;
	}
	if ((bold = workbook_add_format(wb)) != NULL)
		format_set_bold(bold);
	for (i = 0; i < n; i++)
		sheet_write(wb, bold, &sheets[i]);
	rc = workbook_close(wb) == LXW_NO_ERROR ? file_slurp(path, out) : -1;
	unlink(path);
	return rc;
}
