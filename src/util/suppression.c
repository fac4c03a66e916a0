/*
 * Small numbers in published counts: the one rule (the model is in
 * suppression.h).
 *
 * 1. Primary: every count from 1 to threshold - 1 is hidden and reads
 *    "fewer than N" (N the threshold, 5 by default).  Zero is shown: on
 *    its own it identifies nobody.
 * 2. A line whose total reads "fewer than N" shows none of its parts,
 *    zeros included: "0, 0, fewer than 5" for a wing of three men says
 *    how each of them answered.  The parts read "fewer than N" (they
 *    are).  A part of a line whose total is a shown 0 is 0 for all to
 *    see: this rule does not hide it (a month's "fewer than 5 of 0"
 *    read as nonsense), nor do rules 3 and 4 try to protect it.
 * 3. Linear: the page's lines are equations; shown entries are known.
 *    A hidden entry is given away when it is a linear combination of
 *    those equations (exact integer Gauss-Jordan elimination over the
 *    hidden entries: a row left with one non-zero gives its pivot away).
 *    For such an entry one more entry of one of its lines is hidden
 *    ("hidden"): the smallest shown non-zero part, else the smallest
 *    non-zero total, else a zero.  Repeated until nothing is given away.
 *    Every derived total on a page (a row total, "counted as lonely",
 *    "others") is an entry with its line, so partial sums are part of
 *    the problem, not beside it.
 * 4. Bounds: a reader knows counts are not negative and "fewer than N"
 *    is at most N - 1 (and at least 1, outside lines whose total is
 *    small).  Intervals are propagated along the lines; a hidden entry
 *    left with one possible value is pinned (two "fewer than 5" adding up
 *    to a published 8 are both 4).  The "fewer than N" entries on its
 *    lines then read "hidden", which says no upper bound; when there are
 *    none, one more entry is hidden as in 3.  Then 3 again.
 * 5. Remainders: a line whose total is shown tells what its hidden parts
 *    add up to.  When that is 1 to N - 1, the hidden parts together are
 *    a small count ("C wing and D wing: 2 between them"), and wherever
 *    the page lists only rows with someone in them, each is pinned to 1.
 *    So one more part of that line is hidden: the smallest shown
 *    non-zero part (at least N, so one is enough), else the total.
 *    Then 3 again.
 *
 * Limits: interval propagation finds the pins that lines and chains of
 * lines make, not every pin linear programming could find; the property
 * test (tests/unit/test_suppression.c) searches random pages for more.
 * A "hidden" count that rule 3 hid is 0 or at least N, which a reader
 * who knows the rule may use; rule 4 does not model that gap.
 *
 * This file holds rules 1, 2 and 5 and the loop that runs them all;
 * rule 3 is in suppression_linear.c, rule 4 in suppression_bounds.c,
 * the page itself in suppression_page.c (suppression_rule.h).
 */
#include <stdlib.h>

#include "suppression_rule.h"

/* Rank of a candidate to hide: non-zero parts first, then non-zero
 * totals, then zeros; the smallest first within each. */
static int
better(const struct suppress_page *p, size_t e, int is_total, size_t best,
    int best_total)
{
	int	 ce = p->value[e] == 0 ? 2 : is_total;
	int	 cb = p->value[best] == 0 ? 2 : best_total;

	if (ce != cb)
		return ce < cb;
	return p->value[e] < p->value[best];
}

/* Hides one more entry on a line of h (any line when every line of h is
 * exhausted).  1 when one was hidden, 0 when nothing could be. */
static int
protect(struct suppress_page *p, size_t h)
{
	size_t		 pos, total, k, i, best = p->n;
	const size_t	*parts;
	int		 pass, best_total = 0;

	for (pass = 0; pass < 2 && best == p->n; pass++) {
		pos = 0;
		while (suppress_next_line(p, &pos, &total, &parts, &k)) {
			if (pass == 0 && !suppress_in_line(h, total, parts, k))
				continue;
			for (i = 0; i < k; i++)
				if (suppress_hideable(p, parts[i]) &&
				    (best == p->n || better(p, parts[i], 0, best,
				    best_total))) {
					best = parts[i];
					best_total = 0;
				}
			if (suppress_hideable(p, total) && (best == p->n ||
			    better(p, total, 1, best, best_total))) {
				best = total;
				best_total = 1;
			}
		}
	}
	if (best == p->n)
		return 0;
	p->mark[best] = SUPPRESS_SECONDARY;
	return 1;
}

/* Rules 1 and 2. */
void
suppress_primary(struct suppress_page *p, int threshold)
{
	size_t		 i, pos, total, k;
	const size_t	*parts;
	int		 changed;

	for (i = 0; i < p->n; i++)
		if (!p->fixed[i] && p->value[i] > 0 && p->value[i] < threshold)
			p->mark[i] = SUPPRESS_SMALL;
	do {
		changed = 0;
		pos = 0;
		while (suppress_next_line(p, &pos, &total, &parts, &k)) {
			if (p->mark[total] != SUPPRESS_SMALL)
				continue;
			for (i = 0; i < k; i++)
				if (p->mark[parts[i]] == SUPPRESS_SHOWN &&
				    !p->fixed[parts[i]] &&
				    !suppress_publicly_zero(p, parts[i])) {
					p->mark[parts[i]] = SUPPRESS_SMALL;
					changed = 1;
				}
		}
	} while (changed);
}

/* A pinned entry: its lines' "fewer than N" read "hidden" instead (no
 * upper bound), or one more entry is hidden.  1 when anything changed. */
static int
unpin(struct suppress_page *p, size_t h)
{
	size_t		 pos = 0, total, k, i;
	const size_t	*parts;
	int		 changed = 0;

	if (!p->fixed[h] && p->mark[h] == SUPPRESS_SMALL) {
		p->mark[h] = SUPPRESS_SECONDARY;
		changed = 1;
	}
	while (suppress_next_line(p, &pos, &total, &parts, &k)) {
		if (!suppress_in_line(h, total, parts, k))
			continue;
		for (i = 0; i < k; i++)
			if (!p->fixed[parts[i]] &&
			    p->mark[parts[i]] == SUPPRESS_SMALL) {
				p->mark[parts[i]] = SUPPRESS_SECONDARY;
				changed = 1;
			}
		if (!p->fixed[total] && p->mark[total] == SUPPRESS_SMALL) {
			p->mark[total] = SUPPRESS_SECONDARY;
			changed = 1;
		}
	}
	return changed || protect(p, h);
}

/* Rule 5, one step: hides one more entry of the first line whose hidden
 * parts add up to a small count.  1 when one was hidden, 0 when no line
 * needs it (or none that does has an entry left to hide). */
static int
widen(struct suppress_page *p, int threshold)
{
	size_t		 pos = 0, total, k, i, best;
	const size_t	*parts;

	while (suppress_next_line(p, &pos, &total, &parts, &k)) {
		int64_t	 rest = 0;

		if (p->mark[total] != SUPPRESS_SHOWN)
			continue;
		for (i = 0; i < k; i++)
			if (p->mark[parts[i]] != SUPPRESS_SHOWN)
				rest += p->value[parts[i]];
		if (rest <= 0 || rest >= threshold)
			continue;
		best = p->n;
		for (i = 0; i < k; i++)
			if (suppress_hideable(p, parts[i]) &&
			    p->value[parts[i]] > 0 && (best == p->n ||
			    p->value[parts[i]] < p->value[best]))
				best = parts[i];
		if (best == p->n && suppress_hideable(p, total))
			best = total;
		if (best == p->n)
			continue;
		p->mark[best] = SUPPRESS_SECONDARY;
		return 1;
	}
	return 0;
}

/* The whole rule on one connected page. */
static int
run_connected(struct suppress_page *p, int threshold)
{
	unsigned char	*stuck;
	long		 h;
	int		 rc = -1;

	/* Entries that published entries alone give away: nothing on this
	 * page can help them, so they are not tried again. */
	if ((stuck = calloc(p->n + 1, 1)) == NULL)
		return -1;
	suppress_primary(p, threshold);
	for (;;) {
		if ((h = suppress_given_away(p, stuck)) == -1)
			break;
		if ((size_t)h < p->n) {
			if (!protect(p, (size_t)h))
				stuck[h] = 1;
			continue;
		}
		if ((h = suppress_pinned(p, stuck, threshold)) == -1)
			break;
		if ((size_t)h < p->n) {
			if (!unpin(p, (size_t)h))
				stuck[h] = 1;
			continue;
		}
		if (widen(p, threshold))
			continue;
		rc = 0;
		break;
	}
	free(stuck);
	return rc;
}

static size_t
root_of(size_t *up, size_t e)
{
	while (up[e] != e)
		e = up[e] = up[up[e]];
	return e;
}

/*
 * Entries that share no line, directly or through other lines, cannot
 * tell anything about each other: the equations of one part of a page
 * never mention another's entries, and the bounds are per entry.  So
 * the rule runs on each connected part alone, with the same result as
 * on the whole and far less work on a page of many independent tables
 * (elimination costs the cube of the hidden entries).  Each part is a
 * page of its own, its marks copied back.
 */
int
suppress_run(struct suppress_page *p, int threshold)
{
	struct suppress_page	 sub;
	const size_t		*parts;
	size_t			*up, *at, pos, total, k, i, c, r, nparts = 0;
	size_t			 buf[64], *tmp;
	int			 rc = -1;

	if ((up = calloc(p->n + 1, sizeof(*up))) == NULL ||
	    (at = calloc(p->n + 1, sizeof(*at))) == NULL) {
		free(up);
		return -1;
	}
	for (i = 0; i < p->n; i++)
		up[i] = i;
	for (pos = 0; suppress_next_line(p, &pos, &total, &parts, &k);)
		for (i = 0; i < k; i++)
			up[root_of(up, parts[i])] = root_of(up, total);
	for (i = 0; i < p->n; i++)
		if (root_of(up, i) == i)
			nparts++;
	if (nparts <= 1) {
		free(up);
		free(at);
		return run_connected(p, threshold);
	}
	for (c = 0; c < p->n; c++) {
		if (root_of(up, c) != c)
			continue;
		suppress_page_init(&sub);
		for (i = 0; i < p->n; i++)
			if (root_of(up, i) == c && (long)(at[i] = (size_t)
			    suppress_add(&sub, p->value[i], p->fixed[i] ?
			    SUPPRESS_FIXED : 0, p->mark[i])) < 0)
				goto fail;
		for (pos = 0; suppress_next_line(p, &pos, &total, &parts,
		    &k);) {
			if (root_of(up, total) != c)
				continue;
			tmp = k <= 64 ? buf : calloc(k, sizeof(*tmp));
			if (tmp == NULL)
				goto fail;
			for (r = 0; r < k; r++)
				tmp[r] = at[parts[r]];
			r = (size_t)suppress_line(&sub, at[total], tmp, k);
			if (tmp != buf)
				free(tmp);
			if (r != 0)
				goto fail;
		}
		if (run_connected(&sub, threshold) == -1)
			goto fail;
		for (i = 0; i < p->n; i++)
			if (root_of(up, i) == c)
				p->mark[i] = sub.mark[at[i]];
		suppress_page_release(&sub);
	}
	rc = 0;
	goto out;
fail:
	suppress_page_release(&sub);
out:
	free(up);
	free(at);
	return rc;
}
