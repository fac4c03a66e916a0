#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include <sqlite3.h>

#include "backup_run.h"
#include "copy.h"
#include "db.h"
#include "../limits.h"
#include "../util/buf.h"
#include "../util/private_file.h"

static int	tables_fingerprint(sqlite3 *, struct buf *);

/* Copies every page of from into to with the online backup API. */
static int
pages_copy(sqlite3 *from, sqlite3 *to)
{
	sqlite3_backup	*b;
	int		 rc;

	if ((b = sqlite3_backup_init(to, "main", from, "main")) == NULL) {
		fprintf(stderr, "backup: %s\n", sqlite3_errmsg(to));
		return -1;
	}
	/* All at once: the copy is one consistent snapshot. */
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY ||
	    rc == SQLITE_LOCKED)
		sqlite3_sleep(50);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "backup: %s\n", sqlite3_errstr(rc));
		return -1;
	}
	return 0;
}

static int
sound(sqlite3 *h, FILE *report)
{
	sqlite3_stmt	*st;
	const char	*msg;
	int		 ok = 1;

	if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st,
	    NULL) != SQLITE_OK)
		return 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		msg = (const char *)sqlite3_column_text(st, 0);
		if (msg != NULL && strcmp(msg, "ok") != 0) {
			fprintf(report, "integrity: %s\n", msg);
			ok = 0;
		}
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(h, "PRAGMA foreign_key_check", -1, &st,
	    NULL) != SQLITE_OK)
		return 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		fprintf(report, "foreign key: table %s row %lld refers to a "
		    "missing %s\n", sqlite3_column_text(st, 0),
		    (long long)sqlite3_column_int64(st, 1),
		    sqlite3_column_text(st, 2));
		ok = 0;
	}
	sqlite3_finalize(st);
	return ok;
}

/*
 * A consistent, checked image of the database in memory, sealed into a
 * new file: the plain image never touches the disk.
 */
static int
backup_sealed(sqlite3 *from, const char *path,
    const unsigned char key[BACKUP_KEY_BYTES], struct buf *tables)
{
	sqlite3		*mem = NULL;
	unsigned char	*image = NULL;
	sqlite3_int64	 len = 0;
	int		 rc = -1;

	if (sqlite3_open(":memory:", &mem) != SQLITE_OK) {
		fprintf(stderr, "backup: %s\n", sqlite3_errmsg(mem));
		goto out;
	}
	if (pages_copy(from, mem) == -1 || !sound(mem, stderr) ||
	    (tables != NULL && tables_fingerprint(mem, tables) == -1))
		goto out;
	if ((image = sqlite3_serialize(mem, "main", &len, 0)) == NULL ||
	    (size_t)len > BACKUP_MEMORY_MAX) {
		fprintf(stderr, "backup: the database image could not be "
		    "made in memory\n");
		goto out;
	}
	rc = backup_seal(path, key, image, (size_t)len);
out:
	if (image != NULL)
		sodium_memzero(image, (size_t)len);
	sqlite3_free(image);
	sqlite3_close(mem);
	return rc;
}


/* One table's line: its name, rows and a BLAKE2b of every value (with
 * its type and length, so no two contents feed the same bytes).  The
 * table is read in its own order (rowid, or the key of a WITHOUT ROWID
 * table), which a page-for-page copy keeps. */
static int
table_fingerprint(sqlite3 *h, const char *table, struct buf *out)
{
	crypto_generichash_state hs;
	unsigned char	 digest[16], head[9];
	char		 hex[sizeof(digest) * 2 + 1], *sql;
	sqlite3_stmt	*st = NULL;
	long long	 rows = 0;
	int		 i, n, rc, k;

	if ((sql = sqlite3_mprintf("SELECT * FROM \"%w\"", table)) == NULL)
		return -1;
	rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);
	sqlite3_free(sql);
	if (rc != SQLITE_OK)
		return -1;
	crypto_generichash_init(&hs, NULL, 0, sizeof(digest));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rows++;
		n = sqlite3_column_count(st);
		for (i = 0; i < n; i++) {
			const void *v = sqlite3_column_blob(st, i);
			size_t	 len = (size_t)sqlite3_column_bytes(st, i);

			head[0] = (unsigned char)sqlite3_column_type(st, i);
			for (k = 0; k < 8; k++)
				head[1 + k] = (unsigned char)(len >> (8 * k));
			crypto_generichash_update(&hs, head, sizeof(head));
			if (v != NULL)
				crypto_generichash_update(&hs, v, len);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	crypto_generichash_final(&hs, digest, sizeof(digest));
	sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
	return buf_printf(out, "%s %lld %s\n", table, rows, hex);
}

static int
tables_fingerprint(sqlite3 *h, struct buf *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(h, "SELECT name FROM sqlite_schema WHERE type "
	    "= 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (table_fingerprint(h, (const char *)sqlite3_column_text(st,
		    0), out) == -1) {
			rc = SQLITE_ERROR;
			break;
		}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* A plain copy: made 0600 before SQLite writes a byte into it, not
 * chmod'ed after, so it is never open to others, even for a moment. */
static int
backup_plain(sqlite3 *from, const char *path, struct buf *tables)
{
	sqlite3	*to = NULL;
	int	 fd, rc = -1;

	if ((fd = private_file_open(path)) == -1 || close(fd) == -1 ||
	    sqlite3_open(path, &to) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", path, to != NULL ?
		    sqlite3_errmsg(to) : strerror(errno));
		goto out;
	}
	if (pages_copy(from, to) == 0 && sound(to, stderr) &&
	    (tables == NULL || tables_fingerprint(to, tables) == 0))
		rc = 0;
out:
	sqlite3_close(to);
	return rc;
}

static int
write_from(sqlite3 *from, const char *path, const unsigned char *key,
    struct buf *tables)
{
	return key != NULL ? backup_sealed(from, path, key, tables) :
	    backup_plain(from, path, tables);
}

/* Page copies, page checks and sealed images are SQLite's; on
 * PostgreSQL, pg_dump takes the backup (README). */
static int
sqlite_only(const struct db *db, const char *what)
{
	if (db->h != NULL)
		return 1;
	fprintf(stderr, "%s: not for a PostgreSQL database (use pg_dump)\n",
	    what);
	return 0;
}

int
db_copy(struct db *from, struct db *to)
{
	if (!sqlite_only(from, "restore") || !sqlite_only(to, "restore"))
		return -1;
	return pages_copy(from->h, to->h);
}

/* PostgreSQL checks its pages and every foreign key as rows are written,
 * so a database it serves is sound in the sense checked here. */
int
db_sound(struct db *db, FILE *report)
{
	return db->h == NULL ? 1 : sound(db->h, report);
}

int
db_tables_fingerprint(struct db *db, struct buf *out)
{
	if (db->pg != NULL)
		return pg_tables_fingerprint(db->pg, out);
	return tables_fingerprint(db->h, out);
}

int
backup_write(struct db *from, const char *path, const unsigned char *key,
    struct buf *tables)
{
	if (!sqlite_only(from, "backup"))
		return -1;
	return write_from(from->h, path, key, tables);
}

#define SCHEDULED_PREFIX	"roundtable-"
#define SCHEDULED_SUFFIX	".backup"

/* Is name one of ours: "roundtable-" 16 characters of time ".backup"? */
static int
scheduled_name(const char *name)
{
	size_t	 n = strlen(name);

	return n == strlen(SCHEDULED_PREFIX) + 16 + strlen(SCHEDULED_SUFFIX) &&
	    strncmp(name, SCHEDULED_PREFIX, strlen(SCHEDULED_PREFIX)) == 0 &&
	    strcmp(name + n - strlen(SCHEDULED_SUFFIX), SCHEDULED_SUFFIX) == 0;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Removes the oldest scheduled backups (and their fingerprints) of dir
 * until keep are left: the names sort by time. */
static int
backup_rotate(const char *dir, int keep)
{
	DIR		*d;
	struct dirent	*e;
	char		*names[BACKUP_KEEP_MAX * 2], *path;
	size_t		 n = 0, i;
	int		 rc = 0;

	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL && n < sizeof(names) / sizeof(names[0]))
		if (scheduled_name(e->d_name) &&
		    (names[n] = strdup(e->d_name)) != NULL)
			n++;
	closedir(d);
	qsort(names, n, sizeof(names[0]), name_cmp);
	for (i = 0; i < n; i++) {
		if (i + (size_t)keep < n) {
			if (asprintf(&path, "%s/%s", dir, names[i]) == -1)
				rc = -1;
			else {
				if (unlink(path) == -1)
					rc = -1;
				free(path);
			}
			if (asprintf(&path, "%s/%s.tables", dir, names[i]) != -1) {
				unlink(path);
				free(path);
			}
		}
		free(names[i]);
	}
	return rc;
}

int
backup_scheduled(struct db *from, const char *dir, const unsigned char *key,
    int keep)
{
	struct buf	 tables;
	struct tm	 tm;
	time_t		 now = time(NULL);
	char		 stamp[32];
	char		*path = NULL, *side = NULL;
	int		 fd, rc = -1;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
	buf_init(&tables, BACKUP_FINGERPRINT_MAX);
	if (asprintf(&path, "%s/" SCHEDULED_PREFIX "%s" SCHEDULED_SUFFIX, dir,
	    stamp) == -1 || asprintf(&side, "%s.tables", path) == -1)
		goto out;
	/* One a second at most: a name that exists is already this one. */
	if (access(path, F_OK) == 0) {
		rc = 0;
		goto out;
	}
	if (backup_write(from, path, key, &tables) == -1)
		goto out;
	if ((fd = private_file_open(side)) == -1 ||
	    private_file_close(fd, side, private_file_write(fd, tables.data,
	    tables.len) == 0) == -1) {
		fprintf(stderr, "%s: the fingerprint was not written\n", side);
		goto out;
	}
	rc = backup_rotate(dir, keep);
out:
	free(path);
	free(side);
	buf_release(&tables);
	return rc;
}
