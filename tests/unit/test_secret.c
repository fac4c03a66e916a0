/* src/auth/secret.h: passwords, tokens and CSRF tokens. */
#include "unit.h"

#include <ctype.h>

#include "auth/secret.h"

static int
group_setup(void **state)
{
	(void)state;
	return secret_init();
}

static void
test_password_roundtrip(void **state)
{
	char	 h1[PASSWORD_HASH_MAX], h2[PASSWORD_HASH_MAX];

	(void)state;
	assert_int_equal(password_hash("correct horse battery", h1), 0);
	assert_non_null(strstr(h1, "$argon2id$"));
	assert_true(strlen(h1) < PASSWORD_HASH_MAX);
	assert_int_equal(password_verify(h1, "correct horse battery"), 1);
	assert_int_equal(password_verify(h1, "correct horse batterY"), 0);
	assert_int_equal(password_verify(h1, "correct horse battery "), 0);
	assert_int_equal(password_verify(h1, "correct horse"), 0);
	assert_int_equal(password_verify(h1, ""), 0);
	/* Salted: the same password hashes differently each time. */
	assert_int_equal(password_hash("correct horse battery", h2), 0);
	assert_string_not_equal(h1, h2);
	assert_int_equal(password_verify(h2, "correct horse battery"), 1);
}

static void
test_password_unicode_and_empty(void **state)
{
	char	 h[PASSWORD_HASH_MAX];

	(void)state;
	assert_int_equal(password_hash("p\xc3\xa4ssw\xc3\xb6rd \xe2\x82\xac", h),
	    0);
	assert_int_equal(password_verify(h, "p\xc3\xa4ssw\xc3\xb6rd \xe2\x82\xac"),
	    1);
	assert_int_equal(password_verify(h, "p\xc3\xa4ssword \xe2\x82\xac"), 0);
	assert_int_equal(password_hash("", h), 0);
	assert_int_equal(password_verify(h, ""), 1);
	assert_int_equal(password_verify(h, " "), 0);
}

static void
test_password_verify_garbage_hash(void **state)
{
	(void)state;
	assert_int_equal(password_verify("", "x"), 0);
	assert_int_equal(password_verify("not a hash", "not a hash"), 0);
	assert_int_equal(password_verify("$argon2id$v=19$m=1,t=1,p=1$AA$AA",
	    "x"), 0);
}

static void
test_password_generate(void **state)
{
	char	 a[33], b[33];
	size_t	 i;

	(void)state;
	password_generate(a, 32);
	password_generate(b, 32);
	assert_int_equal(strlen(a), 32);
	assert_string_not_equal(a, b);
	for (i = 0; i < 32; i++) {
		assert_non_null(strchr("abcdefghijkmnpqrstuvwxyz"
		    "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", a[i]));
		assert_null(strchr("0O1lI", a[i]));
	}
	password_generate(a, 0);
	assert_string_equal(a, "");
}

static void
test_token_new(void **state)
{
	char	 t[TOKEN_CHARS + 1], u[TOKEN_CHARS + 1];
	size_t	 i;
	int	 k;

	(void)state;
	for (k = 0; k < 50; k++) {
		token_new(t);
		assert_int_equal(strlen(t), 43);
		for (i = 0; i < TOKEN_CHARS; i++)
			assert_non_null(strchr("abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", t[i]));
		assert_int_equal(token_wellformed(t), 1);
		token_new(u);
		assert_string_not_equal(t, u);
	}
}

static void
test_token_wellformed(void **state)
{
	char	 t[TOKEN_CHARS + 1], s[TOKEN_CHARS + 3];

	(void)state;
	token_new(t);
	assert_int_equal(token_wellformed(t), 1);
	assert_int_equal(token_wellformed(
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123-_z"), 1);
	assert_int_equal(token_wellformed(""), 0);
	/* One short, one long. */
	memcpy(s, t, TOKEN_CHARS - 1);
	s[TOKEN_CHARS - 1] = '\0';
	assert_int_equal(token_wellformed(s), 0);
	memcpy(s, t, TOKEN_CHARS);
	s[TOKEN_CHARS] = 'A';
	s[TOKEN_CHARS + 1] = '\0';
	assert_int_equal(token_wellformed(s), 0);
	/* Padded, standard base64 and other characters. */
	memcpy(s, t, TOKEN_CHARS);
	s[TOKEN_CHARS] = '=';
	s[TOKEN_CHARS + 1] = '\0';
	assert_int_equal(token_wellformed(s), 0);
	memcpy(s, t, TOKEN_CHARS + 1);
	s[5] = '+';
	assert_int_equal(token_wellformed(s), 0);
	s[5] = '/';
	assert_int_equal(token_wellformed(s), 0);
	s[5] = ' ';
	assert_int_equal(token_wellformed(s), 0);
	s[5] = '.';
	assert_int_equal(token_wellformed(s), 0);
	s[5] = '\xc3';
	assert_int_equal(token_wellformed(s), 0);
	s[5] = '%';
	assert_int_equal(token_wellformed(s), 0);
	s[5] = ';';
	assert_int_equal(token_wellformed(s), 0);
}

static void
test_token_digest(void **state)
{
	char		 t[TOKEN_CHARS + 1], u[TOKEN_CHARS + 1];
	unsigned char	 d1[DIGEST_BYTES], d2[DIGEST_BYTES], d3[DIGEST_BYTES];
	unsigned char	 zero[DIGEST_BYTES];

	(void)state;
	token_new(t);
	token_digest(t, d1);
	token_digest(t, d2);
	assert_memory_equal(d1, d2, DIGEST_BYTES);
	memset(zero, 0, sizeof(zero));
	assert_memory_not_equal(d1, zero, DIGEST_BYTES);
	/* Not the token itself, and different for another token. */
	assert_memory_not_equal(d1, t, DIGEST_BYTES);
	token_new(u);
	token_digest(u, d3);
	assert_memory_not_equal(d1, d3, DIGEST_BYTES);
	/* One character apart. */
	memcpy(u, t, sizeof(u));
	u[0] = u[0] == 'A' ? 'B' : 'A';
	token_digest(u, d3);
	assert_memory_not_equal(d1, d3, DIGEST_BYTES);
}

static void
test_csrf(void **state)
{
	unsigned char	 key[DIGEST_BYTES], other[DIGEST_BYTES];
	char		 cookie[TOKEN_CHARS + 1], cookie2[TOKEN_CHARS + 1];
	char		 tok[CSRF_CHARS + 1], tok2[CSRF_CHARS + 1];
	char		 bad[CSRF_CHARS + 2];
	size_t		 i;

	(void)state;
	randombytes_buf(key, sizeof(key));
	randombytes_buf(other, sizeof(other));
	token_new(cookie);
	token_new(cookie2);
	csrf_token(key, cookie, tok);
	assert_int_equal(strlen(tok), CSRF_CHARS);
	for (i = 0; i < CSRF_CHARS; i++)
		assert_non_null(strchr("0123456789abcdef", tok[i]));
	/* Deterministic for one key and cookie. */
	csrf_token(key, cookie, tok2);
	assert_string_equal(tok, tok2);
	assert_int_equal(csrf_valid(key, cookie, tok), 1);

	/* Another cookie's token. */
	csrf_token(key, cookie2, tok2);
	assert_string_not_equal(tok, tok2);
	assert_int_equal(csrf_valid(key, cookie, tok2), 0);
	assert_int_equal(csrf_valid(key, cookie2, tok), 0);
	/* Another key. */
	assert_int_equal(csrf_valid(other, cookie, tok), 0);
	/* Truncated, extended, altered, empty. */
	memcpy(bad, tok, CSRF_CHARS + 1);
	bad[CSRF_CHARS - 1] = '\0';
	assert_int_equal(csrf_valid(key, cookie, bad), 0);
	bad[32] = '\0';
	assert_int_equal(csrf_valid(key, cookie, bad), 0);
	memcpy(bad, tok, CSRF_CHARS);
	bad[CSRF_CHARS] = '0';
	bad[CSRF_CHARS + 1] = '\0';
	assert_int_equal(csrf_valid(key, cookie, bad), 0);
	memcpy(bad, tok, CSRF_CHARS + 1);
	bad[10] = bad[10] == 'a' ? 'b' : 'a';
	assert_int_equal(csrf_valid(key, cookie, bad), 0);
	memcpy(bad, tok, CSRF_CHARS + 1);
	for (i = 0; i < CSRF_CHARS; i++)
		bad[i] = (char)toupper((unsigned char)bad[i]);
	if (strcmp(bad, tok) != 0)
		assert_int_equal(csrf_valid(key, cookie, bad), 0);
	assert_int_equal(csrf_valid(key, cookie, ""), 0);
	/* NULL either way. */
	assert_int_equal(csrf_valid(key, cookie, NULL), 0);
	assert_int_equal(csrf_valid(key, NULL, tok), 0);
	assert_int_equal(csrf_valid(key, NULL, NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_password_roundtrip),
		cmocka_unit_test(test_password_unicode_and_empty),
		cmocka_unit_test(test_password_verify_garbage_hash),
		cmocka_unit_test(test_password_generate),
		cmocka_unit_test(test_token_new),
		cmocka_unit_test(test_token_wellformed),
		cmocka_unit_test(test_token_digest),
		cmocka_unit_test(test_csrf),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
