/*
 * People, places and groups: the organisation's sites and their units,
 * the people involved (pseudonymous reference, display name, status,
 * restrictions, leaving), groups and memberships.  Everything else in
 * Roundtable refers to these.
 *
 *   people_model.c  the choices, the form tables and the domain rules
 *   people_store.c  the SQL (targets for the access check included)
 *   takeover_store.c  who may take over what someone owns, and what an
 *                   account that can no longer act still owns
 *   sites_pages.c, people_pages.c, groups_pages.c  the handlers
 *   documents_store.c, documents_pages.c  a group's published documents
 *                   (charter, terms of reference): staff publish and
 *                   edit them, the group reads them as safe Markdown
 *
 * Store functions run in the caller's transaction, take checked values
 * (from fields_validate) and return enum db_result; look-ups return <0,
 * 0 or >0 as db.h says.  Every write appends to the audit chain.
 */
#ifndef RT_PEOPLE_H
#define RT_PEOPLE_H

#include <jansson.h>
#include <stdint.h>

#include "../auth/roles.h"
#include "../server/fields.h"
#include "../server/paging.h"
#include "../server/router.h"

struct db;

extern const struct choice site_kinds[];
extern const struct choice unit_kinds[];
extern const struct choice person_statuses[];
extern const struct choice leaving_reasons[];
extern const struct choice group_kinds[];
extern const struct choice positions[];

extern const struct field_spec site_fields[];
extern const size_t site_fields_count;
extern const struct field_spec unit_fields[];
extern const size_t unit_fields_count;
extern const struct field_spec person_fields[];
extern const size_t person_fields_count;
extern const struct field_spec leaving_fields[];
extern const size_t leaving_fields_count;
extern const struct field_spec group_fields[];
extern const size_t group_fields_count;
extern const struct field_spec membership_fields[];
extern const size_t membership_fields_count;
extern const struct field_spec membership_end_fields[];
extern const size_t membership_end_fields_count;

/* Adds *_label keys for each choice column present in a row (in place). */
void	people_labels(json_t *row);
void	people_labels_all(json_t *rows);
/* A new pseudonymous reference, "P-" and 6 characters. */
void	person_reference_new(char out[9]);

/* Access targets for the route table. */
int	site_target(struct db *, const int64_t *, struct target *);
int	unit_target(struct db *, const int64_t *, struct target *);
int	person_target(struct db *, const int64_t *, struct target *);
int	group_target(struct db *, const int64_t *, struct target *);
int	membership_target(struct db *, const int64_t *, struct target *);

/* Lists, filtered to what the scope filter allows. */
/* One page of sites, by name. */
json_t	*site_list(struct db *, const struct scope_filter *,
	    const struct paging *);
json_t	*unit_list(struct db *, int64_t site_id);
/* One page of groups (of one site, or every site when site_id is 0), by
 * site and name. */
json_t	*group_list(struct db *, const struct scope_filter *, int64_t site_id,
	    const struct paging *);
/* One page of people by name and id (paging_limit rows, for
 * paging_finish keyed on display_name). */
json_t	*person_list(struct db *, const struct scope_filter *, const char *q,
	    int64_t site_id, int include_left, const struct paging *);
json_t	*membership_list(struct db *, int64_t group_id, int current);
json_t	*person_memberships(struct db *, int64_t person_id);

/* {value, label} options for selects. */
json_t	*site_options(struct db *, const struct scope_filter *);
json_t	*unit_options(struct db *, const struct scope_filter *);
json_t	*person_options(struct db *, int64_t site_id, int64_t not_in_group);
json_t	*group_list_options(struct db *, const struct scope_filter *);
/* The person holding a position (chair, secretary...) now: <0, 0, >0. */
int	group_officer(struct db *, int64_t group_id, const char *position,
	    int64_t *person);
/* The group's current members as {value: person id, label}. */
json_t	*group_member_options(struct db *, int64_t group_id);

int	site_load(struct db *, int64_t id, json_t **out);
int	unit_load(struct db *, int64_t id, json_t **out);
int	person_load(struct db *, int64_t id, json_t **out);
int	group_load(struct db *, int64_t id, json_t **out);
/* The group of the path's first id for a page about it, or NULL having
 * answered 404.  New reference. */
json_t	*group_for_page(struct request *, struct response *);
int	membership_load(struct db *, int64_t id, json_t **out);

int	site_save(struct db *, int64_t actor, int64_t id, json_t *v, int64_t *out);
int	unit_save(struct db *, int64_t actor, int64_t id, int64_t site_id,
	    json_t *v, int64_t *out);
int	person_save(struct db *, int64_t actor, int64_t id, json_t *v,
	    int64_t *out);
/* Does the group meet at the site?  1 or 0. */
int	group_at_site(struct db *, int64_t group_id, int64_t site_id);
/* Grants held by the person's accounts anywhere but their site. */
int64_t	person_grants_elsewhere(struct db *, int64_t id);
/* Hands what someone leaving still owns to another account: sql binds
 * (to_account, person_id); audited as "<what>.hand_on" with the count. */
int	person_hand_on(struct db *, const char *sql, int64_t actor,
	    int64_t person_id, int64_t to_account, const char *what);
/* Who may take over open follow-ups and actions at the site
 * (takeover_store.c says the rule): [{value, label}], leaving out the
 * person's accounts (person_id, 0 for none) and account_id (0 for none).
 * New reference, NULL on error. */
json_t	*takeover_options(struct db *, int64_t site_id, int64_t person_id,
	    int64_t account_id);
/* Open follow-ups and actions owned by a disabled account, in the
 * scope: [{kind, text, owner_name, due_on, href}] where href is the
 * form that hands it on.  New reference, NULL on error. */
json_t	*needing_new_owner(struct db *, const struct scope_filter *);
/* Ends open memberships, disables linked accounts. */
int	person_leave(struct db *, int64_t actor, int64_t id, json_t *v);
int	group_save(struct db *, int64_t actor, int64_t id, json_t *v,
	    int64_t *out);
int	membership_add(struct db *, int64_t actor, int64_t group_id,
	    json_t *v, int64_t *out);
int	membership_end(struct db *, int64_t actor, int64_t id, json_t *v);

/* A group's published documents.  document_kinds ends with {NULL}. */
extern const struct choice document_kinds[];
extern const struct field_spec document_fields[];
extern const size_t document_fields_count;
int	document_target(struct db *, const int64_t *, struct target *);
int	document_load(struct db *, int64_t id, json_t **out);
json_t	*document_list(struct db *, int64_t group_id);	/* newest first */
int	document_add(struct db *, int64_t actor, int64_t group_id, json_t *v,
	    int64_t *id);
int	document_save(struct db *, int64_t actor, int64_t id, json_t *v);

/* Handlers (route table). */
void	sites_index(struct request *, struct response *);
void	sites_new(struct request *, struct response *);
void	sites_show(struct request *, struct response *);
void	sites_edit(struct request *, struct response *);
void	units_new(struct request *, struct response *);
void	units_edit(struct request *, struct response *);
void	people_index(struct request *, struct response *);
void	people_new(struct request *, struct response *);
void	people_show(struct request *, struct response *);
/* Subject access (subject_access.h): the page, and its two downloads. */
void	subject_access_page(struct request *, struct response *);
/* Who has read a person's record (audited reads and exports). */
void	person_reads_page(struct request *, struct response *);
/* Adds to each read (rows with "action" and "detail" as audited) what it
 * opened: "what_msgid", a message the page words in its reader's
 * language ("Their release plan form"), and "what", its English, for
 * the JSON.  reads_words.c. */
void	reads_words_add(json_t *rows);
/* Adds to each audit row that is a read of a person's record (in the
 * staff's audit log, beside other actions) "detail_msgid": what it
 * opened, as reads_words_add words it.  Other rows are left as they
 * are.  reads_words.c. */
void	reads_words_detail(json_t *rows);
/* Erasure of a person who has left (erasure.h): GET form, POST erase. */
void	person_erase_page(struct request *, struct response *);
void	subject_access_json(struct request *, struct response *);
void	subject_access_pdf(struct request *, struct response *);
void	people_edit(struct request *, struct response *);
void	people_leave(struct request *, struct response *);
void	groups_index(struct request *, struct response *);
void	groups_new(struct request *, struct response *);
void	groups_show(struct request *, struct response *);
void	groups_edit(struct request *, struct response *);
void	members_new(struct request *, struct response *);
void	members_end(struct request *, struct response *);
void	documents_index(struct request *, struct response *);
void	documents_new(struct request *, struct response *);
void	documents_show(struct request *, struct response *);
void	documents_edit(struct request *, struct response *);

#endif
