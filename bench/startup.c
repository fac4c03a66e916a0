/*
 * bench/startup: starts a command (the server) and measures the time to
 * the first 200 answer to GET /healthz on 127.0.0.1:PORT, polling every
 * millisecond.  The server is left running, its output going to LOGFILE.
 *
 *   bench-startup PORT LOGFILE COMMAND [ARG...]   prints: PID MILLISECONDS
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
healthy(int port)
{
	static const char	 req[] = "GET /healthz HTTP/1.1\r\n"
	    "Host: 127.0.0.1\r\nConnection: close\r\n\r\n";
	struct sockaddr_in	 a;
	char			 buf[64];
	ssize_t			 n;
	int			 fd, ok = 0;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons((unsigned short)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
		return 0;
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0 &&
	    write(fd, req, sizeof(req) - 1) == (ssize_t)(sizeof(req) - 1) &&
	    (n = read(fd, buf, sizeof(buf) - 1)) > 12) {
		buf[n] = '\0';
		ok = strncmp(buf, "HTTP/1.1 200", 12) == 0;
	}
	close(fd);
	return ok;
}

int
main(int argc, char **argv)
{
	double	 t0;
	pid_t	 pid;
	int	 port, status;

	if (argc < 4) {
		fprintf(stderr, "usage: bench-startup PORT LOGFILE COMMAND [ARG...]\n");
		return 2;
	}
	port = atoi(argv[1]);
	t0 = now_ms();
	if ((pid = fork()) < 0)
		return 1;
	if (pid == 0) {
		int fd = open(argv[2], O_WRONLY | O_CREAT | O_APPEND, 0644);

		if (fd < 0)
			_exit(126);
		dup2(fd, 1);
		dup2(fd, 2);
		close(fd);
		execvp(argv[3], argv + 3);
		_exit(127);
	}
	while (now_ms() - t0 < 10000) {
		if (healthy(port)) {
			printf("%d %.1f\n", (int)pid, now_ms() - t0);
			return 0;
		}
		if (waitpid(pid, &status, WNOHANG) == pid) {
			fprintf(stderr, "bench-startup: the server exited\n");
			return 1;
		}
		usleep(1000);
	}
	kill(pid, SIGKILL);
	fprintf(stderr, "bench-startup: no answer within 10 s\n");
	return 1;
}
