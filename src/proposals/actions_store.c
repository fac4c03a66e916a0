/*
 * SQL for actions (what an accepted proposal becomes), their progress,
 * the overdue lists, "you said, we did", and the rows timeliness is
 * computed from.
 */
#include "proposals.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../people/people.h"
#include "../limits.h"
#include "../util/catalogue.h"
#include "../util/view.h"

/* An action belongs to a proposal, a meeting, or both: its group is
 * whichever it came from. */
#define ACTION_GROUP \
    "LEFT JOIN proposals p ON p.id = a.proposal_id " \
    "LEFT JOIN meetings m ON m.id = a.meeting_id " \
    "JOIN groups g ON g.id = coalesce(p.group_id, m.group_id) "

static const char *sql_target =
    "SELECT ifnull(g.site_id, 0) AS site_id, g.id AS group_id, "
    "a.owner_id FROM actions a " ACTION_GROUP "WHERE a.id = ?";

static const char *sql_insert =
    "INSERT INTO actions (id, proposal_id, text, owner_id, due_on, "
    "created_on) SELECT rt_next_id('actions'), ?1, ?2, ?3, ?4, ?5 "
    "FROM proposals WHERE id = ?1 "
    "AND state IN ('accepted', 'accepted_in_part')";
static const char *sql_load =
    "SELECT a.id, a.proposal_id, a.meeting_id, a.text, a.owner_id, "
    "a.due_on, a.percent, a.closed_on, a.evidence, a.review_on, "
    "a.created_on, o.display_name AS owner_name, p.title AS proposal_title, "
    "g.site_id, g.id AS group_id FROM actions a "
    "JOIN accounts o ON o.id = a.owner_id " ACTION_GROUP "WHERE a.id = ?";
static const char *sql_list =
    "SELECT a.id, a.text, a.owner_id, a.due_on, a.percent, a.closed_on, "
    "a.evidence, a.review_on, a.created_on, o.display_name AS owner_name "
    "FROM actions a JOIN accounts o ON o.id = a.owner_id "
    "WHERE a.proposal_id = ? ORDER BY a.id";
static const char *sql_updates =
    "SELECT u.note, u.percent, u.created_on, a.display_name AS author_name "
    "FROM action_updates u JOIN accounts a ON a.id = u.author_id "
    "WHERE u.action_id = ? ORDER BY u.id";
static const char *sql_update_add =
    "INSERT INTO action_updates (id, action_id, author_id, note, percent, "
    "created_on) VALUES (rt_next_id('action_updates'), ?, ?, ?, ?, ?)";
static const char *sql_percent =
    "UPDATE actions SET percent = ? WHERE id = ? AND closed_on IS NULL";
static const char *sql_close =
    "UPDATE actions SET closed_on = ?, evidence = ?, review_on = ?, "
    "percent = 100 WHERE id = ? AND closed_on IS NULL";
static const char *sql_reassign =
    "UPDATE actions SET owner_id = ? WHERE id = ? AND closed_on IS NULL";
static const char *sql_open_left =
    "SELECT count(*) FROM actions WHERE proposal_id = ? AND closed_on IS NULL";
static const char *sql_state_done =
    "UPDATE proposals SET state = 'done' WHERE id = ? "
    "AND state IN ('accepted', 'accepted_in_part')";
/* Issues this proposal took forward, with no other proposal still in
 * hand for them, are resolved when it is done. */
static const char *sql_issues_resolved =
    "UPDATE issues SET status = 'resolved' WHERE status = 'taken_forward' "
    "AND id IN (SELECT issue_id FROM proposal_issues WHERE proposal_id = ?1) "
    "AND NOT EXISTS (SELECT 1 FROM proposal_issues pi JOIN proposals p "
    "ON p.id = pi.proposal_id WHERE pi.issue_id = issues.id AND p.id != ?1 "
    "AND p.state IN ('draft', 'agreed', 'submitted', 'accepted', "
    "'accepted_in_part', 'deferred', 'more_info'))";
static const char *sql_event_done =
    "INSERT INTO proposal_events (id, proposal_id, on_date, actor_id, "
    "event, state) VALUES (rt_next_id('proposal_events'), ?, ?, ?, "
    "'complete', 'done')";

#define SCOPED \
    "(?1 <> 0 OR g.site_id IN (SELECT value FROM json_each(?2)) " \
    "OR g.id IN (SELECT value FROM json_each(?3)))"

static const char *sql_overdue_responses =
    "SELECT p.id, p.title, p.due_on, p.submitted_on, g.name AS group_name, "
    "dm.display_name AS decision_maker_name FROM proposals p "
    "JOIN groups g ON g.id = p.group_id "
    "LEFT JOIN accounts dm ON dm.id = p.decision_maker_id "
    "WHERE " PROPOSAL_AWAITING_SQL("?4") " AND p.due_on < ?4 AND " SCOPED
    " AND (p.due_on, p.id) > (?6, ?5) "
    "ORDER BY p.due_on, p.id LIMIT ?7";
static const char *sql_overdue_actions =
    "SELECT a.id, a.text, a.due_on, a.percent, a.proposal_id, a.meeting_id, "
    "p.title AS proposal_title, o.display_name AS owner_name, "
    "g.name AS group_name FROM actions a " ACTION_GROUP
    "JOIN accounts o ON o.id = a.owner_id WHERE a.closed_on IS NULL "
    "AND a.due_on < ?4 AND " SCOPED
    " AND (a.due_on, a.id) > (?6, ?5) "
    "ORDER BY a.due_on, a.id LIMIT ?7";

/* Group (?1), or every group at a site (?2), as a list of groups, so
 * that the per-group indexes are walked: an OR between the two could use
 * no index and scanned every proposal (or action) of the organisation. */
#define PLACE_GROUPS \
    "(SELECT pg.id FROM groups pg WHERE ?1 != 0 AND pg.id = ?1 " \
    "OR ?1 = 0 AND pg.site_id = ?2)"
#define WHERE_PLACE "p.group_id IN " PLACE_GROUPS

/* When an outcome was last heard of: the list's order and its paging key
 * (written out in WHERE, where PostgreSQL takes no result alias). */
#define LISTED_ON							\
    "coalesce((SELECT r.responded_on FROM responses r WHERE r.proposal_id = " \
    "  p.id ORDER BY r.id DESC LIMIT 1), p.submitted_on)"

static const char *sql_outcomes =
    "SELECT p.id, p.title, p.problem, p.state, p.submitted_on, p.due_on, "
    "p.deferred_until, g.name AS group_name, "
    "coalesce((SELECT min(e.on_date) FROM proposal_events e "
    "  WHERE e.proposal_id = p.id AND e.event = 'submit'), p.submitted_on) "
    "  AS first_sent_on, "
    "(SELECT r.reason FROM responses r WHERE r.proposal_id = p.id "
    "  ORDER BY r.id DESC LIMIT 1) AS reason, "
    "(SELECT r.responded_on FROM responses r WHERE r.proposal_id = p.id "
    "  ORDER BY r.id DESC LIMIT 1) AS responded_on, "
    LISTED_ON " AS listed_on, "
    ACTIONS_LISTED_SQL " AS actions_listed, "
    "(SELECT max(a.closed_on) FROM actions a WHERE a.proposal_id = p.id "
    "  HAVING count(*) = count(a.closed_on)) AS done_on, "
    "(SELECT group_concat(i.title, '; ') FROM issues i JOIN proposal_issues pi "
    "  ON pi.issue_id = i.id WHERE pi.proposal_id = p.id) AS issues_text "
    "FROM proposals p JOIN groups g ON g.id = p.group_id WHERE " WHERE_PLACE
    " AND p.state NOT IN ('draft', 'agreed', 'not_agreed') "
    "AND (" LISTED_ON ", p.id) < (?4, ?3) "
    "ORDER BY listed_on DESC, p.id DESC LIMIT ?5";
static const char *sql_timeliness =
    "SELECT r.days_taken, r.on_time FROM responses r "
    "JOIN proposals p ON p.id = r.proposal_id "
    "JOIN groups g ON g.id = p.group_id WHERE (?1 = 0 AND ?2 = 0 OR "
    "p.group_id IN (SELECT pg.id FROM groups pg WHERE pg.id = ?1 OR "
    "?1 = 0 AND pg.site_id = ?2)) AND (?3 = 0 OR r.responder_id = ?3)";
static const char *sql_completion =
    "SELECT CAST(julianday(a.closed_on) - julianday(a.created_on) AS INTEGER) "
    "AS days, "
    "a.closed_on <= a.due_on AS on_time FROM actions a "
    "JOIN proposals p ON p.id = a.proposal_id "
    "JOIN groups g ON g.id = p.group_id WHERE a.closed_on IS NOT NULL AND "
    WHERE_PLACE;
static const char *sql_age_bands =
    "SELECT CASE WHEN age <= 14 THEN '0 to 14 days' WHEN age <= 28 THEN "
    "'15 to 28 days' WHEN age <= 56 THEN '29 to 56 days' ELSE "
    "'over 56 days' END AS band, min(age) AS low, count(*) AS n FROM ("
    "  SELECT julianday(?3) - julianday(p.submitted_on) AS age FROM proposals p "
    "  JOIN groups g ON g.id = p.group_id WHERE p.state = 'submitted' AND "
    WHERE_PLACE
    "  UNION ALL SELECT julianday(?3) - julianday(a.created_on) FROM actions a "
    "  JOIN proposals p ON p.id = a.proposal_id JOIN groups g ON "
    "  g.id = p.group_id WHERE a.closed_on IS NULL AND " WHERE_PLACE
    ") AS ages GROUP BY band ORDER BY low";
/* The bands' words as the query above names them, for the catalogue: the
 * page shows a band through | t. */
static const char *const age_band_words[] = { N_("0 to 14 days"),
    N_("15 to 28 days"), N_("29 to 56 days"), N_("over 56 days") };

int
action_target(struct db *db, const int64_t *ids, struct target *t)
{
	json_t	*row;
	int	 rc;

	/* The owner too: the route lets through only them or staff. */
	if ((rc = db_row(db, &row, sql_target, "i", ids[0])) <= 0)
		return rc;
	t->site_id = json_integer_value(json_object_get(row, "site_id"));
	t->group_id = json_integer_value(json_object_get(row, "group_id"));
	t->owner_id = json_integer_value(json_object_get(row, "owner_id"));
	json_decref(row);
	return 1;
}

#define V(name)	json_object_get(v, name)

int
action_add(struct db *db, int64_t actor, int64_t proposal_id, json_t *v,
    const char *today, int64_t *id)
{
	int	 rc;

	if ((rc = db_exec(db, sql_insert, "ijjjt", proposal_id, V("text"),
	    V("owner_id"), V("due_on"), today)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;	/* not an accepted proposal */
	*id = db_last_id(db);
	return audit_append(db, actor, "action.create", "action", *id,
	    json_string_value(V("due_on")));
}

int
action_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_load, "i", id);
}

json_t *
action_list(struct db *db, int64_t proposal_id)
{
	return db_rows(db, sql_list, "i", proposal_id);
}

json_t *
action_updates_list(struct db *db, int64_t action_id)
{
	return db_rows(db, sql_updates, "i", action_id);
}

int
action_update(struct db *db, int64_t actor, int64_t id, json_t *v,
    const char *today)
{
	int	 rc;

	if ((rc = db_exec(db, sql_percent, "ji", V("percent"), id)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;	/* closed already */
	if ((rc = db_exec(db, sql_update_add, "iijjt", id, actor, V("note"),
	    V("percent"), today)) != DB_OK)
		return rc;
	return audit_append(db, actor, "action.progress", "action", id, NULL);
}

int
action_reassign(struct db *db, int64_t actor, int64_t id, json_t *v)
{
	int	 rc;

	if ((rc = db_exec(db, sql_reassign, "ji", V("owner_id"), id)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;	/* closed already */
	return audit_append(db, actor, "action.reassign", "action", id, NULL);
}

int
action_close(struct db *db, int64_t actor, int64_t id, json_t *v,
    const char *today)
{
	json_t	*a = NULL;
	int64_t	 proposal = 0, left = 1;
	int	 rc;

	if ((rc = db_exec(db, sql_close, "tjji", today, V("evidence"),
	    V("review_on"), id)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	if ((rc = audit_append(db, actor, "action.close", "action", id,
	    NULL)) != DB_OK)
		return rc;
	if (action_load(db, id, &a) > 0)
		proposal = view_int(a, "proposal_id");
	json_decref(a);
	/* A meeting's action point completes no proposal. */
	if (proposal == 0)
		return DB_OK;
	if (db_int(db, &left, sql_open_left, "i", proposal) < 0)
		return DB_ERROR;
	/* The last action closed completes the proposal. */
	if (left > 0)
		return DB_OK;
	if ((rc = db_exec(db, sql_state_done, "i", proposal)) != DB_OK ||
	    db_changes(db) == 0)
		return rc;
	if ((rc = db_exec(db, sql_event_done, "iti", proposal, today,
	    actor)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, sql_issues_resolved, "i", proposal)) != DB_OK)
		return rc;
	if (db_changes(db) > 0 && (rc = audit_append(db, actor,
	    "issue.resolve", "proposal", proposal, "proposal_done")) !=
	    DB_OK)
		return rc;
	return audit_append(db, actor, "proposal.complete", "proposal",
	    proposal, "done");
}

json_t *
overdue_responses(struct db *db, const struct scope_filter *f,
    const char *today, const struct paging *pg)
{
	return db_rows(db, sql_overdue_responses, "dtttitd", f->all,
	    f->site_ids, f->group_ids, today, pg->after_id, pg->after_key,
	    paging_limit(pg));
}

json_t *
overdue_actions(struct db *db, const struct scope_filter *f,
    const char *today, const struct paging *pg)
{
	return db_rows(db, sql_overdue_actions, "dtttitd", f->all,
	    f->site_ids, f->group_ids, today, pg->after_id, pg->after_key,
	    paging_limit(pg));
}

json_t *
outcomes_list(struct db *db, int64_t group_id, int64_t site_id,
    const struct paging *pg)
{
	return db_rows(db, sql_outcomes, "iiitd", group_id, site_id,
	    paging_seek_id(pg, 1), paging_seek_key(pg, 1), paging_limit(pg));
}

json_t *
timeliness_rows(struct db *db, int64_t group_id, int64_t site_id,
    int64_t decision_maker)
{
	return db_rows(db, sql_timeliness, "iii", group_id, site_id,
	    decision_maker);
}

json_t *
completion_rows(struct db *db, int64_t group_id, int64_t site_id)
{
	return db_rows(db, sql_completion, "ii", group_id, site_id);
}

json_t *
open_age_bands(struct db *db, int64_t group_id, int64_t site_id,
    const char *today)
{
	(void)age_band_words;
	return db_rows(db, sql_age_bands, "iit", group_id, site_id, today);
}

static const char *sql_open_of_person =
    "SELECT count(*) FROM actions WHERE closed_on IS NULL AND owner_id IN "
    "(SELECT id FROM accounts WHERE person_id = ?)";
static const char *sql_hand_on =
    "UPDATE actions SET owner_id = ?1 WHERE closed_on IS NULL AND "
    "owner_id IN (SELECT id FROM accounts WHERE person_id = ?2)";

int64_t
actions_open_of_person(struct db *db, int64_t person_id)
{
	int64_t	 n = 0;

	return db_int(db, &n, sql_open_of_person, "i", person_id) < 0 ? -1 : n;
}

int
actions_hand_on(struct db *db, int64_t actor, int64_t person_id,
    int64_t to_account)
{
	return person_hand_on(db, sql_hand_on, actor, person_id, to_account,
	    "action");
}
