#include "scoped.h"
#include "../db/db.h"

json_t *
scoped_rows(struct db *db, const struct principal *who, unsigned roles,
    const char *sql)
{
	struct scope_filter	 f;
	json_t			*rows;

	if (access_filter(who, roles, 0, &f) == -1)
		return NULL;
	rows = db_rows(db, sql, "dtt", f.all, f.site_ids, f.group_ids);
	scope_filter_clear(&f);
	return rows;
}
