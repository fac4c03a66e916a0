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
#include "../server/download_name.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"
#include "../server/text_size.h"

/* The archive's title in the reader's words: the group and the period
 * asked for, or that it holds every published record. */
static const char *
archive_title(struct print_words *w, const json_t *group, const char *from,
    const char *to)
{
	json_t		*ctx;
	const char	*title;

	ctx = json_pack("{s:s, s:s?, s:s?}", "name", view_str(group, "name"),
	    "from", from, "to", to);
	title = print_say(w, from != NULL && to != NULL ?
	    N_("{name}: minutes {from | date} to {to | date}") :
	    from != NULL ? N_("{name}: minutes from {from | date}") :
	    to != NULL ? N_("{name}: minutes to {to | date}") :
	    N_("{name}: all published minutes and papers"), ctx);
	json_decref(ctx);
	return title;
}

/* A query's date, or NULL when it was left out (or left empty). */
static const char *
query_date(const struct request *rq, const char *name)
{
	const char	*s = form_get(&rq->query, name);

	return s != NULL && *s != '\0' ? s : NULL;
}

void
archive_pdf(struct request *rq, struct response *rs)
{
	const char		*from = query_date(rq, "from");
	const char		*to = query_date(rq, "to");
	json_t			*group, *list;
	struct print_words	 w;
	const char		*title;
	int			 rc, whole;

	if ((from != NULL && !date_valid(from)) ||
	    (to != NULL && !date_valid(to))) {
		response_error(rs, 422, "Give the period as from=YYYY-MM-DD and "
		    "to=YYYY-MM-DD.");
		return;
	}
	if (group_load(rq->db, rq->ids[0], &group) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	print_words_init(&w, language_words(rq->lang), 0);
	title = archive_title(&w, group, from, to);
	whole = from == NULL && to == NULL;
	/* No period given: the whole history. */
	if (from == NULL)
		from = "1900-01-01";
	if (to == NULL)
		to = "2199-12-31";
	list = archive_meetings(rq->db, rq->ids[0], from, to);
	if (rq->wants_json || rq->api) {
		response_view(rs, "error", json_pack("{s:s, s:o}", "title",
		    title, "meetings", list));
		print_words_free(&w);
		json_decref(group);
		return;
	}
	rc = archive_draw(rq->db, list, title, pdf_size_for(rq, PDF_NORMAL),
	    w.words, rq->app->config->archive_draw_s, &rs->body);
	json_decref(list);
	print_words_free(&w);
	if (rc == -1) {
		json_decref(group);
		buf_clear(&rs->body);
		response_error(rs, 500, "The archive could not be made. If it "
		    "covers many meetings, ask for a shorter period.");
		return;
	}
	json_object_set_new(group, "from", json_string(from));
	json_object_set_new(group, "to", json_string(to));
	response_file(rs, 0, "application/pdf", DOWNLOAD_SHOWN,
	    language_words(rq->lang), whole ?
	    /* TRANSLATORS: a file's name: letters, digits and hyphens,
	     * keeping {name}, the group's. */
	    N_("minutes-and-papers-{name}") :
	    /* TRANSLATORS: a file's name: letters, digits and hyphens,
	     * keeping {name}, the group's, and {from} and {to}, the
	     * period's first and last days (as 2026-04-01). */
	    N_("minutes-and-papers-{name}-{from}-to-{to}"), group, "pdf");
	json_decref(group);
}
