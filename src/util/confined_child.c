/*
 * Why the parent keeps its own deadline (poll, then SIGKILL) besides the
 * child's alarm and RLIMIT_CPU: a child stuck on a lock it inherited
 * from another thread at fork time uses no CPU, and a library could
 * block SIGALRM; the parent's clock does not depend on the child.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "confined_child.h"
#include "sandbox.h"
#include "../limits.h"

static void
limit(int resource, rlim_t n)
{
	struct rlimit	 r = { n, n };

	setrlimit(resource, &r);
}

/* Bytes of address space this process has mapped now (the child starts
 * with all of the server's: thread stacks, libraries), or 0. */
static rlim_t
mapped_now(void)
{
	FILE		*f;
	unsigned long	 pages = 0;

	if ((f = fopen("/proc/self/statm", "r")) == NULL)
		return 0;
	if (fscanf(f, "%lu", &pages) != 1)
		pages = 0;
	fclose(f);
	return (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE);
}

/* In the child: bounded, confined, then the work; never returns. */
static void
child_main(const struct child_spec *spec, int fd, rlim_t mapped)
{
	alarm((unsigned)spec->seconds);
	limit(RLIMIT_CPU, (rlim_t)spec->seconds);
	/* No file grows; and a library's warning on a stderr that is a
	 * file (the tests', a redirect) then fails with EFBIG instead of
	 * SIGXFSZ killing the child that would otherwise have answered. */
	limit(RLIMIT_FSIZE, 0);
	signal(SIGXFSZ, SIG_IGN);
	limit(RLIMIT_CORE, 0);
#ifndef __SANITIZE_ADDRESS__
	/* The sanitizer build reserves terabytes of address space. */
	limit(RLIMIT_AS, mapped + spec->memory);
#else
	(void)mapped;
#endif
	if (sandbox_confine(spec->calls, spec->ncalls, SANDBOX_REFUSE,
	    spec->sandbox_flags) == -1)
		_exit(1);
	_exit(spec->work(spec->arg, fd) == 0 ? 0 : 1);
}

static long long
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* Reads the child's answer until it closes the pipe, its time is up or
 * out is full. */
static enum child_result
answer_read(int fd, struct buf *out, long long until)
{
	struct pollfd	 p = { fd, POLLIN, 0 };
	char		 chunk[CHILD_READ_CHUNK];
	ssize_t		 n;
	long long	 left;
	int		 ready;

	for (;;) {
		if ((left = until - now_ms()) <= 0)
			return CHILD_TIMED_OUT;
		ready = poll(&p, 1, (int)(left > 1000 ? 1000 : left));
		if (ready == -1 && errno != EINTR)
			return CHILD_FAILED;
		if (ready <= 0)
			continue;
		n = read(fd, chunk, sizeof(chunk));
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return n == 0 ? CHILD_OK : CHILD_FAILED;
		if (out == NULL)
			continue;
		if (buf_add(out, chunk, (size_t)n) == -1)
			return CHILD_TOO_LONG;
	}
}

enum child_result
confined_child_run(const struct child_spec *spec, struct buf *out)
{
	enum child_result	 rc;
	long long		 until = now_ms() + spec->seconds * 1000LL;
	rlim_t			 mapped = mapped_now();
	pid_t			 pid;
	int			 fds[2], status;

	if (pipe2(fds, O_CLOEXEC) == -1)
		return CHILD_FAILED;
	if ((pid = fork()) == -1) {
		close(fds[0]);
		close(fds[1]);
		return CHILD_FAILED;
	}
	if (pid == 0) {
		close(fds[0]);
		child_main(spec, fds[1], mapped);
	}
	close(fds[1]);
	rc = answer_read(fds[0], out, until);
	close(fds[0]);
	if (rc != CHILD_OK)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return CHILD_FAILED;
	/* The child's own clocks (its alarm, RLIMIT_CPU) may end it a moment
	 * before the parent's deadline does: its time was up all the same. */
	if (rc == CHILD_OK && WIFSIGNALED(status) &&
	    (WTERMSIG(status) == SIGALRM || WTERMSIG(status) == SIGXCPU))
		rc = CHILD_TIMED_OUT;
	else if (rc == CHILD_OK &&
	    !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
		rc = CHILD_FAILED;
	return rc;
}
