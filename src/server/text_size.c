#include <string.h>

#include "text_size.h"

/* Large print is asked for by the reader's account (large text, or easy
 * read, which is large), or for this one document by ?large=1: a worker
 * printing a plan or a report for someone who reads large print. */
enum pdf_size
pdf_size_for(const struct request *rq, enum pdf_size document)
{
	const char	*large = form_get(&rq->query, "large");

	return rq->who.large_text || rq->easy_read || (large != NULL &&
	    strcmp(large, "1") == 0) ? PDF_LARGE : document;
}
