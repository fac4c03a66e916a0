/*
 * The build refuses a db_* call whose arguments do not match its format
 * letters (src/db/db.h, DB_CHECK).  Each case here is a small program
 * given to the compiler with the flags of our builds: the right bindings
 * compile, and each kind of mistake is refused with our message.  The
 * first case is the mistake that once stored a pointer as a date.
 */
#include "unit.h"

#include <sys/wait.h>

#define COMPILE_OUTPUT_MAX	65536

/* A program around one statement, with the variables the cases use. */
static const char *prelude =
    "#include <stdint.h>\n#include \"db/db.h\"\n"
    "int f(struct db *db, const char *today, int64_t id, int n,\n"
    "    json_t *j, const unsigned char *p, size_t len) {\n"
    "\tint64_t v; json_t *o = NULL; struct db_cursor c;\n"
    "\t(void)v; (void)o; (void)c;\n"
    "\t(void)today; (void)id; (void)n; (void)j; (void)p; (void)len;\n";

/* Compiles prelude + "if (call) return 1;" + "}" with cc at optimisation opt; returns the
 * exit status and fills out with what the compiler said. */
static int
compile(const char *cc, const char *opt, const char *body, char *out,
    size_t outsz)
{
	char	 src[] = "/tmp/rt-binding-XXXXXX.c", cmd[1024];
	FILE	*fp, *pp;
	int	 fd, status;
	size_t	 n;

	assert_true((fd = mkstemps(src, 2)) != -1);
	assert_non_null(fp = fdopen(fd, "w"));
	fprintf(fp, "%s\tif (%s)\n\t\treturn 1;\n\treturn 0;\n}\n", prelude,
	    body);
	fclose(fp);
	snprintf(cmd, sizeof(cmd), "%s -std=c17 -D_GNU_SOURCE %s -Wall "
	    "-Werror -Isrc $(pkg-config --cflags jansson) -c -o "
	    "/dev/null %s 2>&1", cc, opt, src);
	assert_non_null(pp = popen(cmd, "r"));
	n = fread(out, 1, outsz - 1, pp);
	out[n] = '\0';
	status = pclose(pp);
	unlink(src);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static const char *const right[] = {
	"db_exec(db, \"UPDATE x SET a = ?\", \"\")",
	"db_exec(db, \"UPDATE x SET a = ?, b = ?\", \"it\", id, today)",
	"db_exec(db, \"UPDATE x SET a = ?\", \"d\", n)",
	"db_exec(db, \"UPDATE x SET a = ?\", \"i\", (int64_t)n)",
	"db_rows(db, \"SELECT ?, ?\", \"jt\", j, (const char *)NULL)",
	"db_exec(db, \"UPDATE x SET a = ?, b = ?\", \"bn\", "
	    "DB_BLOB(p, len), DB_NULL)",
	"db_int(db, &v, \"SELECT ?\", \"i\", id)",
	"db_row(db, &o, \"SELECT ?\", \"t\", \"x\")",
	"db_cursor_open(db, &c, \"SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?\", "
	    "\"iiiiiiiiiii\", id, id, id, id, id, id, id, id, id, id, id)",
};

static const char *const wrong[] = {
	/* The election's close: a date string bound as an integer. */
	"db_exec(db, \"UPDATE e SET closed_on = ?\", \"i\", today)",
	/* An int where an int64_t is read: half of it is garbage. */
	"db_exec(db, \"UPDATE x SET a = ?\", \"i\", n)",
	"db_exec(db, \"UPDATE x SET a = ?\", \"d\", id)",
	"db_exec(db, \"UPDATE x SET a = ?\", \"t\", id)",
	"db_exec(db, \"UPDATE x SET a = ?\", \"j\", today)",
	/* A blob as two loose arguments, as the old convention had it. */
	"db_exec(db, \"UPDATE x SET a = ?\", \"b\", p, len)",
	/* Too many arguments, and too few. */
	"db_exec(db, \"UPDATE x SET a = ?\", \"i\", id, id)",
	"db_exec(db, \"UPDATE x SET a = ?, b = ?\", \"ii\", id)",
	"db_exec(db, \"UPDATE x SET a = ?\", \"\", id)",
	"db_int(db, &v, \"SELECT ?\", \"t\", n)",
	"db_row(db, &o, \"SELECT ?\", \"d\", today)",
	"db_cursor_open(db, &c, \"SELECT ?\", \"q\", id)",
};

static void
check_compiler(const char *cc, const char *opt)
{
	static char	 out[COMPILE_OUTPUT_MAX];
	size_t		 i;

	for (i = 0; i < sizeof(right) / sizeof(right[0]); i++)
		if (compile(cc, opt, right[i], out, COMPILE_OUTPUT_MAX) != 0)
			fail_msg("%s %s refused a right binding: %s\n%s", cc,
			    opt, right[i], out);
	for (i = 0; i < sizeof(wrong) / sizeof(wrong[0]); i++) {
		if (compile(cc, opt, wrong[i], out, COMPILE_OUTPUT_MAX) == 0)
			fail_msg("%s %s accepted a wrong binding: %s", cc,
			    opt, wrong[i]);
		if (strstr(out, "does not match its format letter") == NULL)
			fail_msg("%s %s refused %s for another reason:\n%s",
			    cc, opt, wrong[i], out);
	}
}

/* Our builds: gcc at -O1 (tests) and -O2 (release). */
static void
gcc_refuses_wrong_bindings(void **state)
{
	(void)state;
	check_compiler("gcc", "-O1");
	check_compiler("gcc", "-O2");
}

/* The fuzz build (clang), when clang is installed. */
static void
clang_refuses_wrong_bindings(void **state)
{
	(void)state;
	if (system("command -v clang >/dev/null 2>&1") != 0)
		skip();
	check_compiler("clang", "-O1");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(gcc_refuses_wrong_bindings),
		cmocka_unit_test(clang_refuses_wrong_bindings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
