/*
 * Sealing and opening bundles (exchange_bundle.h).  What is signed is
 * the plain text whole, header included, so a bundle cannot be turned
 * round, re-addressed or spliced from two others.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "exchange.h"
#include "exchange_bundle.h"
#include "../limits.h"
#include "../util/catalogue.h"

#define MAGIC		"RTX1"
#define MAGIC_LEN	4
#define HEADER_LEN	(MAGIC_LEN + 4 + 4)
#define PLAIN_FIXED	(HEADER_LEN + 8 + 4)	/* header, ack, part count */
#define PART_FIXED	(8 + 4 + 4)		/* seq, two lengths */

static void
put32(unsigned char *p, uint32_t v)
{
	int	 i;

	for (i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static void
put64(unsigned char *p, uint64_t v)
{
	int	 i;

	for (i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint64_t
get64(const unsigned char *p)
{
	return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

int
bundle_header(const unsigned char *in, size_t len, uint32_t *from,
    uint32_t *to)
{
	if (len < HEADER_LEN || memcmp(in, MAGIC, MAGIC_LEN) != 0)
		return -1;
	*from = get32(in + MAGIC_LEN);
	*to = get32(in + MAGIC_LEN + 4);
	return 0;
}

static void
header_write(unsigned char *p, const struct bundle *b)
{
	memcpy(p, MAGIC, MAGIC_LEN);
	put32(p + MAGIC_LEN, b->from);
	put32(p + MAGIC_LEN + 4, b->to);
}

int
bundle_seal(const struct bundle *b, const struct exchange_keys *keys,
    const unsigned char *box_pk, unsigned char **out, size_t *len)
{
	unsigned char	*plain, *p;
	size_t		 n = PLAIN_FIXED, i, signed_len;

	for (i = 0; i < b->nparts; i++) {
		if (b->parts[i].len > EXCHANGE_BUNDLE_MAX ||
		    b->parts[i].images_len > EXCHANGE_BUNDLE_MAX)
			return -1;
		n += PART_FIXED + b->parts[i].len + b->parts[i].images_len;
		if (n > EXCHANGE_BUNDLE_MAX)
			return -1;
	}
	if (n > EXCHANGE_BUNDLE_MAX)
		return -1;
	signed_len = n + crypto_sign_BYTES;
	if ((plain = malloc(signed_len)) == NULL)
		return -1;
	header_write(plain, b);
	put64(plain + HEADER_LEN, (uint64_t)b->ack);
	put32(plain + HEADER_LEN + 8, (uint32_t)b->nparts);
	p = plain + PLAIN_FIXED;
	for (i = 0; i < b->nparts; i++) {
		put64(p, (uint64_t)b->parts[i].seq);
		put32(p + 8, (uint32_t)b->parts[i].len);
		put32(p + 12, (uint32_t)b->parts[i].images_len);
		p += PART_FIXED;
		if (b->parts[i].len > 0)
			memcpy(p, b->parts[i].data, b->parts[i].len);
		p += b->parts[i].len;
		if (b->parts[i].images_len > 0)
			memcpy(p, b->parts[i].images, b->parts[i].images_len);
		p += b->parts[i].images_len;
	}
	crypto_sign_detached(plain + n, NULL, plain, n, keys->sign_sk);
	*len = HEADER_LEN + crypto_box_SEALBYTES + signed_len;
	if ((*out = malloc(*len)) == NULL) {
		free(plain);
		return -1;
	}
	header_write(*out, b);
	crypto_box_seal(*out + HEADER_LEN, plain, signed_len, box_pk);
	sodium_memzero(plain, signed_len);
	free(plain);
	return 0;
}

int
bundle_open(const unsigned char *in, size_t len,
    const struct exchange_keys *keys, const unsigned char *sign_pk,
    struct bundle *b, struct exchange_refusal *why)
{
	const unsigned char	*p, *end;
	size_t			 plain_len, n, i;

	memset(b, 0, sizeof(*b));
	if (len < HEADER_LEN + crypto_box_SEALBYTES + PLAIN_FIXED +
	    crypto_sign_BYTES || len > EXCHANGE_BUNDLE_MAX + HEADER_LEN +
	    crypto_box_SEALBYTES + crypto_sign_BYTES) {
		exchange_refuse(why, N_("The bundle is cut short or too "
		    "large."), NULL);
		return -1;
	}
	plain_len = len - HEADER_LEN - crypto_box_SEALBYTES;
	b->plain_len = plain_len;
	if ((b->plain = malloc(plain_len)) == NULL) {
		exchange_refuse(why, N_("Out of memory."), NULL);
		return -1;
	}
	if (crypto_box_seal_open(b->plain, in + HEADER_LEN, len - HEADER_LEN,
	    keys->box_pk, keys->box_sk) != 0) {
		exchange_refuse(why, N_("The bundle cannot be opened: it was "
		    "changed, cut short, or not made for this place."), NULL);
		goto fail;
	}
	n = plain_len - crypto_sign_BYTES;
	if (crypto_sign_verify_detached(b->plain + n, b->plain, n,
	    sign_pk) != 0) {
		exchange_refuse(why, N_("The bundle is not signed by the place "
		    "it says it comes from."), NULL);
		goto fail;
	}
	if (memcmp(b->plain, in, HEADER_LEN) != 0) {
		exchange_refuse(why, N_("The bundle's addresses were "
		    "changed."), NULL);
		goto fail;
	}
	b->from = get32(b->plain + MAGIC_LEN);
	b->to = get32(b->plain + MAGIC_LEN + 4);
	b->ack = (int64_t)get64(b->plain + HEADER_LEN);
	b->nparts = get32(b->plain + HEADER_LEN + 8);
	if (b->nparts > EXCHANGE_PARTS_MAX || b->ack < 0 ||
	    (b->parts = calloc(b->nparts ? b->nparts : 1,
	    sizeof(*b->parts))) == NULL) {
		exchange_refuse(why, N_("The bundle holds too many parts."),
		    NULL);
		goto fail;
	}
	p = b->plain + PLAIN_FIXED;
	end = b->plain + n;
	for (i = 0; i < b->nparts; i++) {
		if ((size_t)(end - p) < PART_FIXED)
			break;
		b->parts[i].seq = (int64_t)get64(p);
		b->parts[i].len = get32(p + 8);
		b->parts[i].images_len = get32(p + 12);
		p += PART_FIXED;
		if ((size_t)(end - p) < b->parts[i].len ||
		    (size_t)(end - p) - b->parts[i].len <
		    b->parts[i].images_len || b->parts[i].seq <= 0 ||
		    (i > 0 && (b->parts[i - 1].seq == INT64_MAX ||
		    b->parts[i].seq != b->parts[i - 1].seq + 1)))
			break;
		b->parts[i].data = p;
		p += b->parts[i].len;
		b->parts[i].images = p;
		p += b->parts[i].images_len;
	}
	if (i < b->nparts || p != end) {
		exchange_refuse(why, N_("The bundle's parts are out of order or "
		    "damaged."), NULL);
		goto fail;
	}
	return 0;
fail:
	bundle_free(b);
	return -1;
}

void
bundle_free(struct bundle *b)
{
	free(b->parts);
	if (b->plain != NULL)
		sodium_memzero(b->plain, b->plain_len);
	free(b->plain);
	memset(b, 0, sizeof(*b));
}
