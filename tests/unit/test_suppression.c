/*
 * The suppression property: on random tables with random page layouts
 * (which totals, partial sums and published-elsewhere totals one page
 * shows), no hidden count can be worked out from what the page shows.
 *
 * The checker here is independent of src/util/suppression.c:
 * - linear: with exact rational Gaussian elimination, a hidden entry h
 *   is given away when it lies in the row space of the page's equations
 *   over the hidden entries, i.e. when dropping h's column lowers the
 *   rank.  No hidden entry may be.
 * - bounds: counts are at least 0 and a "fewer than N" count at most
 *   N - 1; a hidden entry is pinned when no other table that agrees
 *   with the page gives it another value.  The search moves along the
 *   null space (each basis vector, and sums and differences of two) by
 *   one or two steps, which is enough for tables of this size; a hidden
 *   entry that no such move changes fails the test.
 * - a line whose total reads "fewer than N" shows none of its parts:
 *   "0, 0, fewer than 5" says how each of three people answered.
 * - a line whose total is shown has hidden parts adding up to 0 or at
 *   least N: "C and D wings: 2 between them" is a small count too.
 * A part of a line whose total is a shown 0 is 0 for all to see: it is
 * not a secret, hidden or not.
 */
#include "unit.h"
#include "util/suppression.h"

#define T		5	/* the threshold */
#define PMAX		64	/* entries on a page */
#define LMAX		32	/* equations on a page */
#define ROUNDS		3000

/* A page as a reader sees it: entries with their marks, and equations
 * (parts adding up to a total).  Fixed size, on the stack. */
struct page {
	size_t		 n, nl;
	int64_t		 v[PMAX];
	unsigned char	 m[PMAX];
	size_t		 tot[LMAX], k[LMAX], part[LMAX][PMAX];
};

static unsigned	seed = 2026;

static unsigned
rnd(unsigned below)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 16) % below;
}

/* A count as surveys see them: many zeros, many small. */
static int64_t
count(void)
{
	unsigned r = rnd(10);

	return r < 3 ? 0 : r < 7 ? 1 + rnd(4) : 5 + rnd(16);
}

/* A part of a line whose total is a shown 0 is 0 for all to see. */
static int
publicly_zero(const struct page *p, size_t e)
{
	size_t	 i, j;

	for (i = 0; i < p->nl; i++)
		if (p->m[p->tot[i]] == SUPPRESS_SHOWN && p->v[p->tot[i]] == 0)
			for (j = 0; j < p->k[i]; j++)
				if (p->part[i][j] == e)
					return 1;
	return 0;
}

/* ---- exact rationals ---- */

struct rat {
	int64_t	 n, d;	/* d > 0, lowest terms */
};

static int64_t
gcd(int64_t a, int64_t b)
{
	if (a < 0)
		a = -a;
	if (b < 0)
		b = -b;
	while (b != 0) {
		int64_t t = a % b;

		a = b;
		b = t;
	}
	return a;
}

static struct rat
rat_make(int64_t n, int64_t d)
{
	int64_t	 g;

	if (d < 0) {
		n = -n;
		d = -d;
	}
	g = gcd(n, d);
	if (g > 1) {
		n /= g;
		d /= g;
	}
	return (struct rat){ n, d };
}

static int64_t
mul(int64_t a, int64_t b)
{
	int64_t	 r;

	assert_false(__builtin_mul_overflow(a, b, &r));
	return r;
}

/* a - b * c */
static struct rat
rat_sub_mul(struct rat a, struct rat b, struct rat c)
{
	struct rat	 p = rat_make(mul(b.n, c.n), mul(b.d, c.d));
	int64_t		 n;

	assert_false(__builtin_sub_overflow(mul(a.n, p.d), mul(p.n, a.d), &n));
	return rat_make(n, mul(a.d, p.d));
}

static struct rat
rat_div(struct rat a, struct rat b)
{
	return rat_make(mul(a.n, b.d), mul(a.d, b.n));
}

/*
 * The page's equations over the columns cols[0..nc) (hidden entries), in
 * reduced row echelon form in a (LMAX x PMAX).  Returns the rank; pivot[r]
 * is the column of row r's pivot.
 */
static size_t
rref(const struct page *p, const size_t *cols, size_t nc,
    struct rat a[LMAX][PMAX], size_t *pivot)
{
	size_t	 r, c, i, j, rank = 0;

	for (r = 0; r < p->nl; r++)
		for (c = 0; c < nc; c++) {
			a[r][c] = rat_make(0, 1);
			if (p->tot[r] == cols[c])
				a[r][c] = rat_make(-1, 1);
			for (j = 0; j < p->k[r]; j++)
				if (p->part[r][j] == cols[c])
					a[r][c] = rat_make(1, 1);
		}
	for (c = 0; c < nc && rank < p->nl; c++) {
		for (i = rank; i < p->nl && a[i][c].n == 0; i++)
			;
		if (i == p->nl)
			continue;
		for (j = 0; j < nc; j++) {
			struct rat t = a[i][j];

			a[i][j] = a[rank][j];
			a[rank][j] = t;
		}
		{
			struct rat piv = a[rank][c];

			for (j = 0; j < nc; j++)
				a[rank][j] = rat_div(a[rank][j], piv);
		}
		for (i = 0; i < p->nl; i++) {
			struct rat f = a[i][c];

			if (i == rank || f.n == 0)
				continue;
			for (j = 0; j < nc; j++)
				a[i][j] = rat_sub_mul(a[i][j], f, a[rank][j]);
		}
		pivot[rank++] = c;
	}
	return rank;
}

static size_t
hidden_cols(const struct page *p, size_t skip, size_t *cols)
{
	size_t	 i, nc = 0;

	for (i = 0; i < p->n; i++)
		if (p->m[i] != SUPPRESS_SHOWN && i != skip)
			cols[nc++] = i;
	return nc;
}

/* Is hidden entry h a linear combination of what the page shows? */
static int
given_away(const struct page *p, size_t h)
{
	static struct rat	 a[LMAX][PMAX];
	size_t			 cols[PMAX], pivot[LMAX], nc, with;

	nc = hidden_cols(p, (size_t)-1, cols);
	with = rref(p, cols, nc, a, pivot);
	nc = hidden_cols(p, h, cols);
	return rref(p, cols, nc, a, pivot) + 1 == with;
}

/*
 * Bounds, exactly: is there a whole-number table within lo..hi that
 * agrees with every line?  Depth-first over the entries still open,
 * narrowing the intervals along the lines at every step.  *budget caps
 * the steps (a page too big to decide counts as safe and is counted).
 */
static int
narrow(const struct page *p, int64_t *lo, int64_t *hi)
{
	size_t	 r, j;
	int	 changed = 1;

	while (changed) {
		changed = 0;
		for (r = 0; r < p->nl; r++) {
			int64_t	 slo = 0, shi = 0, t = p->tot[r];

			for (j = 0; j < p->k[r]; j++) {
				slo += lo[p->part[r][j]];
				shi += hi[p->part[r][j]];
			}
			if (slo > lo[t]) {
				lo[t] = slo;
				changed = 1;
			}
			if (shi < hi[t]) {
				hi[t] = shi;
				changed = 1;
			}
			for (j = 0; j < p->k[r]; j++) {
				size_t	 e = p->part[r][j];
				int64_t	 l = lo[t] - (shi - hi[e]);
				int64_t	 h = hi[t] - (slo - lo[e]);

				if (l > lo[e]) {
					lo[e] = l;
					changed = 1;
				}
				if (h < hi[e]) {
					hi[e] = h;
					changed = 1;
				}
			}
		}
		for (r = 0; r < p->n; r++)
			if (lo[r] > hi[r])
				return 0;
	}
	return 1;
}

static int
solvable(const struct page *p, const int64_t *lo0, const int64_t *hi0,
    long *budget)
{
	int64_t	 lo[PMAX], hi[PMAX], v;
	size_t	 i, best = p->n;

	if (--*budget < 0)
		return 1;
	memcpy(lo, lo0, sizeof(lo));
	memcpy(hi, hi0, sizeof(hi));
	if (!narrow(p, lo, hi))
		return 0;
	for (i = 0; i < p->n; i++)
		if (lo[i] < hi[i] && (best == p->n ||
		    hi[i] - lo[i] < hi[best] - lo[best]))
			best = i;
	if (best == p->n)
		return 1;	/* every entry one value, every line holds */
	for (v = lo[best]; v <= hi[best]; v++) {
		int64_t	 l[PMAX], h[PMAX];

		memcpy(l, lo, sizeof(l));
		memcpy(h, hi, sizeof(h));
		l[best] = h[best] = v;
		if (solvable(p, l, h, budget))
			return 1;
	}
	return 0;
}

static long undecided;

/* Is any hidden entry pinned by the bounds?  Its index, or -1. */
static long
pinned(const struct page *p)
{
	int64_t	 lo[PMAX], hi[PMAX], cap = T;
	size_t	 i, h;

	for (i = 0; i < p->n; i++)
		cap += p->v[i];
	for (i = 0; i < p->n; i++) {
		lo[i] = p->m[i] == SUPPRESS_SHOWN ? p->v[i] : 0;
		hi[i] = p->m[i] == SUPPRESS_SHOWN ? p->v[i] :
		    p->m[i] == SUPPRESS_SMALL ? T - 1 : cap;
	}
	for (h = 0; h < p->n; h++) {
		int64_t	 keep_lo = lo[h], keep_hi = hi[h];
		long	 budget = 200000;
		int	 other = 0;

		if (p->m[h] == SUPPRESS_SHOWN || publicly_zero(p, h))
			continue;
		if (keep_lo <= p->v[h] - 1) {
			hi[h] = p->v[h] - 1;
			other = solvable(p, lo, hi, &budget);
			hi[h] = keep_hi;
		}
		if (!other && p->v[h] + 1 <= keep_hi) {
			lo[h] = p->v[h] + 1;
			other = solvable(p, lo, hi, &budget);
			lo[h] = keep_lo;
		}
		if (budget < 0)
			undecided++;
		if (!other)
			return (long)h;
	}
	return -1;
}

static void
print_page(const struct page *p)
{
	size_t	 i, j;

	for (i = 0; i < p->n; i++)
		print_message("  e%zu = %lld %s\n", i, (long long)p->v[i],
		    p->m[i] == SUPPRESS_SHOWN ? "shown" : p->m[i] ==
		    SUPPRESS_SMALL ? "fewer than 5" : "hidden");
	for (i = 0; i < p->nl; i++) {
		print_message("  e%zu =", p->tot[i]);
		for (j = 0; j < p->k[i]; j++)
			print_message(" %se%zu", j ? "+ " : "", p->part[i][j]);
		print_message("\n");
	}
}

/* Every rule, on one page; 0 when it holds. */
static int
rules_hold(const struct page *p)
{
	size_t	 i, j;
	long	 pin;

	for (i = 0; i < p->n; i++) {
		if (p->v[i] > 0 && p->v[i] < T && p->m[i] == SUPPRESS_SHOWN) {
			print_message("small e%zu shown\n", i);
			return -1;
		}
		if (p->m[i] != SUPPRESS_SHOWN && !publicly_zero(p, i) &&
		    given_away(p, i)) {
			print_message("e%zu = %lld is given away by the "
			    "published equations\n", i, (long long)p->v[i]);
			return -1;
		}
	}
	for (i = 0; i < p->nl; i++)
		if (p->m[p->tot[i]] == SUPPRESS_SMALL)
			for (j = 0; j < p->k[i]; j++)
				if (p->m[p->part[i][j]] == SUPPRESS_SHOWN &&
				    !publicly_zero(p, p->part[i][j])) {
					print_message("e%zu shown beside a "
					    "total of fewer than %d\n",
					    p->part[i][j], T);
					return -1;
				}
	for (i = 0; i < p->nl; i++) {
		int64_t	 rest = 0;

		if (p->m[p->tot[i]] != SUPPRESS_SHOWN)
			continue;
		for (j = 0; j < p->k[i]; j++)
			if (p->m[p->part[i][j]] != SUPPRESS_SHOWN)
				rest += p->v[p->part[i][j]];
		if (rest > 0 && rest < T) {
			print_message("the hidden parts of e%zu add up to "
			    "%lld\n", p->tot[i], (long long)rest);
			return -1;
		}
	}
	if ((pin = pinned(p)) >= 0) {
		print_message("e%ld = %lld is pinned by the bounds\n", pin,
		    (long long)p->v[pin]);
		return -1;
	}
	return 0;
}

/* The rules on one page; on failure the page is printed.  0 or -1. */
static int
page_safe(const struct page *p)
{
	if (rules_hold(p) == 0)
		return 0;
	print_page(p);
	return -1;
}

/* ---- layouts ---- */

#define AT(K, r, c)	((r) * ((K) + 1) + (c))

static void
line_add(struct page *p, size_t total, const size_t *parts, size_t k)
{
	assert_true(p->nl < LMAX);
	p->tot[p->nl] = total;
	p->k[p->nl] = k;
	memcpy(p->part[p->nl], parts, k * sizeof(*parts));
	p->nl++;
}

/* The equations of a full table (rows, columns, totals) of R x K. */
static void
table_lines(struct page *p, size_t R, size_t K)
{
	size_t	 parts[PMAX], r, c;

	for (r = 0; r <= R; r++) {
		for (c = 0; c < K; c++)
			parts[c] = AT(K, r, c);
		line_add(p, AT(K, r, K), parts, K);
	}
	for (c = 0; c <= K; c++) {
		for (r = 0; r < R; r++)
			parts[r] = AT(K, r, c);
		line_add(p, AT(K, R, c), parts, R);
	}
}

/* A random table, filled into p->v with its totals; the grand total. */
static int64_t
table_fill(struct page *p, size_t R, size_t K, int64_t *n)
{
	size_t	 r, c;

	memset(p, 0, sizeof(*p));
	p->n = (R + 1) * (K + 1);
	for (r = 0; r < R; r++)
		for (c = 0; c < K; c++) {
			int64_t x = n[r * K + c] = count();

			p->v[AT(K, r, c)] = x;
			p->v[AT(K, r, K)] += x;
			p->v[AT(K, R, c)] += x;
			p->v[AT(K, R, K)] += x;
		}
	return p->v[AT(K, R, K)];
}

/*
 * Layout 1: one question's table with its breakdown by place, the
 * question's counts (the breakdown's column totals) published above it
 * (suppress_table with SUPPRESS_TOTALS_KNOWN), as the results page does.
 */
static int
layout_breakdown(void)
{
	struct page	 p;
	int64_t		 n[PMAX], top[PMAX];
	unsigned char	 tm[2 * PMAX] = { 0 };
	size_t		 R = 1 + rnd(4), K = 2 + rnd(4), c;

	if (table_fill(&p, R, K, n) < T)
		return 0;		/* the page shows nothing */
	for (c = 0; c < K; c++)
		top[c] = p.v[AT(K, R, c)];
	assert_int_equal(suppress_table(top, 1, K, T, SUPPRESS_ADDITIVE, tm),
	    0);
	memcpy(p.m + AT(K, R, 0), tm, K);
	assert_int_equal(suppress_table(n, R, K, T, SUPPRESS_ADDITIVE |
	    SUPPRESS_TOTALS_KNOWN, p.m), 0);
	table_lines(&p, R, K);
	return page_safe(&p);
}

/* Layout 2: a table on its own, every total shown or hidden by the
 * rule (suppress_table without published totals). */
static int
layout_table(void)
{
	struct page	 p;
	int64_t		 n[PMAX];
	size_t		 R = 1 + rnd(4), K = 1 + rnd(5);

	if (table_fill(&p, R, K, n) < T)
		return 0;
	assert_int_equal(suppress_table(n, R, K, T, SUPPRESS_ADDITIVE, p.m),
	    0);
	table_lines(&p, R, K);
	return page_safe(&p);
}

/*
 * Layout 3: counts with a total and partial sums beside them (a score
 * distribution with "counted as lonely" and "others"; places with their
 * total, the total itself not always safe to show), through the general
 * page API.  Which sums are published is random.
 */
static int
layout_partial_sums(void)
{
	struct suppress_page	 sp;
	struct page		 p;
	size_t			 K = 2 + rnd(6), c, parts[PMAX], k, kk;
	size_t			 total, lonely = 0, others = 0;
	int			 fixed = rnd(2), with_lonely = rnd(3) != 0;
	int			 with_others = rnd(2);
	size_t			 cut = 1 + rnd((unsigned)K - 1);
	int64_t			 sum = 0;

	memset(&p, 0, sizeof(p));
	suppress_page_init(&sp);
	for (c = 0; c < K; c++) {
		p.v[c] = count();
		sum += p.v[c];
		assert_int_equal(suppress_add(&sp, p.v[c], 0, 0), (long)c);
	}
	if (fixed && sum < T) {
		suppress_page_release(&sp);
		return 0;	/* a page whose total must show is withheld */
	}
	total = K;
	p.v[total] = sum;
	assert_int_equal(suppress_add(&sp, sum, fixed ? SUPPRESS_FIXED : 0,
	    SUPPRESS_SHOWN), (long)total);
	p.n = K + 1;
	for (c = 0; c < K; c++)
		parts[c] = c;
	line_add(&p, total, parts, K);
	assert_int_equal(suppress_line(&sp, total, parts, K), 0);
	if (with_lonely) {
		lonely = p.n++;
		for (k = 0, c = cut; c < K; c++)
			p.v[lonely] += p.v[parts[k++] = c];
		assert_int_equal(suppress_add(&sp, p.v[lonely], 0, 0),
		    (long)lonely);
		line_add(&p, lonely, parts, k);
		assert_int_equal(suppress_line(&sp, lonely, parts, k), 0);
	}
	if (with_others) {
		others = p.n++;
		for (kk = 0, c = 0; c < cut; c++)
			p.v[others] += p.v[parts[kk++] = c];
		assert_int_equal(suppress_add(&sp, p.v[others], 0, 0),
		    (long)others);
		line_add(&p, others, parts, kk);
		assert_int_equal(suppress_line(&sp, others, parts, kk), 0);
	}
	if (with_lonely && with_others) {
		parts[0] = lonely;
		parts[1] = others;
		line_add(&p, total, parts, 2);
		assert_int_equal(suppress_line(&sp, total, parts, 2), 0);
	}
	assert_int_equal(suppress_run(&sp, T), 0);
	for (c = 0; c < p.n; c++)
		p.m[c] = sp.mark[c];
	suppress_page_release(&sp);
	return page_safe(&p);
}

static void
no_hidden_count_is_recoverable(void **state)
{
	int	 i, bad = 0;

	(void)state;
	for (i = 0; i < ROUNDS && bad == 0; i++)
		bad = layout_table() | layout_breakdown() |
		    layout_partial_sums();
	if (bad)
		print_message("failed in round %d\n", i);
	/* Pages too big to search in full count as safe: few, or none. */
	print_message("%ld of %d pages undecided on bounds\n", undecided,
	    3 * ROUNDS);
	assert_true(undecided * 100 < ROUNDS);
	assert_int_equal(bad, 0);
}

/* The review's case: 3 men on a wing, all answering the same; the
 * zeros beside "fewer than 5" told how each answered. */
static void
a_small_row_shows_none_of_its_cells(void **state)
{
	int64_t		 n[6] = { 0, 0, 3, 7, 9, 8 };
	unsigned char	 m[12] = { 0 };
	size_t		 c;

	(void)state;
	assert_int_equal(suppress_table(n, 2, 3, T, SUPPRESS_ADDITIVE, m), 0);
	assert_int_equal(m[AT(3, 0, 3)], SUPPRESS_SMALL);
	for (c = 0; c < 3; c++)
		assert_int_not_equal(m[AT(3, 0, c)], SUPPRESS_SHOWN);
}

/* The review's case (D9): 15 members, 8 on A wing, 5 on B, 1 each on C
 * and D.  Hiding C and D alone left "2 between them", and a page that
 * lists only wings with someone on them pinned each to 1. */
static void
hidden_parts_never_add_up_to_a_small_count(void **state)
{
	int64_t		 n[4] = { 8, 5, 1, 1 };
	unsigned char	 m[10] = { 0 };
	int64_t		 rest = 0;
	size_t		 r;

	(void)state;
	assert_int_equal(suppress_table(n, 4, 1, T, SUPPRESS_ADDITIVE, m), 0);
	assert_int_equal(m[AT(1, 4, 1)], SUPPRESS_SHOWN);	/* the total */
	for (r = 0; r < 4; r++)
		if (m[AT(1, r, 0)] != SUPPRESS_SHOWN)
			rest += n[r];
	assert_true(rest >= T);
	assert_int_equal(m[AT(1, 0, 0)], SUPPRESS_SHOWN);	/* A wing */
	assert_int_not_equal(m[AT(1, 1, 0)], SUPPRESS_SHOWN);	/* B wing */
}

/* The review's case (D2): a month with no proposals due read "fewer than
 * 5 answered out of 0" because the period's answers were few.  A part
 * whose other line totals a shown 0 is 0 for all to see. */
static void
a_part_of_a_shown_zero_reads_zero(void **state)
{
	struct suppress_page	 p;
	size_t			 part[2], whole[2], parts[2], rest[2], pt, wt;
	int64_t			 pv[2] = { 0, 3 }, wv[2] = { 0, 9 };
	int			 m;

	(void)state;
	suppress_page_init(&p);
	for (m = 0; m < 2; m++) {
		part[m] = (size_t)suppress_add(&p, pv[m], 0, 0);
		whole[m] = (size_t)suppress_add(&p, wv[m], 0, 0);
		rest[m] = (size_t)suppress_add(&p, wv[m] - pv[m], 0, 0);
		parts[0] = part[m];
		parts[1] = rest[m];
		assert_int_equal(suppress_line(&p, whole[m], parts, 2), 0);
	}
	pt = (size_t)suppress_add(&p, 3, 0, 0);
	wt = (size_t)suppress_add(&p, 9, 0, 0);
	assert_int_equal(suppress_line(&p, pt, part, 2), 0);
	assert_int_equal(suppress_line(&p, wt, whole, 2), 0);
	assert_int_equal(suppress_run(&p, T), 0);
	assert_int_equal(p.mark[pt], SUPPRESS_SMALL);
	assert_int_equal(p.mark[whole[0]], SUPPRESS_SHOWN);
	assert_int_equal(p.mark[part[0]], SUPPRESS_SHOWN);
	assert_int_not_equal(p.mark[part[1]], SUPPRESS_SHOWN);
	suppress_page_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_hidden_count_is_recoverable),
		cmocka_unit_test(a_small_row_shows_none_of_its_cells),
		cmocka_unit_test(hidden_parts_never_add_up_to_a_small_count),
		cmocka_unit_test(a_part_of_a_shown_zero_reads_zero),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
