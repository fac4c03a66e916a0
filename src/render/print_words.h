/*
 * The words of a printed document in its reader's language: a message
 * marked N_() in C, looked up in the reader's catalogue, its {name}s (as
 * {{_ words}} writes them) filled from a JSON object.  With both, a
 * document for a wall rather than a person: each message in the
 * reader's language and, when that is not English, in English on the
 * line below (a notice in Wales is read in both, Welsh first).
 *
 * struct print_words owns its scratch text; print_words_free() frees it.
 * words is borrowed (a catalogue lives as long as the program).
 */
#ifndef RT_PRINT_WORDS_H
#define RT_PRINT_WORDS_H

#include <jansson.h>

#include "../util/buf.h"

struct catalogue;

struct print_words {
	const struct catalogue	*words;	/* NULL: English */
	int			 both;
	struct buf		 text;	/* the last message, filled */
};

void	 print_words_init(struct print_words *, const struct catalogue *,
	    int both);
void	 print_words_free(struct print_words *);
/* msgid in the reader's words (and English, with both), its {name}s
 * from ctx (may be NULL).  Borrowed until the next call; "" when it
 * cannot be made. */
const char *print_say(struct print_words *, const char *msgid,
	    const json_t *ctx);

#endif
