/*
 * The demo's elections and seats: the Over-50s Forum elected its chair
 * a month ago (first past the post, published, with its count sheet), is
 * electing two reps now (STV, poll open: the member.forum account is
 * Eric, so a demo visitor can vote, for himself and as Dennis's proxy),
 * and allows proxy votes; the Lived
 * Experience Team holds a fixed and a rotating seat at the programme
 * board, the forum's officers take turns at the governor's one-to-one,
 * and Westvale's council has nominations open for its chair.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo.h"
#include "../auth/account.h"
#include "../db/db.h"
#include "../elections/elections.h"
#include "../util/date.h"
#include "../util/view.h"

enum { OVER_50S, REP_TEAM, WOMENS_GROUP, WESTVALE_COUNCIL, LIVED_EXPERIENCE };
enum { COORD_FENWICK, REP_FENWICK, MEMBER_FORUM, GOVERNOR, COORD_HARBOUR,
    COORD_WESTVALE };

static int64_t
person(struct db *db, const char *name)
{
	int64_t	 id = 0;

	(void)db_int(db, &id, "SELECT id FROM people WHERE display_name = ?",
	    "t", name);
	return id;
}

static int
nominate(struct db *db, int64_t actor, int64_t election, const char *who,
    const char *proposer, const char *seconder, const char *statement)
{
	json_t	*v;
	int	 rc;

	v = json_pack("{s:I, s:I, s:I, s:s}", "person_id", (json_int_t)person(db,
	    who), "proposer_id", (json_int_t)person(db, proposer),
	    "seconder_id", (json_int_t)person(db, seconder), "statement",
	    statement);
	rc = candidate_add(db, actor, election, v);
	json_decref(v);
	return rc;
}

static int
election_at(struct db *db, int64_t actor, int64_t group, const char *position,
    const char *method, int seats, const char *opened, const char *closes,
    const char *votes_from, const char *votes_to, int64_t *id)
{
	json_t	*v;
	int	 rc;

	v = json_pack("{s:s, s:s, s:i, s:s, s:s, s:s}", "position", position,
	    "method", method, "seats", seats, "nominations_close_on", closes,
	    "voting_opens_on", votes_from, "voting_closes_on", votes_to);
	rc = election_add(db, actor, group, v, opened, id);
	json_decref(v);
	return rc;
}

/* Votes cast by name: each voter's ranking as candidate names. */
static int
cast(struct db *db, int64_t election, const char *voter, const char *first,
    const char *second)
{
	json_t	*cands = candidate_list(db, election), *c, *r = json_array();
	char	*text;
	size_t	 i;
	int	 rc;

	json_array_foreach(cands, i, c)
		if (strcmp(view_str(c, "display_name"), first) == 0)
			json_array_append_new(r, json_integer(view_int(c, "id")));
	json_array_foreach(cands, i, c)
		if (second != NULL && strcmp(view_str(c, "display_name"),
		    second) == 0)
			json_array_append_new(r, json_integer(view_int(c, "id")));
	text = json_dumps(r, JSON_COMPACT);
	rc = text == NULL ? DB_ERROR : roll_vote(db, 0, election, person(db,
	    voter), "online", 0, text);
	free(text);
	json_decref(r);
	json_decref(cands);
	return rc;
}

/* Last month's chair election, counted and published. */
static int
chair_elected(struct db *db, int64_t actor, int64_t group, time_t now)
{
	static const char *const votes[][2] = {
		{ "Bernard", "Arthur" }, { "Clive", "Arthur" },
		{ "Eric", "Arthur" }, { "Frank", "Dennis" }, { "Dennis", "Dennis" },
		{ "Arthur", "Arthur" },
	};
	char	 today[DATE_CHARS + 1], opened[DATE_CHARS + 1];
	char	 closes[DATE_CHARS + 1], polls[DATE_CHARS + 1];
	json_t	*e = NULL, *sheet = NULL;
	int64_t	 id;
	size_t	 i;
	int	 rc;

	date_today(now, today);
	date_add_days(today, -45, opened);
	date_add_days(today, -31, closes);
	date_add_days(today, -30, polls);
	if ((rc = election_at(db, actor, group, "chair", "fptp", 1, opened,
	    closes, closes, polls, &id)) != DB_OK ||
	    (rc = nominate(db, actor, id, "Arthur", "Bernard", "Clive",
	    "I have chaired the forum for a year and want to see the "
	    "healthcare proposals through.")) != DB_OK ||
	    (rc = nominate(db, actor, id, "Dennis", "Dennis", "Frank",
	    "New blood: I will visit every wing before each meeting.")) !=
	    DB_OK ||
	    (rc = election_move(db, actor, id, "nominations", "voting",
	    closes)) != DB_OK)
		return rc;
	for (i = 0; i < sizeof(votes) / sizeof(votes[0]); i++)
		if ((rc = cast(db, id, votes[i][0], votes[i][1], NULL)) != DB_OK)
			return rc;
	if ((rc = election_move(db, actor, id, "voting", "closed", polls)) !=
	    DB_OK)
		return rc;
	if (election_load(db, id, &e) <= 0 || (sheet = election_count(db, e)) ==
	    NULL)
		rc = DB_ERROR;
	else
		rc = election_publish(db, actor, e, sheet, polls);
	json_decref(sheet);
	json_decref(e);
	return rc;
}

/* Two reps by STV, the poll open this week. */
static int
reps_voting(struct db *db, int64_t actor, int64_t group, time_t now)
{
	char	 today[DATE_CHARS + 1], opened[DATE_CHARS + 1];
	char	 closes[DATE_CHARS + 1];
	json_t	*v;
	int64_t	 id;
	int	 rc;

	date_today(now, today);
	date_add_days(today, -10, opened);
	date_add_days(today, 7, closes);
	if ((rc = election_at(db, actor, group, "rep", "stv", 2, opened, today,
	    today, closes, &id)) != DB_OK ||
	    (rc = nominate(db, actor, id, "Bernard", "Bernard", "Clive",
	    "Wellbeing on the older wings.")) != DB_OK ||
	    (rc = nominate(db, actor, id, "Clive", "Arthur", "Frank",
	    "Getting the library open on Sundays.")) != DB_OK ||
	    (rc = nominate(db, actor, id, "Frank", "Frank", "Dennis",
	    "Mobility aids and the long walk to healthcare.")) != DB_OK ||
	    (rc = election_move(db, actor, id, "nominations", "voting",
	    today)) != DB_OK)
		return rc;
	/* Dennis is away at court: Eric (member.forum) votes for him. */
	v = json_pack("{s:I, s:I}", "person_id", (json_int_t)person(db,
	    "Dennis"), "proxy_id", (json_int_t)person(db, "Eric"));
	rc = proxy_add(db, actor, id, v);
	json_decref(v);
	if (rc != DB_OK)
		return rc;
	return cast(db, id, "Arthur", "Clive", "Frank");
}

/* Westvale's council calls an election for its chair: nominations open. */
static int
council_nominations(struct db *db, int64_t actor, int64_t group, time_t now)
{
	char	 today[DATE_CHARS + 1], closes[DATE_CHARS + 1];
	char	 votes_to[DATE_CHARS + 1];
	int64_t	 id;
	int	 rc;

	date_today(now, today);
	date_add_days(today, 14, closes);
	date_add_days(today, 21, votes_to);
	if ((rc = election_at(db, actor, group, "chair", "fptp", 1, today,
	    closes, closes, votes_to, &id)) != DB_OK)
		return rc;
	return nominate(db, actor, id, "Vic", "Vic", "Sam", "Reception "
	    "areas first: every proposal starts with what people tell us.");
}

/* A seat on a board: fixed (first only) or rotating among the names. */
static int
seat(struct db *db, int64_t group, const char *name, const char *kind,
    const char *rotation, const char *const *names)
{
	json_t	*v;
	int64_t	 id;
	int	 rc;

	v = json_pack("{s:s, s:s, s:s, s:i, s:s, s:[]}", "name", name, "kind",
	    kind, "rotation", rotation, "period_days", 28, "starts_on",
	    "2026-01-12", "members");
	for (; *names != NULL; names++)
		json_array_append_new(json_object_get(v, "members"),
		    json_integer(person(db, *names)));
	rc = seat_add(db, 0, group, v, &id);
	json_decref(v);
	return rc;
}

int
demo_elections(struct db *db, const int64_t *groups, const int64_t *accounts,
    time_t now)
{
	static const char *const wyn[] = { "Wyn", NULL };
	static const char *const team[] = { "Yusuf", "Wyn", NULL };
	static const char *const officers[] = { "Arthur", "Bernard", "Clive",
	    NULL };
	static const char *const council[] = { "Tariq", "Uchenna", NULL };
	int64_t	 coord = accounts[COORD_FENWICK];
	int	 rc;

	if ((rc = db_exec(db, "UPDATE groups SET proxy_votes = 1 WHERE id = ?",
	    "i", groups[OVER_50S])) != DB_OK ||
	    (rc = account_link_person(db, accounts[MEMBER_FORUM],
	    person(db, "Eric"))) != DB_OK ||
	    (rc = chair_elected(db, coord, groups[OVER_50S], now)) != DB_OK ||
	    (rc = reps_voting(db, coord, groups[OVER_50S], now)) != DB_OK ||
	    (rc = council_nominations(db, accounts[COORD_WESTVALE],
	    groups[WESTVALE_COUNCIL], now)) != DB_OK ||
	    (rc = seat(db, groups[LIVED_EXPERIENCE], "Programme board: fixed "
	    "seat", "fixed", "period", wyn)) != DB_OK ||
	    (rc = seat(db, groups[LIVED_EXPERIENCE], "Programme board: "
	    "rotating seat", "rotating", "period", team)) != DB_OK ||
	    (rc = seat(db, groups[OVER_50S], "Governor's one-to-one",
	    "rotating", "meeting", officers)) != DB_OK)
		return rc;
	return seat(db, groups[WESTVALE_COUNCIL], "Probation board: council "
	    "seat", "rotating", "period", council);
}
