#include "print_words.h"
#include "template.h"
#include "../limits.h"

void
print_words_init(struct print_words *pw, const struct catalogue *words,
    int both)
{
	pw->words = words;
	pw->both = both;
	buf_init(&pw->text, DOCUMENT_BYTES_MAX);
}

void
print_words_free(struct print_words *pw)
{
	buf_release(&pw->text);
}

const char *
print_say(struct print_words *pw, const char *msgid, const json_t *ctx)
{
	json_t	*empty = NULL;
	int	 rc;

	if (ctx == NULL && (ctx = empty = json_object()) == NULL)
		return "";
	buf_clear(&pw->text);
	rc = template_words(msgid, (json_t *)ctx, pw->words, &pw->text);
	if (rc == 0 && pw->both && pw->words != NULL &&
	    (rc = buf_putc(&pw->text, '\n')) == 0)
		rc = template_words(msgid, (json_t *)ctx, NULL, &pw->text);
	json_decref(empty);
	return rc == 0 && pw->text.data != NULL ? pw->text.data : "";
}
