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
 * Decides what each audit row (with "action", "detail" and "who", the
 * name of who did it) says: "said_msgid", the sentence's message
 * ("{who} submitted scores"), for a page to word with
 * {{said_msgid | words}} and a document or the JSON with
 * audit_words_fill.  A row with nobody's name is the system's ("who"
 * worded in words).  An action the table does not know says unknown (a
 * message), or, when unknown is NULL, has no "said_msgid" and is shown
 * by its own name.  The rows keep "action" as stored.
 */
void	audit_words_add(json_t *rows, const struct catalogue *words,
	    const char *unknown);
/*
 * Words what audit_words_add decided, in the language of words, on each
 * row's values: "said" ("Cyflwynodd Dr Lee sgorau"; an action with no
 * sentence, its own name, so never empty), and "detail_said" for a row
 * whose "detail_msgid" words its detail.  For what is not a page: a
 * document, the JSON.
 */
void	audit_words_fill(json_t *rows, const struct catalogue *words);

#endif
