#include <stdio.h>
#include <string.h>

#include "router.h"
#include "../limits.h"

int
target_organisation(struct db *db, const int64_t *ids, struct target *t)
{
	(void)db;
	(void)ids;
	t->site_id = t->group_id = 0;
	return 1;
}

/* Parses a path segment as an id: 1 and *id, or 0. */
static int
segment_id(const char *s, size_t len, int64_t *id)
{
	size_t	 i;
	int64_t	 v = 0;

	if (len == 0 || len > 18 || s[0] == '0')
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*id = v;
	return 1;
}

/* Does path match pattern?  Fills ids.  1 or 0. */
static int
pattern_match(const char *pattern, const char *path, int64_t *ids,
    size_t *nids)
{
	const char	*pe, *se;
	size_t		 plen, slen;

	*nids = 0;
	if (*pattern != '/' || *path != '/')
		return 0;
	if (strcmp(pattern, "/") == 0)
		return strcmp(path, "/") == 0;
	while (*pattern == '/' && *path == '/') {
		pattern++;
		path++;
		pe = strchr(pattern, '/');
		se = strchr(path, '/');
		plen = pe ? (size_t)(pe - pattern) : strlen(pattern);
		slen = se ? (size_t)(se - path) : strlen(path);
		if (plen == 4 && memcmp(pattern, "{id}", 4) == 0) {
			if (*nids == ROUTE_IDS_MAX ||
			    !segment_id(path, slen, &ids[*nids]))
				return 0;
			(*nids)++;
		} else if (plen != slen || memcmp(pattern, path, plen) != 0)
			return 0;
		pattern += plen;
		path += slen;
	}
	return *pattern == '\0' && *path == '\0';
}

const struct route *
router_match(const struct route *table, size_t n, enum http_method method,
    const char *path, int64_t ids[ROUTE_IDS_MAX], size_t *nids, int *status)
{
	const char	*p;
	size_t		 i, first;
	int		 other_method = 0;

	/* Every layout and every drawn link asks here, so a route whose
	 * first segment differs is passed over on that alone (without it,
	 * matching was 6% of serving a list page). */
	*nids = 0;
	*status = 404;
	if (*path != '/')
		return NULL;
	first = strcspn(path + 1, "/");
	for (i = 0; i < n; i++) {
		p = table[i].pattern;
		if (p[0] == '/' && p[1] != '{' && (strncmp(p + 1, path + 1,
		    first) != 0 || (p[1 + first] != '/' &&
		    p[1 + first] != '\0')))
			continue;
		if (!pattern_match(p, path, ids, nids))
			continue;
		if (table[i].method == method)
			return &table[i];
		other_method = 1;
	}
	*nids = 0;
	*status = other_method ? 405 : 404;
	return NULL;
}

void
router_print(const struct route *table, size_t n, FILE *out)
{
	static const char *methods[HTTP__MAX] = { "GET", "POST" };
	size_t	 i;
	int	 r, first;

	for (i = 0; i < n; i++) {
		fprintf(out, "%-5s %-36s ", methods[table[i].method],
		    table[i].pattern);
		if (table[i].roles == 0)
			fputs("public", out);
		else if (table[i].roles == ROLES_ALL)
			fputs("any role", out);
		for (r = 0, first = 1; r < ROLE__MAX &&
		    table[i].roles != ROLES_ALL; r++) {
			if (!(table[i].roles & ROLE_BIT(r)))
				continue;
			fprintf(out, "%s%s", first ? "" : ",", role_names[r]);
			first = 0;
		}
		fprintf(out, " @ %s%s%s  %s\n", table[i].scope,
		    table[i].flags & ROUTE_OWNER_OR_STAFF ?
		    ", and only its owner or staff" : "",
		    route_read_subject(&table[i]) != NULL ?
		    ", reads audited" : "", table[i].summary);
	}
}

const char *
route_read_subject(const struct route *rt)
{
	size_t	 i;

	if (rt->method != HTTP_GET || rt->target == NULL)
		return NULL;
	for (i = 0; i < read_subjects_count; i++)
		if (read_subjects[i].target == rt->target)
			return read_subjects[i].sql;
	return NULL;
}
