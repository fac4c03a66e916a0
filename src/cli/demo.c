/*
 * roundtable demo: a clearly fictional organisation to explore and test
 * with.  Every name here is invented.  It goes through the same store
 * functions as the web pages, so the demo is audited like real work.
 */
#include <stdio.h>
#include <string.h>

#include <time.h>

#include "cli.h"
#include "demo.h"
#include "../auth/account.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../people/people.h"
#include "../limits.h"


static const struct demo_site {
	const char	*name;
	const char	*kind;
	const char	*description;
	const char	*units[7];	/* "kind:name" */
} demo_sites[] = {
	{ "HMP Fenwick", "prison",
	    "A fictional category B men's prison.",
	    { "wing:A wing", "wing:B wing", "wing:C wing", "wing:D wing",
	      "reception:Reception", "healthcare:Healthcare centre", NULL } },
	{ "Harbour Women's Centre", "community_centre",
	    "A fictional women's community centre.",
	    { "venue:Main hall", "office:Gateway room", NULL } },
	{ "Westvale Probation Region", "probation_region",
	    "A fictional probation region.",
	    { "reception:Westvale reception", "office:Eastgate office", NULL } },
};

static const struct demo_group {
	int		 site;		/* index in demo_sites, -1 = org-wide */
	const char	*name;
	const char	*kind;
	const char	*purpose;
} demo_groups[] = {
	{ 0, "Over-50s Forum", "forum", "Older prisoners raise issues and "
	    "solutions with the governor each month." },
	{ 0, "Wellbeing Rep Team", "rep_team", "Trained reps visit every "
	    "wing and log each conversation." },
	{ 1, "Women's Reference Group", "reference_group", "Shapes the "
	    "centre's courses and its charter." },
	{ 2, "Westvale Community Council", "council", "Turns feedback from "
	    "reception areas into proposals." },
	{ -1, "Lived Experience Team", "lived_experience_team", "Advises "
	    "the programme board; two seats, one rotating." },
};

static const struct demo_person {
	const char	*name;
	const char	*status;
	int		 site;
	int		 unit;		/* index in the site's units, -1 none */
	int		 group;		/* index in demo_groups, -1 none */
	const char	*position;
} demo_people[] = {
	{ "Arthur", "in_custody", 0, 0, 0, "chair" },
	{ "Bernard", "in_custody", 0, 1, 0, "vice_chair" },
	{ "Clive", "in_custody", 0, 2, 0, "secretary" },
	{ "Dennis", "in_custody", 0, 3, 0, "member" },
	{ "Eric", "in_custody", 0, 0, 0, "member" },
	{ "Frank", "in_custody", 0, 1, 0, "member" },
	{ "Gary", "in_custody", 0, 0, 1, "wellbeing_rep" },
	{ "Harold", "in_custody", 0, 1, 1, "wellbeing_rep" },
	{ "Ian", "in_custody", 0, 2, 1, "wellbeing_rep" },
	{ "Jamal", "in_custody", 0, 3, 1, "peer_supporter" },
	{ "Kevin", "in_custody", 0, 4, -1, NULL },
	{ "Leon", "in_custody", 0, 5, -1, NULL },
	{ "Maria", "in_community", 1, 0, 2, "chair" },
	{ "Nadia", "on_licence", 1, 0, 2, "member" },
	{ "Olwen", "in_community", 1, 1, 2, "member" },
	{ "Priya", "in_community", 1, 0, 2, "secretary" },
	{ "Rhian", "volunteer", 1, 1, -1, NULL },
	{ "Sam", "on_licence", 2, 0, 3, "chair" },
	{ "Tariq", "on_licence", 2, 0, 3, "member" },
	{ "Uchenna", "on_licence", 2, 1, 3, "member" },
	{ "Vic", "in_community", 2, 1, 3, "rep" },
	{ "Wyn", "in_community", 2, 0, 4, "member" },
	{ "Yusuf", "on_licence", 2, 1, 4, "member" },
	{ "Zoe", "staff", 1, 1, -1, NULL },
};

static const struct demo_account {
	const char	*username;
	const char	*display;
	const char	*role;
	int		 site;		/* scope: site index, or -1 */
	int		 group;		/* scope: group index, or -1; both -1 = org */
} demo_accounts[] = {
	{ "coordinator.fenwick", "Fenwick coordinator", "coordinator", 0, -1 },
	{ "rep.fenwick", "Fenwick wellbeing rep", "rep", 0, -1 },
	{ "member.forum", "Over-50s Forum member", "member", -1, 0 },
	{ "governor.fenwick", "Governor, HMP Fenwick", "decision_maker", 0, -1 },
	{ "coordinator.harbour", "Harbour coordinator", "coordinator", 1, -1 },
	{ "coordinator.westvale", "Westvale coordinator", "coordinator", 2, -1 },
	{ "chief.westvale", "Head of Westvale probation", "decision_maker", 2,
	    -1 },
	{ "evaluator", "Expert by experience", "evaluator", -1, -1 },
	{ "viewer", "Funder (read only)", "viewer", -1, -1 },
	{ "gp.evaluator", "Dr Okafor, GP (panel)", "evaluator", -1, -1 },
	{ "commissioner", "Health commissioner (panel)", "evaluator", -1, -1 },
	{ "reserve.evaluator", "Reserve expert by experience", "evaluator", -1,
	    -1 },
	{ "supporter.fenwick", "Jamal, peer supporter", "rep", 0, -1 },
};

#define COUNT(a)	(sizeof(a) / sizeof((a)[0]))

struct demo_ids {
	int64_t	 sites[COUNT(demo_sites)];
	int64_t	 units[COUNT(demo_sites)][7];
	int64_t	 groups[COUNT(demo_groups)];
	int64_t	 accounts[COUNT(demo_accounts)];
};

static int
demo_places(struct db *db, struct demo_ids *ids)
{
	json_t	*v;
	char	 kind[32];
	size_t	 i, u;
	int	 rc = DB_OK;

	for (i = 0; i < COUNT(demo_sites) && rc == DB_OK; i++) {
		v = json_pack("{s:s, s:s, s:s, s:n}", "name", demo_sites[i].name,
		    "kind", demo_sites[i].kind, "description",
		    demo_sites[i].description, "closed_on");
		rc = site_save(db, 0, 0, v, &ids->sites[i]);
		json_decref(v);
		for (u = 0; demo_sites[i].units[u] && rc == DB_OK; u++) {
			const char *colon = strchr(demo_sites[i].units[u], ':');

			snprintf(kind, sizeof(kind), "%.*s", (int)(colon -
			    demo_sites[i].units[u]), demo_sites[i].units[u]);
			v = json_pack("{s:s, s:s, s:n}", "name", colon + 1,
			    "kind", kind, "closed_on");
			rc = unit_save(db, 0, 0, ids->sites[i], v,
			    &ids->units[i][u]);
			json_decref(v);
		}
	}
	for (i = 0; i < COUNT(demo_groups) && rc == DB_OK; i++) {
		v = json_pack("{s:s, s:s, s:o, s:s, s:n}", "name",
		    demo_groups[i].name, "kind", demo_groups[i].kind,
		    "site_id", demo_groups[i].site < 0 ? json_null() :
		    json_integer(ids->sites[demo_groups[i].site]),
		    "purpose", demo_groups[i].purpose, "ended_on");
		rc = group_save(db, 0, 0, v, &ids->groups[i]);
		json_decref(v);
	}
	return rc;
}

static int
demo_people_add(struct db *db, const struct demo_ids *ids)
{
	const struct demo_person *p;
	json_t	*v;
	int64_t	 id;
	size_t	 i;
	int	 rc = DB_OK;

	for (i = 0; i < COUNT(demo_people) && rc == DB_OK; i++) {
		p = &demo_people[i];
		v = json_pack("{s:s, s:s, s:I, s:o, s:s}", "display_name",
		    p->name, "status", p->status, "site_id",
		    (json_int_t)ids->sites[p->site], "unit_id", p->unit < 0 ?
		    json_null() : json_integer(ids->units[p->site][p->unit]),
		    "restrictions", strcmp(p->status, "on_licence") == 0 ?
		    "Licence condition: no contact with victims' families." : "");
		rc = person_save(db, 0, 0, v, &id);
		json_decref(v);
		if (rc != DB_OK || p->group < 0)
			continue;
		v = json_pack("{s:I, s:s, s:s}", "person_id", (json_int_t)id,
		    "position", p->position, "from_on", "2026-01-12");
		rc = membership_add(db, 0, ids->groups[p->group], v, NULL);
		json_decref(v);
	}
	return rc;
}

static int
demo_accounts_add(struct db *db, struct demo_ids *ids,
    const char *password)
{
	const struct demo_account *a;
	enum scope	 scope;
	int64_t		 id, scope_id;
	size_t		 i;
	int		 rc = DB_OK;

	for (i = 0; i < COUNT(demo_accounts) && rc == DB_OK; i++) {
		a = &demo_accounts[i];
		scope = a->site >= 0 ? SCOPE_SITE : a->group >= 0 ?
		    SCOPE_GROUP : SCOPE_ORG;
		scope_id = a->site >= 0 ? ids->sites[a->site] : a->group >= 0 ?
		    ids->groups[a->group] : 0;
		if ((rc = account_create(db, a->username, a->display, password,
		    0, &id)) == DB_OK && (ids->accounts[i] = id) > 0 &&
		    (rc = account_grant(db, id, (enum role)role_parse(a->role),
		    scope, scope_id)) == DB_OK)
			rc = audit_append(db, 0, "account.create", "account",
			    id, NULL);	/* as `user add`: no name */
	}
	return rc;
}

int
cli_demo(struct cli *cli)
{
	static const char *sql_sites = "SELECT count(*) FROM sites";
	static const char *sql_org =
	    "UPDATE organisation SET name = 'Northmoor Justice Partnership "
	    "(fictional)' WHERE id = 1";
	struct demo_ids	 ids;
	struct db	 db;
	char		 password[DEMO_PASSWORD_CHARS + 1];
	int64_t		 sites;
	size_t		 i;
	int		 rc = 1;

	if (cli_open(cli, &db) == -1)
		return 1;
	memset(&ids, 0, sizeof(ids));
	password_generate(password, DEMO_PASSWORD_CHARS);
	if (db_begin(&db, 1) != DB_OK)
		goto out;
	if (db_int(&db, &sites, sql_sites, "") < 0)
		goto fail;
	if (sites > 0) {
		fprintf(stderr, "the database already has sites; the demo "
		    "loads only into an empty one\n");
		goto fail;
	}
	if (db_exec(&db, sql_org, "") != DB_OK ||
	    demo_places(&db, &ids) != DB_OK ||
	    demo_people_add(&db, &ids) != DB_OK ||
	    demo_accounts_add(&db, &ids, password) != DB_OK ||
	    demo_voice(&db, ids.sites, ids.units, ids.groups, ids.accounts,
	    time(NULL)) != DB_OK ||
	    demo_proposals(&db, ids.groups, ids.accounts, time(NULL)) != DB_OK ||
	    demo_meetings(&db, ids.groups, ids.accounts, time(NULL)) != DB_OK ||
	    demo_procurement(&db, ids.sites, ids.accounts, time(NULL)) != DB_OK ||
	    demo_elections(&db, ids.groups, ids.accounts, time(NULL)) != DB_OK ||
	    demo_membership(&db, ids.sites, ids.groups, ids.accounts,
	    time(NULL)) != DB_OK ||
	    demo_surveys(&db, ids.groups, ids.units, ids.accounts,
	    time(NULL)) != DB_OK ||
	    demo_evidence(&db, ids.sites, ids.units, ids.groups, ids.accounts,
	    time(NULL)) != DB_OK ||
	    demo_plans(&db, ids.sites, ids.accounts, time(NULL)) != DB_OK ||
	    demo_peer(&db, ids.sites, ids.units, ids.accounts, time(NULL)) !=
	    DB_OK ||
	    audit_append(&db, 0, "demo.load", "organisation", 1, NULL) != DB_OK)
		goto fail;
	if (db_commit(&db) != DB_OK)
		goto out;
	printf("Demo organisation loaded. Demo accounts (password %s):\n",
	    password);
	for (i = 0; i < COUNT(demo_accounts); i++)
		printf("  %-22s %s\n", demo_accounts[i].username,
		    demo_accounts[i].display);
	rc = 0;
	goto out;
fail:
	db_rollback(&db);
	fprintf(stderr, "the demo was not loaded\n");
out:
	db_close(&db);
	return rc;
}
