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
#include "../server/download_name.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/* The columns of both exports, in order.  "amount" is the pence column
 * shown in pounds (text in the CSV, a number in the workbook). */
static const struct xlsx_column columns[] = {
	{ "id", N_("Claim"), 8, NULL, NULL },
	{ "claimant_name", N_("Claimant"), 24, NULL, NULL },
	{ "group_name", N_("Group"), 24, NULL, NULL },
	{ "site_name", N_("Site"), 24, NULL, NULL },
	{ "kind_label", N_("Kind"), 12, NULL, NULL },
	{ "description", N_("Description"), 40, NULL, NULL },
	{ "amount", N_("Amount (GBP)"), 12, "0.00", NULL },
	{ "incurred_on", N_("Date incurred"), 12, NULL, NULL },
	{ "meeting_label", N_("Meeting"), 24, NULL, NULL },
	{ "state_label", N_("State"), 10, NULL, NULL },
	{ "decided_on", N_("Decided on"), 12, NULL, NULL },
	{ "paid_on", N_("Paid on"), 12, NULL, NULL },
};
#define NCOLUMNS	(sizeof(columns) / sizeof(columns[0]))

/* Is the column one of our words for a kind or state ("Travel",
 * "Paid"), shown in the reader's language; the rest are as stored. */
static int
column_is_word(size_t col)
{
	return strcmp(columns[col].key, "kind_label") == 0 ||
	    strcmp(columns[col].key, "state_label") == 0;
}

/* A cell's text: integers printed, amounts in pounds, null as "", our
 * words in the language of words. */
static void
cell_text(const json_t *row, size_t col, const struct catalogue *words,
    char *tmp, size_t size, const char **out)
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
	} else if (json_is_string(v))
		*out = column_is_word(col) ? catalogue_get(words,
		    json_string_value(v)) : json_string_value(v);
	else
		*out = "";
}

int
expenses_csv(const json_t *rows, const struct catalogue *words,
    struct buf *out)
{
	const json_t	*row;
	const char	*text;
	char		 tmp[32];
	size_t		 i, c;

	for (c = 0; c < NCOLUMNS; c++)
		if ((c > 0 && buf_add(out, ",", 1) == -1) ||
		    csv_cell(out, catalogue_get(words, columns[c].header)) ==
		    -1)
			return -1;
	if (buf_add(out, "\r\n", 2) == -1)
		return -1;
	json_array_foreach(rows, i, row) {
		for (c = 0; c < NCOLUMNS; c++) {
			cell_text(row, c, words, tmp, sizeof(tmp), &text);
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
expenses_xlsx(const json_t *rows, const struct catalogue *words,
    struct buf *out)
{
	json_t		*pounds = json_array(), *copy;
	const json_t	*row;
	const char	*text;
	char		 tmp[32];
	size_t		 i, c;
	int		 rc;

	/* The same columns as the CSV; amounts as numbers in pounds. */
	json_array_foreach(rows, i, row) {
		copy = json_copy((json_t *)row);
		json_object_set_new(copy, "amount", json_real((double)view_int(
		    row, "amount_pence") / 100));
		for (c = 0; c < NCOLUMNS; c++)
			if (column_is_word(c)) {
				cell_text(row, c, words, tmp, sizeof(tmp),
				    &text);
				json_object_set_new(copy, columns[c].key,
				    json_string(text));
			}
		json_array_append_new(pounds, copy);
	}
	{
		const struct xlsx_sheet s = { N_("Expenses"), columns, NCOLUMNS,
		    pounds, words };

		rc = xlsx_write(out, &s, 1);
	}
	json_decref(pounds);
	return rc;
}

/* The rows in words ("Travel", "Paid"), then a last row with the total,
 * so finance can check the sum against what they pay out.  The total
 * row's "id" column reads "Total", in the reader's words. */
static int
export_with_total(json_t *rows, const struct catalogue *words)
{
	json_t	*row, *total;
	int64_t	 sum = 0;
	size_t	 i;

	expense_labels(rows);
	json_array_foreach(rows, i, row)
		sum += view_int(row, "amount_pence");
	if ((total = json_pack("{s:s, s:I}", "id", catalogue_get(words,
	    N_("Total")), "amount_pence",
	    (json_int_t)sum)) == NULL)
		return -1;
	return json_array_append_new(rows, total);
}

/* The rows the caller's staff grants reach, rendered by make. */
static void
export_reply(struct request *rq, struct response *rs,
    int (*make)(const json_t *, const struct catalogue *, struct buf *),
    const char *type, const char *ext)
{
	struct scope_filter	 f;
	const struct catalogue	*words = language_words(rq->lang);
	json_t			*rows;

	if (access_filter(&rq->who, ROLES_STAFF, 0, &f) == -1) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	rows = expense_export_rows(rq->db, &f);
	scope_filter_clear(&f);
	if (rows == NULL || export_with_total(rows, words) == -1 ||
	    make(rows, words, &rs->body) == -1) {
		json_decref(rows);
		response_error(rs, 500, "The export could not be made.");
		return;
	}
	json_decref(rows);
	response_file(rs, 0, type, DOWNLOAD_SAVED, words, N_("expenses"), NULL,
	    ext);
}

void
expenses_export_csv(struct request *rq, struct response *rs)
{
	export_reply(rq, rs, expenses_csv, "text/csv; charset=utf-8",
	    "csv");
}

void
expenses_export_xlsx(struct request *rq, struct response *rs)
{
	export_reply(rq, rs, expenses_xlsx, "application/"
	    "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	    "xlsx");
}
