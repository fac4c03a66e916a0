/*
 * The SQL behind the evidence: each measure counted by month (flows) or
 * on a day (snapshots) for a scope, members beside the population, and
 * the "you said, we did" highlights.  Read only; what staff and members
 * enter is in evidence_records.c.
 *
 * Every query takes the scope first: ?1 the group (0: none), ?2 the site
 * (0 with no group: the whole organisation).
 */
#include <stdio.h>
#include <string.h>

#include "evidence.h"
#include "../db/db.h"
#include "../meetings/meetings.h"
#include "../proposals/proposals.h"
#include "../surveys/surveys.h"
#include "../util/view.h"

#define IN_SCOPE \
    "(?1 != 0 AND g.id = ?1 OR ?1 = 0 AND (?2 = 0 OR g.site_id = ?2))"
/* The scope's groups as a list, so that each query walks the per-group
 * indexes (meetings_group, proposals_group...) instead of scanning a
 * table for an OR it cannot index (a group's page over the bench data:
 * 390 ms to 19 ms). */
#define GROUPS_IN_SCOPE "(SELECT g.id FROM groups g WHERE " IN_SCOPE ")"
/* Members on day ?3: every position but observer, not decision makers,
 * each person once. */
#define MEMBERS_ON \
    "SELECT DISTINCT ms.person_id FROM memberships ms " \
    "WHERE ms.group_id IN " GROUPS_IN_SCOPE \
    " AND ms.position != 'observer' AND ms.from_on <= ?3 " \
    "AND (ms.to_on IS NULL OR ms.to_on >= ?3) " \
    "AND ms.person_id NOT IN " DECIDERS
#define REPS_ON \
    "SELECT DISTINCT ms.person_id FROM memberships ms " \
    "WHERE ms.group_id IN " GROUPS_IN_SCOPE \
    " AND ms.position IN ('rep', 'wellbeing_rep', 'peer_supporter') " \
    "AND ms.from_on <= ?3 AND (ms.to_on IS NULL OR ms.to_on >= ?3)"

/* The involvement experience questions counted by respondent, not by
 * answer: a respondent agrees when most of their answers to the three
 * questions agree.  Counted by answer, three answers a person made four
 * people's shares pass the privacy threshold, and two pages a day apart
 * gave the newest answers away. */
#define INVOLVEMENT_FLOW(keys) \
    "SELECT month, count(*) AS whole, " \
    "sum(CASE WHEN agreed * 2 > answered THEN 1 ELSE 0 END) AS part " \
    "FROM (SELECT substr(r.created_on, 1, 7) AS month, r.id, " \
    "count(*) AS answered, sum(CASE WHEN a.value IN ('" \
    INVOLVEMENT_STRONGLY_AGREE "', '" INVOLVEMENT_AGREE "') THEN 1 " \
    "ELSE 0 END) AS agreed FROM survey_answers a " \
    "JOIN survey_questions q ON q.id = a.question_id " \
    "JOIN survey_responses r ON r.id = a.response_id " \
    "JOIN surveys s ON s.id = r.survey_id " \
    "WHERE s.group_id IN " GROUPS_IN_SCOPE " AND q.instrument = " \
    "'involvement' AND q.item_key IN " \
    keys " AND r.created_on BETWEEN ?3 AND ?4 AND CAST(?5 AS TEXT) IS NOT NULL " \
    "AND ?6 >= 0 GROUP BY r.id, month) AS respondents GROUP BY month"

/* ?3 from, ?4 to, ?5 today, ?6 a number of days. */
static const char *const sql_flows[FLOW__MAX] = {
	[FLOW_MINUTES] =
	    "SELECT substr(m.held_on, 1, 7) AS month, count(*) AS whole, "
	    "sum(m.published_on IS NOT NULL AND julianday(m.published_on) - "
	    "julianday(m.held_on) <= ?6) AS part FROM meetings m "
	    "WHERE m.group_id IN " GROUPS_IN_SCOPE
	    " AND m.held_on BETWEEN ?3 AND ?4 AND (m.published_on IS NOT NULL "
	    "OR julianday(?5) - julianday(m.held_on) > ?6) GROUP BY month",
	[FLOW_ACTION_POINTS] =
	    "SELECT substr(a.due_on, 1, 7) AS month, count(*) AS whole, "
	    "sum(a.closed_on IS NOT NULL AND a.closed_on <= a.due_on) AS part "
	    "FROM meetings m JOIN actions a ON a.meeting_id = m.id "
	    "WHERE m.group_id IN " GROUPS_IN_SCOPE
	    " AND a.due_on BETWEEN ?3 AND ?4 AND a.due_on < ?5 "
	    "AND ?6 >= 0 GROUP BY month",
	[FLOW_INVITED] =
	    "SELECT substr(m.held_on, 1, 7) AS month, count(*) AS whole, "
	    "sum(m.invited_attended = 1) AS part FROM meetings m "
	    "WHERE m.group_id IN " GROUPS_IN_SCOPE
	    " AND m.invited_id IS NOT NULL AND m.held_on BETWEEN ?3 AND ?4 "
	    "AND m.held_on <= ?5 AND ?6 >= 0 GROUP BY month",
	/* Answers by the month given, and proposals still unanswered past
	 * their date by the month due: both are "not on time". */
	[FLOW_ANSWERED] =
	    "SELECT month, count(*) AS whole, sum(on_time) AS part FROM ("
	    "  SELECT substr(r.responded_on, 1, 7) AS month, r.on_time "
	    "  FROM proposals p JOIN responses r ON r.proposal_id = p.id "
	    "  WHERE p.group_id IN " GROUPS_IN_SCOPE
	    "  AND r.responded_on BETWEEN ?3 AND ?4 "
	    "  UNION ALL SELECT substr(p.due_on, 1, 7), 0 FROM proposals p "
	    "  WHERE p.group_id IN " GROUPS_IN_SCOPE
	    "  AND p.state = 'submitted' AND p.due_on BETWEEN ?3 AND ?4 "
	    "  AND p.due_on < ?5 AND ?6 >= 0) AS flow GROUP BY month",
	[FLOW_EXPENSES] =
	    "SELECT substr(c.created_on, 1, 7) AS month, count(*) AS whole, "
	    "sum(c.paid_on IS NOT NULL AND julianday(c.paid_on) - "
	    "julianday(c.created_on) <= ?6) AS part FROM expense_claims c "
	    "WHERE c.group_id IN " GROUPS_IN_SCOPE
	    " AND c.state IN ('approved', 'paid') "
	    "AND c.created_on BETWEEN ?3 AND ?4 AND (c.paid_on IS NOT NULL "
	    "OR julianday(?5) - julianday(c.created_on) > ?6) GROUP BY month",
	/* Answers to the involvement experience questions, by the month of
	 * the response (surveys.md); ?5 and ?6 are not needed. */
	[FLOW_PERCEPTIONS] = INVOLVEMENT_FLOW(INVOLVEMENT_PERCEPTION_KEYS),
	[FLOW_TRUST] = INVOLVEMENT_FLOW(INVOLVEMENT_TRUST_KEYS),
	/* Whether respondents were asked: the monitoring questions are in
	 * the version they answered. */
	[FLOW_RESPONDENTS] =
	    "SELECT substr(r.created_on, 1, 7) AS month, count(*) AS whole, "
	    "sum(EXISTS (SELECT 1 FROM survey_questions q WHERE "
	    "q.version_id = r.version_id AND q.instrument = 'monitoring')) "
	    "AS part FROM surveys s JOIN survey_responses r ON "
	    "r.survey_id = s.id WHERE s.group_id IN " GROUPS_IN_SCOPE
	    " AND r.created_on BETWEEN ?3 AND ?4 "
	    "AND CAST(?5 AS TEXT) IS NOT NULL AND ?6 >= 0 GROUP BY month",
};

/* The whole organisation needs no list of groups: every proposal has
 * one.  Where that list made the query walk every proposal to find the
 * period's answers, the organisation's own statement walks the answers
 * by day (responses_by_day).  ?1 and ?2 are 0 here. */
static const char *const sql_flows_organisation[FLOW__MAX] = {
	[FLOW_ANSWERED] =
	    "SELECT month, count(*) AS whole, sum(on_time) AS part FROM ("
	    "  SELECT substr(r.responded_on, 1, 7) AS month, r.on_time "
	    "  FROM responses r WHERE ?1 = 0 AND ?2 = 0 "
	    "  AND r.responded_on BETWEEN ?3 AND ?4 "
	    "  UNION ALL SELECT substr(p.due_on, 1, 7), 0 FROM proposals p "
	    "  WHERE p.state = 'submitted' AND p.due_on BETWEEN ?3 AND ?4 "
	    "  AND p.due_on < ?5 AND ?6 >= 0) AS answers GROUP BY month",
};

static int
whole_organisation(const struct evidence_scope *s)
{
	return s->group_id == 0 && s->site_id == 0;
}

static const int flow_days[FLOW__MAX] = {
	[FLOW_MINUTES] = MINUTES_PUBLISHED_DAYS,
	[FLOW_EXPENSES] = EXPENSE_PAID_DAYS,
};

json_t *
evidence_flow_rows(struct db *db, enum evidence_flow flow,
    const struct evidence_scope *s, const char *from, const char *to,
    const char *today)
{
	const char	*sql = sql_flows[flow];

	if (whole_organisation(s) && sql_flows_organisation[flow] != NULL)
		sql = sql_flows_organisation[flow];
	return db_rows(db, sql, "iitttd", s->group_id, s->site_id, from, to,
	    today, flow_days[flow]);
}

/* The days answers in the period took, counted by days: [{days, n}],
 * fewest days first (a histogram the median is read from). */
json_t *
evidence_answer_days(struct db *db, const struct evidence_scope *s,
    const char *from, const char *to)
{
	static const char *sql =
	    "SELECT r.days_taken AS days, count(*) AS n FROM proposals p "
	    "JOIN responses r ON r.proposal_id = p.id "
	    "WHERE p.group_id IN " GROUPS_IN_SCOPE
	    " AND r.responded_on BETWEEN ?3 AND ?4 "
	    "GROUP BY r.days_taken ORDER BY r.days_taken";
	static const char *sql_organisation =
	    "SELECT r.days_taken AS days, count(*) AS n FROM responses r "
	    "WHERE ?1 = 0 AND ?2 = 0 AND r.responded_on BETWEEN ?3 AND ?4 "
	    "GROUP BY r.days_taken ORDER BY r.days_taken";

	return db_rows(db, whole_organisation(s) ? sql_organisation : sql,
	    "iitt", s->group_id, s->site_id, from, to);
}

/* The people with an equality record reviewed in the twelve months up
 * to day ?3. */
#define MONITORED_ON \
    "SELECT DISTINCT e.person_id FROM equality_records e " \
    "WHERE e.updated_on <= ?3 AND e.updated_on > date(?3, '-12 months')"

/* ?3 the day.  Each counts the part by joining the set of people who
 * meet the measure on that day, once, rather than asking per person:
 * a correlated subquery is a fresh executor run per row on PostgreSQL,
 * which made the organisation's twelve monthly snapshots of 5,000
 * members take 150 ms there. */
static const char *const sql_snapshots[SNAP__MAX] = {
	[SNAP_TRAINED] =
	    "SELECT count(*) AS whole, count(c.person_id) AS part "
	    "FROM (" REPS_ON ") r LEFT JOIN (SELECT DISTINCT c.person_id "
	    "FROM completions c WHERE c.completed_on <= ?3 AND "
	    "(c.renew_on IS NULL OR c.renew_on >= ?3)) c "
	    "ON c.person_id = r.person_id",
	/* Supervised: the latest supervision held by the day is not yet
	 * due again. */
	[SNAP_SUPERVISED] =
	    "SELECT count(*) AS whole, count(s.person_id) AS part "
	    "FROM (" REPS_ON ") r LEFT JOIN (SELECT s.person_id, "
	    "s.next_due_on, row_number() OVER (PARTITION BY s.person_id "
	    "ORDER BY s.held_on DESC, s.id DESC) AS latest "
	    "FROM supervisions s WHERE s.held_on <= ?3) s "
	    "ON s.person_id = r.person_id AND s.latest = 1 "
	    "AND s.next_due_on >= ?3",
	[SNAP_OBJECTIVES] =
	    "SELECT count(*) AS whole, coalesce(sum(o.done_on IS NOT NULL AND "
	    "o.done_on <= ?3 OR o.due_on >= ?3), 0) AS part "
	    "FROM strategy_objectives o WHERE o.group_id IN " GROUPS_IN_SCOPE
	    " AND o.created_on <= ?3",
	[SNAP_MONITORED] =
	    "SELECT count(*) AS whole, count(e.person_id) AS part "
	    "FROM (" MEMBERS_ON ") m LEFT JOIN (" MONITORED_ON ") e "
	    "ON e.person_id = m.person_id",
	/* Procurement belongs to a site, not a group: a group's page counts
	 * none.  An expert counts once, on any panel of the site's. */
	[SNAP_EXPERTS] =
	    "SELECT count(*) AS whole, count(e.person_id) AS part FROM ("
	    "SELECT DISTINCT pm.account_id FROM panel_members pm "
	    "JOIN lots l ON l.id = pm.lot_id "
	    "JOIN procurements p ON p.id = l.procurement_id "
	    "WHERE ?1 = 0 AND (?2 = 0 OR p.site_id = ?2) "
	    "AND pm.kind = 'expert_by_experience' AND pm.added_on <= ?3 "
	    "AND (pm.removed_on IS NULL OR pm.removed_on > ?3)) x "
	    "JOIN accounts a ON a.id = x.account_id "
	    "LEFT JOIN (" MONITORED_ON ") e ON e.person_id = a.person_id",
};

int
evidence_snapshot(struct db *db, enum evidence_snapshot snap,
    const struct evidence_scope *s, const char *day, int64_t *part,
    int64_t *whole)
{
	json_t	*row;
	int	 rc;

	*part = *whole = 0;
	rc = db_row(db, &row, sql_snapshots[snap], "iit", s->group_id,
	    s->site_id, day);
	if (rc <= 0)
		return rc;
	*part = json_integer_value(json_object_get(row, "part"));
	*whole = json_integer_value(json_object_get(row, "whole"));
	json_decref(row);
	return 1;
}

int
evidence_members(struct db *db, const struct evidence_scope *s,
    const char *day, int64_t *n)
{
	static const char *sql = "SELECT count(*) FROM (" MEMBERS_ON ") AS m";

	return db_int(db, n, sql, "iit", s->group_id, s->site_id, day);
}

json_t *
evidence_members_by_unit(struct db *db, const struct evidence_scope *s,
    const char *day)
{
	static const char *sql =
	    "SELECT ifnull(p.unit_id, 0) AS unit_id, u.name AS unit, "
	    "count(*) AS n FROM (" MEMBERS_ON ") m "
	    "JOIN people p ON p.id = m.person_id "
	    "LEFT JOIN units u ON u.id = p.unit_id "
	    "GROUP BY ifnull(p.unit_id, 0), u.name ORDER BY u.name";

	return db_rows(db, sql, "iit", s->group_id, s->site_id, day);
}

json_t *
evidence_members_answers(struct db *db, const struct evidence_scope *s,
    const char *day)
{
	static const char *sql =
	    "SELECT a.item, a.answer, count(*) AS n FROM (" MEMBERS_ON ") m "
	    "JOIN equality_answers a ON a.person_id = m.person_id "
	    "GROUP BY a.item, a.answer";

	return db_rows(db, sql, "iit", s->group_id, s->site_id, day);
}

json_t *
evidence_population(struct db *db, const struct evidence_scope *s,
    const char *day, char counted_on[DATE_CHARS + 1])
{
	static const char *sql_site =
	    "SELECT ifnull(g.site_id, 0) FROM groups g WHERE g.id = ?";
	static const char *sql =
	    "SELECT sp.dimension, sp.category, sum(sp.count) AS count, "
	    "max(sp.counted_on) AS counted_on FROM site_population sp "
	    "WHERE (?1 = 0 OR sp.site_id = ?1) AND sp.counted_on = "
	    "(SELECT max(x.counted_on) FROM site_population x "
	    " WHERE x.site_id = sp.site_id AND x.counted_on <= ?2) "
	    "GROUP BY sp.dimension, sp.category";
	json_t	*rows, *row;
	int64_t	 site = s->site_id;
	size_t	 i;

	counted_on[0] = '\0';
	if (s->group_id != 0 && db_int(db, &site, sql_site, "i",
	    s->group_id) < 0)
		return NULL;
	if ((rows = db_rows(db, sql, "it", site, day)) == NULL)
		return NULL;
	json_array_foreach(rows, i, row)
		if (strcmp(view_str(row, "counted_on"), counted_on) > 0)
			snprintf(counted_on, DATE_CHARS + 1, "%s",
			    view_str(row, "counted_on"));
	return rows;
}

json_t *
evidence_activity(struct db *db, const struct evidence_scope *s,
    const char *from_month, const char *to_month)
{
	static const char *sql =
	    "SELECT a.month, a.activity, sum(a.count) AS n "
	    "FROM activity_counts a WHERE (?1 = 0 AND (?2 = 0 OR "
	    "a.site_id = ?2) OR ?1 != 0 AND a.site_id = (SELECT g.site_id "
	    "FROM groups g WHERE g.id = ?1)) AND a.month BETWEEN ?3 AND ?4 "
	    "GROUP BY a.month, a.activity ORDER BY a.month";

	return db_rows(db, sql, "iitt", s->group_id, s->site_id, from_month,
	    to_month);
}

/* A "you said, we did" item: the proposal, its answer and its actions. */
#define HIGHLIGHT_COLUMNS \
    "SELECT p.id, p.title, p.state, p.due_on, p.deferred_until, " \
    "g.name AS group_name, r.reason, r.responded_on, " \
    "coalesce((SELECT min(e.on_date) FROM proposal_events e " \
    "  WHERE e.proposal_id = p.id AND e.event = 'submit'), " \
    "  p.submitted_on) AS first_sent_on, " \
    ACTIONS_LISTED_SQL " AS actions_listed "

json_t *
evidence_highlights(struct db *db, const struct evidence_scope *s,
    const char *from, const char *to, int n)
{
	static const char *sql =
	    HIGHLIGHT_COLUMNS
	    "FROM proposals p JOIN responses r ON r.proposal_id = p.id "
	    "JOIN groups g ON g.id = p.group_id WHERE p.group_id IN "
	    GROUPS_IN_SCOPE " AND r.kind IN ('accepted', 'accepted_in_part') "
	    "AND r.responded_on BETWEEN ?3 AND ?4 "
	    "ORDER BY r.responded_on DESC, r.id DESC LIMIT ?5";
	/* The same walking the period's answers newest first, to stop at
	 * the fifth. */
	static const char *sql_organisation =
	    HIGHLIGHT_COLUMNS
	    "FROM responses r JOIN proposals p ON p.id = r.proposal_id "
	    "JOIN groups g ON g.id = p.group_id WHERE ?1 = 0 AND ?2 = 0 "
	    "AND r.kind IN ('accepted', 'accepted_in_part') "
	    "AND r.responded_on BETWEEN ?3 AND ?4 "
	    "ORDER BY r.responded_on DESC, r.id DESC LIMIT ?5";

	return db_rows(db, whole_organisation(s) ? sql_organisation : sql,
	    "iittd", s->group_id, s->site_id, from, to, n);
}
