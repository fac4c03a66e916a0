/*
 * Secret keys kept in files of their own, outside the database: the audit
 * signing key and the backup key.  A key file holds exactly the key's raw
 * bytes, is a regular file (not a link) and is readable by its owner only;
 * anything else is refused, so a key left readable by others is noticed
 * rather than used.  The caller owns the buffers it passes.
 */
#ifndef RT_KEY_FILE_H
#define RT_KEY_FILE_H

#include <stddef.h>

/* Reads exactly len bytes into key: 0, or -1 with a message on stderr
 * naming the file and what is wrong with it. */
int	key_file_read(const char *path, unsigned char *key, size_t len);

/* Writes a new file (mode 0600, never over an existing one) holding len
 * random bytes, synced to disk: 1 made, 0 it already existed, -1 error
 * (message printed). */
int	key_file_create(const char *path, size_t len);

/* As key_file_create, with the key given (a key moved with its database
 * to another place). */
int	key_file_write(const char *path, const unsigned char *key, size_t len);

#endif
