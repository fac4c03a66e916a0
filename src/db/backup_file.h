/*
 * Encrypted backup files: a database image sealed with libsodium's
 * crypto_secretstream (XChaCha20-Poly1305) under a 32-byte key kept in a
 * file outside the database ([keys] backup_key).
 *
 * Layout: the 16-byte magic "RTBACKUP-SS1\n\0\0\0", the 24-byte stream
 * header, then the image in chunks of BACKUP_CHUNK bytes (the last may be
 * shorter, even empty), each sealed with its 17 bytes of tag and MAC and
 * the magic as additional data.  Only the last chunk carries TAG_FINAL,
 * so a file cut anywhere (even between chunks) lacks it and is refused,
 * and bytes after it are refused too.  Chunks are chained by the stream,
 * so reordering or dropping one fails its MAC.
 *
 * The image is handled in memory (struct buf, BACKUP_MEMORY_MAX): no
 * unencrypted copy is written to disk.
 */
#ifndef RT_BACKUP_FILE_H
#define RT_BACKUP_FILE_H

#include <stddef.h>
#include <sodium.h>

#define BACKUP_KEY_BYTES crypto_secretstream_xchacha20poly1305_KEYBYTES

struct buf;

/* Writes a new file (mode 0600, never over an existing one) holding the
 * sealed image, synced: 0, or -1 with a message on stderr. */
int	backup_seal(const char *path, const unsigned char key[BACKUP_KEY_BYTES],
	    const void *image, size_t len);

/* 1 when path starts with the sealed-backup magic, 0 when it does not,
 * -1 when it cannot be read (message printed). */
int	backup_is_sealed(const char *path);

/* Opens a sealed file into out: 0, or -1 with a message on stderr naming
 * what is wrong (cut short, altered or sealed with another key, bytes
 * after the end, too large). */
int	backup_unseal(const char *path, const unsigned char key[BACKUP_KEY_BYTES],
	    struct buf *out);

#endif
