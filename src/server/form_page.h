/*
 * The one flow every simple form follows: GET shows it (with initial
 * values), POST validates it against its field table, then either saves
 * and redirects (303) or shows it again with the user's input and the
 * errors (422).  All such forms share templates/form.html.
 */
#ifndef RT_FORM_PAGE_H
#define RT_FORM_PAGE_H

#include "fields.h"
#include "request.h"

/*
 * Saves checked values.  Returns enum db_result; on DB_OK *location is a
 * malloc'd path to redirect to.  On DB_CONSTRAINT (or a domain rule
 * failing), it adds {field, message} to errors and the form is shown again.
 */
typedef int	(*form_save)(struct request *, json_t *values, json_t *errors,
		    void *ctx, char **location);
/*
 * Rules across fields (this outcome needs that field), run on every POST
 * even when a field is already refused, so that one answer shows every
 * error at once; an error for a field already in error is dropped.
 */
typedef int	(*form_rules)(const json_t *values, json_t *errors);
/*
 * Whether the record's state lets the form be saved: NULL when it does,
 * else the msgid of the reason (the save would refuse the same: "Only a
 * draft can be changed.").  Asked on GET as on POST, so a reader is not
 * given a form to fill in that can only be refused: the page says why
 * instead (409).  The request says the day (a deferral runs out).
 */
typedef const char *(*form_ready)(const struct request *,
		    const json_t *record);

/* One file a form may take besides its fields (the route must be an
 * UPLOAD one): the form is sent as multipart/form-data and the handler
 * reads the part named name (form_get_file); the save function checks
 * it, and an error it adds for name is shown beside the box.  Strings
 * are literals. */
struct form_file {
	const char	*name;		/* "file" */
	const char	*label;
	const char	*hint;		/* or NULL */
	const char	*accept;	/* ".csv,text/csv", or NULL */
	int		 required;	/* 0: labelled "(optional)" */
};

struct form_page {
	const char		*title;		/* "Add a site" */
	const char		*caption;	/* the record's name above the
						   title (in the page's title
						   too), or NULL */
	int			 caption_date;	/* 1: the caption is a date,
						   which alone does not say
						   which record: the title
						   leaves naming it to
						   title_which */
	const char		*lede;		/* a sentence under the
						   heading, or NULL */
	const char		*notice;	/* a success banner, or NULL */
	const char		*notice_href;	/* a link in the banner, or NULL */
	const char		*submit;	/* button label */
	const char		*back;		/* cancel link */
	const struct field_spec	*fields;
	size_t			 nfields;
	const json_t		*options;	/* FIELD_ID choices, or NULL */
	const json_t		*initial;	/* values for GET, or NULL */
	form_save		 save;
	form_rules		 rules;		/* or NULL */
	void			*ctx;
	const struct form_file	*file;		/* or NULL */
	const char		*template;	/* NULL: "form"; another
						   that draws the same view */
	form_ready		 ready;		/* or NULL */
	const json_t		*record;	/* what ready judges: the
						   caller's (form_page_record
						   sets it to the record it
						   loaded) */
};

void	form_page_run(struct request *, struct response *,
	    const struct form_page *);
/*
 * Forms about one record (a proposal, an issue, a group): loads the
 * record by the path's first id (404 when there is none), links Cancel to
 * back_fmt with that id, captions the form with the record's caption_key,
 * and lets prepare fill in options and initial values.  prepare returns
 * a JSON value for the record's lifetime (or NULL), and may refuse by
 * answering rs itself and setting *refused.
 */
typedef json_t	*(*form_prepare)(struct request *, struct response *,
		    json_t *record, struct form_page *, int *refused);

struct form_record {
	int		(*load)(struct db *, int64_t id, json_t **out);
	const char	*back_fmt;	/* "/proposals/%lld" */
	const char	*caption_key;	/* "title" */
	form_prepare	 prepare;	/* or NULL */
};

void	form_page_record(struct request *, struct response *,
	    struct form_page *, const struct form_record *);
/* form_page_record for a record that is part of another (an arrival's
 * step, a survey's question): Cancel goes to back_fmt with the id the
 * record holds in back_key ("survey_id"). */
void	form_page_part(struct request *, struct response *,
	    struct form_page *, const struct form_record *,
	    const char *back_key);
/* A form_prepare for settings forms whose record is their values: shows
 * the loaded record as the form's initial values. */
json_t	*form_initial_record(struct request *, struct response *,
	    json_t *record, struct form_page *, int *refused);
/* A form_prepare for save functions that need the record: it becomes
 * the form's ctx (a const json_t *), alive while the form runs. */
json_t	*form_record_as_ctx(struct request *, struct response *,
	    json_t *record, struct form_page *, int *refused);

/* The answer to a POST that moves a record on (no form): 303 to fmt's
 * page of id on DB_OK, 409 with conflict on DB_CONSTRAINT (the record
 * was not in a state that allows it), 503 otherwise. */
void	response_after_move(struct response *, int rc, const char *conflict,
	    const char *fmt, int64_t id);

/* Points the form's options and initial values at kept's "options" and
 * "initial" members (either may be missing) and returns kept, which the
 * caller keeps alive while the form runs: what a prepare function
 * returns. */
json_t	*form_page_keep(struct form_page *, json_t *kept);

/* Shows the form with status, values and errors (any may be NULL). */
void	form_page_show(struct response *, int status, const struct form_page *,
	    const json_t *values, const json_t *errors);
/* Validates the POSTed form against fp's fields: 1 when valid; 0 when it
 * has answered (422 with the form and its errors, or 500).  values and
 * errors are set either way (or NULL); the caller frees both. */
int	form_page_validate(struct request *, struct response *,
	    const struct form_page *, json_t **values, json_t **errors);
/* Adds an error for field to an errors array (for save functions).
 * message is a msgid, shown in the reader's language. */
void	form_error(json_t *errors, const char *field, const char *message);
/* Points the summary's link of the last error added at href ("#q3-1"):
 * for a box whose id is not its field's name (a question's first
 * choice, a tick box inside its group). */
void	form_error_link(json_t *errors, const char *href);
/* form_error for a msgid with {name}s in it ("{label | t} must be {max}
 * characters or fewer"), filled from words (an object the error takes)
 * when the page is drawn, in the reader's language (errors.html and
 * fields.html show msgid with | words); the JSON's message is it filled
 * in English. */
void	form_error_words(json_t *errors, const char *field, const char *msgid,
	    json_t *words);
/* msgid, each {name} in it filled from values (may be NULL), in the
 * reader's language, malloc'd; NULL when it cannot be made.  For words
 * a page shows as they are (a form's caption). */
char	*request_words(const struct request *, const char *msgid,
	    const json_t *values);
/* Answers status with msgid (NULL: the request could not be read), each
 * {name} in it filled from words (may be NULL), in the reader's
 * language. */
void	response_error_words(const struct request *, struct response *,
	    int status, const char *msgid, const json_t *words);
/* Answers status with the first of errors, in the reader's language: for
 * a button's POST, which has no form to show it beside. */
void	response_form_error(struct request *, struct response *, int status,
	    const json_t *errors);

#endif

/* When rc is DB_CONSTRAINT, adds message for field.  Returns rc. */
int	form_constraint(int rc, json_t *errors, const char *field,
	    const char *message);
/* Page of view with template, or 500 when view is NULL (out of memory or
 * a failed query).  Takes the view. */
void	response_view(struct response *, const char *template, json_t *view);
/* {text} for the success banner after a password change, or null. */
json_t	*password_notice(const struct request *);
/* The location of an id'd page, malloc'd: fmt has one %lld. */
char	*location_of(const char *fmt, int64_t id);
