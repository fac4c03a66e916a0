/*
 * A file's name in its reader's language ("gwerthuso-lot-3.pdf"), one
 * helper for every file the program sends, shown or saved.
 */
#ifndef RT_DOWNLOAD_NAME_H
#define RT_DOWNLOAD_NAME_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

struct catalogue;
struct pdf;
struct request;
struct response;

/* How the browser takes a file: a document to read or print (a plan, a
 * letter, minutes) opens in its viewer, and is saved under its name from
 * there; a report or an export is saved straight away. */
enum download_kind {
	DOWNLOAD_SAVED,		/* Content-Disposition: attachment */
	DOWNLOAD_SHOWN,		/* Content-Disposition: inline */
};

/*
 * Folds text into out (size bytes, at least 1) as a name safe in a header
 * and on any disk: lower-case ASCII letters, digits and hyphens; a Welsh
 * (or other Latin) letter with an accent loses it ("Ŵ" is "w"), a space
 * or other mark is a hyphen, never two together nor one at either end.
 * Returns
 * the length written (0: nothing of text was left).
 */
size_t	download_name_fold(const char *text, char *out, size_t size);

/*
 * Names r's file (kind: saved or shown) by msgid (a message such as
 * "evaluation-lot-{n}", each {name} from values) in the language of words
 * (NULL: English), folded, then "." and ext.  A name that folds to
 * nothing is named in English instead.  0, or -1 (no name: the browser
 * names it from the address).
 */
int	response_named(struct response *r, enum download_kind kind,
	    const struct catalogue *words, const char *msgid, json_t *values,
	    const char *ext);

/*
 * Answers the file made into r's body (made 0; -1 answers 500 instead,
 * the body dropped) as type (copied), named as response_named does.
 * Every generated file (a PDF, CSV or XLSX) is answered through here, so
 * none goes out without a name.
 */
void	response_file(struct response *r, int made, const char *type,
	    enum download_kind kind, const struct catalogue *words,
	    const char *msgid, json_t *values, const char *ext);
/* Finishes pdf (made into r's body) and answers it as a document shown
 * in the browser, named by msgid on values (borrowed; NULL: none) in
 * the language of rq.  A name says what the document is (a title, a
 * place, a date), never only a record's number ("plan-5"): a reader
 * who saves several cannot tell numbers apart. */
void	response_pdf(const struct request *rq, struct response *r,
	    struct pdf *pdf, const char *msgid, json_t *values);

#endif
