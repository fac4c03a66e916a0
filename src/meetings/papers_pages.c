/*
 * Meeting papers, read by anyone in the group (they are uploaded on
 * their own form: additions_pages.c).
 */
#include "meetings.h"
#include "../server/form_page.h"
#include "../server/language.h"
#include "../util/catalogue.h"

void
papers_get(struct request *rq, struct response *rs)
{
	char	*mime, *ext;
	int	 rc;

	rc = paper_read(rq->db, rq->ids[0], &rs->body, &mime, &ext);
	response_download(rs, rc, mime, ext, language_words(rq->lang),
	    N_("paper-{n}"), rq->ids[0]);
}
