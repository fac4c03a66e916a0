#include <string.h>

#include "language.h"
#include "../embedded.h"
#include "../util/catalogue.h"
#include "../util/log.h"

const struct language languages[] = {
	{ "en", "English" },
	{ "cy", "Cymraeg" },
};
const size_t languages_count = sizeof(languages) / sizeof(languages[0]);

/* Filled once by languages_load, read-only after. */
static struct catalogue	catalogues[sizeof(languages) / sizeof(languages[0])];

int
languages_load(void)
{
	const struct embedded_file	*f;
	char				 want[16];
	size_t				 i;
	int				 found;

	for (i = 1; i < languages_count; i++) {
		snprintf(want, sizeof(want), "%s.mo", languages[i].code);
		for (found = 0, f = embedded_catalogues; f->name != NULL; f++) {
			if (strcmp(f->name, want) != 0)
				continue;
			found = 1;
			if (catalogue_load(&catalogues[i], f->data, f->len)
			    == -1) {
				log_line(LOG_ERR, "catalogue %s is not a .mo "
				    "file with a Plural-Forms rule that holds",
				    f->name);
				return -1;
			}
		}
		if (!found) {
			log_line(LOG_ERR, "no catalogue %s in this build", want);
			return -1;
		}
	}
	return 0;
}

const struct language *
language_find(const char *code)
{
	size_t	 i;

	for (i = 0; code != NULL && i < languages_count; i++)
		if (strcmp(languages[i].code, code) == 0)
			return &languages[i];
	return NULL;
}

const struct language *
language_default(void)
{
	return &languages[0];
}

const struct catalogue *
language_words(const struct language *l)
{
	size_t	 i = l != NULL ? (size_t)(l - languages) : 0;

	return i > 0 && i < languages_count ? &catalogues[i] : NULL;
}

const struct language *
request_language(const struct request *rq, struct response *rs)
{
	const struct language	*l;

	if ((l = language_find(form_get(&rq->query, "lang"))) != NULL) {
		response_cookie(rs, LANG_COOKIE, l->code);
		return l;
	}
	if ((l = language_find(rq->who.language)) != NULL)
		return l;
	if ((l = language_find(rq->lang_cookie)) != NULL)
		return l;
	if ((l = language_find(rq->who.place_language)) != NULL)
		return l;
	return language_default();
}

void
request_language_of_place(struct request *rq, const char *code)
{
	const struct language	*l = language_find(code);

	if (l != NULL && form_get(&rq->query, "lang") == NULL &&
	    language_find(rq->who.language) == NULL &&
	    language_find(rq->lang_cookie) == NULL)
		rq->lang = l;
}
