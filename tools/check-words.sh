#!/bin/sh
# Fails when a message C gives a reader is not in the catalogue
# (po/roundtable.pot), in three passes: the usual places (an error
# page's text, a page's title, a form error); any other sentence in C;
# and a count before a plural noun in a message with one form.  A
# message built from English pieces (snprintf into a view) has no msgid
# to find, which is why values go into views as values and are worded
# by the template or by form_error_words.
set -eu
ids=$(mktemp)
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

# Any other sentence in C (a capital, then words: "Follow-up closed.")
# that the catalogue lacks, wherever it is passed: a struct's message, a
# notice, a label built with snprintf.  xgettext --extract-all joins a literal split
# over lines.  The command line (src/cli, main.c) is English; what else
# stays English, and why, is in tools/english-kept.txt.
all=$(mktemp)
files=$(mktemp)
trap 'rm -f "$ids" "$all" "$files"' EXIT
find src -name '*.c' ! -path 'src/cli/*' ! -name main.c | sort >"$files"
xgettext --extract-all --from-code=UTF-8 --language=C --no-wrap \
    --files-from="$files" -o "$all" 2>/dev/null
msgcat --no-wrap po/roundtable.pot |
    sed -n 's/^msgid_plural "\(.*\)"$/\1/p' >>"$ids"
grep -v '^#' tools/english-kept.txt >>"$ids"
english=$(awk '/^#: / { at = $2 } /^msgid "/ {
	m = substr($0, 8, length($0) - 8)
	if (m ~ /^[A-Z][a-z'"'"'-]* [^ ]/) print at "\t" m }' "$all" |
    while IFS="$(printf '\t')" read -r at m; do
	grep -qxF -- "$m" "$ids" || printf '%s: %s\n' "$at" "$m"
    done)
if [ -n "$english" ]; then
	printf '%s\n' "$english" >&2
	echo "sentences above are in no catalogue: mark them N_() (or pass them to a function po-extract.sh names a keyword), or say in tools/english-kept.txt why they stay English" >&2
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

# A form error beside its field may carry values (form_error_words):
# "{{error | t}}" shows the English it was filled in, whatever the
# reader's language, so a field's error is written by the error_text
# partial, which fills its msgid again in that language.  error.html's
# {{error}} is an error page's, never a field's.
unworded=$(grep -rlF '{{error | t}}' templates |
    grep -vxE 'templates/(error_text|error)\.html' || true)
if [ -n "$unworded" ]; then
	printf '%s\n' "$unworded" >&2
	echo "templates above show a field's error as {{error | t}}: use {{> error_text}}" >&2
	exit 1
fi
