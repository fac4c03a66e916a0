/*
 * The text-size choice on one's account: standard or large.  Large makes
 * the pages bigger (the layout's rt-text-large) and every document the
 * account prints large print (pdf_size_for in server/text_size.c).
 */
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "auth_pages.h"
#include "../db/db.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"

static const struct choice text_sizes[] = {
	{ "standard", N_("Standard") },
	{ "large", N_("Large: bigger text on every page, and large print "
	    "(at least 16 point) in every document you print") },
	{ NULL, NULL },
};

static const struct field_spec text_size_fields[] = {
	{ "text_size", N_("Text size"), FIELD_CHOICE, 1, 0, text_sizes, NULL,
	    NULL },
};

static int
text_size_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const char	*size = json_string_value(json_object_get(v,
			    "text_size"));
	int		 rc;

	(void)errors;
	(void)ctx;
	if ((rc = account_set_preference(rq->db, rq->who.account_id,
	    ACCOUNT_TEXT_SIZE, size)) != DB_OK)
		return rc;
	*location = strdup("/account?text-size=changed");
	return *location != NULL ? DB_OK : DB_ERROR;
}

void
account_text_size(struct request *rq, struct response *rs)
{
	json_t	*initial = json_pack("{s:s}", "text_size",
		    rq->who.large_text ? "large" : "standard");
	struct form_page fp = {
		.title = N_("Text size"), .submit = N_("Save"),
		.back = "/account", .fields = text_size_fields,
		.nfields = FIELDS_COUNT(text_size_fields),
		.initial = initial, .save = text_size_store,
	};

	form_page_run(rq, rs, &fp);
	json_decref(initial);
}
