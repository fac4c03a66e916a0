/* bench-gen's entry point: sites, units, groups and people, then the
 * voice and proposal generators, then a summary line.  See gen.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

#define UNITS_PER_SITE	6
#define GROUPS_PER_SITE	4
#define BATCH		5000

static const char *places[] = { "Ashby", "Blackmoor", "Brackley", "Carrow",
	"Denholm", "Eastleigh", "Fairholm", "Glenmoor", "Hartwell", "Ivybridge",
	"Kingsmere", "Larkhill", "Marston", "Northgate", "Oakfield", "Pennridge",
	"Quarrydale", "Redbrook", "Stonefield", "Thornbury" };
static const char *site_kinds[] = { "prison", "prison", "prison", "prison",
	"probation_region", "secure_hospital", "community_centre" };
static const char *unit_kinds[] = { "wing", "wing", "wing", "wing",
	"reception", "healthcare" };
static const char *group_kinds[] = { "council", "forum", "rep_team",
	"reference_group" };
static const char *positions[] = { "member", "member", "member", "member",
	"member", "member", "rep", "wellbeing_rep", "peer_supporter", "chair",
	"secretary" };
static const char *statuses[] = { "in_custody", "in_custody", "in_custody",
	"in_custody", "in_custody", "on_licence", "in_community" };

/* References look like the server's (P- and 6 of its 32 letters), made
 * from a counter through an odd multiplier so they are unique. */
static void
reference(uint64_t i, char out[9])
{
	static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
	uint64_t	 v = (i * 0x2545F491ULL) & ((1ULL << 30) - 1);
	int		 k;

	out[0] = 'P';
	out[1] = '-';
	for (k = 7; k >= 2; k--, v >>= 5)
		out[k] = alphabet[v & 31];
	out[8] = '\0';
}

int
main(int argc, char **argv)
{
	sqlite3_stmt	*ins_site, *ins_unit, *ins_group, *ins_person, *ins_member;
	int64_t		 sites_want = 100, people_want = 10000, have, id, n;
	int64_t		 convs_want = 1000000, proposals_want = 50000;
	struct voice_counts vc = { 0 };
	struct proposal_counts pc = { 0 };
	double		 t_start = now_s(), t_people, t_issues, t_checkpoint;
	int64_t		 *site_ids, nsites, *unit_ids;
	int64_t		 people_made = 0, members_made = 0, groups_made = 0;
	char		 name[128], ref[9], date[16];
	uint64_t	 refno;
	int		 i, k, rc;

	if (argc < 2 || argc > 6) {
		fprintf(stderr, "usage: bench-gen DB [SITES [PEOPLE "
		    "[CONVERSATIONS [PROPOSALS]]]]\n");
		return 2;
	}
	if (argc > 2)
		sites_want = atoll(argv[2]);
	if (argc > 3)
		people_want = atoll(argv[3]);
	if (argc > 4)
		convs_want = atoll(argv[4]);
	if (argc > 5)
		proposals_want = atoll(argv[5]);
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		die(argv[1]);
	sqlite3_busy_timeout(db, 5000);
	/* Bulk load: durability per batch does not matter, the end does. */
	exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; "
	    "PRAGMA foreign_keys=ON; PRAGMA cache_size=-262144; "
	    "PRAGMA temp_store=MEMORY");

	ins_site = prep("INSERT INTO sites (name, kind, description) "
	    "VALUES (?, ?, 'Generated for the benchmark.')");
	ins_unit = prep("INSERT INTO units (site_id, name, kind) VALUES (?, ?, ?)");
	ins_group = prep("INSERT INTO groups (site_id, name, kind, purpose) "
	    "VALUES (?, ?, ?, 'Generated for the benchmark.')");
	ins_person = prep("INSERT INTO people (reference, display_name, status, "
	    "site_id, unit_id, left_reason, left_on) VALUES (?, ?, ?, ?, ?, ?, ?)");
	ins_member = prep("INSERT INTO memberships (group_id, person_id, "
	    "position, from_on) VALUES (?, ?, ?, ?)");

	exec("BEGIN");
	have = scalar("SELECT count(*) FROM sites");
	for (n = have; n < sites_want; n++) {
		snprintf(name, sizeof(name), "%s %s %lld",
		    site_kinds[n % 7][0] == 'p' && site_kinds[n % 7][1] == 'r' ?
		    "HMP" : "Site", places[n % 20], (long long)n);
		sqlite3_bind_text(ins_site, 1, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins_site, 2, site_kinds[n % 7], -1, SQLITE_STATIC);
		if (step(ins_site) != SQLITE_DONE)
			die("site");
		id = sqlite3_last_insert_rowid(db);
		for (i = 0; i < UNITS_PER_SITE; i++) {
			snprintf(name, sizeof(name), "%c wing", 'A' + i);
			if (i >= 4)
				snprintf(name, sizeof(name), "%s",
				    i == 4 ? "Reception" : "Healthcare");
			sqlite3_bind_int64(ins_unit, 1, id);
			sqlite3_bind_text(ins_unit, 2, name, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(ins_unit, 3, unit_kinds[i], -1, SQLITE_STATIC);
			if (step(ins_unit) != SQLITE_DONE)
				die("unit");
		}
		for (i = 0; i < GROUPS_PER_SITE; i++) {
			snprintf(name, sizeof(name), "%s %s", places[n % 20],
			    (const char *[]){ "Prisoner Council", "Over-50s Forum",
			    "Wellbeing Rep Team", "Reference Group" }[i]);
			sqlite3_bind_int64(ins_group, 1, id);
			sqlite3_bind_text(ins_group, 2, name, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(ins_group, 3, group_kinds[i], -1, SQLITE_STATIC);
			if (step(ins_group) != SQLITE_DONE)
				die("group");
			groups_made++;
		}
	}
	for (i = 0; i < 3 && have < sites_want; i++) {
		snprintf(name, sizeof(name), "National %s",
		    (const char *[]){ "Lived Experience Panel", "Council",
		    "Evaluation Reference Group" }[i]);
		sqlite3_bind_null(ins_group, 1);
		sqlite3_bind_text(ins_group, 2, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins_group, 3, i == 0 ? "panel" : i == 1 ?
		    "council" : "reference_group", -1, SQLITE_STATIC);
		if (step(ins_group) != SQLITE_DONE)
			die("group");
		groups_made++;
	}
	exec("COMMIT");

	/* People go to every site; units and groups are looked up per site. */
	nsites = scalar("SELECT count(*) FROM sites");
	site_ids = calloc((size_t)nsites, sizeof(*site_ids));
	unit_ids = calloc((size_t)nsites * UNITS_PER_SITE, sizeof(*unit_ids));
	{
		sqlite3_stmt *st = prep("SELECT id FROM sites ORDER BY id");
		sqlite3_stmt *su = prep("SELECT id FROM units WHERE site_id = ? "
		    "ORDER BY id LIMIT 6");

		for (n = 0; sqlite3_step(st) == SQLITE_ROW && n < nsites; n++) {
			site_ids[n] = sqlite3_column_int64(st, 0);
			sqlite3_bind_int64(su, 1, site_ids[n]);
			for (i = 0; sqlite3_step(su) == SQLITE_ROW; i++)
				unit_ids[n * UNITS_PER_SITE + i] =
				    sqlite3_column_int64(su, 0);
			sqlite3_reset(su);
		}
		sqlite3_finalize(st);
		sqlite3_finalize(su);
	}
	have = scalar("SELECT count(*) FROM people");
	refno = (uint64_t)scalar("SELECT ifnull(max(id), 0) FROM people") + 1000;
	exec("BEGIN");
	{
		sqlite3_stmt *sg = prep("SELECT id FROM groups WHERE site_id = ? "
		    "ORDER BY id LIMIT 1 OFFSET ?");

		for (n = have; n < people_want; n++) {
			int64_t	 s = (int64_t)rnd((uint32_t)nsites), unit, pid;
			int	 left = rnd(20) == 0;

			person_name(name, sizeof(name));
			unit = unit_ids[s * UNITS_PER_SITE + rnd(UNITS_PER_SITE)];
			do {
				reference(refno++, ref);
				sqlite3_bind_text(ins_person, 1, ref, -1, SQLITE_STATIC);
				sqlite3_bind_text(ins_person, 2, name, -1, SQLITE_STATIC);
				sqlite3_bind_text(ins_person, 3, statuses[rnd(7)], -1,
				    SQLITE_STATIC);
				sqlite3_bind_int64(ins_person, 4, site_ids[s]);
				if (unit)
					sqlite3_bind_int64(ins_person, 5, unit);
				if (left) {
					snprintf(date, sizeof(date), "2025-%02u-%02u",
					    1 + rnd(12), 1 + rnd(28));
					sqlite3_bind_text(ins_person, 6, rnd(2) ?
					    "release" : "transfer", -1, SQLITE_STATIC);
					sqlite3_bind_text(ins_person, 7, date, -1,
					    SQLITE_TRANSIENT);
				}
				rc = step(ins_person);
			} while (rc == SQLITE_CONSTRAINT);	/* reference taken */
			if (rc != SQLITE_DONE)
				die("person");
			pid = sqlite3_last_insert_rowid(db);
			people_made++;
			if (rnd(2) == 0) {
				sqlite3_bind_int64(sg, 1, site_ids[s]);
				sqlite3_bind_int(sg, 2, (int)rnd(GROUPS_PER_SITE));
				if (sqlite3_step(sg) == SQLITE_ROW) {
					int64_t g = sqlite3_column_int64(sg, 0);

					snprintf(date, sizeof(date), "2024-%02u-%02u",
					    1 + rnd(12), 1 + rnd(28));
					sqlite3_bind_int64(ins_member, 1, g);
					sqlite3_bind_int64(ins_member, 2, pid);
					sqlite3_bind_text(ins_member, 3,
					    positions[rnd(11)], -1, SQLITE_STATIC);
					sqlite3_bind_text(ins_member, 4, date, -1,
					    SQLITE_TRANSIENT);
					if (step(ins_member) != SQLITE_DONE)
						die("membership");
					members_made++;
				}
				sqlite3_reset(sg);
			}
			if (people_made % BATCH == 0) {
				exec("COMMIT");
				exec("BEGIN");
			}
		}
		sqlite3_finalize(sg);
	}
	exec("COMMIT");
	t_people = now_s() - t_start;

	/* Voice and proposals, topped up to the totals asked for. */
	dates_init();
	pick_tables();
	load_sites();
	t_issues = now_s();
	have = scalar("SELECT count(*) FROM conversations");
	/* 50,000 issues for a million logs, in proportion to those made. */
	gen_issues(have < convs_want ? ISSUES_TOTAL * (convs_want - have) /
	    1000000 : 0);
	t_issues = now_s() - t_issues;
	gen_conversations(convs_want - have, &vc);
	gen_proposals(proposals_want - scalar("SELECT count(*) FROM proposals"),
	    &pc);
	/* Leave the file as a server would find it: durable and checkpointed. */
	t_checkpoint = now_s();
	exec("PRAGMA synchronous=FULL; PRAGMA wal_checkpoint(TRUNCATE)");
	t_checkpoint = now_s() - t_checkpoint;

	printf("sites %lld, units %lld, people %lld, groups %lld, "
	    "memberships %lld (added %lld people, %lld groups, %lld memberships); "
	    "accounts %lld, conversations %lld (%lld topics, %lld linked to "
	    "%lld issues), open follow-ups %lld of %lld, proposals %lld "
	    "(events %lld, responses %lld, actions %lld, %lld overdue; issue "
	    "links %lld); in %.1f s (people %.1f, issues %.1f, conversations "
	    "%.1f, full-text rebuild %.1f, proposals %.1f, checkpoint %.1f)\n",
	    (long long)scalar("SELECT count(*) FROM sites"),
	    (long long)scalar("SELECT count(*) FROM units"),
	    (long long)scalar("SELECT count(*) FROM people"),
	    (long long)scalar("SELECT count(*) FROM groups"),
	    (long long)scalar("SELECT count(*) FROM memberships"),
	    (long long)people_made, (long long)groups_made,
	    (long long)members_made,
	    (long long)scalar("SELECT count(*) FROM accounts"),
	    (long long)scalar("SELECT count(*) FROM conversations"),
	    (long long)scalar("SELECT count(*) FROM conversation_topics"),
	    (long long)scalar("SELECT count(*) FROM conversations "
	    "WHERE issue_id IS NOT NULL"),
	    (long long)scalar("SELECT count(*) FROM issues"),
	    (long long)scalar("SELECT count(*) FROM followups "
	    "WHERE closed_on IS NULL"),
	    (long long)scalar("SELECT count(*) FROM followups"),
	    (long long)scalar("SELECT count(*) FROM proposals"),
	    (long long)scalar("SELECT count(*) FROM proposal_events"),
	    (long long)scalar("SELECT count(*) FROM responses"),
	    (long long)scalar("SELECT count(*) FROM actions"),
	    (long long)scalar("SELECT count(*) FROM actions WHERE closed_on "
	    "IS NULL AND due_on < date('now')"),
	    (long long)scalar("SELECT count(*) FROM proposal_issues"),
	    now_s() - t_start, t_people, t_issues, vc.insert_s, vc.fts_s,
	    pc.s, t_checkpoint);
	for (k = 0; k < 5; k++)
		sqlite3_finalize((sqlite3_stmt *[]){ ins_site, ins_unit,
		    ins_group, ins_person, ins_member }[k]);
	free(site_ids);
	free(unit_ids);
	sqlite3_close(db);
	return 0;
}
