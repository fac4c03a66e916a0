/*
 * Every fixed limit in Roundtable, in one place.  Limits an operator may
 * want to change (body sizes, connections, timeouts, throttling, page
 * size...) are settings instead: see struct config in config.h.  These
 * are the ones that are part of the data model or the code's shape.
 */
#ifndef RT_LIMITS_H
#define RT_LIMITS_H

/* Text people type, in characters (not bytes). */
#define NAME_MAX_CHARS		120	/* names of sites, units, people, groups */
#define TEXT_MAX_CHARS		2000	/* descriptions, purposes, restrictions */
#define SEARCH_MAX_CHARS	100	/* a search box */
#define USERNAME_MAX_CHARS	64
#define PASSWORD_MAX_CHARS	256
#define TOKEN_NAME_MAX_CHARS	80

#define RAISED_MAX_CHARS	2000	/* what was raised in one conversation */
#define NOTE_MAX_CHARS		1000	/* closing notes, step notes, reasons */
#define ARRIVAL_STEPS_MAX	20	/* steps in a new-arrival plan */

/* Voice. */
#define BATCH_ROWS		6	/* paper sheets typed in at once */
#define FOLLOWUP_DAYS		14	/* default time to do a follow-up */
#define TREND_DAYS		30	/* periods compared for an issue's trend */
#define UNGROUPED_LOGS_MAX	200	/* logs offered when making an issue */
#define LOG_COUNT_CAP		1000	/* lists say "more than" past this */
#define VOTES_MAX		100000	/* votes recorded for one decision */

/* Proposals. */
#define RESPONSE_DAYS_DEFAULT	28	/* a decision maker's deadline */
#define ESCALATION_PERIOD_DAYS	7	/* each week overdue raises the level */
#define PROPOSAL_OPTIONS_MAX	10	/* solution options in one proposal */
#define POSTER_ITEMS_MAX	12	/* "you said, we did" items on a poster */

/* Meetings. */
#define CONSTITUTION_MAX_CHARS	20000	/* a group's terms of reference */
#define MINUTES_MAX_CHARS	20000	/* minutes of one agenda item */
#define AGENDA_ITEMS_MAX	60	/* items on one agenda */
#define MINUTES_PUBLISHED_DAYS	14	/* "published promptly" in the measures */

/* Procurement panels. */
#define SCORE_SCALE_MAX		10	/* the highest top of a scoring scale */
#define WIDE_SPREAD		2	/* scores this far apart are highlighted */
#define LOT_QUESTIONS_MAX	50	/* questions in one lot */
#define LOT_BIDS_MAX		40	/* bids in one lot */
#define JUSTIFICATION_MAX_CHARS	4000	/* a score's justification, a rationale */

/* Surveys and consultations. */
#define SURVEY_QUESTIONS_MAX	80	/* questions in one version of a survey */
#define SURVEY_CHOICES_MAX	12	/* options of one choice question */
#define SURVEY_CHOICE_MAX_CHARS	120	/* one option's text */
#define SURVEY_PROMPT_MAX_CHARS	500	/* a question as asked */
#define SURVEY_ANSWER_MAX_CHARS	2000	/* a free-text answer */
#define SURVEY_SCALE_MAX	10	/* the top of a rating scale (from 1) */
#define SURVEY_NUMBER_MAX	1000000	/* a number answer, 0 up to this */
#define SURVEY_COPIES_MAX	300	/* paper copies printed at once */
#define SURVEY_COPY_NUMBER_MAX	999999	/* the highest copy number */
#define SURVEY_THEMES_MAX	40	/* themes coded in one survey */
#define SURVEY_CHART_BARS_MAX	SURVEY_CHOICES_MAX	/* bars in one chart */
#define UCLA3_LONELY_FROM	6	/* UCLA 3-item total counted as lonely */
#define EVENT_VOTE_OPTIONS_MAX	8	/* options in an event vote */

/* Lists. */
#define AUDIT_PAGE_ROWS		100	/* audit entries per page */

/* Generated secrets, in characters. */
#define ADMIN_PASSWORD_CHARS	16	/* the one-time admin password */
#define USER_PASSWORD_CHARS	14	/* `user add` without a password */
#define DEMO_PASSWORD_CHARS	12	/* the demo accounts' password */

/* The HTTP layer. */
#define ROUTE_IDS_MAX		4	/* {id}s in one path */
#define RESPONSE_COOKIES_MAX	4	/* Set-Cookie headers in a response */
#define POST_BUFFER_SIZE	8192	/* libmicrohttpd's post processor buffer */
#define STOP_GRACE_S		10	/* wait for requests in flight at stop */
#define DB_WORKERS_MAX		256	/* database connections (one a thread) */
#define DB_CACHE_SLOTS		256	/* prepared statements per connection */

/* Static files, loaded into memory at start-up. */
#define STATIC_FILE_MAX		(8 * 1024 * 1024)
#define STATIC_FILES_MAX	512
#define STATIC_DEPTH_MAX	6

/* Templates. */
#define TEMPLATE_DEPTH_MAX	32	/* nested sections in one template */
#define TEMPLATE_STACK_MAX	64	/* contexts while rendering */
#define TEMPLATE_PARTIAL_MAX	8	/* partials within partials */
#define TEMPLATE_NAME_MAX	128	/* characters in a tag's name */

/* The command line. */
#define CLI_ARGS_MAX		8	/* positional arguments */

#endif
