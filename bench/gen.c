/*
 * bench/gen: fills an initialised Roundtable database with national-scale
 * made-up data, quickly (prepared statements, a few large transactions).
 *
 *   bench-gen DB [SITES [PEOPLE [CONVERSATIONS [PROPOSALS]]]]
 *      defaults: 100 sites, 10000 people, 1000000 conversations, 50000
 *      proposals
 *
 * Tops up to the totals given, so it can follow `roundtable demo`.  Per new
 * site: 6 units and 4 groups; plus 3 organisation-wide groups.  About half
 * of the people hold a role in a group of their site; 5% have left.
 *
 * Voice (gen_voice): per site 3 rep accounts and a decision maker (the
 * password hash copied from the first account), ISSUES_TOTAL / sites
 * collective issues, conversations over the last two years in date order,
 * each with 1-2 topics, about a quarter linked to an issue of their site,
 * and follow-ups for the recent logs whose outcome needs one.  The full-
 * text triggers are dropped for the load and the index rebuilt in one go;
 * the triggers are then recreated from their own text in sqlite_master.
 * Proposals (gen_proposals): spread over every group, each walked through
 * the state machine by dates (so recent ones are drafts or waiting, old
 * ones decided or done), with their events, responses and actions.
 * Generated rows are not audited (the audit chain stays valid: it only
 * covers the rows it has).
 */
#include <sqlite3.h>
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define UNITS_PER_SITE	6
#define GROUPS_PER_SITE	4
#define BATCH		5000

static sqlite3	*db;

static void
die(const char *what)
{
	fprintf(stderr, "bench-gen: %s: %s\n", what, sqlite3_errmsg(db));
	exit(1);
}

static void
exec(const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		die(sql);
}

static sqlite3_stmt *
prep(const char *sql)
{
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die(sql);
	return st;
}

static int64_t
scalar(const char *sql)
{
	sqlite3_stmt	*st = prep(sql);
	int64_t		 v = 0;

	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int
step(sqlite3_stmt *st)
{
	int	 rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

static uint64_t	 rng = 0x9e3779b97f4a7c15ULL;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)((rng >> 11) % n);
}

static const char *first[] = { "Aaron", "Abdul", "Adam", "Ade", "Alan",
	"Ali", "Amir", "Andrew", "Anthony", "Barry", "Ben", "Bilal", "Brian",
	"Callum", "Carl", "Chris", "Craig", "Daniel", "Darren", "David", "Dean",
	"Declan", "Dwayne", "Emeka", "Gareth", "Gavin", "Grant", "Hamza",
	"Hassan", "Imran", "Jack", "Jamie", "Jason", "Jerome", "Joe", "Jordan",
	"Kai", "Karl", "Kwame", "Lee", "Liam", "Luke", "Marcus", "Mark",
	"Martin", "Mohammed", "Nathan", "Neil", "Owen", "Patrick", "Paul",
	"Reece", "Rhys", "Ricky", "Ryan", "Scott", "Sean", "Shane", "Simon",
	"Stephen", "Stuart", "Terry", "Tom", "Tony", "Tyrone", "Wayne",
	"Amy", "Ayesha", "Chloe", "Claire", "Donna", "Emma", "Gemma", "Hannah",
	"Jade", "Kelly", "Kirsty", "Leanne", "Lisa", "Nicola", "Sarah",
	"Stacey", "Tracey", "Zara" };
static const char *last[] = { "Adams", "Ahmed", "Ali", "Allen", "Bailey",
	"Baker", "Bell", "Brown", "Campbell", "Carter", "Clarke", "Collins",
	"Cooper", "Davies", "Edwards", "Evans", "Green", "Griffiths", "Hall",
	"Harris", "Hill", "Hughes", "Hussain", "Jackson", "James", "Johnson",
	"Jones", "Kelly", "Khan", "King", "Lee", "Lewis", "Martin", "Mensah",
	"Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Nelson", "Okafor",
	"Owen", "Parker", "Patel", "Phillips", "Price", "Roberts", "Robinson",
	"Scott", "Shah", "Smith", "Taylor", "Thomas", "Thompson", "Turner",
	"Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wood",
	"Wright", "Young" };
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

/* ---- voice and proposals ------------------------------------------------ */

#define REPS_PER_SITE	3
#define ISSUES_TOTAL	50000
#define MAX_UNITS	16
#define MAX_GROUPS	16
#define SPAN_DAYS	730		/* two years of logs */
#define DATE_BASE	1000		/* dates[] covers today +- this */
#define VOICE_BATCH	50000

static double
now_s(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

struct site {
	int64_t	 id, dm;
	int64_t	 units[MAX_UNITS], groups[MAX_GROUPS];
	int64_t	 reps[REPS_PER_SITE];
	int64_t	*issues;		/* in creation order */
	uint8_t	*issue_topic;
	int	 nunits, ngroups, nissues;
};

static struct site	*sites;
static int		 nsite;
static int64_t		 today, org_dm;		/* days since 1970 */
static char		 dates[2 * DATE_BASE + 1][11];

static const char *
day(int64_t d)
{
	if (d < today - DATE_BASE)
		d = today - DATE_BASE;
	if (d > today + DATE_BASE)
		d = today + DATE_BASE;
	return dates[d - today + DATE_BASE];
}

static double
unit_rand(void)
{
	return rnd(1000000) / 1e6;
}

/* Topics are the 15 seeded by migration 0002, ids 1 to 15. */
static const char *topic_says[16][3] = {
	{ NULL, NULL, NULL },
	{ "Waiting weeks to see the GP", "Healthcare applications go "
	    "unanswered", "Asked for a medication review and heard nothing" },
	{ "Evening medication came after lock-up", "Night-time medication "
	    "is late most days", "Medication queue is too long and men give "
	    "up" },
	{ "Struggling with low mood since the move", "No one to talk to at "
	    "night when things get bad", "Waiting list for counselling is "
	    "months long" },
	{ "Portions smaller since the menu changed", "Food arrives cold on "
	    "the landing", "No proper choice for diabetics on the menu" },
	{ "Visits booking line never answers", "Family turned away for "
	    "arriving late to a visit", "Visits hall too cold for children" },
	{ "Wages paid late this month", "Canteen prices went up again",
	    "Cannot send money out to family" },
	{ "Does not know how to claim the state pension", "Pension credit "
	    "stopped on arrival", "Worried about the pension after release" },
	{ "Stairs to the servery are hard with a walking stick", "No "
	    "handrail on the second flight of stairs", "Wheelchair does not "
	    "fit through the shower door" },
	{ "Worried about keeping a bed at the hostel", "No ID to open a bank "
	    "account on release", "Release date is near and there is no plan "
	    "yet" },
	{ "Long waiting list for the kitchen job", "Education classes "
	    "cancelled again", "Wants a course that leads to a trade" },
	{ "Feels unsafe in the shower block", "Bullying over debts on the "
	    "landing", "Cell bells not answered at night" },
	{ "Chaplaincy times clash with work", "No halal option at the "
	    "weekend", "Prayer mats held back in reception" },
	{ "Phone credit runs out too fast", "Letters from family are "
	    "delayed", "Video calls keep dropping" },
	{ "Landlord will not hold the flat", "Council housing form is too "
	    "hard to fill in", "Nowhere to go on release day" },
	{ "Asked about the rules for the gym", "Wants to join the forum",
	    "Library hours are too short" },
};
static const char *suffixes[] = { " this week.", " again.", ", and several "
	"others on the landing say the same.", ", mostly at weekends.",
	" since the regime changed.", " and it is getting worse.", "." };
static const int topic_weight[16] = { 0, 12, 10, 9, 10, 9, 7, 3, 4, 8, 7,
	6, 2, 7, 5, 1 };
static const struct { const char *name; int weight; } channel_w[] = {
	{ "wing_visit", 50 }, { "drop_in", 12 }, { "reception", 8 },
	{ "new_arrival", 8 }, { "peer_support", 8 }, { "letter", 5 },
	{ "phone", 4 }, { "gateway", 3 }, { "community_venue", 2 } };
static const struct { const char *name; int weight; } outcome_w[] = {
	{ "resolved", 36 }, { "signposted", 25 }, { "supported_to_raise", 24 },
	{ "staff_champion", 6 }, { "coordinator", 6 },
	{ "escalated_outside", 3 } };
static const char *escalations[] = { "Independent Monitoring Board",
	"Prisons and Probation Ombudsman", "Healthcare provider complaints" };
static const char *followup_actions[] = { "Raise it with the wing "
	"manager and report back", "Take it to the staff champion at the next "
	"meeting", "Ask healthcare for an answer and tell the wing",
	"Pass it to the coordinator with the details agreed" };

static uint8_t	 topic_pick[100], channel_pick[100], outcome_pick[100];

static void
pick_tables(void)
{
	int	 i, k, n;

	for (i = 1, n = 0; i <= 15; i++)
		for (k = 0; k < topic_weight[i]; k++)
			topic_pick[n++] = (uint8_t)i;
	for (i = 0, n = 0; i < 9; i++)
		for (k = 0; k < channel_w[i].weight; k++)
			channel_pick[n++] = (uint8_t)i;
	for (i = 0, n = 0; i < 6; i++)
		for (k = 0; k < outcome_w[i].weight; k++)
			outcome_pick[n++] = (uint8_t)i;
}

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
static void
load_sites(void)
{
	sqlite3_stmt	*st, *su, *sg;
	char		*hash, user[64], name[128];
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
			snprintf(name, sizeof(name), "%s %s (rep)",
			    first[rnd(sizeof(first) / sizeof(first[0]))],
			    last[rnd(sizeof(last) / sizeof(last[0]))]);
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

static int
site_of(int64_t site_id)
{
	int	 i;

	for (i = 0; i < nsite; i++)
		if (sites[i].id == site_id)
			return i;
	return -1;
}

/* Issues: per site, five long-running ones from the start, then the rest
 * spread over the two years; recent ones open, older ones decided. */
static int64_t
gen_issues(int64_t want)
{
	sqlite3_stmt	*ins;
	int64_t		 made = 0, first_day = today - SPAN_DAYS, d;
	int		 i, j, k, per, topic, v;
	char		 title[160], statement[320], at[32];
	const char	*status, *says;

	if (want <= 0)
		return 0;
	per = (int)(want / nsite);
	ins = prep("INSERT INTO issues (site_id, group_id, title, statement, "
	    "status, decided_on, votes_for, votes_against, votes_abstain, "
	    "decision_reason, created_by, created_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	exec("BEGIN");
	for (i = 0; i < nsite; i++) {
		struct site *s = &sites[i];

		k = per + (i < want % nsite);
		s->issues = calloc((size_t)k, sizeof(*s->issues));
		s->issue_topic = calloc((size_t)k, 1);
		for (j = 0; j < k; j++) {
			topic = topic_pick[rnd(100)];
			d = j < 5 ? first_day + rnd(60) :
			    first_day + (int64_t)(j - 5) * SPAN_DAYS / (k - 5);
			says = topic_says[topic][rnd(3)];
			snprintf(title, sizeof(title), "%s", says);
			snprintf(statement, sizeof(statement), "Members report "
			    "that: %c%s%s", tolower((unsigned char)says[0]),
			    says + 1, suffixes[rnd(7)]);
			snprintf(at, sizeof(at), "%sT10:00:00Z", day(d));
			if (today - d < 60)
				status = "open";
			else if (j < 5)
				status = "taken_forward";
			else
				status = (const char *[]){ "resolved",
				    "resolved", "resolved", "resolved",
				    "taken_forward", "taken_forward",
				    "taken_forward", "not_taken_forward",
				    "not_taken_forward", "open" }[rnd(10)];
			sqlite3_bind_int64(ins, 1, s->id);
			if (s->ngroups > 0 && rnd(5) != 0)
				sqlite3_bind_int64(ins, 2,
				    s->groups[rnd((uint32_t)s->ngroups)]);
			sqlite3_bind_text(ins, 3, title, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 4, statement, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 5, status, -1, SQLITE_STATIC);
			if (strcmp(status, "open") != 0) {
				sqlite3_bind_text(ins, 6, day(d + 7 + rnd(21)),
				    -1, SQLITE_STATIC);
				if (rnd(2)) {
					v = 4 + (int)rnd(8);
					sqlite3_bind_int(ins, 7, v);
					sqlite3_bind_int(ins, 8, (int)rnd(4));
					sqlite3_bind_int(ins, 9, (int)rnd(3));
				}
				if (strcmp(status, "not_taken_forward") == 0)
					sqlite3_bind_text(ins, 10, "The group "
					    "agreed it is for each person to "
					    "take up with their key worker.",
					    -1, SQLITE_STATIC);
			}
			sqlite3_bind_int64(ins, 11, s->reps[rnd(REPS_PER_SITE)]);
			sqlite3_bind_text(ins, 12, at, -1, SQLITE_STATIC);
			if (step(ins) != SQLITE_DONE)
				die("issue");
			s->issues[j] = sqlite3_last_insert_rowid(db);
			s->issue_topic[j] = (uint8_t)topic;
			s->nissues++;
			made++;
		}
	}
	exec("COMMIT");
	sqlite3_finalize(ins);
	return made;
}

/* The trigger's own text, so it comes back exactly as the migration made
 * it; the caller frees it. */
static char *
trigger_sql(const char *name)
{
	sqlite3_stmt	*st = prep("SELECT sql FROM sqlite_master "
	    "WHERE type = 'trigger' AND name = ?");
	char		*sql = NULL;

	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		sql = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return sql;
}

struct voice_counts {
	int64_t	 conversations, topics, linked, followups, open_followups;
	double	 insert_s, fts_s;
};

static void
gen_conversations(int64_t want, struct voice_counts *vc)
{
	sqlite3_stmt	*ins, *ins_topic, *ins_follow;
	uint16_t	*site_pick;
	int64_t		*services, nservices, first_day = today - SPAN_DAYS;
	int64_t		 i, d, id, issue, due;
	int		 wsum = 0, s, j, k, topic, topic2, minute, consent, o;
	int		 bulk = want > 10000;
	char		 raised[256], when[20], at[24], *trig = NULL;
	double		 t0 = now_s();

	if (want <= 0)
		return;
	for (s = 0; s < nsite; s++)
		wsum += 1 + (s * 7) % 5;	/* sites of 5 sizes */
	site_pick = calloc((size_t)wsum, sizeof(*site_pick));
	for (s = 0, k = 0; s < nsite; s++)
		for (j = 0; j < 1 + (s * 7) % 5; j++)
			site_pick[k++] = (uint16_t)s;
	nservices = scalar("SELECT count(*) FROM services");
	services = calloc((size_t)nservices + 1, sizeof(*services));
	{
		sqlite3_stmt *st = prep("SELECT id FROM services ORDER BY id");

		for (k = 0; k < nservices && sqlite3_step(st) == SQLITE_ROW; k++)
			services[k] = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (bulk) {
		/* Rebuilt in one pass afterwards: much faster than a million
		 * single-row index updates. */
		if ((trig = trigger_sql("conversations_fts_ai")) == NULL)
			die("conversations_fts_ai trigger not found");
		exec("DROP TRIGGER conversations_fts_ai");
	}
	ins = prep("INSERT INTO conversations (site_id, unit_id, author_id, "
	    "occurred_at, channel, raised, consent, outcome, escalated_to, "
	    "service_id, on_behalf, from_paper, issue_id, created_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	ins_topic = prep("INSERT OR IGNORE INTO conversation_topics "
	    "(conversation_id, topic_id) VALUES (?, ?)");
	ins_follow = prep("INSERT INTO followups (site_id, conversation_id, "
	    "action, owner_id, due_on, created_by, created_at, closed_on, "
	    "close_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	exec("BEGIN");
	for (i = 0; i < want; i++) {
		struct site	*st;
		int64_t		 author;

		d = first_day + i * SPAN_DAYS / want;	/* up to yesterday */
		st = &sites[site_pick[rnd((uint32_t)wsum)]];
		author = st->reps[rnd(REPS_PER_SITE)];
		minute = 8 * 60 + (int)rnd(12 * 60);
		snprintf(when, sizeof(when), "%sT%02d:%02d", day(d),
		    minute / 60, minute % 60);
		snprintf(at, sizeof(at), "%s:00Z", when);
		k = (int)rnd(100);
		consent = k < 75 ? 0 : k < 90 ? 1 : 2;
		issue = 0;
		topic = topic_pick[rnd(100)];
		if (consent != 2 && st->nissues > 0 && rnd(100) < 28) {
			if (st->nissues <= 5)
				j = (int)rnd((uint32_t)st->nissues);
			else if (rnd(100) < 40) {
				double u = unit_rand();

				j = (int)(5 * u * u);
			} else {
				j = 5 + (int)((d - first_day) *
				    (st->nissues - 5) / SPAN_DAYS) - (int)rnd(3);
				if (j < 5)
					j = 5;
				if (j >= st->nissues)
					j = st->nissues - 1;
			}
			issue = st->issues[j];
			topic = st->issue_topic[j];
		}
		snprintf(raised, sizeof(raised), "%s%s",
		    topic_says[topic][rnd(3)], suffixes[rnd(7)]);
		o = outcome_pick[rnd(100)];
		sqlite3_bind_int64(ins, 1, st->id);
		if (st->nunits > 0 && rnd(100) < 85)
			sqlite3_bind_int64(ins, 2,
			    st->units[rnd((uint32_t)st->nunits)]);
		sqlite3_bind_int64(ins, 3, author);
		sqlite3_bind_text(ins, 4, when, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 5, channel_w[channel_pick[rnd(100)]].name,
		    -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 6, raised, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 7, (const char *[]){ "anonymous",
		    "named_to_staff", "do_not_share" }[consent], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(ins, 8, outcome_w[o].name, -1, SQLITE_STATIC);
		if (o == 5)
			sqlite3_bind_text(ins, 9, escalations[rnd(3)], -1,
			    SQLITE_STATIC);
		if (o == 1 && nservices > 0)
			sqlite3_bind_int64(ins, 10,
			    services[rnd((uint32_t)nservices)]);
		sqlite3_bind_int(ins, 11, rnd(100) < 3);
		sqlite3_bind_int(ins, 12, rnd(100) < 10);
		if (issue)
			sqlite3_bind_int64(ins, 13, issue);
		sqlite3_bind_text(ins, 14, at, -1, SQLITE_STATIC);
		if (step(ins) != SQLITE_DONE)
			die("conversation");
		id = sqlite3_last_insert_rowid(db);
		vc->conversations++;
		vc->linked += issue != 0;
		sqlite3_bind_int64(ins_topic, 1, id);
		sqlite3_bind_int(ins_topic, 2, topic);
		if (step(ins_topic) != SQLITE_DONE)
			die("conversation topic");
		vc->topics++;
		if (rnd(100) < 40 && (topic2 = topic_pick[rnd(100)]) != topic) {
			sqlite3_bind_int64(ins_topic, 1, id);
			sqlite3_bind_int(ins_topic, 2, topic2);
			if (step(ins_topic) != SQLITE_DONE)
				die("conversation topic");
			vc->topics++;
		}
		/* Follow-ups for the last 60 days of logs that need one:
		 * due in two weeks, mostly closed once past due. */
		if (o >= 3 && today - d <= 60) {
			int closed;

			due = d + 14;
			closed = due < today - 3 && rnd(100) < 85;
			sqlite3_bind_int64(ins_follow, 1, st->id);
			sqlite3_bind_int64(ins_follow, 2, id);
			sqlite3_bind_text(ins_follow, 3, followup_actions[
			    rnd(4)], -1, SQLITE_STATIC);
			sqlite3_bind_int64(ins_follow, 4, author);
			sqlite3_bind_text(ins_follow, 5, day(due), -1,
			    SQLITE_STATIC);
			sqlite3_bind_int64(ins_follow, 6, author);
			sqlite3_bind_text(ins_follow, 7, at, -1, SQLITE_STATIC);
			if (closed) {
				sqlite3_bind_text(ins_follow, 8, day(due -
				    (int64_t)rnd(10)), -1, SQLITE_STATIC);
				sqlite3_bind_text(ins_follow, 9, "Raised and "
				    "answered; the wing was told.", -1,
				    SQLITE_STATIC);
			}
			if (step(ins_follow) != SQLITE_DONE)
				die("followup");
			vc->followups++;
			vc->open_followups += !closed;
		}
		if ((i + 1) % VOICE_BATCH == 0) {
			exec("COMMIT");
			exec("BEGIN");
		}
	}
	exec("COMMIT");
	vc->insert_s = now_s() - t0;
	if (bulk) {
		t0 = now_s();
		exec("BEGIN");
		exec("INSERT INTO conversations_fts(conversations_fts) "
		    "VALUES('rebuild')");
		exec(trig);
		exec("COMMIT");
		vc->fts_s = now_s() - t0;
		free(trig);
	}
	sqlite3_finalize(ins);
	sqlite3_finalize(ins_topic);
	sqlite3_finalize(ins_follow);
	free(site_pick);
	free(services);
}

struct proposal_counts {
	int64_t	 proposals, events, responses, actions, links;
	double	 s;
};

static const char *proposal_titles[16] = { NULL, "Faster GP appointments",
	"Medication rounds before lock-up", "Someone to talk to at night",
	"A fairer menu", "A visits line that answers", "Wages paid on time",
	"Pension advice before release", "Handrails and ground-floor cells",
	"A plan before release day", "More places on courses",
	"Safer showers", "Faith times that fit the regime",
	"Cheaper phone calls", "Housing help before release",
	"Longer library hours" };

struct event { int64_t on, actor; const char *event, *state, *detail; };

static void
gen_proposals(int64_t want, struct proposal_counts *pc)
{
	sqlite3_stmt	*sg, *ins, *ins_ev, *ins_resp, *ins_act, *ins_link;
	int64_t		*gid, *gsite, first_day = today - SPAN_DAYS;
	int		*gdays, ngroups = 0, g, n, per, e, a, k, topic, rdays;
	int64_t		 d0, decided, submitted, responded, days_taken, pid;
	double		 t0 = now_s();
	char		 problem[320], at[24];

	if (want <= 0)
		return;
	n = (int)scalar("SELECT count(*) FROM groups");
	gid = calloc((size_t)n, sizeof(*gid));
	gsite = calloc((size_t)n, sizeof(*gsite));
	gdays = calloc((size_t)n, sizeof(*gdays));
	sg = prep("SELECT id, ifnull(site_id, 0), response_days FROM groups "
	    "WHERE ended_on IS NULL ORDER BY id");
	while (ngroups < n && sqlite3_step(sg) == SQLITE_ROW) {
		gid[ngroups] = sqlite3_column_int64(sg, 0);
		gsite[ngroups] = sqlite3_column_int64(sg, 1);
		gdays[ngroups++] = sqlite3_column_int(sg, 2);
	}
	sqlite3_finalize(sg);
	ins = prep("INSERT INTO proposals (group_id, title, problem, "
	    "decider_text, state, votes_for, votes_against, votes_abstain, "
	    "consensus, decided_on, decision_maker_id, submitted_on, due_on, "
	    "deferred_until, created_by, created_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	ins_ev = prep("INSERT INTO proposal_events (proposal_id, on_date, "
	    "actor_id, event, state, detail) VALUES (?, ?, ?, ?, ?, ?)");
	ins_resp = prep("INSERT INTO responses (proposal_id, responder_id, "
	    "kind, reason, deferred_until, responded_on, on_time, days_taken) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	ins_act = prep("INSERT INTO actions (proposal_id, text, owner_id, "
	    "due_on, percent, closed_on, evidence, created_on) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	ins_link = prep("INSERT OR IGNORE INTO proposal_issues (proposal_id, "
	    "issue_id) VALUES (?, ?)");
	per = (int)(want / ngroups);
	exec("BEGIN");
	for (g = 0; g < ngroups; g++) {
		int		 si = gsite[g] ? site_of(gsite[g]) : -1;
		struct site	*s = si >= 0 ? &sites[si] : NULL;
		int64_t		 dm = s ? s->dm : org_dm;

		rdays = gdays[g];
		for (k = 0; k < per + (g < want % ngroups); k++) {
			struct site *home = s ? s : &sites[rnd((uint32_t)nsite)];
			int64_t	 creator = home->reps[rnd(REPS_PER_SITE)];
			struct event ev[8];
			struct { int64_t due, closed; int percent; } act[3];
			const char *state = "draft", *kind = NULL;
			const char *reason = "";
			int64_t	 deferred = 0, last_closed = 0;
			int	 nev = 0, nact = 0, vote = 0, open = 0;

			topic = topic_pick[rnd(100)];
			d0 = first_day + (int64_t)rnd(SPAN_DAYS + 1);
			decided = d0 + 2 + rnd(12);
			submitted = decided + rnd(8);
			days_taken = rnd(100) < 72 ? 1 + rnd((uint32_t)rdays) :
			    rdays + 1 + rnd(60);
			if (rnd(1000) < 3)
				days_taken = 100000;	/* never answered */
			responded = submitted + days_taken;
			ev[nev++] = (struct event){ d0, creator, "draft",
			    "draft", "" };
			if (rnd(100) < 3 || decided > today)
				goto insert;
			vote = 1;
			if (rnd(100) < 5) {
				state = "not_agreed";
				ev[nev++] = (struct event){ decided, creator,
				    "not_agree", state, "" };
				goto insert;
			}
			state = "agreed";
			ev[nev++] = (struct event){ decided, creator, "agree",
			    state, "" };
			if (submitted > today)
				goto insert;
			state = "submitted";
			ev[nev++] = (struct event){ submitted, creator,
			    "submit", state, "" };
			if (responded > today)
				goto insert;
			a = (int)rnd(100);
			kind = a < 35 ? "accepted" : a < 55 ?
			    "accepted_in_part" : a < 82 ? "not_accepted" :
			    a < 92 ? "deferred" : "more_info";
			reason = a < 35 ? "" : a < 55 ? "We can do the first "
			    "part now; the rest needs money we do not have "
			    "this year." : a < 82 ? "It would break the "
			    "security rules for the wing; we will look at "
			    "another way." : a < 92 ? "It has to wait for the "
			    "new contract." : "Please say how many people this "
			    "affects and on which wings.";
			state = kind;
			if (a >= 82 && a < 92)
				deferred = responded + 60 + rnd(120);
			ev[nev++] = (struct event){ responded, dm,
			    a < 35 ? "accept" : a < 55 ? "accept_in_part" :
			    a < 82 ? "not_accept" : a < 92 ? "defer" :
			    "more_info", state, reason };
			if (a >= 55)
				goto insert;
			nact = 1 + (int)rnd(3);
			for (e = 0; e < nact; e++) {
				int64_t len = 14 + rnd(90), took;

				act[e].due = responded + len;
				took = rnd(100) < 85 ?
				    len * (30 + (int64_t)rnd(80)) / 100 :
				    len * (110 + (int64_t)rnd(200)) / 100;
				act[e].closed = responded + (took < 1 ? 1 : took);
				if (act[e].closed > today) {
					act[e].closed = 0;
					act[e].percent = (int)rnd(90);
					open++;
				} else {
					act[e].percent = 100;
					if (act[e].closed > last_closed)
						last_closed = act[e].closed;
				}
			}
			if (open == 0 && rnd(10) != 0) {
				state = "done";
				ev[nev++] = (struct event){ last_closed, dm,
				    "complete", state, "" };
			}
insert:
			snprintf(problem, sizeof(problem), "Members report that: "
			    "%c%s%s", tolower((unsigned char)
			    topic_says[topic][0][0]), topic_says[topic][0] + 1,
			    suffixes[rnd(7)]);
			snprintf(at, sizeof(at), "%sT10:00:00Z", day(d0));
			sqlite3_bind_int64(ins, 1, gid[g]);
			sqlite3_bind_text(ins, 2, proposal_titles[topic], -1,
			    SQLITE_STATIC);
			sqlite3_bind_text(ins, 3, problem, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 4, s ? "the governor" :
			    "the programme board", -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 5, state, -1, SQLITE_STATIC);
			/* Two in three groups vote; the rest agree by
			 * consensus. */
			a = vote && rnd(3) != 0;
			if (a) {
				sqlite3_bind_int(ins, 6, 5 + (int)rnd(8));
				sqlite3_bind_int(ins, 7, (int)rnd(4));
				sqlite3_bind_int(ins, 8, (int)rnd(3));
			}
			sqlite3_bind_int(ins, 9, vote && !a);
			if (vote)
				sqlite3_bind_text(ins, 10, day(decided), -1,
				    SQLITE_STATIC);
			if (nev > 2 && strcmp(ev[2].event, "submit") == 0) {
				sqlite3_bind_int64(ins, 11, dm);
				sqlite3_bind_text(ins, 12, day(submitted), -1,
				    SQLITE_STATIC);
				sqlite3_bind_text(ins, 13, day(submitted + rdays),
				    -1, SQLITE_STATIC);
			}
			if (deferred)
				sqlite3_bind_text(ins, 14, day(deferred), -1,
				    SQLITE_STATIC);
			sqlite3_bind_int64(ins, 15, creator);
			sqlite3_bind_text(ins, 16, at, -1, SQLITE_STATIC);
			if (step(ins) != SQLITE_DONE)
				die("proposal");
			pid = sqlite3_last_insert_rowid(db);
			pc->proposals++;
			for (e = 0; e < nev; e++) {
				sqlite3_bind_int64(ins_ev, 1, pid);
				sqlite3_bind_text(ins_ev, 2, day(ev[e].on), -1,
				    SQLITE_STATIC);
				sqlite3_bind_int64(ins_ev, 3, ev[e].actor);
				sqlite3_bind_text(ins_ev, 4, ev[e].event, -1,
				    SQLITE_STATIC);
				sqlite3_bind_text(ins_ev, 5, ev[e].state, -1,
				    SQLITE_STATIC);
				sqlite3_bind_text(ins_ev, 6, ev[e].detail, -1,
				    SQLITE_STATIC);
				if (step(ins_ev) != SQLITE_DONE)
					die("proposal event");
				pc->events++;
			}
			if (kind != NULL) {
				sqlite3_bind_int64(ins_resp, 1, pid);
				sqlite3_bind_int64(ins_resp, 2, dm);
				sqlite3_bind_text(ins_resp, 3, kind, -1,
				    SQLITE_STATIC);
				sqlite3_bind_text(ins_resp, 4, reason, -1,
				    SQLITE_STATIC);
				if (deferred)
					sqlite3_bind_text(ins_resp, 5,
					    day(deferred), -1, SQLITE_STATIC);
				sqlite3_bind_text(ins_resp, 6, day(responded),
				    -1, SQLITE_STATIC);
				sqlite3_bind_int(ins_resp, 7,
				    days_taken <= rdays);
				sqlite3_bind_int64(ins_resp, 8, days_taken);
				if (step(ins_resp) != SQLITE_DONE)
					die("response");
				pc->responses++;
			}
			for (e = 0; e < nact; e++) {
				sqlite3_bind_int64(ins_act, 1, pid);
				sqlite3_bind_text(ins_act, 2, (const char *[]){
				    "Agree the change with the wing manager",
				    "Tell every wing what will change",
				    "Check in three months that it works" }[e],
				    -1, SQLITE_STATIC);
				sqlite3_bind_int64(ins_act, 3, dm);
				sqlite3_bind_text(ins_act, 4, day(act[e].due), -1,
				    SQLITE_STATIC);
				sqlite3_bind_int(ins_act, 5, act[e].percent);
				if (act[e].closed) {
					sqlite3_bind_text(ins_act, 6,
					    day(act[e].closed), -1,
					    SQLITE_STATIC);
					sqlite3_bind_text(ins_act, 7, "Done; "
					    "the forum checked it at its next "
					    "meeting.", -1, SQLITE_STATIC);
				}
				sqlite3_bind_text(ins_act, 8, day(responded), -1,
				    SQLITE_STATIC);
				if (step(ins_act) != SQLITE_DONE)
					die("action");
				pc->actions++;
			}
			/* Half of a site's proposals cite an issue of theirs
			 * from about when they were written. */
			if (s != NULL && s->nissues > 5 && rnd(2)) {
				int j = 5 + (int)((d0 - first_day) *
				    (s->nissues - 5) / SPAN_DAYS) - (int)rnd(5);

				if (j < 0)
					j = 0;
				if (j >= s->nissues)
					j = s->nissues - 1;
				sqlite3_bind_int64(ins_link, 1, pid);
				sqlite3_bind_int64(ins_link, 2, s->issues[j]);
				if (step(ins_link) != SQLITE_DONE)
					die("proposal issue");
				pc->links++;
			}
		}
	}
	exec("COMMIT");
	pc->s = now_s() - t0;
	sqlite3_finalize(ins);
	sqlite3_finalize(ins_ev);
	sqlite3_finalize(ins_resp);
	sqlite3_finalize(ins_act);
	sqlite3_finalize(ins_link);
	free(gid);
	free(gsite);
	free(gdays);
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

			snprintf(name, sizeof(name), "%s %s",
			    first[rnd(sizeof(first) / sizeof(first[0]))],
			    last[rnd(sizeof(last) / sizeof(last[0]))]);
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
	{
		time_t		 now = time(NULL);
		int64_t		 d;

		today = (int64_t)now / 86400;
		for (d = -DATE_BASE; d <= DATE_BASE; d++) {
			time_t		 t = (time_t)(today + d) * 86400 + 43200;
			struct tm	 tm;

			gmtime_r(&t, &tm);
			strftime(dates[d + DATE_BASE], sizeof(dates[0]),
			    "%Y-%m-%d", &tm);
		}
	}
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
