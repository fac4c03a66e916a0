/*
 * Commands that look after the database as a whole: init, serve, backup,
 * restore, check, routes.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../server/language.h"
#include "cli.h"
#include "../exchange/exchange.h"
#include "../auth/account.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../render/template.h"
#include "../db/backup_file.h"
#include "../db/backup_run.h"
#include "../util/buf.h"
#include "../util/key_file.h"
#include "../util/private_file.h"
#include "../server/group_commit.h"
#include "../server/http.h"
#include "../server/router.h"
#include "../limits.h"


int
cli_read_password(char *out, size_t sz)
{
	size_t	 n;

	if (fgets(out, (int)sz, stdin) == NULL)
		return -1;
	n = strlen(out);
	while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		out[--n] = '\0';
	return n > 0 ? 0 : -1;
}

char *
cli_audit_key_path(const struct cli *cli)
{
	char	*path;

	if (cli->config.audit_key != NULL)
		return strdup(cli->config.audit_key);
	/* Beside the file for SQLite; a URI has no "beside". */
	if (db_target_is_pg(cli->config.db_path)) {
		fprintf(stderr, "a PostgreSQL database needs its audit key "
		    "file named as [keys] audit_key in the config\n");
		return NULL;
	}
	if (asprintf(&path, "%s.audit-key", cli->config.db_path) == -1)
		return NULL;
	return path;
}

/* Loads the audit signing key, so every head written is signed and
 * check demands a signature.  Without it nothing may write: fail. */
static int
audit_key_load(const struct cli *cli)
{
	unsigned char	 seed[AUDIT_KEY_BYTES];
	char		*path = cli_audit_key_path(cli);
	int		 rc = -1;

	if (path == NULL)
		return -1;
	if (key_file_read(path, seed, sizeof(seed)) == 0) {
		audit_signer_set(seed);
		rc = 0;
	} else
		fprintf(stderr, "the audit signing key %s could not be read; "
		    "`roundtable init` makes it when it is missing\n", path);
	sodium_memzero(seed, sizeof(seed));
	free(path);
	return rc;
}

/* Whether the database file exists; a PostgreSQL database is asked
 * when it is opened (and refuses then if it is not there). */
static int
db_present(const char *target)
{
	return db_target_is_pg(target) || access(target, F_OK) == 0;
}

int
cli_open(struct cli *cli, struct db *db)
{
	if (secret_init() == -1) {
		fprintf(stderr, "libsodium could not start\n");
		return -1;
	}
	if (audit_key_load(cli) == -1)
		return -1;
	if (db_open(db, cli->config.db_path, cli->config.busy_timeout_ms) == -1)
		return -1;
	if (db_migrate(db) == -1) {
		db_close(db);
		return -1;
	}
	return 0;
}

/* Makes the folder the database file lives in, when it is missing (a
 * PostgreSQL database has none). */
static void
db_folder(const char *path)
{
	char	*dir, *slash;

	if (db_target_is_pg(path))
		return;
	dir = strdup(path);

	if (dir != NULL && (slash = strrchr(dir, '/')) != NULL && slash != dir) {
		*slash = '\0';
		if (mkdir(dir, 0700) == -1 && errno != EEXIST)
			fprintf(stderr, "%s: %s\n", dir, strerror(errno));
	}
	free(dir);
}

/* Makes a key file when it is missing: 0 or 1 (made), -1 error. */
static int
key_make(const char *path, size_t len, const char *what)
{
	int	 made = key_file_create(path, len);

	if (made == 1)
		printf("Made the %s %s: keep it, and a copy, apart from the "
		    "database and its backups\n", what, path);
	return made;
}

int
cli_keys_make(struct cli *cli)
{
	char	*key_path;
	int	 made;

	db_folder(cli->config.db_path);
	if (secret_init() == -1 || (key_path = cli_audit_key_path(cli)) == NULL)
		return -1;
	made = key_make(key_path, AUDIT_KEY_BYTES, "audit signing key");
	free(key_path);
	if (made == -1 || (cli->config.backup_key != NULL &&
	    key_make(cli->config.backup_key, BACKUP_KEY_BYTES,
	    "backup key") == -1))
		return -1;
	return 0;
}

int
cli_init(struct cli *cli)
{
	static const char *sql_org =
	    "INSERT INTO organisation (id, name) VALUES (1, ?) "
	    "ON CONFLICT (id) DO NOTHING";
	static const char *sql_admins =
	    "SELECT count(*) FROM grants WHERE role = 'admin' "
	    "AND scope = 'organisation'";
	struct db	 db;
	unsigned char	 key[DIGEST_BYTES];
	char		 password[ADMIN_PASSWORD_CHARS + 1];
	int64_t		 admins, id;
	int		 rc = 1;

	if (cli_keys_make(cli) == -1 || cli_open(cli, &db) == -1)
		return 1;
	if (db_begin(&db, 1) != DB_OK)
		goto out;
	if (db_exec(&db, sql_org, "t", cli->display ? cli->display :
	    "Roundtable") != DB_OK ||
	    settings_secret(&db, "csrf_key", key) == -1 ||
	    db_int(&db, &admins, sql_admins, "") < 0)
		goto fail;
	if (admins == 0) {
		password_generate(password, ADMIN_PASSWORD_CHARS);
		if (account_create(&db, "admin", "Administrator", password, 1,
		    &id) != DB_OK ||
		    account_grant(&db, id, ROLE_ADMIN, SCOPE_ORG, 0) != DB_OK ||
		    audit_append(&db, 0, "account.create", "account", id,
		    "admin") != DB_OK)
			goto fail;
	}
	/* A database from before signed heads: sign its head if intact. */
	switch (audit_head_adopt(&db)) {
	case DB_OK:
		break;
	case DB_CONSTRAINT:
		fprintf(stderr, "the audit chain has faults, so its head was "
		    "not signed; run roundtable check\n");
		break;
	default:
		goto fail;
	}
	if (db_commit(&db) != DB_OK)
		goto out;
	printf("Database ready: %s\n", cli->config.db_path);
	if (admins == 0)
		printf("Sign in as admin with the one-time password %s\n"
		    "(you will be asked to choose a new one; it is not shown "
		    "again).\n", password);
	rc = 0;
	goto out;
fail:
	db_rollback(&db);
	fprintf(stderr, "init failed\n");
out:
	db_close(&db);
	return rc;
}

/* The exchange keys, read before the lock-down: 1 loaded, 0 none made
 * (the pages say how), -1 a key file that cannot be read (not serving
 * rather than serving without it). */
static int
exchange_keys_for_serving(const struct cli *cli, struct exchange_keys *k)
{
	char	*path = cli_exchange_key_path(cli);
	int	 rc = 0;

	if (path != NULL && access(path, F_OK) == 0)
		rc = exchange_keys_load(path, k) == -1 ? -1 : 1;
	free(path);
	return rc;
}

int
cli_serve(struct cli *cli)
{
	static struct group_commit writes;
	static struct exchange_keys exchange;
	struct template_set	 templates = { NULL, 0 };
	struct app		 app;
	struct db		 db;
	int			 rc;

	memset(&app, 0, sizeof(app));
	if (!db_present(cli->config.db_path)) {
		fprintf(stderr, "%s: no database; run roundtable init first\n",
		    cli->config.db_path);
		return 1;
	}
	if (cli_open(cli, &db) == -1)
		return 1;
	rc = settings_secret(&db, "csrf_key", app.csrf_key);
	db_close(&db);
	if (rc == -1 || template_set_load_embedded(&templates) == -1 ||
	    languages_load() == -1) {
		template_set_free(&templates);
		return 1;
	}
	app.config = &cli->config;
	app.templates = &templates;
	app.version = RT_VERSION;
	if ((rc = exchange_keys_for_serving(cli, &exchange)) == -1) {
		template_set_free(&templates);
		return 1;
	}
	app.exchange = rc == 1 ? &exchange : NULL;
	if (group_commit_init(&writes, cli->config.db_path,
	    cli->config.busy_timeout_ms) == -1) {
		template_set_free(&templates);
		return 1;
	}
	app.writes = &writes;
	rc = server_run(&app);
	group_commit_free(&writes);
	template_set_free(&templates);
	sodium_memzero(app.csrf_key, sizeof(app.csrf_key));
	exchange_keys_clear(&exchange);
	return rc == 0 ? 0 : 1;
}

/* The backup key when [keys] backup_key is set: 1 loaded, 0 not set,
 * -1 unreadable (message printed). */
static int
backup_key_load(const struct cli *cli, unsigned char key[BACKUP_KEY_BYTES])
{
	if (cli->config.backup_key == NULL)
		return 0;
	return key_file_read(cli->config.backup_key, key,
	    BACKUP_KEY_BYTES) == 0 ? 1 : -1;
}

int
cli_backup(struct cli *cli)
{
	unsigned char	 key[BACKUP_KEY_BYTES];
	struct db	 db;
	struct buf	 tables;
	int		 rc = 1, keyed;

	if (cli->nargs != 1) {
		fprintf(stderr, "usage: roundtable backup FILE\n");
		return 2;
	}
	if (access(cli->args[0], F_OK) == 0) {
		fprintf(stderr, "%s already exists; choose a new file\n",
		    cli->args[0]);
		return 1;
	}
	if ((keyed = backup_key_load(cli, key)) == -1 ||
	    cli_open(cli, &db) == -1) {
		sodium_memzero(key, sizeof(key));
		return 1;
	}
	buf_init(&tables, BACKUP_FINGERPRINT_MAX);
	if (backup_write(&db, cli->args[0], keyed ? key : NULL,
	    &tables) == 0) {
		printf("Backed up %s to %s%s\n%s", cli->config.db_path,
		    cli->args[0], keyed ? ", encrypted" : "",
		    tables.data != NULL ? tables.data : "");
		rc = 0;
	}
	buf_release(&tables);
	sodium_memzero(key, sizeof(key));
	db_close(&db);
	return rc;
}

/*
 * Opens an encrypted backup as a read-only database in memory: 0, or -1
 * with the reason printed.  The decrypted image is wiped once copied.
 */
static int
backup_unsealed(const struct cli *cli, const char *path, struct db *out)
{
	unsigned char	 key[BACKUP_KEY_BYTES];
	struct buf	 plain;
	int		 keyed, rc = -1;

	if ((keyed = backup_key_load(cli, key)) <= 0) {
		if (keyed == 0)
			fprintf(stderr, "%s is an encrypted backup: name its "
			    "key file as [keys] backup_key in the config\n",
			    path);
		return -1;
	}
	buf_init(&plain, BACKUP_MEMORY_MAX);
	if (backup_unseal(path, key, &plain) == 0 &&
	    db_open_image(out, plain.data, plain.len) == 0)
		rc = 0;
	sodium_memzero(key, sizeof(key));
	if (plain.data != NULL)
		sodium_memzero(plain.data, plain.len);
	buf_release(&plain);
	return rc;
}

int
cli_restore(struct cli *cli)
{
	struct db	 db, from;
	int64_t		 n;
	int		 rc = 1, sealed, opened;

	if (cli->nargs != 1) {
		fprintf(stderr, "usage: roundtable restore FILE\n");
		return 2;
	}
	if ((sealed = backup_is_sealed(cli->args[0])) == -1)
		return 1;
	opened = sealed ? backup_unsealed(cli, cli->args[0], &from) :
	    db_open_readonly(&from, cli->args[0]);
	/* Everything is checked before the database is touched. */
	if (opened == -1 || !db_sound(&from, stderr) ||
	    db_int(&from, &n, "SELECT 1 FROM schema_migrations LIMIT 1",
	    "") < 0) {
		fprintf(stderr, "%s is not a sound Roundtable backup; nothing "
		    "was restored\n", cli->args[0]);
		if (opened == 0)
			db_close(&from);
		return 1;
	}
	db_folder(cli->config.db_path);
	if (db_open(&db, cli->config.db_path,
	    cli->config.busy_timeout_ms) == -1) {
		db_close(&from);
		return 1;
	}
	if (db_copy(&from, &db) == 0 && db_migrate(&db) == 0 &&
	    db_int(&db, &n, "SELECT count(*) FROM audit", "") > 0) {
		printf("Restored %s from %s%s\n", cli->config.db_path,
		    cli->args[0], sealed ? ", decrypted and checked" : "");
		rc = 0;
	}
	db_close(&from);
	db_close(&db);
	return rc;
}

int
cli_check(struct cli *cli)
{
	struct db	 db;
	int64_t		 rows;
	int		 faults, ok;

	if (!db_present(cli->config.db_path)) {
		fprintf(stderr, "%s: no database\n", cli->config.db_path);
		return 1;
	}
	if (cli_open(cli, &db) == -1)
		return 1;
	ok = db_sound(&db, stdout);
	faults = audit_verify(&db, stdout, &rows);
	db_close(&db);
	if (faults < 0) {
		fprintf(stderr, "the audit chain could not be read\n");
		return 1;
	}
	printf("database integrity: %s\naudit chain: %lld rows, %d fault%s\n",
	    ok ? "ok" : "FAULTS", (long long)rows, faults,
	    faults == 1 ? "" : "s");
	return ok && faults == 0 ? 0 : 1;
}

int
cli_routes(struct cli *cli)
{
	(void)cli;
	router_print(routes, routes_count, stdout);
	return 0;
}
