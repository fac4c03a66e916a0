/* src/util/buf.h: ceilings, printf, detach and NUL termination. */
#include "unit.h"

#include "util/buf.h"

static void
test_init_empty(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b, 100);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.max, 100);
	buf_release(&b);
	assert_null(b.data);
	assert_int_equal(b.max, 100);
}

static void
test_add_terminates(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b, 64);
	assert_int_equal(buf_add(&b, "abc", 3), 0);
	assert_int_equal(b.len, 3);
	assert_string_equal(b.data, "abc");
	assert_int_equal(buf_putc(&b, 'd'), 0);
	assert_int_equal(buf_puts(&b, "ef"), 0);
	assert_int_equal(b.len, 6);
	assert_int_equal(b.data[6], '\0');
	assert_string_equal(b.data, "abcdef");
	/* Embedded NULs count in len; the terminator does not. */
	assert_int_equal(buf_add(&b, "x\0y", 3), 0);
	assert_int_equal(b.len, 9);
	assert_memory_equal(b.data, "abcdefx\0y", 10);
	assert_true(b.cap > b.len);
	buf_release(&b);
}

static void
test_add_zero_bytes(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b, 0);
	assert_int_equal(buf_add(&b, "", 0), 0);
	assert_non_null(b.data);
	assert_string_equal(b.data, "");
	assert_int_equal(buf_putc(&b, 'a'), -1);
	assert_int_equal(b.len, 0);
	buf_release(&b);
}

static void
test_ceiling_exact(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b, 5);
	assert_int_equal(buf_puts(&b, "12345"), 0);
	assert_int_equal(b.len, 5);
	assert_int_equal(buf_putc(&b, '6'), -1);
	assert_int_equal(buf_puts(&b, "6"), -1);
	assert_int_equal(buf_add(&b, "6", 1), -1);
	assert_int_equal(buf_printf(&b, "%d", 6), -1);
	/* A refused add leaves the content as it was. */
	assert_int_equal(b.len, 5);
	assert_string_equal(b.data, "12345");
	buf_release(&b);
}

static void
test_ceiling_one_big_add(void **state)
{
	struct buf	 b;
	char		 big[100];

	(void)state;
	memset(big, 'z', sizeof(big));
	buf_init(&b, 99);
	assert_int_equal(buf_add(&b, big, sizeof(big)), -1);
	assert_int_equal(b.len, 0);
	assert_int_equal(buf_add(&b, big, 99), 0);
	assert_int_equal(b.len, 99);
	assert_int_equal(b.data[99], '\0');
	buf_release(&b);
}

static void
test_ceiling_partial_overflow(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b, 10);
	assert_int_equal(buf_puts(&b, "1234567"), 0);
	assert_int_equal(buf_puts(&b, "abcd"), -1);	/* 11 > 10 */
	assert_string_equal(b.data, "1234567");
	assert_int_equal(buf_puts(&b, "abc"), 0);	/* 10 == 10 */
	assert_string_equal(b.data, "1234567abc");
	/* A huge size must not wrap around the ceiling check. */
	assert_int_equal(buf_add(&b, "x", (size_t)-1), -1);
	assert_int_equal(b.len, 10);
	buf_release(&b);
}

static void
test_grows_past_first_allocation(void **state)
{
	struct buf	 b;
	size_t		 i;

	(void)state;
	buf_init(&b, 100000);
	for (i = 0; i < 10000; i++)
		assert_int_equal(buf_putc(&b, (char)('a' + i % 26)), 0);
	assert_int_equal(b.len, 10000);
	assert_true(b.cap >= 10001);
	assert_int_equal(strlen(b.data), 10000);
	for (i = 0; i < 10000; i++)
		assert_int_equal(b.data[i], 'a' + i % 26);
	buf_release(&b);
}

static void
test_printf(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b, 1000);
	assert_int_equal(buf_printf(&b, "%s=%d", "n", 42), 0);
	assert_int_equal(buf_printf(&b, ";%05.1f;%x", 3.14159, 255u), 0);
	assert_string_equal(b.data, "n=42;003.1;ff");
	assert_int_equal(b.len, strlen("n=42;003.1;ff"));
	assert_int_equal(buf_printf(&b, "%s", ""), 0);
	assert_int_equal(b.len, 13);
	buf_release(&b);
}

static void
test_printf_empty_on_new_buffer(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b, 10);
	assert_int_equal(buf_printf(&b, "%s", ""), 0);
	assert_non_null(b.data);
	assert_string_equal(b.data, "");
	buf_release(&b);
}

static void
test_printf_long(void **state)
{
	struct buf	 b;
	char		 s[1000];

	(void)state;
	memset(s, 'q', sizeof(s) - 1);
	s[sizeof(s) - 1] = '\0';
	buf_init(&b, 2000);
	assert_int_equal(buf_puts(&b, "<"), 0);
	assert_int_equal(buf_printf(&b, "%s|%s", s, "end"), 0);
	assert_int_equal(b.len, 1 + 999 + 4);
	assert_int_equal(b.data[b.len], '\0');
	assert_string_equal(b.data + 1 + 999, "|end");
	assert_int_equal(buf_printf(&b, "%s", s), -1);	/* 1004+999 > 2000 */
	assert_int_equal(b.len, 1004);
	assert_int_equal(b.data[1004], '\0');
	buf_release(&b);
}

static int
wrapped(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
wrapped(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 rc;

	va_start(ap, fmt);
	rc = buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

static void
test_vprintf(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b, 8);
	assert_int_equal(wrapped(&b, "%d-%s", 7, "ab"), 0);
	assert_string_equal(b.data, "7-ab");
	assert_int_equal(wrapped(&b, "%s", "12345"), -1);
	assert_string_equal(b.data, "7-ab");
	assert_int_equal(wrapped(&b, "%s", "1234"), 0);
	assert_string_equal(b.data, "7-ab1234");
	buf_release(&b);
}

/* Whole numbers without printf (the template engine's hot path). */
static void
test_add_int(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b, 64);
	assert_int_equal(buf_add_int(&b, 0), 0);
	assert_int_equal(buf_putc(&b, ' '), 0);
	assert_int_equal(buf_add_int(&b, -7), 0);
	assert_int_equal(buf_putc(&b, ' '), 0);
	assert_int_equal(buf_add_int(&b, 1234567890123LL), 0);
	assert_int_equal(buf_putc(&b, ' '), 0);
	assert_int_equal(buf_add_int(&b, INT64_MAX), 0);
	assert_int_equal(buf_putc(&b, ' '), 0);
	assert_int_equal(buf_add_int(&b, INT64_MIN), 0);
	assert_string_equal(b.data, "0 -7 1234567890123 9223372036854775807 "
	    "-9223372036854775808");
	buf_release(&b);
	/* The ceiling holds, and a refused number leaves nothing behind. */
	buf_init(&b, 3);
	assert_int_equal(buf_add_int(&b, 12), 0);
	assert_int_equal(buf_add_int(&b, 34), -1);
	assert_string_equal(b.data, "12");
	buf_release(&b);
}

static void
test_clear(void **state)
{
	struct buf	 b;
	char		*before;

	(void)state;
	buf_init(&b, 4);
	assert_int_equal(buf_puts(&b, "abcd"), 0);
	before = b.data;
	buf_clear(&b);
	assert_int_equal(b.len, 0);
	assert_ptr_equal(b.data, before);
	assert_string_equal(b.data, "");
	/* The ceiling counts from the start again. */
	assert_int_equal(buf_puts(&b, "wxyz"), 0);
	assert_string_equal(b.data, "wxyz");
	buf_release(&b);
	buf_clear(&b);		/* on a released buffer: harmless */
	assert_null(b.data);
}

static void
test_detach(void **state)
{
	struct buf	 b;
	char		*p;
	size_t		 len = 99;

	(void)state;
	buf_init(&b, 50);
	assert_int_equal(buf_printf(&b, "hello %s", "world"), 0);
	p = buf_detach(&b, &len);
	assert_non_null(p);
	assert_string_equal(p, "hello world");
	assert_int_equal(len, 11);
	/* The buffer is empty again, keeps its ceiling and is reusable. */
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	assert_int_equal(b.max, 50);
	assert_int_equal(buf_puts(&b, "again"), 0);
	assert_string_equal(b.data, "again");
	assert_ptr_not_equal(b.data, p);
	free(p);
	p = buf_detach(&b, NULL);
	assert_string_equal(p, "again");
	free(p);
	buf_release(&b);
}

static void
test_detach_empty(void **state)
{
	struct buf	 b;
	char		*p;
	size_t		 len = 99;

	(void)state;
	buf_init(&b, 50);
	p = buf_detach(&b, &len);
	assert_non_null(p);
	assert_string_equal(p, "");
	assert_int_equal(len, 0);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_empty),
		cmocka_unit_test(test_add_terminates),
		cmocka_unit_test(test_add_zero_bytes),
		cmocka_unit_test(test_ceiling_exact),
		cmocka_unit_test(test_ceiling_one_big_add),
		cmocka_unit_test(test_ceiling_partial_overflow),
		cmocka_unit_test(test_grows_past_first_allocation),
		cmocka_unit_test(test_printf),
		cmocka_unit_test(test_printf_empty_on_new_buffer),
		cmocka_unit_test(test_printf_long),
		cmocka_unit_test(test_vprintf),
		cmocka_unit_test(test_add_int),
		cmocka_unit_test(test_clear),
		cmocka_unit_test(test_detach),
		cmocka_unit_test(test_detach_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
