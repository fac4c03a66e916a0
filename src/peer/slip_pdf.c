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
#include "../util/view.h"
#include "../voice/voice.h"

void
peer_slip_pdf(struct request *rq, struct response *rs)
{
	const char	*urgency[4], **places = NULL;
	json_t		*site, *units, *u;
	struct pdf	*pdf;
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
	for (i = 0; peer_urgencies[i].value != NULL && k < 3; i++)
		urgency[k++] = peer_urgencies[i].label;
	urgency[k] = NULL;
	pdf = pdf_new(&rs->body, "Ask for a peer supporter", PDF_LARGE);
	pdf_heading(pdf, "Ask for a peer supporter", 1);
	pdf_paragraphf(pdf, "%s. A trained peer supporter will come and see "
	    "you. Fill this in and give it to an officer or a peer supporter.",
	    view_str(site, "name"));
	pdf_choices(pdf, "Where you are", places);
	pdf_choices(pdf, "How urgent", urgency);
	pdf_write_box(pdf, "What about, in a word or two. Please do not write "
	    "names or numbers.", 25);
	pdf_paragraph(pdf, "If you are worried about your safety or someone "
	    "else's, tell an officer now.");
	free(places);
	json_decref(units);
	json_decref(site);
	membership_pdf_reply(rs, pdf);
}
