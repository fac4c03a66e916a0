/*
 * Elections and rotating seats.
 *
 * An election fills one position (chair, secretary, a board seat...) in a
 * group: a nomination window (self or other nomination, a seconder, a
 * statement), then a secret ballot, then a count (first past the post or
 * Scottish STV, see elections_count.c) that anyone may re-run from the
 * stored ballots once the result is published.
 *
 * Secrecy is in the schema: `ballots` has no voter, no time and no rowid
 * (a random key, WITHOUT ROWID), so no query can join a ballot to the
 * roll; the roll (`election_voters`) marks only that someone voted, and
 * the audit chain records "someone voted in election N" on the roll
 * side.  One vote per voter is the roll's primary key, written in the
 * same transaction as the ballot.
 *
 * A seat on a board is fixed (one holder) or rotates among named members
 * in order, per meeting or per period; a swap exchanges two turns when
 * someone cannot attend.
 *
 *   elections_count.c   the counts (pure)
 *   elections_model.c   choices, form tables, phases, eligibility words,
 *                       reading typed ballots
 *   elections_store.c   SQL: elections, candidates, roll, ballots
 *   elections_pages.c   the election's pages and actions
 *   elections_vote.c    casting a vote (online or by proxy)
 *   elections_count_pages.c  count sheet, publishing, verifying, PDFs
 *   ballots_paper.c     paper ballots typed in by two tellers
 *   seats_model.c, seats_store.c, seats_pages.c   rotating seats
 */
#ifndef RT_ELECTIONS_H
#define RT_ELECTIONS_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "../server/fields.h"
#include "../server/router.h"

struct db;
struct pdf;

/* ---- counting (elections_count.c) ---------------------------------- */

#define COUNT_UNIT		100000	/* one vote: five decimal places */
#define COUNT_SEED_BYTES	16	/* the recorded seed for the lot */
#define COUNT_VOTES_CHARS	40	/* a count's votes as text, NUL too */

enum count_method { COUNT_FPTP, COUNT_STV };

/*
 * One election's ballots, borrowed by count_run().  Candidates are 0 to
 * ncand - 1 (cand_ids maps them to ids for the sheet).  ranks holds
 * nballots rows of ncand ints: the candidates in the voter's order, then
 * -1s; every ballot has at least one preference and names no one twice
 * (ballot_parse checks that).  FPTP counts every name marked as a vote.
 */
struct count_input {
	enum count_method	 method;
	size_t			 seats;
	size_t			 ncand;
	const int64_t		*cand_ids;
	size_t			 nballots;
	const int		*ranks;
	unsigned char		 seed[COUNT_SEED_BYTES];
};

/* The count sheet: {method, seats, valid, quota, stages[{stage, action,
 * candidate_id, totals[{candidate_id, votes, state}], non_transferable,
 * surplus?, tie_break?}], elected[{candidate_id, how}]}, votes as
 * "12.50000".  New reference, NULL when out of memory. */
json_t	*count_run(const struct count_input *);
/* Makes each stage's states those at its end, in place: a candidate
 * elected at a stage says "elected" there, and at the last stage, the
 * count being over, everyone else says "not elected", never
 * "continuing".  count_run's sheets come so; a sheet stored before they
 * did is read through it.  Doing it twice changes nothing. */
void	count_settle(json_t *sheet);
/* "12.50000" for 1250000 units: exact, for the record; shown to people
 * as "12.5" (util/decimal.h, {{votes | number}}).  New reference. */
json_t	*count_votes_json(int64_t units);

/* ---- the model (elections_model.c) --------------------------------- */

extern const struct choice election_positions[];
extern const struct choice election_methods[];
/* Words a page shows as the store or the count sheet holds them (a
 * batch's state; a candidate's state, a stage's action and how someone
 * was elected), marked for the catalogue so that | t finds them. */
extern const char *const election_stored_words[];
extern const struct field_spec election_fields[];
extern const size_t election_fields_count;
extern const struct field_spec nomination_fields[];
extern const size_t nomination_fields_count;
extern const struct field_spec election_rules_fields[];
extern const size_t election_rules_fields_count;
extern const struct field_spec proxy_fields[];
extern const size_t proxy_fields_count;
extern const struct field_spec paper_issue_fields[];
extern const size_t paper_issue_fields_count;
extern const struct field_spec batch_fields[];
extern const size_t batch_fields_count;

/* Where an election is, from its stored state and today's date. */
enum election_phase {
	PHASE_NOMINATIONS,	/* candidates may be nominated */
	PHASE_NOMINATIONS_CLOSED, /* past the date, voting not yet open */
	PHASE_VOTING,		/* ballots accepted */
	PHASE_CLOSED,		/* poll closed: count visible to staff */
	PHASE_PUBLISHED		/* result public */
};

enum election_phase election_phase(const json_t *election, const char *today);
const char *election_phase_label(enum election_phase);
/* May anyone in roles see the count in this phase?  Staff once the poll
 * is closed, everyone once published, nobody before. */
int	election_count_visible(enum election_phase, int staff);

/*
 * Reads one typed ballot: ballot numbers (1 = the first name on the
 * paper) in the voter's order, separated by spaces or commas, into out
 * (ncand ints, -1 padded), as candidate indexes.  FPTP takes at most
 * seats marks.  0, or -1 with a reason in why.
 */
int	ballot_parse(const char *text, size_t ncand, enum count_method,
	    size_t seats, int *out, const char **why);

/* ---- storage (elections_store.c) ----------------------------------- */

int	election_target(struct db *, const int64_t *, struct target *);
int	election_load(struct db *, int64_t id, json_t **out);
json_t	*election_list(struct db *, int64_t group_id);
/* v: the election form's values; term_months may be absent (then
 * ELECTION_TERM_MONTHS). */
int	election_add(struct db *, int64_t actor, int64_t group_id, json_t *v,
	    const char *today, int64_t *id);
/* Moves state from one to another (UPDATE ... WHERE state = from):
 * DB_CONSTRAINT when it had already moved.  detail goes to the audit. */
int	election_move(struct db *, int64_t actor, int64_t id, const char *from,
	    const char *to, const char *today);
/* Candidates in ballot order (by name, then id), withdrawn ones left out. */
json_t	*candidate_list(struct db *, int64_t election_id);
int	candidate_add(struct db *, int64_t actor, int64_t election_id,
	    json_t *v);
/* Eligible to stand: current members, not observers, no restriction
 * recorded, not already standing.  {value, label}. */
json_t	*eligible_candidates(struct db *, int64_t election_id, const char *today);
/* Eligible to vote, propose and second: current members, not observers. */
json_t	*eligible_voters(struct db *, int64_t election_id, const char *today);
/* Is the person on the roll of eligible voters?  1 or 0. */
int	voter_eligible(struct db *, int64_t election_id, int64_t person,
	    const char *today);
/* How many are eligible and how many have voted. */
int	roll_counts(struct db *, int64_t election_id, const char *today,
	    int64_t *eligible, int64_t *voted);
/* Has the person voted?  1, 0, or -1. */
int	roll_has_voted(struct db *, int64_t election_id, int64_t person);
/*
 * Marks the person on the roll (how: online, proxy, paper) and, unless
 * ranking is NULL, stores one ballot with a random key, in the caller's
 * transaction.  DB_CONSTRAINT when they are already on the roll.
 */
int	roll_vote(struct db *, int64_t actor, int64_t election_id,
	    int64_t person, const char *how, int64_t proxy, const char *ranking);
/* Stores one ballot with a random key and nothing else. */
int	ballot_store(struct db *, int64_t election_id, const char *ranking);
/* Every ballot of the election deleted and stored again in a random
 * order under fresh keys: at the close, so that neither keys nor the
 * cells' places in the file follow the order of voting.  The request
 * must then set checkpoint_after_commit.  enum db_result. */
int	ballots_shuffle(struct db *, int64_t election_id);
/* The proxy the person appointed, if any: <0, 0, >0. */
int	proxy_for(struct db *, int64_t election_id, int64_t person,
	    int64_t *proxy);
/* People who appointed this person their proxy and may still vote
 * today and have not, {value, label}. */
json_t	*proxies_held(struct db *, int64_t election_id, int64_t proxy,
	    const char *today);
/* How many votes this proxy has cast for others: a count, or -1. */
int	proxies_cast(struct db *, int64_t election_id, int64_t proxy);
int	proxy_add(struct db *, int64_t actor, int64_t election_id, json_t *v);
/* The votes person me may still cast in election e (its "id" and
 * "proxy_votes"), whatever the phase: their own if they are on the roll
 * and have not voted, and each of those who named them proxy.  {value,
 * label, proxy (true: another member's vote), selected (true when it is
 * the only one)}; an empty array when none.  The ballot offers these, and a page
 * offers the ballot only when there is one (elections_vote.c). */
json_t	*votes_left(struct db *, const json_t *e, int64_t me,
	    const char *today);
json_t	*proxy_list(struct db *, int64_t election_id);
int	election_rules_load(struct db *, int64_t group_id, json_t **out);
int	election_rules_save(struct db *, int64_t actor, int64_t group_id,
	    json_t *v);
/* The stored ballots as a count input (caller frees *ranks and *ids with
 * free()); 0 or -1. */
int	election_ballots(struct db *, int64_t election_id, const json_t *election,
	    struct count_input *in, int **ranks, int64_t **ids);
/* Counts from the stored ballots.  New reference, NULL on error. */
json_t	*election_count(struct db *, const json_t *election);
/* What the result says when no poll was needed. */
#define ELECTED_UNOPPOSED	"Elected unopposed: there were no more valid " \
	"nominations than places, so no poll was held."

/* Publishes the count sheet of election e (as election_load gives it)
 * and gives the winners their office for the term, ending the previous
 * holder's (in the caller's transaction).  An unopposed sheet may be
 * published straight from nominations.  DB_CONSTRAINT when the election
 * is not at a stage that can be published. */
int	election_publish(struct db *, int64_t actor, const json_t *e,
	    const json_t *sheet, const char *today);

/* Paper ballot batches (ballots_paper.c). */
struct catalogue;
/* The batches, each "differed" as kept and "differed_said" in the
 * language of words. */
json_t	*batch_list(struct db *, int64_t election_id,
	    const struct catalogue *words);

/* ---- pages --------------------------------------------------------- */

void	elections_index(struct request *, struct response *);
void	elections_new(struct request *, struct response *);
void	elections_show(struct request *, struct response *);
void	elections_rules(struct request *, struct response *);
void	elections_nominate(struct request *, struct response *);
void	elections_open(struct request *, struct response *);
void	elections_close(struct request *, struct response *);
void	elections_vote(struct request *, struct response *);
void	elections_proxy(struct request *, struct response *);
void	elections_paper_issue(struct request *, struct response *);
void	elections_count_sheet(struct request *, struct response *);
void	elections_publish(struct request *, struct response *);
void	elections_verify(struct request *, struct response *);
void	elections_ballot_pdf(struct request *, struct response *);
void	elections_result_pdf(struct request *, struct response *);
void	elections_batch(struct request *, struct response *);

/* Loads the election of the path's first id, with its phase as today
 * sees it: 404 answered and NULL when there is none.  New reference. */
json_t	*election_for_page(struct request *, struct response *,
	    enum election_phase *phase);
/* Adds the labels a page shows (position, method, phase, stv) and takes
 * out what no page may show raw (the stored count sheet, the lot's
 * seed). */
void	election_labels(json_t *election, enum election_phase);
/* Does the caller hold a staff role over the election's group? */
int	election_staff(const struct request *, const json_t *election);
/* The count with each candidate's name, for the sheet and the notice:
 * NULL (and 403 or 500 answered) when the caller may not see it yet. */
json_t	*election_sheet_for(struct request *, struct response *,
	    json_t *election, enum election_phase);

/* ---- rotating seats (seats_*.c) ------------------------------------ */

#define SEAT_TURN_NONE	(-1)

/* One swap: the holders of turns a and b change places.  Plain values;
 * arrays of them are owned by whoever filled them (seat_swaps: the
 * caller frees). */
struct seat_swap {
	int64_t	 turn_a;
	int64_t	 turn_b;
};

/*
 * Who holds each of turns first .. first + n - 1 of a seat rotating among
 * nmembers in order (turn t: member t mod nmembers), after applying the
 * swaps in the order given.  out receives member indexes.  A fixed seat
 * is a rotation of one.
 */
void	seat_schedule(size_t nmembers, const struct seat_swap *, size_t nswaps,
	    int64_t first, size_t n, size_t *out);
/* The first turn after `after` that member holds, or SEAT_TURN_NONE. */
int64_t	seat_next_turn(size_t nmembers, const struct seat_swap *,
	    size_t nswaps, int64_t after, size_t member);

extern const struct choice seat_kinds[];
extern const struct choice seat_rotations[];
extern const struct field_spec seat_fields[];
extern const size_t seat_fields_count;
extern const struct field_spec swap_fields[];
extern const size_t swap_fields_count;

int	seat_target(struct db *, const int64_t *, struct target *);
int	seat_load(struct db *, int64_t id, json_t **out);
json_t	*seat_list(struct db *, int64_t group_id);
int	seat_add(struct db *, int64_t actor, int64_t group_id, json_t *v,
	    int64_t *id);
json_t	*seat_members(struct db *, int64_t seat_id);
/* The swaps as an array (caller frees): 0 or -1. */
int	seat_swaps(struct db *, int64_t seat_id, struct seat_swap **out,
	    size_t *n);
int	seat_swap_add(struct db *, int64_t actor, int64_t seat_id, int64_t a,
	    int64_t b, const char *reason);
/* The schedule of turns from the current one: {turn, date or meeting,
 * holder, label ("Turn 3, from 4 December 2026: Clive")}.  New
 * reference. */
json_t	*seat_schedule_view(struct db *, const json_t *seat, const char *today);
/* The turns before the current one (up to SEAT_HISTORY_TURNS), oldest
 * first, as seat_schedule_view gives them.  New reference. */
json_t	*seat_past_view(struct db *, const json_t *seat, const char *today);
/* The latest SEAT_SWAPS_SHOWN swaps recorded, newest first: {turn_a,
 * turn_b (both 1-based), reason}.  New reference. */
json_t	*seat_swap_list(struct db *, int64_t seat_id);
/* Which turn is on a date (per period) or the turn of the group's next
 * board meeting from today (per meeting). */
int64_t	seat_turn_today(struct db *, const json_t *seat, const char *today);

void	seats_index(struct request *, struct response *);
void	seats_new(struct request *, struct response *);
void	seats_show(struct request *, struct response *);
void	seats_swap(struct request *, struct response *);

#endif
