/*
 * A place's exchange keys: one file outside the database (so a copy of
 * the database alone cannot forge a bundle) holding two seeds, one for
 * signing (Ed25519) and one for receiving sealed bundles (X25519).  The
 * public halves travel to the other place as one line of text, checked
 * there by a short code read aloud.
 */
#include <stdio.h>
#include <string.h>

#include "exchange.h"
#include "../util/key_file.h"

#define SEED_BYTES	32
#define KEY_FILE_BYTES	(2 * SEED_BYTES)
#define KEY_PREFIX	"roundtable-place-key "
#define CODE_BYTES	8

int
exchange_keys_create(const char *path)
{
	return key_file_create(path, KEY_FILE_BYTES);
}

int
exchange_keys_load(const char *path, struct exchange_keys *k)
{
	unsigned char	 seeds[KEY_FILE_BYTES];
	int		 rc = -1;

	if (key_file_read(path, seeds, sizeof(seeds)) == -1)
		return -1;
	if (crypto_sign_seed_keypair(k->sign_pk, k->sign_sk, seeds) == 0 &&
	    crypto_box_seed_keypair(k->box_pk, k->box_sk,
	    seeds + SEED_BYTES) == 0)
		rc = 0;
	sodium_memzero(seeds, sizeof(seeds));
	return rc;
}

void
exchange_keys_clear(struct exchange_keys *k)
{
	sodium_memzero(k, sizeof(*k));
}

int
exchange_key_text(const struct exchange_keys *k, char *out, size_t sz)
{
	unsigned char	 both[2 * crypto_sign_PUBLICKEYBYTES];
	size_t		 len = strlen(KEY_PREFIX);

	memcpy(both, k->sign_pk, crypto_sign_PUBLICKEYBYTES);
	memcpy(both + crypto_sign_PUBLICKEYBYTES, k->box_pk,
	    crypto_box_PUBLICKEYBYTES);
	if (sz < len + sodium_base64_ENCODED_LEN(sizeof(both),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING))
		return -1;
	memcpy(out, KEY_PREFIX, len);
	sodium_bin2base64(out + len, sz - len, both, sizeof(both),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return 0;
}

int
exchange_key_parse(const char *text, unsigned char *sign_pk,
    unsigned char *box_pk)
{
	unsigned char	 both[2 * crypto_sign_PUBLICKEYBYTES];
	size_t		 len = strlen(KEY_PREFIX), got;
	const char	*end;

	if (strncmp(text, KEY_PREFIX, len) != 0)
		return -1;
	if (sodium_base642bin(both, sizeof(both), text + len,
	    strlen(text + len), " \r\n", &got, &end,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    got != sizeof(both) || *end != '\0')
		return -1;
	memcpy(sign_pk, both, crypto_sign_PUBLICKEYBYTES);
	memcpy(box_pk, both + crypto_sign_PUBLICKEYBYTES,
	    crypto_box_PUBLICKEYBYTES);
	return 0;
}

int
exchange_key_code(const unsigned char *sign_pk, const unsigned char *box_pk,
    char *out, size_t sz)
{
	crypto_generichash_state	 st;
	unsigned char			 h[CODE_BYTES];
	size_t				 i, at = 0;

	if (sz < CODE_BYTES * 2 + CODE_BYTES / 2)
		return -1;
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, sign_pk, crypto_sign_PUBLICKEYBYTES);
	crypto_generichash_update(&st, box_pk, crypto_box_PUBLICKEYBYTES);
	crypto_generichash_final(&st, h, sizeof(h));
	for (i = 0; i < CODE_BYTES; i++) {
		at += (size_t)snprintf(out + at, sz - at, "%s%02X",
		    i > 0 && i % 2 == 0 ? "-" : "", h[i]);
	}
	return 0;
}
