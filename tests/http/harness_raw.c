/*
 * Raw TCP to the server (harness.h), for requests libcurl will not send
 * as they are (a malformed request line, a body that never comes) and
 * for watching the server close a connection.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "harness.h"

int
raw_connect(const struct server *s)
{
	struct sockaddr_in	 a;
	struct timeval		 tv = { 30, 0 };
	int			 fd;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return -1;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons((uint16_t)s->port);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) == -1) {
		close(fd);
		return -1;
	}
	return fd;
}

long
raw_request(const struct server *s, const char *bytes, size_t len,
    char *head, size_t sz)
{
	char	 buf[8192];
	size_t	 got = 0;
	ssize_t	 n;
	long	 status = -1;
	int	 fd;

	if ((fd = raw_connect(s)) == -1)
		return -1;
	if (send(fd, bytes, len, MSG_NOSIGNAL) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	while ((n = recv(fd, buf + got, sizeof(buf) - 1 - got, 0)) > 0) {
		got += (size_t)n;
		if (got == sizeof(buf) - 1)
			break;
	}
	close(fd);
	buf[got] = '\0';
	if (head != NULL && sz > 0)
		snprintf(head, sz, "%s", buf);
	if (strncmp(buf, "HTTP/1.", 7) == 0 && got > 12)
		status = strtol(buf + 9, NULL, 10);
	return status;
}

int
raw_closed(int fd, int wait_ms)
{
	struct pollfd	 p = { .fd = fd, .events = POLLIN };
	char		 buf[4096];
	ssize_t		 n;

	while (poll(&p, 1, wait_ms) == 1) {
		n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);
		if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
			return 1;
		if (n < 0)
			return 0;
		/* A reply (a 408, say) before the close: read on. */
	}
	return 0;
}
