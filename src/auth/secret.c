#include <string.h>

#include "secret.h"

int
secret_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

int
password_hash(const char *password, char out[PASSWORD_HASH_MAX])
{
	return crypto_pwhash_str(out, password, strlen(password),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1;
}

int
password_verify(const char *hash, const char *password)
{
	return crypto_pwhash_str_verify(hash, password,
	    strlen(password)) == 0;
}

void
password_burn(const char *password)
{
	char	 hash[PASSWORD_HASH_MAX];

	(void)password_hash(password, hash);
}

void
password_generate(char *out, size_t n)
{
	static const char	 alphabet[] =
	    "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	size_t			 i;

	for (i = 0; i < n; i++)
		out[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	out[n] = '\0';
}

void
token_new(char out[TOKEN_CHARS + 1])
{
	unsigned char	 raw[TOKEN_BYTES];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, TOKEN_CHARS + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

void
token_digest(const char *token, unsigned char out[DIGEST_BYTES])
{
	crypto_generichash(out, DIGEST_BYTES, (const unsigned char *)token,
	    strlen(token), NULL, 0);
}

int
token_wellformed(const char *s)
{
	size_t	 i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-' || s[i] == '_'))
			return 0;
	return i == TOKEN_CHARS;
}

void
csrf_token(const unsigned char key[DIGEST_BYTES], const char *cookie,
    char out[CSRF_CHARS + 1])
{
	unsigned char	 mac[DIGEST_BYTES];

	crypto_generichash(mac, sizeof(mac), (const unsigned char *)cookie,
	    strlen(cookie), key, DIGEST_BYTES);
	sodium_bin2hex(out, CSRF_CHARS + 1, mac, sizeof(mac));
}

int
csrf_valid(const unsigned char key[DIGEST_BYTES], const char *cookie,
    const char *given)
{
	char	 want[CSRF_CHARS + 1];

	if (cookie == NULL || given == NULL || strlen(given) != CSRF_CHARS)
		return 0;
	csrf_token(key, cookie, want);
	return sodium_memcmp(want, given, CSRF_CHARS) == 0;
}
