/*
 * The demo's proposals: the forum's full cycle at HMP Fenwick (accepted
 * in part with an overdue action, not accepted with a reason, one still
 * waiting past its deadline, a draft under discussion) and Westvale's
 * council getting seats in its new reception.
 */
#include <string.h>

#include "demo.h"
#include "../db/db.h"
#include "../proposals/proposals.h"

/* Indexes into demo.c's tables. */
enum { OVER_50S, REP_TEAM, WOMENS_GROUP, WESTVALE_COUNCIL };
enum { COORD_FENWICK, REP_FENWICK, MEMBER_FORUM, GOVERNOR, COORD_HARBOUR,
    COORD_WESTVALE, CHIEF_WESTVALE };

static const struct demo_proposal {
	int		 group, author, decider;
	const char	*title, *problem, *options;
	int		 issue;		/* issues.id in the demo, 0 none */
	int		 agreed_ago, submitted_ago, answered_ago;
	const char	*answer, *reason;
} proposals[] = {
	{ OVER_50S, MEMBER_FORUM, GOVERNOR, "Evening medication before lock-up",
	    "Members report that evening medication on C wing often comes "
	    "after lock-up, so men go without their tablets.",
	    "Move the evening medication round on C wing to 19:30\n"
	    "Add a second nurse to the round on B wing at weekends\n",
	    1, 40, 38, 20, "accepted_in_part", "The C wing round can move "
	    "now. B wing needs more nursing staff first; we have asked the "
	    "health board." },
	{ OVER_50S, MEMBER_FORUM, GOVERNOR, "A second handrail on B wing stairs",
	    "The stairs to the servery have one handrail; men with walking "
	    "aids struggle and have fallen.", "Fit a second handrail\n",
	    2, 36, 35, 14, "not_accepted", "The staircase is a listed "
	    "structure and cannot be altered. Instead, older men on B wing "
	    "will be offered ground-floor cells." },
	{ OVER_50S, MEMBER_FORUM, GOVERNOR, "Pension advice every month",
	    "Men approaching release do not know how to claim their state "
	    "pension.", "A monthly advice session with the Later Life "
	    "Advice Service\n", 0, 31, 30, -1, NULL, NULL },
	{ WESTVALE_COUNCIL, COORD_WESTVALE, CHIEF_WESTVALE,
	    "Seats in the new reception", "People wait standing for their "
	    "appointments.", "Put at least twelve chairs in the new "
	    "reception\n", 3, 12, 10, 5, "accepted", NULL },
};

static int
demo_cycle(struct db *db, const struct demo_proposal *d,
    const int64_t *groups, const int64_t *accounts, const char *today,
    int64_t *id)
{
	char	 on[DATE_CHARS + 1];
	json_t	*v;
	int	 rc;

	date_add_days(today, -d->agreed_ago - 2, on);
	v = json_pack("{s:s, s:s, s:s, s:s}", "title", d->title, "problem",
	    d->problem, "options", d->options, "decider_text", "");
	if (d->issue > 0)
		json_object_set_new(v, "issue_ids", json_pack("[i]", d->issue));
	rc = proposal_add(db, accounts[d->author], groups[d->group], v, on, id);
	json_decref(v);
	if (rc != DB_OK)
		return rc;
	date_add_days(today, -d->agreed_ago, on);
	v = json_pack("{s:s, s:s, s:i, s:i, s:i, s:b}", "outcome", "agree",
	    "decided_on", on, "votes_for", 7, "votes_against", 1,
	    "votes_abstain", 0, "consensus", 0);
	rc = proposal_vote(db, accounts[d->author], *id, v, on);
	json_decref(v);
	if (rc != DB_OK)
		return rc;
	date_add_days(today, -d->submitted_ago, on);
	if ((rc = proposal_submit(db, accounts[COORD_FENWICK], *id,
	    accounts[d->decider], on)) != DB_OK || d->answer == NULL)
		return rc;
	date_add_days(today, -d->answered_ago, on);
	v = json_pack("{s:s, s:s?}", "kind", d->answer, "reason", d->reason);
	rc = proposal_respond(db, accounts[d->decider], *id, v, on);
	json_decref(v);
	return rc;
}

static int
demo_action(struct db *db, int64_t proposal, int64_t owner, const char *text,
    const char *today, int due_in, int percent, const char *note)
{
	char	 due[DATE_CHARS + 1];
	json_t	*v;
	int64_t	 id;
	int	 rc;

	date_add_days(today, due_in, due);
	v = json_pack("{s:s, s:I, s:s}", "text", text, "owner_id",
	    (json_int_t)owner, "due_on", due);
	rc = action_add(db, owner, proposal, v, today, &id);
	json_decref(v);
	if (rc != DB_OK || percent == 0)
		return rc;
	v = json_pack("{s:s, s:i}", "note", note, "percent", percent);
	rc = action_update(db, owner, id, v, today);
	json_decref(v);
	return rc;
}

int
demo_proposals(struct db *db, const int64_t *groups, const int64_t *accounts,
    time_t now)
{
	int64_t	 ids[sizeof(proposals) / sizeof(proposals[0])], draft;
	char	 today[DATE_CHARS + 1];
	json_t	*v;
	size_t	 i;
	int	 rc = DB_OK;

	date_today(now, today);
	for (i = 0; i < sizeof(proposals) / sizeof(proposals[0]) &&
	    rc == DB_OK; i++)
		rc = demo_cycle(db, &proposals[i], groups, accounts, today,
		    &ids[i]);
	/* The medication round moved, but is ten days late finishing. */
	if (rc == DB_OK)
		rc = demo_action(db, ids[0], accounts[COORD_FENWICK], "Move the "
		    "C wing evening round to 19:30", today, -10, 60, "Trialled "
		    "on three nights a week so far");
	if (rc == DB_OK)
		rc = demo_action(db, ids[3], accounts[COORD_WESTVALE], "Order "
		    "twelve chairs for the new reception", today, 30, 0, NULL);
	if (rc != DB_OK)
		return rc;
	v = json_pack("{s:s, s:s, s:s, s:s}", "title", "Large-print canteen "
	    "sheets", "problem", "Men with poor sight cannot read the canteen "
	    "order sheet.", "options", "Print the sheet in 16 point\n",
	    "decider_text", "the governor");
	rc = proposal_add(db, accounts[MEMBER_FORUM], groups[OVER_50S], v,
	    today, &draft);
	json_decref(v);
	if (rc != DB_OK)
		return rc;
	v = json_pack("{s:s, s:s}", "body", "Could we ask for an audio "
	    "version too?", "visibility", "members");
	rc = proposal_comment(db, accounts[MEMBER_FORUM], draft, v);
	json_decref(v);
	if (rc != DB_OK)
		return rc;
	v = json_pack("{s:s, s:s}", "body", "The canteen contract is up for "
	    "renewal in March; a good moment to ask.", "visibility", "staff");
	rc = proposal_comment(db, accounts[COORD_FENWICK], draft, v);
	json_decref(v);
	return rc;
}
