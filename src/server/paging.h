/*
 * One page of a list, the same way for every list (keyset paging).
 *
 * A list is read newest (or first) first, LIMIT paging_limit(): one row
 * more than the page, so whether there is a next page costs nothing and
 * no count is needed.  The query carries the cursor of the last row
 * shown, `?after=ID` or `?after=ID~KEY` when the list sorts by a key
 * before its id; the store binds after_id and after_key and keeps
 * `(key, id) < (after_key, after_id)` (or id < after_id), which an index
 * answers without reading the rows before it, however deep the page.
 *
 * paging_finish trims the extra row and adds to the view
 *   "paging": { "next": CURSOR, "next_href": "/path?...&after=CURSOR",
 *               "first_href": "/path?..." (on a later page) }
 * which templates/paging.html draws as "Newest" / "Older" links (no
 * script), and the JSON view carries as a `next` cursor.
 *
 * A page that shows two lists (/overdue) names each: the cursor then
 * applies to the list named by ?list=NAME, the other shows its first
 * page, and the view gets "NAME_paging" instead of "paging".
 *
 * struct paging owns after_key (paging_clear frees it); list is a
 * literal.
 */
#ifndef RT_PAGING_H
#define RT_PAGING_H

#include <jansson.h>
#include <stdint.h>

#include "fields.h"
#include "request.h"

struct paging {
	int64_t	 after_id;	/* the last row already shown; 0: first page */
	char	*after_key;	/* its sort key, owned; "" with none */
	int	 rows;		/* rows in a page: list_page_size, capped */
	const char *list;	/* which list of the page, or NULL */
};

/* Reads ?after from the request: 0, or -1 when it is not a cursor this
 * server made (answer 400 naming "after"; paging_clear is still safe). */
int	paging_init(struct paging *, const struct request *);
void	paging_clear(struct paging *);
/* The SQL LIMIT: one row more than a page. */
int	paging_limit(const struct paging *);
/*
 * The cursor to bind where a list keeps (key, id) > (?, ?) when it sorts
 * ascending, or < (?, ?) descending: the last row shown, or on the first
 * page a key and id that every row lies past: ("", 0) ascending; and
 * descending a key later than any ISO date or timestamp (the keys lists
 * sort newest first by) with the largest id.  The SQL then has no
 * "?N = 0 OR" before the comparison: SQLite cannot drop such an OR for a
 * bound value, so it walked its index from the start to reach a deep
 * page instead of seeking to it.  The key must be NOT NULL.
 */
const char *paging_seek_key(const struct paging *, int descending);
int64_t	 paging_seek_id(const struct paging *, int descending);
/* Trims rows (as read with paging_limit) to the page and sets "paging"
 * in view.  key names the rows' sort-key field, NULL when the list sorts
 * by "id" alone.  0, or -1 out of memory. */
int	paging_finish(const struct paging *, const struct request *,
	    json_t *view, json_t *rows, const char *key);
/* paging_init, answering 400 naming "after" when the cursor is bad:
 * 1 when it answered (the handler returns), else 0. */
int	paging_refused(struct paging *, const struct request *,
	    struct response *);
/* The same for the list called list of a page with several. */
int	paging_refused_list(struct paging *, const struct request *,
	    struct response *, const char *list);

/* A list's filter: the query value of name, or NULL when absent or
 * empty.  Borrowed from the request. */
const char *paging_filter(const struct request *, const char *name);
/* The filter's choices for templates/paging_filter.html: the view's
 * "filter" object {name, label, options: [{value, label, selected}]}
 * with an "All" option first.  choices ends with {NULL}.  New reference
 * or NULL. */
json_t	*paging_filter_view(const char *name, const char *label,
	    const struct choice *choices, const char *selected);

/*
 * A filter's options (value, label) with the chosen one marked "selected",
 * so the form shows what the list is filtered by.  options may be shared
 * (db_rows_shared) and is never changed: nothing chosen gives options
 * itself (a new reference), otherwise a new array that shares every
 * option but the chosen one.  NULL when options is NULL.
 */
json_t	*options_chosen(json_t *options, const json_t *chosen);

/* Whether value is one of options' values. */
int	 options_has(const json_t *options, const json_t *value);

#endif
