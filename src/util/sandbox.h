/*
 * Seccomp filters (libseccomp), the one mechanism every confined part of
 * Roundtable uses: the server after it has opened its socket, database
 * and keys (server/lockdown.c), the child that checks an upload
 * (render/upload_check.c) and the child that draws a group's archive
 * (meetings/archive_draw.c), both through util/confined_child.h.
 *
 * A filter is a list of the system calls allowed; anything else either
 * fails with EPERM (SANDBOX_REFUSE: for a child whose libraries probe
 * optional things and must still answer) or stops the whole process
 * (SANDBOX_KILL: the call is not made; a line naming the call's number
 * goes to stderr first, so the journal says what was refused, then the
 * process exits with status 159, 128 + SIGSYS).  Filters only ever
 * narrow: a child inherits its parent's and adds its own.
 *
 * No memory is owned across calls: the lists are borrowed, the
 * libseccomp context is made and released inside sandbox_confine().
 */
#ifndef RT_SANDBOX_H
#define RT_SANDBOX_H

#include <stddef.h>

#include "must_check.h"

enum sandbox_other {
	SANDBOX_REFUSE,		/* any other call fails with EPERM */
	SANDBOX_KILL		/* any other call stops the process */
};

enum sandbox_flags {
	SANDBOX_ALL_THREADS	= 1,	/* every thread of the process, not
					   only the caller (TSYNC) */
	SANDBOX_OPEN_READ_ONLY	= 2,	/* open/openat allowed only to read
					   (no O_WRONLY, O_RDWR or O_CREAT) */
	SANDBOX_READ_FILES	= 4	/* also sandbox_file_calls */
};

/* The exit status of a process stopped by a SANDBOX_KILL filter. */
#define SANDBOX_KILLED_STATUS	159

/*
 * Installs a filter allowing calls[0..n) (SCMP_SYS numbers; a number
 * below 0, for a call this architecture lacks, is skipped) and sets
 * no_new_privs.  flags: enum sandbox_flags, or-ed.  0, or -1 when the
 * filter could not be installed: the caller must then refuse to go on
 * (fail closed).
 */
int	sandbox_confine(const int *calls, size_t n, enum sandbox_other,
	    int flags) MUST_CHECK;

/* The calls any filter of ours allows on top of its own list: what
 * glibc and the sanitizers need to run at all (memory, signals, time,
 * futexes, exiting).  Added by sandbox_confine(). */
extern const int	sandbox_base_calls[];
extern const size_t	sandbox_base_ncalls;
/* Opening, reading and looking at files (fonts, SQLite's files): what
 * SANDBOX_READ_FILES adds; writing needs more (the caller's list). */
extern const int	sandbox_file_calls[];
extern const size_t	sandbox_file_ncalls;

#endif
