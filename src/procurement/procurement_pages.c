/*
 * Setting up a procurement, for staff: the procurement, its lots with
 * their scoring scale and moderator, questions with weights, bids and
 * their documents, each lot's panel, and the bank of reserves.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procurement.h"
#include "../db/db.h"
#include "../limits.h"
#include "../server/form_page.h"
#include "../server/language.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../render/upload_check.h"
#include "../util/view.h"

void
procurements_index(struct request *rq, struct response *rs)
{
	int		 staff = access_any(&rq->who, ROLES_STAFF);
	struct paging	 pg;
	json_t		*view, *list;

	if (paging_refused(&pg, rq, rs))
		return;
	list = staff ? procurement_list(rq->db, &rq->who, &pg) : json_array();
	view = json_pack("{s:s, s:o?, s:o, s:b, s:b}", "title",
	    "Procurement panels", "procurements", list,
	    "panels", panels_of(rq->db, rq->who.account_id),
	    "is_staff", staff, "is_regional_staff", access_covers(&rq->who,
	    ROLES_STAFF, 0, 0));
	if (list != NULL)
		paging_finish(&pg, rq, view, list, NULL);
	paging_clear(&pg);
	lots_moderated_add(view, rq->db, rq->who.account_id);
	response_view(rs, "procurement/list", view);
}

static int
procurement_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id;
	int	 rc;

	(void)ctx;
	(void)errors;
	/* /procurements/new has no {id}: the whole organisation (0), which
	 * its route lets only organisation-wide staff reach. */
	rc = procurement_add(rq->db, rq->who.account_id, rq->nids > 0 ?
	    rq->ids[0] : 0, v, &id);
	if (rc == DB_OK)
		*location = location_of("/procurements/%lld", id);
	return rc;
}

void
procurements_new(struct request *rq, struct response *rs)
{
	struct form_page fp = {
		.title = rq->nids > 0 ? N_("Start a procurement for this site") :
		    N_("Start a regional procurement (the whole organisation)"),
		.submit = N_("Start it"),
		.back = "/procurements", .fields = procurement_fields,
		.nfields = procurement_fields_count, .save = procurement_store,
	};

	form_page_run(rq, rs, &fp);
}

void
procurements_show(struct request *rq, struct response *rs)
{
	json_t	*p;

	if (procurement_load(rq->db, rq->ids[0], &p) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	response_view(rs, "procurement/show", json_pack("{s:O, s:o, s:o, s:o}",
	    "title", json_object_get(p, "title"), "procurement", p,
	    "lots", lot_list(rq->db, rq->ids[0]),
	    "reserves", reserve_list(rq->db, rq->ids[0])));
}

/* Options for a form about a procurement or a lot: evaluators (and with
 * staff, staff too) who can work at its site.  Kept for the form. */
static json_t *
evaluators_prepare(struct request *rq, json_t *record, struct form_page *fp,
    const char *field, int with_staff, json_t *initial)
{
	json_t	*kept;

	kept = json_pack("{s:{s:o}, s:o}", "options", field,
	    evaluator_options(rq->db, view_int(record, "site_id"), with_staff),
	    "initial", initial ? initial : json_object());
	return form_page_keep(fp, kept);
}

static int
reserve_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	rc = reserve_add(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/procurements/%lld#reserves",
		    rq->ids[0]);
	return form_constraint(rc, errors, "account_id",
	    "They are already a reserve for this procurement");
}

static json_t *
reserve_prepare(struct request *rq, struct response *rs, json_t *record,
    struct form_page *fp, int *refused)
{
	(void)rs;
	(void)refused;
	return evaluators_prepare(rq, record, fp, "account_id", 0, NULL);
}

void
reserves_add(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		procurement_load, "/procurements/%lld", "title", reserve_prepare,
	};
	struct form_page fp = {
		.title = N_("Add a reserve evaluator"),
		.submit = N_("Add the reserve"),
		.fields = reserve_fields, .nfields = reserve_fields_count,
		.save = reserve_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/* A line for each score of the scale, checked with the fields so every
 * error shows in one answer. */
static int
lot_rules(const json_t *v, json_t *errors)
{
	int64_t	 top = view_int(v, "scale_max");

	if (json_is_integer(json_object_get(v, "scale_max")) &&
	    descriptor_lines(view_str(v, "scale_descriptors")) !=
	    (size_t)top + 1)
		form_error_words(errors, "scale_descriptors", N_("What each "
		    "score means needs one line for each score from 0 to "
		    "{top}: {lines} lines"), json_pack("{s:I, s:I}", "top",
		    (json_int_t)top, "lines", (json_int_t)top + 1));
	return 0;
}

static int
lot_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	*stored;
	int64_t	 id;
	int	 rc;

	(void)ctx;
	(void)errors;
	stored = descriptors_stored(view_str(v, "scale_descriptors"),
	    language_words(rq->lang));
	json_object_set_new(v, "scale_descriptors", json_string(stored));
	free(stored);
	rc = lot_add(rq->db, rq->who.account_id, rq->ids[0], v, &id);
	if (rc == DB_OK)
		*location = location_of("/lots/%lld", id);
	return rc;
}

static json_t *
lot_prepare(struct request *rq, struct response *rs, json_t *record,
    struct form_page *fp, int *refused)
{
	char	*scale = descriptors_default(language_words(rq->lang));
	json_t	*kept;

	(void)rs;
	(void)refused;
	kept = evaluators_prepare(rq, record, fp, "moderator_id", 1, json_pack(
	    "{s:s, s:s}", "scale_max", "5", "scale_descriptors", scale));
	free(scale);
	return kept;
}

void
lots_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		procurement_load, "/procurements/%lld", "title", lot_prepare,
	};
	struct form_page fp = {
		.title = N_("Add a lot"), .submit = N_("Add the lot"),
		.fields = lot_fields, .nfields = lot_fields_count,
		.save = lot_store, .rules = lot_rules,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static int
question_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	if (json_array_size(errors) == 0 && view_int(v, "weight") < 1)
		form_error(errors, "weight",
		    N_("Weight must be from 1 to 100"));
	if (json_array_size(errors) > 0)
		return DB_CONSTRAINT;
	rc = question_add(rq->db, rq->who.account_id, rq->ids[0], v, NULL);
	if (rc == DB_OK)
		*location = location_of("/lots/%lld#questions", rq->ids[0]);
	return form_constraint(rc, errors, "text", "A lot has at most 50 "
	    "questions");
}

void
questions_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		lot_load, "/lots/%lld", "title", NULL,
	};
	struct form_page fp = {
		.title = N_("Add a question"), .submit = N_("Add the question"),
		.fields = question_fields, .nfields = question_fields_count,
		.save = question_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static int
bid_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	rc = bid_add(rq->db, rq->who.account_id, rq->ids[0], v, NULL);
	if (rc == DB_OK)
		*location = location_of("/lots/%lld#bids", rq->ids[0]);
	return form_constraint(rc, errors, "bidder", "That bidder is already "
	    "on this lot, or the lot has its most bids (40)");
}

void
bids_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		lot_load, "/lots/%lld", "title", NULL,
	};
	struct form_page fp = {
		.title = N_("Add a bid"), .submit = N_("Add the bid"),
		.fields = bid_fields, .nfields = bid_fields_count,
		.save = bid_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/* The bid a document is for, and what its bytes were found to be. */
struct bid_upload {
	json_t		*bid;
	struct filetype	 type;
};

static const struct form_file bid_file = {
	"file", N_("The bid's document (PDF, Word, OpenDocument, PNG or JPEG)"),
	NULL, ".pdf,.docx,.odt,.png,.jpg,.jpeg", 1,
};

static int
bid_document_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const struct form_field	*file = form_get_file(&rq->body, "file");
	struct bid_upload	*up = ctx;
	int			 rc;

	(void)v;
	if (file == NULL || file->len == 0) {
		form_error(errors, "file", N_("Choose the bid's document to "
		    "upload"));
		return DB_CONSTRAINT;
	}
	rc = bid_document_set(rq->db, rq->who.account_id, rq->ids[0],
	    up->type.mime, up->type.ext, file->value, file->len);
	if (rc == DB_OK)
		*location = location_of("/lots/%lld#bids", (long long)view_int(
		    up->bid, "lot_id"));
	return rc;
}

/* The lot page's upload box posts here, so a slip (no file chosen)
 * comes back as this form with the error beside the box; its Cancel
 * goes back to the lot, which form_page_record (back to the path's own
 * record) cannot say. */
void
bid_document_upload(struct request *rq, struct response *rs)
{
	const struct form_field	*file = form_get_file(&rq->body, "file");
	struct bid_upload	 up = { NULL, { 0 } };
	struct form_page	 fp = {
		.title = N_("Upload the bid's document"),
		.submit = N_("Upload the bid"),
		.save = bid_document_store, .file = &bid_file, .ctx = &up,
	};
	char			*back;

	if (bid_load(rq->db, rq->ids[0], &up.bid) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	/* A file that is not what it says is refused outright, before any
	 * form: a guard against what it might do, not a slip of typing. */
	if (rq->method == HTTP_POST && file != NULL && file->len > 0 &&
	    !upload_check((const unsigned char *)file->value, file->len,
	    file->filename, &up.type))
		response_error(rs, 415, "The bid must be a PDF, a Word or "
		    "OpenDocument text, or a PNG or JPEG image, named for "
		    "what it is.");
	else {
		fp.back = back = location_of("/lots/%lld#bids",
		    (long long)view_int(up.bid, "lot_id"));
		fp.caption = view_str(up.bid, "bidder");
		form_page_run(rq, rs, &fp);
		free(back);
	}
	json_decref(up.bid);
}

static int
panel_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1];
	int64_t	 id;
	int	 rc;

	(void)ctx;
	date_today(rq->now, today);
	rc = panel_add(rq->db, rq->who.account_id, rq->ids[0],
	    view_int(v, "account_id"), view_str(v, "kind"),
	    json_object_get(v, "question_ids"), today, &id);
	if (rc == DB_OK)
		*location = location_of("/lots/%lld#panel", rq->ids[0]);
	return form_constraint(rc, errors, "account_id",
	    "They are already on this lot's panel, or moderate it");
}

static json_t *
panel_prepare(struct request *rq, struct response *rs, json_t *lot,
    struct form_page *fp, int *refused)
{
	json_t	*questions = question_options(rq->db, view_int(lot, "id"));
	json_t	*kept, *all = json_array(), *q;
	size_t	 i;

	(void)rs;
	(void)refused;
	/* Everyone scores every question unless staff choose otherwise. */
	json_array_foreach(questions, i, q)
		json_array_append(all, json_object_get(q, "value"));
	kept = evaluators_prepare(rq, lot, fp, "account_id", 0, json_pack(
	    "{s:o, s:s}", "question_ids", all, "kind", "expert_by_experience"));
	json_object_set_new((json_t *)fp->options, "question_ids", questions);
	return kept;
}

void
panel_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		lot_load, "/lots/%lld", "title", panel_prepare,
	};
	struct form_page fp = {
		.title = N_("Add an evaluator to the panel"),
		.submit = N_("Add them"),
		.fields = panel_fields, .nfields = panel_fields_count,
		.save = panel_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}
