/*
 * The paper slip for asking for a peer supporter, printed for a wing: the
 * person ticks where they are and how urgent, writes a word on what about
 * (no names), and hands it to an officer or a supporter, who types it in
 * as asked "on a paper slip".  The boxes are the request form's choices,
 * so the slip and the form cannot disagree.
 */
#include <stdlib.h>

#include "peer.h"
#include "../membership/membership.h"
#include "../people/people.h"
#include "../render/pdf.h"
#include "../render/print_words.h"
#include "../server/download_name.h"
#include "../server/language.h"
#include "../server/text_size.h"
#include "../util/catalogue.h"
#include "../util/view.h"
#include "../voice/voice.h"

void
peer_slip_pdf(struct request *rq, struct response *rs)
{
	const char	*urgency[4], **places = NULL;
	json_t		*site, *units, *u;
	struct pdf	*pdf;
	struct print_words w;
	size_t		 i, k = 0;

	if (site_load(rq->db, rq->ids[0], &site) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	units = unit_options_at(rq->db, rq->ids[0]);
	if (units == NULL || (places = calloc(json_array_size(units) + 1,
	    sizeof(*places))) == NULL) {
		json_decref(units);
		json_decref(site);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	json_array_foreach(units, i, u)
		places[i] = view_str(u, "label");
	print_words_init(&w, language_words(rq->lang), 0);
	/* Filled in by the person about themselves: in their words. */
	for (i = 0; peer_urgencies_own[i].value != NULL && k < 3; i++)
		urgency[k++] = print_say(&w, peer_urgencies_own[i].label, NULL);
	urgency[k] = NULL;
	/* Large for everyone: it is read on a wing, often in poor light. */
	pdf = print_pdf_new(&w, &rs->body, print_say(&w, N_("Ask for a peer "
	    "supporter"), NULL), pdf_size_for(rq, PDF_LARGE));
	pdf_heading(pdf, print_say(&w, N_("Ask for a peer supporter"), NULL),
	    1);
	pdf_paragraph(pdf, print_say(&w, N_("{name}. A trained peer supporter "
	    "will come and see you. Fill this in and give it to an officer or "
	    "a peer supporter."), site));
	pdf_choices(pdf, print_say(&w, N_("Where you are"), NULL), places);
	pdf_choices(pdf, print_say(&w, N_("How urgent"), NULL), urgency);
	pdf_write_box(pdf, print_say(&w, N_("What about, in a word or two. "
	    "Please do not write names or numbers."), NULL), 25);
	pdf_paragraph(pdf, print_say(&w, N_("If you are worried about your "
	    "safety or someone else's, tell an officer now."), NULL));
	print_words_free(&w);
	free(places);
	json_decref(units);
	/* TRANSLATORS: a file's name: letters, digits and hyphens,
	 * keeping {name}, the site's. */
	response_pdf(rq, rs, pdf, N_("peer-support-slip-{name}"), site);
	json_decref(site);
}
