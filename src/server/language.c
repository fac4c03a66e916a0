#include <string.h>

#include "language.h"
#include "../embedded.h"
#include "../limits.h"
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
	if ((l = language_accepted(rq->accept_language)) != NULL)
		return l;
	return language_default();
}

/* One item of an Accept-Language list ("cy-GB;q=0.8"): the language of
 * its primary tag, when we have it, and its weight (1000 for q=1). */
static const struct language *
accepted_item(const char *item, size_t len, int *weight)
{
	char		 code[4];
	size_t		 n = 0, i;
	const char	*q, *end;

	while (len > 0 && *item == ' ')
		item++, len--;
	for (i = 0; i < len && item[i] != '-' && item[i] != ';' &&
	    item[i] != ' ' && n < sizeof(code) - 1; i++)
		code[n++] = (char)(item[i] | 0x20);
	code[n] = '\0';
	*weight = 1000;
	/* "q=0.8": up to three decimals, as RFC 9110 allows. */
	if ((q = memmem(item, len, ";q=", 3)) != NULL) {
		int	 place;

		q += 3;
		end = item + len;
		*weight = q < end && *q == '1' ? 1000 : 0;
		if (q + 1 < end && q[0] == '0' && q[1] == '.')
			for (q += 2, place = 100; q < end && *q >= '0' &&
			    *q <= '9' && place > 0; q++, place /= 10)
				*weight += (*q - '0') * place;
	}
	return language_find(code);
}

const struct language *
language_accepted(const char *header)
{
	const struct language	*best = NULL, *l;
	const char		*item = header, *end;
	int			 weight, best_weight = 0;
	size_t			 items = 0;

	/* The header is bounded by the request's; its items are too, so a
	 * long list costs no more than HEADER_LANGUAGES looks. */
	while (item != NULL && *item != '\0' && items++ < HEADER_LANGUAGES) {
		end = strchr(item, ',');
		l = accepted_item(item, end ? (size_t)(end - item) :
		    strlen(item), &weight);
		if (l != NULL && weight > best_weight) {
			best = l;
			best_weight = weight;
		}
		item = end ? end + 1 : NULL;
	}
	return best;
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
