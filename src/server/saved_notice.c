/*
 * The words each kind of save says when done (saved_notice.h).  They say
 * what was saved, so a reader who cannot see the page change (a screen
 * reader, a page that looks the same) knows it worked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "saved_notice.h"
#include "../util/catalogue.h"

static const struct {
	const char	*key;	/* the value of ?saved= */
	const char	*said;	/* msgid */
} saved[SAVED__MAX] = {
	[SAVED_DECISION] = { "decision",
	    N_("The group's decision has been saved.") },
	[SAVED_ATTENDANCE] = { "attendance",
	    N_("Who came has been saved.") },
	[SAVED_LANGUAGE] = { "language",
	    N_("Your language has been saved.") },
	[SAVED_TEXT_SIZE] = { "text-size",
	    N_("Your text size has been saved.") },
	[SAVED_READING] = { "reading",
	    N_("How pages read for you has been saved.") },
	[SAVED_SURVEY_OPEN] = { "survey-open",
	    N_("The survey is open: people can answer it now.") },
	[SAVED_SURVEY_CLOSED] = { "survey-closed",
	    N_("The survey is closed: no more answers are taken.") },
};

char *
saved_location(const char *path, enum saved_what what)
{
	size_t	 at = strcspn(path, "#");
	char	*s;

	if ((int)what < 0 || what >= SAVED__MAX)
		return NULL;
	if (asprintf(&s, "%.*s%ssaved=%s%s", (int)at, path,
	    memchr(path, '?', at) != NULL ? "&" : "?", saved[what].key,
	    path + at) == -1)
		return NULL;
	return s;
}

void
saved_redirect(struct response *rs, const char *fmt, int64_t id,
    enum saved_what what)
{
	char	*page, *to = NULL;

	if (asprintf(&page, fmt, (long long)id) != -1) {
		to = saved_location(page, what);
		free(page);
	}
	if (to == NULL)
		response_error(rs, 500, "Something went wrong.");
	else
		response_redirect(rs, "%s", to);
	free(to);
}

json_t *
saved_notice(const struct request *rq)
{
	const char	*key = form_get(&rq->query, "saved");
	size_t		 i;

	for (i = 0; key != NULL && i < SAVED__MAX; i++)
		if (strcmp(key, saved[i].key) == 0)
			return json_pack("{s:{s:s}}", "notice", "text",
			    saved[i].said);
	return NULL;
}
