/*
 * The demo's evidence: HMP Fenwick's and Westvale's population counted
 * by unit, age and ethnic group; equality monitoring filled in by the
 * Over-50s Forum's members; a strategy with objectives for the forum and
 * the Westvale council; a year of activity at the women's centre (700
 * one month, 900 the next).  Written through the module's own store, so
 * each write has its audit row.
 */
#include <stdio.h>
#include <string.h>

#include "demo.h"
#include "../db/db.h"
#include "../evidence/evidence.h"
#include "../util/date.h"

enum { OVER_50S, REP_TEAM, WOMENS_GROUP, WESTVALE_COUNCIL };
enum { FENWICK, HARBOUR, WESTVALE };
enum { COORD_FENWICK = 0, COORD_HARBOUR = 4, COORD_WESTVALE = 5 };

static int
population(struct db *db, int64_t site, int64_t actor, const int64_t *units,
    const char *on, int scale)
{
	static const struct { const char *dim, *cat; int n; } counts[] = {
		{ "age", "Under 25", 22 }, { "age", "25 to 34", 31 },
		{ "age", "35 to 49", 27 }, { "age", "50 to 64", 14 },
		{ "age", "65 or over", 6 },
		{ "race", "White", 72 }, { "race", "Black, Black British, "
		    "Caribbean or African", 13 }, { "race", "Asian or Asian "
		    "British", 8 }, { "race", "Mixed or multiple ethnic groups",
		    5 }, { "race", "Another ethnic group", 2 },
	};
	json_t	*rows = json_array();
	char	 id[24];
	size_t	 i;
	int	 rc;

	for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
		json_array_append_new(rows, json_pack("{s:s, s:s, s:i}",
		    "dimension", counts[i].dim, "category", counts[i].cat,
		    "count", counts[i].n * scale));
	for (i = 0; i < 4 && units[i] != 0; i++) {
		snprintf(id, sizeof(id), "%lld", (long long)units[i]);
		json_array_append_new(rows, json_pack("{s:s, s:s, s:i}",
		    "dimension", "unit", "category", id, "count", 25 * scale));
	}
	rc = population_save(db, actor, site, on, rows);
	json_decref(rows);
	return rc;
}

/* The forum's members answer for themselves: ages from the forum's own
 * purpose (over 50), one prefers not to say. */
static int
monitoring(struct db *db, const char *on)
{
	static const struct { const char *name, *age, *race; } members[] = {
		{ "Arthur", "65 or over", "White" },
		{ "Bernard", "50 to 64", "White" },
		{ "Clive", "50 to 64", "Black, Black British, Caribbean or "
		    "African" },
		{ "Dennis", "65 or over", "White" },
		{ "Eric", "Prefer not to say", "Prefer not to say" },
	};
	json_t	*answers;
	int64_t	 person;
	size_t	 i;
	int	 rc = DB_OK;

	for (i = 0; i < sizeof(members) / sizeof(members[0]) && rc == DB_OK;
	    i++) {
		if (db_int(db, &person, "SELECT id FROM people WHERE "
		    "display_name = ?", "t", members[i].name) <= 0)
			return DB_ERROR;
		answers = json_pack("{s:s, s:s}", "age", members[i].age, "race",
		    members[i].race);
		rc = monitoring_save(db, 0, person, answers, on);
		json_decref(answers);
	}
	return rc;
}

static int
strategy(struct db *db, int64_t group, int64_t actor, time_t now,
    const char *aims)
{
	char	 today[DATE_CHARS + 1], reviewed[DATE_CHARS + 1];
	char	 soon[DATE_CHARS + 1], past[DATE_CHARS + 1];
	int	 rc;

	date_today(now, today);
	date_add_months(today, -3, reviewed);
	date_add_months(today, 4, soon);
	date_add_days(today, -20, past);
	if ((rc = strategy_save(db, actor, group, aims, reviewed)) != DB_OK ||
	    (rc = objective_add(db, actor, group, "Hold a health survey on "
	    "every wing", "The chair", soon, reviewed)) != DB_OK ||
	    (rc = objective_add(db, actor, group, "Agree a plan for every new "
	    "arrival over 50", "The coordinator", past, reviewed)) != DB_OK)
		return rc;
	return DB_OK;
}

int
demo_evidence(struct db *db, const int64_t *sites, const int64_t (*units)[7],
    const int64_t *groups, const int64_t *accounts, time_t now)
{
	static const char *const activities[] = { "attendance", "sessions",
	    "new_members", "moved_on" };
	char	 today[DATE_CHARS + 1], month[DATE_CHARS + 1];
	int	 rc, m, a;

	date_today(now, today);
	if ((rc = population(db, sites[FENWICK], accounts[COORD_FENWICK],
	    units[FENWICK], today, 6)) != DB_OK ||
	    (rc = population(db, sites[WESTVALE], accounts[COORD_WESTVALE],
	    units[WESTVALE], today, 4)) != DB_OK ||
	    (rc = monitoring(db, today)) != DB_OK ||
	    (rc = strategy(db, groups[OVER_50S], accounts[COORD_FENWICK], now,
	    "Older prisoners get the health care, activity and respect they "
	    "need, and the governor hears it from us every month.")) != DB_OK ||
	    (rc = strategy(db, groups[WESTVALE_COUNCIL],
	    accounts[COORD_WESTVALE], now, "Reception areas feel safe and "
	    "people leave with what they came for.")) != DB_OK)
		return rc;
	/* A year at the women's centre: 700 one month, 900 the next. */
	for (m = 0; m < 12; m++) {
		int64_t	 n[4] = { m % 2 ? 900 : 700, 40 + m, 12 + m % 3,
		    3 + m % 4 };

		date_add_months(today, -m, month);
		month[7] = '\0';
		for (a = 0; a < 4; a++)
			if ((rc = activity_save(db, accounts[COORD_HARBOUR],
			    sites[HARBOUR], month, activities[a], n[a])) !=
			    DB_OK)
				return rc;
	}
	return DB_OK;
}
