#!/bin/sh
# Fails when risky C functions appear in src/ (as curl's checksrc does).
set -eu
banned='\b(strcpy|strcat|sprintf|vsprintf|gets|atoi|atol|strtok|strncpy|strncat)\s*\('
if grep -rnE "$banned" src tools/embed.c; then
	echo "banned function in the lines above: use buf_*, snprintf or strtol" >&2
	exit 1
fi
# The engine stays behind src/db/db.h: a second backend sits there too.
if grep -rnE '\bsqlite3_|<sqlite3\.h>' src --include='*.c' --include='*.h' |
    grep -v '^src/db/'; then
	echo "sqlite3_ outside src/db/ in the lines above: use db_* (src/db/db.h)" >&2
	exit 1
fi
