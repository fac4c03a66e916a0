/*
 * Rule 3 of the small-numbers rule (suppression.c): a page's lines are
 * equations, its shown entries known; exact integer Gauss-Jordan
 * elimination over the hidden entries finds one the equations give
 * away (a row left with one non-zero gives its pivot away).
 */
#include <stdlib.h>

#include "suppression_rule.h"

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
long
suppress_given_away(const struct suppress_page *p, const unsigned char *stuck)
{
	size_t		 L = 0, H = 0, pos = 0, total, k, i, j, r, c, rank = 0;
	size_t		*col = NULL, *ent = NULL, *pivot = NULL;
	const size_t	*parts;
	int64_t		*a = NULL;
	long		 found = -1;

	while (suppress_next_line(p, &pos, &total, &parts, &k))
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
	for (pos = 0, r = 0; suppress_next_line(p, &pos, &total, &parts, &k);
	    r++) {
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
		    !suppress_publicly_zero(p, ent[pivot[r]]))
			found = (long)ent[pivot[r]];
	}
out:
	free(a);
	free(col);
	free(ent);
	free(pivot);
	return found;
}
