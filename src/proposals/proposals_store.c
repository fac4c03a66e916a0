/*
 * SQL for proposals.  Every change of state goes through proposal_move(),
 * which asks the state machine, writes the new state only if it is still
 * the one read (so two answers cannot both land), adds the timeline row
 * and appends to the audit chain.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proposals.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../util/view.h"
#include "../util/catalogue.h"
#include "../util/date.h"

static const char *sql_target =
    "SELECT ifnull(g.site_id, 0), g.id FROM proposals p "
    "JOIN groups g ON g.id = p.group_id WHERE p.id = ?";
static const char *sql_insert =
    "INSERT INTO proposals (id, group_id, title, problem, decider_text, "
    "created_by) VALUES (rt_next_id('proposals'), ?, ?, ?, ifnull(?, ''), "
    "?)";
static const char *sql_update =
    "UPDATE proposals SET title = ?, problem = ?, decider_text = "
    "ifnull(?, '') WHERE id = ? AND state = 'draft'";
static const char *sql_options_clear =
    "DELETE FROM proposal_options WHERE proposal_id = ?";
static const char *sql_option_add =
    "INSERT INTO proposal_options (id, proposal_id, position, text) "
    "VALUES (rt_next_id('proposal_options'), ?, ?, ?)";
static const char *sql_issues_clear =
    "DELETE FROM proposal_issues WHERE proposal_id = ?";
static const char *sql_issues_add =
    "INSERT INTO proposal_issues (proposal_id, issue_id) "
    "SELECT ?, value FROM json_each(?) WHERE true ON CONFLICT DO NOTHING";
static const char *sql_state =
    "SELECT state, deferred_until FROM proposals WHERE id = ?";
static const char *sql_state_set =
    "UPDATE proposals SET state = ? WHERE id = ? AND state = ?";
static const char *sql_event =
    "INSERT INTO proposal_events (id, proposal_id, on_date, actor_id, "
    "event, state, detail) VALUES (rt_next_id('proposal_events'), ?, ?, "
    "nullif(?, 0), ?, ?, ifnull(?, ''))";
static const char *sql_load =
    "SELECT p.id, p.group_id, p.title, p.problem, p.decider_text, p.state, "
    "p.votes_for, p.votes_against, p.votes_abstain, p.consensus, "
    "p.decided_on, p.decision_maker_id, p.submitted_on, p.due_on, "
    "p.deferred_until, substr(p.created_at, 1, 10) AS created_on, "
    "g.name AS group_name, g.site_id, g.response_days, "
    "ifnull(s.name, 'Whole organisation') AS site_name, "
    "dm.display_name AS decision_maker_name FROM proposals p "
    "JOIN groups g ON g.id = p.group_id LEFT JOIN sites s ON s.id = g.site_id "
    "LEFT JOIN accounts dm ON dm.id = p.decision_maker_id WHERE p.id = ?";
static const char *sql_list =
    "SELECT p.id, p.title, p.state, p.submitted_on, p.due_on, "
    "p.deferred_until, substr(p.created_at, 1, 10) AS created_on, g.name AS group_name, "
    "g.site_id FROM proposals p JOIN groups g ON g.id = p.group_id "
    "WHERE (?1 <> 0 OR g.site_id IN (SELECT value FROM json_each(?2)) "
    "OR g.id IN (SELECT value FROM json_each(?3))) "
    "AND (CAST(?4 AS TEXT) IS NULL OR p.state = ?4) AND p.id < ?5 "
    "ORDER BY p.id DESC LIMIT ?6";
static const char *sql_options =
    "SELECT position, text FROM proposal_options WHERE proposal_id = ? "
    "ORDER BY position";
static const char *sql_issue_ids =
    "SELECT json_group_array(issue_id) AS ids FROM proposal_issues "
    "WHERE proposal_id = ?";
static const char *sql_evidence =
    "SELECT count(*) AS log_count, substr(min(c.occurred_at), 1, 10) "
    "AS first_seen, substr(max(c.occurred_at), 1, 10) AS last_seen, "
    "count(DISTINCT c.unit_id) AS place_count FROM conversations c "
    "WHERE c.issue_id IN (SELECT issue_id FROM proposal_issues "
    "WHERE proposal_id = ?)";
static const char *sql_evidence_places =
    "SELECT ifnull(u.name, 'No place given') AS place, count(*) AS n "
    "FROM conversations c LEFT JOIN units u ON u.id = c.unit_id "
    "WHERE c.issue_id IN (SELECT issue_id FROM proposal_issues "
    "WHERE proposal_id = ?) GROUP BY c.unit_id, u.name ORDER BY n DESC, place";
static const char *sql_evidence_issues =
    "SELECT i.id, i.title FROM issues i JOIN proposal_issues pi "
    "ON pi.issue_id = i.id WHERE pi.proposal_id = ? ORDER BY i.id";
static const char *sql_timeline =
    "SELECT e.on_date, e.event, e.state, e.detail, "
    "ifnull(a.display_name, 'Roundtable') AS actor_name FROM proposal_events e "
    "LEFT JOIN accounts a ON a.id = e.actor_id WHERE e.proposal_id = ? "
    "ORDER BY e.id";
static const char *sql_comments =
    "SELECT c.id, c.body, c.visibility, c.visibility = 'staff' AS staff_only, "
    "substr(c.created_at, 1, 16) AS at, "
    "a.display_name AS author_name FROM proposal_comments c "
    "JOIN accounts a ON a.id = c.author_id WHERE c.proposal_id = ?1 "
    "AND (?2 <> 0 OR c.visibility = 'members') ORDER BY c.id";
static const char *sql_comment_add =
    "INSERT INTO proposal_comments (id, proposal_id, author_id, body, "
    "visibility) VALUES (rt_next_id('proposal_comments'), ?, ?, ?, ?)";
static const char *sql_responses =
    "SELECT r.kind, r.reason, r.deferred_until, r.responded_on, r.on_time, "
    "r.days_taken, a.display_name AS responder_name, "
    "t.display_name AS referred_to_name, r.meeting_id, "
    "(SELECT held_on FROM meetings m WHERE m.id = r.meeting_id) "
    "AS meeting_held_on FROM responses r "
    "JOIN accounts a ON a.id = r.responder_id "
    "LEFT JOIN accounts t ON t.id = r.referred_to WHERE r.proposal_id = ? "
    "ORDER BY r.id";
static const char *sql_vote =
    "UPDATE proposals SET votes_for = ?, votes_against = ?, "
    "votes_abstain = ?, consensus = ?, decided_on = ? WHERE id = ?";
static const char *sql_submit =
    "UPDATE proposals SET decision_maker_id = ?, submitted_on = ?, "
    "due_on = ? WHERE id = ?";
static const char *sql_response_add =
    "INSERT INTO responses (id, proposal_id, responder_id, kind, reason, "
    "deferred_until, referred_to, responded_on, on_time, days_taken, "
    "meeting_id) VALUES (rt_next_id('responses'), ?, ?, ?, ifnull(?, ''), "
    "?, ?, ?, ?, ?, ?)";
/* One-to-ones of the group (?1) with this decision maker (?2), held by
 * the day (?3), newest first: where an answer may have been given. */
static const char *sql_one_to_ones =
    "SELECT id, held_on FROM meetings WHERE group_id = ?1 AND "
    "kind = 'one_to_one' AND invited_id = ?2 AND held_on <= ?3 "
    "ORDER BY held_on DESC, id DESC LIMIT 12";
/* The answer is due again the day the deferral ends. */
static const char *sql_deferred =
    "UPDATE proposals SET deferred_until = ?1, due_on = ?1 WHERE id = ?2";
static const char *sql_awaiting =
    "SELECT p.id, p.title, p.submitted_on, p.due_on, g.name AS group_name, "
    "ifnull(s.name, 'Whole organisation') AS site_name FROM proposals p "
    "JOIN groups g ON g.id = p.group_id LEFT JOIN sites s ON s.id = g.site_id "
    "WHERE " PROPOSAL_AWAITING_SQL("?5") " AND p.decision_maker_id = ?1 "
    "AND (p.submitted_on, p.id) > (?3, ?2) "
    "ORDER BY p.submitted_on, p.id LIMIT ?4";
static const char *sql_group_issues =
    "SELECT i.id AS value, i.title AS label FROM issues i "
    "JOIN groups g ON g.id = ?1 WHERE i.site_id = g.site_id "
    "AND (i.group_id IS NULL OR i.group_id = g.id) "
    "AND i.status IN ('open', 'taken_forward') ORDER BY i.id DESC";
static const char *sql_deciders =
    "SELECT DISTINCT a.id AS value, a.display_name AS label FROM accounts a "
    "JOIN grants gr ON gr.account_id = a.id WHERE a.disabled_at IS NULL "
    "AND gr.role = 'decision_maker' AND a.id != ?2 "
    "AND (gr.scope = 'organisation' OR (gr.scope = 'site' AND "
    "gr.site_id = ?1) OR (gr.scope = 'group' AND gr.group_id = ?3)) "
    "ORDER BY a.display_name";
static const char *sql_response_days =
    "SELECT response_days FROM groups WHERE id = ?";

int
proposal_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_target, ids[0], &t->site_id, &t->group_id);
}

/* Moves the proposal by event, as the state machine allows. */
static int
proposal_move(struct db *db, int64_t actor, int64_t id,
    enum proposal_event event, const char *today, const char *detail)
{
	struct db_cursor st;
	char		 action[64];
	int		 rc, state = -1, next = -1;

	if (db_cursor_open(db, &st, sql_state, "i", id) == -1)
		return DB_ERROR;
	/* A deferral that has run out moves as a proposal sent again. */
	if ((rc = db_cursor_next(&st)) == 1 && (state = proposal_state_parse(
	    db_cursor_text(&st, 0))) >= 0)
		next = proposal_next(proposal_state_on((enum proposal_state)
		    state, db_cursor_text(&st, 1), today),
		    event);
	db_cursor_close(&st);
	if (rc < 0)
		return DB_ERROR;
	if (state < 0 || next < 0)
		return DB_CONSTRAINT;
	if ((rc = db_exec(db, sql_state_set, "tit", proposal_state_names[next],
	    id, proposal_state_names[state])) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	if ((rc = db_exec(db, sql_event, "itittt", id, today, actor,
	    proposal_event_names[event], proposal_state_names[next],
	    detail)) != DB_OK)
		return rc;
	snprintf(action, sizeof(action), "proposal.%s",
	    proposal_event_names[event]);
	return audit_append(db, actor, action, "proposal", id,
	    proposal_state_names[next]);
}

/* Options come as one textarea, one solution a line. */
static int
options_save(struct db *db, int64_t id, const char *text)
{
	const char	*line = text, *end;
	char		*opt;
	size_t		 n;
	int		 rc, position = 0;

	if ((rc = db_exec(db, sql_options_clear, "i", id)) != DB_OK)
		return rc;
	while (line != NULL && *line != '\0' && position < PROPOSAL_OPTIONS_MAX) {
		end = line + strcspn(line, "\r\n");
		n = (size_t)(end - line);
		while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
			n--;
		if (n > 0) {
			if ((opt = strndup(line, n)) == NULL)
				return DB_ERROR;
			rc = db_exec(db, sql_option_add, "idt", id, ++position,
			    opt);
			free(opt);
			if (rc != DB_OK)
				return rc;
		}
		line = end + strspn(end, "\r\n");
	}
	return DB_OK;
}

static int
issues_save(struct db *db, int64_t id, const json_t *ids)
{
	char	*list;
	int	 rc;

	if ((rc = db_exec(db, sql_issues_clear, "i", id)) != DB_OK)
		return rc;
	if (json_array_size(ids) == 0)
		return DB_OK;
	if ((list = json_dumps(ids, JSON_COMPACT)) == NULL)
		return DB_ERROR;
	rc = db_exec(db, sql_issues_add, "it", id, list);
	free(list);
	return rc;
}

#define V(name)	json_object_get(v, name)

int
proposal_add(struct db *db, int64_t actor, int64_t group_id, json_t *v,
    const char *today, int64_t *id)
{
	int	 rc;

	if ((rc = db_exec(db, sql_insert, "ijjji", group_id, V("title"),
	    V("problem"), V("decider_text"), actor)) != DB_OK)
		return rc;
	*id = db_last_id(db);
	if ((rc = options_save(db, *id, json_string_value(V("options")))) !=
	    DB_OK || (rc = issues_save(db, *id, V("issue_ids"))) != DB_OK ||
	    (rc = db_exec(db, sql_event, "itittn", *id, today, actor, "draft",
	    "draft", DB_NULL)) != DB_OK)
		return rc;
	return audit_append(db, actor, "proposal.create", "proposal", *id,
	    json_string_value(V("title")));
}

int
proposal_update(struct db *db, int64_t actor, int64_t id, json_t *v)
{
	int	 rc;

	if ((rc = db_exec(db, sql_update, "jjji", V("title"), V("problem"),
	    V("decider_text"), id)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;	/* no longer a draft */
	if ((rc = options_save(db, id, json_string_value(V("options")))) !=
	    DB_OK || (rc = issues_save(db, id, V("issue_ids"))) != DB_OK)
		return rc;
	return audit_append(db, actor, "proposal.update", "proposal", id, NULL);
}

int
proposal_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_load, "i", id);
}

json_t *
proposal_list(struct db *db, const struct scope_filter *f, const char *state,
    const struct paging *pg)
{
	return db_rows(db, sql_list, "dtttid", f->all, f->site_ids,
	    f->group_ids, state, paging_seek_id(pg, 1), paging_limit(pg));
}

json_t *
proposal_options_list(struct db *db, int64_t id)
{
	return db_rows(db, sql_options, "i", id);
}

json_t *
proposal_issue_ids(struct db *db, int64_t id)
{
	json_t	*row = NULL, *ids = NULL;

	if (db_row(db, &row, sql_issue_ids, "i", id) > 0)
		ids = json_loads(json_string_value(json_object_get(row,
		    "ids")), 0, NULL);
	json_decref(row);
	return ids ? ids : json_array();
}

json_t *
proposal_evidence(struct db *db, int64_t id)
{
	json_t	*ev = NULL;

	if (db_row(db, &ev, sql_evidence, "i", id) <= 0)
		return NULL;
	json_object_set_new(ev, "places", db_rows(db, sql_evidence_places,
	    "i", id));
	json_object_set_new(ev, "issues", db_rows(db, sql_evidence_issues,
	    "i", id));
	return ev;
}

json_t *
proposal_timeline(struct db *db, int64_t id)
{
	return db_rows(db, sql_timeline, "i", id);
}

json_t *
proposal_comments(struct db *db, int64_t id, int staff)
{
	return db_rows(db, sql_comments, "id", id, staff);
}

json_t *
proposal_responses(struct db *db, int64_t id)
{
	return db_rows(db, sql_responses, "i", id);
}

int
proposal_comment(struct db *db, int64_t actor, int64_t id, json_t *v)
{
	int	 rc;

	if ((rc = db_exec(db, sql_comment_add, "iijj", id, actor, V("body"),
	    V("visibility"))) != DB_OK)
		return rc;
	return audit_append(db, actor, "proposal.comment", "proposal", id,
	    json_string_value(V("visibility")));
}

int
proposal_vote(struct db *db, int64_t actor, int64_t id, json_t *v,
    const char *today)
{
	const char	*outcome = json_string_value(V("outcome"));
	int		 rc;

	rc = proposal_move(db, actor, id, outcome && strcmp(outcome,
	    "agree") == 0 ? PE_AGREE : PE_NOT_AGREE, today, NULL);
	if (rc != DB_OK)
		return rc;
	return db_exec(db, sql_vote, "jjjdji", V("votes_for"),
	    V("votes_against"), V("votes_abstain"),
	    json_is_true(V("consensus")), V("decided_on"), id);
}

static int
deadline_set(struct db *db, int64_t id, int64_t decision_maker,
    const char *today)
{
	char	 due[DATE_CHARS + 1];
	int64_t	 group = 0;
	json_t	*p = NULL;
	int	 days = RESPONSE_DAYS_DEFAULT;

	if (proposal_load(db, id, &p) > 0) {
		group = view_int(p, "group_id");
		if (decision_maker == 0)
			decision_maker = view_int(p, "decision_maker_id");
	}
	json_decref(p);
	if (group > 0)
		days = group_response_days(db, group);
	proposal_due(today, days, due);
	return db_exec(db, sql_submit, "itti", decision_maker, today, due, id);
}

int
proposal_submit(struct db *db, int64_t actor, int64_t id,
    int64_t decision_maker, const char *today)
{
	int	 rc;

	if ((rc = proposal_move(db, actor, id, PE_SUBMIT, today, NULL)) !=
	    DB_OK)
		return rc;
	return deadline_set(db, id, decision_maker, today);
}

int
proposal_resubmit(struct db *db, int64_t actor, int64_t id,
    const char *today)
{
	int	 rc;

	if ((rc = proposal_move(db, actor, id, PE_RESUBMIT, today, NULL)) !=
	    DB_OK)
		return rc;
	return deadline_set(db, id, 0, today);
}

int
proposal_respond(struct db *db, int64_t actor, int64_t id, json_t *v,
    const char *today)
{
	const char	*kind = json_string_value(V("kind"));
	json_t		*p = NULL;
	long		 taken = 0;
	int		 rc, event, on_time = 0;

	if ((event = proposal_response_event(kind)) < 0)
		return DB_CONSTRAINT;
	if (proposal_load(db, id, &p) > 0) {
		taken = date_diff_days(json_string_value(json_object_get(p,
		    "submitted_on")), today);
		on_time = date_diff_days(today, json_string_value(
		    json_object_get(p, "due_on"))) >= 0;
	}
	json_decref(p);
	if ((rc = proposal_move(db, actor, id, (enum proposal_event)event,
	    today, json_string_value(V("reason")))) != DB_OK)
		return rc;
	if ((rc = db_exec(db, sql_response_add, "iijjjjtdij", id, actor,
	    V("kind"), V("reason"), V("deferred_until"), V("referred_to"), today,
	    on_time, (int64_t)taken, V("meeting_id"))) != DB_OK)
		return rc;
	if (event == PE_DEFER)
		return db_exec(db, sql_deferred, "ji", V("deferred_until"), id);
	/* A referral hands the deadline to the new decision maker. */
	if (event == PE_REFER)
		return deadline_set(db, id, json_integer_value(
		    V("referred_to")), today);
	return DB_OK;
}

json_t *
proposals_awaiting(struct db *db, int64_t decision_maker, const char *today,
    const struct paging *pg)
{
	return db_rows(db, sql_awaiting, "iitdt", decision_maker, pg->after_id,
	    pg->after_key, paging_limit(pg), today);
}

json_t *
group_issue_options(struct db *db, int64_t group_id)
{
	return db_rows(db, sql_group_issues, "i", group_id);
}

json_t *
decision_maker_options(struct db *db, int64_t site_id, int64_t group_id,
    int64_t except)
{
	return db_rows(db, sql_deciders, "iii", site_id, except, group_id);
}

int
group_response_days(struct db *db, int64_t group_id)
{
	int64_t	 days = RESPONSE_DAYS_DEFAULT;

	(void)db_int(db, &days, sql_response_days, "i", group_id);
	return (int)days;
}

json_t *
one_to_one_options(struct db *db, int64_t group_id, int64_t account,
    const char *today, const struct catalogue *reader)
{
	json_t	*rows, *row, *out = json_array();
	char	 day[DATE_WORDS_CHARS + 1], label[64];
	size_t	 i;

	rows = db_rows(db, sql_one_to_ones, "iit", group_id, account, today);
	json_array_foreach(rows, i, row) {
		catalogue_fill(catalogue_get(reader, N_("One-to-one of {day}")),
		    "day", date_words_in(view_str(row, "held_on"), day, reader),
		    label, sizeof(label));
		json_array_append_new(out, json_pack("{s:O, s:s}", "value",
		    json_object_get(row, "id"), "label", label));
	}
	json_decref(rows);
	return out;
}
