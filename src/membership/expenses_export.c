/*
 * The finance export of approved and paid claims, as CSV and as an XLSX
 * workbook (libxlsxwriter).  Both come from the same rows and columns.
 * CSV cells that a spreadsheet would run as a formula are neutralised
 * (csv_cell); in the workbook every text is written as a string cell,
 * never a formula, and amounts as numbers in pounds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "membership.h"
#include "../db/db.h"
#include "../util/view.h"

/* The columns, in order: heading and the row's key.  "amount" is the
 * pence column shown in pounds. */
static const struct {
	const char	*heading;
	const char	*key;
} columns[] = {
	{ "Claim", "id" },
	{ "Claimant", "claimant_name" },
	{ "Group", "group_name" },
	{ "Site", "site_name" },
	{ "Kind", "kind" },
	{ "Description", "description" },
	{ "Amount (GBP)", "amount" },
	{ "Date incurred", "incurred_on" },
	{ "State", "state" },
	{ "Decided on", "decided_on" },
	{ "Paid on", "paid_on" },
};
#define NCOLUMNS	(sizeof(columns) / sizeof(columns[0]))

/* A cell's text: integers printed, amounts in pounds, null as "". */
static void
cell_text(const json_t *row, size_t col, char *tmp, size_t size,
    const char **out)
{
	const json_t	*v;

	if (strcmp(columns[col].key, "amount") == 0) {
		money_format(view_int(row, "amount_pence"), tmp, size);
		*out = tmp;
		return;
	}
	v = json_object_get(row, columns[col].key);
	if (json_is_integer(v)) {
		snprintf(tmp, size, "%lld", (long long)json_integer_value(v));
		*out = tmp;
	} else
		*out = json_is_string(v) ? json_string_value(v) : "";
}

int
expenses_csv(const json_t *rows, struct buf *out)
{
	const json_t	*row;
	const char	*text;
	char		 tmp[32];
	size_t		 i, c;

	for (c = 0; c < NCOLUMNS; c++)
		if ((c > 0 && buf_add(out, ",", 1) == -1) ||
		    csv_cell(out, columns[c].heading) == -1)
			return -1;
	if (buf_add(out, "\r\n", 2) == -1)
		return -1;
	json_array_foreach(rows, i, row) {
		for (c = 0; c < NCOLUMNS; c++) {
			cell_text(row, c, tmp, sizeof(tmp), &text);
			if ((c > 0 && buf_add(out, ",", 1) == -1) ||
			    csv_cell(out, text) == -1)
				return -1;
		}
		if (buf_add(out, "\r\n", 2) == -1)
			return -1;
	}
	return 0;
}

/* Writes the sheet: headings in bold, then one row a claim. */
static int
xlsx_sheet(lxw_workbook *wb, const json_t *rows)
{
	lxw_worksheet	*ws = workbook_add_worksheet(wb, "Expenses");
	lxw_format	*bold = workbook_add_format(wb);
	lxw_format	*money = workbook_add_format(wb);
	const json_t	*row;
	const char	*text;
	char		 tmp[32];
	size_t		 i, c;
	lxw_error	 err = LXW_NO_ERROR;

	if (ws == NULL || bold == NULL || money == NULL)
		return -1;
	format_set_bold(bold);
	format_set_num_format(money, "0.00");
	for (c = 0; c < NCOLUMNS && err == LXW_NO_ERROR; c++)
		err = worksheet_write_string(ws, 0, (lxw_col_t)c,
		    columns[c].heading, bold);
	json_array_foreach(rows, i, row) {
		for (c = 0; c < NCOLUMNS && err == LXW_NO_ERROR; c++) {
			if (strcmp(columns[c].key, "amount") == 0) {
				err = worksheet_write_number(ws,
				    (lxw_row_t)(i + 1), (lxw_col_t)c,
				    (double)view_int(row, "amount_pence") / 100,
				    money);
				continue;
			}
			cell_text(row, c, tmp, sizeof(tmp), &text);
			err = worksheet_write_string(ws, (lxw_row_t)(i + 1),
			    (lxw_col_t)c, text, NULL);
		}
	}
	return err == LXW_NO_ERROR ? 0 : -1;
}

/* Reads the whole file at path into out: 0 or -1. */
static int
file_slurp(const char *path, struct buf *out)
{
	FILE	*f = fopen(path, "rb");
	char	 chunk[8192];
	size_t	 n;
	int	 rc = 0;

	if (f == NULL)
		return -1;
	while (rc == 0 && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		rc = buf_add(out, chunk, n);
	if (ferror(f))
		rc = -1;
	fclose(f);
	return rc;
}

int
expenses_xlsx(const json_t *rows, struct buf *out)
{
	/* libxlsxwriter 1.1.4 writes only to a file: a private temporary
	 * one, read back and removed. */
	const char		*dir = getenv("TMPDIR");
	lxw_workbook_options	 opt = { .constant_memory = LXW_TRUE };
	lxw_workbook		*wb;
	char			 path[512];
	int			 fd, rc;

	snprintf(path, sizeof(path), "%s/roundtable-xlsx-XXXXXX",
	    dir && *dir ? dir : "/tmp");
	if ((fd = mkstemp(path)) == -1)
		return -1;
	close(fd);
	opt.tmpdir = dir && *dir ? (char *)dir : NULL;
	if ((wb = workbook_new_opt(path, &opt)) == NULL) {
		unlink(path);
		return -1;
	}
	rc = xlsx_sheet(wb, rows);
	if (workbook_close(wb) != LXW_NO_ERROR)
		rc = -1;
	if (rc == 0)
		rc = file_slurp(path, out);
	unlink(path);
	return rc;
}

/* The rows the caller's staff grants reach, rendered by make. */
static void
export_reply(struct request *rq, struct response *rs,
    int (*make)(const json_t *, struct buf *), const char *type,
    const char *filename)
{
	struct scope_filter	 f;
	json_t			*rows;

	if (access_filter(&rq->who, ROLES_STAFF, 0, &f) == -1) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	rows = expense_export_rows(rq->db, &f);
	scope_filter_clear(&f);
	if (rows == NULL || make(rows, &rs->body) == -1) {
		json_decref(rows);
		response_error(rs, 500, "The export could not be made.");
		return;
	}
	json_decref(rows);
	rs->status = 200;
	rs->content_type = strdup(type);
	if (asprintf(&rs->disposition, "attachment; filename=\"%s\"",
	    filename) == -1)
		rs->disposition = NULL;
}

void
expenses_export_csv(struct request *rq, struct response *rs)
{
	export_reply(rq, rs, expenses_csv, "text/csv; charset=utf-8",
	    "expenses.csv");
}

void
expenses_export_xlsx(struct request *rq, struct response *rs)
{
	export_reply(rq, rs, expenses_xlsx, "application/"
	    "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    "expenses.xlsx");
}
