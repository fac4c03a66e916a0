/*
 * Seccomp filters built from lists of allowed calls.  Why a trap rather
 * than SCMP_ACT_KILL_PROCESS for SANDBOX_KILL: the kernel's kill leaves
 * only "status=31/SYS" behind, while the trap lets us name the call in
 * the log before exiting, and the call is refused either way.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <seccomp.h>

#include "log.h"
#include "sandbox.h"

const int sandbox_base_calls[] = {
	SCMP_SYS(brk), SCMP_SYS(mmap), SCMP_SYS(munmap), SCMP_SYS(mremap),
	SCMP_SYS(mprotect), SCMP_SYS(madvise), SCMP_SYS(futex),
	SCMP_SYS(clock_gettime), SCMP_SYS(clock_nanosleep),
	SCMP_SYS(gettimeofday), SCMP_SYS(getpid), SCMP_SYS(gettid),
	SCMP_SYS(write), SCMP_SYS(writev), SCMP_SYS(rt_sigreturn),
	SCMP_SYS(rt_sigprocmask), SCMP_SYS(rt_sigaction),
	SCMP_SYS(sigaltstack), SCMP_SYS(getrandom), SCMP_SYS(exit),
	SCMP_SYS(exit_group), SCMP_SYS(sched_yield), SCMP_SYS(nanosleep),
};
const size_t sandbox_base_ncalls =
    sizeof(sandbox_base_calls) / sizeof(sandbox_base_calls[0]);

const int sandbox_file_calls[] = {
	SCMP_SYS(openat), SCMP_SYS(open), SCMP_SYS(read), SCMP_SYS(pread64),
	SCMP_SYS(close), SCMP_SYS(fstat), SCMP_SYS(newfstatat),
	SCMP_SYS(stat), SCMP_SYS(lstat), SCMP_SYS(statx), SCMP_SYS(lseek),
	SCMP_SYS(getdents64), SCMP_SYS(readlink), SCMP_SYS(readlinkat),
	SCMP_SYS(access), SCMP_SYS(faccessat), SCMP_SYS(faccessat2),
	SCMP_SYS(fcntl), SCMP_SYS(statfs), SCMP_SYS(fstatfs),
	SCMP_SYS(fadvise64), SCMP_SYS(getcwd), SCMP_SYS(uname),
	SCMP_SYS(sysinfo), SCMP_SYS(getuid), SCMP_SYS(geteuid),
	SCMP_SYS(getgid), SCMP_SYS(getegid),
};
const size_t sandbox_file_ncalls =
    sizeof(sandbox_file_calls) / sizeof(sandbox_file_calls[0]);

/* Async-signal-safe: formats by hand and writes once. */
static void
on_refused(int sig, siginfo_t *info, void *uctx)
{
	char		 line[128], digits[16];
	const char	*text = "roundtable: stopped by the lock-down: system "
			    "call ";
	size_t		 n = 0, d = 0;
	unsigned	 nr = (unsigned)info->si_syscall;

	(void)sig;
	(void)uctx;
	n = strlen(log_prefix(LOG_CRIT));
	memcpy(line, log_prefix(LOG_CRIT), n);
	memcpy(line + n, text, strlen(text));
	n += strlen(text);
	do
		digits[d++] = (char)('0' + nr % 10);
	while ((nr /= 10) > 0);
	while (d > 0)
		line[n++] = digits[--d];
	memcpy(line + n, " is not allowed\n", 16);
	n += 16;
	(void)!write(STDERR_FILENO, line, n);
	_exit(SANDBOX_KILLED_STATUS);
}

static int
trap_install(void)
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_refused;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	return sigaction(SIGSYS, &sa, NULL);
}

static int
allow(scmp_filter_ctx ctx, int nr, int flags)
{
	if (nr < 0)
		return 0;
	if ((flags & SANDBOX_OPEN_READ_ONLY) && nr == SCMP_SYS(openat))
		return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 1,
		    SCMP_A2(SCMP_CMP_MASKED_EQ,
		    O_ACCMODE | O_CREAT | O_TRUNC, O_RDONLY));
	if ((flags & SANDBOX_OPEN_READ_ONLY) && nr == SCMP_SYS(open))
		return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 1,
		    SCMP_A1(SCMP_CMP_MASKED_EQ,
		    O_ACCMODE | O_CREAT | O_TRUNC, O_RDONLY));
	return seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0);
}

int
sandbox_confine(const int *calls, size_t n, enum sandbox_other other,
    int flags)
{
	scmp_filter_ctx	 ctx;
	size_t		 i;
	int		 rc = -1;

	if (other == SANDBOX_KILL && trap_install() == -1)
		return -1;
	ctx = seccomp_init(other == SANDBOX_KILL ? SCMP_ACT_TRAP :
	    SCMP_ACT_ERRNO(EPERM));
	if (ctx == NULL)
		return -1;
	if ((flags & SANDBOX_ALL_THREADS) &&
	    seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1) != 0)
		goto out;
	for (i = 0; i < sandbox_base_ncalls; i++)
		if (allow(ctx, sandbox_base_calls[i], flags) != 0)
			goto out;
	for (i = 0; (flags & SANDBOX_READ_FILES) && i < sandbox_file_ncalls;
	    i++)
		if (allow(ctx, sandbox_file_calls[i], flags) != 0)
			goto out;
	for (i = 0; i < n; i++)
		if (allow(ctx, calls[i], flags) != 0)
			goto out;
	rc = seccomp_load(ctx) == 0 ? 0 : -1;
out:
	seccomp_release(ctx);
	return rc;
}
