/*
 * The tellers' mismatch kept without words and worded when shown
 * (batch_differ.h).  Tested in tests/http/test_elections_paper.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_differ.h"
#include "../limits.h"
#include "../util/buf.h"
#include "../util/catalogue.h"

/*
 * Positions past the shorter entry are not listed: they would tell the
 * second teller how many papers the first one typed.
 */
char *
batch_differ_code(const json_t *a, const json_t *b)
{
	struct buf	 out;
	size_t		 na = json_array_size(a), nb = json_array_size(b);
	size_t		 i, listed = 0;

	buf_init(&out, 16 * BATCH_DIFFERED_LISTED + 32);
	for (i = 0; i < (na < nb ? na : nb); i++) {
		if (json_equal(json_array_get(a, i), json_array_get(b, i)))
			continue;
		if (listed++ == BATCH_DIFFERED_LISTED) {
			buf_printf(&out, " more");
			break;
		}
		buf_printf(&out, "%s%zu", listed > 1 ? " " : "", i + 1);
	}
	if (na != nb)
		buf_printf(&out, "%scount", listed ? " " : "");
	return buf_detach(&out, NULL);
}

/* What a kept mismatch says, read from either spelling: numbers are
 * papers; "more" that more differ; "count" or the old "number" that the
 * numbers of papers differ. */
struct differ_read {
	char	 papers[16 * BATCH_DIFFERED_LISTED + 16];
	size_t	 n;
	int	 more, count;
};

static void
differ_read(const char *s, struct differ_read *d)
{
	size_t	 len = 0, w;

	memset(d, 0, sizeof(*d));
	while (s != NULL && *s != '\0') {
		if (isdigit((unsigned char)*s)) {
			w = strspn(s, "0123456789");
			if (d->n < BATCH_DIFFERED_LISTED + 1 &&
			    len + w + 3 < sizeof(d->papers)) {
				len += (size_t)snprintf(d->papers + len,
				    sizeof(d->papers) - len, "%s%.*s",
				    d->n ? ", " : "", (int)w, s);
				d->n++;
			}
			s += w;
		} else if (isalpha((unsigned char)*s)) {
			w = strspn(s, "abcdefghijklmnopqrstuvwxyz");
			if (w == 4 && strncmp(s, "more", 4) == 0)
				d->more = 1;
			else if ((w == 5 && strncmp(s, "count", 5) == 0) ||
			    (w == 6 && strncmp(s, "number", 6) == 0))
				d->count = 1;
			s += w ? w : 1;
		} else
			s++;
	}
}

const char *
batch_differ_words(const char *kept, const struct catalogue *words,
    int easy, char *out, size_t sz)
{
	struct differ_read d;
	char		 list[sizeof(d.papers) + 64], more[sizeof(list)];
	const char	*msg;

	differ_read(kept, &d);
	snprintf(list, sizeof(list), "%s", d.papers);
	if (d.more) {
		/* TRANSLATORS: {papers} is a list of paper numbers, "2, 5";
		 * more papers differ than the list names. */
		catalogue_fill(catalogue_get(words, N_("{papers} and more")),
		    "papers", list, more, sizeof(more));
		snprintf(list, sizeof(list), "%s", more);
	}
	if (d.n == 0)
		msg = !d.count ? "" : easy ? catalogue_get(words,
		    N_("The number of papers is different.")) :
		    catalogue_get(words, N_("the number of papers"));
	else if (easy && d.count)
		msg = catalogue_nget(words, "Paper {papers} is different. The "
		    "number of papers is different too.", "Papers {papers} are "
		    "different. The number of papers is different too.", d.n);
	else if (easy)
		msg = catalogue_nget(words, "Paper {papers} is different.",
		    "Papers {papers} are different.", d.n);
	else if (d.count)
		/* TRANSLATORS: where two tellers' entries of a batch of
		 * paper ballots differ; {papers} is a list of the papers'
		 * numbers in the bundle, "2, 5". */
		msg = catalogue_nget(words, "paper {papers} and the number of "
		    "papers", "papers {papers} and the number of papers", d.n);
	else
		/* TRANSLATORS: as above, the papers alone. */
		msg = catalogue_nget(words, "paper {papers}",
		    "papers {papers}", d.n);
	return catalogue_fill(msg, "papers", list, out, sz);
}
