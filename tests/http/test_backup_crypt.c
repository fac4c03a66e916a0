/*
 * Encrypted backups: with [keys] backup_key set, `roundtable backup`
 * writes a crypto_secretstream file that holds no readable data, and
 * `roundtable restore` decrypts and checks it, refusing a file that was
 * altered, cut short (even between chunks), extended, sealed with
 * another key, or restored without the key, and changing nothing then.
 */
#include <sys/stat.h>
#include <unistd.h>

#include "http_test.h"

#define CHUNK_SEALED	(64 * 1024 + 17)	/* BACKUP_CHUNK + ABYTES */
#define HEAD_BYTES	(16 + 24)		/* magic + stream header */

static char	 backup[400];

/* The config names the backup key; init makes it. */
static int
setup(void **state)
{
	FILE	*f;
	char	 args[500];

	(void)state;
	if (server_prepare(&srv, NULL) == -1 ||
	    (f = fopen(srv.config, "a")) == NULL)
		return -1;
	fprintf(f, "[keys]\nbackup_key = %s/backup.key\n", srv.dir);
	fclose(f);
	if (roundtable_cli(&srv, "init", NULL, NULL) != 0 ||
	    server_launch(&srv) == -1)
		return -1;
	snprintf(backup, sizeof(backup), "%s/backup.enc", srv.dir);
	snprintf(args, sizeof(args), "backup %s", backup);
	/* Taken while serving. */
	return roundtable_cli(&srv, args, NULL, NULL);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	char	*p;
	long	 n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0) {
		if (f != NULL)
			fclose(f);
		return NULL;
	}
	rewind(f);
	if ((p = malloc((size_t)n + 1)) != NULL &&
	    fread(p, 1, (size_t)n, f) != (size_t)n) {
		free(p);
		p = NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return p;
}

static void
spit(const char *path, const char *p, size_t len)
{
	FILE	*f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(p, 1, len, f), len);
	fclose(f);
}

/* Restores file into a new database beside the server's: exit status,
 * output in *out; asserts that a refusal left no database behind. */
static int
restore(const char *file, const char *name, char **out)
{
	struct server	 copy;
	char		 args[600];
	int		 rc;

	memset(&copy, 0, sizeof(copy));
	snprintf(copy.dir, sizeof(copy.dir), "%s", srv.dir);
	snprintf(copy.db, sizeof(copy.db), "%s/%s", srv.dir, name);
	snprintf(copy.config, sizeof(copy.config), "%s", srv.config);
	snprintf(args, sizeof(args), "restore %s", file);
	rc = roundtable_cli(&copy, args, NULL, out);
	if (rc != 0)
		assert_int_equal(access(copy.db, F_OK), -1);
	else
		assert_int_equal(roundtable_cli(&copy, "check", NULL, NULL), 0);
	return rc;
}

static void
backup_is_encrypted_and_restores_identically(void **state)
{
	struct stat	 st;
	char		*data, *out = NULL, *a, *b, path[420];
	size_t		 len, i;

	(void)state;
	assert_int_equal(stat(backup, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	data = slurp(backup, &len);
	assert_non_null(data);
	assert_true(len > HEAD_BYTES + 2 * CHUNK_SEALED);
	assert_memory_equal(data, "RTBACKUP-SS1\n", 13);
	/* Nothing readable: not the SQLite header, not a demo name. */
	for (i = 0; i + 8 < len; i++) {
		assert_false(memcmp(data + i, "SQLite f", 8) == 0);
		assert_false(memcmp(data + i, "coordina", 8) == 0);
	}
	free(data);
	assert_int_equal(restore(backup, "restored.db", &out), 0);
	assert_contains(out, "decrypted and checked");
	free(out);
	snprintf(path, sizeof(path), "%s/restored.db", srv.dir);
	a = db_fingerprint(srv.db);
	b = db_fingerprint(path);
	assert_non_null(a);
	assert_non_null(b);
	assert_string_equal(a, b);
	free(a);
	free(b);
}

static void
altered_cut_or_extended_refused(void **state)
{
	char		*data, *longer, *out, path[420];
	size_t		 len;
	unsigned	 k;
	static const struct {
		const char	*name;
		const char	*says;
	} cases[] = {
		{ "flipped.enc", "was altered or cut short" },
		{ "cut-mid.enc", "was altered or cut short" },
		{ "cut-chunk.enc", "without the end mark" },
		{ "cut-head.enc", "cut short in its header" },
		{ "extended.enc", "refused" },
	};

	(void)state;
	data = slurp(backup, &len);
	assert_non_null(data);
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		snprintf(path, sizeof(path), "%s/%s", srv.dir, cases[k].name);
		switch (k) {
		case 0:
			data[HEAD_BYTES + CHUNK_SEALED + 100] ^= 1;
			spit(path, data, len);
			data[HEAD_BYTES + CHUNK_SEALED + 100] ^= 1;
			break;
		case 1:
			spit(path, data, len - 1000);
			break;
		case 2:	/* exactly two whole chunks: each opens */
			spit(path, data, HEAD_BYTES + 2 * CHUNK_SEALED);
			break;
		case 3:
			spit(path, data, 20);
			break;
		default:	/* a whole sealed chunk after the end */
			longer = malloc(len + CHUNK_SEALED);
			assert_non_null(longer);
			memcpy(longer, data, len);
			memcpy(longer + len, data + HEAD_BYTES, CHUNK_SEALED);
			spit(path, longer, len + CHUNK_SEALED);
			free(longer);
		}
		out = NULL;
		assert_int_equal(restore(path, "bad.db", &out), 1);
		assert_contains(out, cases[k].says);
		assert_contains(out, "nothing was restored");
		free(out);
	}
	free(data);
}

static void
wrong_or_missing_key_refused(void **state)
{
	char	 key[420], saved[440], *out = NULL;
	FILE	*f;

	(void)state;
	snprintf(key, sizeof(key), "%s/backup.key", srv.dir);
	snprintf(saved, sizeof(saved), "%s.real", key);
	assert_int_equal(rename(key, saved), 0);
	assert_int_equal(restore(backup, "nokey.db", &out), 1);
	assert_contains(out, "backup.key");
	free(out);
	f = fopen(key, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite("0123456789abcdef0123456789abcdef", 1, 32, f),
	    32);
	fclose(f);
	assert_int_equal(chmod(key, 0600), 0);
	assert_int_equal(restore(backup, "otherkey.db", &out), 1);
	assert_contains(out, "another backup key");
	free(out);
	assert_int_equal(rename(saved, key), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(backup_is_encrypted_and_restores_identically),
		cmocka_unit_test(altered_cut_or_extended_refused),
		cmocka_unit_test(wrong_or_missing_key_refused),
	};

	return cmocka_run_group_tests(tests, setup, server_teardown);
}
