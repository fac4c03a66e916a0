#include <jansson.h>

#include "exchange_failure.h"
#include "../../exchange/exchange.h"
#include "../../util/catalogue.h"
#include "../../util/log.h"

const char *
exchange_failure_msgid(int code)
{
	switch (code) {
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return N_("A part of the bundle could not be applied: a record "
		    "it refers to is not here (an earlier bundle may be "
		    "missing); nothing changed.");
	case SQLITE_CONSTRAINT_PRIMARYKEY:
	case SQLITE_CONSTRAINT_UNIQUE:
		return N_("A part of the bundle could not be applied: a record "
		    "it adds is here already; nothing changed.");
	default:
		break;
	}
	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return N_("A part of the bundle could not be applied: the "
		    "database was busy. Nothing changed; try again in a "
		    "minute.");
	case SQLITE_CONSTRAINT:
		return N_("A part of the bundle could not be applied: it "
		    "breaks a rule of this database; nothing changed.");
	case SQLITE_SCHEMA:
	case SQLITE_MISMATCH:
	case SQLITE_CORRUPT:
	case SQLITE_FORMAT:
		return N_("A part of the bundle could not be applied: it does "
		    "not fit this database, and may come from a newer "
		    "version of Roundtable. Nothing changed; bring both "
		    "places to the same version first.");
	case SQLITE_FULL:
	case SQLITE_IOERR:
		return N_("A part of the bundle could not be applied: the disk "
		    "is full or could not be written. Nothing changed.");
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		return N_("A part of the bundle could not be applied: this "
		    "database cannot be written. Nothing changed.");
	case SQLITE_NOMEM:
		return N_("A part of the bundle could not be applied: the "
		    "server ran out of memory. Nothing changed; try again.");
	default:
		return N_("A part of the bundle could not be applied. Nothing "
		    "changed; the administrator will find why in the "
		    "server's log.");
	}
}

void
exchange_failure_refuse(struct exchange_refusal *why, sqlite3 *h, int rc,
    int64_t seq, int from)
{
	/* The session extension rolls back what failed, which may clear
	 * the connection's own message: the code it returned stands. */
	const char	*said = sqlite3_errcode(h) != SQLITE_OK ?
	    sqlite3_errmsg(h) : sqlite3_errstr(rc);

	log_line(LOG_ERR, "exchange import: part %lld from place %d not "
	    "applied: %s (%d)", (long long)seq, from, said, rc);
	exchange_refuse_first(why, exchange_failure_msgid(rc), NULL);
}
