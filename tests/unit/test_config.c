/* src/config.h: defaults and INI loading. */
#include "unit.h"

#include "config.h"

struct fixture {
	struct config	 c;
	char		 path[UNIT_PATH_MAX];
};

static int
setup(void **state)
{
	struct fixture	*f = calloc(1, sizeof(*f));
	const char	*dir = getenv("TMPDIR");
	int		 fd;

	if (f == NULL)
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/rt-config-XXXXXX",
	    dir && *dir ? dir : "/tmp");
	if ((fd = mkstemp(f->path)) == -1) {
		free(f);
		return -1;
	}
	close(fd);
	config_defaults(&f->c);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;

	config_release(&f->c);
	unlink(f->path);
	free(f);
	return 0;
}

/* Writes text as the INI file and loads it over the defaults. */
static int
load(struct fixture *f, const char *text)
{
	FILE	*fp = fopen(f->path, "w");

	assert_non_null(fp);
	assert_int_equal(fputs(text, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
	config_release(&f->c);
	config_defaults(&f->c);
	return config_load(&f->c, f->path);
}

/* Fails naming the first of texts that loads. */
static void
load_refuses(struct fixture *f, const char *const *texts, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (load(f, texts[i]) != -1)
			fail_msg("accepted: %s", texts[i]);
}

static void
test_defaults(void **state)
{
	struct fixture	*f = *state;
	struct config	*c = &f->c;

	assert_string_equal(c->listen_addr, "127.0.0.1");
	assert_int_equal(c->listen_port, 8080);
	assert_int_equal(c->threads, 0);
	assert_string_equal(c->static_dir, "static");
	assert_int_equal(c->cookie_secure, 0);
	assert_int_equal(c->access_log, 1);
	assert_string_equal(c->db_path, "var/roundtable.db");
	assert_int_equal(c->busy_timeout_ms, 5000);
	assert_int_equal(c->body_max, 1024 * 1024);
	assert_int_equal(c->field_max, 64 * 1024);
	assert_int_equal(c->fields_max, 200);
	assert_int_equal(c->upload_max, 10 * 1024 * 1024);
	assert_int_equal(c->page_max, 16 * 1024 * 1024);
	assert_int_equal(c->connections_max, 512);
	assert_int_equal(c->connections_per_ip, 64);
	assert_int_equal(c->connection_timeout_s, 30);
	assert_int_equal(c->connection_memory, 64 * 1024);
	assert_int_equal(c->list_page_size, 25);
	assert_int_equal(c->archive_draw_s, 30);
	assert_int_equal(c->session_idle_s, 30 * 60);
	assert_int_equal(c->session_touch_s, 60);
	assert_int_equal(c->login_failures_max, 5);
	assert_int_equal(c->login_failures_ip_max, 50);
	assert_int_equal(c->login_window_s, 15 * 60);
	assert_int_equal(c->password_min, 10);
	assert_int_equal(c->suppression_threshold, 5);
	assert_int_equal(c->supervision_interval_months, 1);
	/* Sane relations between them. */
	assert_true(c->field_max <= c->body_max);
	assert_true(c->connections_per_ip <= c->connections_max);
	assert_true(c->session_touch_s < c->session_idle_s);
}

/* Every default, written back as a file, loads: the defaults are within
 * the ranges the loader enforces. */
static void
test_defaults_in_range(void **state)
{
	struct fixture	*f = *state;
	struct config	*c = &f->c;
	char		 text[4096];

	snprintf(text, sizeof(text),
	    "[server]\nlisten_port = %d\nthreads = %d\ncookie_secure = %d\n"
	    "access_log = %d\n"
	    "[database]\nbusy_timeout_ms = %d\n"
	    "[limits]\nbody_max = %zu\nfield_max = %zu\nfields_max = %zu\n"
	    "upload_max = %zu\npage_max = %zu\nconnections_max = %d\n"
	    "connections_per_ip = %d\nconnection_timeout_s = %d\n"
	    "connection_memory = %zu\nlist_page_size = %d\n"
	    "archive_draw_s = %d\n"
	    "[security]\nsession_idle_s = %d\nsession_touch_s = %d\n"
	    "login_failures_max = %d\nlogin_failures_ip_max = %d\n"
	    "login_window_s = %d\npassword_min = %d\n"
	    "[membership]\nsupervision_interval_months = %d\n"
	    "[privacy]\nsuppression_threshold = %d\n",
	    c->listen_port, c->threads, c->cookie_secure, c->access_log,
	    c->busy_timeout_ms, c->body_max, c->field_max, c->fields_max,
	    c->upload_max, c->page_max, c->connections_max,
	    c->connections_per_ip, c->connection_timeout_s,
	    c->connection_memory, c->list_page_size, c->archive_draw_s,
	    c->session_idle_s,
	    c->session_touch_s, c->login_failures_max,
	    c->login_failures_ip_max, c->login_window_s, c->password_min,
	    c->supervision_interval_months, c->suppression_threshold);
	assert_int_equal(load(f, text), 0);
	assert_int_equal(f->c.page_max, 16 * 1024 * 1024);
}

static void
test_empty_file(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(load(f, ""), 0);
	assert_int_equal(f->c.listen_port, 8080);
	assert_int_equal(load(f, "; only a comment\n# and another\n\n"), 0);
	assert_string_equal(f->c.db_path, "var/roundtable.db");
}

/* [database] url names a PostgreSQL database in place of the file. */
static void
test_database_url(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(load(f, "[database]\n"
	    "url = postgresql://rt@db.example/rt\n"), 0);
	assert_string_equal(f->c.db_path, "postgresql://rt@db.example/rt");
}

static void
test_overrides(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(load(f,
	    "; Roundtable settings\n"
	    "[server]\n"
	    "listen_addr = 0.0.0.0\n"
	    "listen_port = 9090\n"
	    "threads = 4\n"
	    "static_dir = /srv/rt/static\n"
	    "cookie_secure = 1\n"
	    "access_log = 0\n"
	    "\n"
	    "[database]\n"
	    "path = /var/lib/roundtable/rt.db\n"
	    "busy_timeout_ms = 250\n"
	    "[limits]\n"
	    "body_max = 2048\n"
	    "fields_max = 10\n"
	    "page_max = 1073741824\n"
	    "list_page_size = 100\n"
	    "[security]\n"
	    "password_min = 12\n"
	    "session_touch_s = 0\n"
	    "[membership]\n"
	    "supervision_interval_months = 3\n"
	    "[privacy]\n"
	    "suppression_threshold = 10\n"), 0);
	assert_string_equal(f->c.listen_addr, "0.0.0.0");
	assert_int_equal(f->c.listen_port, 9090);
	assert_int_equal(f->c.threads, 4);
	assert_string_equal(f->c.static_dir, "/srv/rt/static");
	assert_int_equal(f->c.cookie_secure, 1);
	assert_int_equal(f->c.access_log, 0);
	assert_string_equal(f->c.db_path, "/var/lib/roundtable/rt.db");
	assert_int_equal(f->c.busy_timeout_ms, 250);
	assert_int_equal(f->c.body_max, 2048);
	assert_int_equal(f->c.fields_max, 10);
	assert_int_equal(f->c.page_max, 1073741824);
	assert_int_equal(f->c.list_page_size, 100);
	assert_int_equal(f->c.password_min, 12);
	assert_int_equal(f->c.session_touch_s, 0);
	assert_int_equal(f->c.suppression_threshold, 10);
	assert_int_equal(f->c.supervision_interval_months, 3);
	/* Untouched settings keep their defaults. */
	assert_int_equal(f->c.field_max, 64 * 1024);
	assert_int_equal(f->c.connections_max, 512);
	assert_int_equal(f->c.login_failures_max, 5);
}

static void
test_later_value_wins(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(load(f, "[server]\nlisten_port = 1\n"
	    "static_dir = a\n[server]\nlisten_port = 65535\nstatic_dir = b\n"),
	    0);
	assert_int_equal(f->c.listen_port, 65535);
	assert_string_equal(f->c.static_dir, "b");
}

static void
test_out_of_range(void **state)
{
	static const char *const bad[] = {
		"[server]\nlisten_port = 0\n",
		"[server]\nlisten_port = 65536\n",
		"[server]\nlisten_port = -80\n",
		"[server]\nthreads = -1\n",
		"[server]\nthreads = 257\n",
		"[server]\ncookie_secure = 2\n",
		"[database]\nbusy_timeout_ms = 0\n",
		"[limits]\nbody_max = 1023\n",
		"[limits]\nbody_max = 1073741825\n",
		"[limits]\nfield_max = 63\n",
		"[limits]\nfields_max = 0\n",
		"[limits]\npage_max = 65535\n",
		"[limits]\nconnection_memory = 100\n",
		"[limits]\nlist_page_size = 101\n",
		"[security]\nsession_idle_s = 0\n",
		"[security]\nsession_idle_s = 2592001\n",
		"[security]\npassword_min = 7\n",
		"[privacy]\nsuppression_threshold = 0\n",
		"[membership]\nsupervision_interval_months = 0\n",
		"[membership]\nsupervision_interval_months = 25\n",
		/* Beyond int and long long. */
		"[server]\nlisten_port = 4294975488\n",
		"[limits]\nbody_max = 99999999999999999999999\n",
		"[limits]\nbody_max = -18446744073709551615\n",
	};
	struct fixture	*f = *state;

	load_refuses(f, bad, sizeof(bad) / sizeof(bad[0]));
	/* A refused value does not land. */
	assert_int_equal(load(f, "[server]\nlisten_port = 70000\n"), -1);
	assert_int_equal(f->c.listen_port, 8080);
	/* The ends of a range are fine. */
	assert_int_equal(load(f, "[server]\nlisten_port = 1\nthreads = 256\n"
	    "[limits]\nbody_max = 1024\n"), 0);
	assert_int_equal(f->c.threads, 256);
	assert_int_equal(f->c.body_max, 1024);
}

static void
test_not_numbers(void **state)
{
	static const char *const bad[] = {
		"[server]\nlisten_port = \n",
		"[server]\nlisten_port = http\n",
		"[server]\nlisten_port = 80x\n",
		"[server]\nlisten_port = 80.5\n",
		"[server]\nlisten_port = 0x50\n",
		"[server]\ncookie_secure = yes\n",
		"[server]\naccess_log = true\n",
		"[limits]\nbody_max = 1M\n",
		"[limits]\nbody_max = 2 048\n",
	};
	struct fixture	*f = *state;

	load_refuses(f, bad, sizeof(bad) / sizeof(bad[0]));
}

static void
test_unknown_keys(void **state)
{
	static const char *const bad[] = {
		"[server]\nlisten_prot = 8080\n",
		"[server]\nport = 8080\n",
		"[server]\nLISTEN_PORT = 8080\n",
		"[database]\nlisten_port = 8080\n",	/* wrong section */
		"listen_port = 8080\n",			/* no section */
		"[serve]\nlisten_port = 8080\n",
		"[limits]\nbody_max = 2048\nbogus = 1\n",
		"[privacy]\nsuppression = 5\n",
	};
	struct fixture	*f = *state;

	load_refuses(f, bad, sizeof(bad) / sizeof(bad[0]));
}

static void
test_syntax_errors(void **state)
{
	static const char *const bad[] = {
		"[server\nlisten_port = 8080\n",
		"[server]\nlisten_port 8080\n",
		"[server]\njust some words\n",
		"[server]\nlisten_port = 8080\n}\n",
	};
	struct fixture	*f = *state;

	load_refuses(f, bad, sizeof(bad) / sizeof(bad[0]));
}

static void
test_missing_file(void **state)
{
	struct fixture	*f = *state;

	assert_int_equal(config_load(&f->c, "/nonexistent/dir/rt.ini"), -1);
	assert_int_equal(f->c.listen_port, 8080);
}

static void
test_release(void **state)
{
	struct fixture	*f = *state;

	config_release(&f->c);
	assert_null(f->c.listen_addr);
	assert_null(f->c.db_path);
	assert_int_equal(f->c.listen_port, 0);
	config_release(&f->c);		/* twice is harmless */
	config_defaults(&f->c);
}

#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_defaults),
		T(test_defaults_in_range),
		T(test_empty_file),
		T(test_overrides),
		T(test_database_url),
		T(test_later_value_wins),
		T(test_out_of_range),
		T(test_not_numbers),
		T(test_unknown_keys),
		T(test_syntax_errors),
		T(test_missing_file),
		T(test_release),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
