/*
 * Procurement panels: experts by experience score bids for services as
 * equal partners with governors, clinicians and commissioners.  A losing
 * bidder may challenge the process, so it is built to be watertight:
 *
 *  - Before seeing any bid, each evaluator declares any connection with
 *    each bidder.  A declared conflict removes them from the lot at once
 *    (every evaluator page checks the panel row, so a bid already opened
 *    cannot be opened again), and the lot page asks the moderator to
 *    bring in a reserve.
 *  - Scores are sealed: another evaluator's score is readable only once
 *    every active evaluator assigned to that question has submitted for
 *    every bid (the question_seals view; every query that reads scores
 *    goes through scores_visible's SQL).  Submitted scores are locked; a
 *    change needs a reason and is kept (score_changes, enforced by
 *    triggers).
 *  - The moderator records the consensus meeting and a consensus score
 *    with its rationale per question and bid; weighted totals follow.
 *
 *   procurement_model.c   choices, form tables, the arithmetic (totals,
 *                         spread, scale descriptors)
 *   procurement_store.c   set-up: procurements, lots, questions, bids,
 *                         panels, reserves; access targets
 *   scoring_store.c       declarations, scores, sealing, consensus
 *   procurement_pages.c   set-up pages for staff
 *   evaluator_pages.c     what an evaluator does: declare, read, score
 *   consensus_pages.c     the moderator's lot page, consensus, reserves
 *   procurement_report.c  the final evaluation report (PDF and XLSX)
 */
#ifndef RT_PROCUREMENT_H
#define RT_PROCUREMENT_H

#include <jansson.h>

struct catalogue;
#include <stddef.h>
#include <stdint.h>

#include "../server/fields.h"
#include "../server/paging.h"
#include "../server/router.h"

struct db;

extern const struct choice evaluator_kinds[];
/* Adds kind_label (a message) to each of rows beside its stored kind, so
 * a page says "Expert by experience" in its reader's language; returns
 * rows. */
json_t	*evaluator_kinds_labelled(json_t *rows);
/* The same for score changes' kinds ("individual", "consensus"). */
json_t	*score_change_kinds_labelled(json_t *rows);
extern const struct field_spec procurement_fields[];
extern const size_t procurement_fields_count;
extern const struct field_spec lot_fields[];
extern const size_t lot_fields_count;
extern const struct field_spec question_fields[];
extern const size_t question_fields_count;
extern const struct field_spec bid_fields[];
extern const size_t bid_fields_count;
extern const struct field_spec panel_fields[];
extern const size_t panel_fields_count;
extern const struct field_spec reserve_fields[];
extern const size_t reserve_fields_count;
extern const struct field_spec replace_fields[];
extern const size_t replace_fields_count;
extern const struct field_spec consensus_meeting_fields[];
extern const size_t consensus_meeting_fields_count;
extern const struct field_spec score_change_fields[];
extern const size_t score_change_fields_count;

/*
 * The arithmetic, kept pure so it can be tested against worked examples.
 *
 * A bid's weighted total is the sum over questions of
 * score / scale_max * weight, so full marks everywhere give the sum of
 * the weights (100 when the weights are percentages).  It is computed
 * exactly in integers and rounded once, at the end, to two decimal
 * places, half away from zero: never per question, so rounding cannot
 * pile up.  Returns hundredths (6250 is 62.50), or -1 when scale_max is
 * not positive or a score is outside 0..scale_max.
 */
int64_t	weighted_total_hundredths(const int64_t *scores,
	    const int64_t *weights, size_t n, int64_t scale_max);
/* "62.50" from 6250, into out (at least 24 bytes). */
void	hundredths_format(int64_t hundredths, char *out, size_t sz);
/* Do scores from min to max disagree widely (PROCUREMENT_WIDE_SPREAD)? */
int	spread_is_wide(int64_t min, int64_t max);
/* The number of descriptor lines (non-blank) in text, which must be
 * scale_max + 1: one for each score from 0. */
size_t	descriptor_lines(const char *text);
/* The descriptors as [{score, text}], 0 first.  New reference. */
json_t	*descriptors_json(const char *text);
/* The default scale (0 to 5) in the language of words, a line each, for
 * a new lot's form.  Caller frees. */
char	*descriptors_default(const struct catalogue *words);
/* The scale as typed, with each line that is a default one as words put
 * it stored as its message (English), so it is worded for each reader;
 * other lines as typed.  Caller frees. */
char	*descriptors_stored(const char *typed, const struct catalogue *words);
/* A scale's line in the language of words: a default line translated,
 * one somebody typed as it is.  Static or line itself. */
const char *descriptor_words(const char *line, const struct catalogue *words);

/*
 * Forms with one row per bid name their fields NAME_BID ("score_7").
 * bid_score reads a score: empty gives json null; a whole number from 0
 * to max gives it; anything else adds an error naming the field and the
 * bidder.  bid_text reads text up to max_chars characters, trimmed,
 * empty giving "" (an error for more).  New references.
 */
json_t	*bid_score(const struct form *, const char *name, int64_t bid,
	    const char *bidder, int64_t max, json_t *errors);
json_t	*bid_text(const struct form *, const char *name, int64_t bid,
	    const char *bidder, size_t max_chars, json_t *errors);
/* Adds "bidder: problem" as an error on field name_BID, the problem a
 * msgid (its {max} filled from max), worded in the reader's language. */
void	bid_error(json_t *errors, const char *name, int64_t bid,
	    const char *bidder, const char *problem, long long max);

/* Access targets: the procurement's site. */
int	procurement_target(struct db *, const int64_t *, struct target *);
int	lot_target(struct db *, const int64_t *, struct target *);
int	question_target(struct db *, const int64_t *, struct target *);
int	bid_target(struct db *, const int64_t *, struct target *);
int	panel_member_target(struct db *, const int64_t *, struct target *);
int	score_target(struct db *, const int64_t *, struct target *);

/* Set-up (procurement_store.c).  Writes return enum db_result.  A
 * site_id of 0 is the whole organisation (a regional procurement); loads
 * give it as site_id 0 and every record its scope_name. */
int	procurement_add(struct db *, int64_t actor, int64_t site_id,
	    json_t *v, int64_t *id);
int	procurement_load(struct db *, int64_t id, json_t **out);
/* Procurements whose site is in the filter's scope.  New reference. */
/* One page (newest first) of the procurements whose site the principal's
 * staff grants cover; organisation-wide ones only with an
 * organisation-wide grant. */
json_t	*procurement_list(struct db *, const struct principal *,
	    const struct paging *);
int	lot_add(struct db *, int64_t actor, int64_t procurement_id,
	    json_t *v, int64_t *id);
int	lot_load(struct db *, int64_t id, json_t **out);
json_t	*lot_list(struct db *, int64_t procurement_id);
int	question_add(struct db *, int64_t actor, int64_t lot_id, json_t *v,
	    int64_t *id);
int	question_load(struct db *, int64_t id, json_t **out);
json_t	*question_list(struct db *, int64_t lot_id);
int	bid_add(struct db *, int64_t actor, int64_t lot_id, json_t *v,
	    int64_t *id);
int	bid_load(struct db *, int64_t id, json_t **out);
json_t	*bid_list(struct db *, int64_t lot_id);
int	bid_document_set(struct db *, int64_t actor, int64_t bid_id,
	    const char *mime, const char *ext, const void *data, size_t len);
/* The bid's document into out, its type into *mime and *ext (caller
 * frees): <0, 0 (no bid or no document), >0. */
int	bid_document_read(struct db *, int64_t id, struct buf *out,
	    char **mime, char **ext);
int	panel_add(struct db *, int64_t actor, int64_t lot_id, int64_t account,
	    const char *kind, const json_t *question_ids, const char *today,
	    int64_t *id);
int	panel_member_load(struct db *, int64_t id, json_t **out);
json_t	*panel_list(struct db *, int64_t lot_id);
int	reserve_add(struct db *, int64_t actor, int64_t procurement_id,
	    json_t *v);
json_t	*reserve_list(struct db *, int64_t procurement_id);
/* [{value, label}] of reserves not yet on the lot's panel. */
json_t	*reserve_options(struct db *, int64_t lot_id);
/* [{value, label}] of accounts holding an evaluator grant that covers
 * the site, or any site when site_id is 0 (an organisation-wide
 * procurement draws on every site), for panels and reserves; with
 * staff, also staff (for moderators). */
json_t	*evaluator_options(struct db *, int64_t site_id, int with_staff);
/* [{value, label}] of the lot's questions. */
json_t	*question_options(struct db *, int64_t lot_id);
/* The caller's active panel row on the lot: <0, 0 none, >0 *member. */
int	panel_member_of(struct db *, int64_t lot_id, int64_t account,
	    int64_t *member);
/* The lots the account sits on or sat on (state, removed_reason), with
 * its progress.  New reference. */
json_t	*panels_of(struct db *, int64_t account);
/* The questions the member scores: [{id, position, text, weight,
 * submitted}].  New reference. */
json_t	*member_questions(struct db *, int64_t member);
/* Adds to view every lot the account moderates, "moderating": [{lot_id,
 * title}], and "moderates" (is there any), for the moderator's home and
 * the procurement page (templates/procurement/moderating.html).  Adds
 * nothing if the list cannot be read. */
void	 lots_moderated_add(json_t *view, struct db *, int64_t account);
/* The lots the account moderates where an evaluator was removed and not
 * yet replaced: [{lot_id, title, waiting}].  For the moderator's home. */
json_t	*lots_needing_reserves(struct db *, int64_t account);
/* Is the question one the member scores? */
int	member_scores(struct db *, int64_t member, int64_t question_id);
/* [{value, label}] of the lot's active panel members. */
json_t	*panel_options(struct db *, int64_t lot_id);
/* May the principal oversee the lot: its moderator, or staff covering
 * its site, and never someone removed from its panel (a conflict of
 * interest shuts every door, whatever else they hold)?  lot is a loaded
 * lot row. */
int	lot_overseen_by(struct db *, const struct principal *,
	    const json_t *lot);

/*
 * Everything known about a lot as one view, with the seal applied: the
 * lot page, its JSON, and both formats of the final evaluation report
 * read this and nothing else.  {lot, descriptors, questions: [{...,
 * sealed, bids: [{bidder, scores, min, max, wide, consensus}]}], bids,
 * panel, declarations, meeting, totals, changes, audit}.  lot is the
 * loaded lot row, which the record keeps a reference to.  NULL on error.
 */
json_t	*lot_record(struct db *, json_t *lot);

/* Scoring (scoring_store.c). */
/* Records declarations, entries [{bid_id, conflict (bool), details}].
 * A conflict removes the member from the lot in the same transaction,
 * and sets *removed. */
int	declarations_save(struct db *, int64_t actor, int64_t member,
	    const json_t *entries, const char *now, int *removed);
/* [{bid_id, bidder, conflict, details, declared_at}] current ones. */
json_t	*declarations_current(struct db *, int64_t member);
/* Every declaration ever made on the lot, oldest first. */
json_t	*declarations_history(struct db *, int64_t lot_id);
/* Has the member declared no conflict with every bid of the lot? */
int	declarations_clear(struct db *, int64_t member, int64_t lot_id);
/* The member's own scores for a question: [{bid_id, bidder, score,
 * justification, submitted_at, id}] for every bid. */
json_t	*scores_own(struct db *, int64_t member, int64_t question_id);
/* Saves (submit 0) or submits (submit 1) the member's scores for the
 * question, entries [{bid_id, score (integer or null), justification}],
 * checked by the caller.  Submitted scores are left as they are.
 * enum db_result. */
int	scores_save(struct db *, int64_t actor, int64_t member,
	    int64_t question_id, const json_t *entries, int submit,
	    const char *now);
/* Has the member submitted every bid's score for the question? */
int	scores_submitted(struct db *, int64_t member, int64_t question_id);
int	score_load(struct db *, int64_t id, json_t **out);
/* Changes a submitted score with a reason (kept in score_changes). */
int	score_change(struct db *, int64_t actor, int64_t score_id,
	    int64_t score, const char *text, const char *reason,
	    const char *now);
/* Per question of the lot: {question_id, assigned, bids, submitted,
 * sealed}.  New reference. */
json_t	*seal_status(struct db *, int64_t lot_id);
int	question_sealed(struct db *, int64_t question_id);
/* Every submitted score of the question by active members, only when
 * the question is unsealed (else an empty array): [{bid_id, score,
 * justification, evaluator, kind}].  The only way to read another
 * evaluator's score. */
json_t	*scores_visible(struct db *, int64_t question_id);
json_t	*score_history(struct db *, int64_t lot_id);
int	consensus_meeting_save(struct db *, int64_t actor, int64_t lot_id,
	    json_t *v);
int	consensus_meeting_load(struct db *, int64_t lot_id, json_t **out);
/* [{bid_id, score, rationale, id}] for the question. */
json_t	*consensus_list(struct db *, int64_t question_id);
/* Records (or, with a reason, changes) the consensus score of a bid. */
int	consensus_save(struct db *, int64_t actor, int64_t question_id,
	    int64_t bid_id, int64_t score, const char *rationale,
	    const char *reason, const char *now);
/* Weighted totals of the lot's bids: [{bid_id, bidder, total, complete,
 * rank}], highest first.  New reference. */
json_t	*lot_totals(struct db *, int64_t lot_id);
/* Removes a member for a reason and (optionally) brings in a reserve
 * with the same questions.  enum db_result. */
int	panel_replace(struct db *, int64_t actor, int64_t member,
	    int64_t reserve_account, const char *today, int64_t *id);

/* The lot, when the caller may oversee it; else answers 404 or 403 and
 * returns NULL.  New reference. */
json_t	*lot_overseen(struct request *, struct response *, int64_t lot_id);

/* Handlers. */
void	procurements_index(struct request *, struct response *);
void	procurements_new(struct request *, struct response *);
void	procurements_show(struct request *, struct response *);
void	reserves_add(struct request *, struct response *);
void	lots_new(struct request *, struct response *);
void	questions_new(struct request *, struct response *);
void	bids_new(struct request *, struct response *);
void	bid_document_upload(struct request *, struct response *);
void	bid_document_get(struct request *, struct response *);
void	panel_new(struct request *, struct response *);
void	lots_show(struct request *, struct response *);
void	panel_replace_page(struct request *, struct response *);
void	consensus_meeting_page(struct request *, struct response *);
void	consensus_page(struct request *, struct response *);
void	evaluator_lot(struct request *, struct response *);
void	declarations_page(struct request *, struct response *);
void	scores_page(struct request *, struct response *);
void	score_change_page(struct request *, struct response *);
void	lot_report_pdf(struct request *, struct response *);
void	lot_report_xlsx(struct request *, struct response *);

/* The sentence (a message with {who}, and for some {detail}) that
 * says what an audited action of a lot did; a general one for an action
 * it does not know.  Static. */
const char *audit_sentence(const char *action, const char *detail);
/* Adds "said" to each audit row of a lot's record: who did what as a
 * sentence in the language of words ("Dr Lee submitted scores",
 * "Cyflwynodd Dr Lee sgorau"), for the report; a row with nobody's name
 * is the system's. */
struct catalogue;
void	audit_sentences_add(json_t *rows, const struct catalogue *words);

#endif
