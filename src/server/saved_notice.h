/*
 * What a save says once it is done.  A handler that saves and sends the
 * reader on adds ?saved=WHAT to the address (saved_location); the page
 * there shows WHAT's sentence in a success banner at the top, in the
 * reader's language and way of reading (layout_context sets page.saved,
 * templates/layout/top.html draws it).  Only the table's words can be
 * shown: an address with any other value shows no banner, so nobody can
 * put words of their own on a page through a link.
 */
#ifndef RT_SAVED_NOTICE_H
#define RT_SAVED_NOTICE_H

#include <jansson.h>

#include "request.h"

enum saved_what {
	SAVED_DECISION,		/* a proposal's group decision */
	SAVED_ATTENDANCE,	/* who came to a meeting */
	SAVED_LANGUAGE,		/* the account's language */
	SAVED_TEXT_SIZE,	/* the account's text size */
	SAVED_READING,		/* easy read or standard pages */
	SAVED_SURVEY_OPEN,	/* a survey opened for answers */
	SAVED_SURVEY_CLOSED,	/* a survey closed to answers */
	SAVED__MAX
};

/* path with saved=what added to its query (before any #part), malloc'd;
 * NULL when out of memory. */
char	*saved_location(const char *path, enum saved_what what);
/* Answers 303 to fmt's page of id (fmt has one %lld) with saved=what;
 * 500 when out of memory. */
void	saved_redirect(struct response *, const char *fmt, int64_t id,
	    enum saved_what what);
/* The banner for the request's ?saved=, as {notice: {text: msgid}} (the
 * shape templates/notice.html draws), or NULL when it names nothing. */
json_t	*saved_notice(const struct request *rq);

#endif
