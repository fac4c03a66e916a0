/*
 * Peer support around the clock: trained supporters on duty per site and
 * unit, requests for a supporter to see someone, the safeguarding
 * hand-on, supporters' own wellbeing, and the measures of the service.
 *
 *   peer_model.c          choices, form tables, shift times and the rota's
 *                         coverage (pure, unit-tested)
 *   rota_store.c          cover needed, shifts, swaps, breaks, who is on
 *   rota_pages.c          the week's rota with its gaps, shifts, swaps,
 *                         who is on now
 *   rota_pdf.c            the rota printed for the wing office
 *   slip_pdf.c            the paper slip a person fills in to ask
 *   requests_store.c      requests: offer, accept, seen, close (a log),
 *                         acknowledge; who may see which
 *   requests_pages.c      their pages
 *   wellbeing_pages.c     debriefs, stepping back, supervision due
 *   measures_pages.c      the measures, suppressed for non-staff
 *
 * Who is a supporter: a person with a current membership as
 * "peer_supporter" who has not left.  A supporter acts through an account
 * linked to their person (accounts.person_id) holding the rep role at the
 * site.  A supporter sees the requests of their site on units they are
 * rostered on within PEER_VISIBLE_DAYS of the request, and those offered
 * to or accepted by them (peer_request_visible, in SQL); staff covering
 * the site see all of the site's.
 *
 * Times: shifts and requests are instants (unix seconds, UTC); local
 * dates and clock times (util/uk_time.h) only at the edges.
 *
 * Store functions run in the caller's transaction and return enum
 * db_result; look-ups <0, 0 or >0 as db.h says.
 */
#ifndef RT_PEER_H
#define RT_PEER_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "../auth/roles.h"
#include "../server/fields.h"
#include "../server/router.h"
#include "../util/catalogue.h"
#include "../util/date.h"

struct db;
struct paging;

/* ---- the rota's arithmetic (peer_model.c) ------------------------------ */

/* The hours of the local day a unit needs cover, and how many on duty. */
struct peer_need {
	int	 from_hour;	/* 0..23 */
	int	 to_hour;	/* 1..24, after from_hour */
	int	 needed;	/* supporters at once */
};

/* One supporter on one shift, as the coverage counts it.  Plain values,
 * no memory owned. */
struct peer_duty {
	int64_t	 starts_at, ends_at;	/* the shift */
	int64_t	 person_id;
	int	 trained;		/* holds a current accredited course */
	int64_t	 away_from;		/* stepped back from here (0: not) */
	int64_t	 away_to;		/* until here (0: until they return) */
	int64_t	 gone_at;		/* left, or the role ended (0: not) */
};

enum peer_hour_state {
	PEER_NOT_NEEDED,	/* outside the unit's hours */
	PEER_COVERED,
	PEER_UNTRAINED,		/* enough on duty, none of them trained */
	PEER_GAP		/* fewer on duty than needed */
};

/* One local hour of the rota: a real hour (the clock-change days have 23
 * or 25 of them). */
struct peer_hour {
	int64_t			 at;	/* its first instant */
	char			 date[DATE_CHARS + 1];	/* local */
	int			 hour;	/* local clock hour, 0..23 */
	int			 on_duty;
	enum peer_hour_state	 state;
};

/* The local days the week of day_count days from first_day holds, hour by
 * hour: at most 25 an hour a day.  Returns how many hours were written
 * (at most max), or -1 when first_day is not a date. */
long	peer_coverage(const char *first_day, int day_count,
	    const struct peer_need *, const struct peer_duty *, size_t n,
	    struct peer_hour *out, size_t max);
/* Does the duty count for the whole hour from at (on shift, not away)? */
int	peer_duty_covers(const struct peer_duty *, int64_t at);
/* A shift from a local date, start and end clock times (minutes after
 * midnight; an end at or before the start is the next day): its instants.
 * enum uk_instant_result: UK_TIME_MISSING when either time does not
 * happen (the clocks go forward over it). */
int	peer_shift_instants(const char *date, int start_min, int end_min,
	    int64_t *starts_at, int64_t *ends_at);
/* "HH:MM" into minutes, -1 when it is not a clock time. */
int	peer_minutes(const char *hhmm);
/* The Monday on or before a valid date. */
void	peer_week_start(const char *date, char out[DATE_CHARS + 1]);
/* The median and the 90th percentile (nearest rank) of n values, sorted
 * in place.  0 for both when n is 0. */
void	peer_percentiles(int64_t *v, size_t n, int64_t *median, int64_t *p90);

/* ---- words and forms (peer_model.c) ------------------------------------ */

extern const struct choice peer_asked_by[];
extern const struct choice peer_urgencies[];
extern const struct choice peer_urgencies_own[];
extern const struct choice peer_outcomes[];
/* A request's state as a page shows it (open, accepted, seen, closed),
 * marked for the catalogue so that | t finds it. */
extern const char *const peer_stored_words[];

extern const struct field_spec peer_cover_fields[];
extern const size_t peer_cover_fields_count;
extern const struct field_spec peer_shift_fields[];
extern const size_t peer_shift_fields_count;
extern const struct field_spec peer_swap_fields[];
extern const size_t peer_swap_fields_count;
extern const struct field_spec peer_request_fields[];
extern const size_t peer_request_fields_count;
extern const struct field_spec peer_close_fields[];
extern const size_t peer_close_fields_count;
extern const struct field_spec peer_step_back_fields[];
extern const size_t peer_step_back_fields_count;

/* Rules across the close form's fields: a safety concern needs the staff
 * member told (name, role, date and time), signposting a service.  0. */
int	peer_close_rules(const json_t *values, json_t *errors);
/* Rules across the shift form: the end differs from the start, repeats
 * within PEER_SHIFT_REPEAT_MAX.  0. */
int	peer_shift_rules(const json_t *values, json_t *errors);
/* The conversation log outcome a request's outcome becomes. */
const char *peer_log_outcome(const char *outcome);

/* ---- the rota (rota_store.c) ------------------------------------------- */

int	peer_shift_target(struct db *, const int64_t *, struct target *);
int	peer_request_target(struct db *, const int64_t *, struct target *);
int	peer_debrief_target(struct db *, const int64_t *, struct target *);

/* The units of a site with their cover rows (null when none), by name. */
json_t	*peer_units(struct db *, int64_t site_id);
int	peer_cover_load(struct db *, int64_t unit_id, json_t **out);
int	peer_cover_save(struct db *, int64_t actor, int64_t unit_id,
	    const json_t *v);
/* Current supporters at a site ({value, label}), for the shift and swap
 * forms. */
json_t	*peer_supporter_options(struct db *, int64_t site_id,
	    const char *today);
/* Is the person a current supporter at the site?  >0 yes, 0 no, <0. */
int	peer_is_supporter(struct db *, int64_t person_id, int64_t site_id,
	    const char *today);
int	peer_shift_add(struct db *, int64_t actor, int64_t site_id,
	    int64_t unit_id, int64_t person_id, int64_t starts_at,
	    int64_t ends_at, int64_t *id);
int	peer_shift_load(struct db *, int64_t id, json_t **out);
/* Gives the shift to another supporter, keeping the swap.  DB_CONSTRAINT
 * when to_person already holds it. */
int	peer_shift_swap(struct db *, int64_t actor, int64_t id,
	    int64_t to_person, int64_t now);
/* Every duty on the unit overlapping [from, to), with training and time
 * away worked out.  *out is malloc'd (caller frees); DB result. */
int	peer_duties(struct db *, int64_t unit_id, int64_t from, int64_t to,
	    struct peer_duty **out, size_t *n);
/* The shifts on a site's unit overlapping [from, to), with names. */
json_t	*peer_shifts_between(struct db *, int64_t unit_id, int64_t from,
	    int64_t to);
/* Who is on duty at instant now at the site (not stepped back or gone):
 * rows {unit_id, unit_name, person_id, display_name, ends_at}. */
json_t	*peer_on_now(struct db *, int64_t site_id, int64_t now,
	    const char *today);
/* Offers the request to every supporter on duty on the unit at now (not
 * stepped back, still a supporter on today). */
int	peer_offer_on_duty(struct db *, int64_t request_id, int64_t unit_id,
	    int64_t now, const char *today);
/* Steps back from from_on (until to_on, or NULL: until they return). */
int	peer_step_back(struct db *, int64_t actor, int64_t person_id,
	    const char *from_on, const char *to_on);
/* Ends an open-ended or later break: back from today. */
int	peer_step_return(struct db *, int64_t actor, int64_t person_id,
	    const char *today);
/* The break in force on today, or 0. */
int	peer_break_current(struct db *, int64_t person_id, const char *today,
	    json_t **out);

/* ---- requests (requests_store.c) --------------------------------------- */

/* Stores the request and offers it to the supporters on duty on its unit
 * now.  v holds unit_id, asked_by, urgency, about. */
int	peer_request_add(struct db *, int64_t actor, int64_t site_id,
	    const json_t *v, int64_t now, const char *today, int64_t *id);
int	peer_request_load(struct db *, int64_t id, json_t **out);
/* May this supporter (person) see the request?  >0, 0, <0. */
int	peer_request_visible(struct db *, int64_t request_id, int64_t person);
/* One page of the site's requests, newest first: all of them for staff
 * (person 0), else those the supporter person may see. */
json_t	*peer_request_list(struct db *, int64_t site_id, int64_t person,
	    int open_only, const struct paging *);
/* Moves on; DB_CONSTRAINT when the request is not in the state to. */
int	peer_request_accept(struct db *, int64_t actor, int64_t id,
	    int64_t person, int64_t now);
int	peer_request_seen(struct db *, int64_t actor, int64_t id, int64_t now);
/* Closes with the outcome in v, writing the conversation log (authored by
 * actor) in the same transaction. */
int	peer_request_close(struct db *, int64_t actor, int64_t id,
	    const json_t *request, const json_t *v, int64_t now);
int	peer_request_acknowledge(struct db *, int64_t actor, int64_t id,
	    int64_t now);
/* Safety concerns not yet acknowledged at the sites in the filter. */
json_t	*peer_concerns_waiting(struct db *, const struct scope_filter *);
int	peer_debrief_ask(struct db *, int64_t actor, int64_t person,
	    int64_t site_id, int64_t request_id, int64_t now);
int	peer_debrief_done(struct db *, int64_t actor, int64_t id,
	    const char *today);
json_t	*peer_debriefs_open(struct db *, int64_t site_id);
/* Measures over [from, to): rows of the requests asked in it. */
json_t	*peer_request_facts(struct db *, int64_t site_id, int64_t from,
	    int64_t to);

/* ---- pages ------------------------------------------------------------- */

/* The rota of a site for PEER_WEEK_DAYS local days from first_day: per
 * unit that needs cover, per day, its shifts and its gaps (hours with
 * fewer on duty than needed, or no trained supporter), and the hours
 * needed and covered.  Shared by the page and the PDF.  New reference,
 * or NULL on a database error or a bad date. */
struct catalogue;
json_t	*peer_rota_view(struct db *, int64_t site_id, const char *first_day,
	    const struct catalogue *);

/* Adds "peer_concerns" (safety concerns waiting for staff) to the home
 * view of staff. */
void	peer_home_add(struct request *, json_t *view);

void	peer_rota(struct request *, struct response *);
void	peer_rota_pdf(struct request *, struct response *);
void	peer_slip_pdf(struct request *, struct response *);
void	peer_now(struct request *, struct response *);
void	peer_cover_edit(struct request *, struct response *);
void	peer_shift_new(struct request *, struct response *);
void	peer_shift_swap_page(struct request *, struct response *);
void	peer_requests_index(struct request *, struct response *);
void	peer_request_new(struct request *, struct response *);
void	peer_request_show(struct request *, struct response *);
void	peer_request_accept_page(struct request *, struct response *);
void	peer_request_seen_page(struct request *, struct response *);
void	peer_request_close_page(struct request *, struct response *);
void	peer_request_acknowledge_page(struct request *, struct response *);
void	peer_request_debrief_page(struct request *, struct response *);
void	peer_wellbeing(struct request *, struct response *);
void	peer_debrief_done_page(struct request *, struct response *);
void	peer_step_back_page(struct request *, struct response *);
void	peer_step_return_page(struct request *, struct response *);
void	peer_measures(struct request *, struct response *);

#endif
