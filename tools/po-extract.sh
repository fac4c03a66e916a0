#!/bin/sh
# make po: every message the program shows that is marked for
# translation, into po/roundtable.pot, and each po/CODE.po brought up to
# date with it (new messages untranslated, gone ones kept as obsolete).
#   C: _("...") translated where it stands, N_("...") marked for later
#      (a title, a label, a month: shown through {{name | t}}), and the
#      message argument of each function named a keyword below (an
#      error, a refusal, a field's label): it is worded where shown.
#   templates: {{_ words}}, each {name} in them kept as it is, and
#      {{_n count: one | many}}, a plural with its two English forms.
set -eu
pot=po/roundtable.pot
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find src -name '*.c' | sort >"$tmp/c.list"
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=NC_:1c,2 --keyword=NP_:1,2 --keyword=catalogue_nget:2,3 --keyword=print_say_n:2,3 --keyword=template_words_n:1,2 \
	--keyword=response_error:3 --keyword=response_withdrawn:2 --keyword=form_error:3 --keyword=form_error_words:3 --keyword=form_constraint:4 --keyword=response_after_move:3 --keyword=phase_refuse:4 \
	--flag=N_:1:no-c-format --flag=NC_:2:no-c-format --flag=NP_:1:no-c-format --flag=NP_:2:no-c-format --flag=_:1:no-c-format --flag=response_error:3:no-c-format --flag=response_withdrawn:2:no-c-format --flag=form_error:3:no-c-format --flag=form_error_words:3:no-c-format --flag=form_constraint:4:no-c-format --flag=response_after_move:3:no-c-format --flag=phase_refuse:4:no-c-format \
	--add-comments=TRANSLATORS: --files-from="$tmp/c.list" \
	--package-name=roundtable --msgid-bugs-address="the project's issues" -o "$tmp/c.pot"
# Templates: one entry per {{_ words}}, with where it stands.
find templates -name '*.html' | sort | while read -r f; do
	awk -v file="$f" '
	{
		line = $0
		# {{_ words}}, or {{_n count: one | many}} (a plural).
		while (match(line, /\{\{_n? /) > 0) {
			plural = substr(line, RSTART + 3, 1) == "n"
			rest = substr(line, RSTART + RLENGTH)
			# The end: the first "}}" outside a {name}.
			open = 0; end = 0
			for (k = 1; k < length(rest); k++) {
				c = substr(rest, k, 1)
				if (c == "{") open = 1
				else if (c == "}" && open) open = 0
				else if (c == "}" && substr(rest, k + 1, 1) == "}") { end = k; break }
			}
			if (end == 0) break
			words = substr(rest, 1, end - 1)
			sub(/^[ \t]+/, "", words); sub(/[ \t]+$/, "", words)
			gsub(/\\/, "\\\\", words); gsub(/"/, "\\\"", words)
			if (plural) {
				# "count: one | many": the bar outside a {name | filter}.
				words = substr(words, index(words, ":") + 1)
				open = 0; bar = 0
				for (k = 1; k <= length(words); k++) {
					c = substr(words, k, 1)
					if (c == "{") open = 1
					else if (c == "}") open = 0
					else if (c == "|" && !open) { bar = k; break }
				}
				one = substr(words, 1, bar - 1); many = substr(words, bar + 1)
				sub(/^[ \t]+/, "", one); sub(/[ \t]+$/, "", one)
				sub(/^[ \t]+/, "", many); sub(/[ \t]+$/, "", many)
				printf "#: %s:%d\nmsgid \"%s\"\nmsgid_plural \"%s\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n\n", file, NR, one, many
			} else
				printf "#: %s:%d\nmsgid \"%s\"\nmsgstr \"\"\n\n", file, NR, words
			line = substr(rest, end + 2)
		}
	}' "$f"
done >"$tmp/t.po"
{
	printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
	cat "$tmp/t.po"
} >"$tmp/t.all"
# The same words in several places: one message, every place listed.
msguniq -o "$tmp/t.pot" "$tmp/t.all"
msgcat --use-first --sort-by-file -o "$pot" "$tmp/c.pot" "$tmp/t.pot"
for po in po/*.po; do
	msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" "$pot"
	echo "$po: $(msgfmt --statistics -o /dev/null "$po" 2>&1)"
done
