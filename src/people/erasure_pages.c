/*
 * The coordinator's erasure page for one person.  Erasing cannot be
 * undone, so the form asks for the person's reference typed out (a
 * wrong or stale tab cannot erase someone else) and the request's
 * reference or reason, which goes into the audit row.  Someone still
 * involved must first be recorded as having left (409 with a link).
 */
#include <string.h>

#include "people.h"
#include "erasure.h"
#include "../db/db.h"
#include "../limits.h"
#include "../server/form_page.h"
#include "../server/request.h"
#include "../util/catalogue.h"

static const struct field_spec erase_fields[] = {
	{ "reference", N_("Type their reference to confirm"), FIELD_TEXT, 1,
	    PERSON_REFERENCE_MAX_CHARS, NULL, N_("Shown above the page's title; "
	    "erasing cannot be undone"), NULL },
	{ "reason", N_("Request reference or reason"), FIELD_TEXT, 1,
	    SUBJECT_ACCESS_REASON_MAX_CHARS, NULL, N_("Recorded in the audit "
	    "trail with your name, for example \"Erasure request 2026-03\""),
	    NULL },
};

static int
erase_save(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const json_t	*person = ctx;
	const char	*typed = json_string_value(json_object_get(v,
			    "reference"));

	if (typed == NULL || strcmp(typed, json_string_value(
	    json_object_get(person, "reference"))) != 0) {
		form_error(errors, "reference", N_("Type the reference shown "
		    "above the title, exactly"));
		return DB_CONSTRAINT;
	}
	if (person_erase(rq->db, rq->who.account_id, rq->ids[0],
	    json_string_value(json_object_get(v, "reason")), stderr) !=
	    ERASE_DONE)
		return DB_ERROR;
	*location = location_of("/people/%lld", rq->ids[0]);
	return DB_OK;
}

/* Only someone recorded as having left, and not yet erased. */
static json_t *
erase_prepare(struct request *rq, struct response *rs, json_t *person,
    struct form_page *fp, int *refused)
{
	(void)fp;
	if (json_string_value(json_object_get(person, "erased_on")) != NULL) {
		response_error(rs, 409, "This person's identity was erased "
		    "already.");
		*refused = 1;
	} else if (json_string_value(json_object_get(person, "left_on")) ==
	    NULL) {
		response_error(rs, 409, "Record that this person has left "
		    "first (Record that they left, on their page): leaving "
		    "hands on what they still owe.");
		*refused = 1;
	}
	return form_record_as_ctx(rq, rs, person, fp, refused);
}

void
person_erase_page(struct request *rq, struct response *rs)
{
	static const struct form_record record = {
		person_load, "/people/%lld", "reference", erase_prepare,
	};
	struct form_page fp = {
		.title = N_("Erase this person's identity"),
		.submit = N_("Erase their identity"), .fields = erase_fields,
		.nfields = FIELDS_COUNT(erase_fields), .save = erase_save,
	};

	form_page_record(rq, rs, &fp, &record);
}
