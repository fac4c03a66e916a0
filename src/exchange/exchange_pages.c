/*
 * The /exchange pages (exchange_pages.h).  Every pairing is shown to,
 * and carried by, only those who coordinate all of its sites: a
 * coordinator of one prison cannot make or take another's bundle.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exchange.h"
#include "exchange_bundle.h"
#include "exchange_pages.h"
#include "../auth/audit.h"
#include "../auth/roles.h"
#include "../db/db.h"
#include "../limits.h"
#include "../server/form_page.h"
#include "../server/download_name.h"
#include "../server/language.h"
#include "../util/catalogue.h"

#define EXCHANGERS	ROLES_STAFF

static const char *sql_place = "SELECT origin, role FROM place WHERE id = 1";
static const char *sql_peers =
    "SELECT p.origin, p.name, p.sent_seq, p.acked_seq, p.received_seq, "
    "p.sent_seq - p.acked_seq AS waiting, (SELECT group_concat(s.name, ', ') "
    "FROM exchange_peer_sites ps JOIN sites s ON s.id = ps.site_id WHERE "
    "ps.origin = p.origin) AS sites, (SELECT json_group_array(ps.site_id) "
    "FROM exchange_peer_sites ps WHERE ps.origin = p.origin) AS site_ids, "
    "(SELECT count(*) FROM exchange_conflicts c WHERE c.origin = p.origin "
    "AND c.settled_at IS NULL) AS conflicts "
    "FROM exchange_peers p ORDER BY p.origin";
static const char *sql_peer_sites =
    "SELECT json_group_array(site_id) FROM exchange_peer_sites "
    "WHERE origin = ?";
static const char *sql_conflicts =
    "SELECT c.id, c.origin, p.name AS peer, c.seq, c.tbl, c.row_key, "
    "c.kept, c.lost, c.rule, c.found_at FROM exchange_conflicts c "
    "JOIN exchange_peers p ON p.origin = c.origin "
    "WHERE c.settled_at IS NULL AND c.origin IN (SELECT value FROM "
    "json_each(?1)) ORDER BY c.id LIMIT ?2";
static const char *sql_conflict_origin =
    "SELECT origin FROM exchange_conflicts WHERE id = ?";
static const char *sql_settle =
    "UPDATE exchange_conflicts SET settled_by = ?, settled_at = "
    "strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ? AND settled_at IS NULL";

/* Whether the reader coordinates every site in site_ids (a JSON array
 * as text). */
static int
covers_all(const struct request *rq, const char *site_ids)
{
	json_t	*ids = site_ids ? json_loads(site_ids, 0, NULL) : NULL;
	json_t	*id;
	size_t	 i;
	int	 all = json_array_size(ids) > 0;

	json_array_foreach(ids, i, id)
		if (!access_covers(&rq->who, EXCHANGERS,
		    json_integer_value(id), 0))
			all = 0;
	json_decref(ids);
	return all;
}

/* Whether the reader may carry bundles for peer: -1 on error. */
static int
peer_allowed(struct request *rq, int64_t peer)
{
	json_t	*row = NULL;
	int	 rc, ok;

	rc = db_row(rq->db, &row, sql_peer_sites, "i", peer);
	if (rc < 0)
		return -1;
	ok = rc > 0 && covers_all(rq, json_string_value(json_object_get(row,
	    "json_group_array(site_id)")));
	json_decref(row);
	return ok;
}

/* The rows of sql_peers the reader may carry for. */
static json_t *
peers_allowed(struct request *rq)
{
	json_t	*rows = db_rows(rq->db, sql_peers, ""), *kept, *row;
	size_t	 i;

	if (rows == NULL || (kept = json_array()) == NULL) {
		json_decref(rows);
		return NULL;
	}
	json_array_foreach(rows, i, row)
		if (covers_all(rq, json_string_value(json_object_get(row,
		    "site_ids"))))
			json_array_append(kept, row);
	json_decref(rows);
	return kept;
}

void
exchange_index(struct request *rq, struct response *rs)
{
	json_t	*place = NULL, *peers, *view;
	json_int_t open = 0;
	json_t	*p;
	size_t	 i;

	if (db_row(rq->db, &place, sql_place, "") <= 0 ||
	    (peers = peers_allowed(rq)) == NULL) {
		json_decref(place);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	json_array_foreach(peers, i, p)
		open += json_integer_value(json_object_get(p, "conflicts"));
	view = json_pack("{s:s, s:O, s:o, s:b, s:b, s:b, s:I, s:s?, s:s?}",
	    "title", "Exchange", "place", place, "peers", peers,
	    "is_hub", strcmp(json_string_value(json_object_get(place,
	    "role")), "hub") == 0, "has_peers", json_array_size(peers) > 0,
	    "has_keys", rq->app->exchange != NULL, "open_conflicts", open,
	    "imported", form_get(&rq->query, "imported"),
	    "parts", form_get(&rq->query, "parts"));
	json_decref(place);
	if (view == NULL)
		response_error(rs, 500, "Something went wrong.");
	else
		response_page(rs, 200, "exchange/index", view);
}

/* A whole number from 0 to ORIGIN_MAX in field name, or -1. */
static int64_t
origin_field(const struct form *f, const char *name)
{
	const char	*s = form_get(f, name);
	char		*end;
	long		 v;

	if (s == NULL || *s == '\0')
		return -1;
	v = strtol(s, &end, 10);
	return *end == '\0' && v >= 0 && v <= ORIGIN_MAX ? v : -1;
}

void
exchange_download(struct request *rq, struct response *rs)
{
	struct exchange_report	 rep;
	unsigned char		*bundle = NULL;
	struct exchange_refusal	 why = { NULL, NULL };
	size_t			 len = 0;
	int64_t			 peer = origin_field(&rq->body, "origin");
	json_t			*place = NULL, *names;
	int			 ok;

	if (rq->app->exchange == NULL) {
		response_error(rs, 409, "This place has no exchange keys yet: "
		    "make them with roundtable exchange key.");
		return;
	}
	if (peer < 0 || (ok = peer_allowed(rq, peer)) == 0) {
		response_denied(rs);
		return;
	}
	if (ok < 0 || db_row(rq->db, &place, sql_place, "") <= 0) {
		json_decref(place);
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	if (exchange_export(rq->db, rq->app->exchange, (int)peer, &bundle,
	    &len, &rep, &why) == -1) {
		json_decref(place);
		response_error_words(rq, rs, 409, why.msgid, why.words);
		exchange_refusal_clear(&why);
		return;
	}
	if (buf_add(&rs->body, bundle, len) == -1) {
		free(bundle);
		json_decref(place);
		response_error(rs, 413, "The bundle is too large to download; "
		    "use roundtable exchange export.");
		return;
	}
	free(bundle);
	rs->status = 200;
	rs->content_type = strdup("application/octet-stream");
	names = json_pack("{s:O, s:I, s:I}", "from", json_object_get(place,
	    "origin"), "to", (json_int_t)peer, "n", (json_int_t)rep.seq);
	(void)response_named(rs, DOWNLOAD_SAVED, language_words(rq->lang),
	    /* TRANSLATORS: a file's name: letters, digits and hyphens,
	     * keeping {from}, {to} (the places' numbers) and {n} (the
	     * bundle's). */
	    N_("roundtable-{from}-to-{to}-{n}"), names, "rtx");
	json_decref(names);
	json_decref(place);
}

/* The bundle, as the exchange page's form sends it and this form, the
 * same box, shows it again with its error beside it. */
static const struct form_file bundle_file = {
	"bundle", N_("Bundle file (ends .rtx)"), N_("A bundle is imported "
	"whole or not at all, and a bundle imported before is refused."),
	".rtx", 1,
};

static int
bundle_store(struct request *rq, json_t *v, json_t *errors, void *ctx,
    char **location)
{
	const struct form_field	*file = form_get_file(&rq->body, "bundle");
	struct exchange_report	 rep;
	struct exchange_refusal	 why = { NULL, NULL };

	(void)v;
	(void)ctx;
	if (file == NULL || file->len == 0) {
		form_error(errors, "bundle", N_("Choose the bundle file to "
		    "import"));
		return DB_CONSTRAINT;
	}
	if (exchange_import(rq->db, rq->app->exchange,
	    (const unsigned char *)file->value, file->len, &rep, &why) == -1) {
		/* Worded beside the box in the reader's language; the error
		 * takes the values (none: it is a msgid as it stands). */
		form_error_words(errors, "bundle", why.msgid != NULL ?
		    why.msgid : N_("The bundle could not be applied."),
		    why.words);
		return DB_CONSTRAINT;
	}
	if (asprintf(location, "/exchange?imported=%lld&parts=%d",
	    (long long)rep.seq, rep.parts) == -1)
		return DB_ERROR;
	return DB_OK;
}

void
exchange_upload(struct request *rq, struct response *rs)
{
	const struct form_field	*file = form_get_file(&rq->body, "bundle");
	struct form_page	 fp = {
		.title = N_("Import a bundle"),
		.submit = N_("Import the bundle"), .back = "/exchange",
		.save = bundle_store, .file = &bundle_file,
	};
	uint32_t		 from = 0, to = 0;
	int			 ok;

	if (rq->app->exchange == NULL) {
		response_error(rs, 409, "This place has no exchange keys yet: "
		    "make them with roundtable exchange key.");
		return;
	}
	/* Who may take it in: those who coordinate the sender's sites.  A
	 * file that is no bundle at all is for the import to name. */
	if (rq->method == HTTP_POST && file != NULL && bundle_header(
	    (const unsigned char *)file->value, file->len, &from, &to) == 0 &&
	    (ok = peer_allowed(rq, from)) <= 0) {
		if (ok < 0)
			response_error(rs, 500, "Something went wrong.");
		else
			response_denied(rs);
		return;
	}
	form_page_run(rq, rs, &fp);
}

/* A conflict's two versions as lists of (field, kept, lost). */
static json_t *
conflict_fields(const char *kept_text, const char *lost_text)
{
	json_t		*kept = json_loads(kept_text, 0, NULL);
	json_t		*lost = json_loads(lost_text, 0, NULL);
	json_t		*out = json_array(), *v;
	const char	*key;
	char		*a, *b;

	json_object_foreach(kept, key, v) {
		a = json_dumps(v, JSON_ENCODE_ANY);
		b = json_dumps(json_object_get(lost, key) ?
		    json_object_get(lost, key) : json_null(), JSON_ENCODE_ANY);
		json_array_append_new(out, json_pack("{s:s, s:s, s:s, s:b}",
		    "field", key, "kept", a ? a : "", "lost", b ? b : "",
		    "differs", a && b && strcmp(a, b) != 0));
		free(a);
		free(b);
	}
	json_decref(kept);
	json_decref(lost);
	return out;
}

void
exchange_conflicts(struct request *rq, struct response *rs)
{
	json_t	*rows = NULL, *row, *peers, *p, *origins, *view;
	char	*mine = NULL;
	size_t	 i;

	/* Filtered in the query, before the page's limit: the pairings
	 * the reader may settle for. */
	peers = peers_allowed(rq);
	origins = json_array();
	json_array_foreach(peers, i, p)
		json_array_append(origins, json_object_get(p, "origin"));
	if (peers != NULL && origins != NULL &&
	    (mine = json_dumps(origins, JSON_COMPACT)) != NULL)
		rows = db_rows(rq->db, sql_conflicts, "ti", mine,
		    (int64_t)EXCHANGE_CONFLICTS_PAGE);
	free(mine);
	json_decref(origins);
	json_decref(peers);
	if (rows == NULL) {
		response_error(rs, 500, "Something went wrong.");
		return;
	}
	json_array_foreach(rows, i, row)
		json_object_set_new(row, "fields", conflict_fields(
		    json_string_value(json_object_get(row, "kept")),
		    json_string_value(json_object_get(row, "lost"))));
	view = json_pack("{s:s, s:O, s:b}", "title", "Exchange conflicts",
	    "conflicts", rows, "has_conflicts", json_array_size(rows) > 0);
	json_decref(rows);
	if (view == NULL)
		response_error(rs, 500, "Something went wrong.");
	else
		response_page(rs, 200, "exchange/conflicts", view);
}

void
exchange_settle(struct request *rq, struct response *rs)
{
	int64_t	 id = form_get_id(&rq->body, "conflict"), origin;
	int	 rc;

	if (id == 0) {
		response_error(rs, 422, "Choose the conflict to settle.");
		return;
	}
	if (db_int(rq->db, &origin, sql_conflict_origin, "i", id) <= 0 ||
	    (rc = peer_allowed(rq, origin)) < 0) {
		response_error(rs, 404, "Page not found.");
		return;
	}
	if (rc == 0) {
		response_denied(rs);
		return;
	}
	rc = db_exec(rq->db, sql_settle, "ii", rq->who.account_id, id);
	if (rc == DB_OK && db_changes(rq->db) == 0)
		rc = DB_CONSTRAINT;
	if (rc == DB_OK)
		rc = audit_append(rq->db, rq->who.account_id,
		    "exchange.settle", "exchange_conflict", id, NULL);
	if (rc == DB_CONSTRAINT)
		response_error(rs, 409, "This conflict is already settled.");
	else if (rc != DB_OK)
		response_error(rs, 503, "The service is busy. Try again.");
	else
		response_redirect(rs, "/exchange/conflicts");
}
