#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "key_file.h"
#include "private_file.h"

int
key_file_read(const char *path, unsigned char *key, size_t len)
{
	struct stat	 st;
	ssize_t		 n;
	unsigned char	 extra;
	int		 fd, rc = -1;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		fprintf(stderr, "%s: not a regular file\n", path);
		goto out;
	}
	/* A key others can read is a key others may have: refuse it. */
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		fprintf(stderr, "%s: key file is open to group or others "
		    "(mode %03o); chmod 600 it\n", path,
		    (unsigned)(st.st_mode & 0777));
		goto out;
	}
	n = read(fd, key, len);
	if (n != (ssize_t)len || read(fd, &extra, 1) != 0) {
		fprintf(stderr, "%s: a key file holds exactly %zu bytes\n",
		    path, len);
		sodium_memzero(key, len);
		goto out;
	}
	rc = 0;
out:
	close(fd);
	return rc;
}

int
key_file_write(const char *path, const unsigned char *key, size_t len)
{
	int	 fd;

	if ((fd = private_file_open(path)) == -1) {
		if (errno == EEXIST)
			return 0;
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	return private_file_close(fd, path,
	    private_file_write(fd, key, len) == 0) == 0 ? 1 : -1;
}

int
key_file_create(const char *path, size_t len)
{
	unsigned char	 key[64];
	int		 rc;

	if (len > sizeof(key))
		return -1;
	randombytes_buf(key, len);
	rc = key_file_write(path, key, len);
	sodium_memzero(key, sizeof(key));
	return rc;
}
