/*
 * SQL for the rota: which units need cover and when, shifts and swaps,
 * stepping back, and who is on duty.  A supporter counts on a shift only
 * while they are one (a current "peer_supporter" membership, not left)
 * and not stepped back; training is a current accredited course.
 */
#include <stdlib.h>
#include <string.h>

#include "peer.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../util/uk_time.h"
#include "../util/view.h"

/* A current supporter on day (a bound ISO date), for a row p of people. */
#define SUPPORTER_ON(day)						\
	"p.left_on IS NULL AND EXISTS (SELECT 1 FROM memberships m "	\
	"WHERE m.person_id = p.id AND m.position = 'peer_supporter' "	\
	"AND m.from_on <= " day " AND (m.to_on IS NULL OR m.to_on >= "	\
	day "))"
/* Not stepped back on day, for a row p of people. */
#define NOT_STEPPED_BACK(day)						\
	"NOT EXISTS (SELECT 1 FROM peer_breaks b WHERE b.person_id = "	\
	"p.id AND b.from_on <= " day " AND (b.to_on IS NULL OR "	\
	"b.to_on > " day "))"

static const char *sql_shift_target =
    "SELECT site_id, 0 FROM peer_shifts WHERE id = ?";
static const char *sql_request_target =
    "SELECT site_id, 0 FROM peer_requests WHERE id = ?";
static const char *sql_debrief_target =
    "SELECT site_id, 0 FROM peer_debriefs WHERE id = ?";
static const char *sql_units =
    "SELECT u.id, u.name, u.kind, c.from_hour, c.to_hour, c.needed "
    "FROM units u LEFT JOIN peer_cover c ON c.unit_id = u.id "
    "WHERE u.site_id = ? AND u.closed_on IS NULL ORDER BY u.name, u.id";
static const char *sql_cover_load =
    "SELECT u.id, u.name, u.site_id, CAST(c.from_hour AS TEXT) AS from_hour, "
    "CAST(c.to_hour AS TEXT) AS to_hour, CAST(c.needed AS TEXT) AS needed "
    "FROM units u LEFT JOIN peer_cover c ON c.unit_id = u.id WHERE u.id = ?";
static const char *sql_cover_save =
    "INSERT INTO peer_cover (unit_id, from_hour, to_hour, needed) "
    "VALUES (?1, CAST(?2 AS INTEGER), CAST(?3 AS INTEGER), "
    "CAST(?4 AS INTEGER)) ON CONFLICT (unit_id) DO UPDATE SET "
    "from_hour = excluded.from_hour, to_hour = excluded.to_hour, "
    "needed = excluded.needed";
static const char *sql_supporters =
    "SELECT p.id AS value, p.display_name AS label FROM people p "
    "WHERE p.site_id = ?1 AND " SUPPORTER_ON("?2")
    " ORDER BY p.display_name, p.id LIMIT ?3";
static const char *sql_is_supporter =
    "SELECT count(*) FROM people p WHERE p.id = ?1 AND p.site_id = ?2 "
    "AND " SUPPORTER_ON("?3");
static const char *sql_shift_add =
    "INSERT INTO peer_shifts (site_id, unit_id, person_id, starts_at, "
    "ends_at, created_by) VALUES (?, ?, ?, ?, ?, ?)";
static const char *sql_shift_load =
    "SELECT s.id, s.site_id, s.unit_id, u.name AS unit_name, s.person_id, "
    "p.display_name, s.starts_at, s.ends_at FROM peer_shifts s "
    "JOIN units u ON u.id = s.unit_id JOIN people p ON p.id = s.person_id "
    "WHERE s.id = ?";
static const char *sql_swap_record =
    "INSERT INTO peer_swaps (shift_id, from_person, to_person, swapped_by, "
    "swapped_at) SELECT id, person_id, ?2, ?3, ?4 FROM peer_shifts "
    "WHERE id = ?1 AND person_id != ?2";
static const char *sql_swap =
    "UPDATE peer_shifts SET person_id = ?2 WHERE id = ?1";
/* Each duty with what the coverage needs: training on the day it starts,
 * the day the supporter stopped being one, and a break it meets. */
static const char *sql_duties =
    "SELECT s.starts_at, s.ends_at, s.person_id, EXISTS (SELECT 1 FROM "
    " completions c JOIN courses k ON k.id = c.course_id WHERE "
    " c.person_id = s.person_id AND k.accredited = 1 AND c.completed_on "
    " <= date(s.starts_at, 'unixepoch') AND (c.renew_on IS NULL OR "
    " c.renew_on > date(s.starts_at, 'unixepoch'))) AS trained, "
    "coalesce(p.left_on, (SELECT CASE WHEN sum(m.to_on IS NULL) > 0 THEN "
    " NULL ELSE max(m.to_on) END FROM memberships m WHERE m.person_id = "
    " s.person_id AND m.position = 'peer_supporter')) AS gone_on, "
    "(SELECT b.from_on FROM peer_breaks b WHERE b.person_id = s.person_id "
    " AND b.from_on <= date(s.ends_at, 'unixepoch') AND (b.to_on IS NULL "
    " OR b.to_on > date(s.starts_at, 'unixepoch')) ORDER BY b.from_on, "
    " b.id LIMIT 1) AS break_from, "
    "(SELECT ifnull(b.to_on, '') FROM peer_breaks b WHERE b.person_id = "
    " s.person_id AND b.from_on <= date(s.ends_at, 'unixepoch') AND "
    " (b.to_on IS NULL OR b.to_on > date(s.starts_at, 'unixepoch')) "
    " ORDER BY b.from_on, b.id LIMIT 1) AS break_to "
    "FROM peer_shifts s JOIN people p ON p.id = s.person_id "
    "WHERE s.unit_id = ?1 AND s.starts_at < ?3 AND s.ends_at > ?2 "
    "ORDER BY s.starts_at, s.id LIMIT ?4";
static const char *sql_shifts_between =
    "SELECT s.id, s.person_id, p.display_name, s.starts_at, s.ends_at "
    "FROM peer_shifts s JOIN people p ON p.id = s.person_id "
    "WHERE s.unit_id = ?1 AND s.starts_at < ?3 AND s.ends_at > ?2 "
    "ORDER BY s.starts_at, p.display_name, s.id LIMIT ?4";
static const char *sql_on_now =
    "SELECT s.id, s.unit_id, u.name AS unit_name, p.id AS person_id, "
    "p.display_name, s.ends_at FROM peer_shifts s "
    "JOIN units u ON u.id = s.unit_id JOIN people p ON p.id = s.person_id "
    "WHERE s.site_id = ?1 AND s.starts_at <= ?2 AND s.ends_at > ?2 AND "
    SUPPORTER_ON("?3") " AND " NOT_STEPPED_BACK("?3")
    " ORDER BY u.name, p.display_name LIMIT ?4";
static const char *sql_break_add =
    "INSERT INTO peer_breaks (person_id, from_on, to_on, recorded_by) "
    "VALUES (?, ?, ?, ?)";
static const char *sql_break_end =
    "UPDATE peer_breaks SET to_on = max(from_on, ?2) WHERE person_id = ?1 "
    "AND (to_on IS NULL OR to_on > ?2)";
static const char *sql_break_current =
    "SELECT id, from_on, to_on FROM peer_breaks WHERE person_id = ?1 AND "
    "from_on <= ?2 AND (to_on IS NULL OR to_on > ?2) ORDER BY from_on "
    "LIMIT 1";

int
peer_shift_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_shift_target, ids[0], &t->site_id,
	    &t->group_id);
}

int
peer_request_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_request_target, ids[0], &t->site_id,
	    &t->group_id);
}

int
peer_debrief_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_debrief_target, ids[0], &t->site_id,
	    &t->group_id);
}

json_t *
peer_units(struct db *db, int64_t site_id)
{
	return db_rows(db, sql_units, "i", site_id);
}

int
peer_cover_load(struct db *db, int64_t unit_id, json_t **out)
{
	return db_row(db, out, sql_cover_load, "i", unit_id);
}

int
peer_cover_save(struct db *db, int64_t actor, int64_t unit_id,
    const json_t *v)
{
	int	 rc;

	rc = db_exec(db, sql_cover_save, "ijjj", unit_id,
	    json_object_get(v, "from_hour"), json_object_get(v, "to_hour"),
	    json_object_get(v, "needed"));
	if (rc != DB_OK)
		return rc;
	return audit_append(db, actor, "peer_cover.update", "unit", unit_id,
	    NULL);
}

json_t *
peer_supporter_options(struct db *db, int64_t site_id, const char *today)
{
	return db_rows(db, sql_supporters, "itd", site_id, today,
	    FORM_CHOICES_MAX);
}

int
peer_is_supporter(struct db *db, int64_t person_id, int64_t site_id,
    const char *today)
{
	int64_t	 n;
	int	 rc;

	if ((rc = db_int(db, &n, sql_is_supporter, "iit", person_id, site_id,
	    today)) <= 0)
		return rc;
	return n > 0;
}

int
peer_shift_add(struct db *db, int64_t actor, int64_t site_id,
    int64_t unit_id, int64_t person_id, int64_t starts_at, int64_t ends_at,
    int64_t *id)
{
	int	 rc;

	rc = db_exec(db, sql_shift_add, "iiiiii", site_id, unit_id,
	    person_id, starts_at, ends_at, actor);
	if (rc != DB_OK)
		return rc;
	*id = db_last_id(db);
	return audit_append(db, actor, "peer_shift.create", "peer_shift", *id,
	    NULL);
}

int
peer_shift_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_shift_load, "i", id);
}

int
peer_shift_swap(struct db *db, int64_t actor, int64_t id, int64_t to_person,
    int64_t now)
{
	int	 rc;

	rc = db_exec(db, sql_swap_record, "iiii", id, to_person, actor, now);
	if (rc != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	if ((rc = db_exec(db, sql_swap, "ii", id, to_person)) != DB_OK)
		return rc;
	return audit_append(db, actor, "peer_shift.swap", "peer_shift", id,
	    NULL);
}

/* Local midnight at the start of an ISO date, or 0 when there is none. */
static int64_t
midnight(const char *date)
{
	int64_t	 t;

	if (date == NULL || *date == '\0' ||
	    uk_instant(date, 0, &t) != UK_TIME_OK)
		return 0;
	return t;
}

int
peer_duties(struct db *db, int64_t unit_id, int64_t from, int64_t to,
    struct peer_duty **out, size_t *n)
{
	json_t		*rows, *row;
	size_t		 i;

	*out = NULL;
	*n = 0;
	rows = db_rows(db, sql_duties, "iiid", unit_id, from, to,
	    PEER_SHIFTS_PER_UNIT_WEEK_MAX);
	if (rows == NULL)
		return DB_ERROR;
	if (json_array_size(rows) > 0 && (*out = calloc(json_array_size(rows),
	    sizeof(**out))) == NULL) {
		json_decref(rows);
		return DB_ERROR;
	}
	json_array_foreach(rows, i, row) {
		struct peer_duty *d = &(*out)[i];

		d->starts_at = view_int(row, "starts_at");
		d->ends_at = view_int(row, "ends_at");
		d->person_id = view_int(row, "person_id");
		d->trained = view_int(row, "trained") != 0;
		d->gone_at = midnight(json_string_value(json_object_get(row,
		    "gone_on")));
		d->away_from = midnight(json_string_value(json_object_get(row,
		    "break_from")));
		/* A break's "back on" day is theirs again. */
		d->away_to = midnight(json_string_value(json_object_get(row,
		    "break_to")));
	}
	*n = json_array_size(rows);
	json_decref(rows);
	return DB_OK;
}

json_t *
peer_shifts_between(struct db *db, int64_t unit_id, int64_t from, int64_t to)
{
	return db_rows(db, sql_shifts_between, "iiid", unit_id, from, to,
	    PEER_SHIFTS_PER_UNIT_WEEK_MAX);
}

json_t *
peer_on_now(struct db *db, int64_t site_id, int64_t now, const char *today)
{
	return db_rows(db, sql_on_now, "iitd", site_id, now, today,
	    LIST_ROWS_MAX);
}

int
peer_step_back(struct db *db, int64_t actor, int64_t person_id,
    const char *from_on, const char *to_on)
{
	int	 rc;

	rc = db_exec(db, sql_break_add, "itti", person_id, from_on, to_on,
	    actor);
	if (rc != DB_OK)
		return rc;
	/* The chain records that they stepped back, never why. */
	return audit_append(db, actor, "peer.step_back", "person", person_id,
	    from_on);
}

int
peer_step_return(struct db *db, int64_t actor, int64_t person_id,
    const char *today)
{
	int	 rc;

	rc = db_exec(db, sql_break_end, "it", person_id, today);
	return audit_moved(db, rc, actor, "peer.step_return", "person",
	    person_id, today);
}

int
peer_break_current(struct db *db, int64_t person_id, const char *today,
    json_t **out)
{
	return db_row(db, out, sql_break_current, "it", person_id, today);
}

static const char *sql_offer =
    "INSERT INTO peer_request_offers (request_id, person_id) "
    "SELECT ?1, p.id FROM peer_shifts s JOIN people p ON p.id = s.person_id "
    "WHERE s.unit_id = ?2 AND s.starts_at <= ?3 AND s.ends_at > ?3 AND "
    SUPPORTER_ON("?4") " AND " NOT_STEPPED_BACK("?4")
    " ON CONFLICT DO NOTHING";

int
peer_offer_on_duty(struct db *db, int64_t request_id, int64_t unit_id,
    int64_t now, const char *today)
{
	return db_exec(db, sql_offer, "iiit", request_id, unit_id, now, today);
}
