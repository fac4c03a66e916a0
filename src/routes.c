/*
 * Every route Roundtable answers, with who may use it and at what scope.
 * Anything not here is 404; the server and `roundtable routes` both read
 * this table, and tests/http/test_routes.c walks it with every role.
 */
#include "home_pages.h"
#include "auth/auth_pages.h"
#include "people/people.h"
#include "meetings/meetings.h"
#include "proposals/proposals.h"
#include "voice/voice.h"
#include "server/router.h"

#define ADMIN	ROLE_BIT(ROLE_ADMIN)
#define STAFF	ROLES_STAFF
#define ALL	ROLES_ALL
#define LOGGERS	VOICE_LOGGERS
#define DRAFTERS (ROLE_BIT(ROLE_MEMBER) | ROLE_BIT(ROLE_REP) | ROLES_STAFF)
#define DM	ROLE_BIT(ROLE_DECISION_MAKER)

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
#define UPLOAD	ROUTE_UPLOAD
#define ANY	NULL, "rows filtered to the caller's scopes"
#define SELF	NULL, "the caller's own account"
#define NONE	NULL, "public"

const struct route routes[] = {
	{ GET,  "/healthz", healthz, 0, NONE, 0, "Health check" },
	{ GET,  "/sign-in", sign_in, 0, NONE, 0, "Sign-in form" },
	{ POST, "/sign-in", sign_in, 0, NONE, 0, "Sign in" },
	{ POST, "/sign-out", sign_out, ALL, SELF, PWOK, "Sign out" },
	{ POST, "/sign-out-everywhere", sign_out_everywhere, ALL, SELF, PWOK,
	    "End every session of this account" },
	{ GET,  "/", home, ALL, SELF, SIGNED, "Home" },
	{ GET,  "/account", account_show, ALL, SELF, SIGNED, "Your account" },
	{ GET,  "/account/password", account_password, ALL, SELF, PWOK,
	    "Password form" },
	{ POST, "/account/password", account_password, ALL, SELF, PWOK,
	    "Change password" },
	{ POST, "/account/tokens", account_token_create, ALL, SELF, SIGNED,
	    "Create an API token" },
	{ POST, "/account/tokens/{id}/revoke", account_token_revoke, ALL,
	    SELF, SIGNED, "Revoke an API token" },
	{ GET,  "/audit", audit_index, ADMIN, ORG, 0, "Audit log" },

	{ GET,  "/sites", sites_index, ALL, ANY, 0, "Sites" },
	{ GET,  "/sites/new", sites_new, ADMIN, ORG, 0, "New site form" },
	{ POST, "/sites/new", sites_new, ADMIN, ORG, 0, "Add a site" },
	{ GET,  "/sites/{id}", sites_show, ALL, SITE, 0, "A site" },
	{ GET,  "/sites/{id}/edit", sites_edit, ADMIN, SITE, 0, "Site form" },
	{ POST, "/sites/{id}/edit", sites_edit, ADMIN, SITE, 0, "Change a site" },
	{ GET,  "/sites/{id}/units/new", units_new, STAFF, SITE, 0,
	    "New wing or place form" },
	{ POST, "/sites/{id}/units/new", units_new, STAFF, SITE, 0,
	    "Add a wing or place" },
	{ GET,  "/units/{id}/edit", units_edit, STAFF, UNIT, 0,
	    "Wing or place form" },
	{ POST, "/units/{id}/edit", units_edit, STAFF, UNIT, 0,
	    "Change or close a wing or place" },

	{ GET,  "/people", people_index, STAFF, ANY, 0, "People, searchable" },
	{ GET,  "/people/new", people_new, STAFF, ANY, 0, "New person form" },
	{ POST, "/people/new", people_new, STAFF, ANY, 0, "Add a person" },
	{ GET,  "/people/{id}", people_show, STAFF, PERSON, 0, "A person" },
	{ GET,  "/people/{id}/edit", people_edit, STAFF, PERSON, 0,
	    "Person form" },
	{ POST, "/people/{id}/edit", people_edit, STAFF, PERSON, 0,
	    "Change a person" },
	{ GET,  "/people/{id}/leave", people_leave, STAFF, PERSON, 0,
	    "Leaving form" },
	{ POST, "/people/{id}/leave", people_leave, STAFF, PERSON, 0,
	    "Record leaving; ends their roles" },

	{ GET,  "/groups", groups_index, ALL, ANY, 0, "Groups" },
	{ GET,  "/groups/new", groups_new, STAFF, ANY, 0, "New group form" },
	{ POST, "/groups/new", groups_new, STAFF, ANY, 0, "Add a group" },
	{ GET,  "/groups/{id}", groups_show, ALL, GROUP, 0,
	    "A group and its members" },
	{ GET,  "/groups/{id}/edit", groups_edit, STAFF, GROUP, 0,
	    "Group form" },
	{ POST, "/groups/{id}/edit", groups_edit, STAFF, GROUP, 0,
	    "Change or end a group" },
	{ GET,  "/groups/{id}/members/new", members_new, STAFF, GROUP, 0,
	    "New member form" },
	{ POST, "/groups/{id}/members/new", members_new, STAFF, GROUP, 0,
	    "Add a member" },
	{ GET,  "/memberships/{id}/end", members_end, STAFF, MEMBER, 0,
	    "End-of-role form" },
	{ POST, "/memberships/{id}/end", members_end, STAFF, MEMBER, 0,
	    "End a role" },

	{ GET,  "/conversations", conversations_index, LOGGERS, ANY, 0,
	    "Conversation logs, searchable" },
	{ GET,  "/conversations/new", conversations_new, LOGGERS, ANY, 0,
	    "Log form" },
	{ POST, "/conversations/new", conversations_new, LOGGERS, ANY, 0,
	    "Log a conversation" },
	{ GET,  "/conversations/batch", conversations_batch, LOGGERS, ANY, 0,
	    "Form for typing in paper sheets" },
	{ POST, "/conversations/batch", conversations_batch, LOGGERS, ANY, 0,
	    "Type in paper sheets" },
	{ GET,  "/conversations/sheet.pdf", conversations_sheet, LOGGERS, ANY,
	    0, "Printable log sheet for ?site=" },
	{ GET,  "/conversations/{id}", conversations_show, LOGGERS, LOG, OWNER,
	    "A log" },
	{ GET,  "/followups", followups_mine, ALL, ANY, 0, "My follow-ups" },
	{ GET,  "/followups/all", followups_all, STAFF, ANY, 0,
	    "Everyone's follow-ups at my sites" },
	{ GET,  "/followups/{id}/close", followups_close, ALL, FOLLOW, OWNER,
	    "Close form" },
	{ POST, "/followups/{id}/close", followups_close, ALL, FOLLOW, OWNER,
	    "Close a follow-up" },
	{ GET,  "/followups/{id}/reassign", followups_reassign, STAFF, FOLLOW,
	    0, "Hand-on form" },
	{ POST, "/followups/{id}/reassign", followups_reassign, STAFF, FOLLOW,
	    0, "Hand a follow-up to someone else" },
	{ GET,  "/directory", directory_index, ALL, ANY, 0,
	    "Directory of services" },
	{ GET,  "/directory.pdf", directory_pdf, ALL, ANY, 0,
	    "Printable directory for ?site=" },
	{ GET,  "/directory/new", directory_new, STAFF, ANY, 0,
	    "New service form" },
	{ POST, "/directory/new", directory_new, STAFF, ANY, 0,
	    "Add a service" },
	{ GET,  "/directory/{id}", directory_show, ALL, SERVICE, SITES,
	    "A service" },
	{ GET,  "/directory/{id}/edit", directory_edit, STAFF, SERVICE, SITES,
	    "Service form" },
	{ POST, "/directory/{id}/edit", directory_edit, STAFF, SERVICE, SITES,
	    "Change a service" },
	{ POST, "/directory/{id}/checked", directory_checked, STAFF, SERVICE,
	    SITES, "Mark a service checked today" },
	{ GET,  "/issues", issues_index, ALL, ANY, 0, "Collective issues" },
	{ GET,  "/issues/new", issues_new, STAFF, ANY, 0, "New issue form" },
	{ POST, "/issues/new", issues_new, STAFF, ANY, 0,
	    "Raise an issue from logs" },
	{ GET,  "/issues/{id}", issues_show, ALL, ISSUE, 0,
	    "An issue and its evidence" },
	{ GET,  "/issues/{id}/logs", issues_add_logs, STAFF, ISSUE, 0,
	    "Add-logs form" },
	{ POST, "/issues/{id}/logs", issues_add_logs, STAFF, ISSUE, 0,
	    "Add logs to an issue" },
	{ GET,  "/issues/{id}/decision", issues_decision, STAFF, ISSUE, 0,
	    "Decision form" },
	{ POST, "/issues/{id}/decision", issues_decision, STAFF, ISSUE, 0,
	    "Record the group's decision" },
	{ GET,  "/groups/{id}/arrival-plan", arrival_plan_edit, STAFF, GROUP,
	    0, "Arrival plan form" },
	{ POST, "/groups/{id}/arrival-plan", arrival_plan_edit, STAFF, GROUP,
	    0, "Change the plan for new arrivals" },
	{ GET,  "/groups/{id}/arrivals/new", arrivals_new, LOGGERS, GROUP, 0,
	    "New arrival form" },
	{ POST, "/groups/{id}/arrivals/new", arrivals_new, LOGGERS, GROUP, 0,
	    "Record a new arrival" },
	{ GET,  "/arrivals", arrivals_index, LOGGERS, ANY, 0,
	    "Arrivals with unfinished plans" },
	{ GET,  "/arrivals/{id}", arrivals_show, LOGGERS, ARRIVAL, 0,
	    "An arrival's plan" },
	{ POST, "/arrival-steps/{id}/done", arrivals_step, LOGGERS, STEP, 0,
	    "Tick a step" },
	{ GET,  "/sites/{id}/topics", topics_index, STAFF, SITE, 0,
	    "A site's topics" },
	{ POST, "/sites/{id}/topics", topics_index, STAFF, SITE, 0,
	    "Add a topic" },
	{ POST, "/topics/{id}/retire", topics_retire, STAFF, TOPIC, 0,
	    "Retire a topic" },
	{ GET,  "/search", search_index, ALL, ANY, 0,
	    "Search logs, issues and services" },

	{ GET,  "/proposals", proposals_index, ALL, ANY, 0, "Proposals" },
	{ GET,  "/groups/{id}/proposals/new", proposals_new, DRAFTERS, GROUP,
	    0, "New proposal form" },
	{ POST, "/groups/{id}/proposals/new", proposals_new, DRAFTERS, GROUP,
	    0, "Draft a proposal" },
	{ GET,  "/proposals/{id}", proposals_show, ALL, PROPOSAL, 0,
	    "A proposal, its evidence and timeline" },
	{ GET,  "/proposals/{id}/edit", proposals_edit, DRAFTERS, PROPOSAL, 0,
	    "Draft form" },
	{ POST, "/proposals/{id}/edit", proposals_edit, DRAFTERS, PROPOSAL, 0,
	    "Amend a draft" },
	{ GET,  "/proposals/{id}/comments", proposals_comment, DRAFTERS | DM,
	    PROPOSAL, 0, "Comment form" },
	{ POST, "/proposals/{id}/comments", proposals_comment, DRAFTERS | DM,
	    PROPOSAL, 0, "Comment, for members or staff only" },
	{ GET,  "/proposals/{id}/vote", proposals_vote, DRAFTERS, PROPOSAL, 0,
	    "Vote form" },
	{ POST, "/proposals/{id}/vote", proposals_vote, DRAFTERS, PROPOSAL, 0,
	    "Record the group's vote or consensus" },
	{ GET,  "/proposals/{id}/submit", proposals_submit, STAFF, PROPOSAL, 0,
	    "Send form" },
	{ POST, "/proposals/{id}/submit", proposals_submit, STAFF, PROPOSAL, 0,
	    "Send to a decision maker" },
	{ POST, "/proposals/{id}/resubmit", proposals_resubmit, STAFF,
	    PROPOSAL, 0, "Send a deferred proposal again" },
	{ GET,  "/proposals/{id}/letter.pdf", decisions_letter, ALL, PROPOSAL,
	    0, "Printable letter of the proposal" },
	{ GET,  "/decisions", decisions_index, DM, ANY, 0,
	    "Awaiting your response" },
	{ GET,  "/proposals/{id}/respond", decisions_respond, DM, PROPOSAL,
	    OWNER, "Response form (the decision maker it was sent to)" },
	{ POST, "/proposals/{id}/respond", decisions_respond, DM, PROPOSAL,
	    OWNER, "Respond, with reasons" },
	{ GET,  "/proposals/{id}/actions/new", actions_new, STAFF | DM,
	    PROPOSAL, 0, "New action form" },
	{ POST, "/proposals/{id}/actions/new", actions_new, STAFF | DM,
	    PROPOSAL, 0, "Add an action" },
	{ GET,  "/actions/{id}/update", actions_update, ALL, ACTION, OWNER,
	    "Progress form" },
	{ POST, "/actions/{id}/update", actions_update, ALL, ACTION, OWNER,
	    "Record progress" },
	{ GET,  "/actions/{id}/close", actions_close, ALL, ACTION, OWNER,
	    "Close form" },
	{ POST, "/actions/{id}/close", actions_close, ALL, ACTION, OWNER,
	    "Close with evidence" },
	{ GET,  "/overdue", overdue_index, STAFF | DM, ANY, 0,
	    "Overdue responses and actions" },
	{ GET,  "/groups/{id}/you-said-we-did", outcomes_group, ALL, GROUP, 0,
	    "You said, we did" },
	{ GET,  "/groups/{id}/you-said-we-did.pdf", outcomes_poster, ALL,
	    GROUP, 0, "Poster for the notice board" },
	{ GET,  "/sites/{id}/you-said-we-did", outcomes_site, ALL, SITE, 0,
	    "You said, we did, for a whole site" },
	{ GET,  "/groups/{id}/timeliness", timeliness_group, ALL, GROUP, 0,
	    "Days to response and completion" },
	{ GET,  "/sites/{id}/timeliness", timeliness_site, ALL, SITE, 0,
	    "Days to response and completion, every group at a site" },

	{ GET,  "/groups/{id}/rules", rules_edit, STAFF, GROUP, 0,
	    "The group's rules form" },
	{ POST, "/groups/{id}/rules", rules_edit, STAFF, GROUP, 0,
	    "Change the constitution, quorum, notice and standing items" },
	{ GET,  "/groups/{id}/meetings", meetings_index, ALL, GROUP, 0,
	    "Meetings, rules and open action points" },
	{ GET,  "/groups/{id}/meetings/new", meetings_new, DRAFTERS, GROUP, 0,
	    "New meeting form" },
	{ POST, "/groups/{id}/meetings/new", meetings_new, DRAFTERS, GROUP, 0,
	    "Plan a meeting; its agenda builds itself" },
	{ GET,  "/groups/{id}/action-points", action_points_index, ALL, GROUP,
	    0, "Open action points across meetings" },
	{ GET,  "/groups/{id}/meeting-measures", measures_page, ALL, GROUP, 0,
	    "Minutes published, action points on time, attendance" },
	{ GET,  "/groups/{id}/archive.pdf", archive_pdf, ALL, GROUP, 0,
	    "Published minutes and papers of ?from= to ?to=, printable" },
	{ GET,  "/meetings/{id}", meetings_show, ALL, MEETING, 0,
	    "A meeting: agenda, attendance, minutes" },
	{ POST, "/meetings/{id}/agenda", meetings_agenda_add, DRAFTERS,
	    MEETING, 0, "Add an agenda item" },
	{ POST, "/agenda-items/{id}/up", agenda_up, DRAFTERS, ITEM, 0,
	    "Move an agenda item up" },
	{ POST, "/agenda-items/{id}/down", agenda_down, DRAFTERS, ITEM, 0,
	    "Move an agenda item down" },
	{ GET,  "/meetings/{id}/attendance", meetings_attendance, DRAFTERS,
	    MEETING, 0, "Attendance form" },
	{ POST, "/meetings/{id}/attendance", meetings_attendance, DRAFTERS,
	    MEETING, 0, "Record who came" },
	{ GET,  "/meetings/{id}/minutes", minutes_edit, DRAFTERS, MEETING, 0,
	    "Minutes form, one box an item" },
	{ POST, "/meetings/{id}/minutes", minutes_edit, DRAFTERS, MEETING, 0,
	    "Save the minutes" },
	{ GET,  "/meetings/{id}/action-points", action_points_add, DRAFTERS,
	    MEETING, 0, "Action point form" },
	{ POST, "/meetings/{id}/action-points", action_points_add, DRAFTERS,
	    MEETING, 0, "Add an action point" },
	{ GET,  "/meetings/{id}/approve", minutes_approve_page, DRAFTERS,
	    MEETING, 0, "Approval form" },
	{ POST, "/meetings/{id}/approve", minutes_approve_page, DRAFTERS,
	    MEETING, 0, "Record the minutes' approval" },
	{ POST, "/meetings/{id}/publish", minutes_publish_page, STAFF,
	    MEETING, 0, "Publish approved minutes" },
	{ GET,  "/meetings/{id}/minutes.pdf", minutes_pdf, ALL, MEETING, 0,
	    "Printable minutes (published, or draft for writers)" },
	{ GET,  "/meetings/{id}/pack.pdf", meeting_pack_pdf, ALL, MEETING, 0,
	    "Printable meeting pack" },
	{ POST, "/meetings/{id}/papers", papers_add, DRAFTERS, MEETING, UPLOAD,
	    "Upload a paper (PDF, DOCX, ODT, PNG, JPEG)" },
	{ GET,  "/papers/{id}", papers_get, ALL, PAPER, 0,
	    "Download a paper" },
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);
