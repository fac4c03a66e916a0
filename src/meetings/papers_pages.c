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
	json_t	*named = NULL;
	int	 rc;

	rc = paper_read(rq->db, rq->ids[0], &rs->body, &mime, &ext);
	if (rc > 0 && paper_name(rq->db, rq->ids[0], &named) <= 0)
		rc = -1;
	/* TRANSLATORS: a file's name: letters, digits and hyphens,
	 * keeping {title} and {circulated_on}, the paper's. */
	response_download(rs, rc, mime, ext, language_words(rq->lang),
	    N_("paper-{title}-{circulated_on}"), named);
	json_decref(named);
}
