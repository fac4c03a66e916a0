#!/bin/sh
# Fails when a message C gives a reader is not in the catalogue
# (po/roundtable.pot): an error page's text (response_error), a page's
# title, a form error; a message built there from English pieces
# instead (snprintf into a view) has no msgid to find, which is why
# values go into views as values and are worded by the template or by
# form_error_words.  Single-line literals: `make po` marks the rest.
set -eu
ids=$(mktemp)
trap 'rm -f "$ids"' EXIT
msgcat --no-wrap po/roundtable.pot | sed -n 's/^msgid "\(.*\)"$/\1/p' >"$ids"
missing=$(grep -rhoE \
    -e 'response_error\(rs, [0-9]+, "[^"]+"\)' \
    -e '"title", "[^"]+"' \
    -e 'form_error(_words)?\([^,]+, "[a-z_0-9]+", "[^"]+"' \
    src --include='*.c' --exclude-dir=cli |
    sed -E 's/.*"([^"]+)"\)?$/\1/' | sort -u |
    while IFS= read -r m; do
	grep -qxF -- "$m" "$ids" || printf '%s\n' "$m"
    done)
if [ -n "$missing" ]; then
	printf '%s\n' "$missing" >&2
	echo "messages above are not in po/roundtable.pot: mark them N_() and run make po" >&2
	exit 1
fi

# A count before a plural noun in a message with one form ("{days} days")
# reads "1 days" in English and cannot mutate in Welsh ("2 ddiwrnod"):
# such words are a plural, {{_n count: one | many}} or template_words_n.
plural=$(msgcat --no-wrap po/roundtable.pot | awk '
	/^msgid "/ { if (id != "" && !had_plural) print id; id = $0; had_plural = 0; next }
	/^msgid_plural/ { had_plural = 1 }
	END { if (id != "" && !had_plural) print id }' |
    grep -E '\{([a-z_.]*(count|day|month|week|hour|minute|seat|vote|held|eligible|total|paper|answer|bid|evaluator|drawn|page|recruit)[a-z_]*|n)( \| count)?\} ([a-z]+ )?[a-z]+(s|\(s\))\b' |
    grep -vE '\} (is|was|has|does|needs|says|lines|times)\b' || true)
if [ -n "$plural" ]; then
	printf '%s\n' "$plural" >&2
	echo "messages above count a noun in one form: make them plurals ({{_n count: one | many}})" >&2
	exit 1
fi
