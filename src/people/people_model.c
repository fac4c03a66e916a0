/*
 * The words people choose from, the form tables, and the rules that are
 * not SQL: what a reference looks like, which columns carry labels.
 */
#include <string.h>

#include <sodium.h>

#include "people.h"
#include "../util/catalogue.h"
#include "../limits.h"


const struct choice site_kinds[] = {
	{ "prison", "Prison" },
	{ "probation_region", "Probation region" },
	{ "secure_hospital", "Secure hospital" },
	{ "community_centre", "Community centre" },
	{ "other", "Other" },
	{ NULL, NULL },
};

const struct choice unit_kinds[] = {
	{ "wing", "Wing" },
	{ "reception", "Reception" },
	{ "healthcare", "Healthcare" },
	{ "office", "Office" },
	{ "venue", "Community venue" },
	{ "other", "Other" },
	{ NULL, NULL },
};

const struct choice person_statuses[] = {
	{ "in_custody", "In custody" },
	{ "on_licence", "On licence" },
	{ "in_community", "In the community" },
	{ "staff", "Staff" },
	{ "volunteer", "Volunteer" },
	{ NULL, NULL },
};

const struct choice leaving_reasons[] = {
	{ "transfer", "Transferred" },
	{ "release", "Released" },
	{ "recall", "Recalled" },
	{ "resigned", "Resigned" },
	{ "other", "Other" },
	{ NULL, NULL },
};

const struct choice group_kinds[] = {
	{ "council", "Service user council" },
	{ "forum", "Forum" },
	{ "rep_team", "Rep team" },
	{ "lived_experience_team", "Lived experience team" },
	{ "reference_group", "Reference group" },
	{ "panel", "Panel" },
	{ NULL, NULL },
};

const struct choice positions[] = {
	{ "member", "Member" },
	{ "rep", "Rep" },
	{ "chair", "Chair" },
	{ "vice_chair", "Vice chair" },
	{ "secretary", "Secretary" },
	{ "treasurer", "Treasurer" },
	{ "peer_supporter", "Peer supporter" },
	{ "wellbeing_rep", "Wellbeing rep" },
	{ "observer", "Observer" },
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
	{ "name", "Name", FIELD_TEXT, 1, NAME_MAX_CHARS, NULL,
	    "For example, HMP Fenwick", NULL },
	{ "kind", "Kind of site", FIELD_CHOICE, 1, 0, site_kinds, NULL, NULL },
	{ "description", "Description", FIELD_TEXTAREA, 0, TEXT_MAX_CHARS,
	    NULL, NULL, NULL },
	{ "closed_on", "Closed on", FIELD_DATE, 0, 0, NULL,
	    "Leave empty while the site is open", NULL },
	{ "language", N_("Language"), FIELD_CHOICE, 0, 0, place_languages,
	    N_("For everyone here who has not chosen one; leave empty for "
	    "English"), NULL },
};
const size_t site_fields_count = FIELDS_COUNT(site_fields);

const struct field_spec unit_fields[] = {
	{ "name", "Name", FIELD_TEXT, 1, NAME_MAX_CHARS, NULL,
	    "For example, A wing", NULL },
	{ "kind", "Kind of place", FIELD_CHOICE, 1, 0, unit_kinds, NULL, NULL },
	{ "closed_on", "Closed on", FIELD_DATE, 0, 0, NULL,
	    "Leave empty while it is in use", NULL },
};
const size_t unit_fields_count = FIELDS_COUNT(unit_fields);

const struct field_spec person_fields[] = {
	{ "display_name", "Name used in the group", FIELD_TEXT, 1,
	    NAME_MAX_CHARS, NULL, "A first name or a chosen name is enough", NULL },
	{ "status", "Status", FIELD_CHOICE, 1, 0, person_statuses, NULL, NULL },
	{ "site_id", "Site", FIELD_ID, 1, 0, NULL, NULL, NULL },
	{ "unit_id", "Wing or place", FIELD_ID, 0, 0, NULL, NULL, NULL },
	{ "restrictions", "Restrictions", FIELD_TEXTAREA, 0, TEXT_MAX_CHARS,
	    NULL, "For example, licence conditions that limit what they may "
	    "do. Only coordinators see this.", NULL },
};
const size_t person_fields_count = FIELDS_COUNT(person_fields);

const struct field_spec leaving_fields[] = {
	{ "left_reason", "Why they left", FIELD_CHOICE, 1, 0, leaving_reasons,
	    NULL, NULL },
	{ "left_on", "Date they left", FIELD_DATE, 1, 0, NULL,
	    "Their roles in every group end on this date", NULL },
	{ "hand_to", "Who takes over their open follow-ups", FIELD_ID, 0, 0,
	    NULL, "Needed when they have follow-ups still open", NULL },
	{ "hand_actions_to", "Who takes over their open actions", FIELD_ID, 0,
	    0, NULL, "Needed when they own actions or action points still "
	    "open", NULL },
};
const size_t leaving_fields_count = FIELDS_COUNT(leaving_fields);

const struct field_spec group_fields[] = {
	{ "name", "Name", FIELD_TEXT, 1, NAME_MAX_CHARS, NULL,
	    "For example, Over-50s Forum", NULL },
	{ "kind", "Kind of group", FIELD_CHOICE, 1, 0, group_kinds, NULL, NULL },
	{ "site_id", "Site", FIELD_ID, 0, 0, NULL,
	    "Leave empty for a group that covers the whole organisation", NULL },
	{ "purpose", "Purpose", FIELD_TEXTAREA, 0, TEXT_MAX_CHARS, NULL, NULL, NULL },
	{ "ended_on", "Ended on", FIELD_DATE, 0, 0, NULL,
	    "Leave empty while the group meets", NULL },
	{ "response_days", "Days a decision maker has to answer", FIELD_TEXT,
	    0, 3, NULL, "28 unless you choose otherwise", NULL },
	{ "language", N_("Language"), FIELD_CHOICE, 0, 0, place_languages,
	    N_("For its members who have not chosen one; leave empty for "
	    "its site's"), NULL },
};
const size_t group_fields_count = FIELDS_COUNT(group_fields);

const struct field_spec membership_fields[] = {
	{ "person_id", "Person", FIELD_ID, 1, 0, NULL, NULL, NULL },
	{ "position", "Position", FIELD_CHOICE, 1, 0, positions, NULL, NULL },
	{ "from_on", "From", FIELD_DATE, 1, 0, NULL, NULL, NULL },
};
const size_t membership_fields_count = FIELDS_COUNT(membership_fields);

const struct field_spec membership_end_fields[] = {
	{ "to_on", "Last day", FIELD_DATE, 1, 0, NULL, NULL, NULL },
	{ "end_reason", "Reason", FIELD_TEXT, 0, NAME_MAX_CHARS, NULL,
	    "For example, term ended, stood down, moved wing", NULL },
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
