/*
 * roundtable person export ID [PDF]: a subject access export from the
 * command line, for a data protection officer working on the machine.
 * The JSON goes to standard output; with PDF, the document for the person
 * to read is written there too (a new file, mode 0600), in their language
 * with --lang and in large print with --large.  Audited as
 * "person.export" with the operating-system user who ran it.
 *
 * roundtable person erase ID REASON: erasure (people/erasure.h), audited
 * as "person.erase" with the reason and the operating-system user.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "../db/db.h"
#include "../people/erasure.h"
#include "../people/subject_access.h"
#include "../render/pdf.h"
#include "../server/language.h"
#include "../util/buf.h"
#include "../util/private_file.h"

/* Writes the PDF of ex to a new file, in the person's language and print
 * size as the officer asked: 0 or -1 (message printed). */
static int
pdf_write(const struct cli *cli, const char *path, const json_t *ex)
{
	const struct language	*lang = language_default();
	struct buf		 out;
	int			 fd, rc = -1;

	if (cli->lang != NULL && (languages_load() == -1 ||
	    (lang = language_find(cli->lang)) == NULL)) {
		fprintf(stderr, "person export: --lang: no language %s\n",
		    cli->lang);
		return -1;
	}
	buf_init(&out, cli->config.page_max);
	if (subject_access_print(&out, ex, language_words(lang), cli->large ?
	    PDF_LARGE : PDF_NORMAL) == -1) {
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

/* The person's number from the command line: >0, or 0 (message printed). */
static int64_t
person_arg(const char *what, const char *arg)
{
	char	*end;
	int64_t	 id = strtoll(arg, &end, 10);

	if (*end != '\0' || id <= 0) {
		fprintf(stderr, "person %s: ID must be a person's number, "
		    "not %s\n", what, arg);
		return 0;
	}
	return id;
}

static int
person_export(struct cli *cli, int64_t id)
{
	struct db	 db;
	json_t		*ex = NULL;
	char		 detail[64];
	int		 rc = 1, found;

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
	    (cli->nargs == 3 && pdf_write(cli, cli->args[2], ex) == -1) ||
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

static const char *const erase_refusals[] = {
	[ERASE_NO_PERSON] = "there is no such person",
	[ERASE_NOT_LEFT] = "record their leaving first (roundtable serve, "
	    "the person's page, \"Record leaving\")",
	[ERASE_ALREADY] = "they were erased before",
	[ERASE_UNRULED] = "a table refers to people with no erasure rule; "
	    "nothing was changed",
};

static int
person_erase_cli(struct cli *cli, int64_t id, const char *reason)
{
	struct db		 db;
	char			*detail = NULL;
	enum erase_result	 done = ERASE_ERROR;

	if (*reason == '\0' || strlen(reason) >
	    SUBJECT_ACCESS_REASON_MAX_CHARS) {
		fprintf(stderr, "person erase: REASON (the request's reference) "
		    "is needed, at most %d characters\n",
		    SUBJECT_ACCESS_REASON_MAX_CHARS);
		return 2;
	}
	if (cli_open(cli, &db) == -1)
		return 1;
	if (asprintf(&detail, "%s (cli uid %ld)", reason,
	    (long)getuid()) != -1 && db_begin(&db, 1) == DB_OK) {
		done = person_erase(&db, 0, id, detail, stderr);
		if (done != ERASE_DONE || db_commit(&db) != DB_OK) {
			db_rollback(&db);
			if (done == ERASE_DONE)
				done = ERASE_ERROR;
		}
	}
	free(detail);
	db_close(&db);
	if (done == ERASE_DONE)
		printf("Erased person %lld: their identity is gone; collective "
		    "records point at a tombstone\n", (long long)id);
	else
		fprintf(stderr, "person erase: %s\n", done == ERASE_ERROR ?
		    "the database could not be changed; nothing was erased" :
		    erase_refusals[done]);
	return done == ERASE_DONE ? 0 : 1;
}

int
cli_person(struct cli *cli)
{
	int64_t	 id;

	if (cli->nargs >= 2 && cli->nargs <= 3 &&
	    strcmp(cli->args[0], "export") == 0)
		return (id = person_arg("export", cli->args[1])) == 0 ? 2 :
		    person_export(cli, id);
	if (cli->nargs == 3 && strcmp(cli->args[0], "erase") == 0)
		return (id = person_arg("erase", cli->args[1])) == 0 ? 2 :
		    person_erase_cli(cli, id, cli->args[2]);
	fprintf(stderr, "usage: roundtable person export ID [PDF]\n"
	    "       roundtable person erase ID REASON\n");
	return 2;
}
