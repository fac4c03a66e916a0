/*
 * Plural-Forms expressions, evaluated by recursive descent straight from
 * the header's text, as gettext's own grammar has them (loosest first):
 * ?:, ||, &&, == !=, < > <= >=, + -, * / %, !, and n, a number or ( ).
 * A count is evaluated on each call rather than compiled: the rules are
 * a line long, and a page words few counts.  A malformed rule is found
 * when the catalogue is loaded, never while a page is made.
 */
#include <stdlib.h>
#include <string.h>

#include "../limits.h"
#include "plural_rule.h"

struct reading {
	const char	*p;
	unsigned long	 n;
	int		 depth;
	int		 bad;
};

static unsigned long	choice(struct reading *);

static void
blanks(struct reading *r)
{
	while (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')
		r->p++;
}

/* 1 and past it when the text at r is op (and, for a one-character op,
 * not the start of a longer one: "<" is not "<="). */
static int
taken(struct reading *r, const char *op)
{
	size_t	 len = strlen(op);

	blanks(r);
	if (strncmp(r->p, op, len) != 0)
		return 0;
	if (len == 1 && r->p[1] == '=' && strchr("<>!=", op[0]) != NULL)
		return 0;
	r->p += len;
	return 1;
}

static unsigned long
primary(struct reading *r)
{
	unsigned long	 v;
	char		*end;

	blanks(r);
	if (*r->p == 'n') {
		r->p++;
		return r->n;
	}
	if (*r->p >= '0' && *r->p <= '9') {
		v = strtoul(r->p, &end, 10);
		r->p = end;
		return v;
	}
	if (*r->p == '(' && ++r->depth <= PLURAL_RULE_DEPTH) {
		r->p++;
		v = choice(r);
		r->depth--;
		if (!taken(r, ")"))
			r->bad = 1;
		return v;
	}
	r->bad = 1;
	return 0;
}

static unsigned long
unary(struct reading *r)
{
	unsigned long	 v;

	if (!taken(r, "!"))
		return primary(r);
	if (++r->depth > PLURAL_RULE_DEPTH) {
		r->bad = 1;
		return 0;
	}
	v = !unary(r);
	r->depth--;
	return v;
}

/* The binary operators, loosest first: a level's operands are the next
 * level's, the last level's unary. */
#define LEVELS	6
static const char *const levels[LEVELS][5] = { { "||" }, { "&&" },
	{ "==", "!=" }, { "<=", ">=", "<", ">" }, { "+", "-" },
	{ "*", "/", "%" } };

static unsigned long
applied(const char *op, unsigned long a, unsigned long b)
{
	switch (op[0]) {
	case '|': return a || b;
	case '&': return a && b;
	case '=': return a == b;
	case '!': return a != b;
	case '<': return op[1] == '=' ? a <= b : a < b;
	case '>': return op[1] == '=' ? a >= b : a > b;
	case '+': return a + b;
	case '-': return a - b;
	case '*': return a * b;
	/* Dividing by nought names form 0, as no rule means to. */
	case '/': return b == 0 ? 0 : a / b;
	default: return b == 0 ? 0 : a % b;
	}
}

/* Both operands are always read, the reading must pass over them: no
 * operand has an effect that short-circuiting would spare. */
static unsigned long
binary(struct reading *r, size_t level)
{
	const char *const	*op;
	unsigned long		 v, w;

	if (level == LEVELS)
		return unary(r);
	v = binary(r, level + 1);
	for (;;) {
		for (op = levels[level]; *op != NULL && !taken(r, *op); op++)
			continue;
		if (*op == NULL)
			return v;
		w = binary(r, level + 1);
		v = applied(*op, v, w);
	}
}

static unsigned long
choice(struct reading *r)
{
	unsigned long	 test = binary(r, 0), yes, no;

	if (!taken(r, "?"))
		return test;
	if (++r->depth > PLURAL_RULE_DEPTH) {
		r->bad = 1;
		return 0;
	}
	yes = choice(r);
	if (!taken(r, ":"))
		r->bad = 1;
	no = choice(r);
	r->depth--;
	return test ? yes : no;
}

/* The form for n, and whether the whole rule was read to its ';'. */
static unsigned long
evaluated(const char *expr, unsigned long n, int *bad)
{
	struct reading	 r = { expr, n, 0, 0 };
	unsigned long	 v = choice(&r);

	blanks(&r);
	*bad = r.bad || *r.p != ';';
	return v;
}

unsigned
plural_rule_form(const struct plural_rule *rule, unsigned long n)
{
	unsigned long	 v;
	int		 bad;

	v = evaluated(rule->expr, n, &bad);
	return bad || v >= rule->nplurals ? 0 : (unsigned)v;
}

int
plural_rule_read(const char *header, struct plural_rule *rule)
{
	const char	*line, *p;
	char		*end;
	unsigned long	 n, forms;
	int		 bad;

	memset(rule, 0, sizeof(*rule));
	if (header == NULL || (line = strstr(header, "Plural-Forms:")) == NULL)
		return 0;
	if ((p = strstr(line, "nplurals=")) == NULL)
		return -1;
	forms = strtoul(p + strlen("nplurals="), &end, 10);
	if (forms < 1 || forms > PLURAL_FORMS_MAX || (p = strstr(end, "plural=")) == NULL ||
	    memchr(line, '\n', (size_t)(p - line)) != NULL)
		return -1;
	rule->expr = p + strlen("plural=");
	rule->nplurals = (unsigned)forms;
	for (n = 0; n <= PLURAL_RULE_CHECKED; n++)
		if (evaluated(rule->expr, n, &bad) >= forms || bad) {
			memset(rule, 0, sizeof(*rule));
			return -1;
		}
	return 1;
}
