/*
 * Surveys and consultations: questionnaires a group co-produces with
 * staff, answered on screen (an anonymous link, a kiosk on a shared
 * laptop), by interview or on paper, with results people can read and
 * that never show a number small enough to identify someone.
 *
 *   surveys_model.c     question kinds, answer checks, skip logic,
 *                       instruments and their scoring (pure)
 *   (small numbers: util/suppression.c, shared with voice and proposals)
 *   surveys_store.c     surveys, versions, questions; access targets
 *   responses_store.c   responses, answers, paper entries, counts
 *   builder_pages.c     building a survey (members and staff)
 *   answer_pages.c      answering: link, kiosk, interview
 *   survey_words.c      a survey's own words in its reader's language
 *   answer_form.c       the answer form and reading it back, shared by
 *                       screen and paper entry
 *   paper_pages.c       the printable questionnaire and keyboard entry
 *   results_pages.c     counts, scores, breakdowns, themes
 *   results_export.c    CSV, XLSX and the A4 results summary
 *   charts.c            bar charts as SVG and PDF drawings
 *   event_votes_*.c     a vote between a few options at an event
 *
 * Versions: a survey's questions belong to a version.  Once a version
 * has a response, any change to the questions first copies them into a
 * new version, so every response keeps the questions it answered.
 */
#ifndef RT_SURVEYS_H
#define RT_SURVEYS_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "../server/fields.h"
#include "../server/paging.h"
#include "../server/router.h"
#include "../util/buf.h"
#include "../util/csv.h"
#include "../util/suppression.h"

struct catalogue;
struct db;

enum question_kind {
	QK_SINGLE,	/* one of the choices */
	QK_MULTIPLE,	/* any of the choices */
	QK_SCALE,	/* 1 to scale_max */
	QK_TEXT,	/* free text */
	QK_NUMBER,	/* a whole number, 0 to SURVEY_NUMBER_MAX */
	QK_DATE,	/* YYYY-MM-DD */
	QK__MAX
};

extern const struct choice question_kinds[];	/* values as in the table */
extern const struct choice instrument_choices[];
/* The states a page shows as they are stored (a survey: draft, open,
 * closed; a vote at an event: open, published), marked for the catalogue
 * so that | t finds them. */
extern const char *const survey_stored_words[];
/* The ways a response comes in, as stored, and their words. */
extern const struct choice survey_channels[];

/* The involvement experience instrument's agreeing answers: the
 * evidence pages count a question's answers in these two as agreeing. */
#define INVOLVEMENT_STRONGLY_AGREE	"Strongly agree"
#define INVOLVEMENT_AGREE		"Agree"
/* Its items about taking part (criterion 5) and about trust (6). */
#define INVOLVEMENT_PERCEPTION_KEYS	"('worth', 'listened', 'change')"
#define INVOLVEMENT_TRUST_KEYS		"('trust_staff', 'equal', 'safe')"

/* The equality monitoring instrument's questions (surveys_model.c): the
 * nine protected characteristics, their answers ending with
 * MONITORING_NOT_SAY.  Also the member's own record and a site's
 * population categories (src/evidence/). */
#define MONITORING_NOT_SAY	"Prefer not to say"
struct monitoring_item {
	const char		*key;		/* "age": survey item_key */
	const char		*label;		/* "Age" */
	const char		*prompt;	/* "How old are you?" */
	const struct choice	*answers;	/* value = label */
};
extern const struct monitoring_item monitoring_items[];
extern const size_t monitoring_items_count;
/* The item called key, or NULL. */
const struct monitoring_item *monitoring_item_find(const char *key);
extern const struct field_spec survey_fields[];
extern const size_t survey_fields_count;
extern const struct field_spec survey_question_fields[];
extern const size_t survey_question_fields_count;
extern const struct field_spec event_vote_fields[];
extern const size_t event_vote_fields_count;

/* The kind named by value ("single"...), or QK__MAX. */
enum question_kind question_kind_of(const char *value);

/* The choices of a question, one per non-blank line, trimmed, as a JSON
 * array of strings.  New reference. */
json_t	*choices_lines(const char *text);

/*
 * Checks one typed answer to a question (a row with kind, choices,
 * scale_max).  NULL when it is acceptable, else a message for the
 * respondent.  Empty answers are checked by the caller (required).
 */
const char *answer_problem(const json_t *question, const char *value);

/*
 * Skip logic: "if the answer is X, go to question N".  Only forward:
 * the target must come after the question and exist, so a survey can
 * never loop.  NULL when valid, else the reason.
 */
const char *skip_problem(int64_t position, int64_t skip_to, int64_t count);

/*
 * Which questions a respondent reached, given their answers: questions
 * is an array of rows (position order) with skip_answer and skip_to;
 * answers maps "position" (as text) to a string or an array of strings.
 * Sets "reached": true/false on each question.  A skip jumps over the
 * questions between, which are then neither required nor stored.
 */
void	questions_reached(json_t *questions, const json_t *answers);

/*
 * Instruments inserted whole.  Each is a list of question rows (kind,
 * prompt, choices, section, instrument, item_key); see surveys_model.c
 * for the wording and its source.  New reference, or NULL for an
 * unknown name.
 */
json_t	*instrument_questions(const char *name);

/*
 * UCLA three-item loneliness scale (Hughes et al. 2004): each item
 * "Hardly ever" 1, "Some of the time" 2, "Often" 3.  ucla3_item gives
 * the score of an answer, 0 when it is not one of the three.
 * ucla3_total gives the sum of three answers (3 to 9), or -1 when any
 * is missing or unknown.  A total of UCLA3_LONELY_FROM or more counts as
 * lonely.
 */
int	ucla3_item(const char *answer);
int	ucla3_total(const char *a, const char *b, const char *c);
int	ucla3_lonely(int total);
/* ONS direct question: 1 when the answer is "Often/always" (the ONS
 * measure of chronic loneliness), 0 for another of the five answers,
 * -1 for anything else. */
int	ons_direct_lonely(const char *answer);


/* Charts (charts.c).  bars: [{label, n, hidden}] ; hidden bars are drawn
 * as a gap labelled as suppressed.  The title and each label is a
 * message shown in words' language (a group's own words pass through as
 * written), a suppressed count too.  SVG text is escaped. 0 or -1. */
int	chart_svg(struct buf *out, const char *title, const json_t *bars,
	    const struct catalogue *words);
struct pdf;
/* The chart drawn into a PDF, width_mm wide at most. */
void	chart_pdf(struct pdf *, const char *title, const json_t *bars,
	    const struct catalogue *words, double width_mm);

/*
 * A survey's own words in the reader's language (survey_words.c); lang
 * is the page's code ("cy"), NULL for English.  Welsh is each field's
 * "<field>_cy" when written; otherwise the English, and on a page value
 * that English is marked: {"text", "lang": "en"}, which the renderer
 * puts in a <span lang="en">.  A question of a tested set (instrument)
 * is worded by the catalogue, so stays as it is.  Choices are answered
 * and stored as their English line, whatever the reader's language.
 */
/* The text of row's field for the reader (a borrowed string). */
const char *survey_word(const json_t *row, const char *field,
	    const char *lang);
/* The same as a page value: a string, or marked English.  New ref. */
json_t	*survey_word_value(const json_t *row, const char *field,
	    const char *lang);
/* The i-th (from 0) choice of question q as a page value.  New ref. */
json_t	*survey_choice_value(const json_t *q, size_t i, const char *lang);
/* A stored answer (an English choice) as its page value; an answer that
 * is no choice (a number, text) as it is.  New ref. */
json_t	*survey_answer_value(const json_t *q, const char *answer,
	    const char *lang);
/* A stored answer (one choice) appended to out as the reader reads it,
 * by the results page's rule: the survey's own Welsh line where its
 * question has one, else through the catalogue words (an instrument's
 * answer, a built-in word).  0, or -1 when out could not grow. */
int	 survey_answer_said(struct buf *out, const json_t *q,
	    const char *answer, const char *lang,
	    const struct catalogue *words);
/* text marked as written in lang: {"text", "lang"}.  New ref. */
json_t	*survey_said_in(const char *text, const char *lang);
/* A copy of the survey row for a page: title, intro and consent as page
 * values.  New ref. */
json_t	*survey_view_words(const json_t *survey, const char *lang);
/* Each row's field (a list's survey's title, an answer's question's
 * prompt) as its page value; rows carry field_cy (and instrument). */
void	survey_words_in(json_t *rows, const char *field, const char *lang);
/* The text of a page value (a string or marked text), borrowed. */
const char *survey_said_text(const json_t *v);
/* The code of the language rq is read in ("cy"), NULL for none. */
const char *survey_reader_lang(const struct request *rq);

/*
 * The answer form (answer_form.c).  answer_form_view draws questions
 * with what was typed (an object keyed by position) and errors.
 * answer_form_read reads fields q<position> from f, applies skip logic
 * (sets "reached" on each question), checks each reached answer and
 * adds errors; by_number reads choices as the numbers printed beside
 * paper tick boxes.  *answers is [{question_id, value}] and *typed is
 * for showing the form again; both new references.  0 valid, 1 not.
 */
json_t	*answer_form_view(const json_t *questions, const json_t *typed,
	    const json_t *errors, const char *lang);
int	answer_form_read(json_t *questions, const struct form *f,
	    int by_number, json_t **answers, json_t **typed, json_t *errors,
	    const char *lang);
/* Sets "written_answers" in view when questions has a free-text one:
 * only then does the form ask for the tick that they name nobody (the
 * only answers text_identifying reads), worded as what to check. */
void	answer_form_names_box(json_t *view, const json_t *questions);

/* Paper reference numbers: copy n of survey id as "S<id>-<n><check>",
 * where check is a letter computed from both so that a mistyped digit
 * is caught.  survey_reference_valid gives the copy number, or 0. */
void	survey_reference(int64_t survey, int64_t copy, char *out, size_t sz);
int64_t	survey_reference_valid(int64_t survey, const char *ref);


/* Access targets: the survey's group and its site. */
int	survey_target(struct db *, const int64_t *, struct target *);
int	survey_question_target(struct db *, const int64_t *, struct target *);
int	survey_theme_target(struct db *, const int64_t *, struct target *);
int	event_vote_target(struct db *, const int64_t *, struct target *);

/* surveys_store.c.  Writes return enum db_result. */
int	survey_add(struct db *, int64_t actor, int64_t group_id, json_t *v,
	    int64_t *id);
int	survey_update(struct db *, int64_t actor, int64_t id, json_t *v);
int	survey_load(struct db *, int64_t id, json_t **out);
/* By the anonymous link's token, open surveys only: <0, 0, >0. */
int	survey_by_token(struct db *, const char *token, json_t **out);
int	survey_set_state(struct db *, int64_t actor, int64_t id,
	    const char *from, const char *to);
json_t	*survey_list(struct db *, const struct principal *);
/* The current version's questions in order.  New reference. */
json_t	*survey_questions(struct db *, int64_t version_id);
/* Adds questions (rows as instrument_questions gives, or one from the
 * form) at the end of the current version, first making a new version
 * if the current one has responses.  DB_CONSTRAINT past the limit. */
int	survey_questions_add(struct db *, int64_t actor, int64_t survey_id,
	    const json_t *rows);
/* Removes the question at position from the current version (making a
 * new version first if needed); later positions and skips move up, and
 * skips to it are dropped. */
int	survey_question_remove(struct db *, int64_t actor, int64_t survey_id,
	    int64_t position);
int	survey_question_load(struct db *, int64_t id, json_t **out);
json_t	*survey_versions(struct db *, int64_t survey_id);
int64_t	version_responses(struct db *, int64_t version_id);
int64_t	version_number(struct db *, int64_t version_id);
/* The version whose results to show: number if the survey has it, else
 * the newest with responses, else the current one. */
int64_t	results_version(struct db *, const json_t *survey, int64_t number);
/* The results view of one version (results_build.c): every count
 * suppressed below threshold; by is "place", "site" (organisation-wide
 * surveys), "q<id>" of a monitoring question, or NULL.  New reference, NULL on error. */
/* words: the reader's language, for the charts drawn into the view. */
/* lang: the reader's language's code, for the survey's own words
 * (survey_words.c); a choice is counted by its English, its value. */
json_t	*survey_results_build(struct db *, int64_t version, const char *by,
	    int threshold, const struct catalogue *words, const char *lang);

/* The open places (units) of a site as [{value, label}]. */
json_t	*survey_places(struct db *, int64_t site_id);
/* The organisation's open sites as [{value, label}]: what a respondent
 * to an organisation-wide survey chooses from. */
json_t	*survey_sites(struct db *);
/* unit_id when it is one of places (or sites), else 0. */
int64_t	survey_place_of(const json_t *places, int64_t unit_id);

/*
 * The site a response comes from (answer_form.c): a site-bound survey's
 * own site; for an organisation-wide survey (org_wide true) the "site"
 * field of f, which must be one of sites, else an error on "site" is
 * added and 0 returned.  site_question_view puts on view what the site
 * question needs (org_wide, sites with the chosen one selected,
 * site_error).
 */
int64_t	response_site(const json_t *survey, const json_t *sites,
	    const struct form *f, json_t *errors);
void	site_question_view(json_t *view, const json_t *survey,
	    const json_t *sites, int64_t chosen, const json_t *errors);

/* responses_store.c. answers: [{question_id, value}]. */
int	response_add(struct db *, int64_t actor, int64_t survey_id,
	    int64_t version_id, const char *channel, int64_t unit_id,
	    int64_t site_id, const char *reference, const json_t *answers, int64_t *id);
/* Stores one keyed entry of a paper copy; sets *state to "counted"
 * (the response was made), "waiting" (a second entry is needed) or
 * "disagree" (entries differ: the response waits for one that agrees). */
int	paper_entry_add(struct db *, int64_t actor, json_t *survey,
	    const char *reference, int64_t unit_id, int64_t site_id,
	    const json_t *answers,
	    const char **state);
json_t	*paper_entries_pending(struct db *, int64_t survey_id);
/* [{version, question_id, position, prompt, kind, value, n}] */
json_t	*answer_counts(struct db *, int64_t version_id);
/* [{question_id, n}]: how many answered each question of the version. */
json_t	*answered_counts(struct db *, int64_t version_id);
/* Counts of answers to question q broken down by the answer to question
 * by_q, by place when by_q is BY_PLACE, by site when BY_SITE:
 * [{grp, value, n}]. */
#define BY_NONE		(-1)
#define BY_PLACE	0
#define BY_SITE		(-2)
json_t	*answer_breakdown(struct db *, int64_t q, int64_t by_q);
/* Free-text answers: [{response_id, question_id, prompt, value, theme}],
 * every one (the demo codes them) or, for the page, one page of them
 * after the cursor (id response_id, key position). */
json_t	*text_answers(struct db *, int64_t survey_id);
json_t	*text_answers_page(struct db *, int64_t survey_id,
	    const struct paging *);
/* Every response's answers, anonymised: [{response, version, channel,
 * place, q1..qn}] keyed by question position; the place is blank where
 * the version has fewer than threshold responses from it. */
json_t	*responses_rows(struct db *, int64_t survey_id, int64_t version_id,
	    int threshold);
/* Per response to the version, the answers to an instrument's
 * questions: [{response_id, item_key, value}] by response. */
json_t	*instrument_answers(struct db *, int64_t version_id,
	    const char *instrument);
json_t	*survey_themes(struct db *, int64_t survey_id);
int	theme_add(struct db *, int64_t actor, int64_t survey_id,
	    const char *name, int64_t *id);
/* Whether (response, question) is a free-text answer of the survey:
 * <0 error, 0 no, >0 yes. */
int	text_answer_of(struct db *, int64_t survey_id, int64_t response_id,
	    int64_t question_id);
int	theme_tag(struct db *, int64_t actor, int64_t theme_id,
	    int64_t response_id, int64_t question_id);
int	theme_load(struct db *, int64_t id, json_t **out);
int	theme_to_issue(struct db *, int64_t actor, json_t *theme,
	    int64_t *issue_id);

/* rs->body, made by a renderer (made 0, or -1 when it failed), sent as
 * an attachment of type named by msgid ("survey-{title}", its {name}s
 * the survey's, borrowed, {title} as the reader reads it) in the
 * reader's language, then ".ext" (response_file); a failure becomes a
 * 500. */
void	survey_attachment(const struct request *, struct response *,
	    int made, const char *type, const char *msgid, json_t *survey,
	    const char *ext);
/* The results view for the request's ?version= and ?by=.  New
 * reference or NULL. */
json_t	*survey_results_of(struct request *, const json_t *survey);

/* Handlers (routes.c). */
void	surveys_index(struct request *, struct response *);
void	surveys_new(struct request *, struct response *);
void	surveys_show(struct request *, struct response *);
void	surveys_edit(struct request *, struct response *);
void	survey_questions_new(struct request *, struct response *);
void	survey_instrument_add(struct request *, struct response *);
void	survey_question_delete(struct request *, struct response *);
void	survey_open(struct request *, struct response *);
void	survey_close(struct request *, struct response *);
void	survey_answer(struct request *, struct response *);
void	survey_kiosk(struct request *, struct response *);
void	survey_thanks(struct request *, struct response *);
void	survey_interview(struct request *, struct response *);
void	survey_paper_pdf(struct request *, struct response *);
void	survey_paper_entry(struct request *, struct response *);
void	survey_results(struct request *, struct response *);
void	survey_results_pdf(struct request *, struct response *);
void	survey_responses_csv(struct request *, struct response *);
void	survey_responses_xlsx(struct request *, struct response *);
void	survey_themes_page(struct request *, struct response *);
void	survey_theme_issue(struct request *, struct response *);
void	event_votes_new(struct request *, struct response *);
void	event_votes_show(struct request *, struct response *);
void	event_votes_counts(struct request *, struct response *);
void	event_votes_publish(struct request *, struct response *);

/* event_votes_store.c */
int	event_vote_add(struct db *, int64_t actor, int64_t group_id,
	    json_t *v, int64_t *id);
int	event_vote_load(struct db *, int64_t id, json_t **out);
json_t	*event_vote_options(struct db *, int64_t id);
/* Votes of groups in the caller's scope, newest first. */
json_t	*event_vote_list(struct db *, const struct principal *);
int	event_vote_count(struct db *, int64_t actor, int64_t id,
	    const json_t *counts);
int	event_vote_publish(struct db *, int64_t actor, int64_t id,
	    const char *today);

#endif
