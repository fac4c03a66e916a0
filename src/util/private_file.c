#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "private_file.h"

int
private_file_open(const char *path)
{
	return open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600);
}

int
private_file_write(int fd, const void *p, size_t n)
{
	const unsigned char	*c = p;
	ssize_t			 w;

	while (n > 0) {
		if ((w = write(fd, c, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

int
private_file_close(int fd, const char *path, int ok)
{
	if (ok && fsync(fd) == -1)
		ok = 0;
	if (!ok)
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
	if (close(fd) == -1 && ok) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		ok = 0;
	}
	if (!ok)
		unlink(path);
	return ok ? 0 : -1;
}
