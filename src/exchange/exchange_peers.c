/*
 * Pairing, once and in person: the hub records a station (its number,
 * its sites, its public key); the station, new and still empty, takes
 * its number and records the hub.  From then on each side numbers its
 * new rows in its own range (rt_next_id), and bundles pass between them.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "exchange.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"

static const char *sql_peer_insert =
    "INSERT INTO exchange_peers (origin, name, sign_key, box_key) "
    "VALUES (?, ?, ?, ?)";
static const char *sql_peer_site =
    "INSERT INTO exchange_peer_sites (origin, site_id) VALUES (?, ?)";
static const char *sql_peer_exists =
    "SELECT count(*) FROM exchange_peers WHERE origin = ?";
static const char *sql_site_exists = "SELECT count(*) FROM sites WHERE id = ?";
static const char *sql_site_held =
    "SELECT count(*) FROM exchange_peer_sites WHERE site_id = ?";
static const char *sql_accounts = "SELECT count(*) FROM accounts";
static const char *sql_place = "SELECT role FROM place WHERE id = 1";
static const char *sql_place_set =
    "UPDATE place SET origin = ?, role = 'station' WHERE id = 1";

/* Records one peer and its sites, inside the caller's transaction.
 * check_sites: the sites must exist here (the hub's own). */
static int
peer_insert(struct db *db, const struct exchange_pairing *p, int check_sites,
    char *err, size_t errsz)
{
	unsigned char	 sign_pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char	 box_pk[crypto_box_PUBLICKEYBYTES];
	struct db_blob	 sk, bk;
	int64_t		 n;
	size_t		 i;

	if (p->key_text == NULL ||
	    exchange_key_parse(p->key_text, sign_pk, box_pk) == -1) {
		snprintf(err, errsz, "key: this is not a Roundtable place key "
		    "(the line starts \"roundtable-place-key\").");
		return -1;
	}
	if (p->nsites == 0) {
		snprintf(err, errsz, "sites: name at least one site the two "
		    "places share.");
		return -1;
	}
	if (db_int(db, &n, sql_peer_exists, "i", (int64_t)p->origin) < 0 ||
	    n > 0) {
		snprintf(err, errsz, "origin: place %d is already paired.",
		    p->origin);
		return -1;
	}
	sk.p = sign_pk;
	sk.n = sizeof(sign_pk);
	bk.p = box_pk;
	bk.n = sizeof(box_pk);
	if (db_exec(db, sql_peer_insert, "itbb", (int64_t)p->origin,
	    p->name, sk, bk) != DB_OK) {
		snprintf(err, errsz, "The pairing could not be recorded.");
		return -1;
	}
	for (i = 0; i < p->nsites; i++) {
		if (check_sites && (db_int(db, &n, sql_site_exists, "i",
		    p->sites[i]) < 0 || n == 0)) {
			snprintf(err, errsz, "sites: there is no site %lld.",
			    (long long)p->sites[i]);
			return -1;
		}
		/* One station a site: two would each keep its records. */
		if (db_int(db, &n, sql_site_held, "i", p->sites[i]) < 0 ||
		    n > 0) {
			snprintf(err, errsz, "sites: site %lld is already held "
			    "by another station.", (long long)p->sites[i]);
			return -1;
		}
		if (db_exec(db, sql_peer_site, "ii", (int64_t)p->origin,
		    p->sites[i]) != DB_OK) {
			snprintf(err, errsz, "sites: site %lld is named twice.",
			    (long long)p->sites[i]);
			return -1;
		}
	}
	if (audit_append(db, 0, "exchange.pair", "exchange_peer", p->origin,
	    p->name) != DB_OK) {
		snprintf(err, errsz, "The audit chain could not be written.");
		return -1;
	}
	return 0;
}

int
exchange_pair(struct db *db, const struct exchange_pairing *p, char *err,
    size_t errsz)
{
	json_t	*row = NULL;
	int	 rc = -1;

	if (p->origin < 1 || p->origin > ORIGIN_MAX) {
		snprintf(err, errsz, "origin: a station's number is from 1 "
		    "to %d.", ORIGIN_MAX);
		return -1;
	}
	if (db_row(db, &row, sql_place, "") > 0 &&
	    strcmp(json_string_value(json_object_get(row, "role")),
	    "hub") == 0)
		rc = peer_insert(db, p, 1, err, errsz);
	else
		snprintf(err, errsz, "This database is a station; pair "
		    "stations at the hub.");
	json_decref(row);
	return rc;
}

int
exchange_join(struct db *db, int my_origin, const struct exchange_pairing *hub,
    char *err, size_t errsz)
{
	int64_t	 accounts = -1;
	json_t	*row = NULL;
	int	 rc = -1;

	if (my_origin < 1 || my_origin > ORIGIN_MAX) {
		snprintf(err, errsz, "origin: a station's number is from 1 "
		    "to %d, as the hub gave it.", ORIGIN_MAX);
		return -1;
	}
	if (db_row(db, &row, sql_place, "") <= 0 ||
	    strcmp(json_string_value(json_object_get(row, "role")),
	    "hub") != 0)
		snprintf(err, errsz, "This database has already joined a hub.");
	else if (db_int(db, &accounts, sql_accounts, "") < 0 || accounts > 0)
		snprintf(err, errsz, "A station joins when it is new, before "
		    "`roundtable init`: this database already has accounts, "
		    "whose numbers could meet the hub's.");
	else if (db_exec(db, sql_place_set, "i", (int64_t)my_origin) != DB_OK)
		snprintf(err, errsz, "The place's number could not be set.");
	else
		rc = peer_insert(db, hub, 0, err, errsz);
	json_decref(row);
	return rc;
}
