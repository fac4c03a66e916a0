/*
 * Work on untrusted bytes done in a forked child: opening an upload to
 * check it (render/upload_check.c), drawing an archive's papers
 * (meetings/archive_pages.c).  The child gets limits (CPU seconds,
 * address space, no files written, no core) and a seccomp filter
 * (util/sandbox.h, SANDBOX_REFUSE: a library probing something optional
 * gets EPERM and carries on); then the work runs and writes its answer
 * to a pipe.  The parent reads the answer while it waits, and kills a
 * child still running when its time is up, so a file that makes a
 * library loop, balloon or crash costs the child, never the server.
 *
 * Memory: the spec and everything it points to are borrowed; the answer
 * goes into the caller's buf (its ceiling bounds what is read).
 */
#ifndef RT_CONFINED_CHILD_H
#define RT_CONFINED_CHILD_H

#include <stddef.h>

#include "buf.h"

/* In the child, after the limits and the filter: do the work, write the
 * answer to fd, return 0 for success (the child's exit status). */
typedef int	(*child_work_fn)(void *arg, int fd);

struct child_spec {
	child_work_fn	 work;
	void		*arg;
	int		 seconds;	/* wall-clock and CPU limit */
	size_t		 memory;	/* bytes of address space beyond what
					   the server had mapped at the fork */
	const int	*calls;		/* allowed beyond sandbox_base_calls */
	size_t		 ncalls;
	int		 sandbox_flags;	/* enum sandbox_flags */
};

enum child_result {
	CHILD_OK,		/* exited 0; the whole answer is in out */
	CHILD_FAILED,		/* said no, crashed, or could not start */
	CHILD_TIMED_OUT,	/* killed when its time was up */
	CHILD_TOO_LONG		/* its answer passed out's ceiling: killed */
};

/* Runs spec->work in a confined child; out may be NULL (no answer is
 * read, only the exit status counts). */
enum child_result	confined_child_run(const struct child_spec *,
			    struct buf *out);

#endif
