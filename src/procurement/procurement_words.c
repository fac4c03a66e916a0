/*
 * A lot's words that are the program's own, in each reader's language:
 * the default scoring scale (stored as its English messages); the
 * audit trail's sentences are auth/audit_words.c's.  Tested
 * in tests/unit/test_procurement.c.
 */
#include <stdlib.h>
#include <string.h>

#include "procurement.h"
#include "../auth/audit_words.h"
#include "../limits.h"
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

/* The staff's audit log and the report share the sentences
 * (auth/audit_words.c); an action the table does not know is, in a
 * lot's trail, a change to its record. */
static const char *const audit_general = N_("{who} made a change to the "
    "record");

const char *
audit_sentence(const char *action, const char *detail)
{
	const char	*said = audit_words_sentence(action, detail);

	return said != NULL ? said : audit_general;
}

void
audit_sentences_add(json_t *rows, const struct catalogue *words)
{
	audit_words_add(rows, words, audit_general);
	audit_words_fill(rows, words);
}
