/*
 * A group's published documents: the list, one document drawn from its
 * Markdown (cmark safe mode: raw HTML dropped), and the staff forms to
 * publish and change one.
 */
#include "people.h"
#include "../db/db.h"
#include "../limits.h"
#include "../render/markdown.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"

#define F(...)	{ __VA_ARGS__ }

const struct field_spec document_fields[] = {
	F("title", N_("Title"),
	    FIELD_TEXT, 1, NAME_MAX_CHARS, NULL, NULL, NULL),
	F("kind", N_("Kind of document"),
	    FIELD_CHOICE, 1, 0, document_kinds, NULL,
	    NULL),
	F("published_on", N_("Published on"),
	    FIELD_DATE, 1, 0, NULL, NULL, NULL),
	F("body", N_("The text"), FIELD_TEXTAREA, 1, DOCUMENT_MAX_CHARS, NULL,
	    N_("Markdown: # for a heading, ** for bold, - for a list"), NULL),
};
const size_t document_fields_count = FIELDS_COUNT(document_fields);

void
documents_index(struct request *rq, struct response *rs)
{
	json_t	*group;

	if (group_load(rq->db, rq->ids[0], &group) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	response_view(rs, "people/documents", json_pack("{s:s, s:o, s:o}",
	    "title", N_("Published documents"), "group", group, "documents",
	    document_list(rq->db, rq->ids[0])));
}

void
documents_show(struct request *rq, struct response *rs)
{
	json_t	*d;

	if (document_load(rq->db, rq->ids[0], &d) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	json_object_set_new(d, "body_html", markdown_html(json_string_value(
	    json_object_get(d, "body"))));
	response_view(rs, "people/document", json_pack("{s:O, s:o}",
	    "title", json_object_get(d, "title"), "document", d));
}

static int
document_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id;
	int	 rc;

	(void)ctx;
	(void)errors;
	rc = document_add(rq->db, rq->who.account_id, rq->ids[0], v, &id);
	if (rc == DB_OK)
		*location = location_of("/documents/%lld", id);
	return rc;
}

static int
document_update(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	(void)errors;
	rc = document_save(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/documents/%lld", rq->ids[0]);
	return rc;
}

void
documents_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld/documents", "name", NULL,
	};
	struct form_page fp = {
		.title = N_("Publish a document"), .submit = N_("Publish it"),
		.fields = document_fields, .nfields = document_fields_count,
		.save = document_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

void
documents_edit(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		document_load, "/documents/%lld", "group_name",
		form_initial_record,
	};
	struct form_page fp = {
		.title = N_("Change a published document"),
		.submit = N_("Save it"),
		.fields = document_fields, .nfields = document_fields_count,
		.save = document_update,
	};

	form_page_record(rq, rs, &fp, &fr);
}
