/*
 * Proposals, decisions, actions and "you said, we did": the loop that
 * makes involvement credible.  A group drafts a proposal from its issues,
 * agrees it by recorded vote or consensus, and submits it to a decision
 * maker, who must answer by a deadline, with reasons for anything but
 * "accepted".  Accepted parts become actions, followed to completion.
 *
 *   proposals_model.c   the state machine, deadlines, escalation, timeliness
 *   proposals_store.c   SQL (the timeline row is written with every change)
 *   proposals_pages.c   drafting, comments, the vote, submitting
 *   decisions_pages.c   responding, the letter, "awaiting your response"
 *   actions_pages.c     actions, progress, closing, overdue lists
 *   outcomes_pages.c    "you said, we did", its poster, timeliness
 *   letter_easy.c       the proposal's letter in easy read
 */
#ifndef RT_PROPOSALS_H
#define RT_PROPOSALS_H

#include <jansson.h>
#include <stdint.h>

#include "../auth/roles.h"
#include "../render/parts.h"
#include "../server/paging.h"
#include "../server/fields.h"
#include "../server/router.h"
#include "../util/date.h"

struct buf;
struct catalogue;
struct db;

enum proposal_state {
	PS_DRAFT,
	PS_AGREED,		/* the group agreed it; not yet sent */
	PS_NOT_AGREED,		/* the group did not agree it: ends here */
	PS_SUBMITTED,		/* with a decision maker, deadline running */
	PS_ACCEPTED,
	PS_ACCEPTED_IN_PART,
	PS_NOT_ACCEPTED,	/* ends here, with the reason published */
	PS_DEFERRED,		/* until a date, then sent again */
	PS_MORE_INFO,		/* the group answers, then sends it again */
	PS_DONE,		/* every action closed */
	PS__MAX
};

enum proposal_event {
	PE_AGREE,
	PE_NOT_AGREE,
	PE_SUBMIT,
	PE_ACCEPT,
	PE_ACCEPT_IN_PART,
	PE_NOT_ACCEPT,
	PE_DEFER,
	PE_MORE_INFO,
	PE_REFER,		/* to another decision maker, who owns the deadline */
	PE_RESUBMIT,
	PE_COMPLETE,		/* the last action closed */
	PE__MAX
};

extern const char *const proposal_state_names[PS__MAX];
extern const char *const proposal_state_labels[PS__MAX];
extern const char *const proposal_event_names[PE__MAX];
extern const struct choice visibilities[];	/* who sees a comment */
extern const struct choice response_kinds[];

/*
 * What became of a proposal in one plain sentence, for "you said, we
 * did" and its poster, from an outcomes_list() row (state, reason,
 * actions_text, first_sent_on, due_on, deferred_until): sets on row
 * we_did_msgid (the message, {name}s filled from row by | words in the
 * reader's language), its values why, done and state_label (and said:
 * done and doing in parts, for a page), and we_did,
 * the sentence in English (the JSON's, and the standard poster's).  A
 * waiting proposal whose row's "answer" (proposal_answer) is late says
 * so, as the easy-read page does.  0, or -1 when out of memory.
 */
int	outcome_words_set(json_t *row);
/* outcome_words_set, with done (and doing, the actions alone) in words'
 * language; we_did stays English.  words NULL: English. */
int	outcome_words_in(json_t *row, const struct catalogue *words);
/*
 * A proposal's actions as one column (p the proposal), for
 * actions_parts: per action its state ("done", or the percent done) and
 * its text, the actions apart by LIST_APART (render/parts.h).
 */
#define ACTIONS_LISTED_SQL \
    "(SELECT group_concat(CASE WHEN a.closed_on IS NULL THEN " \
    "  CAST(a.percent AS TEXT) ELSE 'done' END || ' ' || a.text, '" \
    LIST_APART "') FROM actions a WHERE a.proposal_id = p.id)"
/* listed (an ACTIONS_LISTED_SQL value) in parts, for a page to show
 * each action's text marked with its own language: per action an object
 * {msgid, text, percent}, "; " between them (render/parts.h).
 * NULL when out of memory. */
json_t	*actions_parts(const char *listed);
/* The state after event, or -1 when the event is not allowed there. */
int	proposal_next(enum proposal_state, enum proposal_event);
int	proposal_state_parse(const char *);	/* enum or -1 */
/* A form_ready: NULL when the proposal waits for its decision maker's
 * response, else why the response form refuses. */
struct request;
const char	*proposal_waits_for_response(const struct request *,
	    const json_t *);
/* The event a response kind stands for, or -1. */
int	proposal_response_event(const char *kind);
/* Checks a response: a reason for anything but "accepted", a date for
 * "deferred", someone for "referred".  Adds errors; 0 or -1. */
int	proposal_response_rules(const json_t *values, const char *today,
	    json_t *errors);
/*
 * The rule every answer with reasons follows (a proposal's response, a
 * person's wish): values' "kind" other than needs_no_reason needs a
 * "reason"; the kind dated needs date_field after today.  Adds errors.
 */
struct answer_rule {
	const char	*needs_no_reason;	/* "accepted" */
	const char	*reason_message;
	const char	*dated;			/* "deferred" */
	const char	*date_field;		/* "deferred_until" */
	const char	*date_message;
};
void	answer_rules(const json_t *values, const char *today, json_t *errors,
	    const struct answer_rule *);
/* The state on the day: a deferral that has run out (deferred_until is
 * today or earlier) is due again, PS_SUBMITTED, its deadline the day the
 * deferral ended (the store sets due_on to it).  Computed on every read
 * and move, so no timer has to run for a deferral to come back. */
enum proposal_state proposal_state_on(enum proposal_state,
	    const char *deferred_until, const char *today);
/* The same rule in SQL, for a proposal aliased p and the placeholder
 * today ("?2"): is it awaiting its decision maker's answer? */
#define PROPOSAL_AWAITING_SQL(today) \
    "(p.state = 'submitted' OR p.state = 'deferred' AND " \
    "p.deferred_until <= " today ")"
/* The label for a proposal's state on the day ("Due again" for a
 * deferral that has run out). */
/* Where a proposal (row, in state on the day) stands as a member asks
 * it: {"yes": true} (group, not_agreed, waiting, yes, partly, no, later,
 * more, done), "late" when its answer has not come by its due_on, and
 * the words to say it in ("said", "more": messages with the row's
 * {name}s, shown with | words) and its "picture"; {} for no state.
 * For the easy-read pages and the printed notice.  A new reference. */
json_t	*proposal_answer(int state, const json_t *row, const char *today);
/* Marks each open action (due_on, closed_on) "late" when its day has
 * passed by today, so a page need not compare dates. */
void	 actions_mark_late(json_t *actions, const char *today);
const char *proposal_state_label_on(enum proposal_state,
	    const char *deferred_until, const char *today);
/* The deadline: days after submitted_on. */
void	proposal_due(const char *submitted_on, int days,
	    char out[DATE_CHARS + 1]);
/* 0 when due is today or later; else 1 for the first period overdue, 2
 * for the next, and so on. */
int	proposal_escalation(const char *due_on, const char *today);
/* The p-th percentile (0-100) of n sorted values, nearest rank. */
int64_t	percentile(const int64_t *sorted, size_t n, int p);
/* Median, 90th percentile and share on time from days taken: a JSON
 * object {count, median, p90, on_time_share}. */
json_t	*timeliness_summary(const json_t *rows, const char *days_key,
	    const char *on_time_key);

extern const struct field_spec proposal_fields[];
extern const size_t proposal_fields_count;
extern const struct field_spec comment_fields[];
extern const size_t comment_fields_count;
extern const struct field_spec vote_fields[];
/* vote_fields in easy read: the same names and kinds, plainer words. */
extern const struct field_spec vote_fields_easy[];
extern const size_t vote_fields_count;
extern const struct field_spec submit_fields[];
extern const size_t submit_fields_count;
extern const struct field_spec response_fields[];
extern const size_t response_fields_count;
extern const struct field_spec action_fields[];
extern const size_t action_fields_count;
extern const struct field_spec action_update_fields[];
extern const size_t action_update_fields_count;
extern const struct field_spec action_close_fields[];
extern const size_t action_close_fields_count;
extern const struct field_spec action_reassign_fields[];
extern const size_t action_reassign_fields_count;

/* Access targets. */
int	proposal_target(struct db *, const int64_t *, struct target *);
int	action_target(struct db *, const int64_t *, struct target *);

/* Store.  Writers take the actor and today, move the state machine,
 * write the timeline and the audit chain.  DB_CONSTRAINT when the
 * proposal is not in a state that allows it. */
int	proposal_add(struct db *, int64_t actor, int64_t group_id, json_t *v,
	    const char *today, int64_t *id);
int	proposal_update(struct db *, int64_t actor, int64_t id, json_t *v);
int	proposal_load(struct db *, int64_t id, json_t **out);
/* One page of proposals, newest first; state NULL for all. */
json_t	*proposal_list(struct db *, const struct scope_filter *,
	    const char *state, const struct paging *);
json_t	*proposal_options_list(struct db *, int64_t id);
json_t	*proposal_issue_ids(struct db *, int64_t id);
json_t	*proposal_evidence(struct db *, int64_t id);
json_t	*proposal_timeline(struct db *, int64_t id);
json_t	*proposal_comments(struct db *, int64_t id, int staff);
json_t	*proposal_responses(struct db *, int64_t id);
int	proposal_comment(struct db *, int64_t actor, int64_t id, json_t *v);
int	proposal_vote(struct db *, int64_t actor, int64_t id, json_t *v,
	    const char *today);
int	proposal_submit(struct db *, int64_t actor, int64_t id,
	    int64_t decision_maker, const char *today);
int	proposal_resubmit(struct db *, int64_t actor, int64_t id,
	    const char *today);
int	proposal_respond(struct db *, int64_t actor, int64_t id, json_t *v,
	    const char *today);
/* One page of what waits for the decision maker (a deferral past its
 * date waits again), the oldest first. */
json_t	*proposals_awaiting(struct db *, int64_t decision_maker,
	    const char *today, const struct paging *);
json_t	*group_issue_options(struct db *, int64_t group_id);
/* Decision makers whose grant covers the group (so they can answer). */
/* The one-to-one meetings of the group with this decision maker held
 * by today, as {value, label} for the response form's meeting_id, in the
 * language of reader (NULL: English). */
json_t	*one_to_one_options(struct db *, int64_t group_id, int64_t account,
	    const char *today, const struct catalogue *reader);
json_t	*decision_maker_options(struct db *, int64_t site_id, int64_t group_id,
	    int64_t except);
int	group_response_days(struct db *, int64_t group_id);

int	action_add(struct db *, int64_t actor, int64_t proposal_id, json_t *v,
	    const char *today, int64_t *id);
int	action_load(struct db *, int64_t id, json_t **out);
json_t	*action_list(struct db *, int64_t proposal_id);
json_t	*action_updates_list(struct db *, int64_t action_id);
int	action_update(struct db *, int64_t actor, int64_t id, json_t *v,
	    const char *today);
int	action_close(struct db *, int64_t actor, int64_t id, json_t *v,
	    const char *today);
/* Hands an open action to v's owner_id: DB_CONSTRAINT when closed. */
int	action_reassign(struct db *, int64_t actor, int64_t id, json_t *v);
/* Open actions owned by the accounts of someone leaving (<0 error), and
 * handing them all to another account (when they leave). */
int64_t	actions_open_of_person(struct db *, int64_t person_id);
int	actions_hand_on(struct db *, int64_t actor, int64_t person_id,
	    int64_t to_account);
/* One page each of answers and actions past their date, the oldest
 * first. */
json_t	*overdue_responses(struct db *, const struct scope_filter *,
	    const char *today, const struct paging *);
json_t	*overdue_actions(struct db *, const struct scope_filter *,
	    const char *today, const struct paging *);

/* One page of what became of a group's (or site's) proposals, the
 * latest answered or sent first. */
json_t	*outcomes_list(struct db *, int64_t group_id, int64_t site_id,
	    const struct paging *);
json_t	*timeliness_rows(struct db *, int64_t group_id, int64_t site_id,
	    int64_t decision_maker);
json_t	*completion_rows(struct db *, int64_t group_id, int64_t site_id);
json_t	*open_age_bands(struct db *, int64_t group_id, int64_t site_id,
	    const char *today);

/* Handlers (route table). */
void	proposals_index(struct request *, struct response *);
void	proposals_new(struct request *, struct response *);
void	proposals_show(struct request *, struct response *);
void	proposals_edit(struct request *, struct response *);
void	proposals_comment(struct request *, struct response *);
void	proposals_vote(struct request *, struct response *);
void	proposals_submit(struct request *, struct response *);
void	proposals_resubmit(struct request *, struct response *);
void	decisions_index(struct request *, struct response *);
void	decisions_respond(struct request *, struct response *);
void	decisions_letter(struct request *, struct response *);
void	actions_new(struct request *, struct response *);
void	actions_update(struct request *, struct response *);
void	actions_close(struct request *, struct response *);
void	actions_reassign(struct request *, struct response *);
void	overdue_index(struct request *, struct response *);
void	outcomes_group(struct request *, struct response *);
void	outcomes_site(struct request *, struct response *);
void	outcomes_poster(struct request *, struct response *);
struct pdf;
struct print_words;
/* An easy-read key point on paper: its picture (by name, pictogram.c)
 * at the left, the key words in bold and the text beside it. */
void	outcome_point(struct pdf *, const char *picture, const char *key,
	    const char *text);
/* The letter of a proposal p (with its options and responses) in easy
 * read, for a reader in easy read: the key points of the easy-read
 * proposal page, its answer as proposal_answer says it on today, and
 * last the catalogue message questions (easy_questions_words: who the
 * reader asks, or is asked). */
void	letter_easy_draw(struct pdf *, struct print_words *, json_t *p,
	    const json_t *options, const json_t *responses, const char *today,
	    const char *questions);
/* One page of the outcomes of the group (or, by_site, the site) the
 * path names, each with its words for the page, the poster and easy
 * read, in *view (a new reference, NULL when unreadable): 1.  0 when
 * the response is made instead (no such place, a bad page). */
int	outcomes_of(struct request *, struct response *, int by_site,
	    json_t **view);
void	timeliness_group(struct request *, struct response *);
void	timeliness_site(struct request *, struct response *);

#endif
