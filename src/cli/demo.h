/*
 * The demo organisation's parts, loaded by `roundtable demo` in one
 * transaction.  The arrays are indexed as in demo.c's tables.
 */
#ifndef RT_DEMO_H
#define RT_DEMO_H

#include <stdint.h>
#include <time.h>

struct db;

/* Logs, follow-ups, services, issues and arrivals: enum db_result. */
int	demo_voice(struct db *, const int64_t *sites, const int64_t (*units)[7],
	    const int64_t *groups, const int64_t *accounts, time_t now);

/* Proposals through their whole cycle, a rejection with reasons and an
 * overdue action among them: enum db_result. */
int	demo_proposals(struct db *, const int64_t *groups,
	    const int64_t *accounts, time_t now);

/* Rules, meetings, attendance, minutes and an overdue action point. */
int	demo_meetings(struct db *, const int64_t *groups,
	    const int64_t *accounts, time_t now);

/* Procurements at Fenwick and Westvale: panels, declarations, sealed and
 * open questions, a consensus meeting and agreed scores. */
int	demo_procurement(struct db *, const int64_t *sites,
	    const int64_t *accounts, time_t now);

/* Elections (one published, one open) and the board seats. */
int	demo_elections(struct db *, const int64_t *groups,
	    const int64_t *accounts, time_t now);

/* Places wanted, pipelines, shadowing, training, supervision and
 * expense claims. */
int	demo_membership(struct db *, const int64_t *sites,
	    const int64_t *groups, const int64_t *accounts, time_t now);

/* Surveys: a completed loneliness survey at Fenwick (results with
 * suppressed cells), an open consultation at Westvale, event votes. */
int	demo_surveys(struct db *, const int64_t *groups,
	    const int64_t (*units)[7], const int64_t *accounts, time_t now);

/* Evidence: populations, the forum's monitoring, strategies with
 * objectives, a year of activity at the women's centre. */
int	demo_evidence(struct db *, const int64_t *sites,
	    const int64_t (*units)[7], const int64_t *groups,
	    const int64_t *accounts, time_t now);
/* Personal plans at Fenwick and Westvale: cards, steps, wishes answered
 * and overdue, release plans and referrals; the needs services meet. */
int	demo_plans(struct db *, const int64_t *sites, const int64_t *accounts,
	    time_t now);
/* Peer support at Fenwick and Westvale: cover, a week of shifts with a
 * gap, requests in every state, a safety concern waiting for staff, a
 * debrief asked for; the supporter.fenwick account is Jamal's. */
int	demo_peer(struct db *, const int64_t *sites, const int64_t (*units)[7],
	    const int64_t *accounts, time_t now);

#endif
