#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backup_file.h"
#include "../limits.h"
#include "../util/buf.h"
#include "../util/private_file.h"

#define MAGIC		"RTBACKUP-SS1\n\0\0\0"
#define MAGIC_BYTES	16
#define HEADER_BYTES	crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define SEAL_BYTES	crypto_secretstream_xchacha20poly1305_ABYTES

/* Reads up to n bytes, stopping only at the end of the file: the count,
 * or -1. */
static ssize_t
read_full(int fd, void *p, size_t n)
{
	unsigned char	*c = p;
	size_t		 got = 0;
	ssize_t		 r;

	while (got < n) {
		if ((r = read(fd, c + got, n - got)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

int
backup_seal(const char *path, const unsigned char key[BACKUP_KEY_BYTES],
    const void *image, size_t len)
{
	crypto_secretstream_xchacha20poly1305_state st;
	unsigned char	 header[HEADER_BYTES], *sealed;
	const unsigned char *p = image;
	size_t		 off = 0, n;
	unsigned char	 tag;
	int		 fd, rc, ok;

	if ((sealed = malloc(BACKUP_CHUNK + SEAL_BYTES)) == NULL)
		return -1;
	if ((fd = private_file_open(path)) == -1) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		free(sealed);
		return -1;
	}
	crypto_secretstream_xchacha20poly1305_init_push(&st, header, key);
	ok = private_file_write(fd, MAGIC, MAGIC_BYTES) == 0 &&
	    private_file_write(fd, header, sizeof(header)) == 0;
	/* At least one chunk, the last one marked final. */
	do {
		n = len - off > BACKUP_CHUNK ? BACKUP_CHUNK : len - off;
		tag = off + n == len ?
		    crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0;
		crypto_secretstream_xchacha20poly1305_push(&st, sealed, NULL,
		    p + off, n, (const unsigned char *)MAGIC, MAGIC_BYTES, tag);
		ok = ok && private_file_write(fd, sealed, n + SEAL_BYTES) == 0;
		off += n;
	} while (ok && off < len);
	rc = private_file_close(fd, path, ok);
	sodium_memzero(&st, sizeof(st));
	free(sealed);
	return rc;
}

int
backup_is_sealed(const char *path)
{
	unsigned char	 magic[MAGIC_BYTES];
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	n = read_full(fd, magic, sizeof(magic));
	close(fd);
	if (n == -1) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	return n == MAGIC_BYTES && memcmp(magic, MAGIC, MAGIC_BYTES) == 0;
}

int
backup_unseal(const char *path, const unsigned char key[BACKUP_KEY_BYTES],
    struct buf *out)
{
	crypto_secretstream_xchacha20poly1305_state st;
	unsigned char	 head[MAGIC_BYTES + HEADER_BYTES], *sealed, *plain;
	unsigned char	 tag = 0, extra;
	unsigned long long n;
	ssize_t		 got;
	long		 chunk = 0;
	int		 fd, rc = -1;

	sealed = malloc(BACKUP_CHUNK + SEAL_BYTES);
	plain = malloc(BACKUP_CHUNK);
	if (sealed == NULL || plain == NULL ||
	    (fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		free(sealed);
		free(plain);
		return -1;
	}
	if (read_full(fd, head, sizeof(head)) != (ssize_t)sizeof(head) ||
	    memcmp(head, MAGIC, MAGIC_BYTES) != 0 ||
	    crypto_secretstream_xchacha20poly1305_init_pull(&st,
	    head + MAGIC_BYTES, key) != 0) {
		fprintf(stderr, "%s: not an encrypted Roundtable backup, or cut "
		    "short in its header\n", path);
		goto out;
	}
	while (tag != crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
		got = read_full(fd, sealed, BACKUP_CHUNK + SEAL_BYTES);
		if (got == -1) {
			fprintf(stderr, "%s: %s\n", path, strerror(errno));
			goto out;
		}
		if (got < (ssize_t)SEAL_BYTES) {
			fprintf(stderr, "%s: cut short: it ends after %ld "
			    "chunks without the end mark; refused\n", path,
			    chunk);
			goto out;
		}
		if (crypto_secretstream_xchacha20poly1305_pull(&st, plain, &n,
		    &tag, sealed, (unsigned long long)got,
		    (const unsigned char *)MAGIC, MAGIC_BYTES) != 0) {
			fprintf(stderr, "%s: chunk %ld does not open: the file "
			    "was altered or cut short, or it was sealed with "
			    "another backup key; refused\n", path, chunk + 1);
			goto out;
		}
		if (buf_add(out, plain, (size_t)n) == -1) {
			fprintf(stderr, "%s: larger than %zu bytes; refused\n",
			    path, (size_t)BACKUP_MEMORY_MAX);
			goto out;
		}
		chunk++;
	}
	if (read_full(fd, &extra, 1) != 0) {
		fprintf(stderr, "%s: bytes follow the end mark: the file was "
		    "altered; refused\n", path);
		goto out;
	}
	rc = 0;
out:
	close(fd);
	sodium_memzero(&st, sizeof(st));
	sodium_memzero(plain, BACKUP_CHUNK);
	free(sealed);
	free(plain);
	return rc;
}
