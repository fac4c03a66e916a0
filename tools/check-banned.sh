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
# Every row of a table the exchange carries is numbered in its place's
# range (docs/exchange.md): an INSERT naming such a table, when the
# table has an id, takes rt_next_id within its statement's first lines.
numbered=$(awk '/^CREATE TABLE [a-z_]+ \(/ { t = $3; sub(/_new$/, "", t) }
    /^\tid\t+INTEGER PRIMARY KEY/ && t != "" { print t; t = "" }' \
    migrations/*.sql | sort -u)
travelling=$(sed -n 's/.*\.name = "\([a-z_]*\)".*/\1/p' \
    src/db/exchange/exchange_tables.c | sort -u)
for t in $(printf '%s\n' "$travelling" | grep -Fx -e "$numbered"); do
	if find src -name '*.c' -exec awk -v t="$t" '
	    index($0, "INSERT INTO " t " (") { at = FNR; n = 0; ok = 0 }
	    at && n <= 4 { if (index($0, "rt_next_id(\047" t "\047)")) ok = 1
		if (++n > 4) { if (!ok) print FILENAME ":" at; at = 0 } }
	    END { if (at && !ok) print FILENAME ":" at }' {} + | grep .; then
		echo "INSERT INTO $t without rt_next_id('$t') above" >&2
		exit 1
	fi
done
