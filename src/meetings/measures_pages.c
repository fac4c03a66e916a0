/*
 * Good procedure, measured: "are minutes published and action points
 * carried forward?"
 */
#include <stdlib.h>
#include <string.h>

#include "meetings.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

/* A share as a whole per cent, or null when there is nothing to share.
 * The page shows it under its whole, not under itself: 0% is a share
 * to show, which a section on the share would hide. */
static json_t *
percent(int64_t part, int64_t whole)
{
	return whole > 0 ? json_integer(part * 100 / whole) : json_null();
}

void
measures_page(struct request *rq, struct response *rs)
{
	json_t	*group, *m, *row;
	char	 today[DATE_CHARS + 1];
	size_t	 i;

	if (group_load(rq->db, rq->ids[0], &group) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	date_today(rq->now, today);
	if ((m = meeting_measures(rq->db, rq->ids[0], today)) == NULL) {
		json_decref(group);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	row = json_object_get(m, "minutes");
	json_object_set_new(row, "published_soon_percent", percent(view_int(row,
	    "published_soon"), view_int(row, "held")));
	json_object_set_new(row, "invited_came_percent", percent(view_int(row,
	    "invited_came"), view_int(row, "invited")));
	row = json_object_get(m, "actions");
	json_object_set_new(row, "on_time_percent", percent(view_int(row,
	    "closed_on_time"), view_int(row, "closed")));
	json_array_foreach(json_object_get(m, "attendance"), i, row)
		json_object_set_new(row, "rate_percent", percent(view_int(row,
		    "present"), view_int(row, "recorded")));
	json_object_set_new(m, "title", json_string(N_("How well the group runs")));
	json_object_set_new(m, "group", group);
	json_object_set_new(m, "days", json_integer(MINUTES_PUBLISHED_DAYS));
	response_view(rs, "meetings/measures", m);
}
