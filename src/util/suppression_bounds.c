/*
 * Rule 4 of the small-numbers rule (suppression.c): a reader knows
 * counts are not negative and "fewer than N" is at most N - 1.
 * Intervals propagated along the lines, and a bounded search for
 * another whole-number table, find a hidden entry left with one value.
 */
#include <stdlib.h>
#include <string.h>

#include "suppression_rule.h"
#include "../limits.h"

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
		while (suppress_next_line(p, &pos, &total, &parts, &k)) {
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
long
suppress_pinned(const struct suppress_page *p, const unsigned char *stuck,
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
	while (suppress_next_line(p, &pos, &total, &parts, &k))
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
		    suppress_publicly_zero(p, i))
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
