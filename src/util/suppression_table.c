/*
 * A table of counts with row, column and grand totals through the
 * small-numbers rule (suppress_table, suppression.h): its cells and
 * totals made a page, each row and column a line.
 */
#include <stdlib.h>

#include "suppression_rule.h"

#define AT(r, c)	((r) * (cols + 1) + (c))

/* The entry of position (r, c): with one row the column totals are the
 * cells, with one column the row totals are; one entry each. */
static size_t
alias(size_t rows, size_t cols, size_t r, size_t c)
{
	if (rows == 1 && r == rows)
		r = 0;
	if (cols == 1 && c == cols)
		c = 0;
	return AT(r, c);
}

/* Adds the line of positions idx[0..k) adding up to position total. */
static int
table_line(struct suppress_page *p, const long *at, size_t total,
    const size_t *idx, size_t k, size_t *parts)
{
	size_t	 i;

	for (i = 0; i < k; i++)
		parts[i] = (size_t)at[idx[i]];
	if (k == 1 && parts[0] == (size_t)at[total])
		return 0;	/* the same entry: no equation */
	return suppress_line(p, (size_t)at[total], parts, k);
}

int
suppress_table(const int64_t *counts, size_t rows, size_t cols,
    int threshold, unsigned flags, unsigned char *marks)
{
	struct suppress_page	 p;
	size_t			 r, c, *idx = NULL, *parts = NULL;
	size_t			 n = (rows + 1) * (cols + 1);
	int64_t			*v;
	long			*at = NULL;
	int			 rc = -1;

	suppress_page_init(&p);
	if ((v = calloc(n, sizeof(*v))) == NULL ||
	    (at = calloc(n, sizeof(*at))) == NULL ||
	    (idx = calloc(rows + cols + 2, sizeof(*idx))) == NULL ||
	    (parts = calloc(rows + cols + 2, sizeof(*parts))) == NULL)
		goto out;
	for (r = 0; r < rows; r++)
		for (c = 0; c < cols; c++) {
			int64_t x = counts[r * cols + c];

			v[AT(r, c)] += x;
			v[AT(r, cols)] += x;
			v[AT(rows, c)] += x;
			v[AT(rows, cols)] += x;
		}
	for (r = 0; r <= rows; r++)
		for (c = 0; c <= cols; c++) {
			size_t	 k = AT(r, c), a = alias(rows, cols, r, c);
			int	 known = (flags & SUPPRESS_TOTALS_KNOWN) &&
			    r == rows && c < cols;
			int	 grand = a == alias(rows, cols, rows, cols);

			if (a != k)
				continue;
			/* The grand total is always shown. */
			if ((at[k] = suppress_add(&p, v[k], known || grand ?
			    SUPPRESS_FIXED : 0, known ? marks[k] :
			    SUPPRESS_SHOWN)) < 0)
				goto out;
		}
	for (r = 0; r < n; r++)
		at[r] = at[alias(rows, cols, r / (cols + 1), r % (cols + 1))];
	if (flags & SUPPRESS_ADDITIVE) {
		for (r = 0; r <= rows; r++) {
			for (c = 0; c < cols; c++)
				idx[c] = AT(r, c);
			if (table_line(&p, at, AT(r, cols), idx, cols,
			    parts) == -1)
				goto out;
		}
		for (c = 0; c <= cols; c++) {
			for (r = 0; r < rows; r++)
				idx[r] = AT(r, c);
			if (table_line(&p, at, AT(rows, c), idx, rows,
			    parts) == -1)
				goto out;
		}
		if (suppress_run(&p, threshold) == -1)
			goto out;
	} else
		suppress_primary(&p, threshold);
	for (r = 0; r < n; r++)
		marks[r] = p.mark[at[r]];
	rc = 0;
out:
	free(v);
	free(at);
	free(idx);
	free(parts);
	suppress_page_release(&p);
	return rc;
}
