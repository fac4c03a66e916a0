/*
 * The list of what serving asks the kernel for, found by running the
 * HTTP suite and the package test (tests/deb/) with the filter on: a
 * refused call names its number in the log.  See docs/ARCHITECTURE.md.
 * Why each group is here:
 *
 *  - connections: libmicrohttpd's epoll loop, accept, reads and writes,
 *    sendfile for static files, its inter-thread pipe or eventfd;
 *  - files: SQLite (each worker opens its own connection on first use;
 *    journals, WAL and shm files, locks, fsync), fontconfig reading
 *    fonts for PDFs, libxlsxwriter's private temporary file;
 *  - libsodium's locked memory for keys (mlock, munlock: found by the
 *    package test, when the release build stopped at exit);
 *  - getdents: LeakSanitizer lists threads with it at exit (found by
 *    bisecting the list: without it the sanitizer build hung at exit);
 *  - processes: fork and wait for the confined children that open
 *    uploads and draw papers (render/upload_check.c, meetings/archive_draw.c), and
 *    kill for one past its time;
 *  - the sanitizer build's leak check at exit stops the world with ptrace
 *    from a cloned task: allowed only in that build;
 *  - PostgreSQL only: each worker connects to the database on first use
 *    (socket, connect); a SQLite server still may not open a socket.
 */
#include <seccomp.h>
#include <string.h>

#include "lockdown.h"
#include "../util/sandbox.h"

/* Beyond sandbox_base_calls and sandbox_file_calls. */
static const int server_calls[] = {
	/* connections */
	SCMP_SYS(accept), SCMP_SYS(accept4), SCMP_SYS(readv),
	SCMP_SYS(recvfrom), SCMP_SYS(recvmsg), SCMP_SYS(sendto),
	SCMP_SYS(sendmsg), SCMP_SYS(sendfile), SCMP_SYS(shutdown),
	SCMP_SYS(setsockopt), SCMP_SYS(getsockopt), SCMP_SYS(getsockname),
	SCMP_SYS(getpeername), SCMP_SYS(ioctl), SCMP_SYS(epoll_create1),
	SCMP_SYS(epoll_ctl), SCMP_SYS(epoll_wait), SCMP_SYS(epoll_pwait),
	SCMP_SYS(poll), SCMP_SYS(ppoll), SCMP_SYS(select), SCMP_SYS(pselect6),
	SCMP_SYS(eventfd2), SCMP_SYS(pipe2), SCMP_SYS(dup), SCMP_SYS(dup2),
	SCMP_SYS(dup3),
	/* writing files: SQLite's database, journal, WAL and shm */
	SCMP_SYS(pwrite64), SCMP_SYS(fsync), SCMP_SYS(fdatasync),
	SCMP_SYS(ftruncate), SCMP_SYS(fallocate), SCMP_SYS(unlink),
	SCMP_SYS(unlinkat), SCMP_SYS(fchmod), SCMP_SYS(fchown),
	SCMP_SYS(flock), SCMP_SYS(umask), SCMP_SYS(msync), SCMP_SYS(getdents),
	SCMP_SYS(mlock), SCMP_SYS(munlock),
	/* the process and its children */
	SCMP_SYS(clone), SCMP_SYS(clone3), SCMP_SYS(wait4), SCMP_SYS(kill),
	SCMP_SYS(tgkill), SCMP_SYS(set_robust_list), SCMP_SYS(rseq),
	SCMP_SYS(restart_syscall), SCMP_SYS(alarm), SCMP_SYS(setitimer),
	SCMP_SYS(prlimit64), SCMP_SYS(getrlimit), SCMP_SYS(setrlimit),
	SCMP_SYS(getppid), SCMP_SYS(getrusage), SCMP_SYS(sched_getaffinity),
	SCMP_SYS(set_tid_address), SCMP_SYS(prctl), SCMP_SYS(seccomp),
	SCMP_SYS(rt_sigtimedwait), SCMP_SYS(rt_sigsuspend),
	SCMP_SYS(membarrier),
#ifdef __SANITIZE_ADDRESS__
	SCMP_SYS(ptrace), SCMP_SYS(waitid), SCMP_SYS(sched_getparam),
#endif
};

static const int database_socket_calls[] = {
	SCMP_SYS(socket), SCMP_SYS(connect),
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

int
lockdown_server(int database_socket)
{
	int	 calls[NELEM(server_calls) + NELEM(database_socket_calls)];
	size_t	 n = NELEM(server_calls);

	memcpy(calls, server_calls, sizeof(server_calls));
	if (database_socket) {
		memcpy(calls + n, database_socket_calls,
		    sizeof(database_socket_calls));
		n += NELEM(database_socket_calls);
	}
	return sandbox_confine(calls, n, SANDBOX_KILL,
	    SANDBOX_ALL_THREADS | SANDBOX_READ_FILES);
}
