/*
 * The rota printed for the wing office: a week, unit by unit and day by
 * day, who is on when and, marked GAP, the hours without the cover the
 * unit needs, so the office can see them before they come.  Drawn from
 * the same view as the page (peer_rota_view).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peer.h"
#include "../server/language.h"
#include "../membership/membership.h"
#include "../people/people.h"
#include "../render/pdf.h"
#include "../server/text_size.h"
#include "../util/uk_time.h"
#include "../util/view.h"

static void
draw_day(struct pdf *pdf, const json_t *day)
{
	const json_t	*s, *g;
	size_t		 i;

	pdf_heading(pdf, view_str(day, "words"), 2);
	if (json_array_size(json_object_get(day, "shifts")) == 0)
		pdf_paragraph(pdf, "No shifts.");
	json_array_foreach(json_object_get(day, "shifts"), i, s)
		pdf_pairf(pdf, view_str(s, "name"), "%s to %s%s",
		    view_str(s, "from"), view_str(s, "to"),
		    json_is_true(json_object_get(s, "overnight")) ?
		    " (next day)" : "");
	json_array_foreach(json_object_get(day, "gaps"), i, g)
		pdf_pairf(pdf, "GAP", "%s to %s: %s", view_str(g, "from"),
		    view_str(g, "to"), view_str(g, "what"));
}

void
peer_rota_pdf(struct request *rq, struct response *rs)
{
	const char	*from = form_get(&rq->query, "from");
	char		 first[DATE_CHARS + 1], words[48], *title = NULL;
	json_t		*site, *view, *unit, *day;
	struct pdf	*pdf;
	size_t		 i, j;
	int		 minutes;

	if (site_load(rq->db, rq->ids[0], &site) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	if (from != NULL && date_valid(from))
		snprintf(first, sizeof(first), "%s", from);
	else
		uk_local((int64_t)rq->now, first, &minutes);
	if ((view = peer_rota_view(rq->db, rq->ids[0], first,
	    language_words(rq->lang))) == NULL ||
	    asprintf(&title, "Peer support rota: %s", view_str(site, "name"))
	    == -1) {
		json_decref(view);
		json_decref(site);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	pdf = pdf_new(&rs->body, title, pdf_size_for(rq, PDF_NORMAL));
	pdf_heading(pdf, title, 1);
	uk_day_words(first, NULL, words, sizeof(words));
	pdf_paragraphf(pdf, "Seven days from %s. Times are local (clock "
	    "changes included). GAP marks hours without the cover a place "
	    "needs: tell the peer-support coordinator.", words);
	json_array_foreach(json_object_get(view, "units"), i, unit) {
		pdf_heading(pdf, view_str(unit, "name"), 1);
		pdf_paragraphf(pdf, "Needs %lld on duty from %s to %s. "
		    "Covered %lld of %lld hours this week.",
		    (long long)view_int(unit, "needed"), view_str(unit, "from"),
		    view_str(unit, "to"),
		    (long long)view_int(unit, "hours_covered"),
		    (long long)view_int(unit, "hours_needed"));
		json_array_foreach(json_object_get(unit, "days"), j, day)
			draw_day(pdf, day);
		pdf_page_break(pdf);
	}
	free(title);
	json_decref(view);
	json_decref(site);
	membership_pdf_reply(rs, pdf);
}
