/*
 * Applying a bundle, inside the caller's write transaction, which the
 * caller rolls back when this fails.  It is opened and its signature
 * checked before the database is touched; then each new part is
 * checked (only tables the sender owns, only rows of the shared sites)
 * and applied with the session extension.  Where both places changed one
 * row, the owner's version (the sender's: it sends only what it owns)
 * stands and ours is kept in exchange_conflicts.  Any refusal rolls the
 * whole bundle back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../../exchange/exchange.h"
#include "../../exchange/exchange_bundle.h"
#include "exchange_failure.h"
#include "exchange_tables.h"
#include "../../auth/audit.h"
#include "../db.h"
#include "../../limits.h"
#include "../../util/catalogue.h"
#include "../../server/test_hooks.h"


/* One version set aside; strings owned. */
struct conflict {
	const char	*tbl;		/* static (the table list) */
	char		*key, *kept, *lost;
	const char	*rule;		/* static */
	int		 theirs;	/* the sender's version stood: its
					   whole row follows (images) */
	int		 restore;	/* ... where ours had been deleted */
};

/* What the conflict handler sees and gathers; owns conflicts and the
 * column names of the table last seen. */
struct apply_state {
	sqlite3			*h;
	struct conflict		*conflicts;
	size_t			 nconflicts;
	char			 names_of[64];
	char			*names[EXCHANGE_COLUMNS_MAX];
	int			 nnames;
	size_t			 part_first;	/* the part's first conflict */
	enum exchange_owner	 sender;
	struct exchange_refusal	*refusal;	/* the caller's */
};

static void
names_clear(struct apply_state *as)
{
	int	 i;

	for (i = 0; i < as->nnames; i++)
		free(as->names[i]);
	as->nnames = 0;
	as->names_of[0] = '\0';
}

static void
names_load(struct apply_state *as, const char *tbl)
{
	sqlite3_stmt	*st;
	char		*sql;

	if (strcmp(as->names_of, tbl) == 0)
		return;
	names_clear(as);
	snprintf(as->names_of, sizeof(as->names_of), "%s", tbl);
	sql = sqlite3_mprintf("SELECT name FROM pragma_table_info(%Q, 'main') "
	    "ORDER BY cid", tbl);
	if (sql != NULL && sqlite3_prepare_v2(as->h, sql, -1, &st, NULL) ==
	    SQLITE_OK) {
		while (as->nnames < EXCHANGE_COLUMNS_MAX && sqlite3_step(st) ==
		    SQLITE_ROW)
			as->names[as->nnames++] = strdup((const char *)
			    sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	sqlite3_free(sql);
}

static json_t *
value_json(sqlite3_value *v)
{
	if (v == NULL)
		return json_null();
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		return json_integer(sqlite3_value_int64(v));
	case SQLITE_FLOAT:
		return json_real(sqlite3_value_double(v));
	case SQLITE_TEXT:
		return json_stringn((const char *)sqlite3_value_text(v),
		    (size_t)sqlite3_value_bytes(v));
	case SQLITE_BLOB:
		return json_string("(bytes)");
	default:
		return json_null();
	}
}

/* Which version of a row to read from the iterator. */
enum version {
	V_CURRENT,	/* ours, as it stands */
	V_INCOMING	/* the sender's: new values over ours */
};

static char *
row_json(struct apply_state *as, sqlite3_changeset_iter *it,
    const struct exchange_table *t, int ncols, enum version which, int op)
{
	sqlite3_value	*v;
	json_t		*o = json_object();
	char		*s;
	int		 i;

	for (i = 0; i < ncols && i < as->nnames; i++) {
		v = NULL;
		if (which == V_INCOMING && op != SQLITE_DELETE)
			sqlite3changeset_new(it, i, &v);
		if (v == NULL && (which == V_CURRENT || op == SQLITE_UPDATE) &&
		    sqlite3changeset_conflict(it, i, &v) != SQLITE_OK)
			v = NULL;
		if (t->secret != NULL && strcmp(as->names[i], t->secret) == 0)
			json_object_set_new(o, as->names[i],
			    json_string("(not shown)"));
		else
			json_object_set_new(o, as->names[i], value_json(v));
	}
	s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return s;
}

static char *
key_json(struct apply_state *as, sqlite3_changeset_iter *it, int ncols,
    int op)
{
	unsigned char	*pk;
	sqlite3_value	*v;
	json_t		*o = json_object();
	char		*s;
	int		 i, n;

	sqlite3changeset_pk(it, &pk, &n);
	for (i = 0; i < ncols && i < n && i < as->nnames; i++) {
		if (!pk[i])
			continue;
		v = NULL;
		if (op == SQLITE_INSERT)
			sqlite3changeset_new(it, i, &v);
		else
			sqlite3changeset_old(it, i, &v);
		json_object_set_new(o, as->names[i], value_json(v));
	}
	s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	return s;
}

/* Whether our row equals the incoming one in every column. */
static int
row_same(sqlite3_changeset_iter *it, int ncols)
{
	sqlite3_value	*a, *b;
	int		 i;

	for (i = 0; i < ncols; i++) {
		if (sqlite3changeset_new(it, i, &a) != SQLITE_OK ||
		    sqlite3changeset_conflict(it, i, &b) != SQLITE_OK)
			return 0;
		if (a == NULL || b == NULL)
			continue;
		if (sqlite3_value_type(a) != sqlite3_value_type(b) ||
		    sqlite3_value_bytes(a) != sqlite3_value_bytes(b))
			return 0;
		switch (sqlite3_value_type(a)) {
		case SQLITE_INTEGER:
			if (sqlite3_value_int64(a) != sqlite3_value_int64(b))
				return 0;
			break;
		case SQLITE_FLOAT:
			if (sqlite3_value_double(a) != sqlite3_value_double(b))
				return 0;
			break;
		case SQLITE_NULL:
			break;
		default:	/* text or bytes, of the same length */
			if (sqlite3_value_bytes(a) > 0 &&
			    memcmp(sqlite3_value_blob(a), sqlite3_value_blob(b),
			    (size_t)sqlite3_value_bytes(a)) != 0)
				return 0;
		}
	}
	return 1;
}

/* Keeps the version that did not stand.  theirs: the sender's stood
 * (ours is kept aside, if we had one); else ours stood. */
static void
conflict_keep(struct apply_state *as, sqlite3_changeset_iter *it,
    const struct exchange_table *t, int ncols, int op, const char *rule,
    int theirs, int ours_exists)
{
	struct conflict	*grown, *c;
	char		*incoming, *ours;

	grown = realloc(as->conflicts, (as->nconflicts + 1) * sizeof(*c));
	if (grown == NULL)
		return;
	as->conflicts = grown;
	c = &as->conflicts[as->nconflicts++];
	c->tbl = t->name;
	c->rule = rule;
	c->theirs = theirs;
	c->restore = theirs && !ours_exists;
	c->key = key_json(as, it, ncols, op);
	incoming = op == SQLITE_DELETE ? strdup("{}") :
	    row_json(as, it, t, ncols, V_INCOMING, op);
	ours = ours_exists ? row_json(as, it, t, ncols, V_CURRENT, op) :
	    strdup("{}");
	c->kept = theirs ? incoming : ours;
	c->lost = theirs ? ours : incoming;
}

static int
on_conflict(void *arg, int kind, sqlite3_changeset_iter *it)
{
	struct apply_state		*as = arg;
	const struct exchange_table	*t;
	const char			*tbl;
	int				 ncols, op, indirect, theirs;

	if (kind == SQLITE_CHANGESET_FOREIGN_KEY) {
		exchange_refuse(as->refusal, N_("The bundle refers to records "
		    "this place does not have (an earlier bundle may be "
		    "missing); nothing was imported."), NULL);
		return SQLITE_CHANGESET_ABORT;
	}
	sqlite3changeset_op(it, &tbl, &ncols, &op, &indirect);
	if ((t = exchange_table_find(tbl)) == NULL)
		return SQLITE_CHANGESET_ABORT;
	names_load(as, tbl);
	theirs = t->owner == as->sender;
	switch (kind) {
	case SQLITE_CHANGESET_DATA:
		/* Made the same change here already: nothing to keep. */
		if (op == SQLITE_UPDATE && row_same(it, ncols))
			return SQLITE_CHANGESET_OMIT;
		/* Both changed it: the owner's version stands, the other is
		 * kept. */
		conflict_keep(as, it, t, ncols, op, "changed in both places: "
		    "the owner's version stands", theirs, 1);
		return theirs ? SQLITE_CHANGESET_REPLACE :
		    SQLITE_CHANGESET_OMIT;
	case SQLITE_CHANGESET_CONFLICT:
		if (row_same(it, ncols))
			return SQLITE_CHANGESET_OMIT;
		conflict_keep(as, it, t, ncols, op, "made in both places: "
		    "the owner's version stands", theirs, 1);
		return theirs ? SQLITE_CHANGESET_REPLACE :
		    SQLITE_CHANGESET_OMIT;
	case SQLITE_CHANGESET_NOTFOUND:
		if (op == SQLITE_UPDATE)
			conflict_keep(as, it, t, ncols, op, theirs ? "changed "
			    "by the owner, deleted here: the owner's version "
			    "is restored" : "changed at the other place, "
			    "deleted here by the owner: left deleted", theirs,
			    0);
		return SQLITE_CHANGESET_OMIT;
	default:
		exchange_refuse(as->refusal, N_("A record of {table} in the "
		    "bundle breaks a rule of this database; nothing was "
		    "imported."), json_pack("{s:s}", "table", tbl));
		return SQLITE_CHANGESET_ABORT;
	}
}

/* Puts an image's row into main.tbl whole: an UPDATE of every column
 * where the row is, an INSERT where it had been deleted here.  The
 * values bind in column order, so the key matches with the same
 * parameters. */
static int
image_put(struct apply_state *as, sqlite3_changeset_iter *it,
    const char *tbl, int ncols, int insert)
{
	sqlite3_stmt	*st;
	sqlite3_value	*v;
	unsigned char	*pk;
	char		*cols = NULL, *set = NULL, *where = NULL;
	int		 i, n, rc;

	if (ncols > as->nnames || sqlite3changeset_pk(it, &pk, &n) !=
	    SQLITE_OK)
		return SQLITE_ERROR;
	for (i = 0; i < ncols; i++) {
		cols = sqlite3_mprintf("%z%s?%d", cols, i ? ", " : "", i + 1);
		set = sqlite3_mprintf("%z%s%w = ?%d", set, i ? ", " : "",
		    as->names[i], i + 1);
		if (i < n && pk[i])
			where = sqlite3_mprintf("%z%s%w IS ?%d", where,
			    where ? " AND " : "", as->names[i], i + 1);
	}
	rc = insert ? exchange_prepare(as->h, &st, "INSERT INTO main.%w "
	    "VALUES (%s)", tbl, cols) : exchange_prepare(as->h, &st,
	    "UPDATE main.%w SET %s WHERE %s", tbl, set, where);
	sqlite3_free(cols);
	sqlite3_free(set);
	sqlite3_free(where);
	if (rc != SQLITE_OK)
		return rc;
	for (i = 0; i < ncols; i++)
		if (sqlite3changeset_new(it, i, &v) == SQLITE_OK && v != NULL)
			sqlite3_bind_value(st, i + 1, v);
	rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	sqlite3_finalize(st);
	return rc;
}

/*
 * The whole rows of a part (exchange_bundle.h), put after its changes
 * where the sender's version stood in a conflict: the row takes the
 * owner's other columns too, so both places hold the same row.  Every
 * other row is left as the changes made it.
 */
static int
images_apply(struct apply_state *as, const struct bundle_part *part)
{
	sqlite3_changeset_iter	*it;
	const struct conflict	*c;
	const char		*tbl;
	char			*key;
	size_t			 i;
	int			 ncols, op, indirect, rc = SQLITE_OK;

	if (part->images_len == 0 || sqlite3changeset_start(&it,
	    (int)part->images_len, (void *)part->images) != SQLITE_OK)
		return part->images_len == 0 ? SQLITE_OK : SQLITE_ERROR;
	while (rc == SQLITE_OK && sqlite3changeset_next(it) == SQLITE_ROW) {
		sqlite3changeset_op(it, &tbl, &ncols, &op, &indirect);
		names_load(as, tbl);
		if ((key = key_json(as, it, ncols, op)) == NULL) {
			rc = SQLITE_NOMEM;
			break;
		}
		for (i = as->part_first; i < as->nconflicts; i++) {
			c = &as->conflicts[i];
			if (c->theirs && strcmp(c->tbl, tbl) == 0 &&
			    strcmp(c->key, key) == 0) {
				rc = image_put(as, it, tbl, ncols, c->restore);
				break;
			}
		}
		free(key);
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK && rc == SQLITE_OK)
		rc = SQLITE_ERROR;
	return rc;
}

/* Every change of cs is to a table the sender may send, and the rows it
 * names are noted in temp.exchange_touched: before applying (after 0),
 * every row it names; after (after 1), the rows it makes or changes.
 * One query a table then finds any outside the shared sites, so the
 * check costs no more than the rows.  0, or -1 with as->refusal set. */
static int
part_allowed(struct apply_state *as, int peer, unsigned owners, void *cs,
    int len, int after)
{
	const struct exchange_table	*t;
	sqlite3_changeset_iter		*it;
	sqlite3_value			*key[2];
	unsigned char			*flags;
	const char			*tbl, *outside = NULL;
	int				 ncols, op, indirect, i, k, n, ok = 0;

	if (exchange_touched_reset(as->h) != SQLITE_OK ||
	    sqlite3changeset_start(&it, len, cs) != SQLITE_OK) {
		exchange_refuse(as->refusal, N_("A part of the bundle is "
		    "damaged."), NULL);
		return -1;
	}
	while (ok == 0 && sqlite3changeset_next(it) == SQLITE_ROW) {
		sqlite3changeset_op(it, &tbl, &ncols, &op, &indirect);
		if ((t = exchange_table_find(tbl)) == NULL ||
		    !exchange_table_travels(t, owners)) {
			exchange_refuse(as->refusal, N_("The bundle changes "
			    "{table}, which the sending place does not own; "
			    "nothing was imported."), json_pack("{s:s}",
			    "table", tbl));
			ok = -1;
			break;
		}
		/* Before: every row it names that exists here, an insert's
		 * too (an id reused to overwrite another site's record).
		 * After: every row it leaves. */
		if (after && op == SQLITE_DELETE)
			continue;
		sqlite3changeset_pk(it, &flags, &n);
		key[0] = key[1] = NULL;
		for (i = k = 0; i < n && k < 2; i++) {
			if (!flags[i])
				continue;
			if (op == SQLITE_INSERT)
				sqlite3changeset_new(it, i, &key[k++]);
			else
				sqlite3changeset_old(it, i, &key[k++]);
		}
		if (exchange_touched_add(as->h, t, key) != SQLITE_OK)
			ok = -1;
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK && ok == 0)
		ok = -1;
	if (ok == 0 && exchange_touched_outside(as->h, peer, &outside) != 0)
		ok = -1;
	if (ok == -1 && outside != NULL)
		exchange_refuse_first(as->refusal, N_("The bundle changes a "
		    "record of {table} outside the sites this pair shares; "
		    "nothing was imported."), json_pack("{s:s}", "table",
		    outside));
	else if (ok == -1)
		exchange_refuse_first(as->refusal, N_("A part of the bundle is "
		    "damaged."), NULL);
	return ok;
}

static long
part_count(const struct bundle_part *p)
{
	sqlite3_changeset_iter	*it;
	long			 n = 0;

	if (p->len == 0 || sqlite3changeset_start(&it, (int)p->len,
	    (void *)p->data) != SQLITE_OK)
		return 0;
	while (sqlite3changeset_next(it) == SQLITE_ROW)
		n++;
	sqlite3changeset_finalize(it);
	return n;
}

/* The peer's numbers, read inside the transaction. */
struct peer_seqs {
	int64_t		 sent, acked, received;
	unsigned char	 sign_pk[crypto_sign_PUBLICKEYBYTES];
};

static int
peer_seqs_read(sqlite3 *h, int peer, struct peer_seqs *p)
{
	sqlite3_stmt	*st;
	int		 rc = -1;

	if (sqlite3_prepare_v2(h, "SELECT sent_seq, acked_seq, received_seq, "
	    "sign_key FROM main.exchange_peers WHERE origin = ?", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int(st, 1, peer);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_bytes(st, 3) == (int)sizeof(p->sign_pk)) {
		p->sent = sqlite3_column_int64(st, 0);
		p->acked = sqlite3_column_int64(st, 1);
		p->received = sqlite3_column_int64(st, 2);
		memcpy(p->sign_pk, sqlite3_column_blob(st, 3),
		    sizeof(p->sign_pk));
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

static int
conflicts_record(struct db *db, const struct apply_state *as, int peer,
    int64_t seq)
{
	size_t	 i;

	for (i = 0; i < as->nconflicts; i++)
		if (db_exec(db, "INSERT INTO exchange_conflicts (origin, seq, "
		    "tbl, row_key, kept, lost, rule) VALUES (?, ?, ?, ?, ?, ?, "
		    "?)", "iittttt", (int64_t)peer, seq, as->conflicts[i].tbl,
		    as->conflicts[i].key, as->conflicts[i].kept,
		    as->conflicts[i].lost, as->conflicts[i].rule) != DB_OK)
			return -1;
	return 0;
}

static void
apply_state_free(struct apply_state *as)
{
	size_t	 i;

	for (i = 0; i < as->nconflicts; i++) {
		free(as->conflicts[i].key);
		free(as->conflicts[i].kept);
		free(as->conflicts[i].lost);
	}
	free(as->conflicts);
	names_clear(as);
}

/* In the snapshot, where the peer's version is what the peer holds. */
static int
snapshot_take_theirs(void *arg, int kind, sqlite3_changeset_iter *it)
{
	(void)arg;
	(void)it;
	return kind == SQLITE_CHANGESET_DATA ||
	    kind == SQLITE_CHANGESET_CONFLICT ? SQLITE_CHANGESET_REPLACE :
	    SQLITE_CHANGESET_OMIT;
}

/* Only the tables this place sends are in its snapshot. */
static int
snapshot_keeps(void *arg, const char *tbl)
{
	const struct exchange_table	*t = exchange_table_find(tbl);

	return t != NULL && exchange_table_travels(t, *(unsigned *)arg);
}

/*
 * What the sender now holds of the shared tables goes into our snapshot
 * of it (exchange_export.c), so the next part we make says only what
 * changed here since: without this, a row the peer sent us would go back
 * to it as new, and meet its own copy as a conflict.  Each new part's
 * changes, then its whole rows, taking the peer's version throughout.
 */
static int
snapshot_follow(sqlite3 *h, const struct bundle *b, int64_t received,
    enum exchange_owner receiver)
{
	sqlite3		*s = NULL;
	sqlite3_stmt	*st = NULL;
	unsigned char	*image = NULL;
	sqlite3_int64	 len = 0;
	unsigned	 owners = OWNED_BY(receiver);
	size_t		 i;
	int		 rc = -1, n;

	if (sqlite3_open_v2(":memory:", &s, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(h, "SELECT snapshot FROM main.exchange_peers "
	    "WHERE origin = ?", -1, &st, NULL) != SQLITE_OK)
		goto out;
	sqlite3_bind_int(st, 1, (int)b->from);
	if (sqlite3_step(st) != SQLITE_ROW)
		goto out;
	if ((n = sqlite3_column_bytes(st, 0)) > 0) {
		if ((image = sqlite3_malloc(n)) == NULL)
			goto out;
		memcpy(image, sqlite3_column_blob(st, 0), (size_t)n);
		/* SQLite owns the image from here, even on failure. */
		if (sqlite3_deserialize(s, "main", image, n, n,
		    SQLITE_DESERIALIZE_FREEONCLOSE |
		    SQLITE_DESERIALIZE_RESIZEABLE) != SQLITE_OK)
			goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (exchange_schema(h, s, "main", owners) != SQLITE_OK)
		goto out;
	for (i = 0; i < b->nparts; i++) {
		if (b->parts[i].seq <= received)
			continue;
		if ((b->parts[i].len > 0 && sqlite3changeset_apply_v2(s,
		    (int)b->parts[i].len, (void *)b->parts[i].data,
		    snapshot_keeps, snapshot_take_theirs, &owners, NULL, NULL,
		    0) != SQLITE_OK) || (b->parts[i].images_len > 0 &&
		    sqlite3changeset_apply_v2(s, (int)b->parts[i].images_len,
		    (void *)b->parts[i].images, snapshot_keeps,
		    snapshot_take_theirs, &owners, NULL, NULL, 0) != SQLITE_OK))
			goto out;
	}
	if ((image = sqlite3_serialize(s, "main", &len, 0)) == NULL ||
	    sqlite3_prepare_v2(h, "UPDATE main.exchange_peers SET snapshot = ? "
	    "WHERE origin = ?", -1, &st, NULL) != SQLITE_OK) {
		sqlite3_free(image);
		goto out;
	}
	sqlite3_bind_blob64(st, 1, image, (sqlite3_uint64)len, sqlite3_free);
	sqlite3_bind_int(st, 2, (int)b->from);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
out:
	sqlite3_finalize(st);
	sqlite3_close(s);
	return rc;
}

/* Applies the parts after p->received, in order. */
static int
parts_apply(struct db *db, struct apply_state *as, const struct bundle *b,
    const struct peer_seqs *p, enum exchange_owner sender,
    struct exchange_report *rep)
{
	const struct bundle_part	*part;
	size_t				 i, before;
	unsigned			 owners;
	int				 rc;

	for (i = 0; i < b->nparts; i++) {
		part = &b->parts[i];
		if (part->seq <= p->received || part->len == 0) {
			if (part->seq > p->received)
				rep->parts++;
			continue;
		}
		before = as->nconflicts;
		/* The hub's first part may hold a site's records from before
		 * its station (exchange_export). */
		owners = OWNED_BY(sender);
		if (sender == OWNER_HUB && part->seq == 1)
			owners = OWNED_BY_ANY;
		if (part_allowed(as, (int)b->from, owners, (void *)part->data,
		    (int)part->len, 0) == -1)
			return -1;
		if ((rc = sqlite3changeset_apply_v2(as->h, (int)part->len,
		    (void *)part->data, NULL, on_conflict, as, NULL, NULL, 0)) !=
		    SQLITE_OK) {
			exchange_failure_refuse(as->refusal, as->h, rc,
			    part->seq, (int)b->from);
			return -1;
		}
		as->part_first = before;
		if (as->nconflicts > before && images_apply(as, part) !=
		    SQLITE_OK) {
			exchange_refuse(as->refusal, N_("A part of the bundle "
			    "could not be applied whole."), NULL);
			return -1;
		}
		if (part_allowed(as, (int)b->from, owners, (void *)part->data,
		    (int)part->len, 1) == -1)
			return -1;
		rep->parts++;
		rep->changes += part_count(part);
		if (as->nconflicts > before) {
			/* Recorded against the part that met them. */
			struct apply_state	 only = *as;

			only.conflicts += before;
			only.nconflicts -= before;
			if (conflicts_record(db, &only, (int)b->from,
			    part->seq) == -1)
				return -1;
		}
	}
	rep->conflicts = (int)as->nconflicts;
	return 0;
}

/* The checks that need only the bundle and the peer's numbers. */
static int
sequence_check(const struct bundle *b, const struct peer_seqs *p,
    struct exchange_refusal *why)
{
	int64_t	 newest = b->nparts ? b->parts[b->nparts - 1].seq : 0;

	if (b->ack > p->sent) {
		exchange_refuse(why, N_("The bundle acknowledges part {ack}, "
		    "but this place has made only {made}: it is not from the "
		    "paired place's database."), json_pack("{s:I, s:I}",
		    "ack", (json_int_t)b->ack, "made", (json_int_t)p->sent));
		return -1;
	}
	if (newest <= p->received) {
		exchange_refuse(why, N_("This bundle was imported before (its "
		    "newest part, {newest}, is already here); nothing "
		    "changed."), json_pack("{s:I}", "newest",
		    (json_int_t)newest));
		return -1;
	}
	if (b->parts[0].seq > p->received + 1) {
		exchange_refuse(why, N_("Parts {first} to {last} are missing: "
		    "import the bundles made before this one first."),
		    json_pack("{s:I, s:I}", "first", (json_int_t)p->received +
		    1, "last", (json_int_t)b->parts[0].seq - 1));
		return -1;
	}
	return 0;
}

int
exchange_import(struct db *db, const struct exchange_keys *keys,
    const unsigned char *in, size_t len, struct exchange_report *rep,
    struct exchange_refusal *why)
{
	sqlite3			*h = db->h;
	struct apply_state	 as;
	struct peer_seqs	 p;
	struct bundle		 b;
	enum exchange_owner	 owner, sender;
	uint32_t		 from, to;
	char			 detail[160];
	int			 origin, rc = -1;

	memset(rep, 0, sizeof(*rep));
	memset(&as, 0, sizeof(as));
	memset(&b, 0, sizeof(b));
	as.h = h;
	as.refusal = why;
	if (h == NULL || exchange_place(h, &origin, &owner) == -1) {
		exchange_refuse(why, N_("Only a SQLite database exchanges "
		    "bundles for now."), NULL);
		return -1;
	}
	if (len == 0) {
		exchange_refuse(why, N_("The file is empty: it is not a "
		    "bundle."), NULL);
		return -1;
	}
	if (bundle_header(in, len, &from, &to) == -1) {
		exchange_refuse(why, N_("This file is not a Roundtable bundle."),
		    NULL);
		return -1;
	}
	if ((int64_t)to != origin) {
		exchange_refuse(why, N_("This bundle is for place {to}; this is "
		    "place {here}."), json_pack("{s:I, s:I}", "to",
		    (json_int_t)to, "here", (json_int_t)origin));
		return -1;
	}
	if (from > ORIGIN_MAX || peer_seqs_read(h, (int)from, &p) == -1) {
		exchange_refuse(why, N_("This bundle comes from place {from}, "
		    "which is not paired with this one."), json_pack("{s:I}",
		    "from", (json_int_t)from));
		return -1;
	}
	if (bundle_open(in, len, keys, p.sign_pk, &b, why) == -1)
		return -1;
	sender = from == 0 ? OWNER_HUB : OWNER_STATION;
	as.sender = sender;
	if (sender == owner || b.nparts == 0) {
		exchange_refuse(why, N_("The bundle holds no parts for this "
		    "place."), NULL);
		goto out;
	}
	/* Read inside the transaction: another import may have run. */
	if (peer_seqs_read(h, (int)from, &p) == -1 ||
	    sequence_check(&b, &p, why) == -1) {
		exchange_refuse_first(why, N_("The bundle could not be "
		    "applied."), NULL);
		goto out;
	}
	/* The guards of migration 0063 let the other place's records in
	 * while this row exists: inside this transaction only. */
	if (db_exec(db, "INSERT INTO exchange_applying (id) VALUES (1)", "") !=
	    DB_OK) {
		exchange_refuse(why, N_("The import could not begin."), NULL);
		goto out;
	}
	if (parts_apply(db, &as, &b, &p, sender, rep) == -1) {
		exchange_refuse_first(why, N_("The bundle could not be "
		    "applied."), NULL);
		goto out;
	}
	if (snapshot_follow(h, &b, p.received, owner) == -1) {
		exchange_refuse(why, N_("The copy of what the other place holds "
		    "could not be brought up to date."), NULL);
		goto out;
	}
	rep->seq = b.parts[b.nparts - 1].seq;
	/* Kept without words (auth/audit_detail.c): last part, place,
	 * changes, conflicts. */
	snprintf(detail, sizeof(detail), "%lld %u %ld %d", (long long)rep->seq,
	    from, rep->changes, rep->conflicts);
	if ((b.ack > p.acked && (db_exec(db, "DELETE FROM exchange_sent WHERE "
	    "origin = ? AND seq <= ?", "ii", (int64_t)from, b.ack) != DB_OK ||
	    db_exec(db, "UPDATE exchange_peers SET acked_seq = ? WHERE "
	    "origin = ?", "ii", b.ack, (int64_t)from) != DB_OK)) ||
	    db_exec(db, "UPDATE exchange_peers SET received_seq = ? WHERE "
	    "origin = ?", "ii", rep->seq, (int64_t)from) != DB_OK ||
	    db_exec(db, "DELETE FROM exchange_applying", "") != DB_OK ||
	    audit_append(db, 0, "exchange.import", "exchange_peer", from,
	    detail) != DB_OK) {
		exchange_refuse(why, N_("The import could not be recorded."),
		    NULL);
		goto out;
	}
	test_hook_import_stall();
	rc = 0;
out:
	apply_state_free(&as);
	bundle_free(&b);
	return rc;
}
