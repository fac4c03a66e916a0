/*
 * A page's figures suppressed as one: every count an evidence page, its
 * PDF or its spreadsheet shows is registered with the place in the view
 * it goes to, with the equations a reader could write between them (a
 * measure's part and its whole, months adding up to the period, the
 * answers to one question adding up to the members).  The shared rule
 * (util/suppression.c) then hides what is small and whatever would give
 * it away by subtraction, across the whole page at once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"

void
figures_init(struct figures *f)
{
	memset(f, 0, sizeof(*f));
	suppress_page_init(&f->page);
}

void
figures_release(struct figures *f)
{
	suppress_page_release(&f->page);
	free(f->refs);
	f->refs = NULL;
	f->cap = 0;
}

size_t
figures_add(struct figures *f, json_t *obj, const char *key, int64_t value)
{
	struct figure_ref	*r;
	long			 i;
	size_t			 cap;

	if (f->failed)
		return 0;
	if ((i = suppress_add(&f->page, value < 0 ? 0 : value, 0, 0)) < 0) {
		f->failed = 1;
		return 0;
	}
	if ((size_t)i >= f->cap) {
		cap = f->cap ? f->cap * 2 : 64;
		if ((r = realloc(f->refs, cap * sizeof(*r))) == NULL) {
			f->failed = 1;
			return 0;
		}
		f->refs = r;
		f->cap = cap;
	}
	f->refs[i].obj = obj;
	snprintf(f->refs[i].key, sizeof(f->refs[i].key), "%s",
	    obj != NULL && key != NULL ? key : "");
	return (size_t)i;
}

void
figures_line(struct figures *f, size_t total, const size_t *parts, size_t k)
{
	if (!f->failed && k > 0 &&
	    suppress_line(&f->page, total, parts, k) == -1)
		f->failed = 1;
}

void
figures_split(struct figures *f, size_t whole, size_t part)
{
	size_t	 parts[2];

	if (f->failed)
		return;
	parts[0] = part;
	parts[1] = figures_add(f, NULL, NULL, f->page.value[whole] -
	    f->page.value[part]);
	figures_line(f, whole, parts, 2);
}

int
figures_run(struct figures *f, int threshold)
{
	size_t	 i;

	if (f->failed || suppress_run(&f->page, threshold) == -1)
		return -1;
	for (i = 0; i < f->page.n; i++)
		if (f->refs[i].obj != NULL && f->refs[i].key[0] != '\0' &&
		    json_object_set_new(f->refs[i].obj, f->refs[i].key,
		    suppressed_count(f->page.value[i], f->page.mark[i],
		    threshold)) == -1)
			return -1;
	return 0;
}

int
figures_shown(const struct figures *f, size_t index)
{
	return index < f->page.n && f->page.mark[index] == SUPPRESS_SHOWN;
}

int64_t
figures_value(const struct figures *f, size_t index)
{
	return index < f->page.n ? f->page.value[index] : 0;
}

json_t *
figures_json(const struct figures *f, size_t index, int threshold)
{
	if (index >= f->page.n)
		return json_null();
	return suppressed_count(f->page.value[index], f->page.mark[index],
	    threshold);
}
