/*
 * The language one's account reads the program in (server/language.h):
 * the pages, their dates and the words the program shows.  The choices
 * are named in their own language, so each is found by who reads it.
 */
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "auth_pages.h"
#include "../db/db.h"
#include "../server/form_page.h"
#include "../server/language.h"
#include "../limits.h"
#include "../util/catalogue.h"

static const struct choice language_choices[] = {
	{ "en", "English" },
	{ "cy", "Cymraeg" },
	{ NULL, NULL },
};

static const struct field_spec language_fields[] = {
	{ "language", N_("Language"), FIELD_CHOICE, 1, 0, language_choices,
	    NULL, NULL },
};

/* Where the switch at the foot of every page was pressed: that page
 * again, now in the chosen language; anything but a path on this site
 * (such as "//elsewhere") goes to the account page. */
static const char *
back_to(const struct request *rq)
{
	const char	*r = form_get(&rq->body, "return");

	if (r == NULL || r[0] != '/' || r[1] == '/' || r[1] == '\\' ||
	    strlen(r) > LANG_HREF_MAX || strpbrk(r, "\r\n") != NULL)
		return "/account";
	return r;
}

static int
language_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const char	*code = json_string_value(json_object_get(v,
			    "language"));
	int		 rc;

	(void)errors;
	(void)ctx;
	if ((rc = account_set_preference(rq->db, rq->who.account_id,
	    ACCOUNT_LANGUAGE, code)) != DB_OK)
		return rc;
	*location = strdup(back_to(rq));
	return *location != NULL ? DB_OK : DB_ERROR;
}

void
account_language(struct request *rq, struct response *rs)
{
	json_t	*initial = json_pack("{s:s}", "language",
		    rq->lang != NULL ? rq->lang->code : "en");
	struct form_page fp = {
		.title = N_("Language"), .submit = N_("Save"),
		.back = "/account", .fields = language_fields,
		.nfields = FIELDS_COUNT(language_fields),
		.initial = initial, .save = language_store,
	};

	form_page_run(rq, rs, &fp);
	json_decref(initial);
}
