/*
 * Minutes typed per agenda item (saved as they type, when JavaScript is
 * there to do it), structured action points, approval at a later meeting
 * with who proposed and seconded, publishing, and the printable minutes
 * and meeting pack.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meetings.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../render/markdown.h"
#include "../render/pdf.h"
#include "../render/print_words.h"
#include "../server/download_name.h"
#include "../server/language.h"
#include "../server/form_page.h"
#include "../voice/voice.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/text.h"
#include "../util/view.h"
#include "../server/text_size.h"

/* Every item's minutes must fit; the names are "item_ID". */
static int
minutes_fit(const struct form *f)
{
	size_t	 i;

	for (i = 0; i < f->n; i++)
		if (strncmp(f->fields[i].name, "item_", 5) == 0 &&
		    f->fields[i].len > MINUTES_MAX_CHARS * 4)
			return 0;
	return 1;
}

/*
 * The names check on every item's minutes, as typed: the agenda comes
 * back with what was typed and each item's error, for the form again.
 * Returns the errors (empty when none); new reference.
 */
static json_t *
minutes_names_check(const struct request *rq, json_t *agenda)
{
	const struct form *f = &rq->body;
	json_t		*errors = json_array(), *item, *n;
	const char	*text, *no_names = form_get(f, "no_names");
	char		 name[48], *label;
	size_t		 i, before;

	json_array_foreach(agenda, i, item) {
		snprintf(name, sizeof(name), "item_%lld", (long long)
		    view_int(item, "id"));
		if ((text = form_get(f, name)) == NULL)
			continue;
		json_object_set_new(item, "minutes", json_string(text));
		/* Worded here: the item's number is part of the label. */
		n = json_pack("{s:I}", "n", view_int(item, "position"));
		label = request_words(rq, N_("The minutes of item {n}"), n);
		json_decref(n);
		before = json_array_size(errors);
		fields_names_check(errors, name, label != NULL ? label :
		    N_("Minutes"), text, no_names != NULL && *no_names != '\0');
		free(label);
		if (json_array_size(errors) > before)
			fields_error_show(item, json_array_get(errors,
			    before));
	}
	return errors;
}

void
minutes_edit(struct request *rq, struct response *rs)
{
	json_t	*m, *agenda, *errors;
	int	 rc;

	if (meeting_load(rq->db, rq->ids[0], &m) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	if (rq->method == HTTP_GET) {
		meeting_summary(m);
		response_view(rs, "meetings/minutes", json_pack("{s:s, s:o, s:o}",
		    "title", N_("Minutes"), "meeting", m, "agenda",
		    agenda_list(rq->db, rq->ids[0])));
		return;
	}
	if (!minutes_fit(&rq->body)) {
		json_decref(m);
		response_error(rs, 413, "The minutes of one item are too long.");
		return;
	}
	agenda = agenda_list(rq->db, rq->ids[0]);
	errors = minutes_names_check(rq, agenda);
	if (json_array_size(errors) > 0) {
		meeting_summary(m);
		if ((m = json_pack("{s:s, s:o, s:o, s:o, s:b}", "title",
		    N_("Minutes"), "meeting", m, "agenda", agenda, "errors", errors,
		    "has_errors", 1)) == NULL)
			response_error(rs, 500, "Something went wrong.");
		else
			response_page(rs, 422, "meetings/minutes", m);
		return;
	}
	json_decref(agenda);
	json_decref(errors);
	json_decref(m);
	rc = minutes_save(rq->db, rq->who.account_id, rq->ids[0], &rq->body);
	if (rc == DB_CONSTRAINT)
		response_error(rs, 409, "These minutes are approved and can no "
		    "longer be changed.");
	else if (rc != DB_OK)
		response_error(rs, 503, "The minutes were not saved. Try again.");
	else
		response_redirect(rs, "/meetings/%lld/minutes?saved=1",
		    (long long)rq->ids[0]);
}

static int
point_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	char	 today[DATE_CHARS + 1];
	int	 rc;

	(void)ctx;
	(void)errors;
	date_today(rq->now, today);
	rc = action_point_add(rq->db, rq->who.account_id, rq->ids[0], v, today);
	if (rc == DB_OK)
		*location = location_of("/meetings/%lld#actions", rq->ids[0]);
	return rc;
}

/* Owners work at the group's site. */
static json_t *
point_prepare(struct request *rq, struct response *rs, json_t *m,
    struct form_page *fp, int *refused)
{
	json_t	*options;

	(void)rs;
	(void)refused;
	options = json_pack("{s:o}", "owner_id", account_options_at(rq->db,
	    view_int(m, "site_id")));
	fp->options = options;
	return options;
}

void
action_points_add(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		meeting_load, "/meetings/%lld", "held_on", point_prepare,
	};
	struct form_page fp = {
		.title = N_("Add an action point"),
		.submit = N_("Add action point"),
		.fields = action_point_fields,
		.nfields = action_point_fields_count, .save = point_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

void
action_points_index(struct request *rq, struct response *rs)
{
	json_t	*group, *points, *row;
	char	 today[DATE_CHARS + 1];
	size_t	 i;

	if (group_load(rq->db, rq->ids[0], &group) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	date_today(rq->now, today);
	points = action_points_open(rq->db, rq->ids[0]);
	json_array_foreach(points, i, row) {
		json_object_set_new(row, "age_days", json_integer(date_diff_days(
		    view_str(row, "created_on"), today)));
		json_object_set_new(row, "overdue", json_boolean(
		    date_passed(view_str(row, "due_on"), today)));
	}
	response_view(rs, "meetings/action_points", json_pack("{s:s, s:o, s:o}",
	    "title", N_("Open action points"), "group", group, "action_points",
	    points));
}

static int
approve_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	if (view_int(v, "proposed_by") ==
	    view_int(v, "seconded_by")) {
		form_error(errors, "seconded_by",
		    N_("Someone else must second it"));
		return DB_CONSTRAINT;
	}
	rc = minutes_approve(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/meetings/%lld", rq->ids[0]);
	return form_constraint(rc, errors, "approved_at",
	    "Only draft minutes can be approved");
}

/* Minutes are approved at a later meeting of the same group.  When none
 * is planned the form would have no meeting to choose: the page says
 * so, and how to plan one, instead (a POST is refused, 409). */
static json_t *
approve_prepare(struct request *rq, struct response *rs, json_t *m,
    struct form_page *fp, int *refused)
{
	json_t	*later, *row, *kept;
	char	 day[DATE_WORDS_CHARS + 1];
	size_t	 i;

	if ((later = meetings_later(rq->db, m)) == NULL) {
		response_error(rs, 500, "Something went wrong.");
		*refused = 1;
		return NULL;
	}
	if (json_array_size(later) == 0) {
		json_decref(later);
		response_page(rs, rq->method == HTTP_POST ? 409 : 200,
		    "meetings/approve_later", json_pack("{s:s, s:O}", "title",
		    N_("Record that the minutes were approved"), "meeting", m));
		*refused = 1;
		return NULL;
	}
	json_array_foreach(later, i, row) {
		json_object_set_new(row, "value", json_incref(
		    json_object_get(row, "id")));
		json_object_set_new(row, "label", json_string(date_words_in(
		    view_str(row, "held_on"), day, language_words(rq->lang))));
	}
	kept = json_pack("{s:o, s:o, s:o}", "approved_at", later,
	    "proposed_by", group_member_options(rq->db, view_int(m, "group_id")),
	    "seconded_by", group_member_options(rq->db, view_int(m, "group_id")));
	fp->options = kept;
	return kept;
}

void
minutes_approve_page(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		meeting_load, "/meetings/%lld", "held_on", approve_prepare,
	};
	struct form_page fp = {
		.title = N_("Record that the minutes were approved"),
		.submit = N_("Approve"), .fields = approval_fields,
		.nfields = approval_fields_count, .save = approve_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

void
minutes_publish_page(struct request *rq, struct response *rs)
{
	char	 today[DATE_CHARS + 1];
	int	 rc;

	date_today(rq->now, today);
	rc = minutes_publish(rq->db, rq->who.account_id, rq->ids[0], today);
	if (rc == DB_CONSTRAINT)
		response_error(rs, 409, "Only approved minutes can be published.");
	else if (rc != DB_OK)
		response_error(rs, 503, "The service is busy. Try again.");
	else
		response_redirect(rs, "/meetings/%lld", (long long)rq->ids[0]);
}

static void
decisions_draw(struct pdf *pdf, struct print_words *w,
    const json_t *decisions)
{
	const json_t	*row;
	size_t		 i;

	if (json_array_size(decisions) > 0)
		pdf_heading(pdf, print_say(w, N_("Decisions"), NULL), 2);
	json_array_foreach(decisions, i, row)
		pdf_pair(pdf, print_say(w, json_is_true(json_object_get(row,
		    "quorate")) || view_int(row, "quorate") ? N_("Decided") :
		    N_("Decided without quorum"), NULL), view_str(row, "text"));
}

static void
minutes_draw(struct pdf *pdf, struct print_words *w, const json_t *m,
    const json_t *items, const json_t *actions, int with_minutes)
{
	const json_t	*row;
	json_t		*n;
	size_t		 i;
	unsigned long	 members = (unsigned long)view_int(m, "member_count");

	pdf_heading(pdf, print_say(w, N_("{group_name}: {kind_label | t} on "
	    "{held_on | date} at {starts_at}"), m), 1);
	pdf_pair(pdf, print_say(w, N_("Where"), NULL), view_str(m, "place"));
	pdf_pair(pdf, print_say(w, N_("Chair"), NULL), view_str(m,
	    "chair_name"));
	if (json_is_true(json_object_get(m, "quorum_applies")))
		pdf_pair(pdf, print_say(w, N_("Quorum"), NULL),
		    !json_is_true(json_object_get(m, "attendance_taken")) ?
		    print_say_n(w, "Attendance not recorded yet; "
		    "{quorum_needed} of {member_count} member needed for "
		    "quorum", "Attendance not recorded yet; {quorum_needed} of "
		    "{member_count} members needed for quorum", members, m) :
		    json_is_true(json_object_get(m, "quorate")) ?
		    print_say_n(w, "{present_count} present of "
		    "{member_count} member; {quorum_needed} needed, so "
		    "quorate", "{present_count} present of {member_count} "
		    "members; {quorum_needed} needed, so quorate", members,
		    m) : print_say_n(w, "{present_count} present of "
		    "{member_count} member; {quorum_needed} needed, so NOT "
		    "quorate: decisions need confirming", "{present_count} "
		    "present of {member_count} members; {quorum_needed} "
		    "needed, so NOT quorate: decisions need confirming",
		    members, m));
	json_array_foreach(items, i, row) {
		n = json_pack("{s:I, s:s}", "n", (json_int_t)(i + 1), "name",
		    print_say(w, view_str(row, "title_msgid"), row));
		pdf_heading(pdf, print_say(w, N_("{n}. {name}"), n), 2);
		json_decref(n);
		if (with_minutes) {
			char	*plain = markdown_plain(view_str(row, "minutes"));

			pdf_paragraph(pdf, plain);
			free(plain);
		}
	}
	if (json_array_size(actions) > 0)
		pdf_heading(pdf, print_say(w, N_("Action points"), NULL), 2);
	json_array_foreach(actions, i, row)
		pdf_pair(pdf, view_str(row, "text"), print_say(w,
		    N_("{owner_name}, by {due_on | date}"), row));
}

json_t *
minutes_load(struct db *db, int64_t meeting_id)
{
	json_t	*m;

	if (meeting_load(db, meeting_id, &m) <= 0)
		return NULL;
	meeting_summary(m);
	return json_pack("{s:o, s:o?, s:o?, s:o?, s:o?}", "meeting", m,
	    "items", agenda_list(db, meeting_id),
	    "actions", meeting_actions(db, meeting_id),
	    "papers", paper_list(db, meeting_id),
	    "decisions", decision_list(db, meeting_id));
}

void
minutes_draw_loaded(struct pdf *pdf, struct print_words *w,
    const json_t *loaded)
{
	const json_t	*papers = json_object_get(loaded, "papers"), *row;
	size_t		 i;

	if (loaded == NULL)
		return;
	/* Minutes not yet approved say so before anything else, so a
	 * page copied or read aloud is not taken for the record. */
	if (strcmp(view_str(json_object_get(loaded, "meeting"),
	    "minutes_state"), "draft") == 0)
		pdf_heading(pdf, print_say(w, N_("DRAFT: these minutes are "
		    "not approved yet"), NULL), 1);
	minutes_draw(pdf, w, json_object_get(loaded, "meeting"),
	    json_object_get(loaded, "items"),
	    json_object_get(loaded, "actions"), 1);
	decisions_draw(pdf, w, json_object_get(loaded, "decisions"));
	if (json_array_size(papers) > 0)
		pdf_heading(pdf, print_say(w, N_("Papers"), NULL), 2);
	json_array_foreach(papers, i, row)
		pdf_pair(pdf, view_str(row, "title"), print_date(w,
		    view_str(row, "circulated_on")));
}

void
minutes_render(struct pdf *pdf, struct print_words *w, struct db *db,
    int64_t meeting_id)
{
	json_t	*loaded = minutes_load(db, meeting_id);

	minutes_draw_loaded(pdf, w, loaded);
	json_decref(loaded);
}

/* The pack, for printing before the meeting: its agenda, the open action
 * points, the list of papers, and the last published minutes. */
static void
pack_draw(struct pdf *pdf, struct print_words *w, struct db *db,
    int64_t meeting_id)
{
	json_t	*m, *items, *actions, *papers, *row;
	int64_t	 previous;
	size_t	 i;

	if (meeting_load(db, meeting_id, &m) <= 0)
		return;
	meeting_summary(m);
	items = agenda_list(db, meeting_id);
	actions = action_points_open(db, view_int(m, "group_id"));
	papers = paper_list(db, meeting_id);
	pdf_heading(pdf, print_say(w, N_("Meeting pack"), NULL), 1);
	minutes_draw(pdf, w, m, items, actions, 0);
	pdf_heading(pdf, print_say(w, N_("Papers"), NULL), 2);
	if (json_array_size(papers) == 0)
		pdf_paragraph(pdf, print_say(w, N_("No papers."), NULL));
	json_array_foreach(papers, i, row)
		pdf_pair(pdf, view_str(row, "title"), json_integer_value(
		    json_object_get(row, "late")) ? print_say(w,
		    N_("circulated late"), NULL) : print_date(w, view_str(row,
		    "circulated_on")));
	if (meeting_previous(db, meeting_id, &previous) > 0) {
		pdf_page_break(pdf);
		pdf_heading(pdf, print_say(w, N_("Minutes of the last meeting"),
		    NULL), 1);
		minutes_render(pdf, w, db, previous);
	}
	json_decref(m);
	json_decref(items);
	json_decref(actions);
	json_decref(papers);
}

/* Renders a PDF of the meeting, in the reader's language: minutes
 * (their own, if visible) or the pack. */
static void
meeting_pdf(struct request *rq, struct response *rs, int minutes)
{
	json_t		*m;
	struct pdf	*pdf;
	struct print_words w;

	if (meeting_load(rq->db, rq->ids[0], &m) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	if (minutes && strcmp(view_str(m, "minutes_state"), "published") != 0 &&
	    !access_covers(&rq->who, ROLE_BIT(ROLE_MEMBER) | ROLE_BIT(ROLE_REP) |
	    ROLES_STAFF, view_int(m, "site_id"), view_int(m, "group_id"))) {
		json_decref(m);
		response_error(rs, 403, "These minutes are not published yet.");
		return;
	}
	print_words_init(&w, language_words(rq->lang), 0);
	/* The title is each page's footer too: a draft says so on every
	 * page. */
	pdf = print_pdf_new(&w, &rs->body, print_say(&w, !minutes ?
	    N_("Meeting pack {held_on | date}") : strcmp(view_str(m,
	    "minutes_state"), "draft") == 0 ? N_("DRAFT minutes {held_on | "
	    "date}") : N_("Minutes {held_on | date}"), m), pdf_size_for(rq,
	    PDF_NORMAL));
	if (minutes)
		minutes_render(pdf, &w, rq->db, rq->ids[0]);
	else
		pack_draw(pdf, &w, rq->db, rq->ids[0]);
	print_words_free(&w);
	/* A draft's file says draft as its pages do.
	 * TRANSLATORS: a file's name: letters, digits and hyphens,
	 * keeping {group_name} and {held_on}, the day (as 2026-11-09). */
	response_pdf(rq, rs, pdf, !minutes ?
	    N_("meeting-pack-{group_name}-{held_on}") : strcmp(view_str(m,
	    "minutes_state"), "draft") == 0 ?
	    N_("draft-minutes-{group_name}-{held_on}") :
	    N_("minutes-{group_name}-{held_on}"), m);
	json_decref(m);
}

void
minutes_pdf(struct request *rq, struct response *rs)
{
	meeting_pdf(rq, rs, 1);
}

void
meeting_pack_pdf(struct request *rq, struct response *rs)
{
	meeting_pdf(rq, rs, 0);
}
