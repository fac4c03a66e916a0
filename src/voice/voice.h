/*
 * Voice: where people's voices enter Roundtable.  Reps log conversations
 * (what was raised, never who), with an outcome and, when it needs one, a
 * follow-up with an owner and a due date.  Coordinators group logs into
 * collective issues, keep a directory of services to signpost to, and
 * follow new arrivals through a group's standard plan.
 *
 *   voice_model.c        choices, form tables, the rules that are not SQL
 *   conversations_*.c    logs, the paper sheet and batch entry
 *   followups_*.c        follow-ups: mine, everyone's, close, reassign
 *   directory_*.c        the signposting directory
 *   issues_*.c           collective issues
 *   arrivals_*.c         new arrivals and their plans
 *   search_pages.c       full-text search across all three
 *
 * Who sees what: a log is seen by its author and by coordinators and
 * admins covering its site (voice_log_visible); forum members see issues,
 * never logs, and outside staff views any count below the suppression
 * threshold reads "fewer than N" (voice_count).
 *
 * Store functions run in the caller's transaction and return enum
 * db_result; look-ups <0, 0 or >0 as db.h says.
 */
#ifndef RT_VOICE_H
#define RT_VOICE_H

#include <jansson.h>
#include <stdint.h>

#include "../auth/roles.h"
#include "../server/paging.h"
#include "../server/fields.h"
#include "../server/router.h"

struct catalogue;

struct db;

/* Who may log a conversation, and who manages what was logged. */
#define VOICE_LOGGERS	(ROLE_BIT(ROLE_REP) | ROLES_STAFF)

extern const struct choice channels[];
extern const struct choice consents[];
extern const struct choice outcomes[];
extern const struct choice issue_statuses[];

extern const struct field_spec conversation_fields[];
extern const size_t conversation_fields_count;
extern const struct field_spec batch_row_fields[];
extern const size_t batch_row_fields_count;
extern const struct field_spec followup_close_fields[];
extern const size_t followup_close_fields_count;
extern const struct field_spec followup_reassign_fields[];
extern const size_t followup_reassign_fields_count;
extern const struct field_spec service_fields[];
extern const size_t service_fields_count;
extern const struct field_spec issue_fields[];
extern const size_t issue_fields_count;
extern const struct field_spec issue_logs_fields[];
extern const size_t issue_logs_fields_count;
extern const struct field_spec issue_decision_fields[];
extern const size_t issue_decision_fields_count;
extern const struct field_spec arrival_plan_fields[];
extern const size_t arrival_plan_fields_count;
extern const struct choice age_bands[];	/* an arrival's, optional */
extern const struct field_spec arrival_fields[];
extern const size_t arrival_fields_count;
extern const struct field_spec arrival_step_fields[];
extern const size_t arrival_step_fields_count;
extern const struct field_spec topic_fields[];
extern const size_t topic_fields_count;

/* The log filters in a query string, checked (anything malformed is
 * left out): q and its FTS form, site, place, topic, from, to, outcome,
 * grouped.  New reference. */
json_t		*voice_log_filters(const struct form *query);
/* A safe FTS5 query from what someone typed: each word quoted, as a
 * prefix, all required.  NULL when there are no words.  Caller frees. */
char		*voice_fts_query(const char *typed);
/* Whether the row named alias of table matches the search text bound as
 * param (voice_fts_query's form), on each engine: SQLite's FTS5 table
 * table_fts by rowid, PostgreSQL's generated tsvector column `search`
 * (migrations/postgresql: rt_fts_query reads the same form).  On
 * PostgreSQL the match is a condition on the row itself, not an IN over
 * a subquery: inside the filters' ORs a subquery cannot become a join,
 * so it was hashed whole (139,351 ids for "medication", 260 ms), where
 * the row condition lets the planner walk the ordered index and stop at
 * the page's end, or use the GIN index when the word is rare.  For
 * DB_SQL pairs. */
#define FTS_MATCH_SQLITE(table, alias, param)				\
	alias ".id IN (SELECT rowid FROM " table "_fts WHERE "		\
	table "_fts MATCH " param ")"
#define FTS_MATCH_PG(table, alias, param)				\
	alias ".search @@ rt_fts_query(" param ")"
/* Does this outcome need a follow-up action? */
int		 voice_outcome_needs_followup(const char *outcome);
/* Checks the rules across a log's fields; adds errors.  0 or -1 (oom). */
int		 voice_log_rules(const json_t *values, json_t *errors);
/* A count as shown: the number, or "fewer than N" when 0 < n < N and the
 * viewer is not staff.  New reference. */
json_t		*voice_count(int64_t n, int threshold, int exact);
/* Evidence counted from logs (an issue's or a proposal's) as the viewer
 * may see it: the number of conversations and the places they came
 * from are one line of the page (the places add up to the number), so
 * they go through the shared suppression together (util/suppression.h);
 * with exact (staff) every count is shown.  ev's "log_count" and each
 * "places"[].n are replaced.  0 or -1 (out of memory). */
int		 voice_evidence_counts(json_t *ev, int threshold, int exact,
		    const char *today);
/* "rising", "falling" or "steady" from counts in two equal periods. */
const char	*voice_trend(int64_t recent, int64_t earlier);
/* Adds *_label keys for choice columns and age/overdue for due dates. */
void		 voice_labels(json_t *row, const char *today);
void		 voice_labels_all(json_t *rows, const char *today);
/* A new pseudonymous arrival reference, "A-" and 6 characters. */
void		 arrival_reference_new(char out[9]);

/* May the principal read this log (author, or staff at its site)? */
int	voice_log_visible(const struct principal *, const json_t *log);

/* Access targets. */
int	conversation_target(struct db *, const int64_t *, struct target *);
int	followup_target(struct db *, const int64_t *, struct target *);
int	issue_target(struct db *, const int64_t *, struct target *);
int	arrival_target(struct db *, const int64_t *, struct target *);
int	arrival_step_target(struct db *, const int64_t *, struct target *);
int	topic_target(struct db *, const int64_t *, struct target *);

/* Options for selects.  Topics come in the reader's order (words:
 * the request's catalogue, topics_in_words_order). */
json_t	*topic_options(struct db *, const struct scope_filter *,
	    const struct catalogue *words);
json_t	*service_options(struct db *, const struct scope_filter *);
json_t	*account_options(struct db *, const struct scope_filter *);
/* Reps working at the sites in the scope: whose paper sheet it was. */
json_t	*rep_options(struct db *, const struct scope_filter *);
/* Accounts that work at one site: owners of follow-ups and actions. */
json_t	*account_options_at(struct db *, int64_t site_id);
json_t	*unit_options_at(struct db *, int64_t site_id);
int64_t	 last_unit_used(struct db *, int64_t author_id);

/* Conversations. */
/* Checks that the log's unit, topics, service and follow-up owner (and
 * a paper sheet's author_id, a rep) all belong to its site; adds an
 * error for each that does not.  0. */
int	log_fits_site(struct db *, const json_t *values, json_t *errors);
/* Stores a log written by author (whose log it is: who may read it and
 * who owns its follow-up unless v names another) and typed in by
 * entered_by (the actor of the audit rows; the same account for a log
 * typed by its author). */
int	conversation_add(struct db *, int64_t author, int64_t entered_by,
	    json_t *v, int from_paper, int64_t *id);
int	conversation_load(struct db *, int64_t id, json_t **out);
/* One page of the logs the filters pick, newest first.  No total: a
 * count of a million rows costs more than the page. */
json_t	*conversation_list(struct db *, int64_t me, const struct scope_filter *,
	    const json_t *filters, const struct paging *);
json_t	*conversation_ungrouped(struct db *, int64_t site_id);

/* Follow-ups. */
int	followup_add(struct db *, int64_t actor, int64_t site_id,
	    int64_t conversation_id, const char *action, int64_t owner,
	    const char *due_on);
int	followup_load(struct db *, int64_t id, json_t **out);
/* One page of follow-ups, the earliest due first. */
json_t	*followup_list(struct db *, int64_t owner, const struct scope_filter *,
	    int open_only, const struct paging *);
json_t	*followup_of_conversation(struct db *, int64_t conversation_id);
/* Open follow-ups owned by the accounts of a person, at their own site
 * or elsewhere (-1 on error); handing those at their site to another
 * account there when the person leaves. */
int64_t	 followups_open_of_person(struct db *, int64_t person_id,
	    int at_their_site);
int	 followups_hand_on(struct db *, int64_t actor, int64_t person_id,
	    int64_t to_account);
int	followup_close(struct db *, int64_t actor, int64_t id, json_t *v,
	    const char *today);
int	followup_reassign(struct db *, int64_t actor, int64_t id, json_t *v);

/* Directory. */
/* Only the sites in the editor's scope f are replaced (NULL: all). */
int	service_save(struct db *, int64_t actor, const struct scope_filter *f,
	    int64_t id, json_t *v, int64_t *out);
int	service_load(struct db *, int64_t id, json_t **out);
/* The service of the path's first id for a caller holding one of roles
 * at a site it serves (ROLES_STAFF: to keep its entry), or NULL having
 * answered 404 or 403.  New reference. */
json_t	*service_for(struct request *, struct response *, unsigned roles);
int	service_checked(struct db *, int64_t actor, int64_t id, const char *today);
json_t	*service_list(struct db *, const struct scope_filter *, int64_t site_id);
json_t	*service_search(struct db *, const struct scope_filter *,
	    const char *fts, int limit);

/* Issues. */
int	issue_add(struct db *, int64_t actor, json_t *v, int64_t *id);
int	issue_load(struct db *, int64_t id, json_t **out);
int	issue_add_logs(struct db *, int64_t actor, int64_t id, const json_t *ids);
int	issue_decide(struct db *, int64_t actor, int64_t id, json_t *v);
/* One page of issues, newest first; status NULL for all. */
json_t	*issue_list(struct db *, const struct scope_filter *,
	    const char *status, const struct paging *);
json_t	*issue_search(struct db *, const struct scope_filter *,
	    const char *fts, int64_t site_id, const char *status, int limit);
/* The evidence for an issue, with one page of its logs (newest first). */
json_t	*issue_evidence(struct db *, int64_t id, const char *today,
	    const struct paging *);

/* Arrivals. */
json_t	*arrival_plan(struct db *, int64_t group_id);
int	arrival_plan_save(struct db *, int64_t actor, int64_t group_id,
	    const char *steps);
int	arrival_add(struct db *, int64_t actor, int64_t group_id, json_t *v,
	    int64_t *id);
int	arrival_load(struct db *, int64_t id, json_t **out);
json_t	*arrival_steps(struct db *, int64_t arrival_id);
/* A step {id, arrival_id, text, done_on, reference}: <0, 0, >0. */
int	arrival_step_load(struct db *, int64_t step_id, json_t **out);
int	arrival_step_done(struct db *, int64_t actor, int64_t step_id,
	    json_t *v, const char *today);
json_t	*arrival_unfinished(struct db *, const struct scope_filter *);

/* Topics. */
json_t	*topic_list(struct db *, int64_t site_id);
json_t	*topic_options_at(struct db *, int64_t site_id,
	    const struct catalogue *words);
/* Sorts a topic options list in place as its reader reads it: the
 * topics every site has by their words in words's language, then a
 * site's own by name, and "Other" last. */
void	 topics_in_words_order(json_t *options, const struct catalogue *words);
int	topic_add(struct db *, int64_t actor, int64_t site_id, json_t *v);
int	topic_retire(struct db *, int64_t actor, int64_t id, const char *today);

/* Handlers (route table). */
void	conversations_index(struct request *, struct response *);
void	conversations_new(struct request *, struct response *);
void	conversations_show(struct request *, struct response *);
void	conversations_batch(struct request *, struct response *);
void	conversations_sheet(struct request *, struct response *);
void	followups_mine(struct request *, struct response *);
void	followups_all(struct request *, struct response *);
void	followups_close(struct request *, struct response *);
void	followups_reassign(struct request *, struct response *);
void	directory_index(struct request *, struct response *);
void	directory_new(struct request *, struct response *);
void	directory_show(struct request *, struct response *);
void	directory_edit(struct request *, struct response *);
void	directory_checked(struct request *, struct response *);
void	directory_pdf(struct request *, struct response *);
void	issues_index(struct request *, struct response *);
void	issues_new(struct request *, struct response *);
void	issues_show(struct request *, struct response *);
void	issues_add_logs(struct request *, struct response *);
void	issues_decision(struct request *, struct response *);
void	arrival_plan_edit(struct request *, struct response *);
void	arrivals_new(struct request *, struct response *);
void	arrivals_show(struct request *, struct response *);
void	arrivals_step(struct request *, struct response *);
void	arrivals_index(struct request *, struct response *);
void	topics_index(struct request *, struct response *);
void	topics_retire(struct request *, struct response *);
void	search_index(struct request *, struct response *);

/* The topics every site has, as messages (voice_model.c). */
extern const char *const voice_topic_words[];
extern const char *const voice_ungrouped_words[];
/* A log's topics for its page (row's topics_listed, from
 * conversations_store.c, taken off): topics_said, a value in parts
 * (render/parts.h), every site's topics in the reader's language and a
 * site's own as the site named them.  0, or -1 when out of memory. */
int	voice_topics_said(json_t *row);

#endif
