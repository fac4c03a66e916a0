/*
 * roundtable copy --from FILE --to postgresql://...: an organisation moves
 * from its SQLite file onto a new PostgreSQL database (docs/ARCHITECTURE.md,
 * issue 14), its audit chain with it.  The chain is signed with the
 * source's key, so the target's key file ([keys] audit_key) must hold the
 * same key: it is written there when missing and compared when present.
 * The copy ends with the chain verified on PostgreSQL, as `roundtable
 * check` would.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <sodium.h>

#include "cli.h"
#include "../auth/audit.h"
#include "../auth/secret.h"
#include "../db/copy.h"
#include "../db/db.h"
#include "../util/buf.h"
#include "../util/key_file.h"

/* The source's key: beside its file, else the configured one (the same
 * deployment's key, named in its config). */
static char *
source_key_path(const struct cli *cli)
{
	char	*path;

	if (asprintf(&path, "%s.audit-key", cli->from) == -1)
		return NULL;
	if (access(path, F_OK) == 0)
		return path;
	free(path);
	return cli_audit_key_path(cli);
}

/* Loads the source's key and makes the target's hold the same. */
static int
key_carried(const struct cli *cli, unsigned char *key, size_t len)
{
	unsigned char	 have[AUDIT_KEY_BYTES];
	char		*from = source_key_path(cli);
	char		*to = cli_audit_key_path(cli);
	int		 rc = -1, made;

	if (from == NULL || to == NULL || len > sizeof(have) ||
	    key_file_read(from, key, len) == -1 ||
	    (made = key_file_write(to, key, len)) == -1)
		goto out;
	if (made == 1)
		printf("Wrote the audit key of %s to %s\n", cli->from, to);
	else if (key_file_read(to, have, len) == -1 ||
	    sodium_memcmp(have, key, len) != 0) {
		fprintf(stderr, "copy: %s holds another key than %s: the "
		    "audit chain would not verify; nothing was copied\n", to,
		    from);
		goto out;
	}
	rc = 0;
out:
	sodium_memzero(have, sizeof(have));
	free(from);
	free(to);
	return rc;
}

int
cli_copy(struct cli *cli)
{
	unsigned char	 key[AUDIT_KEY_BYTES];
	struct db	 from, to;
	struct buf	 report;
	int64_t		 rows;
	int		 rc = 1, opened = 0, copied;

	if (cli->from == NULL || cli->nargs != 0 ||
	    !db_target_is_pg(cli->config.db_path)) {
		fprintf(stderr, "usage: roundtable copy --from FILE --to "
		    "postgresql://USER@HOST/DB\n");
		return 2;
	}
	if (secret_init() == -1 || key_carried(cli, key, sizeof(key)) == -1)
		goto out;
	audit_signer_set(key);
	if (db_open_readonly(&from, cli->from) == -1)
		goto out;
	opened = 1;
	if (db_open(&to, cli->config.db_path, cli->config.busy_timeout_ms) ==
	    -1)
		goto out;
	opened = 2;
	buf_init(&report, BACKUP_FINGERPRINT_MAX);
	copied = db_migrate(&to) == 0 && db_copy_to_pg(&from, &to,
	    &report) == 0 && buf_putc(&report, '\0') == 0;
	if (copied)
		fputs(report.data, stdout);
	buf_release(&report);
	if (!copied)
		goto out;
	if (audit_verify(&to, stdout, &rows) != 0) {
		fprintf(stderr, "copy: the audit chain does not verify on "
		    "PostgreSQL\n");
		goto out;
	}
	printf("Copied %s to PostgreSQL: every table read back the same, "
	    "and the audit chain verifies (%lld rows)\n", cli->from,
	    (long long)rows);
	rc = 0;
out:
	sodium_memzero(key, sizeof(key));
	if (opened >= 1)
		db_close(&from);
	if (opened == 2)
		db_close(&to);
	return rc;
}
