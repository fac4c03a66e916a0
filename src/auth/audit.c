#include <string.h>
#include <time.h>

#include <sodium.h>

#include "audit.h"
#include "../db/db.h"

#define AUDIT_HASH_BYTES 32

static const char *sql_head = "SELECT last_id, hash FROM audit_head WHERE id = 1";
static const char *sql_insert =
    "INSERT INTO audit (id, at, account_id, action, entity, entity_id, "
    "detail, hash) VALUES (?, ?, nullif(?, 0), ?, ?, nullif(?, 0), ?, ?)";
static const char *sql_head_set =
    "INSERT INTO audit_head (id, last_id, hash) VALUES (1, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, "
    "hash = excluded.hash";
static const char *sql_walk =
    "SELECT id, at, ifnull(account_id, 0), action, entity, "
    "ifnull(entity_id, 0), detail, hash FROM audit ORDER BY id";

/* Length-prefixed, so no two different rows feed the same bytes. */
static void
feed(crypto_generichash_state *st, const void *p, size_t n)
{
	unsigned char	 len[8];
	size_t		 i;

	for (i = 0; i < 8; i++)
		len[i] = (unsigned char)((uint64_t)n >> (8 * i));
	crypto_generichash_update(st, len, sizeof(len));
	crypto_generichash_update(st, p, n);
}

static void
feed_int(crypto_generichash_state *st, int64_t v)
{
	char	 s[24];
	int	 n = snprintf(s, sizeof(s), "%lld", (long long)v);

	feed(st, s, (size_t)n);
}

static void
audit_hash(const unsigned char prev[AUDIT_HASH_BYTES], int64_t id,
    const char *at, int64_t account_id, const char *action,
    const char *entity, int64_t entity_id, const char *detail,
    unsigned char out[AUDIT_HASH_BYTES])
{
	crypto_generichash_state st;

	crypto_generichash_init(&st, NULL, 0, AUDIT_HASH_BYTES);
	feed(&st, prev, AUDIT_HASH_BYTES);
	feed_int(&st, id);
	feed(&st, at, strlen(at));
	feed_int(&st, account_id);
	feed(&st, action, strlen(action));
	feed(&st, entity, strlen(entity));
	feed_int(&st, entity_id);
	feed(&st, detail, strlen(detail));
	crypto_generichash_final(&st, out, AUDIT_HASH_BYTES);
}

/* Reads the head: 0 when the chain is empty, 1 found, -1 error. */
static int
audit_head(struct db *db, int64_t *last_id, unsigned char hash[AUDIT_HASH_BYTES])
{
	sqlite3_stmt	*st;
	int		 rc;

	*last_id = 0;
	memset(hash, 0, AUDIT_HASH_BYTES);
	if ((st = db_prepare(db, sql_head)) == NULL)
		return -1;
	if ((rc = db_step(st)) == 1) {
		*last_id = sqlite3_column_int64(st, 0);
		if (sqlite3_column_bytes(st, 1) == AUDIT_HASH_BYTES)
			memcpy(hash, sqlite3_column_blob(st, 1), AUDIT_HASH_BYTES);
		else
			rc = -1;
	}
	sqlite3_reset(st);
	return rc;
}

int
audit_append(struct db *db, int64_t account_id, const char *action,
    const char *entity, int64_t entity_id, const char *detail)
{
	unsigned char	 prev[AUDIT_HASH_BYTES], hash[AUDIT_HASH_BYTES];
	char		 at[32];
	int64_t		 last;
	time_t		 now = time(NULL);
	struct tm	 tm;
	int		 rc;

	if (detail == NULL)
		detail = "";
	if (audit_head(db, &last, prev) < 0)
		return DB_ERROR;
	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	audit_hash(prev, last + 1, at, account_id, action, entity, entity_id,
	    detail, hash);
	rc = db_exec(db, sql_insert, "itittitb", last + 1, at, account_id,
	    action, entity, entity_id, detail, hash, sizeof(hash));
	if (rc != DB_OK)
		return rc;
	return db_exec(db, sql_head_set, "ib", last + 1, hash, sizeof(hash));
}

int
audit_verify(struct db *db, FILE *report, int64_t *rows)
{
	unsigned char	 prev[AUDIT_HASH_BYTES], want[AUDIT_HASH_BYTES];
	unsigned char	 head[AUDIT_HASH_BYTES];
	sqlite3_stmt	*st;
	int64_t		 id, expect = 1, head_id;
	int		 faults = 0, rc;

	memset(prev, 0, sizeof(prev));
	if (rows != NULL)
		*rows = 0;
	if (audit_head(db, &head_id, head) < 0)
		return -1;
	if ((st = db_prepare(db, sql_walk)) == NULL)
		return -1;
	while ((rc = db_step(st)) == 1) {
		id = sqlite3_column_int64(st, 0);
		if (id != expect) {
			fprintf(report, "audit: rows %lld to %lld are missing\n",
			    (long long)expect, (long long)id - 1);
			faults++;
		}
		audit_hash(prev, id, (const char *)sqlite3_column_text(st, 1),
		    sqlite3_column_int64(st, 2),
		    (const char *)sqlite3_column_text(st, 3),
		    (const char *)sqlite3_column_text(st, 4),
		    sqlite3_column_int64(st, 5),
		    (const char *)sqlite3_column_text(st, 6), want);
		if (sqlite3_column_bytes(st, 7) != AUDIT_HASH_BYTES ||
		    sodium_memcmp(want, sqlite3_column_blob(st, 7),
		    AUDIT_HASH_BYTES) != 0) {
			fprintf(report, "audit: row %lld was altered\n",
			    (long long)id);
			faults++;
		}
		/* Go on from the stored hash so one edit is one fault. */
		if (sqlite3_column_bytes(st, 7) == AUDIT_HASH_BYTES)
			memcpy(prev, sqlite3_column_blob(st, 7), AUDIT_HASH_BYTES);
		expect = id + 1;
		if (rows != NULL)
			(*rows)++;
	}
	sqlite3_reset(st);
	if (rc < 0)
		return -1;
	if (head_id != expect - 1 ||
	    sodium_memcmp(head, prev, AUDIT_HASH_BYTES) != 0) {
		fprintf(report, "audit: the chain ends at row %lld but its "
		    "head records row %lld\n", (long long)expect - 1,
		    (long long)head_id);
		faults++;
	}
	return faults;
}
