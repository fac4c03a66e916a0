/*
 * Paper, for people with no screen: A4 questionnaires in large type with
 * tick boxes numbered 1, 2, 3..., each copy with its own short reference,
 * and a keyboard-only entry screen laid out like the paper, where the
 * number beside each ticked box is typed.  With double entry, a copy
 * counts only once two entries of its reference agree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "surveys.h"
#include "../db/db.h"
#include "../limits.h"
#include "../render/pdf.h"
#include "../render/print_words.h"
#include "../server/language.h"
#include "../server/text_size.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/* "1 Hardly ever", "2 Some of the time"...: the numbers typed in, each
 * label in the language of words (NULL: as stored, for records' own
 * names such as sites'). */
static char **
numbered(const json_t *options, const struct catalogue *words)
{
	json_t	*o;
	char	**list;
	size_t	 i, n = json_array_size(options);

	if ((list = calloc(n + 1, sizeof(*list))) == NULL)
		return NULL;
	json_array_foreach(options, i, o)
		if (asprintf(&list[i], "%lld %s", (long long)view_int(o,
		    "number"), catalogue_get(words, survey_said_text(
		    json_object_get(o, "label")))) == -1)
			list[i] = NULL;
	return list;
}

static void
list_free(char **list)
{
	size_t	 i;

	for (i = 0; list != NULL && list[i] != NULL; i++)
		free(list[i]);
	free(list);
}

/*
 * One copy, its fixed words in the reader's language.  A published
 * instrument's questions and answers are shown in it too, as on the
 * form (| t); a group's own questions are printed as written.
 */
static void
copy_draw(struct pdf *pdf, struct print_words *w, const json_t *survey,
    const json_t *questions, const json_t *sites, const char *reference,
    const char *lang)
{
	json_t	*q, *skip, *ctx;
	char	**opts;
	const char *label;
	size_t	 i;

	pdf_pair(pdf, print_say(w, N_("Reference"), NULL), reference);
	pdf_heading(pdf, survey_word(survey, "title", lang), 1);
	pdf_paragraph(pdf, survey_word(survey, "intro", lang));
	pdf_paragraph(pdf, survey_word(survey, "consent", lang));
	pdf_rule(pdf);
	/* Organisation-wide: the site first, as on screen. */
	if (view_int(survey, "org_wide")) {
		opts = numbered(sites, NULL);
		pdf_choices(pdf, print_say(w, N_("Which site are you at?"),
		    NULL), (const char *const *)opts);
		list_free(opts);
	}
	json_array_foreach(questions, i, q) {
		if (json_is_true(json_object_get(q, "section_start")) &&
		    *survey_said_text(json_object_get(q, "section")) != '\0')
			pdf_heading(pdf, catalogue_get(w->words,
			    survey_said_text(json_object_get(q, "section"))), 2);
		ctx = json_pack("{s:I, s:s}", "n", (json_int_t)view_int(q,
		    "position"), "prompt", catalogue_get(w->words,
		    survey_said_text(json_object_get(q, "prompt"))));
		label = print_say(w, json_is_true(json_object_get(q,
		    "is_multiple")) ?
		    N_("{n}. {prompt} (tick all that apply)") :
		    N_("{n}. {prompt}"), ctx);
		json_decref(ctx);
		if (json_array_size(json_object_get(q, "options")) > 0) {
			opts = numbered(json_object_get(q, "options"),
			    w->words);
			pdf_choices(pdf, label, (const char *const *)opts);
			list_free(opts);
		} else
			pdf_write_box(pdf, label, json_is_true(json_object_get(q,
			    "is_text")) ? 30 : 12);
		if ((skip = json_object_get(q, "skip")) != NULL) {
			ctx = json_pack("{s:s, s:I}", "answer", catalogue_get(
			    w->words, survey_said_text(json_object_get(skip,
			    "answer"))), "to",
			    (json_int_t)view_int(skip, "to"));
			pdf_paragraph(pdf, print_say(w, N_("If you ticked "
			    "\"{answer}\", go on to question {to}."), ctx));
			json_decref(ctx);
		}
	}
	pdf_space(pdf, 4);
	pdf_paragraph(pdf, print_say(w, N_("Thank you. Please hand this back; "
	    "do not write your name on it."), NULL));
}

/* A query number from 1 to max, or fallback when absent or wrong. */
static int64_t
query_number(const struct request *rq, const char *name, int64_t max,
    int64_t fallback)
{
	int64_t	 n = form_get_id(&rq->query, name);

	return n >= 1 && n <= max ? n : fallback;
}

void
survey_paper_pdf(struct request *rq, struct response *rs)
{
	json_t	*s, *qs, *view, *sites, *numbers, *o;
	struct pdf *pdf;
	struct print_words w;
	size_t	 i;
	char	 ref[48];
	int64_t	 copies, from, c;

	if (survey_load(rq->db, rq->ids[0], &s) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	copies = query_number(rq, "copies", SURVEY_COPIES_MAX, 1);
	from = query_number(rq, "from", SURVEY_COPY_NUMBER_MAX - SURVEY_COPIES_MAX, 1);
	qs = survey_questions(rq->db, view_int(s, "version_id"));
	view = answer_form_view(qs, NULL, NULL, survey_reader_lang(rq));
	sites = survey_sites(rq->db);
	numbers = json_array();
	json_array_foreach(sites, i, o)
		json_array_append_new(numbers, json_pack("{s:I, s:O}", "number",
		    (json_int_t)i + 1, "label", json_object_get(o, "label")));
	print_words_init(&w, language_words(rq->lang), 0);
	pdf = print_pdf_new(&w, &rs->body, survey_word(s, "title",
	    survey_reader_lang(rq)),
	    pdf_size_for(rq, PDF_LARGE));
	for (c = from; c < from + copies; c++) {
		survey_reference(view_int(s, "id"), c, ref, sizeof(ref));
		copy_draw(pdf, &w, s, view, numbers, ref,
		    survey_reader_lang(rq));
		pdf_page_break(pdf);
	}
	print_words_free(&w);
	survey_attachment(rq, rs, pdf_finish(pdf), "application/pdf",
	    /* TRANSLATORS: a file's name: letters, digits and hyphens,
	     * keeping {title}, the survey's. */
	    N_("survey-{title}"), s, "pdf");
	json_decref(numbers);
	json_decref(sites);
	json_decref(view);
	json_decref(qs);
	json_decref(s);
}

static void
entry_show(struct response *rs, int status, json_t *s, json_t *qs,
    const json_t *typed, json_t *errors, const char *reference,
    json_t *pending, const char *state, json_t *places, const json_t *sites,
    int64_t site, const char *lang)
{
	json_t	*view;

	view = json_pack("{s:s, s:o, s:o, s:O, s:b, s:s, s:o, s:s?, s:o}",
	    "title", N_("Type in paper copies"), "questions",
	    answer_form_view(qs, typed, errors, lang), "pending", pending, "survey",
	    s, "has_errors", json_array_size(errors) > 0, "reference",
	    reference ? reference : "", "errors", errors, "state", state,
	    "places", places);
	site_question_view(view, s, sites, site, errors);
	answer_form_names_box(view, qs);
	response_page(rs, status, "surveys/paper_entry", view);
}

void
survey_paper_entry(struct request *rq, struct response *rs)
{
	json_t		*s, *qs, *answers = NULL, *typed = NULL, *errors;
	json_t		*places, *sites;
	const char	*ref = form_get(&rq->body, "reference"), *state = NULL;
	const char	*lang = survey_reader_lang(rq);
	int64_t		 site;
	int		 rc;

	if (survey_load(rq->db, rq->ids[0], &s) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	json_object_del(s, "token");	/* the link is for staff's page */
	qs = survey_questions(rq->db, view_int(s, "version_id"));
	places = survey_places(rq->db, view_int(s, "site_id"));
	sites = survey_sites(rq->db);
	errors = json_array();
	if (rq->method == HTTP_GET) {
		state = form_get(&rq->query, "state");
		entry_show(rs, 200, s, qs, NULL, errors, NULL,
		    paper_entries_pending(rq->db, rq->ids[0]), state &&
		    (strcmp(state, "counted") == 0 || strcmp(state, "waiting") ==
		    0 || strcmp(state, "disagree") == 0) ? state : NULL, places,
		    sites, 0, lang);
		goto out;
	}
	if (strcmp(view_str(s, "state"), "draft") == 0) {
		response_error(rs, 409, "Open the survey before typing in "
		    "paper copies.");
		json_decref(errors);
		json_decref(places);
		goto out;
	}
	if (survey_reference_valid(rq->ids[0], ref) == 0)
		form_error(errors, "reference", N_("Type the reference printed at "
		    "the top of the copy, like S3-12K"));
	site = response_site(s, sites, &rq->body, errors);
	answer_form_read(qs, &rq->body, 1, &answers, &typed, errors, lang);
	if (json_array_size(errors) == 0) {
		rc = paper_entry_add(rq->db, rq->who.account_id, s, ref,
		    survey_place_of(places, form_get_id(&rq->body, "place")),
		    site, answers, &state);
		if (rc == DB_OK) {
			response_redirect(rs, "/surveys/%lld/paper-entry?state=%s",
			    (long long)rq->ids[0], state);
			json_decref(errors);
			json_decref(places);
			goto out;
		}
		if (rc != DB_CONSTRAINT) {
			response_error(rs, 500, "Something went wrong.");
			json_decref(errors);
			json_decref(places);
			goto out;
		}
		form_error(errors, "reference", N_("That copy has already been "
		    "counted"));
	}
	entry_show(rs, 422, s, qs, typed, errors, ref, json_array(), NULL,
	    places, sites, site, lang);
out:
	json_decref(sites);
	json_decref(answers);
	json_decref(typed);
	json_decref(qs);
	json_decref(s);
}
