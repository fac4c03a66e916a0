/*
 * How one's own account reads the program: the text size (large makes
 * pages bigger and every printed document large print, server/
 * text_size.c), the language (server/language.h; each named in itself,
 * so it is found by who reads it) and easy read (server/easy_read.h).
 * Each is one choice on a form of its own, or sent by the switch at the
 * foot of every page, which comes back to the page it was pressed on.
 */
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "auth_pages.h"
#include "../db/db.h"
#include "../server/form_page.h"
#include "../server/language.h"
#include "../server/saved_notice.h"
#include "../limits.h"
#include "../util/catalogue.h"

const struct choice text_sizes[] = {
	{ "standard", N_("Standard") },
	{ "large", N_("Large: bigger text on every page, and large print "
	    "(at least 16 point) in every document you print") },
	{ NULL, NULL },
};

/* "place": no choice of one's own (stored as ''), so this browser's
 * choice, else the group's or site's language holds (server/language.h):
 * the way back for someone who chose one. */
#define LANGUAGE_OF_PLACE	"place"

const struct choice language_choices[] = {
	{ "en", "English" },
	{ "cy", "Cymraeg" },
	{ LANGUAGE_OF_PLACE, N_("None of my own: this browser's choice, "
	    "else my group's or site's language") },
	{ NULL, NULL },
};

const struct choice readings[] = {
	{ "standard", N_("Standard pages") },
	{ "easy", N_("Easy read: short sentences, pictures and big text") },
	{ NULL, NULL },
};

static const char *
text_size_now(const struct request *rq)
{
	return rq->who.large_text ? "large" : "standard";
}

static const char *
language_now(const struct request *rq)
{
	if (rq->who.language[0] == '\0')
		return LANGUAGE_OF_PLACE;
	return rq->lang != NULL ? rq->lang->code : "en";
}

static const char *
reading_now(const struct request *rq)
{
	return rq->easy_read ? "easy" : "standard";
}

const char *
account_language_choice(const struct request *rq)
{
	if (rq->who.language[0] != '\0')
		return NULL;
	return choice_label(language_choices, LANGUAGE_OF_PLACE);
}

/* One preference's form: its column, its one field, what it is now for
 * this reader and its button, which says what it saves (read aloud
 * alone, "Save" says nothing).  Static. */
struct preference_form {
	enum account_preference	 which;
	struct field_spec	 field;
	const char		*(*now)(const struct request *);
	const char		*submit;
	enum saved_what		 saved;	/* what the page after says */
};

static const struct preference_form forms[ACCOUNT_PREFERENCE__MAX] = {
	[ACCOUNT_TEXT_SIZE] = { ACCOUNT_TEXT_SIZE, { "text_size",
	    N_("Text size"), FIELD_CHOICE, 1, 0, text_sizes, NULL, NULL },
	    text_size_now, N_("Save my text size"), SAVED_TEXT_SIZE },
	[ACCOUNT_LANGUAGE] = { ACCOUNT_LANGUAGE, { "language",
	    N_("Language"), FIELD_CHOICE, 1, 0, language_choices, NULL,
	    NULL }, language_now, N_("Save my language"), SAVED_LANGUAGE },
	[ACCOUNT_READING] = { ACCOUNT_READING, { "reading",
	    N_("How pages read"), FIELD_CHOICE, 1, 0, readings, NULL, NULL },
	    reading_now, N_("Save how pages read"), SAVED_READING },
};

const char *
switch_return(const struct request *rq)
{
	const char	*r = form_get(&rq->body, "return");

	if (r == NULL || r[0] != '/' || r[1] == '/' || r[1] == '\\' ||
	    strlen(r) > LANG_HREF_MAX || strpbrk(r, "\r\n") != NULL)
		return "/account";
	return r;
}

static int
preference_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const struct preference_form *f = ctx;
	const char	*value = json_string_value(json_object_get(v,
			    f->field.name));
	int		 rc;

	(void)errors;
	if (f->which == ACCOUNT_LANGUAGE && value != NULL &&
	    strcmp(value, LANGUAGE_OF_PLACE) == 0)
		value = "";
	if ((rc = account_set_preference(rq->db, rq->who.account_id,
	    f->which, value)) != DB_OK)
		return rc;
	*location = saved_location(switch_return(rq), f->saved);
	return *location != NULL ? DB_OK : DB_ERROR;
}

static void
preference_page(struct request *rq, struct response *rs,
    enum account_preference which)
{
	const struct preference_form *f = &forms[which];
	json_t	*initial = json_pack("{s:s}", f->field.name, f->now(rq));
	struct form_page fp = {
		.title = f->field.label, .submit = f->submit,
		.back = "/account", .fields = &f->field, .nfields = 1,
		.initial = initial, .save = preference_store,
		.ctx = (void *)f,
	};

	form_page_run(rq, rs, &fp);
	json_decref(initial);
}

void
account_text_size(struct request *rq, struct response *rs)
{
	preference_page(rq, rs, ACCOUNT_TEXT_SIZE);
}

void
account_language(struct request *rq, struct response *rs)
{
	preference_page(rq, rs, ACCOUNT_LANGUAGE);
}

void
account_reading(struct request *rq, struct response *rs)
{
	preference_page(rq, rs, ACCOUNT_READING);
}
