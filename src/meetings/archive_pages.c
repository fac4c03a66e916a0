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
#include "../render/print_words.h"
#include "../server/form_page.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"
#include "../server/text_size.h"

void
archive_pdf(struct request *rq, struct response *rs)
{
	const char		*from = form_get(&rq->query, "from");
	const char		*to = form_get(&rq->query, "to");
	json_t			*group, *list, *ctx;
	struct print_words	 w;
	const char		*title;
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
	print_words_init(&w, language_words(rq->lang), 0);
	ctx = json_pack("{s:s, s:s, s:s}", "name", view_str(group, "name"),
	    "from", from, "to", to);
	title = print_say(&w, N_("{name}: minutes {from | date} to "
	    "{to | date}"), ctx);
	json_decref(ctx);
	json_decref(group);
	list = archive_meetings(rq->db, rq->ids[0], from, to);
	if (rq->wants_json || rq->api) {
		response_view(rs, "error", json_pack("{s:s, s:o}", "title",
		    title, "meetings", list));
		print_words_free(&w);
		return;
	}
	rc = archive_draw(rq->db, list, title, pdf_size_for(rq, PDF_NORMAL),
	    w.words, rq->app->config->archive_draw_s, &rs->body);
	json_decref(list);
	print_words_free(&w);
	if (rc == -1) {
		buf_clear(&rs->body);
		response_error(rs, 500, "The archive could not be made. If it "
		    "covers many meetings, ask for a shorter period.");
		return;
	}
	rs->status = 200;
	rs->content_type = strdup("application/pdf");
}
