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
/* Peer support (src/peer/). */
#define PEER_ABOUT_MAX_CHARS	60	/* "in a word" what a request is about */
#define PEER_WEEK_DAYS		7	/* the rota shows a week ahead */
#define PEER_DAY_HOURS_MAX	25	/* a local day has 23, 24 or 25 hours */
#define PEER_SHIFT_REPEAT_MAX	28	/* days one shift form may repeat on */
#define PEER_SHIFTS_PER_UNIT_WEEK_MAX	400	/* duties read for one unit's week */
#define PEER_VISIBLE_DAYS	7	/* a supporter sees requests on units
					   rostered to them this near */
#define PEER_MEASURE_WEEKS	4	/* the measures' default period */
#define PEER_FACTS_MAX		20000	/* requests one measures page reads */

/* Voice. */
#define BATCH_ROWS		6	/* paper sheets typed in at once */
#define FOLLOWUP_DAYS		14	/* default time to do a follow-up */
#define TREND_DAYS		30	/* periods compared for an issue's trend */
#define UNGROUPED_LOGS_MAX	200	/* logs offered when making an issue */
#define VOTES_MAX		100000	/* votes recorded for one decision */

/* Proposals. */
#define RESPONSE_DAYS_DEFAULT	28	/* a decision maker's deadline */
#define ESCALATION_PERIOD_DAYS	7	/* each week overdue raises the level */
#define PROPOSAL_OPTIONS_MAX	10	/* solution options in one proposal */
#define POSTER_ITEMS_MAX	12	/* "you said, we did" items on a poster */
#define LARGE_PRINT_MIN_PT	16	/* no text smaller in a large-print PDF */
#define HOME_ITEMS_MAX		5	/* of each kind on a member's home page */
#define HOME_ANSWERS_DAYS	60	/* answers "received lately" */

/* Meetings. */
#define CONSTITUTION_MAX_CHARS	20000	/* a group's terms of reference */
#define DOCUMENT_MAX_CHARS	20000	/* a published charter or paper */
#define MINUTES_MAX_CHARS	20000	/* minutes of one agenda item */
#define AGENDA_ITEMS_MAX	60	/* items on one agenda */
#define MINUTES_PUBLISHED_DAYS	14	/* "published promptly" in the measures */

/* Procurement panels. */
#define SCORE_SCALE_MAX		10	/* the highest top of a scoring scale */
#define WIDE_SPREAD		2	/* scores this far apart are highlighted */
#define LOT_QUESTIONS_MAX	50	/* questions in one lot */
#define LOT_BIDS_MAX		40	/* bids in one lot */
#define JUSTIFICATION_MAX_CHARS	4000	/* a score's justification, a rationale */

/* Papers drawn into a group's archive (untrusted uploads, so bounded). */
#define ARCHIVE_PAPER_PAGES_MAX	40	/* pages of one paper; the rest cut */
#define ARCHIVE_PAGES_MAX	400	/* pages of papers in one archive */
#define ARCHIVE_PAPER_BYTES_MAX	(64 * 1024 * 1024)	/* papers' bytes in one archive */
#define ARCHIVE_DRAW_SECONDS	20	/* drawing papers; checked between pages */
#define ARCHIVE_FULL_PERCENT	75	/* of page_max: draw no more papers */
#define ARCHIVE_DRAW_MEMORY	(1024UL * 1024 * 1024)	/* address space the
					   archive's drawing child may add */
#define ARCHIVE_PAPER_GROWTH	2	/* a drawn paper's bytes, at most this
					   times its own (measured 1.0-1.4) */
#define IMAGE_PIXELS_MAX	25000000	/* an image paper's width x height */
#define IMAGE_DRAW_PIXELS	(4 * 1024 * 1024)	/* JPEGs decoded down to */
#define IMAGE_DECODE_MEMORY_MAX	(64L * 1024 * 1024)	/* libjpeg's working memory */
/* Elections and seats. */
#define ELECTION_SEATS_MAX	20	/* places filled by one election */
#define ELECTION_CANDIDATES_MAX	40	/* names on one ballot paper */
#define STATEMENT_MAX_CHARS	1500	/* a candidate's statement */
#define BATCH_LABEL_MAX_CHARS	40	/* "Box 1", "Batch 3" */
#define BATCH_PAPERS_MAX	300	/* paper ballots typed in one batch */
/* Every name numbered on every paper ("12 "): 36,000, under the default
 * field_max of 64 KiB. */
#define BATCH_TEXT_MAX_CHARS	(BATCH_PAPERS_MAX * 3 * ELECTION_CANDIDATES_MAX)
#define BALLOT_PAPERS_PRINTED	4	/* ballot papers on one printed sheet */
#define ELECTION_NOMINATION_DAYS 14	/* default nomination window */
#define ELECTION_VOTING_DAYS	7	/* default voting window */
#define ELECTION_TERM_MONTHS	12	/* default term of office */
#define ELECTION_TERM_MONTHS_MAX 60	/* longest term of office */
#define BATCH_DIFFERED_LISTED	20	/* paper numbers named in a mismatch */
#define BATCH_DIFFERED_WORDS	512	/* bytes of a mismatch worded */
#define BALLOT_FIELD_CHARS	40	/* "pref_" and a candidate id */
#define SEAT_MEMBERS_MAX	30	/* members a seat rotates among */
#define SEAT_SCHEDULE_TURNS	12	/* turns shown ahead */
#define SEAT_HISTORY_TURNS	12	/* past turns shown */
#define SEAT_SWAPS_SHOWN	24	/* latest swaps listed on a seat's page */
#define SEAT_PERIOD_DAYS_MAX	366	/* longest turn of a seat per period */
/* Membership lifecycle (recruitment, training, supervision, expenses). */
#define LEAVING_SOON_DAYS	56	/* "due to leave soon": within 8 weeks */
#define POST_PLACES_MAX		500	/* places wanted for one position */
#define EXPENSE_PENCE_MAX	100000	/* one claim: up to 1,000 pounds */
#define EXPENSE_MEETING_DAYS	92	/* meetings offered on a claim: this far back */
#define EXPENSE_DESC_MAX_CHARS	500	/* what an expense was for */
#define SUPERVISION_NOTES_MAX_CHARS 4000 /* notes of one supervision */
#define SUBJECT_ACCESS_REASON_MAX_CHARS 200 /* why a record was exported: the
					   request reference, for the audit */
#define BACKUP_FINGERPRINT_MAX	(1 << 20) /* a backup's fingerprint: a line a table */
#define COPY_BATCH_ROWS		1000	/* rows a statement, roundtable copy */
#define BACKUP_KEEP_MAX		1000	/* scheduled backups kept */
#define RETENTION_DAYS_MAX	36600	/* a retention period: at most a century */
#define RETENTION_TICK_S	3600	/* the in-server timer looks this often */
#define PERSON_REFERENCE_MAX_CHARS 16 /* a person's reference, typed to confirm */
#define ACCREDITATION_MAX_CHARS	200	/* awarding body and level */
/* Surveys and consultations. */
#define SURVEY_QUESTIONS_MAX	80	/* questions in one version of a survey */
#define SURVEY_CHOICES_MAX	12	/* options of one choice question */
#define SURVEY_CHOICE_MAX_CHARS	120	/* one option's text */
#define SURVEY_PROMPT_MAX_CHARS	500	/* a question as asked */
#define SURVEY_ANSWER_MAX_CHARS	2000	/* a free-text answer */
/* The bytes of a list's answers worded in a reader's language (UTF-8, a
 * translation up to twice the English), in an export's cell. */
#define SURVEY_ANSWER_WORDS_MAX	(SURVEY_CHOICES_MAX * \
	(SURVEY_CHOICE_MAX_CHARS * 8 + 2) + 1)
#define SURVEY_SCALE_MAX	10	/* the top of a rating scale (from 1) */
#define SURVEY_NUMBER_MAX	1000000	/* a number answer, 0 up to this */
#define SURVEY_COPIES_MAX	300	/* paper copies printed at once */
#define SURVEY_COPY_NUMBER_MAX	999999	/* the highest copy number */
#define SURVEY_THEMES_MAX	40	/* themes coded in one survey */
/* Answers coded into a theme in one post: below the default [limits]
 * fields_max (200) with room for the token, theme and tick. */
#define SURVEY_CODE_BATCH_MAX	150
#define SURVEY_CHART_BARS_MAX	SURVEY_CHOICES_MAX	/* bars in one chart */
#define UCLA3_LONELY_FROM	6	/* UCLA 3-item total counted as lonely */
#define EVENT_VOTE_OPTIONS_MAX	8	/* options in an event vote */

/* Personal plans (src/plans/). */
#define PLAN_CARD_MAX_CHARS	500	/* one blue or orange life card */
#define PLAN_CARDS_MAX		60	/* cards in one plan */
#define PLAN_STEPS_MAX		60	/* steps in one plan */
#define WISHES_MAX		200	/* wishes shown on one plan */
#define WISH_RESPONSE_DAYS	28	/* a responder's deadline, as proposals' */
#define REFERRAL_ACK_LEAD_DAYS	14	/* an unacknowledged referral escalates
					   this long before the release date */
#define REFERRAL_STEPS_MAX	20	/* checklist steps of one procedure */

/* Lists.  Every list shows one page of rows (config list_page_size, at
 * most LIST_ROWS_MAX) and a cursor to the next (server/paging.h), so no
 * page grows with the data.  tests/http/test_lists.c walks every GET
 * route over a large generated database and holds each response to
 * PAGE_BYTES_MAX (documents: DOCUMENT_BYTES_MAX). */
#define AUDIT_PAGE_ROWS		100	/* audit entries per page */
#define LIST_ROWS_MAX		100	/* rows in one page of any list */
#define PAGE_BYTES_MAX		(512 * 1024)	/* an HTML page or JSON view */
#define DOCUMENT_BYTES_MAX	(8 * 1024 * 1024)	/* a PDF, CSV or XLSX */
#define EXPORT_ROWS_MAX		10000	/* rows in one CSV/XLSX export */
#define FORM_CHOICES_MAX	1000	/* options of one form's select: a
					   site's people or places */
#define FORM_ERROR_CHARS_MAX	1024	/* one error message, filled */
#define PAGING_CURSOR_CHARS	(NAME_MAX_CHARS * 4 + 24)	/* a "next" cursor:
					   an id and a name-long key */

/* Generated secrets, in characters. */
#define ADMIN_PASSWORD_CHARS	16	/* the one-time admin password */
#define USER_PASSWORD_CHARS	14	/* `user add` without a password */
#define DEMO_PASSWORD_CHARS	12	/* the demo accounts' password */
#define DEMO_PAPER_MAX		(1024 * 1024)	/* bytes of a demo meeting paper */

/* The HTTP layer. */
#define ROUTE_IDS_MAX		4	/* {id}s in one path */
#define READ_PATH_MAX		512	/* a read's stored path worded by its route;
					   longer is "one of their pages" */
#define DOWNLOAD_NAME_MAX	80	/* bytes of a download's worded name,
					   before its extension */
#define RESPONSE_COOKIES_MAX	6	/* Set-Cookie headers in a response */
#define POST_BUFFER_SIZE	8192	/* libmicrohttpd's post processor buffer */
/* Opening an uploaded PDF or picture to check it, in a child process. */
#define UPLOAD_CHECK_SECONDS	10
#define LOG_LINE_MAX		2048	/* bytes in one log line (util/log.c) */
#define CHILD_READ_CHUNK	16384	/* bytes read from a confined child at once */
#define UPLOAD_CHECK_MEMORY	(512UL * 1024 * 1024)	/* bytes of address space
							   beyond the server's */
/* Behind TLS: browsers keep to HTTPS for a year (no includeSubDomains:
 * the other names under the domain are not ours to commit). */
#define HSTS_HEADER		"max-age=31536000"
#define STOP_GRACE_S		10	/* wait for requests in flight at stop */
#define DB_WORKERS_MAX		256	/* database connections (one a thread) */
#define GROUP_COMMIT_MAX	64	/* requests in one group commit */
#define SCAN_WARN_ROWS		200000	/* a statement walking more rows of a
					   table or an index is logged (the
					   environment's RT_SCAN_WARN_ROWS
					   overrides; 0: off) */
#define ID_ORIGIN_SHIFT		40	/* ids of the exchanged tables: a
					   place's range starts at origin << 40
					   (2^40 rows a table a place; origins
					   below 8192 keep ids under 2^53) */
#define ORIGIN_MAX		8191
#define EXCHANGE_BUNDLE_MAX	(256L * 1024 * 1024)	/* bytes in one bundle */
#define EXCHANGE_SITES_MAX	64	/* sites one pairing shares */
#define EXCHANGE_CHECK_MAX	(64 * 1024)	/* bytes of exchange check's lines */
#define EXCHANGE_COLUMNS_MAX	64	/* columns of one exchanged table */
#define EXCHANGE_CONFLICTS_PAGE	100	/* open conflicts on one page */
#define EXCHANGE_PARTS_MAX	4096	/* unacknowledged parts in one bundle */
#define SCAN_STEPS_PER_ROW	10	/* SQLite's steps taken as one row read:
					   a page of 50 rows with its joins
					   takes under 2,000 */
/* The statement cache starts with this many slots and doubles when half
 * full: it holds one statement per SQL literal in the program (about 450),
 * so it never refuses one (see db_prepare in db.c). */
#define DB_CACHE_SLOTS_FIRST	256
/* PostgreSQL backend: the longest SQL text rewritten for it (the largest
 * statement in the program is a few KiB) and the most parameters one
 * statement binds (PostgreSQL's own ceiling is 65535). */
#define DB_SQL_TEXT_MAX		(1024 * 1024)
#define DB_PARAMS_MAX		1024

/* Reference lists (sites, places, topics, services, staff) kept per server
 * process, one per query and scope (src/db/shared_rows.c): enough for every
 * list of every site's staff at a hundred sites; a collision only costs a
 * rebuild. */
#define SHARED_ROWS_SLOTS	1024

/* Static files, loaded into memory at start-up. */
#define STATIC_FILE_MAX		(8 * 1024 * 1024)
#define STATIC_FILES_MAX	512
#define STATIC_DEPTH_MAX	6

/* Templates. */
#define TEMPLATE_DEPTH_MAX	32	/* nested sections in one template */
#define TEMPLATE_STACK_MAX	64	/* contexts while rendering */
#define TEMPLATE_PARTIAL_MAX	8	/* partials within partials */
#define TEMPLATE_NAME_MAX	128	/* characters in a tag's name */
#define TEMPLATE_MAY_PATH_MAX	512	/* a {{#may}} route with its ids */
#define TEMPLATE_WORDS_MAX	1024	/* a {{_ words}} message, in bytes */
#define HEADER_LANGUAGES	16	/* Accept-Language items weighed; a
					   browser sends two or three */
#define LANG_HREF_MAX		512	/* a page's link in another language;
					   a longer path links the home page */
#define TEXT_LANGUAGE_WORD_BYTES	32	/* a longer word says nothing of
					   its language (util/text_language.c) */
#define TEXT_LANGUAGE_WORDS_READ	40	/* the words of a text that decide
					   its language: a long log is not read
					   to its end on every page it is on */
#define TEXT_LANGUAGE_FORMATTED_BYTES	(TEXT_LANGUAGE_WORDS_READ * \
		(TEXT_LANGUAGE_WORD_BYTES + 1))	/* the text of formatted text
					   (a *_html value) read for its
					   language: those words, each as long
					   as a word that says anything */

/* A catalogue's Plural-Forms rule (util/plural_rule.c): how deep its
 * brackets and ?: may nest, and the counts every form is checked for when
 * a catalogue is loaded (each must name a form the catalogue has). */
#define PLURAL_RULE_DEPTH	24
#define PLURAL_RULE_CHECKED	1000
#define CATALOGUE_CONTEXT_KEY_MAX	128	/* a msgctxt and its msgid ("after a
					   preposition", "Wednesday") */
#define PLURAL_FORMS_MAX	16	/* nplurals: Welsh has 7, Arabic 6 */

/* Small-number suppression (util/suppression.c): steps of the search for
 * another table that agrees with a page, per page and pass; a page that
 * needs more is treated as giving a count away, so more is hidden. */
#define SUPPRESS_SEARCH_MAX	200000

/* Evidence (src/evidence/): the dashboards and the annual report. */
#define EVIDENCE_MONTHS		12	/* a dashboard's trend: the last 12 months */
#define EVIDENCE_MONTHS_MAX	24	/* a report's period, in months */
#define EVIDENCE_WATCH_POINTS	10	/* this close short of a target: "watch" */
#define EVIDENCE_GAP_POINTS	5	/* a representation gap worth a sentence */
#define EVIDENCE_RECORD_MONTHS	12	/* a monitoring record or strategy
					   review older than this is out of date */
#define EXPENSE_PAID_DAYS	30	/* expenses "paid on time": within this */
#define POPULATION_ROWS_MAX	200	/* categories in one population count */
#define POPULATION_CSV_MAX	(POPULATION_ROWS_MAX * 120)	/* bytes of its lines, typed or a file */
#define OBJECTIVES_MAX		50	/* objectives shown for one strategy */

/* The command line. */
#define CLI_ARGS_MAX		8	/* positional arguments */

/* Encrypted backups (db/backup_file.h). */
#define BACKUP_CHUNK		(64 * 1024)	/* image bytes in one sealed chunk */
#define BACKUP_MEMORY_MAX	((size_t)4 << 30)	/* an encrypted backup's image is
					   made and checked in memory */

/* The audit log's details worded (auth/audit_detail.c). */
#define AUDIT_DETAIL_WORDS	1024	/* bytes of one detail worded */
#define AUDIT_DETAIL_NUMBERS	32	/* numbers read from one detail */

#endif
