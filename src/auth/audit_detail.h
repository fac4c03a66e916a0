/*
 * What an audit row's detail says, in its reader's language (issue 20).
 * The chain keeps each detail in a form of no language, where it is
 * written: a code (a state, a kind: "accepted_in_part"), a date, a
 * number, or what a user typed (a title, a reference); the staff's audit
 * log words it when shown, by a table of every action with a detail, in
 * audit_detail.c.  Rows written before kept some details in English ("3
 * questions", "its proposal is done"); the table reads those too, so old
 * rows read as new ones do, and the chain (whose hashes cover every
 * stored detail) is never rewritten.
 */
#ifndef RT_AUDIT_DETAIL_H
#define RT_AUDIT_DETAIL_H

#include <jansson.h>

struct catalogue;

/*
 * Sets on each row (with "action" and "detail" as stored) that has a
 * detail and no "detail_msgid" (a read: people/reads_words.c) its
 * "detail_said", in the language of words.  What a user typed is shown
 * as typed, and marked "detail_typed"; a detail the table cannot read (an
 * action it does not know, a code it lacks) is shown as stored, marked
 * "detail_recorded", after words that say so.  An action whose sentence
 * already says its detail (audit_words.c) shows none.
 */
void	audit_detail_add(json_t *rows, const struct catalogue *words);

#endif
