/*
 * The map of provision: per probation region or site, which needs have a
 * service in the directory and which do not (the gap list a commissioner
 * needs), with the referrals made to that place by need and stage.  The
 * referral counts come from plans, so they are always suppressed as one
 * table per place (util/suppression.c), whoever reads them; the page and
 * the CSV come from the same builder.  Also: which needs a service meets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plans.h"
#include "../db/db.h"
#include "../limits.h"
#include "../server/form_page.h"
#include "../server/download_name.h"
#include "../server/language.h"
#include "../util/buf.h"
#include "../util/csv.h"
#include "../util/suppression.h"
#include "../util/catalogue.h"
#include "../util/view.h"
#include "../voice/voice.h"

#define NNEEDS	6	/* plan_needs, in the provision query's order */
#define NSTAGES	4	/* a referral is in exactly one: they add up */

static const char *const stage_keys[NSTAGES] = {
	"waiting", "acknowledged", "offered", "attended",
};

/* One place's needs with its suppressed referral counts.  rows holds
 * NNEEDS rows of the place from provision_rows.  0 or -1. */
static int
place_add(json_t *places, json_t *rows, size_t first, int threshold)
{
	int64_t		 counts[NNEEDS * NSTAGES];
	unsigned char	 marks[(NNEEDS + 1) * (NSTAGES + 1)];
	json_t		*needs = json_array(), *gaps = json_array(), *row,
			*need;
	int64_t		 total = 0, sum;
	size_t		 r, c;

	for (r = 0; r < NNEEDS; r++)
		for (c = 0; c < NSTAGES; c++) {
			row = json_array_get(rows, first + r);
			counts[r * NSTAGES + c] = view_int(row, stage_keys[c]);
			total += counts[r * NSTAGES + c];
		}
	if (suppress_table(counts, NNEEDS, NSTAGES, threshold,
	    SUPPRESS_ADDITIVE, marks) == -1) {
		json_decref(needs);
		json_decref(gaps);
		return -1;
	}
	for (r = 0; r < NNEEDS; r++) {
		row = json_array_get(rows, first + r);
		need = json_pack("{s:O, s:O, s:b}", "need_label",
		    json_object_get(row, "need_label"), "services",
		    json_object_get(row, "services"), "gap",
		    view_int(row, "services") == 0);
		for (c = 0, sum = 0; c < NSTAGES; c++) {
			sum += counts[r * NSTAGES + c];
			json_object_set_new(need, stage_keys[c],
			    suppressed_count(counts[r * NSTAGES + c],
			    marks[r * (NSTAGES + 1) + c], threshold));
		}
		json_object_set_new(need, "referrals", suppressed_count(sum,
		    marks[r * (NSTAGES + 1) + NSTAGES], threshold));
		json_array_append_new(needs, need);
		if (view_int(row, "services") == 0)
			json_array_append(gaps, json_object_get(row,
			    "need_label"));
	}
	/* The place's total is published too: below the threshold it
	 * reads "fewer than N", like any other count. */
	row = json_array_get(rows, first);
	return json_array_append_new(places, json_pack("{s:O, s:O, s:o, s:o, "
	    "s:o}", "id", json_object_get(row, "site_id"), "site_name",
	    json_object_get(row, "site_name"), "needs", needs, "gaps", gaps,
	    "referrals", suppressed_count(total, total < threshold ?
	    SUPPRESS_SMALL : SUPPRESS_SHOWN, threshold)));
}

/* The gap list: each place of the page with the needs nothing meets. */
static json_t *
gap_list(const json_t *places)
{
	json_t		*gaps = json_array(), *list;
	const json_t	*place, *need, *all;
	struct buf	 words;
	size_t		 i, k;

	json_array_foreach(places, i, place) {
		all = json_object_get(place, "gaps");
		if (json_array_size(all) == 0)
			continue;
		/* needs in English for the JSON; need_list for the page,
		 * which says each need in its reader's words. */
		buf_init(&words, TEXT_MAX_CHARS);
		list = json_array();
		json_array_foreach(all, k, need) {
			json_array_append_new(list, json_pack("{s:O, s:b}",
			    "need", need, "more", k + 1 < json_array_size(all)));
			if ((k > 0 && buf_puts(&words, ", ") == -1) ||
			    buf_puts(&words, json_string_value(need)) == -1)
				break;
		}
		json_array_append_new(gaps, json_pack("{s:O, s:s#, s:o}",
		    "site_name", json_object_get(place, "site_name"), "needs",
		    words.data != NULL ? words.data : "", words.len,
		    "need_list", list));
		buf_release(&words);
	}
	return gaps;
}

/* The map for the caller's places from the cursor on (pg NULL: every
 * place, for the export), or NULL. */
static json_t *
provision_build(struct request *rq, const struct paging *pg)
{
	struct scope_filter	 f;
	json_t			*rows, *places, *view;
	size_t			 i;
	int			 threshold = rq->app->config->
				    suppression_threshold;

	if (access_filter(&rq->who, ROLES_ALL, 1, &f) == -1)
		return NULL;
	rows = provision_rows(rq->db, &f, pg ? pg->after_id : 0,
	    pg ? pg->after_key : "", pg ? paging_limit(pg) :
	    EXPORT_ROWS_MAX / NNEEDS);
	scope_filter_clear(&f);
	if (rows == NULL)
		return NULL;
	places = json_array();
	for (i = 0; i + NNEEDS <= json_array_size(rows); i += NNEEDS)
		if (place_add(places, rows, i, threshold) == -1) {
			json_decref(rows);
			json_decref(places);
			return NULL;
		}
	json_decref(rows);
	view = json_pack("{s:s, s:o, s:i}", "title", N_("Map of provision"),
	    "places", places, "threshold", threshold);
	if (view != NULL && pg != NULL &&
	    paging_finish(pg, rq, view, places, "site_name") == -1) {
		json_decref(view);
		return NULL;
	}
	if (view != NULL)
		json_object_set_new(view, "gaps", gap_list(places));
	return view;
}

void
provision_page(struct request *rq, struct response *rs)
{
	struct paging	 pg;

	if (paging_refused(&pg, rq, rs))
		return;
	response_view(rs, "plans/provision", provision_build(rq, &pg));
	paging_clear(&pg);
}

/* A count as the page shows it, as text. */
static const char *
count_text(const json_t *v, char *tmp, size_t size)
{
	if (json_is_integer(v)) {
		snprintf(tmp, size, "%lld", (long long)json_integer_value(v));
		return tmp;
	}
	return json_is_string(v) ? json_string_value(v) : "";
}

/* The headers, needs and yes/no in the language of words; places'
 * names as stored. */
static int
provision_csv_write(const json_t *view, const struct catalogue *words,
    struct buf *out)
{
	static const char *const head[] = { N_("Place"), N_("Need"),
	    N_("Services"), N_("Gap"), N_("Referrals"),
	    N_("Waiting for the service"), N_("Acknowledged"),
	    N_("Appointment offered"), N_("Attended") };
	const json_t	*place, *need;
	char		 tmp[32];
	size_t		 i, k, c;

	for (c = 0; c < sizeof(head) / sizeof(head[0]); c++)
		if ((c > 0 && buf_putc(out, ',') == -1) ||
		    csv_cell(out, catalogue_get(words, head[c])) == -1)
			return -1;
	if (buf_puts(out, "\r\n") == -1)
		return -1;
	json_array_foreach(json_object_get(view, "places"), i, place)
		json_array_foreach(json_object_get(place, "needs"), k, need) {
			if (csv_cell(out, view_str(place, "site_name")) == -1 ||
			    buf_putc(out, ',') == -1 ||
			    csv_cell(out, catalogue_get(words, view_str(need,
			    "need_label"))) == -1 ||
			    buf_putc(out, ',') == -1 ||
			    csv_cell(out, count_text(json_object_get(need,
			    "services"), tmp, sizeof(tmp))) == -1 ||
			    buf_putc(out, ',') == -1 ||
			    csv_cell(out, catalogue_get(words, view_int(need,
			    "services") == 0 ? N_("Yes") : N_("No"))) == -1 ||
			    buf_putc(out, ',') == -1 ||
			    csv_cell(out, count_text(json_object_get(need,
			    "referrals"), tmp, sizeof(tmp))) == -1)
				return -1;
			for (c = 0; c < NSTAGES; c++)
				if (buf_putc(out, ',') == -1 ||
				    csv_cell(out, count_text(json_object_get(
				    need, stage_keys[c]), tmp, sizeof(tmp))) == -1)
					return -1;
			if (buf_puts(out, "\r\n") == -1)
				return -1;
		}
	return 0;
}

void
provision_csv(struct request *rq, struct response *rs)
{
	json_t	*view = provision_build(rq, NULL);

	if (view == NULL || provision_csv_write(view,
	    language_words(rq->lang), &rs->body) == -1) {
		json_decref(view);
		response_error(rs, 500, "The map could not be exported.");
		return;
	}
	json_decref(view);
	response_file(rs, 0, "text/csv; charset=utf-8", DOWNLOAD_SAVED,
	    language_words(rq->lang), N_("provision"), NULL, "csv");
}

/* One tick box per need, named need_<value>. */
static const struct field_spec need_fields[] = {
	{ "need_mental_health", N_("Mental health"), FIELD_CHECK, 0, 0, NULL,
	    NULL, NULL },
	{ "need_substance_use", N_("Substance use"), FIELD_CHECK, 0, 0, NULL,
	    NULL, NULL },
	{ "need_housing", N_("Housing"), FIELD_CHECK, 0, 0, NULL, NULL, NULL },
	{ "need_gp", N_("GP registration"),
	    FIELD_CHECK, 0, 0, NULL, NULL, NULL },
	{ "need_medication", N_("Medication on release"),
	    FIELD_CHECK, 0, 0, NULL,
	    NULL, NULL },
	{ "need_benefits", N_("Benefits"),
	    FIELD_CHECK, 0, 0, NULL, NULL, NULL },
};

static int
needs_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	json_t	*needs = json_array();
	size_t	 i;
	int	 rc;

	(void)errors;
	(void)ctx;
	for (i = 0; i < FIELDS_COUNT(need_fields); i++)
		if (json_is_true(json_object_get(v, need_fields[i].name)))
			json_array_append_new(needs, json_string(
			    need_fields[i].name + 5));
	rc = service_needs_save(rq->db, rq->who.account_id, rq->ids[0], needs);
	json_decref(needs);
	if (rc == DB_OK)
		*location = location_of("/directory/%lld", rq->ids[0]);
	return rc;
}

void
service_needs_page(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = N_("Needs this service meets"), .submit = N_("Save"),
		.fields = need_fields, .nfields = FIELDS_COUNT(need_fields),
		.save = needs_store,
	};
	json_t	*sv, *initial, *needs, *need;
	char	*back, key[64];
	size_t	 i;

	if ((sv = service_for(rq, rs, ROLES_STAFF)) == NULL)
		return;
	initial = json_object();
	needs = service_need_list(rq->db, rq->ids[0]);
	json_array_foreach(needs, i, need) {
		snprintf(key, sizeof(key), "need_%s", view_str(need, "need"));
		json_object_set_new(initial, key, json_true());
	}
	json_decref(needs);
	fp.initial = initial;
	fp.back = back = location_of("/directory/%lld", rq->ids[0]);
	fp.caption = view_str(sv, "name");
	form_page_run(rq, rs, &fp);
	free(back);
	json_decref(initial);
	json_decref(sv);
}
