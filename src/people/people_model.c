/*
 * The words people choose from, the form tables, and the rules that are
 * not SQL: what a reference looks like, which columns carry labels.
 */
#include <string.h>

#include <sodium.h>

#include "people.h"
#include "../limits.h"
#include "../util/catalogue.h"


const struct choice site_kinds[] = {
	{ "prison", N_("Prison") },
	{ "probation_region", N_("Probation region") },
	{ "secure_hospital", N_("Secure hospital") },
	{ "community_centre", N_("Community centre") },
	{ "other", N_("Other") },
	{ NULL, NULL },
};

const struct choice unit_kinds[] = {
	{ "wing", N_("Wing") },
	{ "reception", N_("Reception") },
	{ "healthcare", N_("Healthcare") },
	{ "office", N_("Office") },
	{ "venue", N_("Community venue") },
	{ "other", N_("Other") },
	{ NULL, NULL },
};

const struct choice person_statuses[] = {
	{ "in_custody", N_("In custody") },
	{ "on_licence", N_("On licence") },
	{ "in_community", N_("In the community") },
	{ "staff", N_("Staff") },
	{ "volunteer", N_("Volunteer") },
	{ NULL, NULL },
};

const struct choice leaving_reasons[] = {
	{ "transfer", N_("Transferred") },
	{ "release", N_("Released") },
	{ "recall", N_("Recalled") },
	{ "resigned", N_("Resigned") },
	{ "other", N_("Other") },
	{ NULL, NULL },
};

const struct choice group_kinds[] = {
	{ "council", N_("Service user council") },
	{ "forum", N_("Forum") },
	{ "rep_team", N_("Rep team") },
	{ "lived_experience_team", N_("Lived experience team") },
	{ "reference_group", N_("Reference group") },
	{ "panel", N_("Panel") },
	{ NULL, NULL },
};

const struct choice positions[] = {
	{ "member", N_("Member") },
	{ "rep", N_("Rep") },
	{ "chair", N_("Chair") },
	{ "vice_chair", N_("Vice chair") },
	{ "secretary", N_("Secretary") },
	{ "treasurer", N_("Treasurer") },
	{ "peer_supporter", N_("Peer supporter") },
	{ "wellbeing_rep", N_("Wellbeing rep") },
	{ "observer", N_("Observer") },
	{ NULL, NULL },
};

/* A place's language: its pages and notices for whoever has chosen
 * none (server/language.h), each named in itself. */
static const struct choice place_languages[] = {
	{ "en", "English" },
	{ "cy", "Cymraeg" },
	{ NULL, NULL },
};

const struct field_spec site_fields[] = {
	{ "name", N_("Name"), FIELD_TEXT, 1, NAME_MAX_CHARS, NULL,
	    N_("For example, HMP Fenwick"), NULL },
	{ "kind", N_("Kind of site"),
	    FIELD_CHOICE, 1, 0, site_kinds, NULL, NULL },
	{ "description", N_("Description"), FIELD_TEXTAREA, 0, TEXT_MAX_CHARS,
	    NULL, NULL, NULL },
	{ "closed_on", N_("Closed on"), FIELD_DATE, 0, 0, NULL,
	    N_("Leave empty while the site is open"), NULL },
	{ "language", N_("Language"), FIELD_CHOICE, 0, 0, place_languages,
	    N_("For everyone here who has not chosen one; leave empty for "
	    "English"), NULL },
};
const size_t site_fields_count = FIELDS_COUNT(site_fields);

const struct field_spec unit_fields[] = {
	{ "name", N_("Name"), FIELD_TEXT, 1, NAME_MAX_CHARS, NULL,
	    N_("For example, A wing"), NULL },
	{ "kind", N_("Kind of place"),
	    FIELD_CHOICE, 1, 0, unit_kinds, NULL, NULL },
	{ "closed_on", N_("Closed on"), FIELD_DATE, 0, 0, NULL,
	    N_("Leave empty while it is in use"), NULL },
};
const size_t unit_fields_count = FIELDS_COUNT(unit_fields);

const struct field_spec person_fields[] = {
	{ "display_name", N_("Name used in the group"), FIELD_TEXT, 1,
	    NAME_MAX_CHARS, NULL, N_("A first name or a chosen name is enough"), NULL },
	{ "status", N_("Status"),
	    FIELD_CHOICE, 1, 0, person_statuses, NULL, NULL },
	{ "site_id", N_("Site"), FIELD_ID, 1, 0, NULL, NULL, NULL },
	{ "unit_id", N_("Wing or place"), FIELD_ID, 0, 0, NULL, NULL, NULL },
	{ "restrictions", N_("Restrictions"), FIELD_TEXTAREA, 0, TEXT_MAX_CHARS,
	    NULL, N_("For example, licence conditions that limit what they may "
	    "do. Only coordinators see this."), NULL },
};
const size_t person_fields_count = FIELDS_COUNT(person_fields);

const struct field_spec leaving_fields[] = {
	{ "left_reason", N_("Why they left"),
	    FIELD_CHOICE, 1, 0, leaving_reasons,
	    NULL, NULL },
	{ "left_on", N_("Date they left"), FIELD_DATE, 1, DATE_HAPPENED, NULL,
	    N_("Their roles in every group end on this date"), NULL },
	{ "hand_to", N_("Who takes over their open follow-ups"), FIELD_ID, 0, 0,
	    NULL, N_("Needed when they have follow-ups still open"), NULL },
	{ "hand_actions_to", N_("Who takes over their open actions"),
	    FIELD_ID, 0,
	    0, NULL, N_("Needed when they own actions or action points still "
	    "open"), NULL },
};
const size_t leaving_fields_count = FIELDS_COUNT(leaving_fields);

const struct field_spec group_fields[] = {
	{ "name", N_("Name"), FIELD_TEXT, 1, NAME_MAX_CHARS, NULL,
	    N_("For example, Over-50s Forum"), NULL },
	{ "kind", N_("Kind of group"),
	    FIELD_CHOICE, 1, 0, group_kinds, NULL, NULL },
	{ "site_id", N_("Site"), FIELD_ID, 0, 0, NULL,
	    N_("Leave empty for a group that covers the whole organisation"), NULL },
	{ "purpose", N_("Purpose"),
	    FIELD_TEXTAREA, 0, TEXT_MAX_CHARS, NULL, NULL, NULL },
	{ "ended_on", N_("Ended on"), FIELD_DATE, 0, 0, NULL,
	    N_("Leave empty while the group meets"), NULL },
	{ "response_days", N_("Days a decision maker has to answer"),
	    FIELD_POSITIVE, 0, 365, NULL, N_("28 unless you choose otherwise"),
	    NULL },
	{ "language", N_("Language"), FIELD_CHOICE, 0, 0, place_languages,
	    N_("For its members who have not chosen one; leave empty for "
	    "its site's"), NULL },
};
const size_t group_fields_count = FIELDS_COUNT(group_fields);

const struct field_spec membership_fields[] = {
	{ "person_id", N_("Person"), FIELD_ID, 1, 0, NULL, NULL, NULL },
	{ "position", N_("Position"),
	    FIELD_CHOICE, 1, 0, positions, NULL, NULL },
	{ "from_on", N_("From"), FIELD_DATE, 1, 0, NULL, NULL, NULL },
};
const size_t membership_fields_count = FIELDS_COUNT(membership_fields);

const struct field_spec membership_end_fields[] = {
	{ "to_on", N_("Last day"), FIELD_DATE, 1, 0, NULL, NULL, NULL },
	{ "end_reason", N_("Reason"), FIELD_TEXT, 0, NAME_MAX_CHARS, NULL,
	    N_("For example, term ended, stood down, moved wing"), NULL },
};
const size_t membership_end_fields_count = FIELDS_COUNT(membership_end_fields);

static const struct choice_column labelled[] = {
	{ "site_kind", site_kinds },
	{ "unit_kind", unit_kinds },
	{ "status", person_statuses },
	{ "left_reason", leaving_reasons },
	{ "group_kind", group_kinds },
	{ "position", positions },
};

void
people_labels(json_t *row)
{
	choice_labels_add(row, labelled, sizeof(labelled) / sizeof(labelled[0]));
}

void
people_labels_all(json_t *rows)
{
	json_t	*row;
	size_t	 i;

	json_array_foreach(rows, i, row)
		people_labels(row);
}

void
person_reference_new(char out[9])
{
	static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
	int	 i;

	out[0] = 'P';
	out[1] = '-';
	for (i = 2; i < 8; i++)
		out[i] = alphabet[randombytes_uniform(sizeof(alphabet) - 1)];
	out[8] = '\0';
}
