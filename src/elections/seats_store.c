/*
 * SQL for seats: the seat, its members in turn order, the swaps, and the
 * schedule built from them (per period from the start date, or per
 * board meeting of the group from the start date).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elections.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../render/template.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../util/view.h"

static const char *sql_target =
    "SELECT ifnull(g.site_id, 0), g.id FROM seats s "
    "JOIN groups g ON g.id = s.group_id WHERE s.id = ?";
static const char *sql_load =
    "SELECT s.id, s.group_id, s.name, s.kind, s.rotation, s.period_days, "
    "s.starts_on, g.name AS group_name, g.site_id FROM seats s "
    "JOIN groups g ON g.id = s.group_id WHERE s.id = ?";
static const char *sql_list =
    "SELECT id FROM seats WHERE group_id = ? ORDER BY name";
static const char *sql_insert =
    "INSERT INTO seats (group_id, name, kind, rotation, period_days, "
    "starts_on) VALUES (?, ?, ?, ?, ifnull(?, 28), ?)";
static const char *sql_member_add =
    "INSERT INTO seat_members (seat_id, position, person_id) VALUES (?, ?, ?)";
static const char *sql_members =
    "SELECT m.position, m.person_id, p.display_name FROM seat_members m "
    "JOIN people p ON p.id = m.person_id WHERE m.seat_id = ? "
    "ORDER BY m.position";
static const char *sql_swaps =
    "SELECT turn_a, turn_b FROM seat_swaps WHERE seat_id = ? ORDER BY id";
static const char *sql_swap_list =
    "SELECT turn_a + 1 AS turn_a, turn_b + 1 AS turn_b, reason "
    "FROM seat_swaps WHERE seat_id = ? ORDER BY id DESC LIMIT ?";
static const char *sql_swap_add =
    "INSERT INTO seat_swaps (seat_id, turn_a, turn_b, reason) "
    "VALUES (?, ?, ?, ifnull(?, ''))";
/* Board meetings of the seat's group from its start, in order. */
static const char *sql_board_meetings =
    "SELECT m.id, m.held_on FROM meetings m JOIN seats s ON s.id = ?1 "
    "WHERE m.group_id = s.group_id AND m.kind = 'board' "
    "AND m.held_on >= s.starts_on ORDER BY m.held_on, m.id "
    "LIMIT ?2 OFFSET ?3";
static const char *sql_board_before =
    "SELECT count(*) FROM meetings m JOIN seats s ON s.id = ?1 "
    "WHERE m.group_id = s.group_id AND m.kind = 'board' "
    "AND m.held_on >= s.starts_on AND m.held_on < ?2";

int
seat_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_target, ids[0], &t->site_id, &t->group_id);
}

int
seat_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_load, "i", id);
}

json_t *
seat_list(struct db *db, int64_t group_id)
{
	return db_rows(db, sql_list, "i", group_id);
}

int
seat_add(struct db *db, int64_t actor, int64_t group_id, json_t *v,
    int64_t *id)
{
	json_t	*m;
	size_t	 i;
	int	 rc;

	if ((rc = db_exec(db, sql_insert, "ijjjjj", group_id,
	    json_object_get(v, "name"), json_object_get(v, "kind"),
	    json_object_get(v, "rotation"), json_object_get(v, "period_days"),
	    json_object_get(v, "starts_on"))) != DB_OK)
		return rc;
	*id = db_last_id(db);
	json_array_foreach(json_object_get(v, "members"), i, m)
		if ((rc = db_exec(db, sql_member_add, "iii", *id, (int64_t)i,
		    (int64_t)json_integer_value(m))) != DB_OK)
			return rc;
	return audit_append(db, actor, "seat.create", "seat", *id,
	    json_string_value(json_object_get(v, "name")));
}

json_t *
seat_members(struct db *db, int64_t seat_id)
{
	return db_rows(db, sql_members, "i", seat_id);
}

int
seat_swaps(struct db *db, int64_t seat_id, struct seat_swap **out, size_t *n)
{
	json_t	*rows = db_rows(db, sql_swaps, "i", seat_id), *row;
	size_t	 i;

	*out = NULL;
	*n = 0;
	if (rows == NULL)
		return -1;
	if ((*out = calloc(json_array_size(rows) + 1, sizeof(**out))) == NULL) {
		json_decref(rows);
		return -1;
	}
	json_array_foreach(rows, i, row) {
		(*out)[i].turn_a = view_int(row, "turn_a");
		(*out)[i].turn_b = view_int(row, "turn_b");
	}
	*n = json_array_size(rows);
	json_decref(rows);
	return 0;
}

int
seat_swap_add(struct db *db, int64_t actor, int64_t seat_id, int64_t a,
    int64_t b, const char *reason)
{
	int	 rc;

	if ((rc = db_exec(db, sql_swap_add, "iiit", seat_id, a, b, reason)) !=
	    DB_OK)
		return rc;
	return audit_append(db, actor, "seat.swap", "seat", seat_id, reason);
}

int64_t
seat_turn_today(struct db *db, const json_t *seat, const char *today)
{
	int64_t	 before = 0;
	long	 days;

	if (strcmp(view_str(seat, "rotation"), "period") == 0) {
		days = date_diff_days(view_str(seat, "starts_on"), today);
		return days <= 0 ? 0 : days / view_int(seat, "period_days");
	}
	(void)db_int(db, &before, sql_board_before, "it", view_int(seat, "id"),
	    today);
	return before;
}

/* "Turn 3, from 4 December 2026: Clive", or "Turn 3, board meeting of
 * 4 December 2026: Clive": what a member recognises a turn by, as a
 * message (msgid, worded by the page in its reader's language)
 * and in English (label, the JSON's). */
static void
turn_label(json_t *row)
{
	const char	*msgid;

	if (json_is_string(json_object_get(row, "from")))
		msgid = N_("Turn {turn}, from {from | date}: {holder}");
	else if (json_is_object(json_object_get(row, "meeting")))
		msgid = N_("Turn {turn}, board meeting of "
		    "{meeting.held_on | date}: {holder}");
	else
		msgid = N_("Turn {turn}, a later board meeting: {holder}");
	json_object_set_new(row, "msgid", json_string(msgid));
	(void)template_words_set(row, "label", msgid, row, NULL,
	    NAME_MAX_CHARS * 8);
}

/* Turns first .. first + n - 1 (0-based) with their holders. */
static json_t *
seat_turns(struct db *db, const json_t *seat, int64_t first, size_t n)
{
	struct seat_swap *swaps;
	size_t		 nswaps, holders[SEAT_SCHEDULE_TURNS], i, nmembers;
	json_t		*members, *out, *meetings, *m, *row;
	char		 from[DATE_CHARS + 1];
	int		 period = strcmp(view_str(seat, "rotation"), "period") == 0;

	if (n > SEAT_SCHEDULE_TURNS)
		n = SEAT_SCHEDULE_TURNS;
	members = seat_members(db, view_int(seat, "id"));
	if (members == NULL || seat_swaps(db, view_int(seat, "id"), &swaps,
	    &nswaps) == -1) {
		json_decref(members);
		return NULL;
	}
	nmembers = json_array_size(members);
	seat_schedule(nmembers, swaps, nswaps, first, n, holders);
	free(swaps);
	meetings = period ? json_array() : db_rows(db, sql_board_meetings, "iii",
	    view_int(seat, "id"), (int64_t)n, first);
	out = json_array();
	for (i = 0; nmembers > 0 && i < n; i++) {
		m = json_array_get(meetings, i);
		if (period)
			date_add_days(view_str(seat, "starts_on"), (int)((first +
			    (int64_t)i) * view_int(seat, "period_days")), from);
		row = json_pack("{s:I, s:s?, s:o, s:s}",
		    "turn", (json_int_t)(first + (int64_t)i + 1), "from",
		    period ? from : NULL, "meeting", m ? json_pack("{s:I, s:s}",
		    "id", (json_int_t)view_int(m, "id"), "held_on",
		    view_str(m, "held_on")) : json_null(), "holder",
		    view_str(json_array_get(members, holders[i]),
		    "display_name"));
		turn_label(row);
		json_array_append_new(out, row);
	}
	json_decref(meetings);
	json_decref(members);
	return out;
}

json_t *
seat_schedule_view(struct db *db, const json_t *seat, const char *today)
{
	return seat_turns(db, seat, seat_turn_today(db, seat, today),
	    SEAT_SCHEDULE_TURNS);
}

json_t *
seat_past_view(struct db *db, const json_t *seat, const char *today)
{
	int64_t	 now = seat_turn_today(db, seat, today);
	int64_t	 first = now > SEAT_HISTORY_TURNS ? now - SEAT_HISTORY_TURNS : 0;

	return seat_turns(db, seat, first, (size_t)(now - first));
}

json_t *
seat_swap_list(struct db *db, int64_t seat_id)
{
	/* Bounded like every list: a seat's swaps grow for its life. */
	return db_rows(db, sql_swap_list, "ii", seat_id,
	    (int64_t)SEAT_SWAPS_SHOWN);
}
