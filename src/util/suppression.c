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
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"
#include "suppression.h"
#include "../limits.h"


void
suppress_page_init(struct suppress_page *p)
{
	memset(p, 0, sizeof(*p));
}

void
suppress_page_release(struct suppress_page *p)
{
	free(p->value);
	free(p->mark);
	free(p->fixed);
	free(p->line);
	suppress_page_init(p);
}

long
suppress_add(struct suppress_page *p, int64_t value, unsigned flags,
    unsigned char mark)
{
	if (p->n == p->cap) {
		size_t	 cap = p->cap ? 2 * p->cap : 16;
		void	*v = realloc(p->value, cap * sizeof(*p->value));

		if (v == NULL)
			return -1;
		p->value = v;
		if ((v = realloc(p->mark, cap)) == NULL)
			return -1;
		p->mark = v;
		if ((v = realloc(p->fixed, cap)) == NULL)
			return -1;
		p->fixed = v;
		p->cap = cap;
	}
	p->value[p->n] = value;
	p->fixed[p->n] = (flags & SUPPRESS_FIXED) != 0;
	p->mark[p->n] = p->fixed[p->n] ? mark : SUPPRESS_SHOWN;
	return (long)p->n++;
}

int
suppress_line(struct suppress_page *p, size_t total, const size_t *parts,
    size_t k)
{
	size_t	 i;

	if (p->line_len + k + 2 > p->line_cap) {
		size_t	 cap = 2 * (p->line_len + k + 2);
		size_t	*v = realloc(p->line, cap * sizeof(*v));

		if (v == NULL)
			return -1;
		p->line = v;
		p->line_cap = cap;
	}
	p->line[p->line_len++] = total;
	p->line[p->line_len++] = k;
	for (i = 0; i < k; i++)
		p->line[p->line_len++] = parts[i];
	return 0;
}

/* Walks the lines: pos is the offset of the next; 0 at the end. */
static int
next_line(const struct suppress_page *p, size_t *pos, size_t *total,
    const size_t **parts, size_t *k)
{
	if (*pos >= p->line_len)
		return 0;
	*total = p->line[*pos];
	*k = p->line[*pos + 1];
	*parts = p->line + *pos + 2;
	*pos += 2 + *k;
	return 1;
}

static int
in_line(size_t e, size_t total, const size_t *parts, size_t k)
{
	size_t	 i;

	if (e == total)
		return 1;
	for (i = 0; i < k; i++)
		if (parts[i] == e)
			return 1;
	return 0;
}

/* Is e a part of a line whose total is a shown 0?  Then it is 0 for
 * everyone to see, and hiding it protects nobody. */
static int
publicly_zero(const struct suppress_page *p, size_t e)
{
	size_t		 pos = 0, total, k, i;
	const size_t	*parts;

	while (next_line(p, &pos, &total, &parts, &k))
		if (p->mark[total] == SUPPRESS_SHOWN && p->value[total] == 0)
			for (i = 0; i < k; i++)
				if (parts[i] == e)
					return 1;
	return 0;
}

static int
hideable(const struct suppress_page *p, size_t e)
{
	return p->mark[e] == SUPPRESS_SHOWN && !p->fixed[e] &&
	    !publicly_zero(p, e);
}

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
		while (next_line(p, &pos, &total, &parts, &k)) {
			if (pass == 0 && !in_line(h, total, parts, k))
				continue;
			for (i = 0; i < k; i++)
				if (hideable(p, parts[i]) && (best == p->n ||
				    better(p, parts[i], 0, best, best_total))) {
					best = parts[i];
					best_total = 0;
				}
			if (hideable(p, total) && (best == p->n ||
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
static void
primary(struct suppress_page *p, int threshold)
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
		while (next_line(p, &pos, &total, &parts, &k)) {
			if (p->mark[total] != SUPPRESS_SMALL)
				continue;
			for (i = 0; i < k; i++)
				if (p->mark[parts[i]] == SUPPRESS_SHOWN &&
				    !p->fixed[parts[i]] &&
				    !publicly_zero(p, parts[i])) {
					p->mark[parts[i]] = SUPPRESS_SMALL;
					changed = 1;
				}
		}
	} while (changed);
}

static int64_t
gcd64(int64_t a, int64_t b)
{
	a = a < 0 ? -a : a;
	b = b < 0 ? -b : b;
	while (b != 0) {
		int64_t t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/*
 * Rule 3, one step: the first hidden entry the equations give away, or
 * p->n when none is; -1 on overflow or out of memory.
 */
static long
given_away(const struct suppress_page *p, const unsigned char *stuck)
{
	size_t		 L = 0, H = 0, pos = 0, total, k, i, j, r, c, rank = 0;
	size_t		*col = NULL, *ent = NULL, *pivot = NULL;
	const size_t	*parts;
	int64_t		*a = NULL;
	long		 found = -1;

	while (next_line(p, &pos, &total, &parts, &k))
		L++;
	col = calloc(p->n + 1, sizeof(*col));
	ent = calloc(p->n + 1, sizeof(*ent));
	pivot = calloc(L + 1, sizeof(*pivot));
	if (col == NULL || ent == NULL || pivot == NULL)
		goto out;
	for (i = 0; i < p->n; i++)
		if (p->mark[i] != SUPPRESS_SHOWN) {
			col[i] = H;
			ent[H++] = i;
		}
	if ((a = calloc(L * H + 1, sizeof(*a))) == NULL)
		goto out;
	for (pos = 0, r = 0; next_line(p, &pos, &total, &parts, &k); r++) {
		if (p->mark[total] != SUPPRESS_SHOWN)
			a[r * H + col[total]] -= 1;
		for (i = 0; i < k; i++)
			if (p->mark[parts[i]] != SUPPRESS_SHOWN)
				a[r * H + col[parts[i]]] += 1;
	}
	for (c = 0; c < H && rank < L; c++) {
		for (i = rank; i < L && a[i * H + c] == 0; i++)
			;
		if (i == L)
			continue;
		for (j = 0; j < H; j++) {
			int64_t t = a[i * H + j];

			a[i * H + j] = a[rank * H + j];
			a[rank * H + j] = t;
		}
		for (i = 0; i < L; i++) {
			int64_t f = a[i * H + c], piv = a[rank * H + c], g = 0;

			if (i == rank || f == 0)
				continue;
			for (j = 0; j < H; j++) {
				int64_t x, y;

				if (__builtin_mul_overflow(a[i * H + j], piv,
				    &x) || __builtin_mul_overflow(a[rank * H +
				    j], f, &y) || __builtin_sub_overflow(x, y,
				    &a[i * H + j]))
					goto out;
				g = gcd64(g, a[i * H + j]);
			}
			if (g > 1)
				for (j = 0; j < H; j++)
					a[i * H + j] /= g;
		}
		pivot[rank++] = c;
	}
	found = (long)p->n;
	for (r = 0; r < rank && found == (long)p->n; r++) {
		size_t nonzero = 0;

		for (j = 0; j < H; j++)
			nonzero += a[r * H + j] != 0;
		if (nonzero == 1 && !stuck[ent[pivot[r]]] &&
		    !publicly_zero(p, ent[pivot[r]]))
			found = (long)ent[pivot[r]];
	}
out:
	free(a);
	free(col);
	free(ent);
	free(pivot);
	return found;
}

static int64_t
max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

static int64_t
min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/* Narrows the intervals lo..hi along every line until nothing moves.
 * 0 when some interval is empty (no table fits). */
static int
narrow(const struct suppress_page *p, int64_t *lo, int64_t *hi)
{
	size_t		 pos, total, k, i;
	const size_t	*parts;
	int		 changed = 1;

	while (changed) {
		changed = 0;
		pos = 0;
		while (next_line(p, &pos, &total, &parts, &k)) {
			int64_t	 slo = 0, shi = 0;

			for (i = 0; i < k; i++) {
				slo += lo[parts[i]];
				shi += hi[parts[i]];
			}
			if (slo > lo[total] || shi < hi[total]) {
				lo[total] = max64(lo[total], slo);
				hi[total] = min64(hi[total], shi);
				changed = 1;
			}
			for (i = 0; i < k; i++) {
				size_t	 e = parts[i];
				int64_t	 l = lo[total] - (shi - hi[e]);
				int64_t	 h = hi[total] - (slo - lo[e]);

				if (l > lo[e] || h < hi[e]) {
					lo[e] = max64(lo[e], l);
					hi[e] = min64(hi[e], h);
					changed = 1;
				}
			}
			if (lo[total] > hi[total])
				return 0;
		}
		for (i = 0; i < p->n; i++)
			if (lo[i] > hi[i])
				return 0;
	}
	return 1;
}

/*
 * Is there a whole-number table within lo..hi that agrees with every
 * line?  Depth first over the narrowest open interval, narrowing at each
 * step.  1 yes, 0 no, -1 out of memory or out of budget (which callers
 * count as "no": a pin not ruled out is treated as a pin).
 */
static int
solvable(const struct suppress_page *p, const int64_t *lo0,
    const int64_t *hi0, long *budget)
{
	int64_t	*lo, *hi, v;
	size_t	 i, best = p->n;
	int	 rc = -1;

	if (--*budget < 0)
		return -1;
	lo = malloc((p->n + 1) * sizeof(*lo));
	hi = malloc((p->n + 1) * sizeof(*hi));
	if (lo == NULL || hi == NULL)
		goto out;
	memcpy(lo, lo0, p->n * sizeof(*lo));
	memcpy(hi, hi0, p->n * sizeof(*hi));
	if (!narrow(p, lo, hi)) {
		rc = 0;
		goto out;
	}
	for (i = 0; i < p->n; i++)
		if (lo[i] < hi[i] && (best == p->n ||
		    hi[i] - lo[i] < hi[best] - lo[best]))
			best = i;
	rc = 1;
	if (best == p->n)
		goto out;	/* one value each, and every line holds */
	for (v = lo[best], rc = 0; v <= hi[best] && rc == 0; v++) {
		int64_t	 keep_lo = lo[best], keep_hi = hi[best];

		lo[best] = hi[best] = v;
		rc = solvable(p, lo, hi, budget);
		lo[best] = keep_lo;
		hi[best] = keep_hi;
	}
out:
	free(lo);
	free(hi);
	return rc;
}

/*
 * Rule 4, one step: the first hidden entry that the reader's bounds pin
 * to one value (no other whole-number table agrees with the page), or
 * p->n; -1 when out of memory.
 */
static long
pinned(const struct suppress_page *p, const unsigned char *stuck,
    int threshold)
{
	int64_t		*lo, *hi, cap = threshold;
	unsigned char	*in_small;
	size_t		 i, pos, total, k;
	const size_t	*parts;
	long		 found = (long)p->n, budget = SUPPRESS_SEARCH_MAX;

	lo = calloc(p->n + 1, sizeof(*lo));
	hi = calloc(p->n + 1, sizeof(*hi));
	in_small = calloc(p->n + 1, 1);
	if (lo == NULL || hi == NULL || in_small == NULL) {
		found = -1;
		goto out;
	}
	pos = 0;
	while (next_line(p, &pos, &total, &parts, &k))
		if (p->mark[total] == SUPPRESS_SMALL)
			for (i = 0; i < k; i++)
				in_small[parts[i]] = 1;
	for (i = 0; i < p->n; i++)
		cap += p->value[i] > 0 ? p->value[i] : 0;
	for (i = 0; i < p->n; i++) {
		if (p->mark[i] == SUPPRESS_SHOWN) {
			lo[i] = hi[i] = p->value[i];
		} else if (p->mark[i] == SUPPRESS_SMALL) {
			lo[i] = in_small[i] ? 0 : 1;
			hi[i] = threshold - 1;
		} else {
			lo[i] = 0;
			hi[i] = cap;
		}
	}
	for (i = 0; i < p->n && found == (long)p->n; i++) {
		int64_t	 keep_lo = lo[i], keep_hi = hi[i];
		int	 other = 0;

		if (p->mark[i] == SUPPRESS_SHOWN || stuck[i] ||
		    publicly_zero(p, i))
			continue;
		if (keep_lo < p->value[i]) {
			hi[i] = p->value[i] - 1;
			other = solvable(p, lo, hi, &budget) == 1;
			hi[i] = keep_hi;
		}
		if (!other && p->value[i] < keep_hi) {
			lo[i] = p->value[i] + 1;
			other = solvable(p, lo, hi, &budget) == 1;
			lo[i] = keep_lo;
		}
		if (!other)
			found = (long)i;
	}
out:
	free(lo);
	free(hi);
	free(in_small);
	return found;
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
	while (next_line(p, &pos, &total, &parts, &k)) {
		if (!in_line(h, total, parts, k))
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

	while (next_line(p, &pos, &total, &parts, &k)) {
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
			if (hideable(p, parts[i]) && p->value[parts[i]] > 0 &&
			    (best == p->n || p->value[parts[i]] <
			    p->value[best]))
				best = parts[i];
		if (best == p->n && hideable(p, total))
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
	primary(p, threshold);
	for (;;) {
		if ((h = given_away(p, stuck)) == -1)
			break;
		if ((size_t)h < p->n) {
			if (!protect(p, (size_t)h))
				stuck[h] = 1;
			continue;
		}
		if ((h = pinned(p, stuck, threshold)) == -1)
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
	for (pos = 0; next_line(p, &pos, &total, &parts, &k);)
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
		for (pos = 0; next_line(p, &pos, &total, &parts, &k);) {
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
		primary(&p, threshold);
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

/* The words a suppressed count reads in JSON, and the messages a
 * catalogue translates them by ({n} the threshold). */
#define HIDDEN		"hidden"
#define FEWER_THAN	"fewer than "

json_t *
suppressed_count(int64_t n, unsigned char mark, int threshold)
{
	char	 s[48];

	if (mark == SUPPRESS_SHOWN)
		return json_integer(n);
	if (mark == SUPPRESS_SECONDARY)
		return json_string(HIDDEN);
	snprintf(s, sizeof(s), FEWER_THAN "%d", threshold);
	return json_string(s);
}

const char *
suppressed_words(const json_t *shown, const struct catalogue *words,
    char *out, size_t sz)
{
	const char	*s = json_string_value(shown);
	char		*end;
	long		 n;

	if (json_is_integer(shown))
		snprintf(out, sz, "%" JSON_INTEGER_FORMAT,
		    json_integer_value(shown));
	else if (s == NULL)
		snprintf(out, sz, "%s", "");
	else if (strcmp(s, HIDDEN) == 0)
		snprintf(out, sz, "%s", catalogue_get(words, N_("hidden")));
	else if (strncmp(s, FEWER_THAN, strlen(FEWER_THAN)) != 0)
		snprintf(out, sz, "%s", s);
	else {
		n = strtol(s + strlen(FEWER_THAN), &end, 10);
		if (*end != '\0')
			snprintf(out, sz, "%s", s);
		else
			catalogue_fill_n(catalogue_get(words,
			    N_("fewer than {n}")), n, out, sz);
	}
	return out;
}
