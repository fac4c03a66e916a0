/*
 * Meetings and minutes: each group's rules (constitution, quorum, notice
 * for papers, standing items); meetings whose agenda builds itself from
 * the standing items, every open action point (carried forward until
 * closed), proposals awaiting the group's decision and responses
 * received since the last meeting; attendance and quorum; minutes typed
 * per agenda item, approved at a later meeting, then published.
 *
 *   meetings_model.c   choices, form tables, quorum arithmetic
 *   meetings_store.c   SQL, the agenda builder
 *   meetings_pages.c   rules, meetings, agenda, attendance
 *   minutes_pages.c    minutes, action points, approval, publishing, PDFs
 */
#ifndef RT_MEETINGS_H
#define RT_MEETINGS_H

#include <jansson.h>
#include <stdint.h>

#include "../render/pdf.h"
#include "../server/fields.h"
#include "../server/router.h"

/* People who are decision makers: the group puts questions to them, so
 * they are not counted among its members for quorum or attendance, even
 * when one chairs it (a council), nor in the evidence of who takes
 * part (src/evidence/). */
#define DECIDERS \
    "(SELECT a.person_id FROM accounts a JOIN grants gr ON " \
    "gr.account_id = a.id WHERE gr.role = 'decision_maker' AND " \
    "a.person_id IS NOT NULL)"

struct db;

extern const struct choice meeting_kinds[];
extern const struct choice attendance_statuses[];
/* The words a page shows as they are stored (minutes: draft, approved,
 * published; who came: present, apologies, absent), marked for the
 * catalogue so that | t finds them. */
extern const char *const meeting_stored_words[];
extern const struct field_spec rules_fields[];
extern const size_t rules_fields_count;
extern const struct field_spec meeting_fields[];
extern const size_t meeting_fields_count;
extern const struct field_spec agenda_item_fields[];
extern const size_t agenda_item_fields_count;
extern const struct field_spec decision_fields[];
extern const size_t decision_fields_count;
extern const struct field_spec paper_fields[];
extern const size_t paper_fields_count;
extern const struct field_spec action_point_fields[];
extern const size_t action_point_fields_count;
extern const struct field_spec approval_fields[];
extern const size_t approval_fields_count;

/* How many must be present: at least half the members (rounded up), or
 * a fixed number; never more than the members, never less than 1. */
int64_t	quorum_needed(const char *rule, int64_t fixed, int64_t members);
/* Does a meeting of this kind need a quorum of the group?  A one-to-one
 * (a chair and a decision maker) does not, and has no standing items. */
int	meeting_kind_has_quorum(const char *kind);

int	meeting_target(struct db *, const int64_t *, struct target *);
int	agenda_item_target(struct db *, const int64_t *, struct target *);

int	rules_load(struct db *, int64_t group_id, json_t **out);
int	rules_save(struct db *, int64_t actor, int64_t group_id, json_t *v);
/* Makes the meeting and builds its agenda.  enum db_result. */
int	meeting_add(struct db *, int64_t actor, int64_t group_id, json_t *v,
	    int64_t *id);
int	meeting_load(struct db *, int64_t id, json_t **out);
json_t	*meeting_list(struct db *, int64_t group_id);
/* The meetings of m's group held after m (its "group_id", "held_on"),
 * which may approve its minutes: {id, held_on}, latest first; an empty
 * array when none is planned yet.  NULL on error. */
json_t	*meetings_later(struct db *, const json_t *m);
json_t	*agenda_list(struct db *, int64_t meeting_id);
/* Answers to proposals given at the meeting: {id, text, responded_on}. */
json_t	*answers_at_meeting(struct db *, int64_t meeting_id);
int	agenda_add(struct db *, int64_t actor, int64_t meeting_id, json_t *v);
/* Moves an item one place up (-1) or down (+1), saying its meeting.
 * DB_CONSTRAINT at either end. */
int	agenda_move(struct db *, int64_t actor, int64_t item_id, int by,
	    int64_t *meeting);
json_t	*attendance_list(struct db *, int64_t meeting_id);
int	attendance_save(struct db *, int64_t actor, int64_t meeting_id,
	    const struct form *, const char *guests);
/* Saves the minutes typed for each item ("item_ID" fields). */
int	minutes_save(struct db *, int64_t actor, int64_t meeting_id,
	    const struct form *);
int	minutes_approve(struct db *, int64_t actor, int64_t meeting_id,
	    json_t *v);
int	minutes_publish(struct db *, int64_t actor, int64_t meeting_id,
	    const char *today);
int	action_point_add(struct db *, int64_t actor, int64_t meeting_id,
	    json_t *v, const char *today);
json_t	*action_points_open(struct db *, int64_t group_id);
json_t	*meeting_actions(struct db *, int64_t meeting_id);

struct pdf;
struct print_words;
/* Draws one meeting's published record (minutes, action points, papers)
 * into a PDF in the words of w (render/print_words.h): the archive is
 * these, one after another. */
void	minutes_render(struct pdf *, struct print_words *w, struct db *,
	    int64_t meeting_id);
/* minutes_render in two steps, so the drawing can happen where there is
 * no database (the archive's confined child): everything one meeting's
 * record draws, as a new reference or NULL; and the drawing of it
 * (nothing for NULL). */
json_t	*minutes_load(struct db *, int64_t meeting_id);
void	 minutes_draw_loaded(struct pdf *, struct print_words *,
	    const json_t *loaded);
/* Adds quorum_needed, quorate and kind_label to a loaded meeting. */
void	meeting_summary(json_t *meeting);

/* Papers: uploads checked by their bytes, stored in the database; only
 * while the meeting's minutes are a draft (DB_CONSTRAINT after). */
int	paper_target(struct db *, const int64_t *, struct target *);
int	paper_add(struct db *, int64_t actor, int64_t meeting_id,
	    const char *title, const char *mime, const char *ext,
	    const void *data, size_t len, const char *today, int64_t *id);
json_t	*paper_list(struct db *, int64_t meeting_id);
/* The paper's bytes into out, its type into *mime and *ext (caller
 * frees): <0, 0, >0. */
/* A paper's title and the day it was circulated: {title, circulated_on}
 * (a new reference in *out, when >0); <0 error, 0 not found. */
int	paper_name(struct db *, int64_t id, json_t **out);
int	paper_read(struct db *, int64_t id, struct buf *out, char **mime,
	    char **ext);

/* Measures of good procedure for a group: minutes published within
 * MINUTES_PUBLISHED_DAYS, action points closed on time, attendance per
 * member, decision makers who came when invited.  New reference. */
json_t	*meeting_measures(struct db *, int64_t group_id, const char *today);
/*
 * The archive's PDF into out: the meetings' records (rows with "id", as
 * archive_meetings gives) and their papers, drawn in a confined child
 * given seconds; if it fails or runs out of time, drawn here with the
 * papers named, not drawn, in the reader's text size and the language
 * of words (NULL: English; util/catalogue.h).  0, or -1 when nothing
 * could be made.
 */
struct catalogue;
int	archive_draw(struct db *, const json_t *meetings, const char *title,
	    enum pdf_size, const struct catalogue *words, int seconds,
	    struct buf *out);
/* Published meetings of a group held between two dates, oldest first. */
json_t	*archive_meetings(struct db *, int64_t group_id, const char *from,
	    const char *to);

/* A decision, marked with whether the meeting was quorate.
 * DB_CONSTRAINT once the minutes are approved. */
int	decision_add(struct db *, int64_t actor, int64_t meeting_id,
	    const char *text, int quorate);
json_t	*decision_list(struct db *, int64_t meeting_id);
/* The group's last published meeting before this one: <0, 0, >0. */
int	meeting_previous(struct db *, int64_t meeting_id, int64_t *previous);

void	decisions_add(struct request *, struct response *);
void	measures_page(struct request *, struct response *);
void	archive_pdf(struct request *, struct response *);
void	papers_add(struct request *, struct response *);
void	papers_get(struct request *, struct response *);
void	rules_edit(struct request *, struct response *);
void	meetings_index(struct request *, struct response *);
void	meetings_new(struct request *, struct response *);
void	meetings_show(struct request *, struct response *);
void	meetings_agenda_add(struct request *, struct response *);
void	agenda_up(struct request *, struct response *);
void	agenda_down(struct request *, struct response *);
void	meetings_attendance(struct request *, struct response *);
void	minutes_edit(struct request *, struct response *);
void	action_points_add(struct request *, struct response *);
void	action_points_index(struct request *, struct response *);
void	minutes_approve_page(struct request *, struct response *);
void	minutes_publish_page(struct request *, struct response *);
void	minutes_pdf(struct request *, struct response *);
void	meeting_pack_pdf(struct request *, struct response *);

#endif
