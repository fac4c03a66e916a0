/*
 * A proposal's letter in easy read: what the easy-read proposal page
 * says, on paper, a picture beside each key point (the same pictures,
 * the same sentences, through proposal_answer), so a member who reads
 * easy read can print what they read.  The standard letter is the one a
 * decision maker answers on; this one has no form to fill in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proposals.h"
#include "../limits.h"
#include "../render/pdf.h"
#include "../render/print_words.h"
#include "../util/buf.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/* "What we are asking for": each option on a line of its own. */
static void
letter_options(struct pdf *pdf, struct print_words *w,
    const json_t *options)
{
	const json_t	*o;
	struct buf	 text;
	size_t		 i;

	buf_init(&text, DOCUMENT_BYTES_MAX);
	json_array_foreach(options, i, o)
		(void)buf_printf(&text, "%s- %s", i ? "\n" : "", view_str(o,
		    "text"));
	outcome_point(pdf, "write", print_say(w, N_("What we are asking "
	    "for:"), NULL), text.data != NULL ? text.data : "");
	buf_release(&text);
}

void
letter_easy_draw(struct pdf *pdf, struct print_words *w, json_t *p,
    const json_t *options, const json_t *responses, const char *today,
    const char *questions)
{
	int		 state = proposal_state_parse(view_str(p, "state"));
	const json_t	*r, *a;
	size_t		 i;

	pdf_heading(pdf, view_str(p, "title"), 1);
	outcome_point(pdf, "said", print_say(w, N_("The problem:"), NULL),
	    view_str(p, "problem"));
	letter_options(pdf, w, options);
	if (state >= 0) {
		state = proposal_state_on((enum proposal_state)state,
		    view_text(p, "deferred_until"), today);
		json_object_set_new(p, "answer", proposal_answer(state, p,
		    today));
		a = json_object_get(p, "answer");
		if (view_text(a, "said") != NULL)
			outcome_point(pdf, view_str(a, "picture"), print_say(w,
			    view_str(a, "said"), p), view_text(a, "more") ?
			    print_say(w, view_str(a, "more"), p) : "");
	}
	json_array_foreach(responses, i, r)
		if (view_text(r, "reason") != NULL)
			outcome_point(pdf, "paper", print_say(w, N_("Why:"),
			    NULL), view_str(r, "reason"));
	outcome_point(pdf, "next", print_say(w, questions, NULL), "");
}
