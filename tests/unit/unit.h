/*
 * Shared by every unit test: the headers cmocka needs, in the order it
 * needs them, and a temporary migrated database.
 *
 * unit_db_open() makes a fresh database file under $TMPDIR (or /tmp),
 * opens it into db and applies every migration; path receives its name.
 * unit_db_close() closes it and removes the file with its -wal and -shm.
 */
#ifndef RT_UNIT_H
#define RT_UNIT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"

#define UNIT_PATH_MAX	256

static inline int
unit_db_open(struct db *db, char path[UNIT_PATH_MAX])
{
	const char	*dir = getenv("TMPDIR");
	int		 fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	snprintf(path, UNIT_PATH_MAX, "%s/rt-unit-XXXXXX", dir);
	if ((fd = mkstemp(path)) == -1)
		return -1;
	close(fd);
	if (db_open(db, path, 5000) == -1) {
		unlink(path);
		return -1;
	}
	if (db_migrate(db) == -1) {
		db_close(db);
		unlink(path);
		return -1;
	}
	return 0;
}

static inline void
unit_db_close(struct db *db, const char *path)
{
	char	 side[UNIT_PATH_MAX + 8];

	db_close(db);
	unlink(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
}

#endif
