/*
 * Meeting papers: uploaded by the group's writers, checked by what their
 * bytes are (not what they are called), read by anyone in the group.
 * A paper circulated later than the group's notice period is flagged
 * late on the meeting page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meetings.h"
#include "../db/db.h"
#include "../limits.h"
#include "../server/form_page.h"
#include "../util/date.h"
#include "../render/upload_check.h"
#include "../util/text.h"

void
papers_add(struct request *rq, struct response *rs)
{
	const struct form_field	*file = form_get_file(&rq->body, "file");
	const char		*title = form_get(&rq->body, "title");
	struct filetype		 type;
	char			 today[DATE_CHARS + 1];
	int64_t			 id;
	int			 rc;

	if (title == NULL || *title == '\0' ||
	    utf8_length(title, strlen(title)) > NAME_MAX_CHARS) {
		response_error(rs, 422, "Enter a title for the paper, 120 "
		    "characters or fewer.");
		return;
	}
	if (file == NULL || file->len == 0) {
		response_error(rs, 422, "Choose a file to upload.");
		return;
	}
	if (!upload_check((const unsigned char *)file->value, file->len,
	    file->filename, &type)) {
		response_error(rs, 415, "The file must be a PDF, a Word or "
		    "OpenDocument text, or a PNG or JPEG image, named for what "
		    "it is.");
		return;
	}
	date_today(rq->now, today);
	rc = paper_add(rq->db, rq->who.account_id, rq->ids[0], title, type.mime,
	    type.ext, file->value, file->len, today, &id);
	if (rc == DB_CONSTRAINT)
		response_error(rs, 409, "The minutes of this meeting are approved, "
		    "so its record is closed: no more papers can be added.");
	else if (rc != DB_OK)
		response_error(rs, 503, "The paper was not saved. Try again.");
	else
		response_redirect(rs, "/meetings/%lld#papers",
		    (long long)rq->ids[0]);
}

void
papers_get(struct request *rq, struct response *rs)
{
	char	*mime, *ext;
	int	 rc;

	rc = paper_read(rq->db, rq->ids[0], &rs->body, &mime, &ext);
	response_download(rs, rc, mime, ext, "paper", rq->ids[0]);
}
