/*
 * A group's rules, its meetings, their agendas and attendance.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meetings.h"
#include "../db/db.h"
#include "../limits.h"
#include "../people/people.h"
#include "../proposals/proposals.h"
#include "../render/markdown.h"
#include "../server/form_page.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

/* Who writes agendas and minutes: the group's members, reps and staff. */
#define WRITERS	(ROLE_BIT(ROLE_MEMBER) | ROLE_BIT(ROLE_REP) | ROLES_STAFF)

static int
rules_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int	 rc;

	(void)ctx;
	(void)errors;
	rc = rules_save(rq->db, rq->who.account_id, rq->ids[0], v);
	if (rc == DB_OK)
		*location = location_of("/groups/%lld/meetings", rq->ids[0]);
	return rc;
}

static json_t *
rules_prepare(struct request *rq, struct response *rs, json_t *group,
    struct form_page *fp, int *refused)
{
	json_t	*rules = NULL;

	(void)rs;
	(void)group;
	(void)refused;
	if (rules_load(rq->db, rq->ids[0], &rules) > 0)
		fp->initial = rules;
	return rules;
}

void
rules_edit(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld/meetings", "name", rules_prepare,
	};
	struct form_page fp = {
		.title = N_("The group's rules"), .submit = N_("Save rules"),
		.fields = rules_fields, .nfields = rules_fields_count,
		.save = rules_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

void
meetings_index(struct request *rq, struct response *rs)
{
	json_t	*group, *rules = NULL, *points;
	char	 today[DATE_CHARS + 1];
	json_t	*row;
	size_t	 i;

	if (group_load(rq->db, rq->ids[0], &group) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	(void)rules_load(rq->db, rq->ids[0], &rules);
	date_today(rq->now, today);
	points = action_points_open(rq->db, rq->ids[0]);
	json_array_foreach(points, i, row)
		json_object_set_new(row, "overdue", json_boolean(
		    date_diff_days(today, json_string_value(json_object_get(row,
		    "due_on"))) < 0));
	response_view(rs, "meetings/list", json_pack("{s:s, s:o, s:o, s:o, "
	    "s:o, s:b}", "title", N_("Meetings"), "group", group,
	    "constitution_html", markdown_html(json_string_value(
	    json_object_get(rules, "constitution"))),
	    "meetings", meeting_list(rq->db, rq->ids[0]),
	    "action_points", points,
	    "can_write", access_covers(&rq->who, WRITERS, view_int(group,
	    "site_id"), rq->ids[0])));
	json_decref(rules);
}

static int
meeting_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	int64_t	 id;
	int	 rc;

	(void)ctx;
	(void)errors;
	rc = meeting_add(rq->db, rq->who.account_id, rq->ids[0], v, &id);
	if (rc == DB_OK)
		*location = location_of("/meetings/%lld", id);
	return rc;
}

static json_t *
meeting_prepare(struct request *rq, struct response *rs, json_t *group,
    struct form_page *fp, int *refused)
{
	char	 today[DATE_CHARS + 1];
	json_t	*kept;

	(void)rs;
	(void)refused;
	date_today(rq->now, today);
	/* The chair is one of the group's current members. */
	kept = json_pack("{s:{s:o, s:o}, s:{s:s, s:s, s:s}}", "options",
	    "chair_person_id", group_member_options(rq->db, view_int(group, "id")),
	    "invited_id", decision_maker_options(rq->db, view_int(group,
	    "site_id"), view_int(group, "id"), 0),
	    "initial", "held_on", today, "starts_at", "14:00", "kind", "forum");
	return form_page_keep(fp, kept);
}

void
meetings_new(struct request *rq, struct response *rs)
{
	static const struct form_record fr = {
		group_load, "/groups/%lld/meetings", "name", meeting_prepare,
	};
	struct form_page fp = {
		.title = N_("Plan a meeting"), .submit = N_("Plan it"),
		.fields = meeting_fields, .nfields = meeting_fields_count,
		.save = meeting_store,
	};

	form_page_record(rq, rs, &fp, &fr);
}

void
meeting_summary(json_t *m)
{
	int64_t	 need = quorum_needed(json_string_value(json_object_get(m,
	    "quorum_rule")), view_int(m, "quorum_number"), view_int(m,
	    "member_count"));

	int	 applies = meeting_kind_has_quorum(view_str(m, "kind"));

	json_object_set_new(m, "quorum_applies", json_boolean(applies));
	/* Nothing else records that the register was taken: until a row
	 * is saved, "0 present" is not known, and "not quorate" would be
	 * a false alarm on every meeting still to come. */
	json_object_set_new(m, "attendance_taken", json_boolean(view_int(m,
	    "attendance_rows") > 0));
	json_object_set_new(m, "quorum_needed", json_integer(need));
	json_object_set_new(m, "quorate", json_boolean(!applies ||
	    view_int(m, "present_count") >= need));
	json_object_set_new(m, "kind_label", json_string(choice_label(
	    meeting_kinds, json_string_value(json_object_get(m, "kind")))));
}

void
meetings_show(struct request *rq, struct response *rs)
{
	json_t	*m, *items, *item, *actions, *later;
	char	 today[DATE_CHARS + 1];
	size_t	 i;
	int	 writer, published;

	if (meeting_load(rq->db, rq->ids[0], &m) <= 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	meeting_summary(m);
	writer = access_covers(&rq->who, WRITERS, view_int(m, "site_id"),
	    view_int(m, "group_id"));
	published = strcmp(json_string_value(json_object_get(m,
	    "minutes_state")), "published") == 0;
	items = agenda_list(rq->db, rq->ids[0]);
	/* Draft minutes are for those who write them. */
	json_array_foreach(items, i, item) {
		if (writer || published)
			json_object_set_new(item, "minutes_html", markdown_html(
			    json_string_value(json_object_get(item, "minutes"))));
		else
			json_object_del(item, "minutes");
	}
	/* Draft minutes are approved at a later meeting: with none
	 * planned, the page says so rather than offer the form. */
	if (strcmp(view_str(m, "minutes_state"), "draft") == 0 &&
	    (later = meetings_later(rq->db, m)) != NULL) {
		json_object_set_new(m, json_array_size(later) > 0 ?
		    "can_approve" : "approve_later", json_true());
		json_decref(later);
	}
	actions = meeting_actions(rq->db, rq->ids[0]);
	date_today(rq->now, today);
	actions_mark_late(actions, today);
	response_view(rs, "meetings/show", json_pack("{s:s, s:o, s:o, s:o, "
	    "s:o, s:o, s:o, s:o, s:b, s:b, s:o}", "title", N_("Meeting"), "decisions",
	    decision_list(rq->db, rq->ids[0]), "answers",
	    answers_at_meeting(rq->db, rq->ids[0]), "papers",
	    paper_list(rq->db, rq->ids[0]), "meeting", m,
	    "agenda", items, "attendance", attendance_list(rq->db, rq->ids[0]),
	    "actions", actions, "can_write", writer, "minutes_visible", writer || published,
	    "add_item", json_pack("{s:o}", "fields", fields_view(
	    agenda_item_fields, agenda_item_fields_count, NULL, NULL, NULL))));
}

static void
agenda_step(struct request *rq, struct response *rs, int by)
{
	int64_t		 meeting;
	int		 rc;

	rc = agenda_move(rq->db, rq->who.account_id, rq->ids[0], by, &meeting);
	if (rc == DB_CONSTRAINT)
		response_error(rs, 409, "That item cannot move: it is at the "
		    "end, or the minutes are approved.");
	else if (rc != DB_OK)
		response_error(rs, 503, "The service is busy. Try again.");
	else
		response_redirect(rs, "/meetings/%lld#agenda",
		    (long long)meeting);
}

void
agenda_up(struct request *rq, struct response *rs)
{
	agenda_step(rq, rs, -1);
}

void
agenda_down(struct request *rq, struct response *rs)
{
	agenda_step(rq, rs, 1);
}

