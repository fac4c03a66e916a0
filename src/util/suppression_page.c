/*
 * A page of the small-numbers rule (suppression.h): its entries, the
 * lines between them, and what the rule's steps ask of them.
 */
#include <stdlib.h>
#include <string.h>

#include "suppression_rule.h"


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
int
suppress_next_line(const struct suppress_page *p, size_t *pos, size_t *total,
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

int
suppress_in_line(size_t e, size_t total, const size_t *parts, size_t k)
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
int
suppress_publicly_zero(const struct suppress_page *p, size_t e)
{
	size_t		 pos = 0, total, k, i;
	const size_t	*parts;

	while (suppress_next_line(p, &pos, &total, &parts, &k))
		if (p->mark[total] == SUPPRESS_SHOWN && p->value[total] == 0)
			for (i = 0; i < k; i++)
				if (parts[i] == e)
					return 1;
	return 0;
}

int
suppress_hideable(const struct suppress_page *p, size_t e)
{
	return p->mark[e] == SUPPRESS_SHOWN && !p->fixed[e] &&
	    !suppress_publicly_zero(p, e);
}
