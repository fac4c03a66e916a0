/*
 * A gettext catalogue's Plural-Forms rule, as its header declares it:
 *   "Plural-Forms: nplurals=7; plural=(n==0) ? 0 : ... : 5;"
 * The expression is C's: n, whole numbers, ( ), ! * / % + - < > <= >=
 * == != && || and ?:.  A translator changes a language's forms in its .po
 * (Poedit reads the same line), and the program follows: no language's
 * rule is written in C.
 *
 * struct plural_rule points into the header it was read from, which must
 * outlive it; it owns nothing.
 */
#ifndef RT_PLURAL_RULE_H
#define RT_PLURAL_RULE_H

struct plural_rule {
	const char	*expr;		/* after "plural=", up to its ';' */
	unsigned	 nplurals;
};

/* Reads the Plural-Forms line of a .mo's header (the translation of "").
 * 1 when it has a rule that parses and, for every count up to
 * PLURAL_RULE_CHECKED, names a form below nplurals; 0 when the header has
 * no Plural-Forms line (the language then counts as English does); -1
 * when the line is there but wrong. */
int		 plural_rule_read(const char *header, struct plural_rule *);

/* The form (0..nplurals-1) that n takes by a rule plural_rule_read gave. */
unsigned	 plural_rule_form(const struct plural_rule *, unsigned long n);

#endif
