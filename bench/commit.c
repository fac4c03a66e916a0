/*
 * bench/commit: the raw durable SQLite commit rate on this disk, the
 * yardstick for Roundtable's writes.  One connection, WAL,
 * synchronous=FULL, one single-row INSERT per transaction, for SECONDS.
 *
 *   bench-commit DIR SECONDS      prints: commits commits_per_second
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double
now_s(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	char		 path[4096];
	double		 t0, t, secs;
	long		 n = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: bench-commit DIR SECONDS\n");
		return 2;
	}
	secs = atof(argv[2]);
	snprintf(path, sizeof(path), "%s/raw-commit.db", argv[1]);
	if (sqlite3_open(path, &db) != SQLITE_OK)
		return 1;
	sqlite3_busy_timeout(db, 5000);
	if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
	    "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)",
	    NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO t (v) VALUES (?)", -1, &st,
	    NULL) != SQLITE_OK) {
		fprintf(stderr, "bench-commit: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	t0 = now_s();
	do {
		sqlite3_bind_text(st, 1, "a row about the size of a person", -1,
		    SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			fprintf(stderr, "bench-commit: %s\n", sqlite3_errmsg(db));
			return 1;
		}
		sqlite3_reset(st);
		n++;
	} while ((t = now_s()) - t0 < secs);
	printf("%ld %.0f\n", n, n / (t - t0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return 0;
}
