/*
 * What an audited action did, as a sentence in a reader's language: the
 * audit chain stores an action's name ("proposal.agree"), and the pages
 * that show the chain (the staff's audit log, a lot's audit trail in its
 * report) word it when shown.  One table for every action, in
 * audit_words.c.
 */
#ifndef RT_AUDIT_WORDS_H
#define RT_AUDIT_WORDS_H

#include <jansson.h>

struct catalogue;

/* The sentence (a message with {who}, and for some {detail}) that says what action did, or NULL for an action the
 * table does not know.  An action whose detail changes what happened
 * has a sentence per detail.  Static. */
const char	*audit_words_sentence(const char *action, const char *detail);

/*
 * Adds "said" to each audit row (with "action", "detail" and "who", the
 * name of who did it): who did what as a sentence in the language of
 * words ("Dr Lee submitted scores", "Cyflwynodd Dr Lee sgorau").  A row
 * with nobody's name is the system's.  An action the table does not know
 * says unknown (a message), or, when unknown is NULL, its own name: a
 * cell is never empty.  A row the table words has "said_msgid" too, the
 * sentence's message, for a page to word with {{said_msgid | words}}.
 * The rows keep "action" as stored.
 */
void	audit_words_add(json_t *rows, const struct catalogue *words,
	    const char *unknown);

#endif
