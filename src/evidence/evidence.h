/*
 * Evidence that involvement works (issue 16): the eight published
 * criteria of good practice (docs/ARCHITECTURE.md, "Evidence"), measured
 * per group, per site and for the organisation, every figure through the
 * shared small-number suppression.
 *
 *   evidence_model.c    criteria, verdicts, months, shares (pure)
 *   evidence_words.c    the sentences made of figures, in the reader's
 *                       language (pure)
 *   evidence_store.c    SQL: the measures by month, members and the
 *                       population side by side, strategy, activity,
 *                       targets, the member's own monitoring record
 *   evidence_figures.c  a page's figures and their equations, suppressed
 *                       together (over util/suppression.c)
 *   evidence_build.c    the one builder: a scope and a period into the
 *                       view every page, the PDF and the XLSX draw
 *   evidence_pages.c    the dashboards at three scopes
 *   evidence_forms.c    population, the member's monitoring record,
 *                       strategy and objectives, activity, targets
 *   evidence_report.c   the annual report: PDF and XLSX
 */
#ifndef RT_EVIDENCE_H
#define RT_EVIDENCE_H

#include <jansson.h>
#include <stdint.h>

#include "../limits.h"
#include "../server/fields.h"
#include "../server/router.h"
#include "../util/date.h"
#include "../util/must_check.h"
#include "../util/suppression.h"

struct catalogue;
struct db;

/* ---- the criteria (evidence_model.c) ---------------------------------- */

enum evidence_criterion {
	EV_REPRESENTATIVE,
	EV_PROCEDURES,
	EV_SUPPORT,
	EV_STRATEGY,
	EV_PERCEPTIONS,
	EV_TRUST,
	EV_TRAINING,
	EV_MONITORING,
	EV__MAX
};

struct evidence_criterion_def {
	const char	*key;		/* "procedures": evidence_targets */
	const char	*title;		/* "Good procedures" */
	const char	*question;	/* what it asks, in plain words */
	int		 lower_is_better;	/* a gap, not a share */
};
extern const struct evidence_criterion_def evidence_criteria[EV__MAX];

enum evidence_verdict {
	VERDICT_NONE,		/* nothing shown to judge by */
	VERDICT_MET,
	VERDICT_WATCH,		/* within EVIDENCE_WATCH_POINTS of the target */
	VERDICT_NOT_MET,
	VERDICT__MAX
};
extern const char *const evidence_verdict_keys[VERDICT__MAX];	/* "met" */
extern const char *const evidence_verdict_words[VERDICT__MAX];	/* "Met" */

/* The verdict on figure (a whole per cent, or a gap in points; -1: none)
 * against target. */
enum evidence_verdict evidence_verdict(int figure, int target,
	    int lower_is_better);
/* part of whole as a whole per cent, rounded half up; -1 when whole is
 * not above 0. */
int	evidence_percent(int64_t part, int64_t whole);
/* The median of a histogram [{days, n}] sorted by days, in whole days
 * (the mean of the middle two, rounded half up, for an even count); -1
 * when it counts fewer than at_least (or no) answers. */
int	evidence_median_days(const json_t *histogram, int64_t at_least);
/* The months of a period, oldest first, as "YYYY-MM" into months (room
 * for EVIDENCE_MONTHS_MAX): from's month to to's month.  Their number,
 * or -1 when the dates are not valid, to is before from, or the period
 * is longer than EVIDENCE_MONTHS_MAX months. */
int	evidence_months(const char *from, const char *to,
	    char months[][8]);
/* The last day of month ("2026-02" -> "2026-02-28"), or of to when to
 * falls within it (a snapshot is never taken after the period). */
void	evidence_month_end(const char *month, const char *to,
	    char out[DATE_CHARS + 1]);
/* ---- the words (evidence_words.c) -------------------------------------
 * Each in the language of words (the reader's catalogue; NULL: English,
 * as the JSON gives them). */

/* msgid with its {name}s from ctx (borrowed): malloc'd, or NULL. */
char	*evidence_say(const char *msgid, json_t *ctx,
	    const struct catalogue *words);
/* "November 2026", "Tachwedd 2026". */
void	evidence_month_words(const char *month, const struct catalogue *words,
	    char *out, size_t sz);
/* A point {part, whole, percent} as shown: "8 of 10 (80%)", "fewer than
 * 5 of 12 (too few to show a share)", "none in this period". */
void	evidence_point_words(const json_t *point,
	    const struct catalogue *words, char *out, size_t sz);
/* Why a measure has no months listed: none at all, or too few. */
const char *evidence_months_note(int none, const struct catalogue *words);
/* "12 days", "2 ddiwrnod". */
void	evidence_median_words(int days, const struct catalogue *words,
	    char *out, size_t sz);
/* A criterion's figure: "80%", or a gap "18 points". */
void	evidence_figure_words(int figure, int lower_is_better,
	    const struct catalogue *words, char *out, size_t sz);
/* Whose target stands, set_by "site" or "group": "the site's own"; NULL
 * for the organisation's. */
const char *evidence_target_by(const char *set_by,
	    const struct catalogue *words);
/* The target as the page says it: "80%", "at most 10 points", "60%, the
 * site's own". */
void	evidence_target_words(int target, int lower_is_better,
	    const char *set_by, const struct catalogue *words, char *out,
	    size_t sz);

/* A category whose share of the population and of the members differ. */
struct evidence_gap {
	const char	*item;		/* "age", "race", "unit" */
	const char	*label;		/* the item's label, a message */
	const char	*answer;	/* a message ("White"), or a unit's
					   name */
	int		 population, members;	/* whole per cents */
	const char	*site;		/* a site's page: its name */
	const char	*group;		/* a group's page: its name */
};

/* The gap as a sentence ("People aged 50 to 64 are 18% of the site and
 * 5% of Over-50s Forum."): of the site and the group on a group's page,
 * of the site and its members on a site's (site set, group NULL), of the
 * population served and its members on the organisation's (both NULL).
 * malloc'd, or NULL when the shares are within EVIDENCE_GAP_POINTS of
 * each other. */
char	*evidence_gap_sentence(const struct evidence_gap *,
	    const struct catalogue *words);

/* ---- a page's figures, suppressed together (evidence_figures.c) ------- */

/*
 * Every count a page shows is added here with where it goes in the view
 * (an object and a key); lines say which add up to which.  figures_run()
 * suppresses them as one page and writes each into its object as the
 * number or "fewer than N" / "hidden".  Owns page and refs (not the
 * objects, which the view owns); figures_release() frees them.
 */
struct figure_ref {
	json_t		*obj;		/* borrowed: part of the view */
	char		 key[24];	/* "" for a count used only in lines */
};

struct figures {
	struct suppress_page	 page;
	struct figure_ref	*refs;
	size_t			 cap;
	int			 failed;	/* sticky: out of memory */
};

void	figures_init(struct figures *);
void	figures_release(struct figures *);
/* Adds a count shown at obj[key] (obj NULL: in lines only).  Its index;
 * errors are sticky (figures_run then fails). */
size_t	figures_add(struct figures *, json_t *obj, const char *key,
	    int64_t value);
/* total = the sum of parts. */
void	figures_line(struct figures *, size_t total, const size_t *parts,
	    size_t k);
/* whole = part + rest: adds rest (not shown) and the line. */
void	figures_split(struct figures *, size_t whole, size_t part);
/* Suppresses and writes every shown count into its object.  0, or -1
 * (callers answer 500: nothing is shown unprotected). */
int	figures_run(struct figures *, int threshold);
/* After figures_run: is the count at index shown as a number? */
int	figures_shown(const struct figures *, size_t index);
int64_t	figures_value(const struct figures *, size_t index);
/* After figures_run: the count at index as shown (new reference). */
json_t	*figures_json(const struct figures *, size_t index, int threshold);

/* ---- storage (evidence_store.c) --------------------------------------- */

/*
 * A scope: the organisation (both 0), a site, or a group (group_id, with
 * its site or 0 for an organisation-wide group).
 */
struct evidence_scope {
	int64_t		 site_id;
	int64_t		 group_id;
};

/* Flow measures, by month of the period: [{month, part, whole}]. */
enum evidence_flow {
	FLOW_MINUTES,		/* meetings held; minutes published in time */
	FLOW_ACTION_POINTS,	/* action points due; closed by their date */
	FLOW_INVITED,		/* decision makers invited; came */
	FLOW_ANSWERED,		/* proposals answered; within the deadline */
	FLOW_EXPENSES,		/* claims paid; within EXPENSE_PAID_DAYS */
	FLOW_PERCEPTIONS,	/* respondents to the questions on taking
				   part; agreeing with most */
	FLOW_TRUST,		/* respondents to the questions on trust;
				   agreeing with most */
	FLOW_RESPONDENTS,	/* survey responses; to a survey with the
				   equality monitoring questions */
	FLOW__MAX
};
json_t	*evidence_flow_rows(struct db *, enum evidence_flow,
	    const struct evidence_scope *, const char *from, const char *to,
	    const char *today);
/* Answers in the period by the days they took: [{days, n}], fewest
 * days first. */
json_t	*evidence_answer_days(struct db *, const struct evidence_scope *,
	    const char *from, const char *to);

/* Snapshot measures, on a day: {part, whole}. */
enum evidence_snapshot {
	SNAP_TRAINED,		/* active reps; with current training */
	SNAP_SUPERVISED,	/* active reps; supervision not overdue */
	SNAP_OBJECTIVES,	/* objectives set; done or not yet due */
	SNAP_MONITORED,		/* members; with a current monitoring record */
	SNAP_EXPERTS,		/* experts by experience on procurement
				   panels at the site; with a current record */
	SNAP__MAX
};
int	evidence_snapshot(struct db *, enum evidence_snapshot,
	    const struct evidence_scope *, const char *day, int64_t *part,
	    int64_t *whole);

/* Members on day by unit: [{unit_id, unit, n}] (unit_id 0: none). */
json_t	*evidence_members_by_unit(struct db *, const struct evidence_scope *,
	    const char *day);
/* Members on day by their answers, every item at once (the members are
 * found once, not once per item): [{item, answer, n}], answered only;
 * the rest of the members gave that item no answer. */
json_t	*evidence_members_answers(struct db *,
	    const struct evidence_scope *, const char *day);
/* Members on day (not observers or decision makers), counted once. */
int	evidence_members(struct db *, const struct evidence_scope *,
	    const char *day, int64_t *n);
/* The latest population count on or before day of the scope's site (or
 * every site): [{dimension, category, count}] summed over sites, and
 * the date of the latest count into counted_on ("" when none). */
json_t	*evidence_population(struct db *, const struct evidence_scope *,
	    const char *day, char counted_on[DATE_CHARS + 1]);
/* The target that stands for each criterion at scope: {criterion key:
 * {target, set_by}}, set_by "group", "site" or "organisation" (local
 * targets count only while the organisation allows them). */
json_t	*evidence_targets(struct db *, const struct evidence_scope *);
/* A site's or a group's own targets ("site" or "group"): {key: target}. */
json_t	*local_targets(struct db *, const char *scope, int64_t scope_id);
/* Whether the organisation lets sites and groups set their own targets:
 * 1, 0, or -1 on error. */
int	local_targets_allowed(struct db *);
/* Activity counts of the scope's site (or all) by month and activity:
 * [{month, activity, n}]. */
json_t	*evidence_activity(struct db *, const struct evidence_scope *,
	    const char *from_month, const char *to_month);
/* A group's strategy {aims, reviewed_on} (<0, 0, >0) and objectives. */
int	strategy_load(struct db *, int64_t group_id, json_t **out);
json_t	*strategy_objectives(struct db *, int64_t group_id);
/* "You said, we did" highlights of the scope in the period: proposals
 * answered accepted or accepted in part, newest first, at most n. */
json_t	*evidence_highlights(struct db *, const struct evidence_scope *,
	    const char *from, const char *to, int n);

/* ---- what staff and members enter (evidence_records.c) --------------
 * Writes return enum db_result (DB_CONSTRAINT: refused by the schema or
 * the record's state) with their audit row. */
MUST_CHECK int targets_save(struct db *, int64_t actor, const char *criterion,
	    int target);
MUST_CHECK int targets_policy_save(struct db *, int64_t actor,
	    int local_allowed);
/* Sets (target 0..100) or removes (target < 0) a site's or group's own
 * target for criterion. */
MUST_CHECK int local_target_save(struct db *, int64_t actor,
	    const char *scope, int64_t scope_id, const char *criterion,
	    int target);
MUST_CHECK int strategy_save(struct db *, int64_t actor, int64_t group_id,
	    const char *aims, const char *reviewed_on);
MUST_CHECK int objective_add(struct db *, int64_t actor, int64_t group_id,
	    const char *text, const char *owner, const char *due_on,
	    const char *today);
/* Marks an objective done today; its group into group_id. */
MUST_CHECK int objective_close(struct db *, int64_t actor, int64_t id,
	    const char *today, int64_t *group_id);
int	objective_target(struct db *, const int64_t *, struct target *);
/* Replaces the site's count of counted_on with rows [{dimension,
 * category, count}]. */
MUST_CHECK int population_save(struct db *, int64_t actor, int64_t site_id,
	    const char *counted_on, const json_t *rows);
/* The person's own record {updated_on, item: answer...}: <0, 0, >0. */
int	monitoring_load(struct db *, int64_t person_id, json_t **out);
/* answers: {item: answer or null}; replaces the record. */
MUST_CHECK int monitoring_save(struct db *, int64_t actor, int64_t person_id,
	    const json_t *answers, const char *today);
MUST_CHECK int activity_save(struct db *, int64_t actor, int64_t site_id,
	    const char *month, const char *activity, int64_t count);

/* ---- the builder (evidence_build.c) ----------------------------------- */

/*
 * The suppressed view of a scope over [from, to]: every criterion with
 * its measures, their trend by month and the verdict; members beside
 * the population; activity; the strategy of a group.  place names the
 * scope ("HMP Fenwick", "the organisation"); links says whether to add
 * links to the records behind each measure (roles allowed to see them).
 * Sentences made of figures are in the language of words (NULL:
 * English, for the JSON); messages (a criterion's title, a measure's
 * label, a verdict) stay msgids, shown with | t.  New reference, or
 * NULL (500).
 */
json_t	*evidence_build(struct db *, const struct evidence_scope *,
	    const char *place, const char *from, const char *to,
	    const char *today, int threshold, int links,
	    const struct catalogue *words);

/* ---- pages (evidence_pages.c, evidence_forms.c, evidence_report.c) ---- */

/* The period of ?from and ?to (dates; by default the last
 * EVIDENCE_MONTHS months to today), checked against the period form's
 * fields: 0; 1 when refused, with *errors naming each box and from/to
 * the default period; -1 out of memory.  *typed (what was typed) and
 * *errors are new references either way but -1. */
int	evidence_period(struct request *, char from[DATE_CHARS + 1],
	    char to[DATE_CHARS + 1], json_t **typed, json_t **errors);
/* The period form as templates/fields.html draws it: {fields}. */
json_t	*evidence_period_form(const json_t *typed, const json_t *errors);
/* The scope of the path (/groups/{id}/..., /sites/{id}/..., or the
 * organisation), its record into about (new reference) and its kind
 * ("group", "site", "organisation"): <0, 0 (no such record), >0. */
int	evidence_scope_of(struct request *, struct evidence_scope *,
	    json_t **about, const char **kind);
/* The builder's view for the request's scope and the period, with
 * about, scope and can_edit, worded in words (NULL: English); NULL
 * having answered 404 or 500. */
json_t	*evidence_view(struct request *, struct response *, const char *from,
	    const char *to, const char **kind, const struct catalogue *words);
/* /evidence, /sites/{id}/evidence, /groups/{id}/evidence. */
void	evidence_dashboard(struct request *, struct response *);
void	evidence_report_pdf(struct request *, struct response *);
void	evidence_report_xlsx(struct request *, struct response *);
void	population_form(struct request *, struct response *);
void	monitoring_form(struct request *, struct response *);
void	strategy_form(struct request *, struct response *);
void	objective_form(struct request *, struct response *);
void	objective_done(struct request *, struct response *);
void	activity_form(struct request *, struct response *);
void	targets_form(struct request *, struct response *);
/* /sites/{id}/targets and /groups/{id}/targets. */
void	local_targets_form(struct request *, struct response *);

#endif
