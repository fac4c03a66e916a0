#include <string.h>
#include <time.h>

#include <sodium.h>

#include "audit.h"
#include "../db/db.h"

#define AUDIT_HASH_BYTES 32
#define AUDIT_SIG_DOMAIN "roundtable audit head v1"

static const char *sql_head =
    "SELECT last_id, hash, signature FROM audit_head WHERE id = 1";
static const char *sql_insert =
    "INSERT INTO audit (id, at, account_id, action, entity, entity_id, "
    "detail, hash) VALUES (?, ?, nullif(?, 0), ?, ?, nullif(?, 0), ?, ?)";
static const char *sql_head_set =
    "INSERT INTO audit_head (id, last_id, hash, signature) "
    "VALUES (1, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, "
    "hash = excluded.hash, signature = excluded.signature";

/* The signing key pair, set before threads start (audit.h); in memory
 * sodium_mlock keeps out of swap.  NULL: heads are written unsigned. */
static struct audit_signer {
	unsigned char	 sk[crypto_sign_SECRETKEYBYTES];
	unsigned char	 pk[crypto_sign_PUBLICKEYBYTES];
} *signer;

void
audit_signer_set(const unsigned char seed[AUDIT_KEY_BYTES])
{
	audit_signer_clear();
	if ((signer = sodium_malloc(sizeof(*signer))) == NULL)
		return;
	crypto_sign_seed_keypair(signer->pk, signer->sk, seed);
}

void
audit_signer_clear(void)
{
	sodium_free(signer);
	signer = NULL;
}

/* What the signature covers: a domain tag, the last id (8 bytes, little
 * endian) and the last hash. */
static void
head_message(int64_t last_id, const unsigned char hash[AUDIT_HASH_BYTES],
    unsigned char out[sizeof(AUDIT_SIG_DOMAIN) + 8 + AUDIT_HASH_BYTES])
{
	size_t	 i;

	memcpy(out, AUDIT_SIG_DOMAIN, sizeof(AUDIT_SIG_DOMAIN));
	for (i = 0; i < 8; i++)
		out[sizeof(AUDIT_SIG_DOMAIN) + i] =
		    (unsigned char)((uint64_t)last_id >> (8 * i));
	memcpy(out + sizeof(AUDIT_SIG_DOMAIN) + 8, hash, AUDIT_HASH_BYTES);
}

/* Writes the head, signed when a signer is set. */
static int
head_write(struct db *db, int64_t last_id,
    const unsigned char hash[AUDIT_HASH_BYTES])
{
	unsigned char	 msg[sizeof(AUDIT_SIG_DOMAIN) + 8 + AUDIT_HASH_BYTES];
	unsigned char	 sig[crypto_sign_BYTES];

	if (signer == NULL)
		return db_exec(db, sql_head_set, "ibb", last_id,
		    DB_BLOB(hash, AUDIT_HASH_BYTES), DB_BLOB(NULL, 0));
	head_message(last_id, hash, msg);
	crypto_sign_detached(sig, NULL, msg, sizeof(msg), signer->sk);
	return db_exec(db, sql_head_set, "ibb", last_id,
	    DB_BLOB(hash, AUDIT_HASH_BYTES), DB_BLOB(sig, sizeof(sig)));
}
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

/* One row's fields as hashed.  Text is taken with its length, so a NUL
 * or a change of storage type cannot hide part of a value. */
struct audit_fields {
	int64_t		 id, account_id, entity_id;
	const char	*text[4];	/* at, action, entity, detail */
	size_t		 len[4];
};

static void
audit_hash(const unsigned char prev[AUDIT_HASH_BYTES],
    const struct audit_fields *f, unsigned char out[AUDIT_HASH_BYTES])
{
	crypto_generichash_state st;

	crypto_generichash_init(&st, NULL, 0, AUDIT_HASH_BYTES);
	feed(&st, prev, AUDIT_HASH_BYTES);
	feed_int(&st, f->id);
	feed(&st, f->text[0], f->len[0]);
	feed_int(&st, f->account_id);
	feed(&st, f->text[1], f->len[1]);
	feed(&st, f->text[2], f->len[2]);
	feed_int(&st, f->entity_id);
	feed(&st, f->text[3], f->len[3]);
	crypto_generichash_final(&st, out, AUDIT_HASH_BYTES);
}

/* Reads a walked row; 0, or -1 when a text column is not stored as text. */
static int
audit_fields_read(struct db_cursor *cur, struct audit_fields *f)
{
	static const int text_cols[4] = { 1, 3, 4, 6 };
	int		 i, ok = 0;

	f->id = db_cursor_int(cur, 0);
	f->account_id = db_cursor_int(cur, 2);
	f->entity_id = db_cursor_int(cur, 5);
	for (i = 0; i < 4; i++) {
		if (db_cursor_type(cur, text_cols[i]) != DB_TYPE_TEXT)
			ok = -1;
		f->text[i] = db_cursor_blob(cur, text_cols[i], &f->len[i]);
		if (f->text[i] == NULL)
			f->text[i] = "";
	}
	return ok;
}

/* A blob column of exactly n bytes copied to out: 0, or -1 (another size). */
static int
blob_exact(struct db_cursor *cur, int col, void *out, size_t n)
{
	const void	*p;
	size_t		 len;

	if ((p = db_cursor_blob(cur, col, &len)) == NULL || len != n)
		return -1;
	memcpy(out, p, n);
	return 0;
}

/* Reads the head: 0 when the chain is empty, 1 found, -1 error.  signed_ok,
 * if not NULL, receives 1 when the head carries a valid signature by the
 * signer's key, 0 when it carries none, -1 when it carries a wrong one. */
static int
audit_head(struct db *db, int64_t *last_id, unsigned char hash[AUDIT_HASH_BYTES],
    int *signed_ok)
{
	unsigned char	 msg[sizeof(AUDIT_SIG_DOMAIN) + 8 + AUDIT_HASH_BYTES];
	unsigned char	 sig[crypto_sign_BYTES];
	struct db_cursor cur;
	int		 rc;

	*last_id = 0;
	memset(hash, 0, AUDIT_HASH_BYTES);
	if (db_cursor_open(db, &cur, sql_head, "") == -1)
		return -1;
	if ((rc = db_cursor_next(&cur)) == 1) {
		*last_id = db_cursor_int(&cur, 0);
		if (blob_exact(&cur, 1, hash, AUDIT_HASH_BYTES) == -1)
			rc = -1;
		if (signed_ok != NULL && db_cursor_type(&cur, 2) ==
		    DB_TYPE_NULL)
			*signed_ok = 0;
		else if (signed_ok != NULL) {
			head_message(*last_id, hash, msg);
			*signed_ok = signer != NULL &&
			    blob_exact(&cur, 2, sig, sizeof(sig)) == 0 &&
			    crypto_sign_verify_detached(sig, msg, sizeof(msg),
			    signer->pk) == 0 ? 1 : -1;
		}
	}
	db_cursor_close(&cur);
	return rc;
}

int
audit_append(struct db *db, int64_t account_id, const char *action,
    const char *entity, int64_t entity_id, const char *detail)
{
	unsigned char	 prev[AUDIT_HASH_BYTES], hash[AUDIT_HASH_BYTES];
	struct audit_fields f;
	char		 at[32];
	int64_t		 last;
	time_t		 now = time(NULL);
	struct tm	 tm;
	int		 rc;

	if (detail == NULL)
		detail = "";
	if (audit_head(db, &last, prev, NULL) < 0)
		return DB_ERROR;
	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	f.id = last + 1;
	f.account_id = account_id;
	f.entity_id = entity_id;
	f.text[0] = at;
	f.text[1] = action;
	f.text[2] = entity;
	f.text[3] = detail;
	for (int i = 0; i < 4; i++)
		f.len[i] = strlen(f.text[i]);
	audit_hash(prev, &f, hash);
	rc = db_exec(db, sql_insert, "itittitb", last + 1, at, account_id,
	    action, entity, entity_id, detail,
	    DB_BLOB(hash, sizeof(hash)));
	if (rc != DB_OK)
		return rc;
	return head_write(db, last + 1, hash);
}

/* The head's signature, when a signer is set: every database made by
 * `roundtable init` has a signed head, so a missing head is a fault too. */
static int
head_signature_faults(int found, int signed_ok, FILE *report)
{
	if (signer == NULL || (found == 1 && signed_ok == 1))
		return 0;
	if (found == 0)
		fprintf(report, "audit: the chain has no head; it was "
		    "emptied without the signing key\n");
	else if (signed_ok == 0)
		fprintf(report, "audit: the head is not signed; the chain was "
		    "truncated or rebuilt without the signing key\n");
	else
		fprintf(report, "audit: the head's signature does not match "
		    "the signing key; the chain was truncated or rebuilt "
		    "without it (or the key file belongs to another "
		    "database)\n");
	return 1;
}

int
audit_verify(struct db *db, FILE *report, int64_t *rows)
{
	unsigned char	 prev[AUDIT_HASH_BYTES], want[AUDIT_HASH_BYTES];
	unsigned char	 head[AUDIT_HASH_BYTES], stored[AUDIT_HASH_BYTES];
	struct db_cursor cur;
	struct audit_fields f;
	int64_t		 id, expect = 1, head_id;
	int		 faults = 0, rc, typed, hashed, found, signed_ok = 0;

	memset(prev, 0, sizeof(prev));
	if (rows != NULL)
		*rows = 0;
	if ((found = audit_head(db, &head_id, head, &signed_ok)) < 0)
		return -1;
	if (db_cursor_open(db, &cur, sql_walk, "") == -1)
		return -1;
	while ((rc = db_cursor_next(&cur)) == 1) {
		id = db_cursor_int(&cur, 0);
		if (id != expect) {
			fprintf(report, "audit: rows %lld to %lld are missing\n",
			    (long long)expect, (long long)id - 1);
			faults++;
		}
		typed = audit_fields_read(&cur, &f);
		audit_hash(prev, &f, want);
		hashed = blob_exact(&cur, 7, stored, sizeof(stored)) == 0;
		if (typed == -1 || !hashed ||
		    sodium_memcmp(want, stored, AUDIT_HASH_BYTES) != 0) {
			fprintf(report, "audit: row %lld was altered\n",
			    (long long)id);
			faults++;
		}
		/* Go on from the stored hash so one edit is one fault. */
		if (hashed)
			memcpy(prev, stored, AUDIT_HASH_BYTES);
		expect = id + 1;
		if (rows != NULL)
			(*rows)++;
	}
	db_cursor_close(&cur);
	if (rc < 0)
		return -1;
	if (head_id != expect - 1 ||
	    sodium_memcmp(head, prev, AUDIT_HASH_BYTES) != 0) {
		fprintf(report, "audit: the chain ends at row %lld but its "
		    "head records row %lld\n", (long long)expect - 1,
		    (long long)head_id);
		faults++;
	}
	faults += head_signature_faults(found, signed_ok, report);
	return faults;
}

int
audit_head_adopt(struct db *db)
{
	unsigned char	 hash[AUDIT_HASH_BYTES];
	int64_t		 last_id;
	int		 found, signed_ok = 0, faults;
	FILE		*sink;

	if (signer == NULL)
		return DB_CONSTRAINT;
	if ((found = audit_head(db, &last_id, hash, &signed_ok)) < 0)
		return DB_ERROR;
	if (found == 0 || signed_ok != 0)
		return DB_OK;	/* nothing to sign, or signed already */
	if ((sink = fopen("/dev/null", "w")) == NULL)
		return DB_ERROR;
	faults = audit_verify(db, sink, NULL);
	fclose(sink);
	/* The unsigned head itself counts as one fault here. */
	if (faults != 1)
		return faults < 0 ? DB_ERROR : DB_CONSTRAINT;
	return head_write(db, last_id, hash);
}

int
audit_moved(struct db *db, int rc, int64_t account_id, const char *action,
    const char *entity, int64_t entity_id, const char *detail)
{
	if (rc != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	return audit_append(db, account_id, action, entity, entity_id, detail);
}
