/*
 * roundtable person export ID [PDF]: a subject access export from the
 * command line, for a data protection officer working on the machine.
 * The JSON goes to standard output; with PDF, the document for the person
 * to read is written there too (a new file, mode 0600).  Audited as
 * "person.export" with the operating-system user who ran it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "../db/db.h"
#include "../people/subject_access.h"
#include "../render/pdf.h"
#include "../util/buf.h"
#include "../util/private_file.h"

/* Writes the PDF of ex to a new file: 0 or -1 (message printed). */
static int
pdf_write(const char *path, const json_t *ex, size_t max)
{
	struct buf	 out;
	struct pdf	*pdf;
	int		 fd, rc = -1;

	buf_init(&out, max);
	pdf = pdf_new(&out, "What Roundtable holds about you", PDF_NORMAL);
	subject_access_draw(pdf, ex);
	if (pdf_finish(pdf) == -1) {
		fprintf(stderr, "the PDF could not be made\n");
		goto out;
	}
	if ((fd = private_file_open(path)) == -1) {
		perror(path);
		goto out;
	}
	rc = private_file_close(fd, path,
	    private_file_write(fd, out.data, out.len) == 0);
out:
	buf_release(&out);
	return rc;
}

int
cli_person(struct cli *cli)
{
	struct db	 db;
	json_t		*ex = NULL;
	char		*end, detail[64];
	int64_t		 id;
	int		 rc = 1, found;

	if (cli->nargs < 2 || cli->nargs > 3 ||
	    strcmp(cli->args[0], "export") != 0) {
		fprintf(stderr, "usage: roundtable person export ID [PDF]\n");
		return 2;
	}
	id = strtoll(cli->args[1], &end, 10);
	if (*end != '\0' || id <= 0) {
		fprintf(stderr, "person export: ID must be a person's number, "
		    "not %s\n", cli->args[1]);
		return 2;
	}
	if (cli_open(cli, &db) == -1)
		return 1;
	snprintf(detail, sizeof(detail), "cli uid %ld", (long)getuid());
	if (db_begin(&db, 1) != DB_OK)
		goto out;
	found = subject_access_collect(&db, id, &ex);
	if (found == 0)
		fprintf(stderr, "person export: no person %lld\n",
		    (long long)id);
	if (found <= 0 || subject_access_audit(&db, 0, id, detail) != DB_OK ||
	    (cli->nargs == 3 && pdf_write(cli->args[2], ex,
	    cli->config.page_max) == -1) ||
	    db_commit(&db) != DB_OK) {
		db_rollback(&db);
		goto out;
	}
	if (json_dumpf(ex, stdout, JSON_INDENT(1) | JSON_SORT_KEYS) == 0 &&
	    putchar('\n') != EOF)
		rc = 0;
out:
	json_decref(ex);
	db_close(&db);
	return rc;
}
