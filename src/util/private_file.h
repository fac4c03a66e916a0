/*
 * New files only their owner may read (keys, encrypted backups, subject
 * access exports): made with O_EXCL and O_NOFOLLOW, mode 0600, so nothing
 * existing is overwritten and no link is followed; synced before they
 * count as written, and removed when writing them failed.
 */
#ifndef RT_PRIVATE_FILE_H
#define RT_PRIVATE_FILE_H

#include <stddef.h>

/* The new file's descriptor, or -1 (errno set; EEXIST when it exists). */
int	private_file_open(const char *path);
/* Writes all n bytes: 0, or -1 (errno set). */
int	private_file_write(int fd, const void *p, size_t n);
/* ok: everything was written.  Syncs and closes; on any failure prints
 * the reason naming path and removes the file.  0 or -1. */
int	private_file_close(int fd, const char *path, int ok);

#endif
