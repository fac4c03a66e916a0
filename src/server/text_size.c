#include "text_size.h"

enum pdf_size
pdf_size_for(const struct request *rq, enum pdf_size document)
{
	return rq->who.large_text || rq->easy_read ? PDF_LARGE : document;
}
