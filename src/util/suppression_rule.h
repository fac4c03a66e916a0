/*
 * The small-numbers rule's parts (suppression.c), for its own files
 * alone; callers use suppression.h.
 *   suppression.c        the rule: rules 1, 2 and 5, and the loop
 *   suppression_page.c   a page's entries and lines
 *   suppression_linear.c rule 3: what the equations give away
 *   suppression_bounds.c rule 4: what the bounds pin
 *   suppression_table.c  a table with its totals as a page
 *   suppression_words.c  how a count reads once marked
 */
#ifndef RT_SUPPRESSION_RULE_H
#define RT_SUPPRESSION_RULE_H

#include <stddef.h>

#include "suppression.h"

/* Walks the lines: pos is the offset of the next (0 to begin); 1 with
 * the line's total and k parts, 0 at the end. */
int	suppress_next_line(const struct suppress_page *, size_t *pos,
	    size_t *total, const size_t **parts, size_t *k);
/* Whether entry e is the total or a part of the line. */
int	suppress_in_line(size_t e, size_t total, const size_t *parts,
	    size_t k);
/* Whether e is a part of a line whose total is a shown 0: then it is 0
 * for everyone to see, and hiding it protects nobody. */
int	suppress_publicly_zero(const struct suppress_page *, size_t e);
/* Whether e may be hidden to protect another: shown, not fixed, and
 * not publicly 0. */
int	suppress_hideable(const struct suppress_page *, size_t e);

/* Rules 1 and 2: small counts, and the parts of small totals. */
void	suppress_primary(struct suppress_page *, int threshold);
/* Rule 3, one step: the first hidden entry (not stuck) the equations
 * give away, or p->n when none is; -1 on overflow or out of memory. */
long	suppress_given_away(const struct suppress_page *,
	    const unsigned char *stuck);
/* Rule 4, one step: the first hidden entry (not stuck) the reader's
 * bounds pin to one value, or p->n; -1 when out of memory. */
long	suppress_pinned(const struct suppress_page *,
	    const unsigned char *stuck, int threshold);

#endif
