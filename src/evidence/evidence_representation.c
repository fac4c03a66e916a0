/*
 * Members beside the population (criterion 1): a table per monitored
 * characteristic, and one of units where a scope has them, each
 * category's members and population added to the page's figures with
 * the lines they make (the answers add up to the members, the answered
 * ones to "answered", the categories to the population), so one
 * suppression covers them with the rest of the page (evidence_build.c).
 * After it, shares and gaps from shown counts only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence_build.h"
#include "../surveys/surveys.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/* One table: members and population by category.  cats are the
 * categories in order (NULL-terminated labels with keys); members_rows
 * are [{answer|unit_id, n}]. */
struct rep_cat {
	const char	*key;		/* matched against the rows */
	char		 unit_key[24];	/* a unit's id, which key points to */
	const char	*label;		/* a message, or a unit's name */
	int		 named;		/* label is a unit's name */
	int		 real;		/* compared with the population */
	json_t		*obj;
	size_t		 members, population;
	int		 has_population;
};

struct rep_table {
	json_t		*obj;
	const char	*key;		/* "age", "unit" */
	const char	*label;
	struct rep_cat	*cats;
	size_t		 ncats;
	size_t		 answered, population_total;
	int		 has_population;
};

static int64_t
rows_n(const json_t *rows, const char *field, const char *key)
{
	const json_t	*row, *v;
	size_t		 i;
	char		 num[24];

	json_array_foreach(rows, i, row) {
		v = json_object_get(row, field);
		if (json_is_integer(v)) {
			snprintf(num, sizeof(num), "%lld",
			    (long long)json_integer_value(v));
			if (key != NULL && strcmp(num, key) == 0)
				return view_int(row, "n");
		} else if (key == NULL ? !json_is_string(v) :
		    json_is_string(v) && strcmp(json_string_value(v), key) == 0)
			return view_int(row, "n");
	}
	return 0;
}

static int64_t
population_n(const json_t *pop, const char *dimension, const char *category,
    int *found)
{
	const json_t	*row;
	size_t		 i;

	json_array_foreach(pop, i, row)
		if (strcmp(view_str(row, "dimension"), dimension) == 0 &&
		    strcmp(view_str(row, "category"), category) == 0) {
			*found = 1;
			return view_int(row, "count");
		}
	return 0;
}

/* Adds a table's counts and lines to the page. */
static int
rep_table_add(struct build *b, struct rep_table *t, const json_t *mrows,
    const char *field, const json_t *pop)
{
	size_t	*real, *all, nreal = 0, nall = 0, i;
	json_t	*rows = json_array();
	int64_t	 sum = 0, psum = 0;
	int	 found;

	real = calloc(t->ncats + 1, sizeof(*real));
	all = calloc(t->ncats + 1, sizeof(*all));
	if (real == NULL || all == NULL || rows == NULL) {
		free(real);
		free(all);
		json_decref(rows);
		return -1;
	}
	/* A wing is where a member lives, not an answer they gave. */
	t->obj = json_pack("{s:s, s:s, s:o, s:s, s:s}", "key", t->key,
	    "label", t->label, "rows", rows, "category_head", strcmp(t->key,
	    "unit") == 0 ? N_("Wing or unit") : N_("Answer"), "share_head",
	    strcmp(t->key, "unit") == 0 ? N_("Share of members") :
	    N_("Share of members who answered"));
	for (i = 0; i < t->ncats; i++) {
		struct rep_cat	*c = &t->cats[i];
		int64_t		 n = rows_n(mrows, field, c->key);

		/* In the reader's words: a unit as the site named it. */
		c->obj = json_pack("{s:s}", "category", c->named ? c->label :
		    catalogue_get(b->words, c->label));
		json_array_append_new(rows, c->obj);
		c->members = figures_add(&b->fig, c->obj, "members", n);
		all[nall++] = c->members;
		if (c->real) {
			real[nreal++] = c->members;
			sum += n;
			found = 0;
			n = c->key != NULL ? population_n(pop, t->key, c->key,
			    &found) : 0;
			if (found) {
				c->has_population = 1;
				t->has_population = 1;
				c->population = figures_add(&b->fig, c->obj,
				    "population", n);
				psum += n;
			}
		}
	}
	/* Answered (the real categories) is a figure of its own, with
	 * "prefer not to say" and "not answered" making up the members. */
	t->answered = figures_add(&b->fig, t->obj, "answered", sum);
	figures_line(&b->fig, t->answered, real, nreal);
	if (nall > nreal) {
		all[nall++] = t->answered;
		for (i = 0, nreal = 0; i < t->ncats; i++)
			if (!t->cats[i].real)
				real[nreal++] = t->cats[i].members;
		real[nreal++] = t->answered;
		figures_line(&b->fig, b->members, real, nreal);
	} else
		figures_line(&b->fig, b->members, real, nreal);
	if (t->has_population) {
		for (i = 0, nreal = 0; i < t->ncats; i++)
			if (t->cats[i].has_population)
				real[nreal++] = t->cats[i].population;
		t->population_total = figures_add(&b->fig, t->obj,
		    "population_total", psum);
		figures_line(&b->fig, t->population_total, real, nreal);
	}
	free(real);
	free(all);
	return 0;
}

/* A category's share as name_percent (a number) and name_share (its
 * words, "" when it is not shown). */
static int
share(struct build *b, struct point *pt, const char *name)
{
	char	 key[32], text[16];
	int	 pc = build_point_percent(b, pt);

	json_object_del(pt->obj, "percent");
	snprintf(key, sizeof(key), "%s_percent", name);
	json_object_set_new(pt->obj, key, pc < 0 ? json_null() :
	    json_integer(pc));
	snprintf(key, sizeof(key), "%s_share", name);
	snprintf(text, sizeof(text), "%d%%", pc);
	json_object_set_new(pt->obj, key, json_string(pc < 0 ? "" : text));
	return pc;
}

/* After suppression: shares, gaps, and the largest gap into *largest. */
static void
rep_table_shares(struct build *b, struct rep_table *t,
    const struct evidence_gap *scope, json_t *sentences, int *largest)
{
	struct evidence_gap	 g = *scope;
	size_t			 i;
	int			 gap;
	char			*s;

	for (i = 0; i < t->ncats; i++) {
		struct rep_cat	*c = &t->cats[i];
		struct point	 m = { c->obj, c->members, t->answered };
		struct point	 p = { NULL, c->population, t->population_total };

		if (!c->real)
			continue;
		g.members = share(b, &m, "members");
		p.obj = c->obj;
		g.population = c->has_population ? share(b, &p, "population") :
		    -1;
		if (g.members < 0 || g.population < 0)
			continue;
		gap = g.population > g.members ? g.population - g.members :
		    g.members - g.population;
		json_object_set_new(c->obj, "gap", json_integer(g.population -
		    g.members));
		if (gap > *largest)
			*largest = gap;
		g.item = t->key;
		g.label = t->label;
		g.answer = c->label;
		if ((s = evidence_gap_sentence(&g, b->words)) != NULL)
			json_array_append_new(sentences, json_pack("{s:s}",
			    "text", s));
		free(s);
	}
}

void
representation_shares(struct build *b, struct rep_table *tables,
    size_t ntables, const char *site, const char *group, json_t *gaps,
    int *largest)
{
	struct evidence_gap	 scope;
	size_t			 i;

	memset(&scope, 0, sizeof(scope));
	scope.site = site;
	scope.group = group;
	for (i = 0; i < ntables; i++)
		rep_table_shares(b, &tables[i], &scope, gaps, largest);
}

/* One item's answers out of every item's, as [{answer, n}], with the
 * members who gave none under a null answer.  New reference. */
static json_t *
item_answers(const json_t *answers, const char *item, int64_t members)
{
	json_t		*rows = json_array();
	const json_t	*row;
	size_t		 i;
	int64_t		 answered = 0;

	if (rows == NULL)
		return NULL;
	json_array_foreach(answers, i, row)
		if (strcmp(view_str(row, "item"), item) == 0) {
			answered += view_int(row, "n");
			json_array_append_new(rows, json_pack("{s:s, s:I}",
			    "answer", view_str(row, "answer"), "n",
			    (json_int_t)view_int(row, "n")));
		}
	json_array_append_new(rows, json_pack("{s:n, s:I}", "answer", "n",
	    (json_int_t)(members - answered)));
	return rows;
}

json_t *
representation(struct build *b, struct rep_table **tables_out,
    size_t *ntables)
{
	struct rep_table	*tables;
	json_t			*pop, *units, *rows, *view, *list;
	json_t			*answers = NULL;
	char			 counted_on[DATE_CHARS + 1];
	size_t			 nt = 0, i, k, n;
	int64_t			 members;

	*tables_out = NULL;
	*ntables = 0;
	if ((pop = evidence_population(b->db, b->scope, b->to, counted_on)) ==
	    NULL)
		return NULL;
	if (evidence_members(b->db, b->scope, b->to, &members) < 0 ||
	    (answers = evidence_members_answers(b->db, b->scope, b->to)) ==
	    NULL)
		goto fail;
	tables = calloc(monitoring_items_count + 1, sizeof(*tables));
	if (tables == NULL)
		goto fail;
	*tables_out = tables;
	if (b->scope->site_id != 0 || b->scope->group_id != 0) {
		if ((units = b->units = evidence_members_by_unit(b->db,
		    b->scope, b->to)) == NULL)
			goto fail;
		n = json_array_size(units);
		tables[nt].key = "unit";
		tables[nt].label = N_("Unit");
		if ((tables[nt].cats = calloc(n + 1, sizeof(struct rep_cat))) ==
		    NULL)
			goto fail;
		json_array_foreach(units, i, rows) {
			struct rep_cat	*c = &tables[nt].cats[i];

			snprintf(c->unit_key, sizeof(c->unit_key), "%lld",
			    (long long)view_int(rows, "unit_id"));
			c->key = c->unit_key;
			c->named = view_int(rows, "unit_id") != 0;
			c->label = c->named ? view_str(rows, "unit") :
			    N_("No unit recorded");
			c->real = view_int(rows, "unit_id") != 0;
		}
		tables[nt].ncats = n;
		if (rep_table_add(b, &tables[nt], units, "unit_id", pop) == -1)
			goto fail;
		nt++;
	}
	for (k = 0; k < monitoring_items_count; k++) {
		const struct monitoring_item	*it = &monitoring_items[k];
		struct rep_table		*t = &tables[nt];

		for (n = 0; it->answers[n].value != NULL; n++)
			;
		if ((t->cats = calloc(n + 1, sizeof(struct rep_cat))) == NULL)
			goto fail;
		for (i = 0; i < n; i++) {
			t->cats[i].key = it->answers[i].value;
			t->cats[i].label = it->answers[i].label;
			t->cats[i].real = strcmp(it->answers[i].value,
			    MONITORING_NOT_SAY) != 0;
		}
		t->cats[n].label = N_("Not answered");	/* key NULL: no
							   answer */
		t->ncats = n + 1;
		t->key = it->key;
		t->label = it->label;
		rows = item_answers(answers, it->key, members);
		if (rows == NULL || rep_table_add(b, t, rows, "answer", pop) ==
		    -1) {
			json_decref(rows);
			goto fail;
		}
		json_decref(rows);
		nt++;
	}
	*ntables = nt;
	list = json_array();
	for (i = 0; i < nt; i++)
		json_array_append(list, tables[i].obj);
	view = json_pack("{s:o, s:s?}", "tables", list, "counted_on",
	    counted_on[0] ? counted_on : NULL);
	json_decref(answers);
	json_decref(pop);
	return view;
fail:
	json_decref(answers);
	json_decref(pop);
	return NULL;
}

void
representation_free(struct rep_table *tables)
{
	size_t	 i;

	/* The categories' objects belong to their table's rows. */
	for (i = 0; tables != NULL && i < monitoring_items_count + 1; i++) {
		free(tables[i].cats);
		json_decref(tables[i].obj);
	}
	free(tables);
}
