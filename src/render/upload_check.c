#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <poppler.h>
#include <seccomp.h>

#include "image.h"
#include "upload_check.h"
#include "../limits.h"

static int
pdf_opens(const unsigned char *data, size_t len)
{
	PopplerDocument	*doc;
	GBytes		*bytes;
	GError		*err = NULL;
	int		 ok;

	bytes = g_bytes_new_static(data, len);
	doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	g_bytes_unref(bytes);
	if (doc == NULL) {
		/* A locked PDF is still a PDF; the archive says it is locked. */
		ok = g_error_matches(err, POPPLER_ERROR,
		    POPPLER_ERROR_ENCRYPTED);
		g_clear_error(&err);
		return ok;
	}
	ok = poppler_document_get_n_pages(doc) > 0;
	g_object_unref(doc);
	return ok;
}

static int
image_opens(const unsigned char *data, size_t len, const char *mime)
{
	cairo_surface_t	*image = NULL;

	if (image_decode(data, len, mime, &image) != IMAGE_OK)
		return 0;
	cairo_surface_destroy(image);
	return 1;
}

static void
limit(int resource, rlim_t n)
{
	struct rlimit	 r = { n, n };

	setrlimit(resource, &r);
}

/*
 * What the child may still ask the kernel for once it has the bytes:
 * memory, locks, time, writing a warning, and exiting.  Anything else
 * (opening files, sockets, exec, signalling other processes) fails with
 * EPERM rather than killing the child, so a library that merely probes
 * something optional still answers; the file opens or it does not.
 */
static const int child_syscalls[] = {
	SCMP_SYS(brk), SCMP_SYS(mmap), SCMP_SYS(munmap), SCMP_SYS(mremap),
	SCMP_SYS(mprotect), SCMP_SYS(madvise), SCMP_SYS(futex),
	SCMP_SYS(clock_gettime), SCMP_SYS(gettimeofday), SCMP_SYS(getpid),
	SCMP_SYS(gettid), SCMP_SYS(write), SCMP_SYS(writev),
	SCMP_SYS(rt_sigreturn), SCMP_SYS(rt_sigprocmask),
	SCMP_SYS(rt_sigaction), SCMP_SYS(sigaltstack), SCMP_SYS(getrandom),
	SCMP_SYS(exit), SCMP_SYS(exit_group),
};

/* 0, or -1 when the filter could not be loaded (the caller refuses). */
static int
child_confine(void)
{
	scmp_filter_ctx	 ctx;
	size_t		 i;
	int		 rc = -1;

	if ((ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM))) == NULL)
		return -1;
	for (i = 0; i < sizeof(child_syscalls) / sizeof(child_syscalls[0]);
	    i++)
		if (seccomp_rule_add(ctx, SCMP_ACT_ALLOW, child_syscalls[i],
		    0) != 0)
			goto out;
	rc = seccomp_load(ctx) == 0 ? 0 : -1;
out:
	seccomp_release(ctx);
	return rc;
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

/* In the child: bounded, then open; never returns.  mapped: what the
 * server had mapped at the fork, which the memory limit comes on top of. */
static void
child_open(const unsigned char *data, size_t len, const char *mime,
    rlim_t mapped)
{
	int	 ok;

	alarm(UPLOAD_CHECK_SECONDS);
	limit(RLIMIT_CPU, UPLOAD_CHECK_SECONDS);
	limit(RLIMIT_FSIZE, 0);
	limit(RLIMIT_CORE, 0);
#ifndef __SANITIZE_ADDRESS__
	/* The sanitizer build reserves terabytes of address space. */
	limit(RLIMIT_AS, mapped + UPLOAD_CHECK_MEMORY);
#else
	(void)mapped;
#endif
	if (child_confine() == -1)
		_exit(1);
	if (strcmp(mime, "application/pdf") == 0)
		ok = pdf_opens(data, len);
	else
		ok = image_opens(data, len, mime);
	_exit(ok ? 0 : 1);
}

/* 1 when the child opened the file and said so. */
static int
opens_in_child(const unsigned char *data, size_t len, const char *mime)
{
	pid_t	 pid;
	int	 status;
	rlim_t	 mapped = mapped_now();

	if ((pid = fork()) == -1)
		return 0;
	if (pid == 0)
		child_open(data, len, mime, mapped);
	/* The child's alarm bounds this wait. */
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return 0;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int
upload_check(const unsigned char *data, size_t len, const char *filename,
    struct filetype *out)
{
	if (!filetype_detect(data, len, filename, out))
		return 0;
	if (strcmp(out->mime, "application/pdf") != 0 &&
	    strncmp(out->mime, "image/", 6) != 0)
		return 1;
	return opens_in_child(data, len, out->mime);
}
