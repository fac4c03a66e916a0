/*
 * Small numbers in published tables.
 *
 * The rule, for a table of counts with row totals, column totals and a
 * grand total (a question's answers broken down by place, say):
 *
 * 1. Primary: every count from 1 to threshold - 1 is hidden and reads
 *    "fewer than N" (N the threshold, 5 by default), totals included.
 *    Zero is shown: it identifies nobody.
 * 2. Secondary: every line of the table (a row with its row total; a
 *    column with its column total; the row of column totals and the
 *    column of row totals, each with the grand total) is an equation a
 *    reader can solve.  A line with exactly one hidden entry gives that
 *    entry away by subtraction, so another entry of the line is hidden
 *    too: the smallest shown non-zero count in it (hiding the least), or
 *    when there is none, the line's total.  Hiding one entry can leave
 *    another line with exactly one hidden entry, so this repeats until
 *    no line has exactly one.  The grand total (the number of responses)
 *    is always shown; the results page shows nothing at all when it is
 *    below the threshold.
 *
 * With two or more hidden entries in every line, no single hidden count
 * can be found by subtracting from one total.  This is the standard
 * "at least two per line" rule; it does not defend against every
 * combination of several equations (linear programming can narrow
 * ranges), which is acceptable for counts this small and is written
 * down in docs/surveys.md.
 *
 * Counts that need not add up (a question allowing several answers) are
 * not equations: only rule 1 applies.
 *
 * A breakdown (answers by place) is published beside the question's own
 * counts, which are its column totals.  Those totals are then known as
 * the question's table shows them (SUPPRESS_TOTALS_KNOWN): hidden there,
 * hidden here, and never hidden here to protect a cell, since the other
 * table would give them away; a cell is hidden instead.
 */
#include <stdlib.h>
#include <stdio.h>

#include "surveys.h"

struct table {
	int64_t		*v;	/* (rows + 1) x (cols + 1), totals last */
	unsigned char	*m;	/* marks, same shape */
	size_t		 rows, cols;
	int		 known;	/* column totals published elsewhere */
};

#define AT(t, r, c)	((r) * ((t)->cols + 1) + (c))

/* May entry k be hidden to protect another?  Not the grand total, nor a
 * column total already published as it is. */
static int
can_hide(const struct table *t, size_t k)
{
	if (t->m[k] != SUPPRESS_SHOWN || k == AT(t, t->rows, t->cols))
		return 0;
	return !t->known || k < AT(t, t->rows, 0);
}

/* One line: n entries at idx[], the last of them its total. */
static int
fix_line(struct table *t, const size_t *idx, size_t n)
{
	size_t	 i, hidden = 0, best = n;

	for (i = 0; i < n; i++)
		if (t->m[idx[i]] != SUPPRESS_SHOWN)
			hidden++;
	if (hidden != 1)
		return 0;
	for (i = 0; i + 1 < n; i++)
		if (can_hide(t, idx[i]) && t->v[idx[i]] > 0 &&
		    (best == n || t->v[idx[i]] < t->v[idx[best]]))
			best = i;
	if (best == n) {
		/* Nothing else to hide but the total; when that must stay
		 * (the grand total, a published total), a zero instead. */
		if (can_hide(t, idx[n - 1]))
			best = n - 1;
		else
			for (i = 0; i + 1 < n && best == n; i++)
				if (can_hide(t, idx[i]))
					best = i;
		if (best == n)
			return 0;	/* cannot be helped: left as it is */
	}
	t->m[idx[best]] = SUPPRESS_SECONDARY;
	return 1;
}

static int
secondary(struct table *t)
{
	size_t	*idx, r, c, k;
	int	 changed;

	idx = calloc((t->rows > t->cols ? t->rows : t->cols) + 2,
	    sizeof(*idx));
	if (idx == NULL)
		return -1;
	do {
		changed = 0;
		for (r = 0; r <= t->rows; r++) {
			for (k = 0, c = 0; c <= t->cols; c++)
				idx[k++] = AT(t, r, c);
			changed |= fix_line(t, idx, k);
		}
		for (c = 0; c <= t->cols; c++) {
			for (k = 0, r = 0; r <= t->rows; r++)
				idx[k++] = AT(t, r, c);
			changed |= fix_line(t, idx, k);
		}
	} while (changed);
	free(idx);
	return 0;
}

int
suppress_table(const int64_t *counts, size_t rows, size_t cols,
    int threshold, unsigned flags, unsigned char *marks)
{
	struct table	 t = { NULL, marks, rows, cols,
	    (flags & SUPPRESS_TOTALS_KNOWN) != 0 };
	size_t		 r, c, n = (rows + 1) * (cols + 1);
	int		 rc = 0;

	if ((t.v = calloc(n, sizeof(*t.v))) == NULL)
		return -1;
	for (r = 0; r < rows; r++)
		for (c = 0; c < cols; c++) {
			int64_t x = counts[r * cols + c];

			t.v[AT(&t, r, c)] = x;
			t.v[AT(&t, r, cols)] += x;
			t.v[AT(&t, rows, c)] += x;
			t.v[AT(&t, rows, cols)] += x;
		}
	for (r = 0; r < n; r++) {
		unsigned char given = t.known && r >= AT(&t, rows, 0) &&
		    r < AT(&t, rows, cols) ? marks[r] : SUPPRESS_SHOWN;

		marks[r] = t.v[r] > 0 && t.v[r] < threshold &&
		    r != AT(&t, rows, cols) ? SUPPRESS_SMALL : given;
	}
	if (flags & SUPPRESS_ADDITIVE)
		rc = secondary(&t);
	free(t.v);
	return rc;
}

json_t *
suppressed_count(int64_t n, unsigned char mark, int threshold)
{
	char	 s[48];

	if (mark == SUPPRESS_SHOWN)
		return json_integer(n);
	if (mark == SUPPRESS_SECONDARY)
		return json_string("hidden");
	snprintf(s, sizeof(s), "fewer than %d", threshold);
	return json_string(s);
}
