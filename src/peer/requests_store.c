/*
 * SQL for requests for support: asked, offered to the supporters on duty
 * on the unit, accepted, seen, closed with an outcome that becomes a
 * conversation log, and (a safety concern) acknowledged by staff.  Each
 * move is one UPDATE that names the state it leaves, so two supporters
 * cannot both accept and nothing closes twice.  The audit chain records
 * moves and outcomes, never what a request was about.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "peer.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../server/paging.h"
#include "../util/uk_time.h"
#include "../util/view.h"
#include "../voice/voice.h"

/* May supporter ?2 see request r: offered it, accepted it, or rostered on
 * its unit within ?3 seconds of when it was asked, and at its site. */
#define VISIBLE_TO_SUPPORTER						\
	"(EXISTS (SELECT 1 FROM people sp WHERE sp.id = ?2 AND "	\
	"sp.site_id = r.site_id) AND (r.accepted_by = ?2 OR EXISTS "	\
	"(SELECT 1 FROM peer_request_offers o WHERE o.request_id = r.id "\
	"AND o.person_id = ?2) OR EXISTS (SELECT 1 FROM peer_shifts s "	\
	"WHERE s.unit_id = r.unit_id AND s.person_id = ?2 AND "		\
	"s.ends_at > r.asked_at - ?3 AND s.starts_at < r.asked_at + ?3)))"
#define STATE								\
	"CASE WHEN r.closed_at IS NOT NULL THEN 'closed' WHEN r.seen_at "\
	"IS NOT NULL THEN 'seen' WHEN r.accepted_at IS NOT NULL THEN "	\
	"'accepted' ELSE 'open' END AS state"

static const char *sql_insert =
    "INSERT INTO peer_requests (site_id, unit_id, asked_by, urgency, about, "
    "entered_by, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char *sql_load =
    "SELECT r.id, r.site_id, r.unit_id, r.asked_by, r.urgency, r.about, "
    "r.entered_by, r.asked_at, r.accepted_by, r.accepted_at, r.on_duty, "
    "r.seen_at, r.closed_at, r.outcome, r.service_id, r.conversation_id, "
    "r.told_name, r.told_role, r.told_at, r.acknowledged_at, " STATE ", "
    "u.name AS unit_name, st.name AS site_name, pa.display_name AS "
    "accepted_name, ac.display_name AS acknowledged_name, sv.name AS "
    "service_name, (SELECT group_concat(display_name, ', ') FROM (SELECT "
    "p.display_name FROM peer_request_offers o JOIN people p ON p.id = "
    "o.person_id WHERE o.request_id = r.id ORDER BY p.display_name) AS offered) "
    "AS offered_to FROM peer_requests r JOIN units u ON u.id = r.unit_id "
    "JOIN sites st ON st.id = r.site_id "
    "LEFT JOIN people pa ON pa.id = r.accepted_by "
    "LEFT JOIN accounts ac ON ac.id = r.acknowledged_by "
    "LEFT JOIN services sv ON sv.id = r.service_id WHERE r.id = ?1";
static const char *sql_visible =
    "SELECT count(*) FROM peer_requests r WHERE r.id = ?1 AND "
    VISIBLE_TO_SUPPORTER;
static const char *sql_list =
    "SELECT r.id, r.asked_at, r.urgency, r.about, u.name AS unit_name, "
    STATE " FROM peer_requests r JOIN units u ON u.id = r.unit_id "
    "WHERE r.site_id = ?1 AND (?2 = 0 OR " VISIBLE_TO_SUPPORTER ") "
    "AND (?4 = 0 OR r.closed_at IS NULL) AND r.id < ?5 "
    "ORDER BY r.id DESC LIMIT ?6";
static const char *sql_accept =
    "UPDATE peer_requests SET accepted_by = ?2, accepted_at = ?3, "
    "on_duty = CASE WHEN EXISTS (SELECT 1 FROM peer_request_offers o WHERE "
    "o.request_id = ?1 AND o.person_id = ?2) OR EXISTS (SELECT 1 FROM "
    "peer_shifts s WHERE s.unit_id = peer_requests.unit_id AND "
    "s.person_id = ?2 AND s.starts_at <= ?3 AND s.ends_at > ?3) "
    "THEN 1 ELSE 0 END "
    "WHERE id = ?1 AND accepted_at IS NULL";
static const char *sql_seen =
    "UPDATE peer_requests SET seen_at = ?2 WHERE id = ?1 AND "
    "accepted_at IS NOT NULL AND seen_at IS NULL";
static const char *sql_close =
    "UPDATE peer_requests SET closed_at = ?2, outcome = ?3, service_id = ?4, "
    "conversation_id = ?5, told_name = ?6, told_role = ?7, told_at = ?8 "
    "WHERE id = ?1 AND seen_at IS NOT NULL AND closed_at IS NULL";
static const char *sql_acknowledge =
    "UPDATE peer_requests SET acknowledged_by = ?2, acknowledged_at = ?3 "
    "WHERE id = ?1 AND outcome = 'safety_concern' AND acknowledged_at "
    "IS NULL";
static const char *sql_concerns =
    "SELECT r.id, r.site_id, st.name AS site_name, u.name AS unit_name, "
    "r.closed_at, r.told_name, r.told_role, r.told_at FROM peer_requests r "
    "JOIN sites st ON st.id = r.site_id JOIN units u ON u.id = r.unit_id "
    "WHERE r.outcome = 'safety_concern' AND r.acknowledged_at IS NULL AND "
    "(?1 <> 0 OR r.site_id IN (SELECT value FROM json_each(?2))) "
    "ORDER BY r.closed_at, r.id LIMIT ?3";
static const char *sql_debrief_ask =
    "INSERT INTO peer_debriefs (person_id, site_id, request_id, asked_at) "
    "VALUES (?, ?, ?, ?)";
static const char *sql_debrief_done =
    "UPDATE peer_debriefs SET done_on = ?2, done_by = ?3 WHERE id = ?1 AND "
    "done_on IS NULL";
static const char *sql_debriefs_open =
    "SELECT d.id, d.asked_at, d.request_id, p.display_name FROM "
    "peer_debriefs d JOIN people p ON p.id = d.person_id WHERE "
    "d.site_id = ?1 AND d.done_on IS NULL ORDER BY d.asked_at, d.id "
    "LIMIT ?2";
static const char *sql_facts =
    "SELECT r.id, r.unit_id, u.name AS unit_name, r.asked_at, r.urgency, "
    "r.accepted_at, r.on_duty, r.seen_at, r.outcome FROM peer_requests r "
    "JOIN units u ON u.id = r.unit_id WHERE r.site_id = ?1 AND "
    "r.asked_at >= ?2 AND r.asked_at < ?3 ORDER BY r.asked_at LIMIT ?4";

int
peer_request_add(struct db *db, int64_t actor, int64_t site_id,
    const json_t *v, int64_t now, const char *today, int64_t *id)
{
	int64_t	 unit_id = view_int(v, "unit_id");
	int	 rc;

	rc = db_exec(db, sql_insert, "iijjjii", site_id, unit_id,
	    json_object_get(v, "asked_by"), json_object_get(v, "urgency"),
	    json_object_get(v, "about"), actor, now);
	if (rc != DB_OK)
		return rc;
	*id = db_last_id(db);
	if ((rc = peer_offer_on_duty(db, *id, unit_id, now, today)) != DB_OK)
		return rc;
	return audit_append(db, actor, "peer_request.create", "peer_request",
	    *id, view_str(v, "urgency"));
}

int
peer_request_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_load, "i", id);
}

int
peer_request_visible(struct db *db, int64_t request_id, int64_t person)
{
	int64_t	 n;
	int	 rc;

	if (person <= 0)
		return 0;
	if ((rc = db_int(db, &n, sql_visible, "iii", request_id, person,
	    (int64_t)PEER_VISIBLE_DAYS * 86400)) <= 0)
		return rc;
	return n > 0;
}

json_t *
peer_request_list(struct db *db, int64_t site_id, int64_t person,
    int open_only, const struct paging *pg)
{
	return db_rows(db, sql_list, "iiidid", site_id, person,
	    (int64_t)PEER_VISIBLE_DAYS * 86400, open_only, paging_seek_id(pg, 1),
	    paging_limit(pg));
}

/* An UPDATE that moves a request on, then its audit row: DB_CONSTRAINT
 * when the request was not in the state the move leaves. */
static int
moved(struct db *db, int rc, int64_t actor, const char *action, int64_t id,
    const char *detail)
{
	return audit_moved(db, rc, actor, action, "peer_request", id, detail);
}

int
peer_request_accept(struct db *db, int64_t actor, int64_t id, int64_t person,
    int64_t now)
{
	return moved(db, db_exec(db, sql_accept, "iii", id, person, now), actor,
	    "peer_request.accept", id, NULL);
}

int
peer_request_seen(struct db *db, int64_t actor, int64_t id, int64_t now)
{
	return moved(db, db_exec(db, sql_seen, "ii", id, now), actor,
	    "peer_request.seen", id, NULL);
}

/* The conversation log a closed request becomes: where and when it was
 * seen, what it was about, its outcome; anonymous, like every log. */
static json_t *
log_values(const json_t *request, const json_t *v, int64_t seen_at)
{
	char	 date[DATE_CHARS + 1], clock[6], *escalated = NULL;
	json_t	*log;
	int	 minutes;
	const char *outcome = view_str(v, "outcome");

	uk_local(seen_at, date, &minutes);
	uk_clock(seen_at, clock);
	if (strcmp(outcome, "safety_concern") == 0 &&
	    asprintf(&escalated, "Safety concern handed to staff (%s)",
	    view_str(v, "told_role")) == -1)
		return NULL;
	log = json_pack("{s:I, s:I, s:s, s:s, s:s, s:O, s:s, s:s, s:s*, "
	    "s:O, s:b, s:o}", "site_id", (json_int_t)view_int(request,
	    "site_id"), "unit_id", (json_int_t)view_int(request, "unit_id"),
	    "occurred_on", date, "occurred_time", clock, "channel",
	    "peer_support", "raised", json_object_get(request, "about"),
	    "consent", "anonymous", "outcome", peer_log_outcome(outcome),
	    "escalated_to", escalated, "service_id",
	    json_object_get(v, "service_id") ? json_object_get(v,
	    "service_id") : json_null(), "on_behalf", 0, "topic_ids",
	    json_is_array(json_object_get(v, "topic_ids")) ?
	    json_incref(json_object_get(v, "topic_ids")) : json_array());
	free(escalated);
	return log;
}

int
peer_request_close(struct db *db, int64_t actor, int64_t id,
    const json_t *request, const json_t *v, int64_t now)
{
	json_t	*log;
	int64_t	 conversation_id;
	int	 rc;

	if ((log = log_values(request, v, view_int(request, "seen_at"))) ==
	    NULL)
		return DB_ERROR;
	rc = conversation_add(db, actor, actor, log, 0, &conversation_id);
	json_decref(log);
	if (rc != DB_OK)
		return rc;
	rc = db_exec(db, sql_close, "iijjijjj", id, now,
	    json_object_get(v, "outcome"), json_object_get(v, "service_id"),
	    conversation_id, json_object_get(v, "told_name"),
	    json_object_get(v, "told_role"), json_object_get(v, "told_at"));
	return moved(db, rc, actor, "peer_request.close", id,
	    view_str(v, "outcome"));
}

int
peer_request_acknowledge(struct db *db, int64_t actor, int64_t id,
    int64_t now)
{
	return moved(db, db_exec(db, sql_acknowledge, "iii", id, actor, now),
	    actor, "peer_request.acknowledge", id, NULL);
}

json_t *
peer_concerns_waiting(struct db *db, const struct scope_filter *f)
{
	return db_rows(db, sql_concerns, "dtd", f->all, f->site_ids,
	    LIST_ROWS_MAX);
}

int
peer_debrief_ask(struct db *db, int64_t actor, int64_t person,
    int64_t site_id, int64_t request_id, int64_t now)
{
	int	 rc;

	rc = request_id > 0 ? db_exec(db, sql_debrief_ask, "iiii", person,
	    site_id, request_id, now) : db_exec(db, sql_debrief_ask, "iini",
	    person, site_id, DB_NULL, now);
	if (rc != DB_OK)
		return rc;
	return audit_append(db, actor, "peer_debrief.ask", "peer_debrief",
	    db_last_id(db), NULL);
}

int
peer_debrief_done(struct db *db, int64_t actor, int64_t id, const char *today)
{
	int	 rc;

	rc = db_exec(db, sql_debrief_done, "iti", id, today, actor);
	return audit_moved(db, rc, actor, "peer_debrief.done", "peer_debrief",
	    id, today);
}

json_t *
peer_debriefs_open(struct db *db, int64_t site_id)
{
	return db_rows(db, sql_debriefs_open, "id", site_id, LIST_ROWS_MAX);
}

json_t *
peer_request_facts(struct db *db, int64_t site_id, int64_t from, int64_t to)
{
	return db_rows(db, sql_facts, "iiid", site_id, from, to,
	    PEER_FACTS_MAX);
}
