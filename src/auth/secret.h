/*
 * Passwords, random tokens and CSRF tokens, all through libsodium.
 * Call secret_init() once before anything else here.
 *
 * Passwords are stored as Argon2id strings (crypto_pwhash_str).  Session
 * and API tokens are 32 random bytes sent as 43 base64url characters and
 * stored only as their BLAKE2b digest.  A CSRF token is a keyed digest of
 * the cookie it travels with, so it needs no storage and dies with it.
 */
#ifndef RT_SECRET_H
#define RT_SECRET_H

#include <sodium.h>

#define TOKEN_BYTES	32
#define TOKEN_CHARS	43	/* base64url, no padding */
#define DIGEST_BYTES	32
#define CSRF_CHARS	64	/* hex */
#define PASSWORD_HASH_MAX crypto_pwhash_STRBYTES

int	secret_init(void);			/* 0 or -1 */

int	password_hash(const char *password, char out[PASSWORD_HASH_MAX]);
int	password_verify(const char *hash, const char *password); /* 1 match */
/* Spends the time of one verification, so unknown names take as long. */
void	password_burn(const char *password);
/* A new random password of n readable characters (no 0/O, 1/l). */
void	password_generate(char *out, size_t n);

void	token_new(char out[TOKEN_CHARS + 1]);
void	token_digest(const char *token, unsigned char out[DIGEST_BYTES]);
/* Is s shaped like one of our tokens?  1 or 0. */
int	token_wellformed(const char *s);

void	csrf_token(const unsigned char key[DIGEST_BYTES], const char *cookie,
	    char out[CSRF_CHARS + 1]);
int	csrf_valid(const unsigned char key[DIGEST_BYTES], const char *cookie,
	    const char *given);		/* 1 valid */

#endif
