/*
 * A bundle on the stick: "RTX1", the sender's and receiver's numbers in
 * the clear (to choose keys), then, sealed to the receiver's key
 * (crypto_box_seal), the same header, the sender's acknowledgement (the
 * last of the receiver's parts it applied) and the parts, followed by
 * the sender's signature over all of it (crypto_sign).  A part is its
 * number, then each changeset's length and bytes.  Integers are
 * little-endian.
 */
#ifndef RT_EXCHANGE_BUNDLE_H
#define RT_EXCHANGE_BUNDLE_H

#include <stddef.h>
#include <stdint.h>

struct exchange_keys;
struct exchange_refusal;

/* One part: its number, its changeset, and the whole rows (as a
 * changeset of inserts) of those it changes, for a receiver that finds
 * it changed one of them too: the owner's version must then stand whole,
 * not just the columns the owner changed.  Borrowed (from the caller
 * when sealing, from the opened bundle when reading). */
struct bundle_part {
	int64_t			 seq;
	const unsigned char	*data;
	size_t			 len;
	const unsigned char	*images;
	size_t			 images_len;
};

/* An opened bundle; owns plain and parts (bundle_free). */
struct bundle {
	uint32_t		 from, to;
	int64_t			 ack;
	struct bundle_part	*parts;
	size_t			 nparts;
	unsigned char		*plain;	/* wiped when freed */
	size_t			 plain_len;
};

/* The numbers in the clear: 0, or -1 (not a bundle, or cut short). */
int	bundle_header(const unsigned char *in, size_t len, uint32_t *from,
	    uint32_t *to);
/* Seals b (plain unused) to box_pk, signed with keys: 0 or -1.  *out is
 * the caller's to free. */
int	bundle_seal(const struct bundle *, const struct exchange_keys *,
	    const unsigned char *box_pk, unsigned char **out, size_t *len);
/* Opens with keys, checks the signature with sign_pk and reads the
 * parts: 0, or -1 with why set. */
int	bundle_open(const unsigned char *in, size_t len,
	    const struct exchange_keys *, const unsigned char *sign_pk,
	    struct bundle *, struct exchange_refusal *why);
void	bundle_free(struct bundle *);

#endif
