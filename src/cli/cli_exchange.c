/*
 * roundtable exchange: keys, pairing, and carrying bundles between the
 * hub and its stations (exchange/exchange.h, docs/exchange.md).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "../db/db.h"
#include "../exchange/exchange.h"
#include "../limits.h"
#include "../auth/secret.h"
#include "../util/buf.h"

#define KEY_LINE_MAX	256
#define CODE_MAX	32

char *
cli_exchange_key_path(const struct cli *cli)
{
	char	*path;

	if (cli->config.exchange_key != NULL)
		return strdup(cli->config.exchange_key);
	if (db_target_is_pg(cli->config.db_path))
		return NULL;
	if (asprintf(&path, "%s.exchange-key", cli->config.db_path) == -1)
		return NULL;
	return path;
}

static int
keys_load(const struct cli *cli, struct exchange_keys *k)
{
	char	*path = cli_exchange_key_path(cli);
	int	 rc;

	if (path == NULL) {
		fprintf(stderr, "name the exchange key file as [keys] "
		    "exchange_key in the config\n");
		return -1;
	}
	rc = exchange_keys_load(path, k);
	if (rc == -1)
		fprintf(stderr, "make this place's keys first: roundtable "
		    "exchange key\n");
	free(path);
	return rc;
}

/* "1,2,3" into ids: the count, or -1. */
static int
sites_parse(const char *s, int64_t *ids, size_t max)
{
	char	*end;
	size_t	 n = 0;
	long long v;

	if (s == NULL)
		return 0;
	while (*s != '\0' && n < max) {
		errno = 0;
		v = strtoll(s, &end, 10);
		if (end == s || v < 1 || errno != 0 ||
		    (*end != ',' && *end != '\0'))
			return -1;
		ids[n++] = v;
		s = *end == ',' ? end + 1 : end;
	}
	return *s == '\0' ? (int)n : -1;
}

static int
origin_parse(const char *s, int *origin)
{
	char	*end;
	long	 v;

	if (s == NULL)
		return -1;
	v = strtol(s, &end, 10);
	if (end == s || *end != '\0' || v < 0 || v > ORIGIN_MAX)
		return -1;
	*origin = (int)v;
	return 0;
}

/* The first line of path (a key line), in out. */
static int
key_line_read(const char *path, char *out, size_t sz)
{
	FILE	*f;
	int	 rc = -1;

	if (path == NULL || (f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "--key: cannot read %s\n", path ? path :
		    "(none given)");
		return -1;
	}
	if (fgets(out, (int)sz, f) != NULL) {
		out[strcspn(out, "\r\n")] = '\0';
		rc = 0;
	}
	fclose(f);
	return rc;
}

static int
exchange_key_cmd(struct cli *cli)
{
	struct exchange_keys	 k;
	char			 line[KEY_LINE_MAX], code[CODE_MAX];
	char			*path = cli_exchange_key_path(cli);
	int			 made;

	if (path == NULL || secret_init() == -1)
		return 1;
	if ((made = exchange_keys_create(path)) == -1 ||
	    exchange_keys_load(path, &k) == -1) {
		free(path);
		return 1;
	}
	exchange_key_text(&k, line, sizeof(line));
	exchange_key_code(k.sign_pk, k.box_pk, code, sizeof(code));
	exchange_keys_clear(&k);
	printf("%s\n", line);
	fprintf(stderr, "%s %s; read this code to the other place: %s\n",
	    made ? "made" : "kept", path, code);
	free(path);
	return 0;
}

/* Runs work (an exchange call's result, made between db_begin and here
 * by the macro below) and commits it, or rolls back: 0 or -1. */
static int
transaction_end(struct db *db, int rc, char *err, size_t errsz)
{
	if (rc == 0 && db_commit(db) == DB_OK)
		return 0;
	db_rollback(db);
	if (rc == 0)
		snprintf(err, errsz, "The database could not save the change.");
	return -1;
}

/* call inside a write transaction of its own. */
#define in_write_transaction(db, call, err, errsz)			\
	(db_begin((db), 1) != DB_OK ?					\
	    (snprintf((err), (errsz), "The database is busy."), -1) :	\
	    transaction_end((db), (call), (err), (errsz)))

static int
pairing_cmd(struct cli *cli, int joining)
{
	struct exchange_pairing	 p;
	struct db		 db;
	int64_t			 sites[EXCHANGE_SITES_MAX];
	unsigned char		 spk[crypto_sign_PUBLICKEYBYTES];
	unsigned char		 bpk[crypto_box_PUBLICKEYBYTES];
	char			 line[KEY_LINE_MAX], code[CODE_MAX];
	char			 err[EXCHANGE_ERR_MAX];
	int			 n, origin, rc;

	memset(&p, 0, sizeof(p));
	if (origin_parse(cli->origin, &origin) == -1 || origin == 0) {
		fprintf(stderr, "--origin: give the station's number, 1 to "
		    "%d\n", ORIGIN_MAX);
		return 2;
	}
	if ((n = sites_parse(cli->sites, sites, EXCHANGE_SITES_MAX)) <= 0) {
		fprintf(stderr, "--sites: give the shared sites' numbers, "
		    "like 3 or 3,4\n");
		return 2;
	}
	if (key_line_read(cli->key, line, sizeof(line)) == -1)
		return 2;
	p.origin = joining ? 0 : origin;
	p.name = joining ? "The hub" : cli->display;
	p.key_text = line;
	p.sites = sites;
	p.nsites = (size_t)n;
	if (!joining && p.name == NULL) {
		fprintf(stderr, "--name: say which station this is\n");
		return 2;
	}
	/* A station joins before init: its audit key is made here. */
	if ((joining && cli_keys_make(cli) == -1) || cli_open(cli, &db) == -1)
		return 1;
	rc = joining ? in_write_transaction(&db, exchange_join(&db, origin, &p,
	    err, sizeof(err)), err, sizeof(err)) : in_write_transaction(&db,
	    exchange_pair(&db, &p, err, sizeof(err)), err, sizeof(err));
	db_close(&db);
	if (rc == -1) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	exchange_key_parse(line, spk, bpk);
	exchange_key_code(spk, bpk, code, sizeof(code));
	printf("paired with place %d; its key's code is %s: check it with "
	    "the code the other place read out\n", p.origin, code);
	return 0;
}

/* Writes len bytes to path through a new file renamed into place. */
static int
bundle_write(const char *path, const unsigned char *data, size_t len)
{
	char	*tmp;
	int	 fd, rc = -1;

	if (asprintf(&tmp, "%s.part", path) == -1)
		return -1;
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) != -1) {
		if (write(fd, data, len) == (ssize_t)len && fsync(fd) == 0)
			rc = 0;
		if (close(fd) == -1)
			rc = -1;
		if (rc == 0 && rename(tmp, path) == -1)
			rc = -1;
		if (rc == -1)
			unlink(tmp);
	}
	free(tmp);
	return rc;
}

static int
bundle_read(const char *path, struct buf *b)
{
	FILE	*f;
	char	 chunk[65536];
	size_t	 n;
	int	 rc = 0;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (buf_add(b, chunk, n) == -1) {
			rc = -1;
			break;
		}
	if (ferror(f))
		rc = -1;
	fclose(f);
	return rc;
}

static int
export_cmd(struct cli *cli)
{
	struct exchange_keys	 k;
	struct exchange_report	 rep;
	struct exchange_refusal	 why = { NULL, NULL };
	struct db		 db;
	unsigned char		*bundle = NULL;
	char			 err[EXCHANGE_ERR_MAX] = "";
	size_t			 len = 0;
	int			 peer = 0, rc;

	if (cli->file == NULL) {
		fprintf(stderr, "--to: name the file to write the bundle to\n");
		return 2;
	}
	if (cli->origin != NULL && origin_parse(cli->origin, &peer) == -1) {
		fprintf(stderr, "--origin: the number of the place the bundle "
		    "is for\n");
		return 2;
	}
	if (cli_open(cli, &db) == -1)
		return 1;
	if (keys_load(cli, &k) == -1) {
		db_close(&db);
		return 1;
	}
	rc = in_write_transaction(&db, exchange_export(&db, &k, peer, &bundle,
	    &len, &rep, &why), err, sizeof(err));
	exchange_keys_clear(&k);
	db_close(&db);
	/* The export's own refusal, else the transaction's. */
	if (why.msgid != NULL)
		exchange_refusal_english(&why, err, sizeof(err));
	exchange_refusal_clear(&why);
	if (rc == -1) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	/* The part is recorded even if the file cannot be written: the next
	 * bundle carries it again. */
	if (bundle_write(cli->file, bundle, len) == -1) {
		fprintf(stderr, "%s: cannot write the bundle: %s\n", cli->file,
		    strerror(errno));
		free(bundle);
		return 1;
	}
	free(bundle);
	printf("bundle %lld for place %d: %d parts, %ld new changes, %zu "
	    "bytes\n", (long long)rep.seq, peer, rep.parts, rep.changes, len);
	return 0;
}

static int
import_cmd(struct cli *cli)
{
	struct exchange_keys	 k;
	struct exchange_report	 rep;
	struct exchange_refusal	 why = { NULL, NULL };
	struct db		 db;
	struct buf		 b;
	char			 err[EXCHANGE_ERR_MAX] = "";
	int			 rc;

	/* roundtable exchange import FILE, or --from FILE */
	if (cli->file == NULL && cli->nargs == 2)
		cli->file = cli->args[1];
	if (cli->file == NULL) {
		fprintf(stderr, "--from: name the bundle file to import\n");
		return 2;
	}
	buf_init(&b, (size_t)EXCHANGE_BUNDLE_MAX + 4096);
	if (bundle_read(cli->file, &b) == -1) {
		fprintf(stderr, "%s: cannot read the bundle (missing, or "
		    "larger than %ld bytes)\n", cli->file, EXCHANGE_BUNDLE_MAX);
		buf_release(&b);
		return 1;
	}
	if (cli_open(cli, &db) == -1) {
		buf_release(&b);
		return 1;
	}
	if (keys_load(cli, &k) == -1) {
		db_close(&db);
		buf_release(&b);
		return 1;
	}
	rc = in_write_transaction(&db, exchange_import(&db, &k,
	    (const unsigned char *)b.data, b.len, &rep, &why), err,
	    sizeof(err));
	exchange_keys_clear(&k);
	db_close(&db);
	buf_release(&b);
	/* The import's own refusal, else the transaction's. */
	if (why.msgid != NULL)
		exchange_refusal_english(&why, err, sizeof(err));
	exchange_refusal_clear(&why);
	if (rc == -1) {
		fprintf(stderr, "%s: %s\n", cli->file, err);
		return 1;
	}
	printf("imported up to part %lld: %d parts, %ld changes, %d "
	    "conflicts set aside\n", (long long)rep.seq, rep.parts,
	    rep.changes, rep.conflicts);
	return 0;
}

static int
status_cmd(struct cli *cli)
{
	struct db	 db;
	json_t		*rows, *r;
	size_t		 i;

	if (cli_open(cli, &db) == -1)
		return 1;
	rows = db_rows(&db, "SELECT p.origin, p.name, p.sent_seq, "
	    "p.acked_seq, p.received_seq, (SELECT count(*) FROM "
	    "exchange_conflicts c WHERE c.origin = p.origin AND "
	    "c.settled_at IS NULL) AS conflicts FROM exchange_peers p "
	    "ORDER BY p.origin", "");
	db_close(&db);
	if (rows == NULL)
		return 1;
	json_array_foreach(rows, i, r)
		printf("place %lld (%s): sent %lld, acknowledged %lld, "
		    "received %lld, open conflicts %lld\n",
		    (long long)json_integer_value(json_object_get(r, "origin")),
		    json_string_value(json_object_get(r, "name")),
		    (long long)json_integer_value(json_object_get(r,
		    "sent_seq")),
		    (long long)json_integer_value(json_object_get(r,
		    "acked_seq")),
		    (long long)json_integer_value(json_object_get(r,
		    "received_seq")),
		    (long long)json_integer_value(json_object_get(r,
		    "conflicts")));
	json_decref(rows);
	return 0;
}

static int
check_cmd(struct cli *cli)
{
	struct db	 db;
	struct buf	 out;
	int		 peer = 0, rc = 1;

	if (cli->origin != NULL && origin_parse(cli->origin, &peer) == -1) {
		fprintf(stderr, "--origin: the number of the other place\n");
		return 2;
	}
	if (cli_open(cli, &db) == -1)
		return 1;
	buf_init(&out, EXCHANGE_CHECK_MAX);
	/* One read transaction: every table from the same moment. */
	if (db_begin(&db, 0) == DB_OK && exchange_check(&db, peer, &out) == 0 &&
	    out.data != NULL && fputs(out.data, stdout) != EOF)
		rc = 0;
	db_rollback(&db);
	buf_release(&out);
	db_close(&db);
	return rc;
}

int
cli_exchange(struct cli *cli)
{
	const char	*verb = cli->nargs >= 1 ? cli->args[0] : "";

	if (cli->nargs > (strcmp(verb, "import") == 0 ? 2 : 1))
		verb = "";

	if (strcmp(verb, "key") == 0)
		return exchange_key_cmd(cli);
	if (strcmp(verb, "pair") == 0)
		return pairing_cmd(cli, 0);
	if (strcmp(verb, "join") == 0)
		return pairing_cmd(cli, 1);
	if (strcmp(verb, "export") == 0)
		return export_cmd(cli);
	if (strcmp(verb, "import") == 0)
		return import_cmd(cli);
	if (strcmp(verb, "status") == 0)
		return status_cmd(cli);
	if (strcmp(verb, "check") == 0)
		return check_cmd(cli);
	fprintf(stderr, "usage: roundtable exchange key|pair|join|export|"
	    "import|status|check (roundtable exchange --help)\n");
	return 2;
}
