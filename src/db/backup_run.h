/*
 * Taking a backup: a consistent copy of a live database (the online
 * backup API, one step, so one snapshot even under writes), checked, and
 * written to a new private file, sealed when a key is given
 * (backup_file.h).  Used by `roundtable backup` and by the server's
 * scheduled backups (server/housekeeping.c), which also keep only the
 * newest N (backup_rotate).
 *
 * Each backup can carry its fingerprint (db_tables_fingerprint): one line a
 * table, "name rows digest", so a restore can be compared table by table
 * with what was copied, even when the backup itself is sealed.
 */
#ifndef RT_BACKUP_RUN_H
#define RT_BACKUP_RUN_H

#include <stdio.h>

#include "backup_file.h"

struct buf;
struct db;

/* Copies every page of from into to in one step: 0, or -1 (printed). */
int	db_copy(struct db *from, struct db *to);
/* integrity_check and foreign_key_check: 1 sound, 0 not (each fault
 * printed to report). */
int	db_sound(struct db *, FILE *report);
/* Appends the fingerprint of every table (sqlite_% aside, by name)
 * to out: 0, or -1. */
int	db_tables_fingerprint(struct db *, struct buf *out);

/* Writes a checked copy of from to path, a new file (0600), sealed with
 * key when it is not NULL.  tables (may be NULL) receives the copy's
 * fingerprint.  0, or -1 with the reason on stderr. */
int	backup_write(struct db *from, const char *path,
	    const unsigned char *key, struct buf *tables);

/* Scheduled backups: writes dir/roundtable-YYYYMMDDTHHMMSSZ.backup (and
 * its fingerprint beside it, ".tables") and then removes the oldest of
 * that form until keep are left.  0, or -1 (printed; what exists is
 * left as it is). */
int	backup_scheduled(struct db *from, const char *dir,
	    const unsigned char *key, int keep);

#endif
