/*
 * The demo's membership lifecycle: places the rep team wants filled, two
 * people in its pipeline, a rep due for release with a successor
 * shadowing him, training sessions and certificates, supervision (one
 * overdue), and expense claims with a receipt, at Fenwick and Westvale.
 */
#include <stdio.h>
#include <string.h>

#include "demo.h"
#include "../db/db.h"
#include "../membership/membership.h"
#include "../util/date.h"

enum { OVER_50S, REP_TEAM, WOMENS_GROUP, WESTVALE_COUNCIL };
enum { COORD_FENWICK, REP_FENWICK, MEMBER_FORUM, GOVERNOR, COORD_HARBOUR,
    COORD_WESTVALE };

/* A 1x1 PNG: the photo of a receipt. */
static const unsigned char receipt_png[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
	0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
	0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
	0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
	0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49,
	0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

struct demo_day {
	time_t	 now;
	char	 on[DATE_CHARS + 1];
};

/* The date days from now (negative: ago). */
static const char *
day(struct demo_day *d, int days)
{
	date_today(d->now + (time_t)days * 86400, d->on);
	return d->on;
}

static int64_t
person(struct db *db, const char *name)
{
	int64_t	 id = 0;

	db_int(db, &id, "SELECT id FROM people WHERE display_name = ?", "t",
	    name);
	return id;
}

/* Runs a store call with values v (taken): the call's result. */
#define WITH(v, call) \
	(json_decref(pending), pending = (v), pending == NULL ? DB_ERROR : (call))

static int
demo_pipeline(struct db *db, const int64_t *groups, const int64_t *accounts,
    struct demo_day *d)
{
	json_t	*pending = NULL;
	int64_t	 actor = accounts[COORD_FENWICK], kevin, id;
	int	 rc;

	kevin = person(db, "Kevin");
	rc = WITH(json_pack("{s:s, s:i}", "position", "wellbeing_rep",
	    "places", 4), post_save(db, actor, groups[REP_TEAM], pending));
	if (rc == DB_OK)
		rc = WITH(json_pack("{s:s, s:i}", "position", "peer_supporter",
		    "places", 2), post_save(db, actor, groups[REP_TEAM],
		    pending));
	if (rc == DB_OK)
		rc = WITH(json_pack("{s:I, s:s, s:s}", "person_id",
		    (json_int_t)kevin, "position", "wellbeing_rep",
		    "referred_by", "staff"), recruit_add(db, actor,
		    groups[REP_TEAM], pending, day(d, -30), &id));
	if (rc == DB_OK)
		rc = recruit_move(db, actor, id, RE_APPLY, pending,
		    day(d, -24));
	if (rc == DB_OK)
		rc = WITH(json_pack("{s:s, s:s}", "clearance", "cleared",
		    "clearance_on", day(d, -14)), recruit_move(db, actor, id,
		    RE_CHECK, pending, d->on));
	if (rc == DB_OK)
		rc = WITH(json_pack("{s:I, s:s, s:s}", "person_id",
		    (json_int_t)person(db, "Leon"), "position", "peer_supporter",
		    "referred_by", "self"), recruit_add(db, actor,
		    groups[REP_TEAM], pending, day(d, -5), &id));
	/* Gary is due for release: Kevin shadows him. */
	if (rc == DB_OK)
		rc = WITH(json_pack("{s:s, s:s}", "expected_leave_on",
		    day(d, 20), "expected_leave_reason", "release"),
		    expected_leave_save(db, actor, person(db, "Gary"), pending));
	if (rc == DB_OK)
		rc = WITH(json_pack("{s:I, s:I, s:s}", "learner_id",
		    (json_int_t)kevin, "mentor_id", (json_int_t)person(db,
		    "Gary"), "from_on", day(d, -10)), shadow_add(db, actor,
		    groups[REP_TEAM], pending, &id));
	/* Westvale: Tariq is due for transfer; Wyn is referred. */
	actor = accounts[COORD_WESTVALE];
	if (rc == DB_OK)
		rc = WITH(json_pack("{s:s, s:s}", "expected_leave_on",
		    day(d, 40), "expected_leave_reason", "transfer"),
		    expected_leave_save(db, actor, person(db, "Tariq"),
		    pending));
	if (rc == DB_OK)
		rc = WITH(json_pack("{s:I, s:s, s:s}", "person_id",
		    (json_int_t)person(db, "Wyn"), "position", "member",
		    "referred_by", "self"), recruit_add(db, actor,
		    groups[WESTVALE_COUNCIL], pending, day(d, -8), &id));
	if (rc == DB_OK)
		rc = WITH(json_pack("{s:I, s:I, s:s}", "learner_id",
		    (json_int_t)person(db, "Uchenna"), "mentor_id",
		    (json_int_t)person(db, "Tariq"), "from_on", day(d, -3)),
		    shadow_add(db, actor, groups[WESTVALE_COUNCIL], pending,
		    &id));
	json_decref(pending);
	return rc;
}

/* A session of course at the site, with who completed it. */
static int
demo_session(struct db *db, int64_t actor, int64_t site, const char *course,
    const char *held_on, const char *const *names, const char *award)
{
	json_t	*pending = NULL;
	int64_t	 course_id = 0, session, id;
	int	 rc;

	if (db_int(db, &course_id, "SELECT id FROM courses WHERE name = ?",
	    "t", course) <= 0)
		return DB_ERROR;
	rc = WITH(json_pack("{s:I, s:s, s:s, s:s}", "course_id",
	    (json_int_t)course_id, "held_on", held_on, "place",
	    "Education block", "trainer", "Northmoor training team"),
	    session_add(db, actor, site, pending, &session));
	for (; rc == DB_OK && *names != NULL; names++)
		rc = WITH(json_pack("{s:I, s:s, s:s?, s:b}", "course_id",
		    (json_int_t)course_id, "completed_on", held_on,
		    "accreditation", award, "graduation", names[1] == NULL),
		    completion_add(db, actor, person(db, *names), session,
		    pending, &id));
	json_decref(pending);
	return rc;
}

static int
demo_supervision(struct db *db, int64_t actor, const char *name,
    struct demo_day *d, int ago, const char *notes)
{
	json_t	*pending = NULL;
	char	 held[DATE_CHARS + 1], next[DATE_CHARS + 1];
	int	 rc;

	snprintf(held, sizeof(held), "%s", day(d, -ago));
	supervision_next_due(held, 1, next);
	rc = WITH(json_pack("{s:I, s:s, s:s, s:s}", "supervisor_id",
	    (json_int_t)actor, "held_on", held, "next_due_on", next, "notes",
	    notes), supervision_add(db, actor, person(db, name), pending));
	json_decref(pending);
	return rc;
}

static int
demo_claim(struct db *db, int64_t claimant, int64_t group, const char *kind,
    const char *what, int64_t pence, struct demo_day *d, int64_t *id)
{
	json_t	*pending = NULL;
	char	 today[DATE_CHARS + 1];
	int	 rc;

	snprintf(today, sizeof(today), "%s", day(d, 0));
	rc = WITH(json_pack("{s:I, s:s, s:s, s:s}", "group_id",
	    (json_int_t)group, "kind", kind, "description", what,
	    "incurred_on", day(d, -6)), expense_add(db, claimant, pending,
	    pence, "image/png", "png", receipt_png, sizeof(receipt_png), today,
	    id));
	json_decref(pending);
	return rc;
}

int
demo_membership(struct db *db, const int64_t *sites, const int64_t *groups,
    const int64_t *accounts, time_t now)
{
	static const char *const fenwick_reps[] = { "Gary", "Harold", "Ian",
	    NULL };
	static const char *const westvale_reps[] = { "Sam", "Vic", NULL };
	struct demo_day	 d = { now, "" };
	json_t		*pending = NULL;
	int64_t		 claim;
	int		 rc;

	rc = demo_pipeline(db, groups, accounts, &d);
	if (rc == DB_OK)
		rc = demo_session(db, accounts[COORD_FENWICK], sites[0],
		    "Accredited rep training", day(&d, -60), fenwick_reps,
		    "Open College Network, Level 2");
	if (rc == DB_OK)
		rc = demo_session(db, accounts[COORD_WESTVALE], sites[2],
		    "Presenting findings", day(&d, -20), westvale_reps, NULL);
	if (rc == DB_OK)
		rc = demo_supervision(db, accounts[COORD_FENWICK], "Gary", &d,
		    45, "Finding the wing visits tiring before release.");
	if (rc == DB_OK)
		rc = demo_supervision(db, accounts[COORD_FENWICK], "Harold",
		    &d, 10, "Confident with new arrivals.");
	if (rc == DB_OK)
		rc = demo_supervision(db, accounts[COORD_WESTVALE], "Sam", &d,
		    12, "Wants to chair the next council meeting.");
	if (rc == DB_OK)
		rc = demo_claim(db, accounts[REP_FENWICK], groups[REP_TEAM],
		    "travel", "Bus to the training day and back", 640, &d,
		    &claim);
	if (rc == DB_OK)
		rc = WITH(json_pack("{s:s}", "decision", "approved"),
		    expense_decide(db, accounts[COORD_FENWICK], claim, pending,
		    day(&d, 0)));
	if (rc == DB_OK)
		rc = demo_claim(db, accounts[REP_FENWICK], groups[REP_TEAM],
		    "subsistence", "Lunch on the training day", 450, &d, &claim);
	if (rc == DB_OK)
		rc = demo_claim(db, accounts[COORD_WESTVALE],
		    groups[WESTVALE_COUNCIL], "travel",
		    "Train to the regional council", 1875, &d, &claim);
	json_decref(pending);
	return rc;
}
