/*
 * roundtable retention: applies the retention periods of the config
 * (privacy/retention.h) once, in one transaction, and prints what it
 * changed.  Run daily by a timer (systemd, cron) or let `serve` do it
 * with [retention] in_server.
 */
#include <stdio.h>
#include <time.h>

#include "cli.h"
#include "../db/db.h"
#include "../privacy/retention.h"
#include "../util/date.h"

int
cli_retention(struct cli *cli)
{
	struct retention_counts	 counts;
	struct db		 db;
	char			 today[DATE_CHARS + 1];
	int			 i, rc = 1;

	if (cli->nargs != 0) {
		fprintf(stderr, "usage: roundtable retention\n");
		return 2;
	}
	if (cli_open(cli, &db) == -1)
		return 1;
	date_today(time(NULL), today);
	if (db_begin(&db, 1) != DB_OK)
		goto out;
	if (retention_run(&db, &cli->config, today, &counts) != DB_OK ||
	    db_commit(&db) != DB_OK) {
		db_rollback(&db);
		fprintf(stderr, "retention: nothing was changed\n");
		goto out;
	}
	for (i = 0; i < RETAIN__MAX; i++)
		printf("%s: %lld\n", retention_kind_names[i],
		    (long long)counts.n[i]);
	rc = 0;
out:
	db_close(&db);
	return rc;
}
