/*
 * A group's archive: every set of minutes published in a period, each
 * followed by its papers, as one printable PDF (groups keep paper
 * archives).  PDF and image papers are drawn page by page; Word and
 * OpenDocument papers get a page naming them (render/pdf_embed.h).  The
 * drawing happens in a confined child (archive_draw.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meetings.h"
#include "../config.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../server/form_page.h"
#include "../util/date.h"
#include "../util/view.h"
#include "../server/text_size.h"

void
archive_pdf(struct request *rq, struct response *rs)
{
	const char		*from = form_get(&rq->query, "from");
	const char		*to = form_get(&rq->query, "to");
	json_t			*group, *list;
	char			 title[NAME_MAX_CHARS * 4 + 64];
	int			 rc;

	/* No period given: the whole history. */
	if (from == NULL)
		from = "1900-01-01";
	if (to == NULL)
		to = "2199-12-31";
	if (!date_valid(from) || !date_valid(to)) {
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
	rc = archive_draw(rq->db, list, title, pdf_size_for(rq, PDF_NORMAL),
	    rq->app->config->archive_draw_s, &rs->body);
	json_decref(list);
	if (rc == -1) {
		buf_clear(&rs->body);
		response_error(rs, 500, "The archive could not be made. If it "
		    "covers many meetings, ask for a shorter period.");
		return;
	}
	rs->status = 200;
	rs->content_type = strdup("application/pdf");
}
