/*
 * Small numbers in published counts: one rule for every page, PDF and
 * export that shows counts to people who may not see the records behind
 * them (survey results, issue and proposal evidence).  The rule is
 * written out in suppression.c and docs/surveys.md.
 *
 * A page is a set of entries (counts) and the equations a reader can
 * write between them: a line is a total and the parts that add up to it
 * (a row of a table with its row total; the places an issue was heard in
 * with the number of conversations; a score distribution with "counted
 * as lonely").  suppress_run() marks each entry SUPPRESS_SHOWN,
 * SUPPRESS_SMALL ("fewer than N") or SUPPRESS_SECONDARY ("hidden") so
 * that no hidden entry can be worked out from what the page shows: not
 * by any linear combination of its equations, and not by the bounds a
 * reader knows (counts are never negative; "fewer than N" is at most
 * N - 1).
 */
#ifndef RT_SUPPRESSION_H
#define RT_SUPPRESSION_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

enum suppress_mark {
	SUPPRESS_SHOWN,
	SUPPRESS_SMALL,
	SUPPRESS_SECONDARY
};

/* An entry published elsewhere as marked (a question's counts above its
 * breakdown, a grand total the page always shows): its mark is kept and
 * it is never hidden to protect another. */
#define SUPPRESS_FIXED		1u

/*
 * One page's entries and lines.  The page owns every array in it;
 * suppress_page_release() frees them.  Read mark[i] after suppress_run().
 */
struct suppress_page {
	int64_t		*value;		/* n counts */
	unsigned char	*mark;		/* n marks (enum suppress_mark) */
	unsigned char	*fixed;		/* n flags: SUPPRESS_FIXED given */
	size_t		 n, cap;
	size_t		*line;		/* each: total, k, then k parts */
	size_t		 line_len, line_cap;
};

void	suppress_page_init(struct suppress_page *);
void	suppress_page_release(struct suppress_page *);
/* Adds a count; mark is its mark when flags has SUPPRESS_FIXED (ignored
 * otherwise).  Its index, or -1 when out of memory. */
long	suppress_add(struct suppress_page *, int64_t value, unsigned flags,
	    unsigned char mark);
/* The parts add up to the total (indices from suppress_add).  0 or -1. */
int	suppress_line(struct suppress_page *, size_t total,
	    const size_t *parts, size_t k);
/* Marks every entry.  0, or -1 when out of memory or the arithmetic
 * would overflow (callers answer 500: nothing is shown unprotected). */
int	suppress_run(struct suppress_page *, int threshold);

/*
 * A table of counts with row totals, column totals and a grand total,
 * through the same rule.  counts is row-major, rows x cols; marks
 * receives (rows + 1) x (cols + 1) marks (the last column holds the row
 * totals, the last row the column totals).  The grand total is always
 * shown (a page with fewer responses than the threshold shows nothing).
 * Without SUPPRESS_ADDITIVE the counts need not add up (several answers
 * allowed): only small counts are hidden.  With SUPPRESS_TOTALS_KNOWN
 * the column totals are published elsewhere: their marks on entry are
 * kept, and they are never hidden to protect a cell.  0 or -1.
 */
#define SUPPRESS_ADDITIVE	1u
#define SUPPRESS_TOTALS_KNOWN	2u
int	suppress_table(const int64_t *counts, size_t rows, size_t cols,
	    int threshold, unsigned flags, unsigned char *marks);

/* A count as shown, given its mark: the number, "fewer than N", or
 * "hidden".  The words are English, as the JSON gives them; a page and
 * a printed document show them through suppressed_words.  New
 * reference. */
json_t	*suppressed_count(int64_t n, unsigned char mark, int threshold);

/* A count shown as suppressed_count made it, in the language of words
 * (NULL: English), into out (returned): the number, or "fewer than 5",
 * "llai na 5" in Welsh; other text as it is.  ({{n | count}} in a
 * template, and every printed count.) */
struct catalogue;
const char *suppressed_words(const json_t *shown,
	    const struct catalogue *words, char *out, size_t sz);

#endif
