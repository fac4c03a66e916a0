/*
 * A lot's words that are the program's own, in each reader's language:
 * the default scoring scale (stored as its English messages) and the
 * audit trail's sentences, which the evaluation report prints.  Tested
 * in tests/unit/test_procurement.c.
 */
#include <stdlib.h>
#include <string.h>

#include "procurement.h"
#include "../limits.h"
#include "../render/template.h"
#include "../server/fields.h"
#include "../util/buf.h"
#include "../util/catalogue.h"

/*
 * The scale a new lot starts with, 0 to 5.  Decision (issue 20): each of
 * its lines is stored as its English message, and every page and report
 * words a line through the reader's catalogue (descriptor_words, and
 * {{text | t}} in templates), so the default scale reads in each
 * reader's language.  A line someone typed is not in the catalogue, so
 * it is shown as typed.  The form offers the default in its reader's
 * language; descriptors_stored() turns its lines, left as offered, back
 * into the messages, so a Welsh coordinator's lot reads in English to an
 * English reader too.
 */
static const char *const default_descriptors[] = {
	N_("No answer, or the answer does not address the question"),
	N_("Poor: major gaps or concerns"),
	N_("Weak: some gaps or concerns"),
	N_("Adequate: meets the requirement"),
	N_("Good: meets it with some added value"),
	N_("Excellent: meets it fully, with clear evidence and added value"),
	NULL,
};

char *
descriptors_default(const struct catalogue *words)
{
	struct buf	 text;
	size_t		 i;

	buf_init(&text, TEXT_MAX_CHARS * 4);
	for (i = 0; default_descriptors[i] != NULL; i++)
		if (buf_puts(&text, catalogue_get(words,
		    default_descriptors[i])) == -1 || buf_putc(&text, '\n') == -1)
			break;
	return buf_detach(&text, NULL);
}

/* The message of a default line as words put it, or NULL. */
static const char *
descriptor_default_of(const char *line, size_t len,
    const struct catalogue *words)
{
	const char	*said;
	size_t		 i;

	for (i = 0; default_descriptors[i] != NULL; i++) {
		said = catalogue_get(words, default_descriptors[i]);
		if (strlen(said) == len && memcmp(said, line, len) == 0)
			return default_descriptors[i];
	}
	return NULL;
}

char *
descriptors_stored(const char *typed, const struct catalogue *words)
{
	json_t		*lines = descriptors_json(typed), *d;
	struct buf	 text;
	const char	*line, *msgid;
	size_t		 i;

	buf_init(&text, TEXT_MAX_CHARS * 4);
	json_array_foreach(lines, i, d) {
		line = json_string_value(json_object_get(d, "text"));
		msgid = descriptor_default_of(line, strlen(line), words);
		if (buf_puts(&text, msgid ? msgid : line) == -1 ||
		    buf_putc(&text, '\n') == -1)
			break;
	}
	json_decref(lines);
	return buf_detach(&text, NULL);
}

const char *
descriptor_words(const char *line, const struct catalogue *words)
{
	return catalogue_get(words, line);
}

/*
 * What each audited action says in the report: a whole sentence with the
 * person in it ({who}), so a language that puts the verb first (Welsh:
 * "Sefydlodd {who} y lot") can.  An action whose detail changes what
 * happened (a declaration with or without a conflict) has a sentence
 * for each; a detail that is a kind or a date is worded in the sentence.
 * These are the only words the audit's actions have: the staff's audit
 * log shows the chain as stored, for checking it.
 */
static const struct audit_sentence {
	const char	*action;
	const char	*detail;	/* NULL: any */
	const char	*said;
} audit_sentences[] = {
	{ "procurement.create", NULL, N_("{who} set up the procurement") },
	{ "procurement.reserve", NULL, N_("{who} named a reserve for the "
	    "procurement's panels") },
	{ "lot.create", NULL, N_("{who} set up the lot") },
	{ "lot.question", NULL, N_("{who} added a question") },
	{ "lot.bid", NULL, N_("{who} added a bid") },
	{ "lot.consensus_meeting", NULL, N_("{who} recorded the consensus "
	    "meeting of {detail | date}") },
	{ "bid.document", NULL, N_("{who} added a bid's document") },
	{ "panel.add", NULL, N_("{who} added a member to the panel as "
	    "{detail_label | t}") },
	{ "panel.declare", "conflict", N_("{who} declared a conflict of "
	    "interest") },
	{ "panel.declare", NULL, N_("{who} declared no connection with any "
	    "bidder") },
	{ "panel.removed", NULL, N_("{who} left the panel because of a "
	    "conflict of interest") },
	{ "panel.reserve", NULL, N_("{who} brought in a reserve in place of a "
	    "member of the panel") },
	{ "score.draft", NULL, N_("{who} saved draft scores") },
	{ "score.submit", NULL, N_("{who} submitted scores") },
	{ "score.change", NULL, N_("{who} changed a submitted score, giving a "
	    "reason") },
	{ "consensus.score", NULL, N_("{who} recorded a consensus score") },
	{ NULL, NULL, N_("{who} made a change to the record") },
};

const char *
audit_sentence(const char *action, const char *detail)
{
	const struct audit_sentence *a;

	for (a = audit_sentences; a->action != NULL; a++)
		if (action != NULL && strcmp(a->action, action) == 0 &&
		    (a->detail == NULL || (detail != NULL &&
		    strcmp(a->detail, detail) == 0)))
			break;
	return a->said;
}

void
audit_sentences_add(json_t *rows, const struct catalogue *words)
{
	json_t		*row;
	const char	*who, *detail;
	size_t		 i;

	json_array_foreach(rows, i, row) {
		who = json_string_value(json_object_get(row, "who"));
		/* TRANSLATORS: who did it, in an audit sentence where no
		 * one did; it stands where {who} stands ("The system added
		 * a bid"), so mid-sentence in Welsh ("Ychwanegodd y
		 * system gynnig"). */
		if (who == NULL || *who == '\0')
			json_object_set_new(row, "who", json_string(
			    catalogue_get(words, N_("The system"))));
		detail = json_string_value(json_object_get(row, "detail"));
		json_object_set_new(row, "detail_label", json_string(
		    choice_label(evaluator_kinds, detail ? detail : "")));
		(void)template_words_set(row, "said", audit_sentence(
		    json_string_value(json_object_get(row, "action")), detail),
		    row, words, DOCUMENT_BYTES_MAX);
	}
}
