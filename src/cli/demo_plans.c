/*
 * Demo personal plans: Eric at HMP Fenwick makes his plan with the
 * wellbeing rep, asks two things of the governor (one answered on time,
 * one waiting), and is released to Westvale in a month with referrals
 * tracked; Sam at Westvale has a wish overdue with the head of probation
 * and a referral attended.  The Over-50s Forum member's account is
 * Eric's (demo_elections links it), so it reads "Your plan".  Services get the needs they meet,
 * and a Westvale mental health team joins the directory, so the map of
 * provision shows a place with gaps.
 */
#include <stdio.h>
#include <string.h>

#include "demo.h"
#include "../auth/account.h"
#include "../db/db.h"
#include "../plans/plans.h"
#include "../util/date.h"
#include "../voice/voice.h"

enum { COORD_FENWICK, REP_FENWICK, MEMBER_FORUM, GOVERNOR, COORD_HARBOUR,
    COORD_WESTVALE, CHIEF_WESTVALE };

static const char *sql_person =
    "SELECT id FROM people WHERE display_name = ?";
static const char *sql_service =
    "SELECT id FROM services WHERE name = ?";
static const char *sql_cmht =
    "INSERT INTO services (id, name, offer, eligibility, referral, contact, "
    "after_release, checked_on) VALUES (rt_next_id('services'), 'Westvale Community Mental Health "
    "Team', 'Assessment, a care coordinator and talking therapies after "
    "release.', 'Adults registered with a Westvale GP or due to be.', "
    "'Ask the person''s consent to share their health record\n"
    "Send the referral form with the release date\n"
    "Phone the duty worker to say it is on its way', "
    "'Duty worker 0300 000 0000', 1, ?)";
static const char *sql_service_site =
    "INSERT INTO service_sites (service_id, site_id) VALUES (?, ?)";
static const char *sql_need =
    "INSERT INTO service_needs (service_id, need) VALUES (?, ?)";
/* The newest row: the store's writes end with an audit row, so the
 * connection's last insert id is the audit's, not the record's. */
static const char *sql_last_wish = "SELECT max(id) FROM wishes";
static const char *sql_last_referral = "SELECT max(id) FROM referrals";
static const char *sql_wish_dates =
    "UPDATE wishes SET asked_on = ?2, due_on = ?3 WHERE id = ?1";

struct demo_plan_day {
	time_t	 now;
	char	 on[DATE_CHARS + 1];
	char	 at[DATETIME_CHARS + 1];
};

/* The date days from now (negative: ago). */
static const char *
on_day(struct demo_plan_day *d, int days)
{
	date_today(d->now + (time_t)days * 86400, d->on);
	return d->on;
}

static int64_t
id_of(struct db *db, const char *sql, const char *name)
{
	int64_t	 id = 0;

	(void)db_int(db, &id, sql, "t", name);
	return id;
}

/* Gives the demo services the needs they meet; adds the Westvale team. */
static int
demo_needs(struct db *db, const int64_t *sites, struct demo_plan_day *d)
{
	static const struct { const char *service, *need; } needs[] = {
		{ "Healthcare in-reach team", "mental_health" },
		{ "Healthcare in-reach team", "medication" },
		{ "Later Life Advice Service", "benefits" },
		{ "Harbour Housing Advice", "housing" },
		{ "Westvale Community Mental Health Team", "mental_health" },
		{ "Westvale Community Mental Health Team", "medication" },
	};
	size_t	 i;
	int	 rc;

	if ((rc = db_exec(db, sql_cmht, "t", on_day(d, -10))) != DB_OK ||
	    (rc = db_exec(db, sql_service_site, "ii", db_last_id(db),
	    sites[2])) != DB_OK)
		return rc;
	for (i = 0; i < sizeof(needs) / sizeof(needs[0]); i++)
		if ((rc = db_exec(db, sql_need, "it", id_of(db, sql_service,
		    needs[i].service), needs[i].need)) != DB_OK)
			return rc;
	return DB_OK;
}

/* Runs a store call with values v, then frees them. */
static int
with(json_t *v, int (*add)(struct db *, int64_t, int64_t, json_t *,
    const char *, const char *), struct db *db, int64_t actor,
    int64_t person, struct demo_plan_day *d)
{
	int	 rc;

	if (v == NULL)
		return DB_ERROR;
	rc = add(db, actor, person, v, on_day(d, 0), d->at);
	json_decref(v);
	return rc;
}

/* A wish asked days_ago, answered (kind, reason) or left waiting. */
static int
demo_wish(struct db *db, int64_t worker, int64_t responder, int64_t person,
    const char *about, const char *text, int days_ago, const char *kind,
    const char *reason, struct demo_plan_day *d)
{
	char	 asked[DATE_CHARS + 1], due[DATE_CHARS + 1];
	int64_t	 id;
	json_t	*v;
	int	 rc;

	if ((rc = with(json_pack("{s:s, s:s, s:I}", "about", about, "text",
	    text, "responder_id", (json_int_t)responder), wish_add, db, worker,
	    person, d)) != DB_OK)
		return rc;
	if (db_int(db, &id, sql_last_wish, "") <= 0)
		return DB_ERROR;
	snprintf(asked, sizeof(asked), "%s", on_day(d, -days_ago));
	date_add_days(asked, WISH_RESPONSE_DAYS, due);
	if ((rc = db_exec(db, sql_wish_dates, "itt", id, asked, due)) != DB_OK ||
	    kind == NULL)
		return rc;
	if ((v = json_pack("{s:s, s:s?}", "kind", kind, "reason", reason)) ==
	    NULL)
		return DB_ERROR;
	rc = wish_answer(db, responder, id, v, on_day(d, 0), d->at);
	json_decref(v);
	return rc;
}

static int
demo_referral(struct db *db, int64_t worker, int64_t person, const char *need,
    const char *service, const char *const *stages, struct demo_plan_day *d)
{
	json_t	*sv = NULL;
	int64_t	 sid = id_of(db, sql_service, service), id = 0;
	int	 rc, k;

	if (service_load(db, sid, &sv) <= 0)
		return DB_ERROR;
	rc = referral_add(db, worker, person, need, sid, json_string_value(
	    json_object_get(sv, "referral")), on_day(d, -12), d->at);
	json_decref(sv);
	if (rc == DB_OK && db_int(db, &id, sql_last_referral, "") <= 0)
		rc = DB_ERROR;
	for (k = 0; rc == DB_OK && stages[k] != NULL; k++)
		rc = referral_progress(db, worker, id, stages[k],
		    on_day(d, -10 + 3 * k), d->at);
	return rc;
}

static int
demo_eric(struct db *db, const int64_t *sites, const int64_t *accounts,
    struct demo_plan_day *d)
{
	static const struct { const char *life, *area, *text; } cards[] = {
		{ "blue", "home", "A flat of my own near my daughter" },
		{ "blue", "family", "Seeing my grandchildren every week" },
		{ "blue", "health", "Sleeping through the night" },
		{ "orange", "health", "My back hurts and I wait weeks for the "
		    "doctor" },
		{ "orange", "friends", "Most of my friends inside are moving on" },
	};
	static const char *const none[] = { NULL };
	static const char *const offered[] = { "acknowledged", "offered",
	    NULL };
	int64_t	 eric = id_of(db, sql_person, "Eric");
	int64_t	 rep = accounts[REP_FENWICK], governor = accounts[GOVERNOR];
	size_t	 i;
	int	 rc;

	rc = with(json_pack("{s:I, s:s}", "worker_id", (json_int_t)rep,
	    "worker_kind", "peer_supporter"), plan_start, db,
	    accounts[COORD_FENWICK], eric, d);
	for (i = 0; rc == DB_OK && i < sizeof(cards) / sizeof(cards[0]); i++)
		rc = with(json_pack("{s:s, s:s, s:s}", "life", cards[i].life,
		    "area", cards[i].area, "text", cards[i].text),
		    plan_card_add, db, rep, eric, d);
	if (rc == DB_OK)
		rc = with(json_pack("{s:s, s:n}", "text", "Ask for a "
		    "healthcare review of my back", "by_on"), plan_step_add,
		    db, rep, eric, d);
	if (rc == DB_OK)
		rc = with(json_pack("{s:s, s:n}", "text", "Write to the "
		    "housing officer in Westvale", "by_on"), plan_step_add,
		    db, rep, eric, d);
	if (rc == DB_OK)
		rc = demo_wish(db, rep, governor, eric, "daily_life",
		    "A lower bunk because of my back", 20, "agreed", NULL, d);
	if (rc == DB_OK)
		rc = demo_wish(db, rep, governor, eric, "release",
		    "A home visit with my daughter before release", 5, NULL,
		    NULL, d);
	if (rc == DB_OK)
		rc = with(json_pack("{s:s, s:I}", "release_on", on_day(d, 30),
		    "to_site_id", (json_int_t)sites[2]), release_save, db, rep,
		    eric, d);
	if (rc == DB_OK)
		rc = demo_referral(db, rep, eric, "mental_health",
		    "Westvale Community Mental Health Team", offered, d);
	if (rc == DB_OK)
		rc = demo_referral(db, rep, eric, "benefits",
		    "Later Life Advice Service", none, d);
	return rc;
}

static int
demo_sam(struct db *db, const int64_t *sites, const int64_t *accounts,
    struct demo_plan_day *d)
{
	static const char *const attended[] = { "acknowledged", "offered",
	    "attended", NULL };
	int64_t	 sam = id_of(db, sql_person, "Sam");
	int64_t	 coord = accounts[COORD_WESTVALE];
	int	 rc;

	rc = with(json_pack("{s:I, s:s}", "worker_id", (json_int_t)coord,
	    "worker_kind", "care_coordinator"), plan_start, db, coord, sam, d);
	if (rc == DB_OK)
		rc = with(json_pack("{s:s, s:s, s:s}", "life", "blue", "area",
		    "work", "text", "Paid work as a peer mentor"),
		    plan_card_add, db, coord, sam, d);
	if (rc == DB_OK)
		rc = demo_wish(db, coord, accounts[CHIEF_WESTVALE], sam,
		    "care", "Appointments after 4pm so I can keep my job", 40,
		    NULL, NULL, d);
	if (rc == DB_OK)
		rc = with(json_pack("{s:s, s:I}", "release_on", on_day(d, -5),
		    "to_site_id", (json_int_t)sites[2]), release_save, db, coord,
		    sam, d);
	if (rc == DB_OK)
		rc = demo_referral(db, coord, sam, "mental_health",
		    "Westvale Community Mental Health Team", attended, d);
	return rc;
}

int
demo_plans(struct db *db, const int64_t *sites, const int64_t *accounts,
    time_t now)
{
	struct demo_plan_day	 d;
	int			 rc;

	memset(&d, 0, sizeof(d));
	d.now = now;
	datetime_now(now, d.at);
	if ((rc = demo_needs(db, sites, &d)) == DB_OK &&
	    (rc = demo_eric(db, sites, accounts, &d)) == DB_OK)
		rc = demo_sam(db, sites, accounts, &d);
	return rc;
}
