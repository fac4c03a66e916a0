/* Proposals over every group, walked through the state machine by dates,
 * with their events, responses, actions and issue links. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

static const char *proposal_titles[16] = { NULL, "Faster GP appointments",
	"Medication rounds before lock-up", "Someone to talk to at night",
	"A fairer menu", "A visits line that answers", "Wages paid on time",
	"Pension advice before release", "Handrails and ground-floor cells",
	"A plan before release day", "More places on courses",
	"Safer showers", "Faith times that fit the regime",
	"Cheaper phone calls", "Housing help before release",
	"Longer library hours" };

struct event { int64_t on, actor; const char *event, *state, *detail; };

void
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
