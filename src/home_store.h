/*
 * What matters now to someone taking part, for their home page: the next
 * meetings of their groups and their papers, draft proposals their group
 * has still to decide, answers received lately, surveys open and
 * elections under way or lately over.  Every list is filtered in SQL to the reader's scopes
 * and bounded by HOME_ITEMS_MAX; each returns a new array (empty on an
 * error, so the home page still shows).
 */
#ifndef RT_HOME_STORE_H
#define RT_HOME_STORE_H

#include <jansson.h>

#include "auth/roles.h"

struct db;

json_t	*home_next_meetings(struct db *, const struct scope_filter *,
	    const char *today);
json_t	*home_proposals_to_decide(struct db *, const struct scope_filter *);
json_t	*home_answers_received(struct db *, const struct scope_filter *,
	    const char *today);
json_t	*home_surveys_open(struct db *, const struct scope_filter *);
json_t	*home_elections_open(struct db *, const struct scope_filter *,
	    const char *today);
/* The reader's first group (by id), or 0 when they reach none. */
/* {waiting, overdue}: the proposals awaiting this decision maker's
 * answer today, and those past their due date; NULL on error. */
json_t	*home_decisions_waiting(struct db *, int64_t decision_maker,
	    const char *today);
int64_t	 home_first_group(struct db *, const struct scope_filter *);

#endif
