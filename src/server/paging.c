/*
 * Keyset paging shared by every list: see paging.h for the contract.
 * Why keyset and not page numbers: OFFSET reads and throws away every row
 * before the page, so the deepest page of a million logs costs a
 * million rows; a cursor costs one index seek at any depth.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../limits.h"
#include "paging.h"
#include "../util/buf.h"
#include "../util/catalogue.h"

/* paging_init for one list of a page with several (list not NULL). */
static int
paging_init_list(struct paging *pg, const struct request *rq,
    const char *list)
{
	const char	*after = form_get(&rq->query, "after");
	const char	*which = form_get(&rq->query, "list");
	char		*end;
	long long	 id;

	pg->after_id = 0;
	pg->after_key = NULL;
	pg->list = list;
	if (list != NULL && (which == NULL || strcmp(which, list) != 0))
		after = NULL;	/* the cursor is another list's */
	pg->rows = rq->app->config->list_page_size;
	if (pg->rows < 1 || pg->rows > LIST_ROWS_MAX)
		pg->rows = LIST_ROWS_MAX;
	if (after == NULL || after[0] == '\0')
		return (pg->after_key = strdup("")) == NULL ? -1 : 0;
	if (strlen(after) > PAGING_CURSOR_CHARS || after[0] < '1' ||
	    after[0] > '9')
		return -1;
	id = strtoll(after, &end, 10);
	if (id <= 0 || (*end != '\0' && *end != '~'))
		return -1;
	pg->after_id = id;
	pg->after_key = strdup(*end == '~' ? end + 1 : "");
	return pg->after_key == NULL ? -1 : 0;
}

int
paging_init(struct paging *pg, const struct request *rq)
{
	return paging_init_list(pg, rq, NULL);
}

void
paging_clear(struct paging *pg)
{
	free(pg->after_key);
	pg->after_key = NULL;
}

int
paging_limit(const struct paging *pg)
{
	return pg->rows + 1;
}

/* Later than any ISO date or timestamp: digits sort before letters. */
#define PAGING_KEY_LAST	"9999-99-99T99:99:99Z~"

const char *
paging_seek_key(const struct paging *pg, int descending)
{
	if (pg->after_id > 0)
		return pg->after_key;
	return descending ? PAGING_KEY_LAST : "";
}

int64_t
paging_seek_id(const struct paging *pg, int descending)
{
	if (pg->after_id > 0)
		return pg->after_id;
	return descending ? INT64_MAX : 0;
}

/* Appends s percent-encoded (all but unreserved characters). */
static int
encode(struct buf *b, const char *s)
{
	int	 rc = 0;

	for (; rc == 0 && *s; s++)
		rc = buf_printf(b, strchr("-_.~", *s) || (*s >= '0' &&
		    *s <= '9') || (*s >= 'a' && *s <= 'z') || (*s >= 'A' &&
		    *s <= 'Z') ? "%c" : "%%%02X", (unsigned char)*s);
	return rc;
}

/* Appends name=value, with ? before the first pair and & before others. */
static int
query_add(struct buf *b, int *first, const char *name, const char *value)
{
	int	 rc = buf_putc(b, *first ? '?' : '&');

	*first = 0;
	if (rc == 0)
		rc = encode(b, name);
	if (rc == 0)
		rc = buf_putc(b, '=');
	return rc == 0 ? encode(b, value) : rc;
}

/* The request's path and query with after set to cursor (or left out
 * when cursor is NULL) and list to list (when not NULL), malloc'd. */
static char *
href_with(const struct request *rq, const char *cursor, const char *list)
{
	struct buf	 b;
	size_t		 i;
	int		 first = 1, rc;

	/* The query came within connection_memory; encoding can triple it. */
	buf_init(&b, 3 * (rq->app->config->connection_memory +
	    PAGING_CURSOR_CHARS));
	rc = buf_puts(&b, rq->path);
	for (i = 0; rc == 0 && i < rq->query.n; i++)
		if (strcmp(rq->query.fields[i].name, "after") != 0 &&
		    strcmp(rq->query.fields[i].name, "list") != 0 &&
		    rq->query.fields[i].value[0] != '\0')
			rc = query_add(&b, &first, rq->query.fields[i].name,
			    rq->query.fields[i].value);
	if (rc == 0 && list != NULL)
		rc = query_add(&b, &first, "list", list);
	if (rc == 0 && cursor != NULL)
		rc = query_add(&b, &first, "after", cursor);
	if (rc != 0) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

int
paging_finish(const struct paging *pg, const struct request *rq,
    json_t *view, json_t *rows, const char *key)
{
	json_t		*paging, *last;
	const char	*k;
	char		 cursor[PAGING_CURSOR_CHARS + 1], *href;
	char		 name[64];
	int		 n;

	if (view == NULL || rows == NULL)
		return -1;
	snprintf(name, sizeof(name), "%s%spaging", pg->list ? pg->list : "",
	    pg->list ? "_" : "");
	if ((paging = json_object()) == NULL ||
	    json_object_set_new(view, name, paging) != 0)
		return -1;
	if (json_array_size(rows) > (size_t)pg->rows) {
		while (json_array_size(rows) > (size_t)pg->rows)
			json_array_remove(rows, json_array_size(rows) - 1);
		last = json_array_get(rows, json_array_size(rows) - 1);
		k = key ? json_string_value(json_object_get(last, key)) : NULL;
		n = snprintf(cursor, sizeof(cursor), "%" PRId64 "%s%s",
		    (int64_t)json_integer_value(json_object_get(last, "id")),
		    k ? "~" : "", k ? k : "");
		/* A key too long for a cursor: page by id alone is still
		 * bounded, if not exact, so stop here rather than loop. */
		if (n > 0 && (size_t)n < sizeof(cursor)) {
			if ((href = href_with(rq, cursor, pg->list)) == NULL)
				return -1;
			json_object_set_new(paging, "next", json_string(cursor));
			json_object_set_new(paging, "next_href",
			    json_string(href));
			free(href);
		}
	}
	if (pg->after_id > 0) {
		if ((href = href_with(rq, NULL, pg->list)) == NULL)
			return -1;
		json_object_set_new(paging, "first_href", json_string(href));
		free(href);
	}
	/* Whether templates/paging.html draws its navigation at all. */
	json_object_set_new(paging, "nav", json_boolean(
	    json_object_size(paging) > 0));
	return 0;
}

int
paging_refused(struct paging *pg, const struct request *rq,
    struct response *rs)
{
	return paging_refused_list(pg, rq, rs, NULL);
}

int
paging_refused_list(struct paging *pg, const struct request *rq,
    struct response *rs, const char *list)
{
	if (paging_init_list(pg, rq, list) == 0)
		return 0;
	paging_clear(pg);
	response_error(rs, 400, "The field \"after\" is not a page of "
	    "this list: start again from the first page.");
	return 1;
}

const char *
paging_filter(const struct request *rq, const char *name)
{
	const char	*v = form_get(&rq->query, name);

	return v == NULL || v[0] == '\0' ? NULL : v;
}

json_t *
paging_filter_view(const char *name, const char *label,
    const struct choice *choices, const char *selected)
{
	json_t	*options = json_pack("[{s:s, s:s, s:b}]", "value", "",
	    "label", N_("All"), "selected", selected == NULL);
	size_t	 i;

	for (i = 0; options != NULL && choices[i].value != NULL; i++)
		json_array_append_new(options, json_pack("{s:s, s:s, s:b}",
		    "value", choices[i].value, "label", choices[i].label,
		    "selected", selected != NULL &&
		    strcmp(selected, choices[i].value) == 0));
	return json_pack("{s:s, s:s, s:o}", "name", name, "label", label,
	    "options", options);
}

int
options_has(const json_t *options, const json_t *value)
{
	const json_t	*o;
	size_t		 i;

	json_array_foreach(options, i, o)
		if (json_equal(json_object_get(o, "value"), (json_t *)value))
			return 1;
	return 0;
}

json_t *
options_chosen(json_t *options, const json_t *chosen)
{
	json_t	*marked, *o, *copy;
	size_t	 i;

	if (options == NULL || chosen == NULL || json_is_null(chosen) ||
	    (json_is_integer(chosen) && json_integer_value(chosen) == 0) ||
	    !options_has(options, chosen))
		return json_incref(options);
	if ((marked = json_array()) == NULL)
		return NULL;
	json_array_foreach(options, i, o) {
		if (!json_equal(json_object_get(o, "value"), (json_t *)chosen)) {
			json_array_append(marked, o);
			continue;
		}
		if ((copy = json_copy(o)) == NULL ||
		    json_object_set_new(copy, "selected", json_true()) == -1 ||
		    json_array_append_new(marked, copy) == -1) {
			json_decref(marked);
			return NULL;
		}
	}
	return marked;
}
