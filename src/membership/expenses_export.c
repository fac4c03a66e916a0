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

#include "membership.h"
#include "../db/db.h"
#include "../render/xlsx.h"
#include "../util/view.h"

/* The columns of both exports, in order.  "amount" is the pence column
 * shown in pounds (text in the CSV, a number in the workbook). */
static const struct xlsx_column columns[] = {
	{ "id", "Claim", 8, NULL },
	{ "claimant_name", "Claimant", 24, NULL },
	{ "group_name", "Group", 24, NULL },
	{ "site_name", "Site", 24, NULL },
	{ "kind_label", "Kind", 12, NULL },
	{ "description", "Description", 40, NULL },
	{ "amount", "Amount (GBP)", 12, "0.00" },
	{ "incurred_on", "Date incurred", 12, NULL },
	{ "meeting_label", "Meeting", 24, NULL },
	{ "state_label", "State", 10, NULL },
	{ "decided_on", "Decided on", 12, NULL },
	{ "paid_on", "Paid on", 12, NULL },
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
		    csv_cell(out, columns[c].header) == -1)
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

int
expenses_xlsx(const json_t *rows, struct buf *out)
{
	json_t		*pounds = json_array(), *copy;
	const json_t	*row;
	size_t		 i;
	int		 rc;

	/* The same columns as the CSV; amounts as numbers in pounds. */
	json_array_foreach(rows, i, row) {
		copy = json_copy((json_t *)row);
		json_object_set_new(copy, "amount", json_real((double)view_int(
		    row, "amount_pence") / 100));
		json_array_append_new(pounds, copy);
	}
	{
		const struct xlsx_sheet s = { "Expenses", columns, NCOLUMNS,
		    pounds };

		rc = xlsx_write(out, &s, 1);
	}
	json_decref(pounds);
	return rc;
}

/* The rows in words ("Travel", "Paid"), then a last row with the total,
 * so finance can check the sum against what they pay out.  The total
 * row's "id" column reads "Total". */
static int
export_with_total(json_t *rows)
{
	json_t	*row, *total;
	int64_t	 sum = 0;
	size_t	 i;

	expense_labels(rows);
	json_array_foreach(rows, i, row)
		sum += view_int(row, "amount_pence");
	if ((total = json_pack("{s:s, s:I}", "id", "Total", "amount_pence",
	    (json_int_t)sum)) == NULL)
		return -1;
	return json_array_append_new(rows, total);
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
	if (rows == NULL || export_with_total(rows) == -1 ||
	    make(rows, &rs->body) == -1) {
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
