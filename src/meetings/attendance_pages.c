/*
 * Who came to a meeting: each member's status (present, apologies or
 * absent), whether the invited decision maker came, and any guests.  A
 * refused answer (a status not offered; guests too long, or with a
 * control character in them) comes back as the form as it was sent, each
 * error beside its box, and nothing is stored.
 */
#include <stdio.h>
#include <string.h>

#include "meetings.h"
#include "../db/db.h"
#include "../limits.h"
#include "../server/form_page.h"
#include "../server/saved_notice.h"
#include "../util/catalogue.h"
#include "../util/view.h"

static const struct field_spec guest_fields[] = {
	{ "guests", N_("Guests"), FIELD_TEXTAREA, 0, TEXT_MAX_CHARS, NULL,
	    NULL, NULL },
};

/* The name of a member's box: "person_ID". */
static void
member_box(const json_t *row, char name[48])
{
	snprintf(name, 48, "person_%lld", (long long)view_int(row,
	    "person_id"));
}

static int
status_offered(const char *status)
{
	const struct choice	*c;

	for (c = attendance_statuses; c->value != NULL; c++)
		if (strcmp(status, c->value) == 0)
			return 1;
	return 0;
}

/* Each member's choices, the status sent (when the form was refused) or
 * else recorded selected, and that member's error beside the box. */
static void
attendance_choices(json_t *rows, const struct form *sent,
    const json_t *errors)
{
	const struct choice	*c;
	json_t			*row, *opts;
	const char		*status;
	char			 name[48];
	size_t			 i;

	json_array_foreach(rows, i, row) {
		member_box(row, name);
		status = sent != NULL ? form_get(sent, name) :
		    json_string_value(json_object_get(row, "status"));
		opts = json_array();
		for (c = attendance_statuses; c->value != NULL; c++)
			json_array_append_new(opts, json_pack("{s:s, s:s, s:b}",
			    "value", c->value, "label", c->label, "selected",
			    status != NULL && strcmp(status, c->value) == 0));
		json_object_set_new(row, "options", opts);
		fields_error_beside(row, name, 0, errors);
	}
}

/* The errors of a POST, members' first, in the page's order; empty when
 * it may be saved.  *values receives the checked guests.  NULL when out
 * of memory. */
static json_t *
attendance_check(const json_t *rows, const struct form *f, json_t **values)
{
	json_t		*errors = json_array(), *guest_errors = NULL;
	const json_t	*row;
	const char	*status;
	char		 name[48];
	size_t		 i;

	json_array_foreach(rows, i, row) {
		member_box(row, name);
		status = form_get(f, name);
		if (status != NULL && *status != '\0' && !status_offered(status))
			form_error_words(errors, name, N_("{name}: choose "
			    "present, apologies or absent"), json_pack("{s:O}",
			    "name", json_object_get(row, "display_name")));
	}
	if (fields_validate(guest_fields, FIELDS_COUNT(guest_fields), f, NULL,
	    values, &guest_errors) == -1 || errors == NULL) {
		json_decref(errors);
		errors = NULL;
	} else
		json_array_extend(errors, guest_errors);
	json_decref(guest_errors);
	return errors;
}

/* The form: GET with what is recorded (sent NULL), or 422 with what was
 * sent and its errors. */
static void
attendance_show(struct request *rq, struct response *rs, int status,
    json_t *m, const struct form *sent, const json_t *values,
    const json_t *errors)
{
	json_t	*rows = attendance_list(rq->db, rq->ids[0]), *view;

	if (sent != NULL)
		json_object_set_new(m, "invited_attended", json_boolean(
		    form_get(sent, "invited_attended") != NULL));
	attendance_choices(rows, sent, errors);
	view = json_pack("{s:s, s:O, s:o, s:o, s:{s:o}, s:b}", "title",
	    N_("Who came"), "meeting", m, "members", rows, "statuses",
	    choices_json(attendance_statuses), "guest_form", "fields",
	    fields_view(guest_fields, FIELDS_COUNT(guest_fields), sent ?
	    values : m, errors, NULL), "has_errors", json_array_size(errors) >
	    0);
	if (view != NULL)
		json_object_set_new(view, "errors", errors ? json_deep_copy(
		    errors) : json_array());
	if (view == NULL)
		response_error(rs, 500, "Something went wrong.");
	else
		response_page(rs, status, "meetings/attendance", view);
}

void
meetings_attendance(struct request *rq, struct response *rs)
{
	json_t	*m, *rows, *values = NULL, *errors = NULL;

	if (meeting_load(rq->db, rq->ids[0], &m) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	if (rq->method == HTTP_GET) {
		attendance_show(rq, rs, 200, m, NULL, NULL, NULL);
		goto out;
	}
	rows = attendance_list(rq->db, rq->ids[0]);
	errors = attendance_check(rows, &rq->body, &values);
	json_decref(rows);
	if (errors == NULL)
		response_error(rs, 500, "Something went wrong.");
	else if (json_array_size(errors) > 0)
		attendance_show(rq, rs, 422, m, &rq->body, values, errors);
	else if (attendance_save(rq->db, rq->who.account_id, rq->ids[0],
	    &rq->body, view_str(values, "guests")) != DB_OK) {
		rs->retry_after = 1;
		response_error(rs, 503, "The service is busy. Try again.");
	} else
		saved_redirect(rs, "/meetings/%lld", rq->ids[0],
		    SAVED_ATTENDANCE);
out:
	json_decref(values);
	json_decref(errors);
	json_decref(m);
}
