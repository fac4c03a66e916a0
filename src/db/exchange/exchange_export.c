/*
 * Making a bundle, inside the caller's write transaction.  What this
 * place owns of the shared sites is copied into a scratch connection of
 * our own, in memory; the session extension compares it with the copy
 * made at the last export (the peer's snapshot, an SQLite image kept in
 * its row) and writes the difference as the next part, and the copy
 * becomes the next snapshot.  The part is kept until the peer
 * acknowledges it, and every bundle carries every part still kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../exchange/exchange.h"
#include "../../exchange/exchange_bundle.h"
#include "exchange_tables.h"
#include "../../auth/audit.h"
#include "../db.h"
#include "../../limits.h"
#include "../../util/catalogue.h"
#include "../../util/log.h"

/* The peer as the export needs it; owns snapshot (sqlite3_malloc). */
struct peer_state {
	unsigned char	 box_pk[crypto_box_PUBLICKEYBYTES];
	int64_t		 sent, received;
	unsigned char	*snapshot;
	sqlite3_int64	 snapshot_len;
};

static int
peer_read(sqlite3 *h, int peer, struct peer_state *ps)
{
	sqlite3_stmt	*st;
	const void	*p;
	int		 rc = -1, n;

	memset(ps, 0, sizeof(*ps));
	if (sqlite3_prepare_v2(h, "SELECT box_key, sent_seq, received_seq, "
	    "snapshot FROM main.exchange_peers WHERE origin = ?", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, peer);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_bytes(st, 0) == (int)sizeof(ps->box_pk)) {
		memcpy(ps->box_pk, sqlite3_column_blob(st, 0),
		    sizeof(ps->box_pk));
		ps->sent = sqlite3_column_int64(st, 1);
		ps->received = sqlite3_column_int64(st, 2);
		n = sqlite3_column_bytes(st, 3);
		p = sqlite3_column_blob(st, 3);
		rc = 0;
		if (n > 0 && (ps->snapshot = sqlite3_malloc(n)) != NULL) {
			memcpy(ps->snapshot, p, (size_t)n);
			ps->snapshot_len = n;
		} else if (n > 0)
			rc = -1;
	}
	sqlite3_finalize(st);
	return rc;
}

/* The changes that make schema from into schema to, for every table of
 * the owners, as one changeset (sqlite3_free). */
static int
changes_between(sqlite3 *h, const char *to, const char *from,
    unsigned owners, void **cs, int *len)
{
	sqlite3_session	*s;
	size_t		 i;
	int		 rc;

	*cs = NULL;
	*len = 0;
	if ((rc = sqlite3session_create(h, to, &s)) != SQLITE_OK)
		return rc;
	for (i = 0; i < exchange_ntables && rc == SQLITE_OK; i++) {
		if (!exchange_table_travels(&exchange_tables[i], owners))
			continue;
		rc = sqlite3session_attach(s, exchange_tables[i].name);
		if (rc == SQLITE_OK)
			rc = sqlite3session_diff(s, from,
			    exchange_tables[i].name, NULL);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3session_changeset(s, len, cs);
	sqlite3session_delete(s);
	return rc;
}

/* The next part: what changed between snap (as last sent) and cur (as
 * now), with its count of rows. */
static int
part_make(sqlite3 *h, unsigned owners, void **cs, int *len, long *changes)
{
	sqlite3_changeset_iter	*it;
	int			 rc;

	*changes = 0;
	rc = changes_between(h, "main", "snap", owners, cs, len);
	if (rc != SQLITE_OK || *len == 0)
		return rc;
	if ((rc = sqlite3changeset_start(&it, *len, *cs)) != SQLITE_OK)
		return rc;
	while (sqlite3changeset_next(it) == SQLITE_ROW)
		(*changes)++;
	return sqlite3changeset_finalize(it);
}

/* Copies the row of main.tbl that an UPDATE in cs names into img.tbl
 * (in the scratch connection h). */
static int
image_copy(sqlite3 *h, sqlite3_changeset_iter *it, const char *tbl,
    int ncols)
{
	sqlite3_value	*pk[EXCHANGE_COLUMNS_MAX];
	unsigned char	*flags;
	sqlite3_stmt	*st;
	char		*match;
	int		 i, n, rc;

	if (ncols > EXCHANGE_COLUMNS_MAX ||
	    sqlite3changeset_pk(it, &flags, &n) != SQLITE_OK)
		return SQLITE_ERROR;
	for (i = 0; i < ncols; i++) {
		pk[i] = NULL;
		if (flags[i])
			sqlite3changeset_old(it, i, &pk[i]);
	}
	if ((match = exchange_pk_match(h, tbl, flags, ncols)) == NULL)
		return SQLITE_NOMEM;
	rc = exchange_prepare(h, &st, "INSERT OR IGNORE INTO img.%w SELECT * "
	    "FROM main.%w WHERE 1 %s", tbl, tbl, match);
	sqlite3_free(match);
	if (rc != SQLITE_OK)
		return rc;
	exchange_pk_bind(st, pk, flags, ncols);
	rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	sqlite3_finalize(st);
	return rc;
}

/* The whole rows, as they stand now, of every row cs updates: the
 * difference between the empty "nil" and "img", so a changeset of
 * inserts (sqlite3_free). */
static int
images_make(sqlite3 *h, unsigned owners, void *cs, int len, void **img,
    int *img_len)
{
	sqlite3_changeset_iter	*it;
	const char		*tbl;
	int			 ncols, op, indirect, rc = SQLITE_OK;

	*img = NULL;
	*img_len = 0;
	if (len == 0)
		return SQLITE_OK;
	if ((rc = sqlite3changeset_start(&it, len, cs)) != SQLITE_OK)
		return rc;
	while (rc == SQLITE_OK && sqlite3changeset_next(it) == SQLITE_ROW) {
		sqlite3changeset_op(it, &tbl, &ncols, &op, &indirect);
		if (op == SQLITE_UPDATE)
			rc = image_copy(h, it, tbl, ncols);
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK && rc == SQLITE_OK)
		rc = SQLITE_ERROR;
	if (rc != SQLITE_OK)
		return rc;
	return changes_between(h, "img", "nil", owners, img, img_len);
}

/* The parts kept for peer, oldest first; data is malloc'd each. */
static int
parts_read(sqlite3 *h, int peer, struct bundle *b)
{
	sqlite3_stmt		*st;
	struct bundle_part	*parts = NULL, *grown;
	size_t			 n = 0;
	unsigned char		*copy;
	int			 rc, len;

	if (sqlite3_prepare_v2(h, "SELECT seq, changes, images FROM "
	    "main.exchange_sent WHERE origin = ? ORDER BY seq", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, peer);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == EXCHANGE_PARTS_MAX ||
		    (grown = realloc(parts, (n + 1) * sizeof(*parts))) == NULL)
			break;
		parts = grown;
		len = sqlite3_column_bytes(st, 1);
		if ((copy = malloc(len > 0 ? (size_t)len : 1)) == NULL)
			break;
		if (len > 0)
			memcpy(copy, sqlite3_column_blob(st, 1), (size_t)len);
		parts[n].seq = sqlite3_column_int64(st, 0);
		parts[n].data = copy;
		parts[n].len = (size_t)len;
		len = sqlite3_column_bytes(st, 2);
		if ((copy = malloc(len > 0 ? (size_t)len : 1)) == NULL) {
			free((void *)parts[n].data);
			break;
		}
		if (len > 0)
			memcpy(copy, sqlite3_column_blob(st, 2), (size_t)len);
		parts[n].images = copy;
		parts[n].images_len = (size_t)len;
		n++;
	}
	sqlite3_finalize(st);
	b->parts = parts;
	b->nparts = n;
	return rc == SQLITE_DONE ? 0 : -1;
}

static void
parts_free(struct bundle *b)
{
	size_t	 i;

	for (i = 0; i < b->nparts; i++) {
		free((void *)b->parts[i].data);
		free((void *)b->parts[i].images);
	}
	free(b->parts);
	b->parts = NULL;
	b->nparts = 0;
}

/* A scratch connection of our own, in memory: main (what we hold now),
 * snap (from the peer's image: what we sent last), img (whole rows
 * changed) and nil (nothing).  NULL on failure. */
static sqlite3 *
scratch_open(struct peer_state *ps)
{
	sqlite3	*s;

	if (sqlite3_open_v2(":memory:", &s, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK) {
		sqlite3_close(s);
		return NULL;
	}
	if (sqlite3_exec(s, "ATTACH ':memory:' AS snap; "
	    "ATTACH ':memory:' AS img; ATTACH ':memory:' AS nil", NULL, NULL,
	    NULL) != SQLITE_OK)
		goto fail;
	if (ps->snapshot != NULL) {
		/* SQLite owns the image from here, even on failure. */
		if (sqlite3_deserialize(s, "snap", ps->snapshot,
		    ps->snapshot_len, ps->snapshot_len,
		    SQLITE_DESERIALIZE_FREEONCLOSE |
		    SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK) {
			ps->snapshot = NULL;
			goto fail;
		}
		ps->snapshot = NULL;
	}
	return s;
fail:
	sqlite3_close(s);
	return NULL;
}

/* Everything the new part needs, made in s from h: the part, its whole
 * rows, and the image of what we hold now (the next snapshot). */
static int
scratch_fill(sqlite3 *h, sqlite3 *s, unsigned owners, int peer)
{
	if (exchange_schema(h, s, "main", owners) != SQLITE_OK ||
	    exchange_schema(h, s, "snap", owners) != SQLITE_OK ||
	    exchange_schema(h, s, "img", owners) != SQLITE_OK ||
	    exchange_schema(h, s, "nil", owners) != SQLITE_OK ||
	    exchange_scoped(h, s, owners, peer) != SQLITE_OK)
		return -1;
	return 0;
}

int
exchange_export(struct db *db, const struct exchange_keys *keys, int peer,
    unsigned char **out, size_t *len, struct exchange_report *rep,
    struct exchange_refusal *why)
{
	sqlite3			*h = db->h, *s = NULL;
	struct peer_state	 ps;
	struct bundle		 b;
	enum exchange_owner	 owner;
	unsigned		 owners;
	unsigned char		*image = NULL;
	sqlite3_int64		 image_len = 0;
	struct db_blob		 part, whole, snap;
	char			 detail[128];
	void			*cs = NULL, *imgs = NULL;
	int			 origin, cs_len = 0, imgs_len = 0, rc = -1;
	long			 changes = 0;

	memset(rep, 0, sizeof(*rep));
	memset(&b, 0, sizeof(b));
	*out = NULL;
	if (h == NULL || exchange_place(h, &origin, &owner) == -1) {
		exchange_refuse(why, N_("Only a SQLite database exchanges "
		    "bundles for now."), NULL);
		return -1;
	}
	if (peer_read(h, peer, &ps) == -1) {
		exchange_refuse(why, N_("Place {origin} is not paired with "
		    "this one."), json_pack("{s:i}", "origin", peer));
		return -1;
	}
	/* The hub's first part to a station also carries the records of
	 * the station's kind that the hub already holds for its sites (a
	 * forum's history from before it had a laptop); from then on each
	 * side sends only what it owns. */
	owners = OWNED_BY(owner);
	if (owner == OWNER_HUB && ps.sent == 0)
		owners = OWNED_BY_ANY;
	if ((s = scratch_open(&ps)) == NULL) {
		exchange_refuse(why, N_("The last export's copy cannot be "
		    "read."), NULL);
		goto out;
	}
	if (scratch_fill(h, s, owners, peer) == -1 ||
	    part_make(s, owners, &cs, &cs_len, &changes) != SQLITE_OK ||
	    images_make(s, owners, cs, cs_len, &imgs, &imgs_len) !=
	    SQLITE_OK ||
	    (image = sqlite3_serialize(s, "main", &image_len, 0)) == NULL) {
		/* The engine's own words are English: the log has them. */
		log_line(LOG_ERR, "exchange export to place %d: %s", peer,
		    sqlite3_errmsg(s));
		exchange_refuse(why, N_("The changes could not be gathered; "
		    "the server's log says why."), NULL);
		goto out;
	}
	part.p = cs_len > 0 ? cs : "";
	part.n = (size_t)cs_len;
	whole.p = imgs_len > 0 ? imgs : "";
	whole.n = (size_t)imgs_len;
	snap.p = image;
	snap.n = (size_t)image_len;
	/* Kept without words (auth/audit_detail.c): part, place, changes. */
	snprintf(detail, sizeof(detail), "%lld %d %ld", (long long)ps.sent + 1,
	    peer, changes);
	if (db_exec(db, "INSERT INTO exchange_sent (origin, seq, changes, "
	    "images) VALUES (?, ?, ?, ?)", "iibb", (int64_t)peer, ps.sent + 1,
	    part, whole) !=
	    DB_OK || db_exec(db, "UPDATE exchange_peers SET sent_seq = ?, "
	    "snapshot = ? WHERE origin = ?", "ibi", ps.sent + 1, snap,
	    (int64_t)peer) != DB_OK ||
	    audit_append(db, 0, "exchange.export", "exchange_peer", peer,
	    detail) != DB_OK || parts_read(h, peer, &b) == -1) {
		exchange_refuse(why, N_("The new part could not be recorded."),
		    NULL);
		goto out;
	}
	b.from = (uint32_t)origin;
	b.to = (uint32_t)peer;
	b.ack = ps.received;
	if (bundle_seal(&b, keys, ps.box_pk, out, len) == -1) {
		exchange_refuse(why, N_("The bundle is larger than {bytes} "
		    "bytes; exchange more often."), json_pack("{s:I}", "bytes",
		    (json_int_t)EXCHANGE_BUNDLE_MAX));
		goto out;
	}
	rep->seq = ps.sent + 1;
	rep->parts = (int)b.nparts;
	rep->changes = changes;
	rc = 0;
out:
	if (rc == -1) {
		free(*out);
		*out = NULL;
	}
	parts_free(&b);
	sqlite3_free(cs);
	sqlite3_free(imgs);
	sqlite3_free(image);
	sqlite3_free(ps.snapshot);
	sqlite3_close(s);
	return rc;
}
