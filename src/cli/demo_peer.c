/*
 * The demo's peer support: at HMP Fenwick, Jamal (trained in
 * mental-health awareness, signed in as supporter.fenwick) on D wing by
 * day for a fortnight; A wing around the clock and Reception (two at
 * once) need cover nobody gives yet, so the rota shows its gaps in red.
 * Requests in every state, one a safety concern waiting for staff to
 * acknowledge, and a debrief asked for.  At Westvale, a peer-support team
 * in reception on weekdays.  Through the same store functions as the
 * pages.
 */
#include <stdio.h>
#include <string.h>

#include "demo.h"
#include "../auth/account.h"
#include "../db/db.h"
#include "../membership/membership.h"
#include "../peer/peer.h"
#include "../people/people.h"
#include "../util/uk_time.h"

enum { FENWICK, HARBOUR, WESTVALE };
enum { A_WING, B_WING, C_WING, D_WING, RECEPTION, HEALTHCARE };
enum { COORD_FENWICK, REP_FENWICK };
#define COORD_WESTVALE	5

static int64_t
person_named(struct db *db, const char *name)
{
	int64_t	 id = 0;

	if (db_int(db, &id, "SELECT id FROM people WHERE display_name = ?",
	    "t", name) <= 0)
		return 0;
	return id;
}

static int
cover(struct db *db, int64_t actor, int64_t unit, int from, int to,
    int needed)
{
	char	 f[4], t[4], n[4];
	json_t	*v;
	int	 rc;

	snprintf(f, sizeof(f), "%d", from);
	snprintf(t, sizeof(t), "%d", to);
	snprintf(n, sizeof(n), "%d", needed);
	if ((v = json_pack("{s:s, s:s, s:s}", "from_hour", f, "to_hour", t,
	    "needed", n)) == NULL)
		return DB_ERROR;
	rc = peer_cover_save(db, actor, unit, v);
	json_decref(v);
	return rc;
}

/* A shift each day from days_from to days_to (relative to today, local)
 * from start to end o'clock. */
static int
shifts(struct db *db, int64_t actor, int64_t site, int64_t unit,
    int64_t person, time_t now, int days_from, int days_to, int start,
    int end, int weekdays_only)
{
	char	 today[DATE_CHARS + 1], day[DATE_CHARS + 1], words[40];
	int64_t	 s, e, id;
	int	 d, m, rc = DB_OK;

	uk_local((int64_t)now, today, &m);
	for (d = days_from; d <= days_to && rc == DB_OK; d++) {
		date_add_days(today, d, day);
		uk_day_words(day, NULL, words, sizeof(words));
		if (weekdays_only && (strncmp(words, "Saturday", 8) == 0 ||
		    strncmp(words, "Sunday", 6) == 0))
			continue;
		if (peer_shift_instants(day, start * 60, end * 60, &s, &e) !=
		    UK_TIME_OK)
			continue;
		rc = peer_shift_add(db, actor, site, unit, person, s, e, &id);
	}
	return rc;
}

/* A request asked ago minutes before now, moved on as far as stage:
 * 0 open, 1 accepted, 2 seen, 3 closed with outcome (v). */
static int
request(struct db *db, int64_t asker, int64_t supporter_account,
    int64_t supporter, int64_t site, int64_t unit, const char *about,
    const char *urgency, time_t now, int ago, int stage, json_t *close,
    int64_t *id)
{
	char	 today[DATE_CHARS + 1];
	int64_t	 asked = (int64_t)now - ago * 60;
	json_t	*v, *r = NULL;
	int	 m, rc;

	uk_local(asked, today, &m);
	if ((v = json_pack("{s:I, s:s, s:s, s:s}", "unit_id", (json_int_t)unit,
	    "asked_by", "officer", "urgency", urgency, "about", about)) == NULL)
		return DB_ERROR;
	rc = peer_request_add(db, asker, site, v, asked, today, id);
	json_decref(v);
	if (rc == DB_OK && stage >= 1)
		rc = peer_request_accept(db, supporter_account, *id, supporter,
		    asked + 10 * 60);
	if (rc == DB_OK && stage >= 2)
		rc = peer_request_seen(db, supporter_account, *id, asked +
		    35 * 60);
	if (rc == DB_OK && stage >= 3 && (rc = peer_request_load(db, *id,
	    &r) > 0 ? DB_OK : DB_ERROR) == DB_OK)
		rc = peer_request_close(db, supporter_account, *id, r, close,
		    asked + 80 * 60);
	json_decref(r);
	return rc;
}

static int
trained(struct db *db, int64_t actor, int64_t site, int64_t person,
    time_t now)
{
	char	 held[DATE_CHARS + 1];
	int64_t	 course = 0, session, id;
	json_t	*v;
	int	 rc;

	date_today(now - 40 * 86400, held);
	if (db_int(db, &course, "SELECT id FROM courses WHERE name = "
	    "'Mental-health awareness'", "") <= 0)
		return DB_ERROR;
	v = json_pack("{s:I, s:s, s:s, s:s}", "course_id", (json_int_t)course,
	    "held_on", held, "place", "Healthcare centre", "trainer",
	    "Mental-health in-reach team");
	rc = v ? session_add(db, actor, site, v, &session) : DB_ERROR;
	json_decref(v);
	if (rc != DB_OK)
		return rc;
	v = json_pack("{s:I, s:s, s:s, s:b}", "course_id", (json_int_t)course,
	    "completed_on", held, "accreditation", "Open College Network, "
	    "Level 1", "graduation", 0);
	rc = v ? completion_add(db, actor, person, session, v, &id) : DB_ERROR;
	json_decref(v);
	return rc;
}

static int
demo_westvale(struct db *db, const int64_t *sites, const int64_t (*units)[7],
    const int64_t *accounts, time_t now)
{
	int64_t	 actor = accounts[COORD_WESTVALE], group, yusuf, id;
	json_t	*v, *close;
	int	 rc;

	yusuf = person_named(db, "Yusuf");
	v = json_pack("{s:I, s:s, s:s, s:s}", "site_id", (json_int_t)sites[
	    WESTVALE], "name", "Westvale Peer Supporters", "kind", "rep_team",
	    "purpose", "Peer supporters meet people in reception.");
	rc = v ? group_save(db, actor, 0, v, &group) : DB_ERROR;
	json_decref(v);
	if (rc != DB_OK)
		return rc;
	v = json_pack("{s:I, s:s, s:s}", "person_id", (json_int_t)yusuf,
	    "position", "peer_supporter", "from_on", "2026-01-12");
	rc = v ? membership_add(db, actor, group, v, NULL) : DB_ERROR;
	json_decref(v);
	if (rc == DB_OK)
		rc = cover(db, actor, units[WESTVALE][0], 9, 17, 1);
	if (rc == DB_OK)
		rc = shifts(db, actor, sites[WESTVALE], units[WESTVALE][0],
		    yusuf, now, -21, 13, 9, 17, 1);
	close = json_pack("{s:s}", "outcome", "resolved");
	if (rc == DB_OK)
		rc = close ? request(db, actor, actor, yusuf, sites[WESTVALE],
		    units[WESTVALE][0], "first appointment nerves", "today",
		    now, 60 * 24 * 3, 3, close, &id) : DB_ERROR;
	json_decref(close);
	if (rc == DB_OK)
		rc = peer_debrief_ask(db, actor, yusuf, sites[WESTVALE], id,
		    now - 3600);
	return rc;
}

int
demo_peer(struct db *db, const int64_t *sites, const int64_t (*units)[7],
    const int64_t *accounts, time_t now)
{
	int64_t	 actor = accounts[COORD_FENWICK], jamal, account = 0, id;
	int64_t	 dwing = units[FENWICK][D_WING], service = 0;
	json_t	*close;
	int	 rc;

	jamal = person_named(db, "Jamal");
	if (account_find(db, "supporter.fenwick", &account) <= 0 ||
	    account_link_person(db, account, jamal) != DB_OK ||
	    db_int(db, &service, "SELECT id FROM services WHERE name = "
	    "'Healthcare in-reach team'", "") <= 0)
		return DB_ERROR;
	rc = trained(db, actor, sites[FENWICK], jamal, now);
	if (rc == DB_OK)
		rc = cover(db, actor, units[FENWICK][A_WING], 0, 24, 1);
	if (rc == DB_OK)
		rc = cover(db, actor, dwing, 8, 20, 1);
	if (rc == DB_OK)
		rc = cover(db, actor, units[FENWICK][RECEPTION], 8, 18, 2);
	if (rc == DB_OK)
		rc = shifts(db, actor, sites[FENWICK], dwing, jamal, now, -21,
		    13, 8, 20, 0);
	/* Signposted to healthcare, seen within the hour. */
	close = json_pack("{s:s, s:I, s:[]}", "outcome", "signposted",
	    "service_id", (json_int_t)service, "topic_ids");
	if (rc == DB_OK)
		rc = close ? request(db, accounts[REP_FENWICK], account, jamal,
		    sites[FENWICK], dwing, "low mood", "today", now,
		    60 * 24 * 2 + 60, 3, close, &id) : DB_ERROR;
	json_decref(close);
	/* A concern for someone's safety, handed to a wing officer: it
	 * waits on Fenwick staff's home page. */
	close = json_pack("{s:s, s:s, s:s, s:I}", "outcome", "safety_concern",
	    "told_name", "Mr Okoro", "told_role", "Wing officer (D wing)",
	    "told_at", (json_int_t)(now - 60 * 24 * 60 + 75 * 60));
	if (rc == DB_OK)
		rc = close ? request(db, accounts[REP_FENWICK], account, jamal,
		    sites[FENWICK], dwing, "bad news from home", "now", now,
		    60 * 24, 3, close, &id) : DB_ERROR;
	json_decref(close);
	if (rc == DB_OK)
		rc = peer_debrief_ask(db, account, jamal, sites[FENWICK], id,
		    now - 60 * 20);
	if (rc == DB_OK)
		rc = request(db, accounts[REP_FENWICK], account, jamal,
		    sites[FENWICK], dwing, "first night", "now", now, 30, 1,
		    NULL, &id);
	if (rc == DB_OK)
		rc = request(db, accounts[REP_FENWICK], account, jamal,
		    sites[FENWICK], units[FENWICK][A_WING], "feeling low",
		    "today", now, 15, 0, NULL, &id);
	if (rc == DB_OK)
		rc = demo_westvale(db, sites, units, accounts, now);
	return rc;
}
