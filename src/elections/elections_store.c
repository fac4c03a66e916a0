/*
 * SQL for elections: the election, its candidates, the roll of who has
 * voted, proxies, and the ballots.  The roll and the ballots are written
 * by one function (roll_vote) in one transaction and share nothing but
 * the election's id: a ballot's key is random, it has no time, and the
 * table has no rowid.  But a page keeps its cells in the order they
 * were written, so at the close (ballots_shuffle) every ballot is
 * deleted (secure_delete zeroes it) and written again in a random order
 * with a fresh key; the caller then has the WAL truncated.
 */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "elections.h"
#include "../auth/audit.h"
#include "../db/db.h"
#include "../limits.h"
#include "../util/date.h"
#include "../util/view.h"

static const char *sql_target =
    "SELECT ifnull(g.site_id, 0), g.id FROM elections e "
    "JOIN groups g ON g.id = e.group_id WHERE e.id = ?";
static const char *sql_load =
    "SELECT e.id, e.group_id, e.position, e.seats, e.method, "
    "e.nominations_open_on, e.nominations_close_on, e.voting_opens_on, "
    "e.voting_closes_on, e.state, e.lot_seed, e.closed_on, e.result, "
    "e.published_on, e.term_months, g.name AS group_name, g.site_id, "
    "g.proxy_votes "
    "FROM elections e JOIN groups g ON g.id = e.group_id WHERE e.id = ?";
static const char *sql_list =
    "SELECT id, position, seats, method, nominations_close_on, "
    "voting_opens_on, voting_closes_on, state FROM elections "
    "WHERE group_id = ? ORDER BY voting_closes_on DESC, id DESC";
static const char *sql_insert =
    "INSERT INTO elections (id, group_id, position, seats, method, "
    "nominations_open_on, nominations_close_on, voting_opens_on, "
    "voting_closes_on, lot_seed, created_by, term_months) "
    "VALUES (rt_next_id('elections'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char *sql_move =
    "UPDATE elections SET state = ?2, closed_on = CASE WHEN ?2 = 'closed' "
    "THEN ?4 ELSE closed_on END WHERE id = ?1 AND state = ?3";
static const char *sql_candidates =
    "SELECT c.id, c.person_id, p.display_name, c.statement, "
    "pr.display_name AS proposer_name, se.display_name AS seconder_name, "
    "c.proposer_id = c.person_id AS self_nominated FROM candidates c "
    "JOIN people p ON p.id = c.person_id "
    "JOIN people pr ON pr.id = c.proposer_id "
    "JOIN people se ON se.id = c.seconder_id "
    "WHERE c.election_id = ? ORDER BY p.display_name, c.id";
static const char *sql_candidate_add =
    "INSERT INTO candidates (election_id, person_id, proposer_id, "
    "seconder_id, statement) VALUES (?, ?, ?, ?, ifnull(?, ''))";
/* Voters: current members on the day, not observers, not left. */
#define VOTERS_SQL \
    "SELECT DISTINCT p.id AS value, p.display_name AS label FROM elections e " \
    "JOIN memberships m ON m.group_id = e.group_id " \
    "JOIN people p ON p.id = m.person_id WHERE e.id = ?1 " \
    "AND m.from_on <= ?2 AND (m.to_on IS NULL OR m.to_on >= ?2) " \
    "AND m.position != 'observer' AND p.left_on IS NULL "
static const char *sql_voters = VOTERS_SQL "ORDER BY p.display_name, p.id";
static const char *sql_standing = VOTERS_SQL "AND p.restrictions = '' "
    "AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.election_id = e.id "
    "AND c.person_id = p.id) ORDER BY p.display_name, p.id";
static const char *sql_voter_is = VOTERS_SQL "AND p.id = ?3";
static const char *sql_roll_counts =
    "SELECT (SELECT count(*) FROM (" VOTERS_SQL ") AS roll) AS eligible, "
    "(SELECT count(*) FROM election_voters WHERE election_id = ?1) AS voted";
static const char *sql_has_voted =
    "SELECT 1 FROM election_voters WHERE election_id = ? AND person_id = ?";
static const char *sql_proxies_cast =
    "SELECT count(*) FROM election_voters WHERE election_id = ? "
    "AND proxy_id = ?";
static const char *sql_roll_add =
    "INSERT INTO election_voters (election_id, person_id, how, proxy_id) "
    "VALUES (?, ?, ?, nullif(?, 0))";
static const char *sql_ballot_add =
    "INSERT INTO ballots (election_id, id, ranking) VALUES (?, ?, ?)";
static const char *sql_ballots =
    "SELECT ranking FROM ballots WHERE election_id = ? ORDER BY id";
static const char *sql_ballots_drop =
    "DELETE FROM ballots WHERE election_id = ?";
static const char *sql_proxy_for =
    "SELECT proxy_id FROM election_proxies WHERE election_id = ? "
    "AND person_id = ?";
/* Members who named ?3 their proxy, still voters today (the same rule
 * as the roll), who have not voted. */
static const char *sql_proxies_held = VOTERS_SQL
    "AND EXISTS (SELECT 1 FROM election_proxies x WHERE x.election_id = ?1 "
    "AND x.person_id = p.id AND x.proxy_id = ?3) "
    "AND NOT EXISTS (SELECT 1 FROM election_voters v "
    "WHERE v.election_id = ?1 AND v.person_id = p.id) "
    "ORDER BY p.display_name, p.id";
static const char *sql_proxy_add =
    "INSERT INTO election_proxies (election_id, person_id, proxy_id) "
    "VALUES (?, ?, ?) ON CONFLICT (election_id, person_id) "
    "DO UPDATE SET proxy_id = excluded.proxy_id";
static const char *sql_proxy_list =
    "SELECT a.display_name AS member_name, b.display_name AS proxy_name "
    "FROM election_proxies x JOIN people a ON a.id = x.person_id "
    "JOIN people b ON b.id = x.proxy_id WHERE x.election_id = ? "
    "ORDER BY a.display_name";
static const char *sql_rules =
    "SELECT id, name, proxy_votes FROM groups WHERE id = ?";
static const char *sql_rules_save =
    "UPDATE groups SET proxy_votes = ? WHERE id = ?";
static const char *sql_publish =
    "UPDATE elections SET state = 'published', result = ?1, "
    "published_on = ?2, closed_on = ifnull(closed_on, ?2) WHERE id = ?3 "
    "AND (state = 'closed' OR (state = 'voting' AND voting_closes_on < ?2) "
    "OR (state = 'nominations' AND ?4 <> 0))";

/*
 * Taking office (?1 group, ?2 position, ?3 the day of the result, ?4 the
 * elected candidates' ids as JSON, ?5 why rows end, ?6 the end of the
 * term).  In this order: holders who were not re-elected stay on as
 * members; their office ends, and so do the winners' other positions in
 * the group; each winner not already in office takes it; every winner's
 * term runs from today.  Each statement names all six parameters, as
 * db_exec binds six; "CAST(?5 AS TEXT) IS NOT NULL" and the like only do that.
 */
#define ELECTED_PEOPLE \
    "(SELECT c.person_id FROM candidates c WHERE c.id IN " \
    "(SELECT value FROM json_each(?4)))"
/* The two INSERTs make one row a statement, run until they make none:
 * rt_next_id numbers one row each time (memberships travel). */
static const char *sql_office_stay_member =
    "INSERT INTO memberships (id, group_id, person_id, position, from_on) "
    "SELECT rt_next_id('memberships'), m.group_id, m.person_id, 'member', "
    "?3 FROM memberships m "
    "WHERE m.group_id = ?1 AND m.position = ?2 AND m.to_on IS NULL AND "
    "m.person_id NOT IN " ELECTED_PEOPLE " AND NOT EXISTS (SELECT 1 FROM "
    "memberships x WHERE x.group_id = ?1 AND x.person_id = m.person_id "
    "AND x.position = 'member' AND x.from_on = ?3 AND x.to_on IS NULL) "
    "AND CAST(?5 AS TEXT) IS NOT NULL AND CAST(?6 AS TEXT) IS NOT NULL "
    "LIMIT 1";
static const char *sql_office_end =
    "UPDATE memberships SET to_on = ?3, end_reason = ?5 WHERE group_id = ?1 "
    "AND to_on IS NULL AND CAST(?6 AS TEXT) IS NOT NULL AND (position = ?2 AND "
    "person_id NOT IN " ELECTED_PEOPLE " OR position != ?2 AND "
    "person_id IN " ELECTED_PEOPLE ") AND from_on <= ?3";
static const char *sql_office_take =
    "INSERT INTO memberships (id, group_id, person_id, position, from_on, "
    "term_ends_on) SELECT rt_next_id('memberships'), ?1, person_id, ?2, ?3, "
    "?6 FROM " ELECTED_PEOPLE
    " AS w WHERE CAST(?5 AS TEXT) IS NOT NULL AND person_id NOT IN (SELECT person_id "
    "FROM memberships WHERE group_id = ?1 AND position = ?2 AND "
    "to_on IS NULL) LIMIT 1";
static const char *sql_office_term =
    "UPDATE memberships SET term_ends_on = ?6 WHERE group_id = ?1 AND "
    "position = ?2 AND to_on IS NULL AND person_id IN " ELECTED_PEOPLE
    " AND CAST(?3 AS TEXT) IS NOT NULL AND CAST(?5 AS TEXT) IS NOT NULL";

#define V(name)	json_object_get(v, name)

int
election_target(struct db *db, const int64_t *ids, struct target *t)
{
	return db_pair(db, sql_target, ids[0], &t->site_id, &t->group_id);
}

int
election_load(struct db *db, int64_t id, json_t **out)
{
	return db_row(db, out, sql_load, "i", id);
}

json_t *
election_list(struct db *db, int64_t group_id)
{
	return db_rows(db, sql_list, "i", group_id);
}

int
election_add(struct db *db, int64_t actor, int64_t group_id, json_t *v,
    const char *today, int64_t *id)
{
	unsigned char	 seed[COUNT_SEED_BYTES];
	char		 hex[2 * COUNT_SEED_BYTES + 1];
	int		 rc;

	/* The lot's seed is drawn now, before any nomination or vote. */
	randombytes_buf(seed, sizeof(seed));
	sodium_bin2hex(hex, sizeof(hex), seed, sizeof(seed));
	if ((rc = db_exec(db, sql_insert, "ijjjtjjjtii", group_id,
	    V("position"), V("seats"), V("method"), today,
	    V("nominations_close_on"), V("voting_opens_on"),
	    V("voting_closes_on"), hex, actor, json_is_integer(V("term_months")) ?
	    (int64_t)json_integer_value(V("term_months")) :
	    (int64_t)ELECTION_TERM_MONTHS)) != DB_OK)
		return rc;
	*id = db_last_id(db);
	return audit_append(db, actor, "election.create", "election", *id,
	    json_string_value(V("position")));
}

int
election_move(struct db *db, int64_t actor, int64_t id, const char *from,
    const char *to, const char *today)
{
	int	 rc;

	if ((rc = db_exec(db, sql_move, "ittt", id, to, from, today)) != DB_OK)
		return rc;
	if (db_changes(db) != 1)
		return DB_CONSTRAINT;
	/* Closing forgets the order the ballots came in. */
	if (strcmp(to, "closed") == 0 &&
	    (rc = ballots_shuffle(db, id)) != DB_OK)
		return rc;
	return audit_append(db, actor, "election.state", "election", id, to);
}

json_t *
candidate_list(struct db *db, int64_t election_id)
{
	return db_rows(db, sql_candidates, "i", election_id);
}

int
candidate_add(struct db *db, int64_t actor, int64_t election_id, json_t *v)
{
	int	 rc;

	if ((rc = db_exec(db, sql_candidate_add, "ijjjj", election_id,
	    V("person_id"), V("proposer_id"), V("seconder_id"),
	    V("statement"))) != DB_OK)
		return rc;
	return audit_append(db, actor, "election.nominate", "election",
	    election_id, NULL);
}

json_t *
eligible_candidates(struct db *db, int64_t election_id, const char *today)
{
	return db_rows(db, sql_standing, "it", election_id, today);
}

json_t *
eligible_voters(struct db *db, int64_t election_id, const char *today)
{
	return db_rows(db, sql_voters, "it", election_id, today);
}

int
voter_eligible(struct db *db, int64_t election_id, int64_t person,
    const char *today)
{
	json_t	*row;
	int	 rc;

	rc = db_row(db, &row, sql_voter_is, "iti", election_id, today, person);
	if (rc > 0)
		json_decref(row);
	return rc > 0;
}

int
roll_counts(struct db *db, int64_t election_id, const char *today,
    int64_t *eligible, int64_t *voted)
{
	json_t	*row;

	if (db_row(db, &row, sql_roll_counts, "it", election_id, today) <= 0)
		return -1;
	*eligible = view_int(row, "eligible");
	*voted = view_int(row, "voted");
	json_decref(row);
	return 0;
}

int
roll_has_voted(struct db *db, int64_t election_id, int64_t person)
{
	int64_t	 one;
	int	 rc;

	rc = db_int(db, &one, sql_has_voted, "ii", election_id, person);
	return rc < 0 ? -1 : rc > 0;
}

int
proxies_cast(struct db *db, int64_t election_id, int64_t proxy)
{
	int64_t	 n = 0;

	return db_int(db, &n, sql_proxies_cast, "ii", election_id, proxy) < 0 ?
	    -1 : (int)n;
}

int
ballot_store(struct db *db, int64_t election_id, const char *ranking)
{
	unsigned char	 key[16];

	randombytes_buf(key, sizeof(key));
	return db_exec(db, sql_ballot_add, "ibt", election_id,
	    DB_BLOB(key, sizeof(key)),
	    ranking);
}

int
ballots_shuffle(struct db *db, int64_t election_id)
{
	json_t		*rows, *t;
	size_t		 n, i, j;
	int		 rc = DB_OK;

	if ((rows = db_rows(db, sql_ballots, "i", election_id)) == NULL)
		return DB_ERROR;
	/* Fisher-Yates with the system's random numbers. */
	for (n = json_array_size(rows); n > 1; n--) {
		j = randombytes_uniform((uint32_t)n);
		t = json_incref(json_array_get(rows, n - 1));
		json_array_set(rows, n - 1, json_array_get(rows, j));
		json_array_set_new(rows, j, t);
	}
	if ((rc = db_exec(db, sql_ballots_drop, "i", election_id)) != DB_OK)
		goto out;
	for (i = 0; i < json_array_size(rows) && rc == DB_OK; i++)
		rc = ballot_store(db, election_id, view_str(json_array_get(rows,
		    i), "ranking"));
out:
	json_decref(rows);
	return rc;
}

int
roll_vote(struct db *db, int64_t actor, int64_t election_id, int64_t person,
    const char *how, int64_t proxy, const char *ranking)
{
	int	 rc;

	/* The roll's primary key refuses a second vote; the ballot is
	 * stored only if the roll row went in, in the same transaction. */
	if ((rc = db_exec(db, sql_roll_add, "iiti", election_id, person, how,
	    proxy)) != DB_OK)
		return rc;
	if (ranking != NULL &&
	    (rc = ballot_store(db, election_id, ranking)) != DB_OK)
		return rc;
	/* Roll side only: that someone voted here, and how. */
	return audit_append(db, actor, "election.vote", "election",
	    election_id, how);
}

int
proxy_for(struct db *db, int64_t election_id, int64_t person, int64_t *proxy)
{
	return db_int(db, proxy, sql_proxy_for, "ii", election_id, person);
}

json_t *
proxies_held(struct db *db, int64_t election_id, int64_t proxy,
    const char *today)
{
	return db_rows(db, sql_proxies_held, "iti", election_id, today, proxy);
}

int
proxy_add(struct db *db, int64_t actor, int64_t election_id, json_t *v)
{
	int	 rc;

	if ((rc = db_exec(db, sql_proxy_add, "ijj", election_id,
	    V("person_id"), V("proxy_id"))) != DB_OK)
		return rc;
	return audit_append(db, actor, "election.proxy", "election",
	    election_id, NULL);
}

json_t *
proxy_list(struct db *db, int64_t election_id)
{
	return db_rows(db, sql_proxy_list, "i", election_id);
}

int
election_rules_load(struct db *db, int64_t group_id, json_t **out)
{
	int	 rc = db_row(db, out, sql_rules, "i", group_id);

	if (rc > 0)
		json_object_set_new(*out, "proxy_votes", json_boolean(
		    view_int(*out, "proxy_votes")));
	return rc;
}

int
election_rules_save(struct db *db, int64_t actor, int64_t group_id, json_t *v)
{
	int	 rc;

	if ((rc = db_exec(db, sql_rules_save, "di", json_is_true(
	    V("proxy_votes")), group_id)) != DB_OK)
		return rc;
	return audit_append(db, actor, "group.election_rules", "group",
	    group_id, json_is_true(V("proxy_votes")) ? "proxy" : "no_proxy");
}

/* Index of id among the candidates, or -1. */
static int
candidate_index(const int64_t *ids, size_t n, int64_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return (int)i;
	return -1;
}

int
election_ballots(struct db *db, int64_t election_id, const json_t *e,
    struct count_input *in, int **ranks, int64_t **ids)
{
	json_t		*cands, *rows, *row, *r, *pref;
	size_t		 i, j, k, n;
	int		 c;

	*ranks = NULL;
	*ids = NULL;
	memset(in, 0, sizeof(*in));
	cands = candidate_list(db, election_id);
	rows = db_rows(db, sql_ballots, "i", election_id);
	if (cands == NULL || rows == NULL)
		goto fail;
	in->method = strcmp(view_str(e, "method"), "stv") == 0 ? COUNT_STV :
	    COUNT_FPTP;
	in->seats = (size_t)view_int(e, "seats");
	in->ncand = json_array_size(cands);
	if (sodium_hex2bin(in->seed, sizeof(in->seed), view_str(e, "lot_seed"),
	    2 * COUNT_SEED_BYTES, NULL, NULL, NULL) != 0)
		goto fail;
	*ids = calloc(in->ncand + 1, sizeof(**ids));
	*ranks = calloc((json_array_size(rows) + 1) * (in->ncand + 1),
	    sizeof(**ranks));
	if (*ids == NULL || *ranks == NULL)
		goto fail;
	json_array_foreach(cands, i, row)
		(*ids)[i] = view_int(row, "id");
	n = 0;
	json_array_foreach(rows, i, row) {
		r = json_loads(view_str(row, "ranking"), 0, NULL);
		k = 0;
		for (j = 0; j < in->ncand; j++)
			(*ranks)[n * in->ncand + j] = -1;
		json_array_foreach(r, j, pref)
			if (k < in->ncand && (c = candidate_index(*ids,
			    in->ncand, json_integer_value(pref))) >= 0)
				(*ranks)[n * in->ncand + k++] = c;
		json_decref(r);
		if (k > 0)
			n++;	/* a ballot naming nobody standing is void */
	}
	in->nballots = n;
	in->cand_ids = *ids;
	in->ranks = *ranks;
	json_decref(cands);
	json_decref(rows);
	return 0;
fail:
	free(*ranks);
	free(*ids);
	*ranks = NULL;
	*ids = NULL;
	json_decref(cands);
	json_decref(rows);
	return -1;
}

json_t *
election_count(struct db *db, const json_t *e)
{
	struct count_input in;
	int		*ranks;
	int64_t		*ids;
	json_t		*sheet;

	if (election_ballots(db, view_int(e, "id"), e, &in, &ranks, &ids) == -1)
		return NULL;
	sheet = count_run(&in);
	free(ranks);
	free(ids);
	return sheet;
}

/* Positions a result gives as a membership; seats on boards rotate
 * (seats_*.c) and council reps are not a position within the group. */
static int
office_is_membership(const char *position)
{
	static const char *const offices[] = { "chair", "vice_chair",
	    "secretary", "treasurer", "rep", NULL };
	size_t	 i;

	for (i = 0; offices[i] != NULL; i++)
		if (strcmp(position, offices[i]) == 0)
			return 1;
	return 0;
}

/* The winners take the office for the election's term (see above). */
static int
election_take_office(struct db *db, const json_t *e, const json_t *sheet,
    const char *today)
{
	/* Each step, and whether it makes one row a run (run again until
	 * it makes none). */
	static const struct { const char *const *sql; int one_row; } steps[] =
	    { { &sql_office_stay_member, 1 }, { &sql_office_end, 0 },
	    { &sql_office_take, 1 }, { &sql_office_term, 0 } };
	json_t	*ids = json_array(), *el;
	char	*idtext = NULL, term_end[DATE_CHARS + 1], why[64];
	size_t	 i;
	int	 rc = DB_OK;

	if (!office_is_membership(view_str(e, "position")))
		goto out;
	json_array_foreach(json_object_get(sheet, "elected"), i, el)
		json_array_append(ids, json_object_get(el, "candidate_id"));
	if (json_array_size(ids) == 0)
		goto out;	/* nobody elected: the holder carries on */
	if ((idtext = json_dumps(ids, JSON_COMPACT)) == NULL) {
		rc = DB_ERROR;
		goto out;
	}
	date_add_months(today, (int)view_int(e, "term_months"), term_end);
	snprintf(why, sizeof(why), "Election %lld", (long long)view_int(e,
	    "id"));
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]) && rc == DB_OK; i++)
		do
			rc = db_exec(db, *steps[i].sql, "ittttt", view_int(e,
			    "group_id"), view_str(e, "position"), today, idtext,
			    why, term_end);
		while (rc == DB_OK && steps[i].one_row && db_changes(db) > 0);
out:
	free(idtext);
	json_decref(ids);
	return rc;
}

int
election_publish(struct db *db, int64_t actor, const json_t *e,
    const json_t *sheet, const char *today)
{
	int64_t	 id = view_int(e, "id");
	char	*text;
	int	 rc;

	if ((text = json_dumps(sheet, JSON_COMPACT | JSON_SORT_KEYS)) == NULL)
		return DB_ERROR;
	rc = db_exec(db, sql_publish, "ttii", text, today, id, (int64_t)
	    json_is_true(json_object_get(sheet, "unopposed")));
	free(text);
	if (rc != DB_OK)
		return rc;
	if (db_changes(db) != 1)
		return DB_CONSTRAINT;
	if ((rc = election_take_office(db, e, sheet, today)) != DB_OK)
		return rc;
	/* Published straight from voting past its last day, the poll was
	 * never closed by hand: shuffle here too (again, if it was). */
	if ((rc = ballots_shuffle(db, id)) != DB_OK)
		return rc;
	return audit_append(db, actor, "election.publish", "election", id,
	    NULL);
}
