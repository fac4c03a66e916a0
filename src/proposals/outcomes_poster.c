/*
 * "You said, we did" as a poster for the wing notice board: one sheet,
 * the latest outcomes that fit on it.
 *
 * Two designs.  The standard one, in English: each outcome's "you said",
 * "we did" and dates.  The easy-read one, for a reader in easy read or in
 * Welsh: a picture beside each key point (render/pictogram.c) and the
 * short sentences of the easy-read page (proposal_answer), so the paper
 * says what the page says.  In a language other than English every
 * sentence the program writes is printed in it and, below, in English:
 * a notice on a wall in Wales is read in both, Welsh first (the Welsh
 * Language Standards).  What members wrote is printed once, as written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proposals.h"
#include "../limits.h"
#include "../render/pdf.h"
#include "../render/pictogram.h"
#include "../render/print_words.h"
#include "../render/template.h"
#include "../server/form_page.h"
#include "../server/download_name.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/*
 * What a poster is drawn from.  view is borrowed from the handler; the
 * words (owned) say each sentence in the reader's language and English.
 */
struct poster {
	const json_t		*view;
	int			 easy;	/* the easy-read design */
	struct print_words	 words;
};

void
outcome_point(struct pdf *pdf, const char *picture, const char *key,
    const char *text)
{
	const struct pictogram	*p = pictogram_find(picture, strlen(picture));

	pdf_pictured(pdf, pictogram_draw, (void *)p, key, text);
}

/* Appends msgid said (with ctx) to b, a line of its own after the first. */
static void
say_line(struct poster *ps, struct buf *b, const char *msgid,
    const json_t *ctx)
{
	if (b->len > 0)
		(void)buf_putc(b, '\n');
	(void)buf_puts(b, print_say(&ps->words, msgid, ctx));
}

/*
 * An outcome in easy read, in three key points so that a sheet holds
 * more than one: what was said; the answer, with why and when under it;
 * what is being done.
 */
static void
easy_outcome(struct pdf *pdf, struct poster *ps, const json_t *row)
{
	const json_t	*a = json_object_get(row, "answer");
	struct buf	 text;
	const char	*key;

	pdf_heading(pdf, view_str(row, "title"), 2);
	outcome_point(pdf, "said", print_say(&ps->words, N_("You said:"), row),
	    view_str(row, "problem"));
	key = print_say(&ps->words, view_str(a, "said"), row);
	buf_init(&text, DOCUMENT_BYTES_MAX);
	if (view_text(a, "more") != NULL)
		say_line(ps, &text, view_str(a, "more"), row);
	if (view_text(row, "reason") != NULL) {
		/* The label in each language first, then what was written,
		 * once and on its own line. */
		say_line(ps, &text, N_("Why:"), row);
		(void)buf_printf(&text, "%s%s", ps->words.both &&
		    ps->words.words != NULL ? "\n" : " ", view_str(row,
		    "reason"));
	}
	say_line(ps, &text, view_text(row, "responded_on") != NULL ?
	    N_("We sent it on {sent_on | date}. The answer came on "
	    "{responded_on | date}.") : N_("We sent it on {sent_on | date}."),
	    row);
	outcome_point(pdf, view_str(a, "picture"), key, text.data);
	buf_release(&text);
	if (view_text(row, "doing") != NULL)
		outcome_point(pdf, "doing", print_say(&ps->words,
		    N_("What we are doing:"), row), view_str(row, "doing"));
	pdf_rule(pdf);
}

/* The first n of total outcomes and, with more, how many more there
 * are. */
static void
poster_draw(struct pdf *pdf, struct poster *ps, size_t n, size_t total,
    int more)
{
	const json_t	*row;
	size_t		 i;

	pdf_heading(pdf, ps->easy ? print_say(&ps->words,
	    N_("You said, we did: {place}"), ps->view) : view_str(ps->view,
	    "title"), 1);
	json_array_foreach(json_object_get(ps->view, "outcomes"), i, row) {
		if (i == n)
			break;
		if (ps->easy) {
			easy_outcome(pdf, ps, row);
			continue;
		}
		pdf_heading(pdf, view_str(row, "title"), 2);
		pdf_pair(pdf, "You said", view_str(row, "problem"));
		pdf_pair(pdf, "We did", view_str(row, "we_did"));
		pdf_pair(pdf, "When", view_str(row, "when"));
		pdf_rule(pdf);
	}
	if (total == 0)
		pdf_paragraph(pdf, ps->easy ? print_say(&ps->words,
		    N_("Nothing has been sent yet."), ps->view) :
		    "Nothing has been sent on yet.");
	else if (more && n < total) {
		json_t	*left = json_pack("{s:I}", "n", (json_int_t)(total - n));

		pdf_paragraph(pdf, print_say(&ps->words, N_("{n} more: ask "
		    "your rep, or see \"You said, we did\" on the group's "
		    "page."), left));
		json_decref(left);
	}
}

/* Does the poster drawn so fit on one sheet?  A trial drawing. */
static int
poster_fits(struct poster *ps, const char *title, size_t n, size_t total,
    int more)
{
	struct buf	 trial;
	struct pdf	*pdf;
	int		 pages;

	buf_init(&trial, DOCUMENT_BYTES_MAX);
	pdf = print_pdf_new(&ps->words, &trial, title, PDF_LARGE);
	poster_draw(pdf, ps, n, total, more);
	pages = pdf_page_number(pdf);
	(void)pdf_finish(pdf);
	buf_release(&trial);
	return pages == 1;
}

/*
 * A poster is one sheet for a notice board: the most outcomes (newest
 * first) that fit on one page with the line saying how many more there
 * are, found by drawing trials, at least one; so no outcome is left off
 * without saying so.  Counting lines instead would have to repeat how
 * pdf.c wraps text.
 */
static size_t
poster_fit(struct poster *ps, const char *title, size_t total, int *more)
{
	size_t	 n;

	for (n = total; n > 1 && !poster_fits(ps, title, n, total, n < total);
	    n--)
		;
	*more = n < total;
	return n;
}

void
outcomes_poster(struct request *rq, struct response *rs)
{
	struct poster	 ps;
	json_t		*view;
	struct pdf	*pdf;
	struct buf	 title;
	const char	*name;
	size_t		 total, n;
	int		 more;

	/* The poster shows the latest POSTER_ITEMS_MAX at most: the first
	 * page of the list, and of those what fits on one sheet. */
	if (!outcomes_of(rq, rs, 0, &view))
		return;
	if (view == NULL || rq->wants_json || rq->api) {
		response_view(rs, "error", view);
		return;
	}
	ps.view = view;
	print_words_init(&ps.words, language_words(rq->lang), 1);
	ps.easy = rq->easy_read || ps.words.words != NULL;
	/* Its title and footer in the reader's language alone. */
	buf_init(&title, NAME_MAX_CHARS * 8);
	(void)template_words(N_("You said, we did: {place}"), view,
	    ps.words.words, &title);
	total = json_array_size(json_object_get(view, "outcomes"));
	if (total > POSTER_ITEMS_MAX)
		total = POSTER_ITEMS_MAX;
	name = title.data != NULL ? title.data : "";
	pdf = print_pdf_new(&ps.words, &rs->body, name, PDF_LARGE);
	n = poster_fit(&ps, name, total, &more);
	poster_draw(pdf, &ps, n, total, more);
	buf_release(&title);
	print_words_free(&ps.words);
	/* TRANSLATORS: a file's name: letters, digits and hyphens,
	 * keeping {place}, the group's name. */
	response_pdf(rq, rs, pdf, N_("you-said-we-did-{place}"), view);
	json_decref(view);
}
