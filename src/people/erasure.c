#include <string.h>

#include "erasure.h"
#include "person_references.h"
#include "../auth/audit.h"
#include "../db/db.h"

/* Their accounts, for rules on references to accounts. */
#define THEIR_ACCOUNTS	"(SELECT id FROM accounts WHERE person_id = ?1)"

/* Why a reference is kept: the row is a shared record, and pointing at
 * a tombstone it no longer says who. */
#define COLLECTIVE	"a collective record of the group; names a tombstone"
#define WORK		"work done for the group, kept for its record; by a tombstone"
#define PERSONAL_PLAN	"health and offending data about them alone"
#define FINANCE		"finance records are kept for their period (retention)"

/*
 * One rule per reference to people or accounts.  sql, run with ?1 the
 * person's id, deletes or blanks what is about them alone; NULL keeps
 * the rows, which then point at the tombstone.  Rules run in this order
 * (what refers to accounts before the accounts, the accounts before the
 * person).  The SQL literals have static storage, as the statement
 * cache needs.
 */
static const struct erase_rule {
	const char	*table;
	const char	*column;
	const char	*sql;	/* NULL: keep */
	const char	*why;
} rules[] = {
	{ "sessions", "account_id", "DELETE FROM sessions WHERE account_id "
	    "IN " THEIR_ACCOUNTS, "signed out everywhere" },
	{ "api_tokens", "account_id", "DELETE FROM api_tokens WHERE "
	    "account_id IN " THEIR_ACCOUNTS, "tokens end" },
	{ "grants", "account_id", "DELETE FROM grants WHERE account_id IN "
	    THEIR_ACCOUNTS, "no role is left to them" },
	{ "supervisions", "person_id", "DELETE FROM supervisions WHERE "
	    "person_id = ?1", "notes about them alone" },
	{ "recruits", "person_id", "UPDATE recruits SET clearance = NULL, "
	    "clearance_on = NULL WHERE person_id = ?1",
	    "a clearance is about them; the place in the pipeline is the "
	    "group's" },
	{ "equality_answers", "person_id", "DELETE FROM equality_answers "
	    "WHERE person_id = ?1", "their own monitoring answers" },
	{ "equality_records", "person_id", "DELETE FROM equality_records "
	    "WHERE person_id = ?1", "their own monitoring record" },
	{ "wishes", "person_id", "DELETE FROM wishes WHERE person_id = ?1",
	    PERSONAL_PLAN },
	{ "plan_steps", "person_id", "DELETE FROM plan_steps WHERE "
	    "person_id = ?1", PERSONAL_PLAN },
	{ "plan_cards", "person_id", "DELETE FROM plan_cards WHERE "
	    "person_id = ?1", PERSONAL_PLAN },
	{ "referrals", "person_id", "DELETE FROM referrals WHERE "
	    "person_id = ?1", PERSONAL_PLAN },
	{ "release_plans", "person_id", "DELETE FROM release_plans WHERE "
	    "person_id = ?1", PERSONAL_PLAN },
	{ "plans", "person_id", "DELETE FROM plans WHERE person_id = ?1",
	    PERSONAL_PLAN },
	{ "treating_declarations", "person_id", "DELETE FROM "
	    "treating_declarations WHERE person_id = ?1", "that someone "
	    "treated them is health data about them alone" },
	{ "peer_debriefs", "person_id", "DELETE FROM peer_debriefs WHERE "
	    "person_id = ?1", "a supporter's own wellbeing, about them alone" },
	{ "peer_breaks", "person_id", "DELETE FROM peer_breaks WHERE "
	    "person_id = ?1", "a supporter's own wellbeing, about them alone" },
	{ "accounts", "person_id", "UPDATE accounts SET username = "
	    "'erased-' || id, display_name = 'Erased person', password_hash "
	    "= '!', must_change_password = 0, disabled_at = ifnull("
	    "disabled_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
	    "WHERE person_id = ?1", "the account becomes a tombstone" },
	{ "action_updates", "author_id", NULL, WORK },
	{ "actions", "owner_id", NULL, WORK },
	{ "arrival_steps", "done_by", NULL, WORK },
	{ "arrivals", "recorded_by", NULL, WORK },
	{ "attendance", "person_id", NULL, COLLECTIVE },
	{ "ballot_batch_entries", "teller_id", NULL, WORK },
	{ "candidates", "person_id", NULL, COLLECTIVE },
	{ "candidates", "proposer_id", NULL, COLLECTIVE },
	{ "candidates", "seconder_id", NULL, COLLECTIVE },
	{ "completions", "created_by", NULL, WORK },
	{ "completions", "person_id", NULL, "training counts; by a tombstone" },
	{ "consensus_meetings", "recorded_by", NULL, WORK },
	{ "consensus_scores", "recorded_by", NULL, WORK },
	{ "conversations", "author_id", NULL, WORK },
	{ "conversations", "entered_by", NULL, WORK },
	{ "course_sessions", "created_by", NULL, WORK },
	{ "election_proxies", "person_id", NULL, COLLECTIVE },
	{ "election_proxies", "proxy_id", NULL, COLLECTIVE },
	{ "election_voters", "person_id", NULL, COLLECTIVE },
	{ "election_voters", "proxy_id", NULL, COLLECTIVE },
	{ "elections", "created_by", NULL, WORK },
	{ "event_votes", "created_by", NULL, WORK },
	{ "expense_claims", "claimant_id", NULL, FINANCE },
	{ "expense_claims", "decided_by", NULL, FINANCE },
	{ "followups", "created_by", NULL, WORK },
	{ "followups", "owner_id", NULL, WORK },
	{ "group_documents", "created_by", NULL, WORK },
	{ "group_documents", "updated_by", NULL, WORK },
	{ "issues", "created_by", NULL, WORK },
	{ "lots", "moderator_id", NULL, WORK },
	{ "meeting_decisions", "created_by", NULL, WORK },
	{ "meetings", "chair_person_id", NULL, COLLECTIVE },
	{ "meetings", "created_by", NULL, WORK },
	{ "meetings", "invited_id", NULL, COLLECTIVE },
	{ "meetings", "proposed_by", NULL, COLLECTIVE },
	{ "meetings", "seconded_by", NULL, COLLECTIVE },
	{ "memberships", "person_id", NULL, COLLECTIVE },
	{ "panel_members", "account_id", NULL, "a procurement's record" },
	{ "papers", "uploaded_by", NULL, WORK },
	{ "procurements", "created_by", NULL, WORK },
	{ "proposal_comments", "author_id", NULL, WORK },
	{ "proposal_events", "actor_id", NULL, WORK },
	{ "proposals", "created_by", NULL, WORK },
	{ "proposals", "decision_maker_id", NULL, COLLECTIVE },
	{ "recruit_events", "actor_id", NULL, WORK },
	{ "reserves", "account_id", NULL, "a procurement's record" },
	{ "responses", "referred_to", NULL, COLLECTIVE },
	{ "responses", "responder_id", NULL, COLLECTIVE },
	{ "score_changes", "changed_by", NULL, "a procurement's record" },
	{ "exchange_conflicts", "settled_by", NULL, "who settled an "
	    "exchange's conflict; by a tombstone" },
	{ "seat_members", "person_id", NULL, COLLECTIVE },
	{ "shadowing", "learner_id", NULL, COLLECTIVE },
	{ "shadowing", "mentor_id", NULL, COLLECTIVE },
	{ "supervisions", "supervisor_id", NULL, "their notes on others are "
	    "the others' records" },
	{ "survey_paper_entries", "entered_by", NULL, WORK },
	{ "survey_responses", "interviewer_id", NULL, WORK },
	{ "surveys", "created_by", NULL, WORK },
	{ "activity_counts", "updated_by", NULL, WORK },
	{ "evidence_targets", "updated_by", NULL, WORK },
	{ "evidence_target_policy", "updated_by", NULL, WORK },
	{ "evidence_local_targets", "updated_by", NULL, WORK },
	{ "group_strategies", "updated_by", NULL, WORK },
	{ "plan_cards", "added_by", NULL, WORK },
	{ "plan_steps", "added_by", NULL, WORK },
	{ "plans", "worker_id", NULL, WORK },
	{ "referrals", "attended_by", NULL, WORK },
	{ "referrals", "made_by", NULL, WORK },
	{ "release_plans", "created_by", NULL, WORK },
	{ "site_population", "created_by", NULL, WORK },
	{ "strategy_objectives", "created_by", NULL, WORK },
	{ "treating_declarations", "account_id", NULL, "their declarations protect the people they treated" },
	{ "wishes", "added_by", NULL, WORK },
	{ "wishes", "responder_id", NULL, WORK },
	{ "peer_breaks", "recorded_by", NULL, WORK },
	{ "peer_debriefs", "done_by", NULL, WORK },
	{ "peer_request_offers", "person_id", NULL, WORK },
	{ "peer_requests", "accepted_by", NULL, WORK },
	{ "peer_requests", "acknowledged_by", NULL, WORK },
	{ "peer_requests", "entered_by", NULL, WORK },
	{ "peer_shifts", "created_by", NULL, WORK },
	{ "peer_shifts", "person_id", NULL, WORK },
	{ "peer_swaps", "from_person", NULL, WORK },
	{ "peer_swaps", "to_person", NULL, WORK },
	{ "peer_swaps", "swapped_by", NULL, WORK },
};

#define NRULES	(sizeof(rules) / sizeof(rules[0]))

static const char *sql_state =
    "SELECT CASE WHEN left_on IS NOT NULL THEN 1 ELSE 0 END + "
    "CASE WHEN erased_on IS NOT NULL THEN 2 ELSE 0 END "
    "FROM people WHERE id = ?";
static const char *sql_tombstone =
    "UPDATE people SET display_name = 'Erased person', reference = "
    "'E-' || id, restrictions = '', unit_id = NULL, expected_leave_on = "
    "NULL, expected_leave_reason = NULL, erased_on = date('now') "
    "WHERE id = ? AND erased_on IS NULL";

static const struct erase_rule *
rule_for(const char *table, const char *column)
{
	size_t	 i;

	for (i = 0; i < NRULES; i++)
		if (strcmp(rules[i].table, table) == 0 &&
		    strcmp(rules[i].column, column) == 0)
			return &rules[i];
	return NULL;
}

/* The walk's tally of references with no rule. */
struct unruled {
	FILE	*report;	/* borrowed; may be NULL */
	int	 n;
};

static int
rule_check(void *ctx, const char *table, const char *column,
    const char *refers_to)
{
	struct unruled	*u = ctx;

	if (rule_for(table, column) != NULL)
		return 0;
	u->n++;
	if (u->report != NULL)
		fprintf(u->report, "erasure: no rule for %s.%s (refers to "
		    "%s); decide in src/people/erasure.c\n", table, column,
		    refers_to);
	return 0;
}

enum erase_result
person_erase(struct db *db, int64_t actor, int64_t person_id,
    const char *detail, FILE *report)
{
	struct unruled	 u = { report, 0 };
	int64_t		 state;
	size_t		 i;
	int		 rc;

	if ((rc = db_int(db, &state, sql_state, "i", person_id)) <= 0)
		return rc < 0 ? ERASE_ERROR : ERASE_NO_PERSON;
	if (state & 2)
		return ERASE_ALREADY;
	if (!(state & 1))
		return ERASE_NOT_LEFT;
	/* Every reference decided before anything changes: fail closed. */
	if (person_references(db, rule_check, &u) == -1)
		return ERASE_ERROR;
	if (u.n > 0)
		return ERASE_UNRULED;
	for (i = 0; i < NRULES; i++)
		if (rules[i].sql != NULL &&
		    db_exec(db, rules[i].sql, "i", person_id) != DB_OK)
			return ERASE_ERROR;
	if (db_exec(db, sql_tombstone, "i", person_id) != DB_OK ||
	    db_changes(db) != 1 ||
	    audit_append(db, actor, "person.erase", "person", person_id,
	    detail) != DB_OK)
		return ERASE_ERROR;
	return ERASE_DONE;
}
