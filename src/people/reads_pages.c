/*
 * Who has read one person's record: the administrator's page over the
 * audit rows that dispatch writes for every read of a person's pages
 * ("person.read", router.h's read_subjects) and that subject access
 * writes for every export ("person.export"), newest first, paged by
 * audit id (migration 0045's index).  Opening this page is itself a
 * read of the record, so it is audited like the others.
 */
#include "people.h"
#include "../db/db.h"
#include "../server/form_page.h"
#include "../server/request.h"
#include "../util/catalogue.h"

static const char *sql_reads =
    "SELECT a.id, a.at, a.action, a.detail, "
    "ifnull(c.display_name || ' (' || c.username || ')', "
    "'') AS reader "
    "FROM audit a LEFT JOIN accounts c ON c.id = a.account_id "
    "WHERE a.entity = 'person' AND a.entity_id = ?1 "
    "AND a.action IN ('person.read', 'plan.read', 'person.export') "
    "AND a.id < ?2 ORDER BY a.id DESC LIMIT ?3";

void
person_reads_page(struct request *rq, struct response *rs)
{
	struct paging	 pg;
	json_t		*person, *rows, *view;

	if (paging_refused(&pg, rq, rs))
		return;
	if (person_load(rq->db, rq->ids[0], &person) <= 0) {
		paging_clear(&pg);
		response_error(rs, 404, "Page not found.");
		return;
	}
	rows = db_rows(rq->db, sql_reads, "iid", rq->ids[0],
	    paging_seek_id(&pg, 1), paging_limit(&pg));
	if (rows != NULL)
		reads_words_add(rows);
	view = rows == NULL ? NULL : json_pack("{s:s, s:o, s:b, s:o}",
	    "title", N_("Who has read this record"), "person", person,
	    "has_reads", json_array_size(rows) > 0, "reads", rows);
	if (view == NULL)
		json_decref(person);
	else
		paging_finish(&pg, rq, view, rows, NULL);
	response_view(rs, "people/reads", view);
	paging_clear(&pg);
}
