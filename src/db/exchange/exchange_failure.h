/*
 * Why the engine would not apply a part of a bundle, in our words: the
 * kind of failure (busy, a record missing or there twice, a rule broken,
 * a bundle that does not fit this database's version, a full disk...) as
 * a refusal the page words in its reader's language.  The engine's own
 * text is English, names tables and columns, and says nothing a
 * coordinator can act on, so it never reaches the page: it goes to the
 * server's log (stderr) for the administrator.
 */
#ifndef RT_EXCHANGE_FAILURE_H
#define RT_EXCHANGE_FAILURE_H

#include <stdint.h>

#include "exchange_tables.h"

struct exchange_refusal;

/* Sets why (unless it holds a reason already: a conflict's) from rc,
 * what the engine returned, and logs the engine's text (h's message)
 * with the part (seq) and the place it came from. */
void	exchange_failure_refuse(struct exchange_refusal *why, sqlite3 *h,
	    int rc, int64_t seq, int from);

/* The refusal's message for an engine's extended result code: an N_()
 * message, never NULL. */
const char	*exchange_failure_msgid(int code);

#endif
