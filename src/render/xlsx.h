/*
 * Spreadsheets for finance teams and evaluation reports, written by
 * libxlsxwriter: one sheet per table, a bold header row, then one row
 * per JSON object, each column read by its key.  Integers and reals
 * become numbers, strings stay strings (never formulas, so a cell that
 * starts with "=" cannot run), null and missing keys are left blank.
 *
 * Ownership: everything is borrowed; xlsx_write only appends to out.
 */
#ifndef RT_XLSX_H
#define RT_XLSX_H

#include <jansson.h>
#include <stddef.h>

#include "../util/buf.h"

struct catalogue;

struct xlsx_column {
	const char	*key;		/* the row's key */
	const char	*header;	/* the header cell, an N_() message */
	double		 width;		/* in characters */
	const char	*number_format;	/* "0.00" for money, or NULL */
	/* NULL: the cell is the row's value under key.  Else a message
	 * (N_()) filled from the row in the sheet's language, so a stored
	 * kind or timestamp reads in words: "{kind_label | t}",
	 * "{at | time}" (render/template.h, template_words). */
	const char	*shown;
};

struct xlsx_sheet {
	const char			*name;	/* an N_() message: up to
						   31 characters in every
						   language, none of []:*?/\\ */
	const struct xlsx_column	*columns;
	size_t				 ncolumns;
	const json_t			*rows;	/* array of objects */
	/* The language of the sheet's name, its headers and a yes or no
	 * (util/catalogue.h): the reader's; NULL (English) when left out.
	 * The cells are the rows' own, worded by the caller or by their
	 * column's shown message. */
	const struct catalogue		*words;
};

/* The workbook's bytes into out.  0, or -1 (a temporary file could not
 * be made, libxlsxwriter failed, or out reached its ceiling). */
int	xlsx_write(struct buf *out, const struct xlsx_sheet *, size_t n);

#endif
