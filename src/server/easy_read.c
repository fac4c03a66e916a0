#include <stdio.h>
#include <string.h>

#include "easy_read.h"
#include "../render/template.h"
#include "../util/catalogue.h"

/* "easy" 1, "standard" 0, anything else -1. */
static int
reading_parse(const char *s)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "easy") == 0)
		return 1;
	return strcmp(s, "standard") == 0 ? 0 : -1;
}

int
request_easy_read(const struct request *rq, struct response *rs)
{
	const char	*asked = form_get(&rq->query, "read");
	int		 easy;

	if ((easy = reading_parse(asked)) >= 0) {
		response_cookie(rs, READ_COOKIE, asked);
		return easy;
	}
	if ((easy = reading_parse(rq->who.reading)) >= 0)
		return easy;
	return reading_parse(rq->read_cookie) == 1;
}

const char *
easy_read_template(const struct request *rq, const struct template_set *set,
    const char *name, char *buf, size_t bufsz)
{
	if (!rq->easy_read || name == NULL ||
	    (size_t)snprintf(buf, bufsz, EASY_PREFIX "%s", name) >= bufsz ||
	    !template_exists(set, buf))
		return name;
	return buf;
}

enum easy_reader
easy_reader_of(const struct principal *who)
{
	if (access_any(who, ROLES_STAFF) || !access_any(who,
	    ROLES_TAKING_PART))
		return EASY_READER_STAFF;
	return access_any(who, ROLE_BIT(ROLE_REP)) ? EASY_READER_REP :
	    EASY_READER_MEMBER;
}

const char *
easy_questions_words(enum easy_reader reader)
{
	static const char *const words[EASY_READER__MAX] = {
		[EASY_READER_MEMBER] = N_("Questions? Ask your rep."),
		[EASY_READER_REP] = N_("You are a rep. Members may ask you "
		    "about this."),
		[EASY_READER_STAFF] = N_("Members may ask about this. Their "
		    "rep can help them."),
	};

	return words[reader < EASY_READER__MAX ? reader :
	    EASY_READER_MEMBER];
}

const char *
withheld_help_words(const struct principal *who)
{
	if (who != NULL && access_any(who, ROLE_BIT(ROLE_ADMIN)))
		return NULL;
	if (who != NULL && access_any(who, ROLES_STAFF))
		return N_("If you think you should be able to see this, ask "
		    "an administrator.");
	return N_("If you think you should be able to see this, ask your "
	    "coordinator.");
}
