/*
 * Every route Roundtable answers, with who may use it and at what scope.
 * Anything not here is 404; the server and `roundtable routes` both read
 * this table, and tests/http/test_routes.c walks it with every role.
 *
 * The table is one array, written in parts: each feature's routes are in
 * src/routes/FEATURE.inc, included below in the table's order (the order
 * `roundtable routes` prints).  The names the parts use for roles,
 * scopes and flags are defined here, so this file lists every area and
 * every word a route is written in.
 */
#include "home_pages.h"
#include "auth/auth_pages.h"
#include "elections/elections.h"
#include "evidence/evidence.h"
#include "exchange/exchange_pages.h"
#include "people/people.h"
#include "plans/plans.h"
#include "meetings/meetings.h"
#include "procurement/procurement.h"
#include "membership/membership.h"
#include "proposals/proposals.h"
#include "surveys/surveys.h"
#include "peer/peer.h"
#include "voice/voice.h"
#include "server/router.h"

#define ADMIN	ROLE_BIT(ROLE_ADMIN)
#define STAFF	ROLES_STAFF
#define ALL	ROLES_ALL
#define LOGGERS	VOICE_LOGGERS
#define DRAFTERS (ROLE_BIT(ROLE_MEMBER) | ROLE_BIT(ROLE_REP) | ROLES_STAFF)
#define DM	ROLE_BIT(ROLE_DECISION_MAKER)
#define REPS	ROLE_BIT(ROLE_REP)	/* peer supporters act as reps */

#define GET	HTTP_GET
#define POST	HTTP_POST
#define SIGNED	ROUTE_SIGNED_IN
#define PWOK	(ROUTE_SIGNED_IN | ROUTE_DURING_PASSWORD_CHANGE)
#define OWNER	ROUTE_OWNER_OR_STAFF
#define SITES	ROUTE_SCOPE_IN_HANDLER

#define ORG	target_organisation, "organisation"
#define SITE	site_target, "site"
#define UNIT	unit_target, "site of the unit"
#define PERSON	person_target, "site of the person"
#define GROUP	group_target, "group"
#define MEMBER	membership_target, "group of the membership"
#define LOG	conversation_target, "site of the log (author or staff)"
#define FOLLOW	followup_target, "site of the follow-up"
#define ISSUE	issue_target, "site and group of the issue"
#define ARRIVAL	arrival_target, "group of the arrival"
#define STEP	arrival_step_target, "group of the arrival"
#define TOPIC	topic_target, "site of the topic"
#define SERVICE	NULL, "a site the service serves"
#define PROPOSAL proposal_target, "group of the proposal"
#define ACTION	action_target, "group of the action's proposal"
#define MEETING	meeting_target, "group of the meeting"
#define ITEM	agenda_item_target, "group of the meeting"
#define PAPER	paper_target, "group of the paper's meeting"
#define PROCUREMENT procurement_target, "the procurement's site or organisation"
#define LOT	lot_target, "site of the lot's procurement"
#define QUESTION question_target, "site of the question's procurement"
#define BID	bid_target, "site of the bid's procurement"
#define PANELIST panel_member_target, "site of the panel's procurement"
#define SCORE	score_target, "site of the score's procurement"
#define SURVEY	survey_target, "group of the survey"
#define SQUESTION survey_question_target, "group of the question's survey"
#define STHEME	survey_theme_target, "group of the theme's survey"
#define EVOTE	event_vote_target, "group of the vote"
#define PSHIFT	peer_shift_target, "site of the shift"
#define PREQUEST peer_request_target, "site of the request (supporters of its place, staff, who asked)"
#define PDEBRIEF peer_debrief_target, "site of the debrief"
#define EVAL	ROLE_BIT(ROLE_EVALUATOR)
#define OVERSEE	(STAFF | EVAL)	/* with OWNER: the lot's moderator or staff */
#define ELECTION election_target, "group of the election"
#define SEAT	seat_target, "group of the seat"
#define DOCUMENT document_target, "group of the document"
#define UPLOAD	ROUTE_UPLOAD
#define OBJECTIVE objective_target, "group of the objective"
#define RECRUIT	recruit_target, "group of the recruit"
#define SHADOW	shadow_target, "group of the pairing"
#define SESSION	session_target, "site of the training session"
#define COMPLETION completion_target, "site of the person trained"
#define EXPENSE	expense_target, "group of the claim (claimant or staff)"
#define COORD	ROLE_BIT(ROLE_COORDINATOR)
/* Who makes plans with people: their named worker (a coordinator, rep or
 * member grant), and coordinators at their site. */
#define PLANNERS (COORD | ROLE_BIT(ROLE_REP) | ROLE_BIT(ROLE_MEMBER))
#define PLAN	NULL, "the person, their named worker, coordinators at their site"
#define WISH	NULL, "the wish's responder"
#define AUDITED	ROUTE_AUDITED_READ
#define ANY	NULL, "rows filtered to the caller's scopes"
#define SELF	NULL, "the caller's own account"
#define NONE	NULL, "public"

const struct route routes[] = {
#include "routes/accounts.inc"
#include "routes/organisation.inc"
#include "routes/people.inc"
#include "routes/voice.inc"
#include "routes/proposals.inc"
#include "routes/meetings.inc"
#include "routes/procurement.inc"
#include "routes/elections.inc"
#include "routes/membership.inc"
#include "routes/peer.inc"
#include "routes/expenses.inc"
#include "routes/surveys.inc"
#include "routes/evidence.inc"
#include "routes/plans.inc"
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);

/* Whose record a route reads (router.h): reads by anyone but the
 * person themselves are audited.  A log names no one (it is about
 * issues; its author is the rep who wrote it), so logs are not here. */
/* The subject p of sql, unless it is the reader: the alias is read
 * from outside, as PostgreSQL takes no result alias in WHERE. */
#define NOT_THE_READER(sql)	"SELECT p FROM (" sql ") AS subject "	\
	"WHERE p IS DISTINCT FROM (SELECT person_id FROM accounts WHERE id = ?2)"
const struct read_subject read_subjects[] = {
	{ person_target, NOT_THE_READER("SELECT id AS p FROM people "
	    "WHERE id = ?1") },
	{ membership_target, NOT_THE_READER("SELECT person_id AS p FROM "
	    "memberships WHERE id = ?1") },
	{ recruit_target, NOT_THE_READER("SELECT person_id AS p FROM recruits "
	    "WHERE id = ?1") },
	{ expense_target, NOT_THE_READER("SELECT a.person_id AS p FROM "
	    "expense_claims e JOIN accounts a ON a.id = e.claimant_id "
	    "WHERE e.id = ?1 AND a.person_id IS NOT NULL") },
};
const size_t read_subjects_count =
    sizeof(read_subjects) / sizeof(read_subjects[0]);
