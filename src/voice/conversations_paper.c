/*
 * Paper first: the printable A4 log sheet, and the batch page for typing
 * a pile of filled-in sheets quickly.  Each batch row is the log form's
 * core under names "rN_field"; rows left blank are skipped, and either
 * every row is saved or none is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "voice.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../render/pdf.h"
#include "../render/print_words.h"
#include "../render/template.h"
#include "../server/download_name.h"
#include "../server/language.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"
#include "../server/text_size.h"

#define ROW_NAME_MAX	32

#define ROW_FIELDS_MAX	16

/* One row's field table, its names made per row.  Owned by the caller
 * (on the stack); names point into names[]. */
struct batch_row {
	struct field_spec	 specs[ROW_FIELDS_MAX];
	char			 names[ROW_FIELDS_MAX][ROW_NAME_MAX];
};

static void
batch_row_init(struct batch_row *r, int number)
{
	size_t	 i;

	for (i = 0; i < batch_row_fields_count && i < ROW_FIELDS_MAX; i++) {
		r->specs[i] = batch_row_fields[i];
		snprintf(r->names[i], ROW_NAME_MAX, "r%d_%s", number,
		    batch_row_fields[i].name);
		r->specs[i].name = r->names[i];
	}
}

/* Is every field of the row empty in the form (a sheet not used)? */
static int
batch_row_blank(const struct batch_row *r, const struct form *form)
{
	const char	*v;
	size_t		 i;

	for (i = 0; i < batch_row_fields_count; i++) {
		v = form_get(form, r->specs[i].name);
		if (v != NULL && v[strspn(v, " \t\r\n")] != '\0')
			return 0;
	}
	return 1;
}

/* The row's values under their plain names, for the store. */
static json_t *
batch_row_values(const struct batch_row *r, const json_t *values)
{
	json_t	*plain = json_object();
	size_t	 i;

	for (i = 0; i < batch_row_fields_count; i++)
		json_object_set(plain, batch_row_fields[i].name,
		    json_object_get(values, r->specs[i].name));
	return plain;
}

/* Each row's lists are the same lists under the row's names. */
static json_t *
batch_options(struct request *rq)
{
	struct scope_filter	 f;
	json_t			*o, *units, *topics, *services, *reps;
	char			 name[ROW_NAME_MAX];
	int			 n;

	if (access_filter(&rq->who, VOICE_LOGGERS, 1, &f) == -1)
		return NULL;
	units = unit_options(rq->db, &f);
	topics = topic_options(rq->db, &f, language_words(rq->lang));
	services = service_options(rq->db, &f);
	reps = rep_options(rq->db, &f);
	o = json_pack("{s:o}", "site_id", site_options(rq->db, &f));
	for (n = 1; o != NULL && n <= BATCH_ROWS; n++) {
		snprintf(name, sizeof(name), "r%d_unit_id", n);
		json_object_set(o, name, units);
		snprintf(name, sizeof(name), "r%d_topic_ids", n);
		json_object_set(o, name, topics);
		snprintf(name, sizeof(name), "r%d_author_id", n);
		json_object_set(o, name, reps);
		snprintf(name, sizeof(name), "r%d_service_id", n);
		json_object_set(o, name, services);
	}
	json_decref(units);
	json_decref(topics);
	json_decref(services);
	json_decref(reps);
	scope_filter_clear(&f);
	return o;
}

static void
errors_prefix(json_t *errors, size_t from, int number)
{
	json_t		*e, *words;
	const char	*said;
	size_t		 i;

	for (i = from; i < json_array_size(errors); i++) {
		e = json_array_get(errors, i);
		/* The page says it in its reader's words: the sheet, then
		 * the row's own message filled with its own values. */
		if ((said = json_string_value(json_object_get(e, "msgid"))) ==
		    NULL)
			said = json_string_value(json_object_get(e, "message"));
		words = json_is_object(json_object_get(e, "words")) ?
		    json_deep_copy(json_object_get(e, "words")) : json_object();
		json_object_set_new(words, "sheet", json_integer(number));
		json_object_set_new(words, "said", json_string(said));
		json_object_set_new(e, "msgid", json_string(N_("Sheet {sheet}: "
		    "{said | words}")));
		json_object_set_new(e, "words", words);
		/* The JSON's message: the same sentence, in English. */
		(void)template_words_set(e, "message", json_string_value(
		    json_object_get(e, "msgid")), words, NULL,
		    FORM_ERROR_CHARS_MAX);
	}
}

/* Validates and, when every row is right, saves them all.  Returns the
 * number saved, 0 when there are errors (in errors), -1 on failure. */
static int
batch_save(struct request *rq, const json_t *options, json_t *site,
    json_t *values, json_t *errors)
{
	struct batch_row row;
	json_t		*rv, *re, *plain;
	char		 today[DATE_CHARS + 1];
	size_t		 before;
	int64_t		 id;
	int		 n, saved = 0, rc;

	date_today(rq->now, today);
	for (n = 1; n <= BATCH_ROWS; n++) {
		batch_row_init(&row, n);
		if (batch_row_blank(&row, &rq->body))
			continue;
		if (fields_validate(row.specs, batch_row_fields_count,
		    &rq->body, options, &rv, &re) == -1)
			return -1;
		fields_dates_check(row.specs, batch_row_fields_count, rv, NULL,
		    today, re);
		json_object_update(values, rv);
		plain = batch_row_values(&row, rv);
		json_object_set(plain, "site_id", site);
		/* The sheet's follow-up is its writer's, as on the log form. */
		json_object_set(plain, "followup_owner", json_object_get(plain,
		    "author_id"));
		before = json_array_size(re);
		voice_log_rules(plain, re);
		log_fits_site(rq->db, plain, re);
		/* Rule errors name plain fields: point them at this row. */
		for (size_t i = before; i < json_array_size(re); i++) {
			json_t	*e = json_array_get(re, i);
			char	 href[ROW_NAME_MAX + 2];
			const char *field = json_string_value(json_object_get(e,
			    "field"));

			/* The follow-up's owner is the sheet's author. */
			if (field != NULL && strcmp(field, "followup_owner") == 0)
				field = "author_id";
			snprintf(href, sizeof(href), "#r%d_%s", n, field);
			json_object_set_new(e, "href", json_string(href));
			json_object_set_new(e, "field", json_string(href + 1));
		}
		before = json_array_size(errors);
		json_array_extend(errors, re);
		errors_prefix(errors, before, n);
		if (json_array_size(errors) == 0) {
			rc = conversation_add(rq->db, json_integer_value(
			    json_object_get(plain, "author_id")),
			    rq->who.account_id, plain, 1, &id);
			if (rc != DB_OK) {
				json_decref(rv);
				json_decref(re);
				json_decref(plain);
				return -1;
			}
			saved++;
		}
		json_decref(rv);
		json_decref(re);
		json_decref(plain);
	}
	if (saved == 0 && json_array_size(errors) == 0)
		form_error(errors, "r1_occurred_on",
		    N_("Type in at least one sheet"));
	return json_array_size(errors) > 0 ? 0 : saved;
}

static const struct field_spec batch_site_field[] = {
	{ "site_id", N_("Site the sheets come from"),
	    FIELD_ID, 1, 0, NULL, NULL,
	    NULL },
};

static void
batch_show(struct response *rs, int status, const json_t *options,
    const json_t *values, const json_t *errors, int saved)
{
	struct batch_row row;
	json_t		*rows = json_array(), *view;
	int		 n;

	for (n = 1; n <= BATCH_ROWS; n++) {
		batch_row_init(&row, n);
		json_array_append_new(rows, json_pack("{s:i, s:o}", "number", n,
		    "fields", fields_view(row.specs, batch_row_fields_count,
		    values, errors, options)));
	}
	view = json_pack("{s:s, s:{s:o}, s:o, s:O, s:b}", "title",
	    N_("Type in paper log sheets"), "site_form", "fields",
	    fields_view(batch_site_field, 1, values, errors, options),
	    "rows", rows, "errors", errors,
	    "has_errors", json_array_size(errors) > 0);
	if (view != NULL && saved > 0)
		json_object_set_new(view, "saved", json_integer(saved));
	if (view == NULL)
		response_error(rs, 500, "Something went wrong.");
	else
		response_page(rs, status, "voice/batch", view);
}

void
conversations_batch(struct request *rq, struct response *rs)
{
	json_t	*options, *values = NULL, *errors = NULL;
	int	 saved = 0;

	if ((options = batch_options(rq)) == NULL) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	if (rq->method == HTTP_GET) {
		errors = json_array();
		batch_show(rs, 200, options, NULL, errors, (int)strtol(
		    form_get(&rq->query, "saved") ? form_get(&rq->query,
		    "saved") : "0", NULL, 10));
		goto out;
	}
	if (fields_validate(batch_site_field, 1, &rq->body, options, &values,
	    &errors) == -1) {
		response_error(rs, 500, "Something went wrong.");
		goto out;
	}
	if (json_array_size(errors) == 0)
		saved = batch_save(rq, options, json_object_get(values,
		    "site_id"), values, errors);
	if (saved < 0)
		response_error(rs, 503, "The sheets were not saved. Try again.");
	else if (saved == 0)
		batch_show(rs, 422, options, values, errors, 0);
	else
		response_redirect(rs, "/conversations/batch?saved=%d", saved);
out:
	json_decref(options);
	json_decref(values);
	json_decref(errors);
}

/* A NULL-terminated array of the labels in a {value, label} list in the
 * language of words: every label when all (our choices), else only a
 * row marked to be worded ({label | t}: a topic every site has), the
 * rest as stored (records' own names such as wings and a site's own
 * topics).  The strings are borrowed from list or the catalogue; the
 * caller frees the array. */
static const char **
labels_of(const json_t *list, const struct catalogue *words, int all)
{
	const char	**a;
	const json_t	 *row;
	size_t		  i, n = json_array_size(list);

	if ((a = calloc(n + 1, sizeof(*a))) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		row = json_array_get(list, i);
		a[i] = all || json_is_string(json_object_get(row, "msgid")) ?
		    catalogue_get(words, view_str(row, "label")) :
		    view_str(row, "label");
	}
	return a;
}

static void
sheet_draw(struct pdf *pdf, struct print_words *w, const json_t *view)
{
	const char	**places, **topics, **chans, **cons, **outs;

	places = labels_of(json_object_get(view, "places"), w->words, 0);
	topics = labels_of(json_object_get(view, "topics"), w->words, 0);
	chans = labels_of(json_object_get(view, "channels"), w->words, 1);
	cons = labels_of(json_object_get(view, "consents"), w->words, 1);
	outs = labels_of(json_object_get(view, "outcomes"), w->words, 1);
	pdf_heading(pdf, json_string_value(json_object_get(view, "title")), 1);
	pdf_paragraph(pdf, print_say(w, N_("One sheet for each conversation. "
	    "Write about the issue, not the person: no names, no prison "
	    "numbers."), NULL));
	pdf_write_box(pdf, print_say(w, N_("Date and time"), NULL), 10);
	pdf_choices(pdf, print_say(w, N_("Wing or place"), NULL), places);
	pdf_choices(pdf, print_say(w, N_("Where you talked"), NULL), chans);
	pdf_choices(pdf, print_say(w, N_("Topics (tick all that fit)"), NULL),
	    topics);
	pdf_write_box(pdf, print_say(w, N_("What was raised"), NULL), 45);
	pdf_choices(pdf, print_say(w, N_("What they agreed to"), NULL), cons);
	pdf_choices(pdf, print_say(w, N_("Outcome"), NULL), outs);
	pdf_write_box(pdf, print_say(w, N_("Signposted to, or escalated to "
	    "(who)"), NULL), 12);
	pdf_write_box(pdf, print_say(w, N_("Follow-up needed, and by when"),
	    NULL), 18);
	free(places);
	free(topics);
	free(chans);
	free(cons);
	free(outs);
}

void
conversations_sheet(struct request *rq, struct response *rs)
{
	int64_t			 site = form_get_id(&rq->query, "site");
	json_t			*site_row = NULL, *view;
	struct pdf		*pdf;
	struct print_words	 w;
	const char		*title;

	if (site <= 0 || !access_touches(&rq->who, VOICE_LOGGERS, site) ||
	    site_load(rq->db, site, &site_row) <= 0) {
		response_error(rs, 404, "Choose a site you log conversations "
		    "for.");
		return;
	}
	print_words_init(&w, language_words(rq->lang), 0);
	title = print_say(&w, N_("Conversation log sheet: {name}"), site_row);
	view = json_pack("{s:s, s:o, s:o, s:o, s:o, s:o, s:o}", "title", title,
	    "site", site_row, "places", unit_options_at(rq->db, site),
	    "topics", topic_options_at(rq->db, site, w.words),
	    "channels", choices_json(channels),
	    "consents", choices_json(consents),
	    "outcomes", choices_json(outcomes));
	if (view == NULL || rq->wants_json || rq->api) {
		response_view(rs, "error", view);
		print_words_free(&w);
		return;
	}
	pdf = print_pdf_new(&w, &rs->body, title, pdf_size_for(rq,
	    PDF_NORMAL));
	sheet_draw(pdf, &w, view);
	print_words_free(&w);
	/* TRANSLATORS: a file's name: letters, digits and hyphens,
	 * keeping {name}, the site's. */
	response_pdf(rq, rs, pdf, N_("conversation-log-sheet-{name}"),
	    json_object_get(view, "site"));
	json_decref(view);
}
