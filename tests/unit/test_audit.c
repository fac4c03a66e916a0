/* src/auth/audit.h on a temporary migrated database. */
#include "unit.h"

#include <sodium.h>

#include "auth/audit.h"

#define ROWS	5

struct fixture {
	struct db	 db;
	char		 path[UNIT_PATH_MAX];
	char		*report;
	size_t		 reportlen;
};

static int
group_setup(void **state)
{
	(void)state;
	return sodium_init() < 0 ? -1 : 0;
}

static int
setup(void **state)
{
	struct fixture	*f = calloc(1, sizeof(*f));

	if (f == NULL)
		return -1;
	if (unit_db_open(&f->db, f->path) == -1) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;

	unit_db_close(&f->db, f->path);
	free(f->report);
	free(f);
	return 0;
}

/* Appends ROWS rows, the way handlers do: in a transaction. */
static void
chain(struct fixture *f)
{
	static const char *const details[ROWS] = {
		"created site North", "", "renamed to \"South\"",
		"caf\xc3\xa9 <b>&</b>", "last one",
	};
	int	 i;

	assert_int_equal(db_begin(&f->db, 1), DB_OK);
	for (i = 0; i < ROWS; i++)
		assert_int_equal(audit_append(&f->db, i % 2 ? 0 : 7,
		    i == 1 ? "sign_in" : "update", "site", i == 2 ? 0 : i + 1,
		    details[i]), DB_OK);
	assert_int_equal(db_commit(&f->db), DB_OK);
}

/* audit_verify with its report kept in f->report. */
static int
verify(struct fixture *f, int64_t *rows)
{
	FILE	*out;
	int	 rc;

	free(f->report);
	f->report = NULL;
	out = open_memstream(&f->report, &f->reportlen);
	assert_non_null(out);
	rc = audit_verify(&f->db, out, rows);
	fclose(out);
	return rc;
}

static void
attack(struct fixture *f, const char *sql)
{
	assert_int_equal(db_exec_script(&f->db,
	    "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;"), 0);
	assert_int_equal(db_exec_script(&f->db, sql), 0);
}

static void
assert_detected(struct fixture *f)
{
	int	 faults = verify(f, NULL);

	if (faults <= 0)
		fail_msg("tampering went unnoticed (audit_verify gave %d)",
		    faults);
	assert_true(f->reportlen > 0);
}

static void
test_empty_chain(void **state)
{
	struct fixture	*f = *state;
	int64_t		 rows = -1;

	assert_int_equal(verify(f, &rows), 0);
	assert_int_equal(rows, 0);
	assert_int_equal(f->reportlen, 0);
}

static void
test_intact_chain(void **state)
{
	struct fixture	*f = *state;
	int64_t		 rows = -1, n;

	chain(f);
	assert_int_equal(verify(f, &rows), 0);
	assert_int_equal(rows, ROWS);
	assert_int_equal(f->reportlen, 0);
	assert_int_equal(verify(f, NULL), 0);
	/* Ids run 1..n and the head records the last. */
	assert_int_equal(db_int(&f->db, &n, "SELECT max(id) FROM audit", ""),
	    1);
	assert_int_equal(n, ROWS);
	assert_int_equal(db_int(&f->db, &n, "SELECT last_id FROM audit_head",
	    ""), 1);
	assert_int_equal(n, ROWS);
	/* Zero ids are stored as NULL. */
	assert_int_equal(db_int(&f->db, &n, "SELECT count(*) FROM audit WHERE "
	    "entity_id IS NULL", ""), 1);
	assert_int_equal(n, 1);
	assert_int_equal(db_int(&f->db, &n, "SELECT count(*) FROM audit WHERE "
	    "account_id IS NULL", ""), 1);
	assert_int_equal(n, 2);
	/* More rows later carry on the chain. */
	assert_int_equal(audit_append(&f->db, 1, "delete", "group", 3, NULL),
	    DB_OK);
	assert_int_equal(verify(f, &rows), 0);
	assert_int_equal(rows, ROWS + 1);
}

static void
test_triggers_forbid_changes(void **state)
{
	struct fixture	*f = *state;

	chain(f);
	assert_int_equal(db_exec(&f->db, "UPDATE audit SET detail = 'x' "
	    "WHERE id = 2", ""), DB_CONSTRAINT);
	assert_int_equal(db_exec(&f->db, "DELETE FROM audit WHERE id = 5",
	    ""), DB_CONSTRAINT);
	assert_int_equal(verify(f, NULL), 0);
}

static void
test_edit_detail(void **state)
{
	struct fixture	*f = *state;

	chain(f);
	attack(f, "UPDATE audit SET detail = 'nothing happened' WHERE id = 3");
	assert_detected(f);
	assert_non_null(strstr(f->report, "row 3"));
}

static void
test_edit_each_field(void **state)
{
	static const char *const edits[] = {
		"UPDATE audit SET at = '2001-01-01T00:00:00Z' WHERE id = 2",
		"UPDATE audit SET account_id = 8 WHERE id = 2",
		"UPDATE audit SET account_id = NULL WHERE id = 1",
		"UPDATE audit SET action = 'read' WHERE id = 2",
		"UPDATE audit SET entity = 'group' WHERE id = 2",
		"UPDATE audit SET entity_id = 99 WHERE id = 2",
		"UPDATE audit SET entity_id = 1 WHERE id = 3",
		"UPDATE audit SET detail = '' WHERE id = 1",
		"UPDATE audit SET detail = 'x' WHERE id = 2",
		"UPDATE audit SET hash = zeroblob(32) WHERE id = 4",
		"UPDATE audit SET hash = x'00' WHERE id = 4",
		"UPDATE audit SET id = 50 WHERE id = 5",
		"UPDATE audit_head SET hash = zeroblob(32)",
		"UPDATE audit_head SET last_id = 4",
		"UPDATE audit_head SET last_id = 6",
		/* Two rows swapped, each keeping its own hash. */
		"UPDATE audit SET id = 100 WHERE id = 2;"
		"UPDATE audit SET id = 2 WHERE id = 3;"
		"UPDATE audit SET id = 3 WHERE id = 100",
	};
	struct fixture	*f = *state;
	size_t		 i;

	for (i = 0; i < sizeof(edits) / sizeof(edits[0]); i++) {
		/* A fresh chain for each edit. */
		unit_db_close(&f->db, f->path);
		assert_int_equal(unit_db_open(&f->db, f->path), 0);
		chain(f);
		assert_int_equal(verify(f, NULL), 0);
		attack(f, edits[i]);
		if (verify(f, NULL) <= 0)
			fail_msg("not detected: %s", edits[i]);
	}
}

static void
test_delete_middle_row(void **state)
{
	struct fixture	*f = *state;
	int64_t		 rows;

	chain(f);
	attack(f, "DELETE FROM audit WHERE id = 3");
	assert_detected(f);
	assert_non_null(strstr(f->report, "missing"));
	assert_true(verify(f, &rows) > 0);
	assert_int_equal(rows, ROWS - 1);
}

static void
test_delete_first_row(void **state)
{
	struct fixture	*f = *state;

	chain(f);
	attack(f, "DELETE FROM audit WHERE id = 1");
	assert_detected(f);
}

static void
test_delete_last_row(void **state)
{
	struct fixture	*f = *state;

	chain(f);
	/* audit_head is left as it is. */
	attack(f, "DELETE FROM audit WHERE id = 5");
	assert_detected(f);
	assert_non_null(strstr(f->report, "head"));
}

static void
test_delete_last_row_rewind_head_id(void **state)
{
	struct fixture	*f = *state;

	chain(f);
	/* The head's id moved back too, but its hash cannot be forged
	 * without the previous row's: it still names row 5's. */
	attack(f, "DELETE FROM audit WHERE id = 5;"
	    "UPDATE audit_head SET last_id = 4");
	assert_detected(f);
}

static void
test_delete_all_rows(void **state)
{
	struct fixture	*f = *state;

	chain(f);
	attack(f, "DELETE FROM audit");
	assert_detected(f);
}

static void
test_append_forged_row(void **state)
{
	struct fixture	*f = *state;

	chain(f);
	attack(f, "INSERT INTO audit (id, at, action, entity, detail, hash) "
	    "VALUES (6, '2026-01-01T00:00:00Z', 'x', 'y', '', zeroblob(32))");
	assert_detected(f);
}

/* A hidden tail after a NUL is still an edit: the audit page shows it
 * (db_rows keeps every byte), so the chain must cover it. */
static void
test_edit_detail_after_nul(void **state)
{
	struct fixture	*f = *state;
	int64_t		 len;

	chain(f);
	attack(f, "UPDATE audit SET detail = detail || char(0) || "
	    "' and deleted the minutes' WHERE id = 1");
	assert_int_equal(db_int(&f->db, &len, "SELECT length(CAST(detail AS "
	    "BLOB)) FROM audit WHERE id = 1", ""), 1);
	assert_int_equal(len, strlen("created site North") + 1 +
	    strlen(" and deleted the minutes"));
	assert_detected(f);
}

/* Turning a field into a blob hides it from the audit page (db_rows
 * gives null for blobs) and so is an edit too. */
static void
test_edit_detail_type(void **state)
{
	struct fixture	*f = *state;
	json_t		*row;

	chain(f);
	attack(f, "UPDATE audit SET detail = CAST(detail AS BLOB) WHERE id = 1");
	assert_int_equal(db_row(&f->db, &row, "SELECT detail FROM audit "
	    "WHERE id = 1", ""), 1);
	assert_true(json_is_null(json_object_get(row, "detail")));
	json_decref(row);
	assert_detected(f);
}

/* The signing key, as `roundtable init` would have written it. */
static const unsigned char seed[AUDIT_KEY_BYTES] = { 1, 2, 3, 4, 5 };

static int
setup_signed(void **state)
{
	audit_signer_set(seed);
	return setup(state);
}

static int
teardown_signed(void **state)
{
	audit_signer_clear();
	return teardown(state);
}

static void
assert_signature_fault(struct fixture *f, const char *words)
{
	assert_detected(f);
	if (strstr(f->report, words) == NULL)
		fail_msg("report does not say \"%s\": %s", words, f->report);
}

static void
test_signed_chain_verifies(void **state)
{
	struct fixture	*f = *state;
	int64_t		 n;

	chain(f);
	assert_int_equal(verify(f, NULL), 0);
	assert_int_equal(f->reportlen, 0);
	assert_int_equal(db_int(&f->db, &n, "SELECT length(signature) FROM "
	    "audit_head", ""), 1);
	assert_int_equal(n, 64);
}

/* The attack the unsigned head cannot see: drop the last row and move
 * the head back to the row before, copying that row's stored hash. */
static void
test_signed_truncation_caught(void **state)
{
	struct fixture	*f = *state;

	chain(f);
	attack(f, "DELETE FROM audit WHERE id = 5;"
	    "UPDATE audit_head SET last_id = 4, "
	    "hash = (SELECT hash FROM audit WHERE id = 4)");
	assert_signature_fault(f, "signature does not match");
	assert_non_null(strstr(f->report, "truncated"));
}

/* Rebuilt from scratch by someone with the code but not the key. */
static void
test_signed_rebuild_without_key_caught(void **state)
{
	struct fixture	*f = *state;

	chain(f);
	audit_signer_clear();
	attack(f, "DELETE FROM audit; DELETE FROM audit_head");
	chain(f);
	audit_signer_set(seed);
	assert_signature_fault(f, "not signed");
}

static void
test_signed_rebuild_other_key_caught(void **state)
{
	static const unsigned char other[AUDIT_KEY_BYTES] = { 9 };
	struct fixture	*f = *state;

	chain(f);
	audit_signer_set(other);
	attack(f, "DELETE FROM audit; DELETE FROM audit_head");
	chain(f);
	audit_signer_set(seed);
	assert_signature_fault(f, "signature does not match");
}

static void
test_signed_emptied_caught(void **state)
{
	struct fixture	*f = *state;

	chain(f);
	attack(f, "DELETE FROM audit; DELETE FROM audit_head");
	assert_signature_fault(f, "no head");
}

static void
test_signed_signature_removed_caught(void **state)
{
	struct fixture	*f = *state;

	chain(f);
	attack(f, "UPDATE audit_head SET signature = NULL");
	assert_signature_fault(f, "not signed");
}

/* A database from before signatures is signed by init once its chain is
 * found intact; a broken one is not blessed. */
static void
test_adopt_unsigned_head(void **state)
{
	struct fixture	*f = *state;

	audit_signer_clear();
	chain(f);
	audit_signer_set(seed);
	assert_int_equal(verify(f, NULL), 1);
	assert_int_equal(audit_head_adopt(&f->db), DB_OK);
	assert_int_equal(verify(f, NULL), 0);

	unit_db_close(&f->db, f->path);
	assert_int_equal(unit_db_open(&f->db, f->path), 0);
	audit_signer_clear();
	chain(f);
	attack(f, "UPDATE audit SET detail = 'x' WHERE id = 2");
	audit_signer_set(seed);
	assert_int_equal(audit_head_adopt(&f->db), DB_CONSTRAINT);
	assert_detected(f);
}

#define T(f)	cmocka_unit_test_setup_teardown(f, setup, teardown)
#define TS(f)	cmocka_unit_test_setup_teardown(f, setup_signed, teardown_signed)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_empty_chain),
		T(test_intact_chain),
		T(test_triggers_forbid_changes),
		T(test_edit_detail),
		T(test_edit_each_field),
		T(test_delete_middle_row),
		T(test_delete_first_row),
		T(test_delete_last_row),
		T(test_delete_last_row_rewind_head_id),
		T(test_delete_all_rows),
		T(test_append_forged_row),
		T(test_edit_detail_after_nul),
		T(test_edit_detail_type),
		TS(test_signed_chain_verifies),
		TS(test_signed_truncation_caught),
		TS(test_signed_rebuild_without_key_caught),
		TS(test_signed_rebuild_other_key_caught),
		TS(test_signed_emptied_caught),
		TS(test_signed_signature_removed_caught),
		TS(test_adopt_unsigned_head),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
