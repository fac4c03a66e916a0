/*
 * Scheduled backups and the restore test: with [backup] dir, every_s and
 * keep, the server backs itself up (sealed with the backup key) while a
 * client keeps writing; only the newest `keep` remain; the newest
 * restores into a fresh database that `roundtable check` passes, and
 * whose fingerprint, table by table, equals the one the backup wrote
 * beside itself at the moment it was taken.
 */
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#define PW	srv.demo_password
#include "http_test.h"

#define KEEP	2
#define SEEN_MAX 64

static char	 dir[400];

static int
setup(void **state)
{
	FILE	*f;

	(void)state;
	if (server_prepare(&srv, NULL) == -1)
		return -1;
	snprintf(dir, sizeof(dir), "%s/backups", srv.dir);
	if (mkdir(dir, 0700) == -1 || (f = fopen(srv.config, "a")) == NULL)
		return -1;
	fprintf(f, "[keys]\nbackup_key = %s/backup.key\n[backup]\ndir = %s\n"
	    "every_s = 1\nkeep = %d\n", srv.dir, dir, KEEP);
	fclose(f);
	if (roundtable_cli(&srv, "init", NULL, NULL) != 0)
		return -1;
	return server_launch(&srv);
}

/* The scheduled backups in dir now, sorted (names sort by time); each
 * is malloc'd.  Returns how many. */
static int
backups(char *names[SEEN_MAX])
{
	DIR		*d = opendir(dir);
	struct dirent	*e;
	int		 n = 0, i, j;
	size_t		 len;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL && n < SEEN_MAX) {
		len = strlen(e->d_name);
		if (len > 7 && strcmp(e->d_name + len - 7, ".backup") == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char *t = names[j];

			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	return n;
}

static void
names_free(char *names[], int n)
{
	while (n-- > 0)
		free(names[n]);
}

static char *
slurp(const char *path)
{
	FILE	*f = fopen(path, "r");
	char	*p = calloc(1, 1 << 20);
	size_t	 n;

	assert_non_null(f);
	assert_non_null(p);
	n = fread(p, 1, (1 << 20) - 1, f);
	p[n] = '\0';
	fclose(f);
	return p;
}

static void
backups_under_load_restore_identically(void **state)
{
	struct client	 c;
	struct server	 copy;
	char		*names[SEEN_MAX], newest[200] = "", body[200];
	char		 args[1200], side[700], *want, *got = NULL;
	int		 n, made = 0, writes = 0, round;

	(void)state;
	as(&c, "coordinator.fenwick");
	/* Write until three backups have been taken meanwhile (a guard
	 * against a hang, not a deadline: each round is one request). */
	for (round = 0; made < 3 && round < 20000; round++) {
		struct reply	 r;

		snprintf(body, sizeof(body), "site_id=1&group_id=1&title="
		    "Load+%d&statement=Members+report+the+wing+is+cold", round);
		post_expect(&c, "/issues/new", body, 303, &r);
		reply_free(&r);
		writes++;
		n = backups(names);
		if (n > 0 && strcmp(names[n - 1], newest) != 0) {
			snprintf(newest, sizeof(newest), "%s", names[n - 1]);
			made++;
		}
		names_free(names, n);
	}
	client_free(&c);
	assert_int_equal(made, 3);
	assert_int_equal(server_halt(&srv), 0);
	/* Rotation: only the newest KEEP, each with its fingerprint. */
	n = backups(names);
	assert_int_equal(n, KEEP);
	snprintf(newest, sizeof(newest), "%s", names[n - 1]);
	names_free(names, n);
	snprintf(side, sizeof(side), "%s/%s.tables", dir, newest);
	want = slurp(side);
	assert_contains(want, "issues ");
	assert_contains(want, "audit ");
	/* Restore into a fresh database: checked, and equal table by table
	 * to what the backup copied while the writes went on. */
	memset(&copy, 0, sizeof(copy));
	snprintf(copy.dir, sizeof(copy.dir), "%s", srv.dir);
	snprintf(copy.db, sizeof(copy.db), "%s/restored.db", srv.dir);
	snprintf(copy.config, sizeof(copy.config), "%s", srv.config);
	snprintf(args, sizeof(args), "restore %s/%s", dir, newest);
	assert_int_equal(roundtable_cli(&copy, args, NULL, NULL), 0);
	assert_int_equal(roundtable_cli(&copy, "check", NULL, NULL), 0);
	assert_int_equal(roundtable_cli(&copy, "fingerprint", NULL, &got), 0);
	assert_string_equal(got, want);
	free(got);
	free(want);
	assert_true(writes > 0);
	assert_int_equal(server_launch(&srv), 0);
}

/* Backups asked for in a folder that cannot be used: serve refuses to
 * run without them (exit 1, naming the setting), not silently on. */
static void
unusable_folder_stops_the_server(void **state)
{
	struct server	 bad;
	char		*out = NULL, cmd[1400];
	FILE		*f;

	(void)state;
	assert_int_equal(server_halt(&srv), 0);
	bad = srv;
	snprintf(bad.config, sizeof(bad.config), "%s/bad.ini", srv.dir);
	snprintf(cmd, sizeof(cmd), "cp '%s' '%s'", srv.config, bad.config);
	assert_int_equal(system(cmd), 0);
	f = fopen(bad.config, "a");
	assert_non_null(f);
	fprintf(f, "[backup]\ndir = %s/no-such-folder\n", srv.dir);
	fclose(f);
	assert_int_equal(roundtable_cli(&bad, "serve", NULL, &out), 1);
	assert_contains(out, "[backup] dir");
	free(out);
	assert_int_equal(server_launch(&srv), 0);
}

/* On PostgreSQL the schedule could only fail, every time: serve refuses
 * it at the start and says what backs such a database up. */
static void
postgresql_refuses_the_schedule(void **state)
{
	struct server	 pg;
	char		*out = NULL;
	FILE		*f;

	(void)state;
	assert_int_equal(server_empty_pg(&pg), 0);
	assert_int_equal(roundtable_cli(&pg, "init", NULL, NULL), 0);
	f = fopen(pg.config, "a");
	assert_non_null(f);
	fprintf(f, "[backup]\ndir = %s\n", dir);
	fclose(f);
	assert_int_equal(roundtable_cli(&pg, "serve", NULL, &out), 1);
	assert_contains(out, "[backup] dir");
	assert_contains(out, "pg_dump");
	free(out);
	assert_int_equal(server_stop(&pg), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(backups_under_load_restore_identically),
		cmocka_unit_test(unusable_folder_stops_the_server),
		cmocka_unit_test(postgresql_refuses_the_schedule),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
