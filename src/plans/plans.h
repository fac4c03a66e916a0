/*
 * Personal plans: one person's voice, with the accountability groups
 * have.  A plan is made with a named worker: the blue life (the life
 * they want) and orange life (the life they have) in their words, by
 * area, and the steps between.  Wishes go to a named responder with a
 * deadline and get an answer with reasons, escalating when overdue (the
 * proposals' deadline and escalation rule, proposal_escalation).  A
 * release plan links each need to a directory service; each referral
 * follows the service's procedure as a checklist and is tracked to the
 * first appointment attended, escalating before the release date.
 *
 *   plans_model.c       choices, form tables, the reading rule, answers
 *   plans_store.c       SQL: plans, cards, steps, wishes, declarations
 *   release_store.c     SQL: release plans, referrals, the provision map
 *   plans_access.c      who reads a plan, and the audited open
 *   plans_pages.c       the plan, its cards and steps, the sign-off
 *   wishes_pages.c      wishes, answers, what awaits, what is overdue
 *   release_pages.c     the release plan, referrals and their progress
 *   plan_pdf.c          the printed plan (A4, large print)
 *   provision_pages.c   the map of provision and its CSV; service needs
 *   declarations_pages.c  treating relationships declared in a group
 *
 * Privacy: a plan is read by the person, their named worker and
 * coordinators covering their site (or the site they are released to),
 * never by anyone who declared treating them in a group.  Every read by
 * anyone but the person is audited (routes flagged ROUTE_AUDITED_READ
 * run in a write transaction for it).  Nothing from a plan is shown
 * anywhere else except as suppressed counts.
 */
#ifndef RT_PLANS_H
#define RT_PLANS_H

#include <jansson.h>
#include <stdint.h>

#include "../auth/roles.h"
#include "../server/fields.h"
#include "../server/paging.h"
#include "../server/router.h"
#include "../util/must_check.h"

struct db;

extern const struct choice plan_lives[];
extern const struct choice plan_areas[];
extern const struct choice worker_kinds[];
extern const struct choice wish_abouts[];
extern const struct choice wish_answers[];
extern const struct choice plan_needs[];
extern const struct choice referral_stages[];

extern const struct field_spec plan_start_fields[];
extern const size_t plan_start_fields_count;
extern const struct field_spec plan_card_fields[];
extern const size_t plan_card_fields_count;
extern const struct field_spec plan_step_fields[];
extern const size_t plan_step_fields_count;
extern const struct field_spec wish_fields[];
extern const size_t wish_fields_count;
extern const struct field_spec wish_answer_fields[];
extern const size_t wish_answer_fields_count;
extern const struct field_spec release_fields[];
extern const size_t release_fields_count;
extern const struct field_spec referral_progress_fields[];
extern const size_t referral_progress_fields_count;
extern const struct field_spec declaration_fields[];
extern const size_t declaration_fields_count;

/* Why someone may read a plan; PLAN_NOBODY refuses. */
enum plan_reader {
	PLAN_NOBODY,
	PLAN_PERSON,		/* their own: not audited */
	PLAN_WORKER,		/* the named worker */
	PLAN_COORDINATOR	/* a coordinator covering their site */
};

/* The facts the reading rule needs about one reader and one person. */
struct plan_facts {
	int	 is_person;	/* the reader's account is the person's */
	int	 is_worker;	/* named worker of the plan */
	int	 coordinator;	/* a coordinator grant covers the person's
				   site or the site they are released to */
	int	 declared;	/* declared treating them in a group */
};

/* The rule, pure: the person always; anyone who declared treating them
 * never; then the named worker, then a coordinator. */
enum plan_reader plan_reader_rule(const struct plan_facts *);

/* Checks a wish's answer: a reason for anything but "agreed", a review
 * date after today for "needs review".  Adds errors. */
void	wish_answer_rules(const json_t *values, const char *today,
	    json_t *errors);
/* The referral's stage from its dates: "made", "acknowledged", "offered"
 * or "attended". */
const char *referral_stage(const json_t *referral);
/* The day an unacknowledged referral is due to be acknowledged: the
 * release date less REFERRAL_ACK_LEAD_DAYS. */
void	referral_ack_due(const char *release_on, char out[11]);
/* The steps of a standard referral procedure: one per non-blank line of
 * the directory's "How to refer", trimmed.  New reference. */
json_t	*referral_checklist(const char *procedure);
/* Adds *_label keys for the choice columns of a row (life, area,
 * worker_kind, about, answer, need), in place. */
void	plans_labels(json_t *row);
void	plans_labels_all(json_t *rows);

/* Access targets: the person's site, for a wish and a referral. */
int	wish_target(struct db *, const int64_t *, struct target *);
int	referral_target(struct db *, const int64_t *, struct target *);

/*
 * Who the principal reads person_id's plan as (plans_access.c).  <0 on
 * error, else enum plan_reader.
 */
int	plan_reader_of(struct db *, const struct principal *,
	    int64_t person_id);
/*
 * For a page about one person's plan (the path's first id is the
 * person): loads the person (404), decides the reader (403 for nobody)
 * and audits the read ("plan.read", what) unless the reader is the
 * person.  Returns the person (new reference) and sets *reader, or NULL
 * having answered rs.
 */
json_t	*plan_open(struct request *, struct response *, int64_t person_id,
	    const char *what, enum plan_reader *reader);

/* Records that the caller read person_id's plan (what: the page): 1, or
 * 0 having answered 503 (the read is not shown unrecorded). */
int	plan_read_recorded(struct request *, struct response *,
	    int64_t person_id, const char *what);
/* 1 when the caller may change person_id's plan (their named worker or
 * a coordinator covering their site), the form's showing recorded as a
 * read on a GET; else 0 having answered 403 (500, 503). */
int	plan_writer(struct request *, struct response *, int64_t person_id);

/*
 * A write to one person's plan from a form: the store call (every one
 * takes the actor, the person, the checked values, today and now), the
 * field and message for a DB_CONSTRAINT, and where to go after.
 */
typedef int	(*plan_write_fn)(struct db *, int64_t actor, int64_t person_id,
		    json_t *v, const char *today, const char *now);
struct plan_write {
	plan_write_fn	 write;
	const char	*field;		/* named on DB_CONSTRAINT */
	const char	*conflict;
};
/* A form_save for plan forms: ctx is a const struct plan_write; the path's
 * first id is the person; redirects to their plan. */
int	plan_form_save(struct request *, json_t *values, json_t *errors,
	    void *ctx, char **location);

/* Store (plans_store.c).  Writers audit; look-ups <0, 0, >0. */
/* One row of sql (binding id) with its choice labels added. */
int	plans_row_load(struct db *, const char *sql, int64_t id, json_t **out);
int	plan_load(struct db *, int64_t person_id, json_t **out);
MUST_CHECK int	plan_start(struct db *, int64_t actor, int64_t person_id,
	    json_t *v, const char *today, const char *now);
MUST_CHECK int	plan_card_add(struct db *, int64_t actor, int64_t person_id,
	    json_t *v, const char *today, const char *now);
MUST_CHECK int	plan_step_add(struct db *, int64_t actor, int64_t person_id,
	    json_t *v, const char *today, const char *now);
/* The person confirms the plan says what they meant.  DB_CONSTRAINT
 * when they have no plan. */
MUST_CHECK int	plan_confirm(struct db *, int64_t actor, int64_t person_id,
	    const char *now);
json_t	*plan_cards(struct db *, int64_t person_id);
json_t	*plan_steps(struct db *, int64_t person_id);
json_t	*plan_wishes(struct db *, int64_t person_id);
/* Accounts that may be someone's named worker at the site: active,
 * holding a coordinator, rep or member grant that reaches it, not the
 * person's own and not one who declared treating them. */
json_t	*worker_options(struct db *, int64_t site_id, int64_t person_id);
/* The people whose named worker the account is: [{person_id,
 * display_name}], by name, at most LIST_ROWS_MAX. */
json_t	*plans_of_worker(struct db *, int64_t account_id);
/* Who may answer a person's wishes: decision makers covering the site. */
json_t	*responder_options(struct db *, int64_t site_id);
MUST_CHECK int	wish_add(struct db *, int64_t actor, int64_t person_id,
	    json_t *v, const char *today, const char *now);
int	wish_load(struct db *, int64_t id, json_t **out);
/* DB_CONSTRAINT when the wish is not awaiting an answer. */
MUST_CHECK int	wish_answer(struct db *, int64_t actor, int64_t id, json_t *v,
	    const char *today, const char *now);
/* SQL for a wish w awaiting its answer on the day ?N: unanswered, or
 * "needs review" whose review date has come (due_on moved to it). */
#define WISH_AWAITING_SQL(today) \
    "(w.answer IS NULL OR w.answer = 'needs_review' AND w.due_on <= " \
    today ")"
/* One page of wishes awaiting the responder, the oldest due first. */
json_t	*wishes_awaiting(struct db *, int64_t responder, const char *today,
	    const struct paging *);
/* One page of wishes past their date at the filter's sites (no text),
 * leaving out people the reader declared treating. */
json_t	*wishes_overdue(struct db *, const struct scope_filter *,
	    int64_t reader, const char *today, const struct paging *);
MUST_CHECK int	declaration_add(struct db *, int64_t actor, int64_t group_id,
	    int64_t person_id, const char *today);
json_t	*declaration_list(struct db *, int64_t group_id);

/* Store (release_store.c). */
int	release_load(struct db *, int64_t person_id, json_t **out);
MUST_CHECK int	release_save(struct db *, int64_t actor, int64_t person_id,
	    json_t *v, const char *today, const char *now);
json_t	*referral_list(struct db *, int64_t person_id);
int	referral_load(struct db *, int64_t id, json_t **out);
/* Services meeting a need that serve the site, {value, label, referral}. */
json_t	*need_services(struct db *, const char *need, int64_t site_id);
MUST_CHECK int	referral_add(struct db *, int64_t actor, int64_t person_id,
	    const char *need, int64_t service_id, const char *procedure,
	    const char *made_on, const char *now);
/* Records a stage (acknowledged, offered, attended) on a date; the
 * stage before it must be recorded: DB_CONSTRAINT otherwise. */
MUST_CHECK int	referral_progress(struct db *, int64_t actor, int64_t id,
	    const char *stage, const char *on, const char *now);
/* One page of unacknowledged referrals whose acknowledgement is due
 * (REFERRAL_ACK_LEAD_DAYS before release) at the filter's sites. */
json_t	*referrals_escalating(struct db *, const struct scope_filter *,
	    int64_t reader, const char *today, const struct paging *);
/* Per open site of the filter (probation region or other), by name after
 * the cursor (after_id 0: from the first), at most places of them; per
 * need: how many services meet it there, and the referrals to that place
 * by the stage they are at.  Rows of {site_id, site_name, need,
 * services, waiting, acknowledged, offered, attended}, a site's needs
 * together in plan_needs order. */
json_t	*provision_rows(struct db *, const struct scope_filter *,
	    int64_t after_id, const char *after_key, int places);
json_t	*service_need_list(struct db *, int64_t service_id);
MUST_CHECK int	service_needs_save(struct db *, int64_t actor,
	    int64_t service_id, const json_t *needs);

/* The plan's whole view: person, plan, cards by life, steps, wishes,
 * release plan and referrals.  New reference or NULL. */
json_t	*plan_view(struct db *, json_t *person, const char *today);

/* Pages. */
void	plan_show(struct request *, struct response *);
void	plan_mine(struct request *, struct response *);
void	plan_confirm_mine(struct request *, struct response *);
void	plan_pdf(struct request *, struct response *);
void	plan_pdf_mine(struct request *, struct response *);
void	plan_start_page(struct request *, struct response *);
void	plan_card_new(struct request *, struct response *);
void	plan_step_new(struct request *, struct response *);
void	wish_new(struct request *, struct response *);
void	wish_answer_page(struct request *, struct response *);
void	wishes_awaiting_page(struct request *, struct response *);
void	plans_overdue_page(struct request *, struct response *);
void	release_page(struct request *, struct response *);
void	referral_new(struct request *, struct response *);
void	referral_progress_page(struct request *, struct response *);
void	provision_page(struct request *, struct response *);
void	provision_csv(struct request *, struct response *);
void	service_needs_page(struct request *, struct response *);
void	declaration_new(struct request *, struct response *);
void	declarations_index(struct request *, struct response *);

#endif
