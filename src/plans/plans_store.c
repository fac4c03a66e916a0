/*
 * SQL for personal plans: the plan and its named worker, blue and orange
 * life cards, steps, wishes and their answers, and treating
 * relationships declared in groups.  Every write raises the plan's
 * version (so a sign-off of an earlier one reads as unchecked: a
 * counter, not a time, as two changes can share a second) and appends to the
 * audit chain, which records that something changed, never the words.
 */
#include <stdio.h>

#include "plans.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../util/date.h"
#include "../util/view.h"

#define V(name)	json_object_get(v, name)

static const char *sql_plan =
    "SELECT pl.person_id, pl.worker_id, pl.worker_kind, pl.started_on, "
    "pl.changed_at, pl.confirmed_at, a.display_name AS worker_name, "
    "CASE WHEN pl.confirmed_version = pl.version THEN 1 ELSE 0 END AS confirmed FROM plans pl JOIN accounts a ON a.id = pl.worker_id "
    "WHERE pl.person_id = ?";
static const char *sql_plan_insert =
    "INSERT INTO plans (person_id, worker_id, worker_kind, started_on, "
    "changed_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (person_id) DO "
    "UPDATE SET worker_id = ?2, worker_kind = ?3, changed_at = ?5, "
    "version = plans.version + 1";
static const char *sql_plan_touch =
    "UPDATE plans SET changed_at = ?2, version = version + 1 "
    "WHERE person_id = ?1";
static const char *sql_plan_confirm =
    "UPDATE plans SET confirmed_at = ?2, confirmed_version = version "
    "WHERE person_id = ?1";
static const char *sql_cards =
    "SELECT id, life, area, text, added_on FROM plan_cards "
    "WHERE person_id = ? ORDER BY life, area, id LIMIT ?";
static const char *sql_card_count =
    "SELECT count(*) FROM plan_cards WHERE person_id = ?";
static const char *sql_card_insert =
    "INSERT INTO plan_cards (person_id, life, area, text, added_by, "
    "added_on) VALUES (?, ?, ifnull(?, ''), ?, ?, ?)";
static const char *sql_steps =
    "SELECT id, text, by_on, done_on, added_on FROM plan_steps "
    "WHERE person_id = ? ORDER BY id LIMIT ?";
static const char *sql_step_count =
    "SELECT count(*) FROM plan_steps WHERE person_id = ?";
static const char *sql_step_insert =
    "INSERT INTO plan_steps (person_id, text, by_on, added_by, added_on) "
    "VALUES (?, ?, ?, ?, ?)";
static const char *sql_wishes =
    "SELECT w.id, w.about, w.text, w.responder_id, a.display_name AS "
    "responder_name, w.asked_on, w.due_on, w.answer, w.reason, w.review_on, "
    "w.answered_on, w.on_time FROM wishes w JOIN accounts a ON a.id = "
    "w.responder_id WHERE w.person_id = ? ORDER BY w.id DESC LIMIT ?";
static const char *sql_wish_insert =
    "INSERT INTO wishes (person_id, about, text, responder_id, asked_on, "
    "due_on, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char *sql_wish =
    "SELECT w.id, w.person_id, w.about, w.text, w.responder_id, "
    "a.display_name AS responder_name, w.asked_on, w.due_on, w.answer, "
    "w.reason, w.review_on, w.answered_on, p.display_name, p.reference, "
    "p.site_id FROM wishes w JOIN accounts a ON a.id = w.responder_id "
    "JOIN people p ON p.id = w.person_id WHERE w.id = ?";
/* The answer lands only on a wish still awaiting one, so two answers
 * cannot both land; needs review moves the deadline to the review. */
static const char *sql_wish_answer =
    "UPDATE wishes AS w SET answer = ?2, reason = ifnull(?3, ''), "
    "review_on = ?4, answered_on = ?5, on_time = CASE WHEN ?5 <= w.due_on THEN 1 ELSE 0 END, "
    "due_on = CASE WHEN ?2 = 'needs_review' THEN ?4 ELSE w.due_on END "
    "WHERE w.id = ?1 AND w.responder_id = ?6 AND "
    WISH_AWAITING_SQL("?5");
static const char *sql_wish_target =
    "SELECT p.site_id FROM wishes w JOIN people p ON p.id = w.person_id "
    "WHERE w.id = ?";
static const char *sql_awaiting =
    "SELECT w.id, w.about, w.text, w.asked_on, w.due_on, w.answer, "
    "w.person_id, p.display_name, p.reference FROM wishes w "
    "JOIN people p ON p.id = w.person_id WHERE w.responder_id = ?1 AND "
    WISH_AWAITING_SQL("?2")
    " AND (w.due_on, w.id) > (?4, ?3) "
    "ORDER BY w.due_on, w.id LIMIT ?5";
/* Who is overdue and with whom, never what the wish says. */
static const char *sql_overdue =
    "SELECT w.id, w.about, w.due_on, w.person_id, p.reference, "
    "p.display_name, a.display_name AS responder_name, s.name AS site_name "
    "FROM wishes w JOIN people p ON p.id = w.person_id "
    "JOIN accounts a ON a.id = w.responder_id JOIN sites s ON s.id = "
    "p.site_id WHERE " WISH_AWAITING_SQL("?4") " AND w.due_on < ?4 "
    "AND (?1 <> 0 OR p.site_id IN (SELECT value FROM json_each(?2))) "
    "AND NOT EXISTS (SELECT 1 FROM treating_declarations d WHERE "
    "d.person_id = w.person_id AND d.account_id = ?3) "
    "AND (w.due_on, w.id) > (?6, ?5) "
    "ORDER BY w.due_on, w.id LIMIT ?7";
static const char *sql_workers =
    "SELECT DISTINCT a.id AS value, a.display_name AS label FROM accounts a "
    "JOIN grants g ON g.account_id = a.id LEFT JOIN groups gr ON gr.id = "
    "g.group_id WHERE a.disabled_at IS NULL AND a.must_change_password = 0 "
    "AND g.role IN ('coordinator', 'rep', 'member') "
    "AND (g.scope = 'organisation' OR g.site_id = ?1 OR gr.site_id = ?1) "
    "AND ifnull(a.person_id, 0) != ?2 AND NOT EXISTS (SELECT 1 FROM "
    "treating_declarations d WHERE d.account_id = a.id AND "
    "d.person_id = ?2) ORDER BY a.display_name";
static const char *sql_responders =
    "SELECT DISTINCT a.id AS value, a.display_name AS label FROM accounts a "
    "JOIN grants g ON g.account_id = a.id WHERE a.disabled_at IS NULL "
    "AND g.role = 'decision_maker' AND (g.scope = 'organisation' OR "
    "(g.scope = 'site' AND g.site_id = ?1)) ORDER BY a.display_name";
static const char *sql_of_worker =
    "SELECT pl.person_id, p.display_name FROM plans pl JOIN people p ON "
    "p.id = pl.person_id WHERE pl.worker_id = ? AND NOT EXISTS (SELECT 1 "
    "FROM treating_declarations d WHERE d.account_id = pl.worker_id AND "
    "d.person_id = pl.person_id) ORDER BY p.display_name, p.id LIMIT ?";
static const char *sql_declaration_insert =
    "INSERT INTO treating_declarations (group_id, account_id, person_id, "
    "declared_on) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
static const char *sql_declarations =
    "SELECT d.id, d.declared_on, a.display_name AS staff_name, "
    "p.display_name AS member_name FROM treating_declarations d "
    "JOIN accounts a ON a.id = d.account_id JOIN people p ON p.id = "
    "d.person_id WHERE d.group_id = ? ORDER BY d.id LIMIT ?";

int
plans_row_load(struct db *db, const char *sql, int64_t id, json_t **out)
{
	int	 rc = db_row(db, out, sql, "i", id);

	if (rc > 0)
		plans_labels(*out);
	return rc;
}

int
plan_load(struct db *db, int64_t person_id, json_t **out)
{
	return plans_row_load(db, sql_plan, person_id, out);
}

int
plan_start(struct db *db, int64_t actor, int64_t person_id, json_t *v,
    const char *today, const char *now)
{
	int	 rc;

	if ((rc = db_exec(db, sql_plan_insert, "ijjtt", person_id,
	    V("worker_id"), V("worker_kind"), today, now)) != DB_OK)
		return rc;
	return audit_append(db, actor, "plan.worker", "person", person_id,
	    json_string_value(V("worker_kind")));
}

/* Marks the plan changed: the person's sign-off no longer covers it. */
static int
plan_touch(struct db *db, int64_t person_id, const char *now)
{
	return db_exec(db, sql_plan_touch, "it", person_id, now);
}

/* Refuses a list grown to its limit: DB_CONSTRAINT. */
static int
under_limit(struct db *db, const char *sql, int64_t person_id, int64_t max)
{
	int64_t	 n = 0;

	if (db_int(db, &n, sql, "i", person_id) < 0)
		return DB_ERROR;
	return n >= max ? DB_CONSTRAINT : DB_OK;
}

int
plan_card_add(struct db *db, int64_t actor, int64_t person_id, json_t *v,
    const char *today, const char *now)
{
	int	 rc;

	if ((rc = under_limit(db, sql_card_count, person_id,
	    PLAN_CARDS_MAX)) != DB_OK ||
	    (rc = db_exec(db, sql_card_insert, "ijjjit", person_id, V("life"),
	    V("area"), V("text"), actor, today)) != DB_OK ||
	    (rc = plan_touch(db, person_id, now)) != DB_OK)
		return rc;
	return audit_append(db, actor, "plan.card", "person", person_id,
	    json_string_value(V("life")));
}

int
plan_step_add(struct db *db, int64_t actor, int64_t person_id, json_t *v,
    const char *today, const char *now)
{
	int	 rc;

	if ((rc = under_limit(db, sql_step_count, person_id,
	    PLAN_STEPS_MAX)) != DB_OK ||
	    (rc = db_exec(db, sql_step_insert, "ijjit", person_id, V("text"),
	    V("by_on"), actor, today)) != DB_OK ||
	    (rc = plan_touch(db, person_id, now)) != DB_OK)
		return rc;
	return audit_append(db, actor, "plan.step", "person", person_id, NULL);
}

int
plan_confirm(struct db *db, int64_t actor, int64_t person_id,
    const char *now)
{
	int	 rc;

	if ((rc = db_exec(db, sql_plan_confirm, "it", person_id, now)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	return audit_append(db, actor, "plan.confirm", "person", person_id,
	    NULL);
}

json_t *
plan_cards(struct db *db, int64_t person_id)
{
	json_t	*rows = db_rows(db, sql_cards, "id", person_id, PLAN_CARDS_MAX);

	plans_labels_all(rows);
	return rows;
}

json_t *
plan_steps(struct db *db, int64_t person_id)
{
	return db_rows(db, sql_steps, "id", person_id, PLAN_STEPS_MAX);
}

json_t *
plan_wishes(struct db *db, int64_t person_id)
{
	json_t	*rows = db_rows(db, sql_wishes, "id", person_id, WISHES_MAX);

	plans_labels_all(rows);
	return rows;
}

json_t *
worker_options(struct db *db, int64_t site_id, int64_t person_id)
{
	return db_rows(db, sql_workers, "ii", site_id, person_id);
}

json_t *
plans_of_worker(struct db *db, int64_t account_id)
{
	return db_rows(db, sql_of_worker, "id", account_id, LIST_ROWS_MAX);
}

json_t *
responder_options(struct db *db, int64_t site_id)
{
	return db_rows(db, sql_responders, "i", site_id);
}

int
wish_add(struct db *db, int64_t actor, int64_t person_id, json_t *v,
    const char *today, const char *now)
{
	char	 due[DATE_CHARS + 1];
	int	 rc;

	date_add_days(today, WISH_RESPONSE_DAYS, due);
	if ((rc = db_exec(db, sql_wish_insert, "ijjjtti", person_id,
	    V("about"), V("text"), V("responder_id"), today, due,
	    actor)) != DB_OK || (rc = plan_touch(db, person_id, now)) != DB_OK)
		return rc;
	return audit_append(db, actor, "wish.create", "person", person_id,
	    json_string_value(V("about")));
}

int
wish_load(struct db *db, int64_t id, json_t **out)
{
	return plans_row_load(db, sql_wish, id, out);
}

int
wish_answer(struct db *db, int64_t actor, int64_t id, json_t *v,
    const char *today, const char *now)
{
	json_t	*w;
	int	 rc;

	if ((rc = db_exec(db, sql_wish_answer, "ijjjti", id, V("kind"),
	    V("reason"), V("review_on"), today, actor)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	if ((rc = wish_load(db, id, &w)) <= 0)
		return DB_ERROR;
	rc = plan_touch(db, view_int(w, "person_id"), now);
	json_decref(w);
	if (rc != DB_OK)
		return rc;
	return audit_append(db, actor, "wish.answer", "wish", id,
	    json_string_value(V("kind")));
}

int
wish_target(struct db *db, const int64_t *ids, struct target *t)
{
	t->group_id = 0;
	return db_int(db, &t->site_id, sql_wish_target, "i", ids[0]);
}

json_t *
wishes_awaiting(struct db *db, int64_t responder, const char *today,
    const struct paging *pg)
{
	json_t	*rows = db_rows(db, sql_awaiting, "ititd", responder, today,
	    pg->after_id, pg->after_key, paging_limit(pg));

	plans_labels_all(rows);
	return rows;
}

json_t *
wishes_overdue(struct db *db, const struct scope_filter *f, int64_t reader,
    const char *today, const struct paging *pg)
{
	json_t	*rows = db_rows(db, sql_overdue, "dtititd", f->all, f->site_ids,
	    reader, today, pg->after_id, pg->after_key, paging_limit(pg));

	plans_labels_all(rows);
	return rows;
}

int
declaration_add(struct db *db, int64_t actor, int64_t group_id,
    int64_t person_id, const char *today)
{
	int	 rc;

	if ((rc = db_exec(db, sql_declaration_insert, "iiit", group_id, actor,
	    person_id, today)) != DB_OK)
		return rc;
	return audit_append(db, actor, "treating.declare", "group", group_id,
	    NULL);
}

json_t *
declaration_list(struct db *db, int64_t group_id)
{
	return db_rows(db, sql_declarations, "id", group_id, LIST_ROWS_MAX);
}
