/* Rep and decision-maker accounts per site, and the site table the voice
 * and proposal generators share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

struct site	*sites;
int		 nsite;
int64_t		 org_dm;

/* An account with one grant, made once: its id either way. */
static int64_t
account(const char *username, const char *display, const char *hash,
    const char *role, int64_t site_id)
{
	static sqlite3_stmt	*ins, *get, *grant;
	int64_t			 id;

	if (ins == NULL) {
		ins = prep("INSERT OR IGNORE INTO accounts (username, "
		    "display_name, password_hash) VALUES (?, ?, ?)");
		get = prep("SELECT id FROM accounts WHERE username = ?");
		grant = prep("INSERT INTO grants (account_id, role, scope, "
		    "site_id) VALUES (?, ?, ?, ?)");
	}
	if (username == NULL) {
		sqlite3_finalize(ins);
		sqlite3_finalize(get);
		sqlite3_finalize(grant);
		return 0;
	}
	sqlite3_bind_text(ins, 1, username, -1, SQLITE_STATIC);
	sqlite3_bind_text(ins, 2, display, -1, SQLITE_STATIC);
	sqlite3_bind_text(ins, 3, hash, -1, SQLITE_STATIC);
	if (step(ins) != SQLITE_DONE)
		die("account");
	if (sqlite3_changes(db) == 1) {
		id = sqlite3_last_insert_rowid(db);
		sqlite3_bind_int64(grant, 1, id);
		sqlite3_bind_text(grant, 2, role, -1, SQLITE_STATIC);
		sqlite3_bind_text(grant, 3, site_id ? "site" : "organisation",
		    -1, SQLITE_STATIC);
		if (site_id)
			sqlite3_bind_int64(grant, 4, site_id);
		if (step(grant) != SQLITE_DONE)
			die("grant");
		return id;
	}
	sqlite3_bind_text(get, 1, username, -1, SQLITE_STATIC);
	id = sqlite3_step(get) == SQLITE_ROW ? sqlite3_column_int64(get, 0) : 0;
	sqlite3_reset(get);
	sqlite3_clear_bindings(get);
	return id;
}

/* Sites with their units and groups; rep and decision-maker accounts. */
void
load_sites(void)
{
	sqlite3_stmt	*st, *su, *sg;
	char		*hash, user[64], who[96], name[128];
	int		 i, k;

	st = prep("SELECT password_hash FROM accounts ORDER BY id LIMIT 1");
	if (sqlite3_step(st) != SQLITE_ROW)
		die("no account to copy a password hash from");
	hash = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);

	nsite = (int)scalar("SELECT count(*) FROM sites");
	sites = calloc((size_t)nsite, sizeof(*sites));
	st = prep("SELECT id FROM sites ORDER BY id");
	su = prep("SELECT id FROM units WHERE site_id = ? ORDER BY id");
	sg = prep("SELECT id FROM groups WHERE site_id = ? ORDER BY id");
	exec("BEGIN");
	for (i = 0; i < nsite && sqlite3_step(st) == SQLITE_ROW; i++) {
		struct site *s = &sites[i];

		s->id = sqlite3_column_int64(st, 0);
		sqlite3_bind_int64(su, 1, s->id);
		while (s->nunits < MAX_UNITS && sqlite3_step(su) == SQLITE_ROW)
			s->units[s->nunits++] = sqlite3_column_int64(su, 0);
		sqlite3_reset(su);
		sqlite3_bind_int64(sg, 1, s->id);
		while (s->ngroups < MAX_GROUPS && sqlite3_step(sg) == SQLITE_ROW)
			s->groups[s->ngroups++] = sqlite3_column_int64(sg, 0);
		sqlite3_reset(sg);
		for (k = 0; k < REPS_PER_SITE; k++) {
			snprintf(user, sizeof(user), "bench.rep.%lld.%d",
			    (long long)s->id, k + 1);
			person_name(who, sizeof(who));
			snprintf(name, sizeof(name), "%s (rep)", who);
			s->reps[k] = account(user, name, hash, "rep", s->id);
		}
		snprintf(user, sizeof(user), "bench.dm.%lld", (long long)s->id);
		snprintf(name, sizeof(name), "Governor, site %lld",
		    (long long)s->id);
		s->dm = account(user, name, hash, "decision_maker", s->id);
	}
	org_dm = account("bench.dm.national", "National programme board",
	    hash, "decision_maker", 0);
	account(NULL, NULL, NULL, NULL, 0);
	exec("COMMIT");
	sqlite3_finalize(st);
	sqlite3_finalize(su);
	sqlite3_finalize(sg);
	free(hash);
}

int
site_of(int64_t site_id)
{
	int	 i;

	for (i = 0; i < nsite; i++)
		if (sites[i].id == site_id)
			return i;
	return -1;
}
