/*
 * The membership lifecycle: recruitment and succession, training and
 * supervision, leaving well, and volunteers' expenses.  "The structure
 * must be greater than any one of its members": people are found,
 * checked, inducted and trained; they shadow whoever is leaving; and
 * when they go, their promises are handed on and they are thanked.
 *
 *   pipeline_model.c    the recruitment state machine and its form tables
 *   pipeline_store.c    recruits, posts (vacancies), shadowing, leaving soon
 *   pipeline_pages.c    a group's pipeline and its forms
 *   training_model.c    course, session, completion and supervision forms;
 *                       renewal and supervision due dates
 *   training_store.c    courses, sessions, completions, the matrix
 *   training_pages.c    training pages and certificates (PDF)
 *   supervision_store.c one-to-one supervision (notes filtered in SQL)
 *   supervision_pages.c supervision logs and the overdue list
 *   leaving_pages.c     expected leaving date, the thank-you letter
 *   expenses_model.c    money in pence, kinds, CSV cell neutralising
 *   expenses_store.c    claims, receipts, the decision and payment
 *   expenses_pages.c    claiming, deciding, paying, receipts
 *   expenses_export.c   the finance export: CSV and XLSX
 *
 * Store functions run in the caller's transaction, take checked values
 * and return enum db_result; look-ups return <0, 0 or >0 as db.h says.
 * Every write appends to the audit chain.
 */
#ifndef RT_MEMBERSHIP_H
#define RT_MEMBERSHIP_H

#include <jansson.h>
#include <stdint.h>

#include "../auth/roles.h"
#include "../server/fields.h"
#include "../server/paging.h"
#include "../server/router.h"
#include "../util/csv.h"
#include "../util/buf.h"
#include "../util/date.h"

struct db;
struct catalogue;

/* ---- recruitment ------------------------------------------------------ */

enum recruit_stage {
	RS_REFERRED,	/* by staff, or they asked themselves */
	RS_APPLIED,
	RS_CHECKED,	/* staff recorded clearance: cleared, with a date */
	RS_INDUCTED,
	RS_TRAINED,
	RS_ACTIVE,	/* holds the position: a membership was made */
	RS_LEFT,	/* ends here; the history stays */
	RS__MAX
};

enum recruit_event {
	RE_APPLY,
	RE_CHECK,
	RE_INDUCT,
	RE_TRAIN,
	RE_ACTIVATE,
	RE_LEAVE,
	RE__MAX
};

extern const char *const recruit_stage_names[RS__MAX];
extern const char *const recruit_stage_labels[RS__MAX];
extern const char *const recruit_event_names[RE__MAX];
extern const struct choice recruit_events[];	/* for the move form */
extern const struct choice clearance_statuses[];
extern const struct choice expected_leave_reasons[];
extern const struct choice referrers[];	/* who put a recruit forward */

/* The stage after event, or -1 when the event is not allowed there. */
int	recruit_next(enum recruit_stage, enum recruit_event);
int	recruit_stage_parse(const char *);	/* enum or -1 */
int	recruit_event_parse(const char *);	/* enum or -1 */
/* Whether the event may record a clearance status (check and leave
 * only), and whether the recruit must be cleared for it, counting what
 * it records (check, induct, train, activate). */
int	recruit_event_records_clearance(enum recruit_event);
int	recruit_event_needs_cleared(enum recruit_event);
/* Checks a move's values against the rules beyond the machine, held
 * being the recruit's recorded clearance (or NULL): "check" needs
 * clearance "cleared" with its date (not after today: the field table);
 * only check and leave may record a status; induct, train and activate
 * need held "cleared".  Adds errors. */
void	recruit_move_rules(const json_t *values, const char *held,
	    json_t *errors);

extern const struct field_spec recruit_fields[];
extern const size_t recruit_fields_count;
extern const struct field_spec recruit_move_fields[];
extern const size_t recruit_move_fields_count;
extern const struct field_spec post_fields[];
extern const size_t post_fields_count;
extern const struct field_spec shadow_fields[];
extern const size_t shadow_fields_count;
extern const struct field_spec expected_leave_fields[];
extern const size_t expected_leave_fields_count;

int	recruit_target(struct db *, const int64_t *, struct target *);
int	shadow_target(struct db *, const int64_t *, struct target *);
int	recruit_add(struct db *, int64_t actor, int64_t group_id, json_t *v,
	    const char *today, int64_t *id);
int	recruit_load(struct db *, int64_t id, json_t **out);
/* Moves by event; RE_ACTIVATE also makes the membership (none when they
 * already hold a role in the group), RE_LEAVE from active ends the one it
 * made.  Only check and leave write v's clearance.  DB_CONSTRAINT when the
 * machine refuses it, someone moved it first, or the step needs someone
 * cleared and they are not. */
int	recruit_move(struct db *, int64_t actor, int64_t id,
	    enum recruit_event, json_t *v, const char *today);
/* Every recruit of the group with days in its current stage. */
json_t	*recruit_list(struct db *, int64_t group_id, const char *today);
/* Per stage: recruits who reached it, average and longest whole days
 * spent there (a stage still open counts up to today). */
json_t	*stage_times(struct db *, int64_t group_id, const char *today);
/* Positions with places wanted, held, and vacant. */
json_t	*post_list(struct db *, int64_t group_id);
int	post_save(struct db *, int64_t actor, int64_t group_id, json_t *v);
/* Current members expected to leave within days of today. */
json_t	*leaving_soon(struct db *, int64_t group_id, const char *today,
	    int days);
json_t	*shadow_list(struct db *, int64_t group_id);
int	shadow_add(struct db *, int64_t actor, int64_t group_id, json_t *v,
	    int64_t *id);
/* Ends a pairing; *group_id receives its group. */
int	shadow_end(struct db *, int64_t actor, int64_t id, const char *today,
	    int64_t *group_id);
/* Who may learn: the group's current members and open recruits. */
json_t	*shadow_learner_options(struct db *, int64_t group_id);
/* People at the group's site not in the group and not in its pipeline. */
json_t	*recruit_person_options(struct db *, int64_t group_id);
/* A person with their expected and actual leaving, site and
 * organisation names: <0, 0, >0. */
int	person_leaving_load(struct db *, int64_t id, json_t **out);
int	expected_leave_save(struct db *, int64_t actor, int64_t person_id,
	    json_t *v);
/* Someone left (people_leave): their pipeline places move to "left" and
 * their shadowing ends, on the date they left. */
int	pipeline_person_left(struct db *, int64_t actor, int64_t person_id,
	    const char *left_on);

/* ---- training --------------------------------------------------------- */

extern const struct field_spec course_fields[];
extern const size_t course_fields_count;
extern const struct field_spec session_fields[];
extern const size_t session_fields_count;
extern const struct field_spec completion_fields[];
extern const size_t completion_fields_count;
extern const struct field_spec supervision_fields[];
extern const size_t supervision_fields_count;

/* The renewal date of a completion: months after completed_on (month
 * ends clamped), or "" when the course does not expire (months 0). */
void	training_renew_on(const char *completed_on, int months,
	    char out[DATE_CHARS + 1]);
/* The next supervision: months after held_on, month ends clamped. */
void	supervision_next_due(const char *held_on, int months,
	    char out[DATE_CHARS + 1]);
/* 0 when due_on is today or later, else the whole days overdue. */
long	supervision_days_overdue(const char *due_on, const char *today);

int	session_target(struct db *, const int64_t *, struct target *);
int	completion_target(struct db *, const int64_t *, struct target *);
json_t	*course_list(struct db *);
json_t	*course_options(struct db *);
int	course_add(struct db *, int64_t actor, json_t *v, int64_t *id);
int	session_add(struct db *, int64_t actor, int64_t site_id, json_t *v,
	    int64_t *id);
int	session_load(struct db *, int64_t id, json_t **out);
json_t	*session_list(struct db *, int64_t site_id);
json_t	*session_completions(struct db *, int64_t session_id);
/* session_id 0: a completion recorded outside a session (course_id in
 * v); otherwise the session's course. */
int	completion_add(struct db *, int64_t actor, int64_t person_id,
	    int64_t session_id, json_t *v, int64_t *id);
int	completion_load(struct db *, int64_t id, json_t **out);
json_t	*person_completions(struct db *, int64_t person_id, const char *today);
/* People at the site (current) × courses: {courses, people[{cells}]}. */
/* One page of the site's people (by name) against every current course. */
json_t	*training_matrix(struct db *, int64_t site_id, const char *today,
	    const struct paging *);
/* Current people at the site, for selects. */
json_t	*site_people_options(struct db *, int64_t site_id);

/* ---- supervision ------------------------------------------------------ */

/* The log of one person.  Notes are returned only when viewer is the
 * supervisor of that row or coordinator is set (filtered in SQL). */
json_t	*supervision_list(struct db *, int64_t person_id, int64_t viewer,
	    int coordinator);
int	supervision_add(struct db *, int64_t actor, int64_t person_id,
	    json_t *v);
/* Current group members at the caller's sites whose supervision is due
 * before today (or was never held), oldest first, one page. */
json_t	*supervision_overdue(struct db *, const struct scope_filter *,
	    const char *today, const struct paging *);
/* Accounts that may supervise at the site: staff covering it. */
json_t	*supervisor_options(struct db *, int64_t site_id);

/* ---- expenses --------------------------------------------------------- */

extern const struct choice expense_kinds[];
extern const struct choice expense_states[];
extern const struct field_spec expense_fields[];
extern const size_t expense_fields_count;
extern const struct field_spec expense_decision_fields[];
extern const size_t expense_decision_fields_count;

/* "12.50", "12", "£3.05" into pence; -1 when not money or above max. */
int64_t	money_parse_pence(const char *, int64_t max);
/* 1250 into "12.50". */
void	money_format(int64_t pence, char *out, size_t size);
/* Adds the words a person reads to each claim row: "amount" in pounds,
 * "kind_label" and "state_label" ("Travel", "Paid"). */
void	expense_labels(json_t *rows);

int	expense_target(struct db *, const int64_t *, struct target *);
/* {value, label} of the meetings a claim may name, for the form, their
 * dates in the language of reader (NULL: English). */
json_t	*expense_meeting_options(struct db *, const struct scope_filter *,
	    const char *today, const struct catalogue *reader);
/* The group of a meeting, or 0 when there is none. */
int64_t	 expense_meeting_group(struct db *, int64_t meeting_id);
/* A claim by claimant with the same kind, date and amount that was not
 * rejected: db_int's <0, 0 (none) or >0 with *id set. */
int	expense_duplicate(struct db *, int64_t claimant, const char *kind,
	    const char *incurred_on, int64_t pence, int64_t *id);
int	expense_add(struct db *, int64_t actor, json_t *v, int64_t pence,
	    const char *mime, const char *ext, const void *receipt,
	    size_t len, const char *today, int64_t *id);
int	expense_load(struct db *, int64_t id, json_t **out);
/* Claims of one claimant (own != 0), or those at the filter's sites. */
/* One page of claims, newest first: the account own's, or (own 0) those
 * in the scope, of one state or (NULL) all. */
json_t	*expense_list(struct db *, const struct scope_filter *, int64_t own,
	    const char *state, const struct paging *);
int	expense_decide(struct db *, int64_t actor, int64_t id, json_t *v,
	    const char *today);
int	expense_paid(struct db *, int64_t actor, int64_t id, const char *today);
int	expense_receipt(struct db *, int64_t id, struct buf *out, char **mime,
	    char **ext);
/* Approved and paid claims at the filter's sites for finance. */
json_t	*expense_export_rows(struct db *, const struct scope_filter *);
/* The rows as CSV (header first) into out, the headers in the language
 * of words (NULL: English; util/catalogue.h): 0 or -1. */
int	expenses_csv(const json_t *rows, const struct catalogue *words,
	    struct buf *out);
/* The rows as an XLSX workbook into out, as expenses_csv: 0 or -1. */
int	expenses_xlsx(const json_t *rows, const struct catalogue *words,
	    struct buf *out);

/* ---- handlers (route table) ------------------------------------------- */

void	pipeline_index(struct request *, struct response *);
void	pipeline_new(struct request *, struct response *);
void	pipeline_move(struct request *, struct response *);
void	pipeline_posts(struct request *, struct response *);
void	pipeline_shadow_new(struct request *, struct response *);
void	pipeline_shadow_end(struct request *, struct response *);
void	training_courses(struct request *, struct response *);
void	training_course_new(struct request *, struct response *);
void	training_site(struct request *, struct response *);
void	training_session_new(struct request *, struct response *);
void	training_session_show(struct request *, struct response *);
void	training_session_complete(struct request *, struct response *);
void	training_person(struct request *, struct response *);
void	training_person_complete(struct request *, struct response *);
void	training_certificate(struct request *, struct response *);
void	training_session_certificates(struct request *, struct response *);
void	supervision_person(struct request *, struct response *);
void	supervision_new(struct request *, struct response *);
void	supervision_mine(struct request *, struct response *);
void	supervision_overdue_index(struct request *, struct response *);
void	leaving_expected(struct request *, struct response *);
void	leaving_letter(struct request *, struct response *);
void	expenses_index(struct request *, struct response *);
void	expenses_new(struct request *, struct response *);
void	expenses_show(struct request *, struct response *);
void	expenses_decide(struct request *, struct response *);
void	expenses_mark_paid(struct request *, struct response *);
void	expenses_receipt_get(struct request *, struct response *);
void	expenses_export_csv(struct request *, struct response *);
void	expenses_export_xlsx(struct request *, struct response *);

#endif
