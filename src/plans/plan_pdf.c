/*
 * The printed plan: A4, plain words, normal or large print (?large=1,
 * every size 1.6 times larger), in the reader's language, and in easy
 * read (a picture beside each part) for a reader of it; for the person
 * to keep and to check it says what they meant.  Drawn from the same
 * view as the page (plan_view), so paper and screen cannot disagree.
 * Reading it is a plan read like the page: the person's own copy is not
 * audited, anyone else's is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plans.h"
#include "../auth/account.h"
#include "../limits.h"
#include "../render/pdf.h"
#include "../render/pictogram.h"
#include "../render/print_words.h"
#include "../server/download_name.h"
#include "../server/language.h"
#include "../server/text_size.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

/*
 * How the plan is being printed: in the reader's words (owned), and in
 * easy read (a picture beside each part, render/pictogram.c) or not.
 */
struct plan_print {
	struct print_words	 w;
	int			 easy;
	struct buf		 lines;	/* a part's lines, for easy read */
};

/* A part of the plan begins: on the standard paper its heading, its
 * lines drawn after it; in easy read the heading is kept, to go in bold
 * beside the part's picture above its lines (part_end). */
static void
part_begin(struct pdf *pdf, struct plan_print *pp, const char *msgid)
{
	buf_clear(&pp->lines);
	if (!pp->easy)
		pdf_heading(pdf, print_say(&pp->w, msgid, NULL), 2);
	else
		(void)buf_puts(&pp->lines, print_say(&pp->w, msgid, NULL));
}

/* One line of a part: a pair on the standard paper, a line under the
 * heading in easy read. */
static void
part_line(struct pdf *pdf, struct plan_print *pp, const char *label,
    const char *text)
{
	if (!pp->easy) {
		pdf_pair(pdf, label, text);
		return;
	}
	(void)buf_printf(&pp->lines, "\n%s%s%s", label != NULL && *label ?
	    label : "", label != NULL && *label ? ": " : "", text);
}

static void
part_end(struct pdf *pdf, struct plan_print *pp, const char *picture)
{
	const char	*nl;

	if (!pp->easy || pp->lines.data == NULL)
		return;
	/* The heading in bold beside the picture, the lines under it. */
	nl = strchr(pp->lines.data, '\n');
	if (nl != NULL)
		pp->lines.data[nl - pp->lines.data] = '\0';
	pdf_pictured(pdf, pictogram_draw, (void *)pictogram_find(picture,
	    strlen(picture)), pp->lines.data, nl != NULL ? nl + 1 : NULL);
}

static void
cards_draw(struct pdf *pdf, struct plan_print *pp, const char *picture,
    const char *heading, const json_t *cards)
{
	const json_t	*c;
	size_t		 i;

	part_begin(pdf, pp, heading);
	if (json_array_size(cards) == 0)
		part_line(pdf, pp, NULL, print_say(&pp->w,
		    N_("Not written yet."), NULL));
	json_array_foreach(cards, i, c) {
		part_line(pdf, pp, print_say(&pp->w, json_is_string(
		    json_object_get(c, "area_label")) ? view_str(c,
		    "area_label") : N_("My life"), NULL), view_str(c, "text"));
	}
	part_end(pdf, pp, picture);
}

static void
steps_draw(struct pdf *pdf, struct plan_print *pp, const json_t *steps)
{
	const json_t	*s;
	char		 n[24];
	size_t		 i;

	part_begin(pdf, pp, N_("Steps from orange to blue"));
	if (json_array_size(steps) == 0)
		part_line(pdf, pp, NULL, print_say(&pp->w,
		    N_("No steps yet."), NULL));
	json_array_foreach(steps, i, s) {
		snprintf(n, sizeof(n), "%zu", i + 1);
		part_line(pdf, pp, n, view_str(s, "text"));
	}
	part_end(pdf, pp, "next");
}

/* A wish's lines: what, who answers by when, the answer. */
static void
wishes_draw(struct pdf *pdf, struct plan_print *pp, const json_t *wishes)
{
	const json_t	*w;
	size_t		 i;

	part_begin(pdf, pp, N_("What I asked for"));
	if (json_array_size(wishes) == 0)
		part_line(pdf, pp, NULL, print_say(&pp->w,
		    N_("Nothing asked for yet."), NULL));
	json_array_foreach(wishes, i, w) {
		/* A request and its answer on one page: an answer alone at
		 * the top of a page does not say what it answers. */
		if (!pp->easy)
			pdf_keep_next(pdf, 25);
		part_line(pdf, pp, print_say(&pp->w, view_str(w,
		    "about_label"), NULL), view_str(w, "text"));
		part_line(pdf, pp, print_say(&pp->w, N_("Who answers"), NULL),
		    print_say(&pp->w, N_("{responder_name}, by "
		    "{due_on | date}"), w));
		part_line(pdf, pp, print_say(&pp->w, N_("Answer"), NULL),
		    json_is_string(json_object_get(w, "answer")) ?
		    print_say(&pp->w, N_("{answer_label | t}. {reason}"), w) :
		    print_say(&pp->w, N_("Not answered yet."), NULL));
		if (!pp->easy)
			pdf_space(pdf, 2);
	}
	part_end(pdf, pp, "said");
}

static void
release_draw(struct pdf *pdf, struct plan_print *pp, const json_t *release,
    const json_t *referrals)
{
	const json_t	*r;
	size_t		 i;

	if (release == NULL || json_is_null(release))
		return;
	part_begin(pdf, pp, N_("When I leave"));
	part_line(pdf, pp, print_say(&pp->w, N_("Leaving on"), NULL),
	    print_say(&pp->w, N_("{release_on | date}, to {to_site_name}"),
	    release));
	json_array_foreach(referrals, i, r) {
		if (!pp->easy)
			pdf_keep_next(pdf, 18);
		part_line(pdf, pp, print_say(&pp->w, view_str(r, "need_label"),
		    NULL), print_say(&pp->w, N_("{service_name} "
		    "({service_contact})"), r));
		if (json_is_string(json_object_get(r, "offered_on")))
			part_line(pdf, pp, print_say(&pp->w,
			    N_("First appointment"), NULL), print_say(&pp->w,
			    N_("{offered_on | date}"), r));
	}
	part_end(pdf, pp, "date");
}

static void
plan_print_draw(struct pdf *pdf, struct plan_print *pp, const json_t *view)
{
	const json_t	*person = json_object_get(view, "person");
	const json_t	*plan = json_object_get(view, "plan");
	const char	*answers[3];

	pdf_heading(pdf, print_say(&pp->w, N_("My plan"), NULL), 1);
	pdf_pair(pdf, print_say(&pp->w, N_("Name"), NULL), view_str(person,
	    "display_name"));
	if (plan != NULL && !json_is_null(plan))
		pdf_pair(pdf, print_say(&pp->w, N_("Made with"), NULL),
		    print_say(&pp->w, N_("{worker_name} "
		    "({worker_kind_label | t})"), plan));
	cards_draw(pdf, pp, "plan", N_("My blue life: the life I want"),
	    json_object_get(view, "blue"));
	cards_draw(pdf, pp, "person", N_("My orange life: the life I have now"),
	    json_object_get(view, "orange"));
	steps_draw(pdf, pp, json_object_get(view, "steps"));
	wishes_draw(pdf, pp, json_object_get(view, "wishes"));
	release_draw(pdf, pp, json_object_get(view, "release"),
	    json_object_get(view, "referrals"));
	/* The question, its tick boxes and its box on one page. */
	pdf_keep_next(pdf, 80);
	pdf_heading(pdf, print_say(&pp->w, N_("Is this right?"), NULL), 2);
	pdf_paragraph(pdf, print_say(&pp->w, N_("If this plan says what you "
	    "meant, tick yes. If not, tell your worker what to change."),
	    NULL));
	answers[0] = print_say(&pp->w, N_("Yes"), NULL);
	answers[1] = print_say(&pp->w, N_("No, it needs changing"), NULL);
	answers[2] = NULL;
	/* Under its heading: no label of its own to say it twice. */
	pdf_choices(pdf, NULL, answers);
	pdf_write_box(pdf, print_say(&pp->w, N_("What needs changing"), NULL),
	    30);
}

/* The PDF of person_id's plan for whoever may read it, named by name
 * (a file's name; {date}, the day it is printed). */
static void
plan_pdf_of(struct request *rq, struct response *rs, int64_t person_id,
    const char *name)
{
	enum plan_reader reader;
	struct plan_print pp;
	struct pdf	*pdf;
	json_t		*person, *view, *named;
	char		 today[DATE_CHARS + 1];

	if ((person = plan_open(rq, rs, person_id, "printed", &reader)) ==
	    NULL)
		return;
	date_today(rq->now, today);
	view = plan_view(rq->db, person, today);
	json_decref(person);
	if (view == NULL) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	/* In the reader's language; in easy read for a reader of it. */
	print_words_init(&pp.w, language_words(rq->lang), 0);
	pdf = print_pdf_new(&pp.w, &rs->body, print_say(&pp.w, N_("My plan"),
	    NULL), pdf_size_for(rq, PDF_NORMAL));
	pp.easy = rq->easy_read;
	buf_init(&pp.lines, DOCUMENT_BYTES_MAX);
	plan_print_draw(pdf, &pp, view);
	buf_release(&pp.lines);
	print_words_free(&pp.w);
	json_decref(view);
	named = json_pack("{s:s}", "date", today);
	response_pdf(rq, rs, pdf, name, named);
	json_decref(named);
}

void
plan_pdf(struct request *rq, struct response *rs)
{
	/* TRANSLATORS: a file's name: letters, digits and hyphens,
	 * keeping {date}, the day it is printed.  Never the person's name:
	 * a worker's downloads folder is no place for it. */
	plan_pdf_of(rq, rs, rq->ids[0], N_("plan-{date}"));
}

void
plan_pdf_mine(struct request *rq, struct response *rs)
{
	int64_t	 person = account_person(rq->db, rq->who.account_id);

	if (person == 0) {
		response_error(rs, 409, "You do not have a plan yet.");
		return;
	}
	/* TRANSLATORS: a file's name: letters, digits and hyphens. */
	plan_pdf_of(rq, rs, person, N_("my-plan"));
}
