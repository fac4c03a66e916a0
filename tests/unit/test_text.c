/* src/util/text.h, src/util/date.h and src/util/decimal.h. */
#include "unit.h"

#include "util/date.h"
#include "util/decimal.h"
#include "util/text.h"

#define VALID(s)	utf8_valid((s), sizeof(s) - 1)

static void
test_utf8_valid(void **state)
{
	(void)state;
	assert_true(utf8_valid("", 0));
	assert_true(VALID("plain ASCII, with tab\t and newline\n"));
	assert_true(VALID("caf\xc3\xa9"));			/* U+00E9 */
	assert_true(VALID("\xc2\x80"));				/* U+0080 */
	assert_true(VALID("\xdf\xbf"));				/* U+07FF */
	assert_true(VALID("\xe0\xa0\x80"));			/* U+0800 */
	assert_true(VALID("\xe2\x82\xac"));			/* U+20AC euro */
	assert_true(VALID("\xed\x9f\xbf"));			/* U+D7FF */
	assert_true(VALID("\xee\x80\x80"));			/* U+E000 */
	assert_true(VALID("\xef\xbf\xbd"));			/* U+FFFD */
	assert_true(VALID("\xef\xbf\xbf"));			/* U+FFFF */
	assert_true(VALID("\xf0\x90\x80\x80"));			/* U+10000 */
	assert_true(VALID("\xf0\x9f\x98\x80"));			/* emoji */
	assert_true(VALID("\xf4\x8f\xbf\xbf"));			/* U+10FFFF */
	assert_true(VALID("a\xce\xbb" "b\xe4\xb8\xad" "c"));	/* mixed */
	/* A NUL is valid UTF-8 (text_printable is what refuses it). */
	assert_true(utf8_valid("a\0b", 3));
}

static void
test_utf8_overlong(void **state)
{
	(void)state;
	assert_false(VALID("\xc0\x80"));		/* NUL, 2 bytes */
	assert_false(VALID("\xc0\xaf"));		/* '/', 2 bytes */
	assert_false(VALID("\xc1\xbf"));		/* U+7F, 2 bytes */
	assert_false(VALID("\xe0\x80\x80"));		/* NUL, 3 bytes */
	assert_false(VALID("\xe0\x80\xaf"));		/* '/', 3 bytes */
	assert_false(VALID("\xe0\x9f\xbf"));		/* U+7FF, 3 bytes */
	assert_false(VALID("\xf0\x80\x80\x80"));	/* NUL, 4 bytes */
	assert_false(VALID("\xf0\x80\x80\xaf"));	/* '/', 4 bytes */
	assert_false(VALID("\xf0\x8f\xbf\xbf"));	/* U+FFFF, 4 bytes */
}

static void
test_utf8_surrogates(void **state)
{
	(void)state;
	assert_false(VALID("\xed\xa0\x80"));		/* U+D800 */
	assert_false(VALID("\xed\xad\xbf"));		/* U+DB7F */
	assert_false(VALID("\xed\xb0\x80"));		/* U+DC00 */
	assert_false(VALID("\xed\xbf\xbf"));		/* U+DFFF */
	assert_false(VALID("\xed\xa0\xbd\xed\xb8\x80"));	/* CESU pair */
}

static void
test_utf8_truncated(void **state)
{
	(void)state;
	assert_false(VALID("\xc3"));
	assert_false(VALID("abc\xc3"));
	assert_false(VALID("\xe2\x82"));
	assert_false(VALID("\xe2"));
	assert_false(VALID("\xf0\x9f\x98"));
	assert_false(VALID("\xf0\x9f"));
	assert_false(VALID("\xf0"));
	/* Truncated by len although the bytes go on. */
	assert_false(utf8_valid("\xe2\x82\xac", 2));
	assert_true(utf8_valid("\xe2\x82\xac", 3));
	/* A lead byte followed by something other than a continuation. */
	assert_false(VALID("\xc3" "a"));
	assert_false(VALID("\xe2\x82" "a"));
	assert_false(VALID("\xf0\x9f\x98" "a"));
	assert_false(VALID("\xe2" "\xc3\xa9"));
}

static void
test_utf8_other_invalid(void **state)
{
	(void)state;
	assert_false(VALID("\x80"));			/* lone continuation */
	assert_false(VALID("a\xbf" "b"));
	assert_false(VALID("\xfe"));
	assert_false(VALID("\xff"));
	assert_false(VALID("\xf8\x88\x80\x80\x80"));	/* 5-byte form */
	assert_false(VALID("\xfc\x84\x80\x80\x80\x80"));	/* 6-byte form */
	/* Beyond U+10FFFF. */
	assert_false(VALID("\xf4\x90\x80\x80"));	/* U+110000 */
	assert_false(VALID("\xf5\x80\x80\x80"));
	assert_false(VALID("\xf7\xbf\xbf\xbf"));	/* U+1FFFFF */
	/* Valid then invalid. */
	assert_false(VALID("caf\xc3\xa9\xc3"));
}

static void
test_utf8_length(void **state)
{
	(void)state;
	assert_int_equal(utf8_length("", 0), 0);
	assert_int_equal(utf8_length("abc", 3), 3);
	assert_int_equal(utf8_length("caf\xc3\xa9", 5), 4);
	assert_int_equal(utf8_length("\xe2\x82\xac\xe2\x82\xac", 6), 2);
	assert_int_equal(utf8_length("\xf0\x9f\x98\x80!", 5), 2);
	assert_int_equal(utf8_length("a\xce\xbb" "b\xe4\xb8\xad" "c", 8), 5);
}

static void
test_printable(void **state)
{
	char	 c[2];
	int	 i;

	(void)state;
	assert_true(text_printable("", 0, 0));
	assert_true(text_printable("Hello, world", 12, 0));
	assert_true(text_printable("tab\there", 8, 0));
	assert_true(text_printable("caf\xc3\xa9 \xe2\x82\xac", 9, 0));
	/* Line breaks only when multiline. */
	assert_false(text_printable("two\nlines", 9, 0));
	assert_true(text_printable("two\nlines", 9, 1));
	assert_false(text_printable("cr\rhere", 7, 0));
	assert_true(text_printable("cr\r\nhere", 8, 1));
	/* NUL, the other C0 controls and DEL are refused either way. */
	assert_false(text_printable("a\0b", 3, 0));
	assert_false(text_printable("a\0b", 3, 1));
	for (i = 1; i < 0x20; i++) {
		if (i == '\t' || i == '\n' || i == '\r')
			continue;
		c[0] = (char)i;
		c[1] = 'x';
		assert_false(text_printable(c, 2, 0));
		assert_false(text_printable(c, 2, 1));
	}
	assert_false(text_printable("del\x7f", 4, 0));
	assert_false(text_printable("esc\x1b[31m", 8, 1));
	/* Only len bytes are looked at. */
	assert_true(text_printable("ok\x01", 2, 0));
}

/* Dates members read are in words, never ISO; a timestamp reads as its
 * day; anything else gives "". */
static void
test_date_words(void **state)
{
	char	 out[DATE_WORDS_CHARS + 1];

	(void)state;
	date_words("2026-11-04", out, NULL);
	assert_string_equal(out, "4 November 2026");
	date_words("2027-01-31T09:15:00Z", out, NULL);
	assert_string_equal(out, "31 January 2027");
	date_words("2026-09-30", out, NULL);
	assert_string_equal(out, "30 September 2026");
	date_words("2026-02-30", out, NULL);
	assert_string_equal(out, "");
	date_words("soon", out, NULL);
	assert_string_equal(out, "");
	date_words("", out, NULL);
	assert_string_equal(out, "");
}

static void
test_date_leap_years(void **state)
{
	(void)state;
	assert_true(date_valid("2024-02-29"));
	assert_false(date_valid("2025-02-29"));
	assert_false(date_valid("2100-02-29"));
	assert_true(date_valid("2000-02-29"));
	assert_false(date_valid("1900-02-29"));
	assert_true(date_valid("2025-02-28"));
	assert_false(date_valid("2024-02-30"));
}

static void
test_date_real(void **state)
{
	(void)state;
	assert_true(date_valid("2026-11-25"));
	assert_true(date_valid("2026-01-01"));
	assert_true(date_valid("2026-12-31"));
	assert_true(date_valid("2026-01-31"));
	assert_true(date_valid("2026-03-31"));
	assert_true(date_valid("2026-04-30"));
	assert_true(date_valid("1900-01-01"));
	assert_true(date_valid("2199-12-31"));
}

static void
test_date_unreal(void **state)
{
	(void)state;
	assert_false(date_valid("2026-04-31"));
	assert_false(date_valid("2026-06-31"));
	assert_false(date_valid("2026-09-31"));
	assert_false(date_valid("2026-11-31"));
	assert_false(date_valid("2026-01-32"));
	assert_false(date_valid("2026-00-10"));
	assert_false(date_valid("2026-13-01"));
	assert_false(date_valid("2026-01-00"));
	assert_false(date_valid("1899-12-31"));
	assert_false(date_valid("2200-01-01"));
	assert_false(date_valid("0000-01-01"));
}

static void
test_date_shape(void **state)
{
	(void)state;
	assert_false(date_valid(""));
	assert_false(date_valid("2026-1-05"));
	assert_false(date_valid("2026-01-5"));
	assert_false(date_valid("26-01-05"));
	assert_false(date_valid("2026/01/05"));
	assert_false(date_valid("2026-01-05 "));
	assert_false(date_valid(" 2026-01-05"));
	assert_false(date_valid("2026-01-05T00:00"));
	assert_false(date_valid("2026-0a-05"));
	assert_false(date_valid("2026-01-0x"));
	assert_false(date_valid("+026-01-05"));
	assert_false(date_valid("2026--1-05"));
	assert_false(date_valid("20260105"));
	assert_false(date_valid("2026-01-\xd9\xa5"));	/* Arabic digit */
	assert_false(date_valid("two-thousand"));
}

static void
test_date_today(void **state)
{
	char	 out[DATE_CHARS + 1];

	(void)state;
	date_today(0, out);
	assert_string_equal(out, "1970-01-01");
	date_today((time_t)1709164800, out);	/* 2024-02-29T00:00:00Z */
	assert_string_equal(out, "2024-02-29");
	date_today((time_t)1709251199, out);	/* 2024-02-29T23:59:59Z */
	assert_string_equal(out, "2024-02-29");
	assert_true(date_valid(out));
	date_today(time(NULL), out);
	assert_int_equal(strlen(out), DATE_CHARS);
	assert_true(date_valid(out));
}

/* A stored timestamp is an instant; anything else is not one. */
static void
test_datetime_instant(void **state)
{
	int64_t	 t = 0;

	(void)state;
	assert_true(datetime_instant("1970-01-01T00:00:00Z", &t));
	assert_int_equal(t, 0);
	assert_true(datetime_instant("2026-11-04T15:51:45Z", &t));
	assert_int_equal(t, 1793807505);
	assert_false(datetime_instant("2026-11-04", &t));
	assert_false(datetime_instant("2026-11-04 15:51:45", &t));
	assert_false(datetime_instant("2026-11-04T24:00:00Z", &t));
	assert_false(datetime_instant("2026-02-30T10:00:00Z", &t));
	assert_false(datetime_instant("2026-11-04T1a:00:00Z", &t));
	assert_false(datetime_instant(NULL, &t));
}

/* Votes as people read them: no zeros that say nothing, never rounded. */
static void
test_decimal_words(void **state)
{
	char	 out[16];

	(void)state;
	assert_string_equal(decimal_words("4.00000", out, sizeof(out)), "4");
	assert_string_equal(decimal_words("4.50000", out, sizeof(out)), "4.5");
	assert_string_equal(decimal_words("2.66666", out, sizeof(out)),
	    "2.66666");
	assert_string_equal(decimal_words("0.00000", out, sizeof(out)), "0");
	assert_string_equal(decimal_words("120.10", out, sizeof(out)),
	    "120.1");
	assert_string_equal(decimal_words("12", out, sizeof(out)), "12");
	/* Not a plain decimal, or no room: as it is. */
	assert_string_equal(decimal_words("fewer than 5", out, sizeof(out)),
	    "fewer than 5");
	assert_string_equal(decimal_words("1.", out, sizeof(out)), "1.");
	assert_string_equal(decimal_words(".5", out, sizeof(out)), ".5");
	assert_string_equal(decimal_words("123456.50000", out, 4),
	    "123456.50000");
	assert_null(decimal_words(NULL, out, sizeof(out)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_overlong),
		cmocka_unit_test(test_utf8_surrogates),
		cmocka_unit_test(test_utf8_truncated),
		cmocka_unit_test(test_utf8_other_invalid),
		cmocka_unit_test(test_utf8_length),
		cmocka_unit_test(test_printable),
		cmocka_unit_test(test_date_leap_years),
		cmocka_unit_test(test_date_real),
		cmocka_unit_test(test_date_unreal),
		cmocka_unit_test(test_date_shape),
		cmocka_unit_test(test_date_today),
		cmocka_unit_test(test_date_words),
		cmocka_unit_test(test_datetime_instant),
		cmocka_unit_test(test_decimal_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
