/*
 * bench-gen: fills an initialised Roundtable database with national-scale
 * made-up data, quickly (prepared statements, a few large transactions).
 *
 *   bench-gen DB [SITES [PEOPLE [CONVERSATIONS [PROPOSALS]]]]
 *      defaults: 100 sites, 10000 people, 1000000 conversations, 50000
 *      proposals
 *
 * Tops up to the totals given, so it can follow `roundtable demo`.
 *
 *   main.c       sites (6 units and 4 groups each, plus 3 organisation-wide
 *                groups) and people (about half hold a role in a group of
 *                their site; 5% have left); then the rest, and a summary
 *   staff.c      per site 3 rep accounts and a decision maker (the password
 *                hash copied from the first account), and the site table
 *                the voice and proposal generators share
 *   voice.c      ISSUES_TOTAL / sites collective issues; conversations over
 *                the last two years in date order, each with 1-2 topics,
 *                about a quarter linked to an issue of their site, and
 *                follow-ups for the recent logs whose outcome needs one
 *   proposals.c  spread over every group, each walked through the state
 *                machine by dates (recent ones drafts or waiting, old ones
 *                decided or done), with their events, responses and actions
 *   store.c      the database handle, random numbers and dates
 *
 * Generated rows are not audited (the audit chain stays valid: it only
 * covers the rows it has).
 */
#ifndef RT_BENCH_GEN_H
#define RT_BENCH_GEN_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#define REPS_PER_SITE	3
#define ISSUES_TOTAL	50000
#define MAX_UNITS	16
#define MAX_GROUPS	16
#define SPAN_DAYS	730		/* two years of logs */
#define DATE_BASE	1000		/* day() covers today +- this */

/* ---- store.c ---- */

extern sqlite3	*db;
extern int64_t	 today;			/* days since 1970 */

void		 die(const char *what);
void		 exec(const char *sql);
sqlite3_stmt	*prep(const char *sql);
int64_t		 scalar(const char *sql);
/* Steps st once and resets it for the next row: the step's result. */
int		 step(sqlite3_stmt *st);
uint32_t	 rnd(uint32_t n);	/* 0 to n - 1 */
double		 unit_rand(void);	/* 0 to 1 */
double		 now_s(void);		/* monotonic seconds */
/* Sets today and the table day() reads. */
void		 dates_init(void);
/* "YYYY-MM-DD" of day d (days since 1970), clamped to today +- DATE_BASE. */
const char	*day(int64_t d);
/* A made-up "First Last" name into out. */
void		 person_name(char *out, size_t sz);

/* ---- staff.c ---- */

/* A site as the voice and proposal generators see it; sites[] and each
 * site's issues arrays are owned by staff.c and live until exit. */
struct site {
	int64_t	 id, dm;
	int64_t	 units[MAX_UNITS], groups[MAX_GROUPS];
	int64_t	 reps[REPS_PER_SITE];
	int64_t	*issues;		/* in creation order */
	uint8_t	*issue_topic;
	int	 nunits, ngroups, nissues;
};

extern struct site	*sites;
extern int		 nsite;
extern int64_t		 org_dm;	/* the national decision maker */

/* Reads every site into sites[], making its rep and decision-maker
 * accounts when they are missing. */
void	load_sites(void);
/* The index in sites[] of site_id, or -1. */
int	site_of(int64_t site_id);

/* ---- voice.c ---- */

/* Topics are the 15 seeded by migration 0002, ids 1 to 15: what people
 * say about each, and topic_pick[rnd(100)] draws one by weight. */
extern const char *const topic_says[16][3];
extern uint8_t		 topic_pick[100];
/* Endings that vary a sentence: suffixes[rnd(7)]. */
extern const char *const suffixes[7];

struct voice_counts {
	double	 insert_s, fts_s;
};

/* Fills the weighted pick tables; before any generator runs. */
void	pick_tables(void);
int64_t	gen_issues(int64_t want);
void	gen_conversations(int64_t want, struct voice_counts *);

/* ---- proposals.c ---- */

struct proposal_counts {
	double	 s;
};

void	gen_proposals(int64_t want, struct proposal_counts *);

#endif
