#include <stdlib.h>
#include <string.h>

#include "print_words.h"
#include "template.h"
#include "../limits.h"
#include "../util/catalogue.h"
#include "../util/date.h"

/* A message made for the document, kept until print_words_free(). */
struct print_said {
	struct print_said	*next;
	char			 text[];
};

void
print_words_init(struct print_words *pw, const struct catalogue *words,
    int both)
{
	pw->words = words;
	pw->both = both;
	pw->said = NULL;
	pw->bytes = 0;
	buf_init(&pw->text, DOCUMENT_BYTES_MAX);
}

void
print_words_free(struct print_words *pw)
{
	struct print_said	*s;

	while ((s = pw->said) != NULL) {
		pw->said = s->next;
		free(s);
	}
	pw->bytes = 0;
	buf_release(&pw->text);
}

/* Keeps the message in pw->text: its own copy, for the document's life.
 * A document's words cannot outgrow the document, so past its ceiling
 * something is wrong and the message is "". */
static const char *
keep(struct print_words *pw)
{
	struct print_said	*s;
	size_t			 len = pw->text.len;

	if (pw->text.data == NULL || len + 1 > DOCUMENT_BYTES_MAX - pw->bytes ||
	    (s = malloc(sizeof(*s) + len + 1)) == NULL)
		return "";
	memcpy(s->text, pw->text.data, len);
	s->text[len] = '\0';
	s->next = pw->said;
	pw->said = s;
	pw->bytes += len + 1;
	return s->text;
}

/* one in its reader's words; with many, the form n takes of one / many. */
static int
said_in(struct print_words *pw, const struct catalogue *words,
    const char *one, const char *many, unsigned long n, const json_t *ctx)
{
	return many == NULL ?
	    template_words(one, (json_t *)ctx, words, &pw->text) :
	    template_words_n(one, many, n, (json_t *)ctx, words, &pw->text);
}

static const char *
say(struct print_words *pw, const char *one, const char *many,
    unsigned long n, const json_t *ctx)
{
	json_t	*empty = NULL;
	int	 rc;

	if (ctx == NULL && (ctx = empty = json_object()) == NULL)
		return "";
	buf_clear(&pw->text);
	rc = said_in(pw, pw->words, one, many, n, ctx);
	if (rc == 0 && pw->both && pw->words != NULL &&
	    (rc = buf_putc(&pw->text, '\n')) == 0)
		rc = said_in(pw, NULL, one, many, n, ctx);
	json_decref(empty);
	return rc == 0 ? keep(pw) : "";
}

const char *
print_say(struct print_words *pw, const char *msgid, const json_t *ctx)
{
	return say(pw, msgid, NULL, 0, ctx);
}

const char *
print_say_n(struct print_words *pw, const char *one, const char *many,
    unsigned long n, const json_t *ctx)
{
	return say(pw, one, many, n, ctx);
}

const char *
print_date(struct print_words *pw, const char *s)
{
	char	 out[DATE_WORDS_CHARS + 1];

	buf_clear(&pw->text);
	if (buf_puts(&pw->text, date_words_in(s != NULL ? s : "", out,
	    pw->words)) == -1)
		return "";
	return keep(pw);
}

struct pdf *
print_pdf_new(struct print_words *pw, struct buf *out, const char *title,
    enum pdf_size size)
{
	struct pdf	*pdf = pdf_new(out, title, size);

	/* In the reader's language alone, even on a poster in both: a
	 * footer has room for one word. */
	pdf_page_word(pdf, catalogue_get(pw->words, N_("Page")));
	pdf_language(pdf, catalogue_language(pw->words));
	return pdf;
}
