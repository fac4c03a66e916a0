/*
 * roundtable fingerprint: one line a table ("name rows digest", see
 * db/backup_run.h), the same lines a backup writes beside itself
 * (".tables"), so a restored database can be compared with the backup it
 * came from, table by table, even when the backup is sealed.
 */
#include <stdio.h>

#include "cli.h"
#include "../db/backup_run.h"
#include "../db/db.h"
#include "../util/buf.h"

int
cli_fingerprint(struct cli *cli)
{
	struct db	 db;
	struct buf	 out;
	int		 rc = 1;

	if (cli->nargs != 0) {
		fprintf(stderr, "usage: roundtable fingerprint\n");
		return 2;
	}
	if (cli_open(cli, &db) == -1)
		return 1;
	buf_init(&out, BACKUP_FINGERPRINT_MAX);
	/* One read transaction: every table from the same snapshot. */
	if (db_begin(&db, 0) == DB_OK && db_tables_fingerprint(&db, &out) == 0 &&
	    out.data != NULL && fputs(out.data, stdout) != EOF)
		rc = 0;
	db_rollback(&db);
	buf_release(&out);
	db_close(&db);
	return rc;
}
