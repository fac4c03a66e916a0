/*
 * What a meeting's writers add to its record from the meeting's page: an
 * agenda item, a decision and a paper.  Each is a form of its own (GET
 * shows it), so a refused entry (empty, too long, a control character, a
 * name, no file) comes back as typed with its error beside the box, and
 * nothing is stored; the meeting's page posts to the same address.  A
 * meeting whose minutes are approved offers none of them.
 */
#include <stdlib.h>
#include <string.h>

#include "meetings.h"
#include "../db/db.h"
#include "../render/upload_check.h"
#include "../server/form_page.h"
#include "../util/date.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/* Once its minutes are approved a meeting's record is closed: a 409
 * before any form, since none could be saved (the store refuses too, for
 * a request that races the approval).  1 when it has answered. */
static int
record_closed(struct response *rs, const json_t *m, const char *why,
    int *refused)
{
	if (strcmp(view_str(m, "minutes_state"), "draft") == 0)
		return 0;
	response_error(rs, 409, why);
	*refused = 1;
	return 1;
}

static int
agenda_item_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	rc = agenda_add(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/meetings/%lld#agenda", rq->ids[0]);
	return form_constraint(rc, errors, "title", N_("The minutes are "
	    "approved: the agenda can no longer change"));
}

static json_t *
agenda_item_prepare(struct request *rq, struct response *rs, json_t *m,
    struct form_page *fp, int *refused)
{
	(void)rq;
	(void)fp;
	record_closed(rs, m, N_("The minutes are approved: the agenda can no "
	    "longer change."), refused);
	return NULL;
}

void
meetings_agenda_add(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		meeting_load, "/meetings/%lld", "held_on", agenda_item_prepare,
	};
	struct form_page fp = {
		.title = N_("Add to the agenda"),
		.submit = N_("Add to the agenda"),
		.fields = agenda_item_fields,
		.nfields = agenda_item_fields_count, .save = agenda_item_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

static int
decision_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const json_t	*m = ctx;
	int		 rc;

	rc = decision_add(rq->db, rq->who.account_id, rq->ids[0],
	    view_str(v, "text"), json_is_true(json_object_get(m, "quorate")));
	if (rc == DB_OK)
		*location = location_of("/meetings/%lld#decisions", rq->ids[0]);
	return form_constraint(rc, errors, "text", N_("The minutes are "
	    "approved: no more decisions can be added"));
}

/* A decision is marked with whether the meeting was quorate, which
 * meeting_summary works out from who came. */
static json_t *
decision_prepare(struct request *rq, struct response *rs, json_t *m,
    struct form_page *fp, int *refused)
{
	(void)rq;
	if (record_closed(rs, m, N_("The minutes are approved: no more "
	    "decisions can be added."), refused))
		return NULL;
	meeting_summary(m);
	fp->ctx = m;	/* form_page_record keeps it until the end */
	return NULL;
}

void
decisions_add(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		meeting_load, "/meetings/%lld", "held_on", decision_prepare,
	};
	struct form_page fp = {
		.title = N_("Record a decision"),
		.submit = N_("Record the decision"),
		.fields = decision_fields,
		.nfields = decision_fields_count, .save = decision_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

/* A paper is checked by what its bytes are (not what it is called); one
 * circulated later than the group's notice period is flagged late on
 * the meeting's page. */
static const struct form_file paper_file = {
	"file", N_("File (PDF, Word, OpenDocument, PNG or JPEG)"), NULL,
	".pdf,.docx,.odt,.png,.jpg,.jpeg", 1,
};

static int
paper_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const struct form_field	*file = form_get_file(&rq->body, "file");
	const struct filetype	*type = ctx;
	char			 today[DATE_CHARS + 1];
	int64_t			 id;
	int			 rc;

	if (file == NULL || file->len == 0) {
		form_error(errors, "file", N_("Choose a file to upload"));
		return DB_CONSTRAINT;
	}
	date_today(rq->now, today);
	rc = paper_add(rq->db, rq->who.account_id, rq->ids[0], view_str(v,
	    "title"), type->mime, type->ext, file->value, file->len, today,
	    &id);
	if (rc == DB_OK)
		*location = location_of("/meetings/%lld#papers", rq->ids[0]);
	return form_constraint(rc, errors, "file", N_("The minutes of this "
	    "meeting are approved, so its record is closed: no more papers "
	    "can be added"));
}

static json_t *
paper_prepare(struct request *rq, struct response *rs, json_t *m,
    struct form_page *fp, int *refused)
{
	(void)rq;
	(void)fp;
	record_closed(rs, m, N_("The minutes of this meeting are approved, so "
	    "its record is closed: no more papers can be added."), refused);
	return NULL;
}

void
papers_add(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		meeting_load, "/meetings/%lld", "held_on", paper_prepare,
	};
	const struct form_field	*file = form_get_file(&rq->body, "file");
	struct filetype		 type;
	struct form_page	 fp = {
		.title = N_("Upload a paper"),
		.submit = N_("Upload paper"),
		.fields = paper_fields,
		.nfields = paper_fields_count, .save = paper_store,
		.file = &paper_file, .ctx = &type,
	};

	/* A file that is not what it says is refused outright, before any
	 * form: a guard against what it might do, not a slip of typing. */
	if (rq->method == HTTP_POST && file != NULL && file->len > 0 &&
	    !upload_check((const unsigned char *)file->value, file->len,
	    file->filename, &type)) {
		response_error(rs, 415, "The file must be a PDF, a Word or "
		    "OpenDocument text, or a PNG or JPEG image, named for what "
		    "it is.");
		return;
	}
	form_page_record(rq, rs, &fp, &fr);
}
