/*
 * The member's own equality monitoring record (/account/equality):
 * optional, filled in by the member alone, every question with "Prefer
 * not to say" or left blank.  Only the member reads it back; everyone
 * else sees it only inside the suppressed counts of the evidence pages.
 */
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "../auth/account.h"
#include "../db/db.h"
#include "../server/form_page.h"
#include "../surveys/surveys.h"
#include "../util/catalogue.h"
#include "../util/view.h"

#define MONITORING_FIELDS_MAX	16	/* the instrument has nine */

/* The form: one choice per monitoring item, none required. */
static void
monitoring_fields(struct field_spec *f)
{
	size_t	 i;

	for (i = 0; i < monitoring_items_count; i++) {
		memset(&f[i], 0, sizeof(f[i]));
		f[i].name = monitoring_items[i].key;
		f[i].label = monitoring_items[i].prompt;
		f[i].kind = FIELD_CHOICE;
		f[i].choices = monitoring_items[i].answers;
	}
}

static int
monitoring_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1];
	int	 rc;

	(void)errors;
	date_today(rq->now, today);
	rc = monitoring_save(rq->db, rq->who.account_id, *(int64_t *)ctx, v,
	    today);
	if (rc == DB_OK)
		*location = strdup("/account/equality?saved=1");
	return rc;
}

void
monitoring_form(struct request *rq, struct response *rs)
{
	struct field_spec	 fields[MONITORING_FIELDS_MAX];
	json_t			*record = NULL;
	int64_t			 person;
	struct form_page	 fp = {
		.title = N_("About you: equality monitoring"),
		.lede = N_("Optional: answer what you want to. Your answers are "
		    "kept apart from your records. The evidence pages show "
		    "only counts too large to point to anyone. They are "
		    "printed with your name only in a copy of your own data, "
		    "made when you ask for one, which the staff who prepare "
		    "it see."),
		.submit = N_("Save my answers"), .back = "/account",
		.fields = fields, .nfields = monitoring_items_count,
		.save = monitoring_store, .ctx = &person,
	};

	if (monitoring_items_count > MONITORING_FIELDS_MAX) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	if ((person = account_person(rq->db, rq->who.account_id)) == 0) {
		/* Staff and funders have no member's record: nothing to
		 * fill in, and nothing to save. */
		response_page(rs, rq->method == HTTP_POST ? 409 : 200,
		    "evidence/not_linked", json_pack("{s:s}", "title",
		    N_("About you: equality monitoring")));
		return;
	}
	monitoring_fields(fields);
	if (monitoring_load(rq->db, person, &record) < 0) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	fp.initial = record;
	if (form_get(&rq->query, "saved") != NULL)
		fp.notice = "Your answers are saved.";
	form_page_run(rq, rs, &fp);
	json_decref(record);
}
