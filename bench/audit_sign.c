/*
 * bench/audit_sign: what signing the audit head adds to a write.  Appends
 * audit rows one per durable transaction (WAL, synchronous=FULL, as the
 * server commits), first with no signing key and then with one, for
 * ROWS rows each, and prints microseconds per write for both and the
 * cost of one crypto_sign_detached alone.
 *
 *   bench-audit-sign DIR ROWS
 *
 * Build (not part of run.sh: it links Roundtable's own sources):
 *   cc -std=c17 -D_GNU_SOURCE -O2 -Isrc -Ibuild -o build/bench-audit-sign \
 *     bench/audit_sign.c src/auth/audit.c src/db/db.c src/db/migrate.c \
 *     src/util/buf.c build/embedded.c \
 *     $(pkg-config --cflags --libs sqlite3 libsodium jansson)
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "auth/audit.h"
#include "db/db.h"

static double
now_us(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* Microseconds per audited durable write, or -1. */
static double
writes(const char *dir, const char *name, long rows)
{
	struct db	 db;
	char		 path[4096];
	double		 t0;
	long		 i;

	snprintf(path, sizeof(path), "%s/%s.db", dir, name);
	unlink(path);
	if (db_open(&db, path, 5000) == -1 || db_migrate(&db) == -1)
		return -1;
	db_exec_script(&db, "PRAGMA synchronous=FULL");
	t0 = now_us();
	for (i = 0; i < rows; i++)
		if (db_begin(&db, 1) != DB_OK ||
		    audit_append(&db, 1, "bench", "site", i + 1, "x") != DB_OK ||
		    db_commit(&db) != DB_OK)
			return -1;
	t0 = (now_us() - t0) / (double)rows;
	db_close(&db);
	return t0;
}

int
main(int argc, char **argv)
{
	unsigned char	 seed[AUDIT_KEY_BYTES] = { 1 }, sk[64], pk[32];
	unsigned char	 msg[65], sig[64];
	double		 plain, signed_us, t0;
	long		 rows, i;

	if (argc != 3 || (rows = atol(argv[2])) < 1 || sodium_init() < 0) {
		fprintf(stderr, "usage: bench-audit-sign DIR ROWS\n");
		return 2;
	}
	plain = writes(argv[1], "plain", rows);
	audit_signer_set(seed);
	signed_us = writes(argv[1], "signed", rows);
	audit_signer_clear();
	crypto_sign_seed_keypair(pk, sk, seed);
	t0 = now_us();
	for (i = 0; i < 10000; i++)
		crypto_sign_detached(sig, NULL, msg, sizeof(msg), sk);
	printf("unsigned %.1f us/write, signed %.1f us/write, "
	    "crypto_sign alone %.1f us\n", plain, signed_us,
	    (now_us() - t0) / 10000);
	return plain < 0 || signed_us < 0;
}
