/*
 * A group's archive: every set of minutes published in a period, each
 * followed by its papers, as one printable PDF (groups keep paper
 * archives).  PDF and image papers are drawn page by page; Word and
 * OpenDocument papers get a page naming them (render/pdf_embed.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meetings.h"
#include "../config.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../render/pdf.h"
#include "../render/pdf_embed.h"
#include "../server/form_page.h"
#include "../util/date.h"
#include "../util/view.h"
#include "../server/text_size.h"

/* Whether a paper of len bytes, drawn, should still leave the document
 * within ARCHIVE_FULL_PERCENT of the response's ceiling. */
static int
room_for(const struct buf *out, size_t len)
{
	size_t	 limit = out->max / 100 * ARCHIVE_FULL_PERCENT;

	return out->len < limit &&
	    len <= (limit - out->len) / ARCHIVE_PAPER_GROWTH;
}

/*
 * Draws each paper of the meeting after its minutes.  Once the budget is
 * spent, or a paper would take the document near the response's
 * ceiling, papers get a note instead, so a big archive still comes out,
 * whole, rather than failing at the end.  0, or -1 when a paper could
 * not be read from the database.
 */
static int
papers_draw(struct pdf *pdf, struct request *rq, const struct buf *out,
    int64_t meeting_id, struct embed_budget *budget)
{
	struct embed_budget	 none = { 0, 0, 0 };
	struct embed_paper	 p;
	struct buf		 data;
	json_t			*papers, *row;
	char			*mime, *ext, download[48];
	size_t			 i;
	int			 rc = 0;

	papers = paper_list(rq->db, meeting_id);
	json_array_foreach(papers, i, row) {
		buf_init(&data, SIZE_MAX / 2);
		if (paper_read(rq->db, view_int(row, "id"), &data, &mime,
		    &ext) <= 0) {
			rc = -1;
		} else {
			snprintf(download, sizeof(download), "/papers/%lld",
			    (long long)view_int(row, "id"));
			p.data = (const unsigned char *)data.data;
			p.len = data.len;
			p.mime = mime;
			p.title = view_str(row, "title");
			p.circulated_on = view_str(row, "circulated_on");
			p.download = download;
			pdf_embed_paper(pdf, &p, room_for(out, data.len) ?
			    budget : &none);
		}
		free(mime);
		free(ext);
		buf_release(&data);
		if (rc == -1)
			break;
	}
	json_decref(papers);
	return rc;
}

void
archive_pdf(struct request *rq, struct response *rs)
{
	struct embed_budget	 budget;
	const char		*from = form_get(&rq->query, "from");
	const char		*to = form_get(&rq->query, "to");
	json_t			*group, *list, *row;
	struct pdf		*pdf;
	char			 title[NAME_MAX_CHARS * 4 + 64];
	size_t			 i;
	int			 rc = 0;

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
	embed_budget_init(&budget, ARCHIVE_PAGES_MAX, ARCHIVE_PAPER_BYTES_MAX,
	    ARCHIVE_DRAW_SECONDS);
	pdf = pdf_new(&rs->body, title, pdf_size_for(rq, PDF_NORMAL));
	pdf_heading(pdf, title, 1);
	if (json_array_size(list) == 0)
		pdf_paragraph(pdf, "No minutes were published in this period.");
	json_array_foreach(list, i, row) {
		pdf_page_break(pdf);
		minutes_render(pdf, rq->db, view_int(row, "id"));
		if (rc == 0)
			rc = papers_draw(pdf, rq, &rs->body, view_int(row, "id"),
			    &budget);
	}
	json_decref(list);
	if (pdf_finish(pdf) == -1 || rc == -1) {
		buf_clear(&rs->body);
		response_error(rs, 500, "The archive could not be made. If it "
		    "covers many meetings, ask for a shorter period.");
		return;
	}
	rs->status = 200;
	rs->content_type = strdup("application/pdf");
}
