/*
 * SQL for meetings: rules, the agenda builder, attendance, minutes and
 * action points (rows of the one actions table, with a meeting_id).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meetings.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../proposals/proposals.h"
#include "../util/catalogue.h"
#include "../util/view.h"

static const char *sql_target =
    "SELECT ifnull(g.site_id, 0), g.id FROM meetings m "
    "JOIN groups g ON g.id = m.group_id WHERE m.id = ?";
static const char *sql_item_target =
    "SELECT ifnull(g.site_id, 0), g.id FROM agenda_items i "
    "JOIN meetings m ON m.id = i.meeting_id "
    "JOIN groups g ON g.id = m.group_id WHERE i.id = ?";
static const char *sql_rules =
    "SELECT id, name, constitution, quorum_rule, quorum_number, papers_days, "
    "standing_items FROM groups WHERE id = ?";
static const char *sql_rules_save =
    "UPDATE groups SET constitution = ifnull(?, ''), quorum_rule = ?, "
    "quorum_number = ifnull(?, 0), papers_days = ?, "
    "standing_items = ifnull(?, '') WHERE id = ?";
static const char *sql_insert =
    "INSERT INTO meetings (id, group_id, kind, held_on, starts_at, place, "
    "chair_person_id, invited_id, created_by) "
    "VALUES (rt_next_id('meetings'), ?, ?, ?, ?, ifnull(?, ''), ?, ?, ?)";
static const char *sql_load =
    "SELECT m.id, m.group_id, m.kind, m.held_on, m.starts_at, m.place, "
    "m.chair_person_id, m.guests, m.minutes_state, m.approved_at, "
    "m.proposed_by, m.seconded_by, m.published_on, m.invited_id, "
    "m.invited_attended, inv.display_name AS invited_name, "
    "g.name AS group_name, "
    "g.site_id, g.quorum_rule, g.quorum_number, g.papers_days, "
    "ch.display_name AS chair_name, "
    "(SELECT count(*) FROM memberships ms WHERE ms.group_id = m.group_id "
    "  AND ms.from_on <= m.held_on AND (ms.to_on IS NULL OR "
    "  ms.to_on >= m.held_on) AND ms.person_id NOT IN " DECIDERS ") "
    "  AS member_count, "
    "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id "
    "  AND a.status = 'present' AND a.person_id NOT IN " DECIDERS ") "
    "  AS present_count, "
    "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id) "
    "  AS attendance_rows, "
    "(SELECT held_on FROM meetings l WHERE l.id = m.approved_at) "
    "  AS approved_on FROM meetings m JOIN groups g ON g.id = m.group_id "
    "LEFT JOIN people ch ON ch.id = m.chair_person_id "
    "LEFT JOIN accounts inv ON inv.id = m.invited_id WHERE m.id = ?";
static const char *sql_list =
    "SELECT id, kind, held_on, starts_at, place, minutes_state, "
    "published_on FROM meetings WHERE group_id = ? ORDER BY held_on DESC, id DESC";
/* The meetings that may approve this one's minutes: the group's later
 * ones, the nearest last (as the form lists them). */
static const char *sql_later =
    "SELECT id, held_on FROM meetings WHERE group_id = ? AND held_on > ? "
    "ORDER BY held_on DESC, id DESC LIMIT ?";
static const char *sql_agenda =
    "SELECT id, position, title, kind, ref_id, minutes FROM agenda_items "
    "WHERE meeting_id = ? ORDER BY position";
static const char *sql_item_add =
    "INSERT INTO agenda_items (id, meeting_id, position, title, kind, "
    "ref_id) SELECT rt_next_id('agenda_items'), ?1, "
    "ifnull(max(position), 0) + 1, ?2, ?3, nullif(?4, 0) "
    "FROM agenda_items WHERE meeting_id = ?1 "
    "AND (SELECT minutes_state FROM meetings WHERE id = ?1) = 'draft'";
static const char *sql_open_points =
    "SELECT a.id, a.text, a.due_on, a.created_on, a.meeting_id, "
    "a.proposal_id, o.display_name AS owner_name FROM actions a "
    "JOIN accounts o ON o.id = a.owner_id "
    "LEFT JOIN proposals p ON p.id = a.proposal_id "
    "LEFT JOIN meetings m ON m.id = a.meeting_id "
    "WHERE coalesce(p.group_id, m.group_id) = ? AND a.closed_on IS NULL "
    "ORDER BY a.due_on, a.id";
/* A one-to-one's agenda: the group's proposals awaiting the invited
 * decision maker (?1) on the day (?2), overdue first. */
static const char *sql_awaiting_answer =
    "SELECT p.id, CASE WHEN p.due_on < ?2 THEN 'Overdue answer: ' ELSE "
    "'Answer due: ' END || p.title AS title FROM proposals p "
    "WHERE p.group_id = ?3 AND p.decision_maker_id = ?1 AND (p.state = "
    "'more_info' OR " PROPOSAL_AWAITING_SQL("?2") ") ORDER BY p.due_on < ?2 DESC, p.due_on, p.id";
static const char *sql_answers_at =
    "SELECT p.id, p.title || ': ' || replace(r.kind, '_', ' ') AS text, "
    "r.responded_on FROM responses r JOIN proposals p ON "
    "p.id = r.proposal_id WHERE r.meeting_id = ? ORDER BY r.id";
static const char *sql_drafts =
    "SELECT id, title FROM proposals WHERE group_id = ? AND state = 'draft' "
    "ORDER BY id";
static const char *sql_responses_since =
    "SELECT p.id, p.title || ': ' || replace(r.kind, '_', ' ') AS title "
    "FROM responses r JOIN proposals p ON p.id = r.proposal_id "
    "WHERE p.group_id = ?1 AND r.responded_on <= ?3 "
    "AND r.responded_on > ifnull((SELECT max(held_on) FROM meetings "
    "WHERE group_id = ?1 AND id != ?2 AND held_on <= ?3), '0000') "
    "ORDER BY r.id";
static const char *sql_item_pos =
    "SELECT i.meeting_id, i.position FROM agenda_items i "
    "JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ? "
    "AND m.minutes_state = 'draft'";
static const char *sql_item_at =
    "SELECT id FROM agenda_items WHERE meeting_id = ? AND position = ?";
static const char *sql_item_set_pos =
    "UPDATE agenda_items SET position = ? WHERE id = ?";
static const char *sql_attendance =
    "SELECT p.id AS person_id, p.display_name, ms.position, "
    "ifnull(a.status, '') AS status FROM memberships ms "
    "JOIN people p ON p.id = ms.person_id "
    "JOIN meetings m ON m.id = ?1 AND m.group_id = ms.group_id "
    "LEFT JOIN attendance a ON a.meeting_id = m.id AND a.person_id = p.id "
    "WHERE ms.from_on <= m.held_on AND (ms.to_on IS NULL OR "
    "ms.to_on >= m.held_on) ORDER BY p.display_name";
static const char *sql_attend =
    "INSERT INTO attendance (meeting_id, person_id, status) VALUES (?, ?, ?) "
    "ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = excluded.status";
static const char *sql_guests =
    "UPDATE meetings SET guests = ?1, invited_attended = CASE WHEN "
    "invited_id IS NULL THEN NULL ELSE ?2 END WHERE id = ?3";
static const char *sql_minutes =
    "UPDATE agenda_items SET minutes = ? WHERE id = ? AND meeting_id = ? "
    "AND (SELECT minutes_state FROM meetings WHERE id = ?3) = 'draft'";
static const char *sql_approve =
    "UPDATE meetings SET minutes_state = 'approved', approved_at = ?, "
    "proposed_by = ?, seconded_by = ? WHERE id = ? AND minutes_state = 'draft'";
static const char *sql_publish =
    "UPDATE meetings SET minutes_state = 'published', published_on = ? "
    "WHERE id = ? AND minutes_state = 'approved'";
static const char *sql_point_add =
    "INSERT INTO actions (id, meeting_id, text, owner_id, due_on, "
    "created_on) VALUES (rt_next_id('actions'), ?, ?, ?, ?, ?)";
static const char *sql_meeting_actions =
    "SELECT a.id, a.text, a.due_on, a.closed_on, o.display_name AS owner_name "
    "FROM actions a JOIN accounts o ON o.id = a.owner_id "
    "WHERE a.meeting_id = ? ORDER BY a.id";

int
meeting_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_target, ids[0], &t->site_id, &t->group_id);
}

int
agenda_item_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_item_target, ids[0], &t->site_id, &t->group_id);
}

int
rules_load(struct db *db, int64_t group_id, json_t **out)
{
	return db_row(db, out, sql_rules, "i", group_id);
}

#define V(name)	json_object_get(v, name)

int
rules_save(struct db *db, int64_t actor, int64_t group_id, json_t *v)
{
	int	 rc;

	if ((rc = db_exec(db, sql_rules_save, "jjjjji", V("constitution"),
	    V("quorum_rule"), V("quorum_number"), V("papers_days"),
	    V("standing_items"), group_id)) != DB_OK)
		return rc;
	return audit_append(db, actor, "group.rules", "group", group_id, NULL);
}

static int
item_add(struct db *db, int64_t meeting, const char *title, const char *kind,
    int64_t ref)
{
	return db_exec(db, sql_item_add, "itti", meeting, title, kind, ref);
}

/* Adds one item per row of rows, titled from its text or title; what
 * kind of item it is ("Action point: ") is worded when it is shown
 * (agenda_list), in the reader's language. */
static int
items_from(struct db *db, int64_t meeting, json_t *rows, const char *kind,
    size_t *count)
{
	json_t	*row;
	size_t	 i;
	int	 rc = DB_OK;

	json_array_foreach(rows, i, row) {
		if (*count >= AGENDA_ITEMS_MAX)
			break;
		rc = item_add(db, meeting, json_string_value(json_object_get(
		    row, json_object_get(row, "text") ? "text" : "title")),
		    kind, json_integer_value(json_object_get(row, "id")));
		if (rc != DB_OK)
			return rc;
		(*count)++;
	}
	return rc;
}

/* A one-to-one has no standing items and answers to no quorum: its
 * agenda is what awaits the decision maker's answer. */
static int
agenda_one_to_one(struct db *db, int64_t meeting, int64_t group,
    const json_t *v)
{
	json_t	*awaiting;
	size_t	 count = 0;
	int	 rc;

	awaiting = db_rows(db, sql_awaiting_answer, "iti", json_integer_value(
	    V("invited_id")), json_string_value(V("held_on")), group);
	if (awaiting == NULL)
		return DB_ERROR;
	rc = items_from(db, meeting, awaiting, "proposal", &count);
	json_decref(awaiting);
	return rc;
}

json_t *
answers_at_meeting(struct db *db, int64_t meeting_id)
{
	return db_rows(db, sql_answers_at, "i", meeting_id);
}

/* The agenda builds itself; the chair adds and reorders afterwards. */
static int
agenda_build(struct db *db, int64_t meeting, int64_t group,
    const char *held_on)
{
	json_t		*rules = NULL, *standing, *points, *drafts, *answers;
	const char	*text;
	char		*copy, *line, *save;
	size_t		 count = 0;
	int		 rc = DB_OK;

	if (rules_load(db, group, &rules) <= 0)
		return DB_ERROR;
	text = json_string_value(json_object_get(rules, "standing_items"));
	standing = json_array();
	if ((copy = strdup(text ? text : "")) != NULL)
		for (line = strtok_r(copy, "\r\n", &save); line != NULL;
		    line = strtok_r(NULL, "\r\n", &save))
			if (line[strspn(line, " \t")] != '\0')
				json_array_append_new(standing,
				    json_pack("{s:s, s:i}", "title", line, "id", 0));
	free(copy);
	json_decref(rules);
	points = db_rows(db, sql_open_points, "i", group);
	drafts = db_rows(db, sql_drafts, "i", group);
	answers = db_rows(db, sql_responses_since, "iit", group, meeting,
	    held_on);
	if (points == NULL || drafts == NULL || answers == NULL)
		rc = DB_ERROR;
	if (rc == DB_OK)
		rc = items_from(db, meeting, standing, "standing", &count);
	if (rc == DB_OK)
		rc = items_from(db, meeting, points, "action", &count);
	if (rc == DB_OK)
		rc = items_from(db, meeting, drafts, "proposal", &count);
	if (rc == DB_OK)
		rc = items_from(db, meeting, answers, "response", &count);
	json_decref(standing);
	json_decref(points);
	json_decref(drafts);
	json_decref(answers);
	return rc;
}

int
meeting_add(struct db *db, int64_t actor, int64_t group_id, json_t *v,
    int64_t *id)
{
	int	 rc;

	if ((rc = db_exec(db, sql_insert, "ijjjjjji", group_id, V("kind"),
	    V("held_on"), V("starts_at"), V("place"), V("chair_person_id"),
	    V("invited_id"), actor)) != DB_OK)
		return rc;
	*id = db_last_id(db);
	rc = meeting_kind_has_quorum(json_string_value(V("kind"))) ?
	    agenda_build(db, *id, group_id, json_string_value(V("held_on"))) :
	    agenda_one_to_one(db, *id, group_id, v);
	if (rc != DB_OK)
		return rc;
	return audit_append(db, actor, "meeting.create", "meeting", *id,
	    json_string_value(V("held_on")));
}

int
meeting_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_load, "i", id);
}

json_t *
meeting_list(struct db *db, int64_t group_id)
{
	return db_rows(db, sql_list, "i", group_id);
}

json_t *
meetings_later(struct db *db, const json_t *m)
{
	return db_rows(db, sql_later, "iti", view_int(m, "group_id"),
	    view_str(m, "held_on"), (int64_t)FORM_CHOICES_MAX);
}

/* What each kind of item made from a record says before its title (an
 * older item stored it in English: migration 0072 took it away). */
static const struct {
	const char	*kind;
	const char	*msgid;
} item_words[] = {
	{ "action", N_("Action point: {title}") },
	{ "proposal", N_("Proposal to decide: {title}") },
	{ "response", N_("Response received: {title}") },
};

json_t *
agenda_list(struct db *db, int64_t meeting_id)
{
	json_t		*rows = db_rows(db, sql_agenda, "i", meeting_id), *row;
	const char	*kind, *msgid;
	size_t		 i, k;

	/* title_msgid: the item worded by the page (| words) or print. */
	json_array_foreach(rows, i, row) {
		kind = view_str(row, "kind");
		msgid = "{title}";
		for (k = 0; k < sizeof(item_words) / sizeof(item_words[0]);
		    k++)
			if (strcmp(kind, item_words[k].kind) == 0)
				msgid = item_words[k].msgid;
		json_object_set_new(row, "title_msgid", json_string(msgid));
	}
	return rows;
}

int
agenda_add(struct db *db, int64_t actor, int64_t meeting_id, json_t *v)
{
	int	 rc;

	if ((rc = item_add(db, meeting_id, json_string_value(V("title")),
	    "other", 0)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;	/* the minutes are approved */
	return audit_append(db, actor, "agenda.add", "meeting", meeting_id,
	    NULL);
}

int
agenda_move(struct db *db, int64_t actor, int64_t item_id, int by,
    int64_t *meeting_out)
{
	int64_t	 meeting, position, other;
	int	 rc;

	if ((rc = db_pair(db, sql_item_pos, item_id, &meeting, &position)) < 0)
		return DB_ERROR;
	if (rc == 0)
		return DB_CONSTRAINT;	/* the minutes are approved */
	*meeting_out = meeting;
	if ((rc = db_int(db, &other, sql_item_at, "ii", meeting,
	    position + by)) < 0)
		return DB_ERROR;
	if (rc == 0)
		return DB_CONSTRAINT;	/* already first or last */
	/* Through a free position: (meeting, position) is unique. */
	if ((rc = db_exec(db, sql_item_set_pos, "ii", (int64_t)-1, item_id)) !=
	    DB_OK || (rc = db_exec(db, sql_item_set_pos, "ii", position,
	    other)) != DB_OK || (rc = db_exec(db, sql_item_set_pos, "ii",
	    position + by, item_id)) != DB_OK)
		return rc;
	return audit_append(db, actor, "agenda.move", "meeting", meeting, NULL);
}

json_t *
attendance_list(struct db *db, int64_t meeting_id)
{
	return db_rows(db, sql_attendance, "i", meeting_id);
}

int
attendance_save(struct db *db, int64_t actor, int64_t meeting_id,
    const struct form *form, const char *guests)
{
	json_t		*rows, *row;
	const char	*status;
	char		 name[48];
	size_t		 i;
	int		 rc = DB_OK;

	if ((rows = attendance_list(db, meeting_id)) == NULL)
		return DB_ERROR;
	json_array_foreach(rows, i, row) {
		snprintf(name, sizeof(name), "person_%lld", (long long)
		    view_int(row, "person_id"));
		status = form_get(form, name);
		if (status == NULL || *status == '\0')
			continue;
		if ((rc = db_exec(db, sql_attend, "ijt", meeting_id,
		    json_object_get(row, "person_id"), status)) != DB_OK)
			break;
	}
	json_decref(rows);
	if (rc == DB_OK)
		rc = db_exec(db, sql_guests, "tdi", guests ? guests : "",
		    form_get(form, "invited_attended") != NULL, meeting_id);
	if (rc != DB_OK)
		return rc;
	return audit_append(db, actor, "meeting.attendance", "meeting",
	    meeting_id, NULL);
}

int
minutes_save(struct db *db, int64_t actor, int64_t meeting_id,
    const struct form *form)
{
	json_t		*items, *item;
	const char	*text;
	char		 name[48];
	size_t		 i, n;
	int		 rc = DB_OK, changed = 0;

	if ((items = agenda_list(db, meeting_id)) == NULL)
		return DB_ERROR;
	json_array_foreach(items, i, item) {
		snprintf(name, sizeof(name), "item_%lld", (long long)
		    view_int(item, "id"));
		if ((text = form_get(form, name)) == NULL)
			continue;
		if ((rc = db_exec(db, sql_minutes, "tji", text,
		    json_object_get(item, "id"), meeting_id)) != DB_OK)
			break;
		changed += db_changes(db);
	}
	n = json_array_size(items);
	json_decref(items);
	if (rc != DB_OK)
		return rc;
	if (changed == 0 && n > 0)
		return DB_CONSTRAINT;	/* approved minutes stay as approved */
	return audit_append(db, actor, "minutes.save", "meeting", meeting_id,
	    NULL);
}

int
minutes_approve(struct db *db, int64_t actor, int64_t meeting_id, json_t *v)
{
	int	 rc;

	if ((rc = db_exec(db, sql_approve, "jjji", V("approved_at"),
	    V("proposed_by"), V("seconded_by"), meeting_id)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	return audit_append(db, actor, "minutes.approve", "meeting",
	    meeting_id, NULL);
}

int
minutes_publish(struct db *db, int64_t actor, int64_t meeting_id,
    const char *today)
{
	int	 rc;

	if ((rc = db_exec(db, sql_publish, "ti", today, meeting_id)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	return audit_append(db, actor, "minutes.publish", "meeting",
	    meeting_id, today);
}

int
action_point_add(struct db *db, int64_t actor, int64_t meeting_id, json_t *v,
    const char *today)
{
	int	 rc;

	if ((rc = db_exec(db, sql_point_add, "ijjjt", meeting_id, V("text"),
	    V("owner_id"), V("due_on"), today)) != DB_OK)
		return rc;
	return audit_append(db, actor, "action.create", "action",
	    db_last_id(db), json_string_value(V("due_on")));
}

json_t *
action_points_open(struct db *db, int64_t group_id)
{
	return db_rows(db, sql_open_points, "i", group_id);
}

json_t *
meeting_actions(struct db *db, int64_t meeting_id)
{
	return db_rows(db, sql_meeting_actions, "i", meeting_id);
}

static const char *sql_paper_target =
    "SELECT ifnull(g.site_id, 0), g.id FROM papers p "
    "JOIN meetings m ON m.id = p.meeting_id "
    "JOIN groups g ON g.id = m.group_id WHERE p.id = ?";
/* Papers belong to the meeting's record: once its minutes are approved
 * the record is closed, and nothing is added to it. */
static const char *sql_paper_add =
    "INSERT INTO papers (id, meeting_id, title, mime, ext, size, data, "
    "circulated_on, uploaded_by) SELECT rt_next_id('papers'), ?1, ?2, ?3, "
    "?4, ?5, ?6, ?7, ?8 "
    "FROM meetings WHERE id = ?1 AND minutes_state = 'draft'";
/* Late: circulated after the group's notice period before the meeting. */
static const char *sql_papers =
    "SELECT p.id, p.title, p.ext, p.size, p.circulated_on, "
    "p.circulated_on > date(m.held_on, '-' || g.papers_days || ' days') "
    "AS late FROM papers p JOIN meetings m ON m.id = p.meeting_id "
    "JOIN groups g ON g.id = m.group_id WHERE p.meeting_id = ? ORDER BY p.id";
static const char *sql_paper_data =
    "SELECT mime, ext, data FROM papers WHERE id = ?";

int
paper_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_paper_target, ids[0], &t->site_id, &t->group_id);
}

int
paper_add(struct db *db, int64_t actor, int64_t meeting_id, const char *title,
    const char *mime, const char *ext, const void *data, size_t len,
    const char *today, int64_t *id)
{
	int	 rc;

	if ((rc = db_exec(db, sql_paper_add, "itttibti", meeting_id, title,
	    mime, ext, (int64_t)len, DB_BLOB(data, len), today, actor)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	*id = db_last_id(db);
	return audit_append(db, actor, "paper.create", "paper", *id, ext);
}

json_t *
paper_list(struct db *db, int64_t meeting_id)
{
	return db_rows(db, sql_papers, "i", meeting_id);
}

static const char *sql_paper_name =
    "SELECT title, circulated_on FROM papers WHERE id = ?";

int
paper_name(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_paper_name, "i", id);
}

int
paper_read(struct db *db, int64_t id, struct buf *out, char **mime,
    char **ext)
{
	return db_file_read(db, sql_paper_data, id, out, mime, ext);
}

static const char *sql_measure_minutes =
    "SELECT count(*) AS held, sum(published_on IS NOT NULL AND "
    "julianday(published_on) - julianday(held_on) <= ?3) AS published_soon, "
    "sum(invited_id IS NOT NULL) AS invited, "
    "sum(invited_attended = 1) AS invited_came FROM meetings "
    "WHERE group_id = ?1 AND held_on <= ?2";
static const char *sql_measure_actions =
    "SELECT count(*) AS points, sum(closed_on IS NOT NULL) AS closed, "
    "sum(closed_on IS NOT NULL AND closed_on <= due_on) AS closed_on_time, "
    "sum(closed_on IS NULL AND due_on < ?2) AS open_overdue FROM actions a "
    "JOIN meetings m ON m.id = a.meeting_id WHERE m.group_id = ?1";
static const char *sql_measure_attendance =
    "SELECT p.display_name, count(a.meeting_id) AS recorded, "
    "sum(a.status = 'present') AS present FROM memberships ms "
    "JOIN people p ON p.id = ms.person_id "
    "LEFT JOIN attendance a ON a.person_id = p.id AND a.meeting_id IN "
    "(SELECT id FROM meetings WHERE group_id = ?1) "
    "WHERE ms.group_id = ?1 AND ms.to_on IS NULL AND ms.person_id NOT IN "
    DECIDERS " GROUP BY p.id ORDER BY p.display_name";
static const char *sql_archive =
    "SELECT id FROM meetings WHERE group_id = ? AND minutes_state = "
    "'published' AND held_on BETWEEN ? AND ? ORDER BY held_on";

json_t *
meeting_measures(struct db *db, int64_t group_id, const char *today)
{
	json_t	*minutes = NULL, *actions = NULL;

	if (db_row(db, &minutes, sql_measure_minutes, "iti", group_id, today,
	    (int64_t)MINUTES_PUBLISHED_DAYS) <= 0 ||
	    db_row(db, &actions, sql_measure_actions, "it", group_id,
	    today) <= 0) {
		json_decref(minutes);
		return NULL;
	}
	return json_pack("{s:o, s:o, s:o}", "minutes", minutes, "actions",
	    actions, "attendance", db_rows(db, sql_measure_attendance, "i",
	    group_id));
}

json_t *
archive_meetings(struct db *db, int64_t group_id, const char *from,
    const char *to)
{
	return db_rows(db, sql_archive, "itt", group_id, from, to);
}

static const char *sql_decision_add =
    "INSERT INTO meeting_decisions (id, meeting_id, text, quorate, "
    "created_by) SELECT rt_next_id('meeting_decisions'), ?1, ?2, ?3, ?4 "
    "FROM meetings WHERE id = ?1 "
    "AND minutes_state = 'draft'";
static const char *sql_decisions =
    "SELECT id, text, quorate FROM meeting_decisions WHERE meeting_id = ? "
    "ORDER BY id";
static const char *sql_previous =
    "SELECT id FROM meetings WHERE group_id = (SELECT group_id FROM "
    "meetings WHERE id = ?1) AND held_on < (SELECT held_on FROM meetings "
    "WHERE id = ?1) AND minutes_state = 'published' "
    "ORDER BY held_on DESC LIMIT 1";

int
decision_add(struct db *db, int64_t actor, int64_t meeting_id,
    const char *text, int quorate)
{
	int	 rc;

	if ((rc = db_exec(db, sql_decision_add, "itdi", meeting_id, text,
	    quorate, actor)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;	/* the minutes are approved */
	return audit_append(db, actor, "decision.create", "meeting",
	    meeting_id, quorate ? "quorate" : "not_quorate");
}

json_t *
decision_list(struct db *db, int64_t meeting_id)
{
	return db_rows(db, sql_decisions, "i", meeting_id);
}

int
meeting_previous(struct db *db, int64_t meeting_id, int64_t *previous)
{
	return db_int(db, previous, sql_previous, "i", meeting_id);
}
