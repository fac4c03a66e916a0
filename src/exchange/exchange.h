/*
 * The exchange between the organisation's hub and its offline stations
 * (docs/exchange.md).  Each side sends what it owns, for the sites the
 * pair shares, as numbered parts: SQLite session changesets, made by
 * comparing what it holds now with what it has sent before.  A bundle
 * carries every part the other side has not yet acknowledged, sealed to
 * the receiver and signed by the sender, so a lost stick costs nothing
 * but the next exchange.  SQLite only, for now, on both sides.
 *
 * Every function here takes an open, migrated database and says why
 * when it fails: the import as a message and its values (struct
 * exchange_refusal), which its form words in the reader's language;
 * the rest, only ever run at the command line, as an English sentence in
 * a message buffer.
 */
#ifndef RT_EXCHANGE_H
#define RT_EXCHANGE_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>
#include <sodium.h>

struct db;

#define EXCHANGE_ERR_MAX	256

/* This place's keys, read from its key file.  The caller owns it and
 * clears it (exchange_keys_clear wipes the secret halves). */
struct exchange_keys {
	unsigned char	 sign_pk[crypto_sign_PUBLICKEYBYTES];
	unsigned char	 sign_sk[crypto_sign_SECRETKEYBYTES];
	unsigned char	 box_pk[crypto_box_PUBLICKEYBYTES];
	unsigned char	 box_sk[crypto_box_SECRETKEYBYTES];
};

/* Makes the key file when it is missing: 1 made, 0 it existed, -1. */
int	exchange_keys_create(const char *path);
/* 0, or -1 with a message on stderr naming the file. */
int	exchange_keys_load(const char *path, struct exchange_keys *);
void	exchange_keys_clear(struct exchange_keys *);
/* The public half as one line of text to carry to the other place
 * ("roundtable-place-key <base64>"), and a short code people read
 * aloud to check it arrived unchanged ("4F2A-91C0-77D3-0B1E").  Both
 * write into out; 0 or -1 (too small). */
int	exchange_key_text(const struct exchange_keys *, char *out, size_t sz);
int	exchange_key_code(const unsigned char *sign_pk,
	    const unsigned char *box_pk, char *out, size_t sz);
/* Reads a key line as exchange_key_text writes it: 0 or -1. */
int	exchange_key_parse(const char *text, unsigned char *sign_pk,
	    unsigned char *box_pk);

/* One peer: a hub names each station; a station names its hub. */
struct exchange_pairing {
	int		 origin;	/* the peer's number */
	const char	*name;		/* borrowed */
	const char	*key_text;	/* borrowed: the peer's key line */
	const int64_t	*sites;		/* borrowed: the sites it shares */
	size_t		 nsites;
};

/* At the hub: records a station (origin 1 to ORIGIN_MAX), in the
 * caller's write transaction.  0 or -1 (roll back). */
int	exchange_pair(struct db *, const struct exchange_pairing *,
	    char *err, size_t errsz);
/* At a new station (no accounts yet): takes my_origin as this place's
 * number and records the hub (origin 0), in the caller's write
 * transaction.  0 or -1 (roll back). */
int	exchange_join(struct db *, int my_origin,
	    const struct exchange_pairing *hub, char *err, size_t errsz);

/* What an export or import did. */
struct exchange_report {
	int64_t		 seq;		/* the newest part in the bundle */
	int		 parts;		/* parts carried or applied */
	long		 changes;	/* rows inserted, changed or deleted */
	int		 conflicts;	/* versions set aside */
};

/* Why an import was refused: msgid, an N_() message with {name}s
 * ("This bundle was imported before (its newest part, {newest}, is
 * already here); nothing changed."), and words, its values (owned; may
 * be NULL).  The page words it in its reader's language, the command
 * line in English (exchange_refusal_english). */
struct exchange_refusal {
	const char	*msgid;
	json_t		*words;
};

/* Sets r to msgid with words (taken; NULL for none), dropping what it
 * held.  Only the first reason counts where several follow one
 * another: see exchange_refuse_first. */
void	exchange_refuse(struct exchange_refusal *, const char *msgid,
	    json_t *words);
/* exchange_refuse unless r already holds a reason (words freed then). */
void	exchange_refuse_first(struct exchange_refusal *, const char *msgid,
	    json_t *words);
/* r in English into out, as the command line prints it (cut to sz). */
void	exchange_refusal_english(const struct exchange_refusal *, char *out,
	    size_t sz);
void	exchange_refusal_clear(struct exchange_refusal *);

/* Makes a bundle for peer: a new part holding what changed since the
 * last, then every part not yet acknowledged.  Runs in the caller's
 * write transaction, which the caller commits (0) or rolls back (-1,
 * with why set; the caller clears it).  *out is the caller's to free. */
int	exchange_export(struct db *, const struct exchange_keys *, int peer,
	    unsigned char **out, size_t *len, struct exchange_report *,
	    struct exchange_refusal *why);

/* Opens, checks and applies a bundle, in the caller's write transaction:
 * 0, or -1 with why set (the caller clears it) when the caller must roll
 * back, so that a refused bundle changes nothing. */
int	exchange_import(struct db *, const struct exchange_keys *,
	    const unsigned char *bundle, size_t len, struct exchange_report *,
	    struct exchange_refusal *why);

/* One line a table the exchange carries ("name rows digest") over what
 * this place shares with peer, as it travels: the same at both places
 * when they agree.  In the caller's transaction; 0 or -1. */
struct buf;
int	exchange_check(struct db *, int peer, struct buf *out);

#endif
