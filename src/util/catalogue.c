/*
 * GNU gettext .mo files, read in place.  The format: a magic number, a
 * revision, the count of messages, and the offsets of two tables of
 * (length, offset) pairs, the originals sorted by their bytes and the
 * translations in the same order.  A plural message's original is
 * "one\0many" and its translation the forms, NUL-separated.
 */
#include <stdio.h>
#include <string.h>

#include "catalogue.h"
#include "../limits.h"

#define MO_MAGIC	0x950412deU
#define MO_HEADER	28	/* bytes up to and with the hash table's */

static uint32_t
word_at(const struct catalogue *c, size_t off)
{
	const unsigned char	*p = c->mo + off;

	return c->swap ?
	    (uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[0] << 24 :
	    (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/* Entry i of the table at off: its string, or NULL when the entry points
 * outside the image or its string is not NUL-terminated there. */
static const char *
entry(const struct catalogue *c, uint32_t table, uint32_t i, uint32_t *len)
{
	size_t		 at = (size_t)table + (size_t)i * 8;
	uint32_t	 off;

	if (at + 8 > c->len)
		return NULL;
	*len = word_at(c, at);
	off = word_at(c, at + 4);
	if ((size_t)off + *len >= c->len || c->mo[off + *len] != '\0')
		return NULL;
	return (const char *)c->mo + off;
}

/* The header's "Language: cy" into lang (letters and hyphens, at most
 * size - 1 of them); "" when it has none. */
static void
language_read(const char *header, char *lang, size_t size)
{
	const char	*p = header != NULL ? strstr(header, "Language: ") :
			    NULL;
	size_t		 n = 0;

	if (p != NULL && (p == header || p[-1] == '\n'))
		for (p += 10; n + 1 < size && ((p[n] >= 'a' && p[n] <= 'z') ||
		    (p[n] >= 'A' && p[n] <= 'Z') || p[n] == '-'); n++)
			lang[n] = p[n];
	lang[n] = '\0';
}

const char *
catalogue_language(const struct catalogue *c)
{
	return c != NULL && c->lang[0] != '\0' ? c->lang : "en";
}

int
catalogue_load(struct catalogue *c, const void *mo, size_t len)
{
	const char	*header;
	uint32_t	 i, l;

	memset(c, 0, sizeof(*c));
	c->mo = mo;
	c->len = len;
	if (len < MO_HEADER)
		goto bad;
	if (word_at(c, 0) != MO_MAGIC) {
		c->swap = 1;
		if (word_at(c, 0) != MO_MAGIC)
			goto bad;
	}
	c->n = word_at(c, 8);
	c->originals = word_at(c, 12);
	c->translations = word_at(c, 16);
	/* Every entry checked once here, so a look-up never meets a bad
	 * one (the image is ours, but a build gone wrong must not crash). */
	for (i = 0; i < c->n; i++)
		if (entry(c, c->originals, i, &l) == NULL ||
		    entry(c, c->translations, i, &l) == NULL)
			goto bad;
	/* The header is the translation of "", which sorts first. */
	header = c->n > 0 && entry(c, c->originals, 0, &l) != NULL && l == 0 ?
	    entry(c, c->translations, 0, &l) : NULL;
	if (plural_rule_read(header, &c->plural) == -1)
		goto bad;
	language_read(header, c->lang, sizeof(c->lang));
	return 0;
bad:
	memset(&c->plural, 0, sizeof(c->plural));
	c->n = 0;
	c->mo = NULL;
	c->len = 0;
	return -1;
}

/* The translation of msgid (its whole record, forms NUL-separated, and
 * the record's length), or NULL. */
static const char *
find(const struct catalogue *c, const char *msgid, uint32_t *len)
{
	uint32_t	 lo = 0, hi, mid, l;
	const char	*orig;
	int		 cmp;

	if (c == NULL || c->n == 0 || msgid == NULL || *msgid == '\0')
		return NULL;
	hi = c->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		orig = entry(c, c->originals, mid, &l);
		if ((cmp = strcmp(msgid, orig)) == 0) {
			orig = entry(c, c->translations, mid, len);
			/* An empty translation means none yet. */
			return *len > 0 ? orig : NULL;
		}
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const char *
catalogue_get(const struct catalogue *c, const char *msgid)
{
	uint32_t	 len;
	const char	*t = find(c, msgid, &len);

	return t != NULL ? t : msgid;
}

const char *
catalogue_pget(const struct catalogue *c, const char *ctx, const char *msgid)
{
	char		 key[CATALOGUE_CONTEXT_KEY_MAX];
	uint32_t	 len;
	const char	*t = NULL;

	/* A .mo keys a message in a context as "ctx\004msgid". */
	if ((size_t)snprintf(key, sizeof(key), "%s\004%s", ctx, msgid) <
	    sizeof(key))
		t = find(c, key, &len);
	return t != NULL ? t : catalogue_get(c, msgid);
}

const char *
catalogue_nget(const struct catalogue *c, const char *msgid,
    const char *plural, unsigned long n)
{
	uint32_t	 len;
	unsigned	 form;
	const char	*t = find(c, msgid, &len), *p, *end;

	if (t == NULL)
		return n == 1 ? msgid : plural;
	form = c->plural.expr != NULL ? plural_rule_form(&c->plural, n) :
	    n != 1;
	for (p = t, end = t + len; form > 0 && p < end; form--)
		p += strlen(p) + 1;
	/* A form the translation lacks: its first. */
	return p < end ? p : t;
}

const char *
catalogue_fill_n(const char *msg, long long n, char *out, size_t sz)
{
	const char	*at = strstr(msg, "{n}");

	if (at == NULL)
		snprintf(out, sz, "%s", msg);
	else
		snprintf(out, sz, "%.*s%lld%s", (int)(at - msg), msg, n, at + 3);
	return out;
}

const char *
catalogue_fill(const char *msg, const char *name, const char *value,
    char *out, size_t sz)
{
	char		 brace[40];
	const char	*at;

	snprintf(brace, sizeof(brace), "{%s}", name);
	if ((at = strstr(msg, brace)) == NULL)
		snprintf(out, sz, "%s", msg);
	else
		snprintf(out, sz, "%.*s%s%s", (int)(at - msg), msg, value,
		    at + strlen(brace));
	return out;
}
