/*
 * Seats that rotate: who holds each turn.  Turn t of a seat rotating
 * among n members in order belongs to member t mod n; a swap exchanges
 * the holders of two turns (someone who cannot attend gives their turn
 * to the member whose next turn it was, and takes that one instead).
 * Swaps apply in the order they were recorded, so a later swap can move
 * a turn an earlier swap already moved.  Pure: no database.
 */
#include "elections.h"
#include "../limits.h"
#include "../util/catalogue.h"

const struct choice seat_kinds[] = {
	{ "fixed", N_("Fixed: one holder") },
	{ "rotating", N_("Rotating among members, in order") },
	{ NULL, NULL },
};

const struct choice seat_rotations[] = {
	{ "meeting", N_("Each board meeting") },
	{ "period", N_("Each period of days") },
	{ NULL, NULL },
};

#define F(...)	{ __VA_ARGS__ }

const struct field_spec seat_fields[] = {
	F("name", N_("Seat"), FIELD_TEXT, 1, NAME_MAX_CHARS, NULL,
	    N_("For example: Programme board, rotating seat"), NULL),
	F("kind", N_("Kind of seat"),
	    FIELD_CHOICE, 1, 0, seat_kinds, NULL, NULL),
	F("rotation", N_("Turns change"), FIELD_CHOICE, 1, 0, seat_rotations,
	    N_("Board meetings are the group's meetings of the kind Board meeting"),
	    NULL),
	F("period_days", N_("Days in a period"), FIELD_POSITIVE, 0,
	    SEAT_PERIOD_DAYS_MAX, NULL,
	    N_("Only when turns change each period"), NULL),
	F("starts_on", N_("First turn starts on"), FIELD_DATE, 1, 0, NULL, NULL,
	    NULL),
	F("members", N_("Members, in the order they take turns"),
	    FIELD_IDS, 1, 0,
	    NULL, N_("A fixed seat has exactly one"), NULL),
};
const size_t seat_fields_count = FIELDS_COUNT(seat_fields);

const struct field_spec swap_fields[] = {
	F("turn", N_("Turn the holder cannot attend"), FIELD_ID, 1, 0, NULL,
	    N_("By its date or board meeting"), NULL),
	F("person_id", N_("Member who takes it instead"), FIELD_ID, 1, 0, NULL,
	    N_("They give up their next turn in exchange"), NULL),
	F("reason", N_("Reason"),
	    FIELD_TEXT, 0, NAME_MAX_CHARS, NULL, NULL, NULL),
};
const size_t swap_fields_count = FIELDS_COUNT(swap_fields);

/* Which base turn's holder ends up holding turn t. */
static int64_t
turn_source(const struct seat_swap *swaps, size_t nswaps, int64_t t)
{
	size_t	 k;

	/* Undo the swaps from the last: each maps a to b and b to a. */
	for (k = nswaps; k-- > 0;) {
		if (t == swaps[k].turn_a)
			t = swaps[k].turn_b;
		else if (t == swaps[k].turn_b)
			t = swaps[k].turn_a;
	}
	return t;
}

void
seat_schedule(size_t nmembers, const struct seat_swap *swaps, size_t nswaps,
    int64_t first, size_t n, size_t *out)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		out[i] = nmembers == 0 ? 0 : (size_t)(turn_source(swaps, nswaps,
		    first + (int64_t)i) % (int64_t)nmembers);
}

int64_t
seat_next_turn(size_t nmembers, const struct seat_swap *swaps, size_t nswaps,
    int64_t after, size_t member)
{
	int64_t	 t, limit = after + (int64_t)nmembers + 1;
	size_t	 k, holder;

	if (nmembers == 0 || member >= nmembers)
		return SEAT_TURN_NONE;
	/* Swaps can push someone's turn past one round: look beyond them. */
	for (k = 0; k < nswaps; k++)
		if (swaps[k].turn_b + (int64_t)nmembers + 1 > limit)
			limit = swaps[k].turn_b + (int64_t)nmembers + 1;
	for (t = after + 1; t <= limit; t++) {
		seat_schedule(nmembers, swaps, nswaps, t, 1, &holder);
		if (holder == member)
			return t;
	}
	return SEAT_TURN_NONE;
}
