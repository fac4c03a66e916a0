/*
 * The demo's voice: a season of fictional conversations at HMP Fenwick
 * and Westvale, the issues the forum made of them, the directory, and
 * new arrivals part-way through their plan.
 */
#include <stdio.h>
#include <string.h>

#include "demo.h"
#include "../db/db.h"
#include "../limits.h"
#include "../util/date.h"
#include "../voice/voice.h"

/* Indexes into demo.c's tables. */
enum { FENWICK, HARBOUR, WESTVALE };
enum { A_WING, B_WING, C_WING, D_WING, RECEPTION, HEALTHCARE };
enum { OVER_50S, REP_TEAM, WOMENS_GROUP };
enum { COORD_FENWICK, REP_FENWICK, MEMBER_FORUM, GOVERNOR, COORD_HARBOUR,
    COORD_WESTVALE };

static const struct demo_service {
	const char	*name, *offer, *eligibility, *referral, *contact;
	int		 sites[3];	/* -1 ends */
	int		 after_release;
} services[] = {
	{ "Healthcare in-reach team", "Nurses and a GP see people on every "
	    "wing; repeat prescriptions and medication reviews.",
	    "Anyone at HMP Fenwick.", "Fill in a healthcare application; a "
	    "rep can help.", "Healthcare centre, weekdays", { FENWICK, -1 }, 0 },
	{ "Later Life Advice Service", "Advice on pensions, benefits and "
	    "care for people over 50, inside and after release.",
	    "Aged 50 or over.", "A rep or coordinator refers with the "
	    "person's agreement.", "Freephone 0800 000 0000",
	    { FENWICK, WESTVALE, -1 }, 1 },
	{ "Harbour Housing Advice", "Help to find and keep a home after "
	    "release.", "Women at the centre.", "Book at the gateway "
	    "appointment.", "Gateway room, Tuesdays", { HARBOUR, -1 }, 1 },
};

static const struct demo_log {
	int		 site, unit, days_ago, topic;	/* topic id (seeded) */
	const char	*channel, *raised, *outcome;
	int		 service, issue;	/* indexes, -1 none */
} logs[] = {
	{ FENWICK, C_WING, 3, 2, "wing_visit", "Evening medication came after "
	    "lock-up again this week.", "staff_champion", -1, 0 },
	{ FENWICK, C_WING, 6, 2, "wing_visit", "Several men on the landing "
	    "say night-time tablets are late most days.", "coordinator", -1, 0 },
	{ FENWICK, C_WING, 11, 2, "drop_in", "Medication queue too long; men "
	    "give up and go without.", "staff_champion", -1, 0 },
	{ FENWICK, C_WING, 19, 2, "wing_visit", "Pain relief not given on "
	    "time after a hospital visit.", "signposted", 0, 0 },
	{ FENWICK, B_WING, 24, 2, "wing_visit", "Late medication on B wing "
	    "too, mostly at weekends.", "coordinator", -1, 0 },
	{ FENWICK, C_WING, 41, 2, "wing_visit", "Diabetic medication timing "
	    "does not match meal times.", "staff_champion", -1, 0 },
	{ FENWICK, B_WING, 5, 8, "wing_visit", "Stairs to the servery are "
	    "hard for men with walking sticks.", "coordinator", -1, 1 },
	{ FENWICK, B_WING, 17, 8, "wing_visit", "No handrail on the second "
	    "flight of stairs.", "supported_to_raise", -1, 1 },
	{ FENWICK, A_WING, 2, 7, "drop_in", "Does not know how to claim his "
	    "state pension before release.", "signposted", 1, -1 },
	{ FENWICK, RECEPTION, 1, 9, "new_arrival", "New arrival worried about "
	    "keeping his bed at the hostel.", "resolved", -1, -1 },
	{ FENWICK, D_WING, 8, 4, "wing_visit", "Food portions smaller since "
	    "the menu changed.", "resolved", -1, -1 },
	{ FENWICK, A_WING, 30, 5, "letter", "Visits booking line never "
	    "answers.", "escalated_outside", -1, -1 },
	{ WESTVALE, 0, 4, 15, "reception", "Nowhere to sit in the reception "
	    "waiting room.", "coordinator", -1, 2 },
	{ WESTVALE, 0, 9, 15, "reception", "Waited over an hour standing up "
	    "for a supervision appointment.", "coordinator", -1, 2 },
	{ WESTVALE, 1, 12, 6, "phone", "Travel costs to appointments are "
	    "hard to meet.", "signposted", 1, -1 },
};

static const struct demo_issue {
	int		 site, group;	/* group -1: none */
	const char	*title, *statement, *status, *reason;
	int		 votes[3];
} issues[] = {
	{ FENWICK, OVER_50S, "Medication arrives late on C wing",
	    "Members report that evening and night-time medication on C wing "
	    "regularly arrives after lock-up, so some men go without.",
	    "taken_forward", NULL, { 7, 1, 0 } },
	{ FENWICK, OVER_50S, "Stairs on B wing are hard for older men",
	    "Members report that the stairs to the servery have no second "
	    "handrail and are unsafe for men with walking aids.", "open", NULL,
	    { -1, -1, -1 } },
	{ WESTVALE, -1, "No seating in Westvale reception",
	    "People waiting for appointments report standing for long "
	    "periods because the waiting room has no seats.",
	    "not_taken_forward", "The office moves to a new building in "
	    "March; the council will check the new waiting room instead.",
	    { 3, 4, 1 } },
};

static const char *const demo_plan =
    "Check medication carries on from the last prison\n"
    "Ask about mobility aids and a lower bunk\n"
    "Check state pension and benefits\n"
    "Introduce a buddy from the forum\n"
    "Invite them to the next forum meeting\n";

static int
demo_services(struct db *db, const int64_t *sites, const char *today,
    int64_t *ids)
{
	json_t	*v, *s;
	size_t	 i;
	int	 k, rc = DB_OK;

	for (i = 0; i < sizeof(services) / sizeof(services[0]) && rc == DB_OK;
	    i++) {
		s = json_array();
		for (k = 0; services[i].sites[k] >= 0; k++)
			json_array_append_new(s, json_integer(
			    sites[services[i].sites[k]]));
		v = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:b, s:s}",
		    "name", services[i].name, "offer", services[i].offer,
		    "eligibility", services[i].eligibility,
		    "referral", services[i].referral,
		    "contact", services[i].contact, "opening", "",
		    "site_ids", s, "after_release", services[i].after_release,
		    "checked_on", today);
		rc = service_save(db, 0, NULL, 0, v, &ids[i]);
		json_decref(v);
	}
	return rc;
}

static int
demo_issues(struct db *db, const int64_t *sites, const int64_t *groups,
    int64_t author, const char *today, int64_t *ids)
{
	const struct demo_issue *d;
	json_t	*v;
	size_t	 i;
	int	 rc = DB_OK;

	for (i = 0; i < sizeof(issues) / sizeof(issues[0]) && rc == DB_OK;
	    i++) {
		d = &issues[i];
		v = json_pack("{s:I, s:o, s:s, s:s, s:[]}", "site_id",
		    (json_int_t)sites[d->site], "group_id", d->group < 0 ?
		    json_null() : json_integer(groups[d->group]), "title",
		    d->title, "statement", d->statement, "conversation_ids");
		rc = issue_add(db, author, v, &ids[i]);
		json_decref(v);
		if (rc != DB_OK || strcmp(d->status, "open") == 0)
			continue;
		v = json_pack("{s:s, s:s, s:i, s:i, s:i, s:s?}", "status",
		    d->status, "decided_on", today, "votes_for", d->votes[0],
		    "votes_against", d->votes[1], "votes_abstain", d->votes[2],
		    "decision_reason", d->reason);
		rc = issue_decide(db, author, ids[i], v);
		json_decref(v);
	}
	return rc;
}

static int
demo_logs(struct db *db, const int64_t *sites, const int64_t (*units)[7],
    const int64_t *accounts, const int64_t *service_ids,
    const int64_t *issue_ids, const char *today)
{
	const struct demo_log *d;
	char	 on[DATE_CHARS + 1], due[DATE_CHARS + 1];
	json_t	*v, *ids;
	int64_t	 id, author;
	size_t	 i;
	int	 rc = DB_OK;

	for (i = 0; i < sizeof(logs) / sizeof(logs[0]) && rc == DB_OK; i++) {
		d = &logs[i];
		author = accounts[d->site == FENWICK ? REP_FENWICK :
		    COORD_WESTVALE];
		date_add_days(today, -d->days_ago, on);
		/* Follow-ups due a fortnight on: the older ones are overdue. */
		date_add_days(on, FOLLOWUP_DAYS, due);
		v = json_pack("{s:I, s:I, s:s, s:s, s:s, s:[I], s:s, s:s, s:s, "
		    "s:o, s:s?, s:b}", "site_id", (json_int_t)sites[d->site],
		    "unit_id", (json_int_t)units[d->site][d->unit],
		    "occurred_on", on, "occurred_time", "10:30",
		    "channel", d->channel, "topic_ids", (json_int_t)d->topic,
		    "raised", d->raised, "consent", "anonymous",
		    "outcome", d->outcome, "service_id", d->service < 0 ?
		    json_null() : json_integer(service_ids[d->service]),
		    "escalated_to", strcmp(d->outcome, "escalated_outside") ?
		    NULL : "Independent Monitoring Board", "on_behalf", 0);
		if (voice_outcome_needs_followup(d->outcome))
			json_object_set_new(v, "followup_action", json_string(
			    "Raise it with the healthcare manager and report "
			    "back to the wing"));
		json_object_set_new(v, "followup_owner", json_integer(author));
		json_object_set_new(v, "followup_due", json_string(due));
		rc = conversation_add(db, author, author, v, 0, &id);
		json_decref(v);
		if (rc != DB_OK || d->issue < 0)
			continue;
		ids = json_pack("[I]", (json_int_t)id);
		rc = issue_add_logs(db, author, issue_ids[d->issue], ids);
		json_decref(ids);
	}
	return rc;
}

static const char *const gateway_plan =
    "Gateway appointment booked\n"
    "Introduced to a mentor\n"
    "Offered the next course\n";

static int
demo_arrivals(struct db *db, const int64_t (*units)[7], const int64_t *groups,
    int64_t rep, int64_t harbour_coordinator, const char *today)
{
	json_t	*steps, *v;
	int64_t	 id;
	int	 rc, k;

	/* At the women's centre a newcomer's gateway plays the same part. */
	if ((rc = arrival_plan_save(db, harbour_coordinator,
	    groups[WOMENS_GROUP], gateway_plan)) != DB_OK)
		return rc;
	v = json_pack("{s:s, s:I}", "arrived_on", today, "unit_id",
	    (json_int_t)units[HARBOUR][1]);
	rc = arrival_add(db, harbour_coordinator, groups[WOMENS_GROUP], v, &id);
	json_decref(v);
	if (rc != DB_OK || (rc = arrival_plan_save(db, rep, groups[OVER_50S],
	    demo_plan)) != DB_OK)
		return rc;
	v = json_pack("{s:s, s:I}", "arrived_on", today, "unit_id",
	    (json_int_t)units[FENWICK][C_WING]);
	rc = arrival_add(db, rep, groups[OVER_50S], v, &id);
	json_decref(v);
	if (rc != DB_OK)
		return rc;
	/* Two steps done, three to go. */
	steps = arrival_steps(db, id);
	for (k = 0; k < 2 && rc == DB_OK; k++) {
		v = json_pack("{s:s}", "note", k ? "Lower bunk agreed" :
		    "Prescription confirmed");
		rc = arrival_step_done(db, rep, json_integer_value(
		    json_object_get(json_array_get(steps, (size_t)k), "id")),
		    v, today);
		json_decref(v);
	}
	json_decref(steps);
	return rc;
}

int
demo_voice(struct db *db, const int64_t *sites, const int64_t (*units)[7],
    const int64_t *groups, const int64_t *accounts, time_t now)
{
	int64_t	 service_ids[sizeof(services) / sizeof(services[0])];
	int64_t	 issue_ids[sizeof(issues) / sizeof(issues[0])];
	json_t	*topic;
	char	 today[DATE_CHARS + 1];
	int	 rc;

	date_today(now, today);
	topic = json_pack("{s:s}", "name", "Canteen prices");
	rc = topic_add(db, 0, sites[FENWICK], topic);
	json_decref(topic);
	topic = json_pack("{s:s}", "name", "Travel to appointments");
	if (rc == DB_OK)
		rc = topic_add(db, 0, sites[WESTVALE], topic);
	json_decref(topic);
	if (rc == DB_OK)
		rc = demo_services(db, sites, today, service_ids);
	if (rc == DB_OK)
		rc = demo_issues(db, sites, groups, accounts[COORD_FENWICK],
		    today, issue_ids);
	if (rc == DB_OK)
		rc = demo_logs(db, sites, units, accounts, service_ids,
		    issue_ids, today);
	if (rc == DB_OK)
		rc = demo_arrivals(db, units, groups, accounts[REP_FENWICK],
		    accounts[COORD_HARBOUR], today);
	return rc;
}
