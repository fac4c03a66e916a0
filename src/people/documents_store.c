/*
 * A group's published documents: the SQL.
 */
#include "people.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../util/catalogue.h"

#define V(name)	json_object_get(v, name)

const struct choice document_kinds[] = {
	{ "charter", N_("Charter") },
	{ "terms_of_reference", N_("Terms of reference") },
	{ "other", N_("Other document") },
	{ NULL, NULL },
};

static const char *sql_document_target =
    "SELECT ifnull(g.site_id, 0), g.id FROM group_documents d "
    "JOIN groups g ON g.id = d.group_id WHERE d.id = ?";
static const char *sql_document_load =
    "SELECT d.id, d.group_id, d.title, d.kind, d.body, d.published_on, "
    "g.name AS group_name, ifnull(g.site_id, 0) AS site_id "
    "FROM group_documents d "
    "JOIN groups g ON g.id = d.group_id WHERE d.id = ?";
static const char *sql_documents =
    "SELECT id, title, kind, published_on FROM group_documents "
    "WHERE group_id = ? ORDER BY published_on DESC, id DESC";
static const char *sql_document_add =
    "INSERT INTO group_documents (group_id, title, kind, body, "
    "published_on, created_by) VALUES (?, ?, ?, ?, ?, ?)";
static const char *sql_document_save =
    "UPDATE group_documents SET title = ?, kind = ?, body = ?, "
    "published_on = ?, updated_by = ? WHERE id = ?";

int
document_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_document_target, ids[0], &t->site_id,
	    &t->group_id);
}

int
document_load(struct db *db, int64_t id, json_t **out)
{
	int	 rc = db_row(db, out, sql_document_load, "i", id);

	if (rc > 0)
		json_object_set_new(*out, "kind_label", json_string(
		    choice_label(document_kinds, json_string_value(
		    json_object_get(*out, "kind")))));
	return rc;
}

json_t *
document_list(struct db *db, int64_t group_id)
{
	json_t	*rows = db_rows(db, sql_documents, "i", group_id), *row;
	size_t	 i;

	json_array_foreach(rows, i, row)
		json_object_set_new(row, "kind_label", json_string(choice_label(
		    document_kinds, json_string_value(json_object_get(row,
		    "kind")))));
	return rows;
}

int
document_add(struct db *db, int64_t actor, int64_t group_id, json_t *v,
    int64_t *id)
{
	int	 rc;

	if ((rc = db_exec(db, sql_document_add, "ijjjji", group_id, V("title"),
	    V("kind"), V("body"), V("published_on"), actor)) != DB_OK)
		return rc;
	*id = db_last_id(db);
	return audit_append(db, actor, "document.create", "document", *id,
	    json_string_value(V("kind")));
}

int
document_save(struct db *db, int64_t actor, int64_t id, json_t *v)
{
	int	 rc;

	if ((rc = db_exec(db, sql_document_save, "jjjjii", V("title"),
	    V("kind"), V("body"), V("published_on"), actor, id)) != DB_OK)
		return rc;
	if (db_changes(db) == 0)
		return DB_CONSTRAINT;
	return audit_append(db, actor, "document.update", "document", id,
	    json_string_value(V("kind")));
}
