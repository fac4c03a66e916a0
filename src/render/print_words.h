/*
 * The words of a printed document in its reader's language: a message
 * marked N_() in C, looked up in the reader's catalogue, its {name}s (as
 * {{_ words}} writes them) filled from a JSON object.  With both, a
 * document for a wall rather than a person: each message in the
 * reader's language and, when that is not English, in English on the
 * line below (a notice in Wales is read in both, Welsh first).
 *
 * struct print_words owns every message it has made (a list, at most
 * DOCUMENT_BYTES_MAX of them together, as much as a document holds), so
 * a document's labels can be kept side by side; print_words_free()
 * frees them all.  words is borrowed (a catalogue lives as long as the
 * program).
 */
#ifndef RT_PRINT_WORDS_H
#define RT_PRINT_WORDS_H

#include <jansson.h>

#include "pdf.h"
#include "../util/buf.h"

struct catalogue;
struct print_said;

struct print_words {
	const struct catalogue	*words;	/* NULL: English */
	int			 both;
	struct buf		 text;	/* the message being filled */
	struct print_said	*said;	/* every message made, newest first */
	size_t			 bytes;	/* their size together */
};

void	 print_words_init(struct print_words *, const struct catalogue *,
	    int both);
void	 print_words_free(struct print_words *);
/* msgid in the reader's words (and English, with both), its {name}s
 * from ctx (may be NULL).  Owned by pw, valid until print_words_free();
 * "" when it cannot be made. */
const char *print_say(struct print_words *, const char *msgid,
	    const json_t *ctx);
/* print_say for a number: the form n takes of one / many (as {{_n}}). */
const char *print_say_n(struct print_words *, const char *one,
	    const char *many, unsigned long n, const json_t *ctx);
/* A date (YYYY-MM-DD, or a timestamp's day) in words in the reader's
 * language ("4 Tachwedd 2026"); s itself when it is not a date.  Owned
 * as print_say's. */
const char *print_date(struct print_words *, const char *s);
/* pdf_new() for a document in pw's language: its footer says "Page" in
 * it too.  As pdf_new(), the caller owns the result. */
struct pdf *print_pdf_new(struct print_words *, struct buf *out,
	    const char *title, enum pdf_size);

#endif
