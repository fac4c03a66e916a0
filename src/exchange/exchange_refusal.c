/*
 * Why the exchange refused a bundle, kept as a message and its values
 * rather than a finished sentence: the same refusal is read beside the
 * file box of /exchange/import in its reader's language (Welsh at a
 * prison in Wales) and printed in English by `roundtable exchange
 * import`, so it is worded only where it is read.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "exchange.h"
#include "../render/template.h"
#include "../util/buf.h"

void
exchange_refuse(struct exchange_refusal *r, const char *msgid,
    json_t *words)
{
	json_decref(r->words);
	r->msgid = msgid;
	r->words = words;
}

void
exchange_refuse_first(struct exchange_refusal *r, const char *msgid,
    json_t *words)
{
	/* A check that fails after the conflict handler refused must not
	 * hide the handler's more exact reason. */
	if (r->msgid != NULL)
		json_decref(words);
	else
		exchange_refuse(r, msgid, words);
}

void
exchange_refusal_english(const struct exchange_refusal *r, char *out,
    size_t sz)
{
	struct buf	 said;

	if (sz == 0)
		return;
	buf_init(&said, sz * 4);
	/* Cut at the buffer rather than lost: the start says what went
	 * wrong. */
	(void)template_words(r->msgid != NULL ? r->msgid : "", r->words, NULL,
	    &said);
	snprintf(out, sz, "%s", said.data != NULL ? said.data : "");
	buf_release(&said);
}

void
exchange_refusal_clear(struct exchange_refusal *r)
{
	json_decref(r->words);
	r->msgid = NULL;
	r->words = NULL;
}
