/*
 * Good procedure, measured, and the paper archive groups keep: "are
 * minutes published and action points carried forward?"
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meetings.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../render/pdf.h"
#include "../server/form_page.h"
#include "../util/date.h"
#include "../util/view.h"

/* A share as a whole per cent, or null when there is nothing to share. */
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
	json_object_set_new(m, "title", json_string("How well the group runs"));
	json_object_set_new(m, "group", group);
	json_object_set_new(m, "days", json_integer(MINUTES_PUBLISHED_DAYS));
	response_view(rs, "meetings/measures", m);
}

void
archive_pdf(struct request *rq, struct response *rs)
{
	const char	*from = form_get(&rq->query, "from");
	const char	*to = form_get(&rq->query, "to");
	json_t		*group, *list, *row;
	struct pdf	*pdf;
	char		 title[NAME_MAX_CHARS * 4 + 64];
	size_t		 i;

	/* No period given: the whole history. */
	if (from == NULL)
		from = "1900-01-01";
	if (to == NULL)
		to = "2199-12-31";

	if (from == NULL || to == NULL || !date_valid(from) || !date_valid(to)) {
		response_error(rs, 422, "Give the period as from=YYYY-MM-DD and "
		    "to=YYYY-MM-DD.");
		return;
	}
	if (group_load(rq->db, rq->ids[0], &group) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	snprintf(title, sizeof(title), "%s: minutes %s to %s",
	    json_string_value(json_object_get(group, "name")), from, to);
	json_decref(group);
	list = archive_meetings(rq->db, rq->ids[0], from, to);
	if (rq->wants_json || rq->api) {
		response_view(rs, "error", json_pack("{s:s, s:o}", "title",
		    title, "meetings", list));
		return;
	}
	pdf = pdf_new(&rs->body, title, PDF_NORMAL);
	pdf_heading(pdf, title, 1);
	if (json_array_size(list) == 0)
		pdf_paragraph(pdf, "No minutes were published in this period.");
	json_array_foreach(list, i, row) {
		pdf_page_break(pdf);
		minutes_render(pdf, rq->db, view_int(row, "id"));
	}
	json_decref(list);
	if (pdf_finish(pdf) == -1) {
		response_error(rs, 500, "The archive could not be made.");
		return;
	}
	rs->status = 200;
	rs->content_type = strdup("application/pdf");
}
