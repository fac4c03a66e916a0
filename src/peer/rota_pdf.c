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
#include "../membership/membership.h"
#include "../people/people.h"
#include "../render/pdf.h"
#include "../render/print_words.h"
#include "../server/download_name.h"
#include "../server/language.h"
#include "../server/text_size.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/uk_time.h"
#include "../util/view.h"

static void
draw_day(struct pdf *pdf, struct print_words *w, const json_t *day)
{
	const json_t	*s, *g;
	size_t		 i;

	pdf_heading(pdf, view_str(day, "words"), 2);
	if (json_array_size(json_object_get(day, "shifts")) == 0)
		pdf_paragraph(pdf, print_say(w, N_("No shifts."), NULL));
	json_array_foreach(json_object_get(day, "shifts"), i, s)
		pdf_pair(pdf, view_str(s, "name"), print_say(w,
		    json_is_true(json_object_get(s, "overnight")) ?
		    N_("{from} to {to} (next day)") : N_("{from} to {to}"), s));
	json_array_foreach(json_object_get(day, "gaps"), i, g)
		pdf_pair(pdf, print_say(w, N_("GAP"), NULL), print_say(w,
		    N_("{from} to {to}: {what | t}"), g));
}

void
peer_rota_pdf(struct request *rq, struct response *rs)
{
	const char	*from = form_get(&rq->query, "from");
	char		 first[DATE_CHARS + 1];
	const char	*title;
	json_t		*site, *view, *unit, *day, *ctx;
	struct pdf	*pdf;
	struct print_words w;
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
	    language_words(rq->lang))) == NULL) {
		json_decref(site);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	print_words_init(&w, language_words(rq->lang), 0);
	title = print_say(&w, N_("Peer support rota: {name}"), site);
	pdf = print_pdf_new(&w, &rs->body, title, pdf_size_for(rq,
	    PDF_NORMAL));
	pdf_heading(pdf, title, 1);
	ctx = json_pack("{s:s}", "first", first);
	pdf_paragraph(pdf, print_say(&w, N_("Seven days from {first | day}. Times "
	    "are local (clock changes included). GAP marks hours without the "
	    "cover a place needs: tell the peer-support coordinator."), ctx));
	json_decref(ctx);
	json_array_foreach(json_object_get(view, "units"), i, unit) {
		pdf_heading(pdf, view_str(unit, "name"), 1);
		pdf_paragraph(pdf, print_say_n(&w, "Needs {needed} on duty "
		    "from {from} to {to}. Covered {hours_covered} of "
		    "{hours_needed} hour this week.", "Needs {needed} on duty "
		    "from {from} to {to}. Covered {hours_covered} of "
		    "{hours_needed} hours this week.", (unsigned long)
		    view_int(unit, "hours_needed"), unit));
		json_array_foreach(json_object_get(unit, "days"), j, day)
			draw_day(pdf, &w, day);
		pdf_page_break(pdf);
	}
	print_words_free(&w);
	json_decref(view);
	json_object_set_new(site, "from", json_string(first));
	/* TRANSLATORS: a file's name: letters, digits and hyphens,
	 * keeping {name}, the site's, and {from}, the first day (as
	 * 2026-12-07). */
	response_pdf(rq, rs, pdf, N_("peer-support-rota-{name}-from-{from}"),
	    site);
	json_decref(site);
}
