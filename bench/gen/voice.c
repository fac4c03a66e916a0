/* Collective issues and the conversations reps log, with their topics
 * and follow-ups. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

#define VOICE_BATCH	50000

/* Topics are the 15 seeded by migration 0002, ids 1 to 15. */
const char *const topic_says[16][3] = {
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
const char *const suffixes[7] = { " this week.", " again.", ", and several "
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

uint8_t		 topic_pick[100];
static uint8_t	 channel_pick[100], outcome_pick[100];

void
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

/* Issues: per site, five long-running ones from the start, then the rest
 * spread over the two years; recent ones open, older ones decided. */
int64_t
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

void
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
		sqlite3_bind_int64(ins_topic, 1, id);
		sqlite3_bind_int(ins_topic, 2, topic);
		if (step(ins_topic) != SQLITE_DONE)
			die("conversation topic");
		if (rnd(100) < 40 && (topic2 = topic_pick[rnd(100)]) != topic) {
			sqlite3_bind_int64(ins_topic, 1, id);
			sqlite3_bind_int(ins_topic, 2, topic2);
			if (step(ins_topic) != SQLITE_DONE)
				die("conversation topic");
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
