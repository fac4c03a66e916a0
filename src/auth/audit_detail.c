/*
 * Every audited action's detail, worded when shown (audit_detail.h).
 * Decision (issue 20): details are kept without words, where they are
 * written, and worded here; a count is read as the first number in the
 * detail, so "3 questions" kept before reads as "3" kept now.  Tested in
 * tests/http/test_audit_words.c and tests/http/test_audit_details.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_detail.h"
#include "auth_pages.h"
#include "roles.h"
#include "../elections/batch_differ.h"
#include "../elections/elections.h"
#include "../evidence/evidence.h"
#include "../limits.h"
#include "../membership/membership.h"
#include "../peer/peer.h"
#include "../people/people.h"
#include "../plans/plans.h"
#include "../privacy/retention.h"
#include "../proposals/proposals.h"
#include "../render/template.h"
#include "../server/fields.h"
#include "../util/buf.h"
#include "../util/catalogue.h"
#include "../util/date.h"
#include "../voice/voice.h"

/* The codes kept by a few actions that no form offers as a choice.  Each
 * lists the old English spelling beside the code kept now. */
static const struct choice account_ends[] = {
	{ "left", N_("Because they left") },
	{ NULL, NULL },
};
static const struct choice election_states[] = {
	{ "nominations", N_("Nominations open") },
	{ "voting", N_("Voting open") },
	{ "closed", N_("Voting closed") },
	{ "published", N_("Result published") },
	{ NULL, NULL },
};
static const struct choice vote_ways[] = {
	{ "online", N_("Voted online") },
	{ "paper", N_("Voted on paper") },
	{ "proxy", N_("Voted by proxy") },
	{ NULL, NULL },
};
static const struct choice proxy_rules[] = {
	{ "proxy", N_("Proxy votes allowed") },
	{ "no proxy", N_("No proxy votes") },
	{ "no_proxy", N_("No proxy votes") },
	{ NULL, NULL },
};
static const struct choice quorum[] = {
	{ "quorate", N_("The meeting was quorate") },
	{ "not quorate", N_("The meeting was not quorate") },
	{ "not_quorate", N_("The meeting was not quorate") },
	{ NULL, NULL },
};
static const struct choice issue_ends[] = {
	{ "its proposal is done", N_("Its proposal is done") },
	{ "proposal_done", N_("Its proposal is done") },
	{ NULL, NULL },
};
static const struct choice survey_ways[] = {
	{ "link", N_("Through a link") },
	{ "kiosk", N_("At a kiosk") },
	{ "interview", N_("In an interview") },
	{ "paper", N_("On paper") },
	{ NULL, NULL },
};
/* A file's kind, kept as its extension (filetype.c's kinds), named as
 * the upload forms name them. */
static const struct choice file_kinds[] = {
	{ "pdf", N_("A PDF") },
	{ "docx", N_("A Word document") },
	{ "odt", N_("An OpenDocument text") },
	{ "png", N_("A PNG picture") },
	{ "jpg", N_("A JPEG picture") },
	{ NULL, NULL },
};
static const struct choice paper_entries[] = {
	{ "waiting", N_("Waiting for the second entry") },
	{ "counted", N_("Counted") },
	{ "disagree", N_("The two entries disagree") },
	{ NULL, NULL },
};

enum detail_kind {
	DETAIL_NONE,	/* the sentence says it (audit_words.c) */
	DETAIL_TYPED,	/* what a user typed, or a reference */
	DETAIL_CHOICE,	/* a code among choices */
	DETAIL_NAMES,	/* a code among names, worded by labels */
	DETAIL_DATE,	/* an ISO date */
	DETAIL_MONTH,	/* an ISO month, "2026-11" */
	DETAIL_COUNT,	/* the first number, with one / many */
	DETAIL_NUMBER,	/* the first number, in said's {n} */
	DETAIL_READ,	/* read by fn */
};

typedef const char *(*detail_fn)(const char *detail,
    const struct catalogue *, char *out, size_t sz);

struct detail_rule {
	const char		*action;	/* ends in '.': any of them */
	enum detail_kind	 kind;
	const struct choice	*choices;
	const char *const	*names, *const *labels;
	size_t			 n;
	const char		*said, *said_many;
	detail_fn		 fn;
};

static const char *exchange_in(const char *, const struct catalogue *,
    char *, size_t);
static const char *exchange_out(const char *, const struct catalogue *,
    char *, size_t);
static const char *retention_said(const char *, const struct catalogue *,
    char *, size_t);
static const char *counts_said(const char *, const struct catalogue *,
    char *, size_t);
static const char *batch_said(const char *, const struct catalogue *,
    char *, size_t);

#define TYPED(a)	{ .action = a, .kind = DETAIL_TYPED }
#define NONE(a)		{ .action = a, .kind = DETAIL_NONE }
#define DATE(a)		{ .action = a, .kind = DETAIL_DATE }
#define CHOICE(a, c)	{ .action = a, .kind = DETAIL_CHOICE, .choices = c }
#define NAMES(a, code, label, max) { .action = a, .kind = DETAIL_NAMES, \
	.names = code, .labels = label, .n = max }
#define COUNT(a, forms)	{ .action = a, .kind = DETAIL_COUNT, .said = forms }
#define NUMBER(a, s)	{ .action = a, .kind = DETAIL_NUMBER, .said = s }
#define READ(a, f)	{ .action = a, .kind = DETAIL_READ, .fn = f }

static const struct detail_rule rules[] = {
	/* Accounts. */
	CHOICE("account.language", language_choices),
	CHOICE("account.text_size", text_sizes),
	CHOICE("account.reading", readings),
	NAMES("account.create", role_names, role_labels, ROLE__MAX),
	NAMES("grant.create", role_names, role_labels, ROLE__MAX),
	CHOICE("account.disable", account_ends),
	TYPED("token.create"),
	/* People. */
	TYPED("person.create"), TYPED("site.create"), TYPED("site.update"),
	TYPED("unit.create"), TYPED("unit.update"), TYPED("group.create"),
	TYPED("group.update"), TYPED("person.erase"), TYPED("membership.end"),
	CHOICE("membership.create", positions),
	CHOICE("membership.update", positions),
	CHOICE("person.leave", leaving_reasons),
	DATE("person.expected_leave"),
	COUNT("followup.hand_on", NP_("{n} follow-up", "{n} follow-ups")),
	COUNT("action.hand_on", NP_("{n} action", "{n} actions")),
	CHOICE("document.create", document_kinds),
	CHOICE("document.update", document_kinds),
	/* Plans. */
	CHOICE("plan.worker", worker_kinds), CHOICE("plan.card", plan_lives),
	CHOICE("wish.create", wish_abouts), CHOICE("wish.answer", wish_answers),
	DATE("release.plan"), CHOICE("referral.make", plan_needs),
	CHOICE("referral.progress", referral_stages),
	/* Voice. */
	DATE("followup.create"), TYPED("issue.create"),
	COUNT("issue.logs", NP_("{n} conversation linked",
	    "{n} conversations linked")),
	CHOICE("issue.decide", issue_statuses),
	CHOICE("issue.resolve", issue_ends),
	TYPED("service.create"), TYPED("service.update"),
	DATE("service.checked"), TYPED("arrival.create"),
	CHOICE("conversation.create", outcomes), TYPED("topic.create"),
	/* Membership. */
	NUMBER("expense.claim", N_("Amount: £{n}")),
	CHOICE("expense.decide", expense_states), DATE("expense.paid"),
	DATE("completion.create"), CHOICE("recruit.refer", referrers),
	DATE("recruit.left"),
	NAMES("recruit.", recruit_stage_names, recruit_stage_labels, RS__MAX),
	CHOICE("group.posts", positions), DATE("supervision.create"),
	/* Elections. */
	TYPED("seat.create"), TYPED("seat.swap"),
	READ("election.batch_mismatch", batch_said),
	CHOICE("election.create", election_positions),
	CHOICE("election.state", election_states),
	CHOICE("election.vote", vote_ways),
	CHOICE("group.election_rules", proxy_rules),
	/* Meetings. */
	DATE("meeting.create"), DATE("minutes.publish"), DATE("action.create"),
	CHOICE("paper.create", file_kinds), CHOICE("decision.create", quorum),
	/* Procurement: the sentence says the kind and the date. */
	NONE("panel.add"), NONE("panel.declare"), NONE("panel.removed"),
	NONE("lot.consensus_meeting"), CHOICE("bid.document", file_kinds),
	/* The exchange and the program's own work. */
	TYPED("exchange.pair"), READ("exchange.import", exchange_in),
	READ("exchange.export", exchange_out),
	READ("retention.run", retention_said),
	/* Peer support. */
	CHOICE("peer_request.create", peer_urgencies),
	CHOICE("peer_request.close", peer_outcomes),
	DATE("peer_debrief.done"), DATE("peer.step_back"),
	DATE("peer.step_return"),
	/* Proposals: each move keeps the state it moved to. */
	TYPED("proposal.create"), CHOICE("proposal.comment", visibilities),
	NAMES("proposal.", proposal_state_names, proposal_state_labels,
	    PS__MAX),
	/* Surveys. */
	TYPED("survey.create"), TYPED("survey.theme"),
	TYPED("event_vote.create"),
	COUNT("survey.version", NP_("After {n} response",
	    "After {n} responses")),
	COUNT("survey.questions", NP_("{n} question added",
	    "{n} questions added")),
	NUMBER("survey.question_remove", N_("Question {n}")),
	READ("event_vote.count", counts_said),
	CHOICE("survey.response", survey_ways),
	CHOICE("survey.paper_entry", paper_entries),
	/* Evidence. */
	TYPED("evidence.target"), TYPED("evidence.target_drop"),
	DATE("population.count"),
	{ .action = "activity.count", .kind = DETAIL_MONTH },
	{ .action = NULL },
};

static const struct detail_rule *
rule_for(const char *action)
{
	const struct detail_rule *r;
	size_t		 len;

	for (r = rules; action != NULL && r->action != NULL; r++) {
		len = strlen(r->action);
		if (r->action[len - 1] == '.' ? strncmp(r->action, action,
		    len) == 0 : strcmp(r->action, action) == 0)
			return r;
	}
	return NULL;
}

/* The numbers in s, in order, however they are spelt around: "12 3 40"
 * kept now and "parts to 12 from place 3: 40 changes" kept before read
 * the same.  Returns how many, at most max. */
static size_t
numbers_in(const char *s, long long *out, size_t max)
{
	size_t	 n = 0;
	char	*end;

	while (s != NULL && *s != '\0' && n < max) {
		if (isdigit((unsigned char)*s)) {
			out[n++] = strtoll(s, &end, 10);
			s = end;
			/* "18.75": a decimal is one number. */
			if (*s == '.' && isdigit((unsigned char)s[1]))
				s += 1 + strspn(s + 1, "0123456789");
		} else
			s++;
	}
	return n;
}

/* msg in the language of words with each {name} from ctx, into out. */
static const char *
fill(const char *msg, json_t *ctx, const struct catalogue *words,
    char *out, size_t sz)
{
	struct buf	 b;

	buf_init(&b, sz);
	out[0] = '\0';
	if (template_words(msg, ctx, words, &b) == 0)
		snprintf(out, sz, "%s", b.data != NULL ? b.data : "");
	buf_release(&b);
	return out;
}

static const char *
exchange_in(const char *detail, const struct catalogue *words, char *out,
    size_t sz)
{
	long long	 v[4] = { 0 };
	json_t		*ctx;

	if (numbers_in(detail, v, 4) < 4)
		return NULL;
	ctx = json_pack("{s:I, s:I, s:I, s:I}", "seq", v[0], "place", v[1],
	    "changes", v[2], "conflicts", v[3]);
	fill(N_("Parts up to number {seq} from place {place}. Changes: "
	    "{changes}. Conflicts: {conflicts}."), ctx, words, out, sz);
	json_decref(ctx);
	return out;
}

static const char *
exchange_out(const char *detail, const struct catalogue *words, char *out,
    size_t sz)
{
	long long	 v[3] = { 0 };
	json_t		*ctx;

	if (numbers_in(detail, v, 3) < 3)
		return NULL;
	ctx = json_pack("{s:I, s:I, s:I}", "seq", v[0], "place", v[1],
	    "changes", v[2]);
	fill(N_("Part number {seq} for place {place}. Changes: {changes}."),
	    ctx, words, out, sz);
	json_decref(ctx);
	return out;
}

/* "logs 3, follow-ups 1": each kind's name (privacy/retention.c, a code)
 * and how many of it went. */
static const char *
retention_said(const char *detail, const struct catalogue *words, char *out,
    size_t sz)
{
	static const struct { const char *one, *many; } forms[RETAIN__MAX] = {
		[RETAIN_LOGS] = { NP_("{n} conversation log",
		    "{n} conversation logs") },
		[RETAIN_FOLLOWUPS] = { NP_("{n} follow-up", "{n} follow-ups") },
		[RETAIN_SUPERVISION] = { NP_("{n} supervision note",
		    "{n} supervision notes") },
		[RETAIN_EXPENSES] = { NP_("{n} expense claim",
		    "{n} expense claims") },
		[RETAIN_SURVEY_TEXT] = { NP_("{n} survey answer in words",
		    "{n} survey answers in words") },
		[RETAIN_PAPER_ENTRIES] = { NP_("{n} paper survey entry",
		    "{n} paper survey entries") },
	};
	const char	*at, *num;
	char		 part[128];
	size_t		 len = 0, i, name;
	long long	 n;

	out[0] = '\0';
	for (i = 0; i < RETAIN__MAX; i++) {
		name = strlen(retention_kind_names[i]);
		for (at = detail; (at = strstr(at, retention_kind_names[i])) !=
		    NULL; at += name)
			/* The whole name: not "logs" inside another. */
			if ((at == detail || (at - detail >= 2 &&
			    at[-1] == ' ' && at[-2] == ',')) &&
			    at[name] == ' ' &&
			    isdigit((unsigned char)at[name + 1]))
				break;
		if (at == NULL)
			continue;
		num = at + name + 1;
		n = strtoll(num, NULL, 10);
		catalogue_fill_n(catalogue_nget(words, forms[i].one,
		    forms[i].many, (unsigned long)n), n, part, sizeof(part));
		len += (size_t)snprintf(out + len, len < sz ? sz - len : 0,
		    "%s%s", len ? "; " : "", part);
		if (len >= sz)
			break;
	}
	return out[0] != '\0' ? out : NULL;
}

/* An event's vote counted, choice by choice: "31 58 17". */
static const char *
counts_said(const char *detail, const struct catalogue *words, char *out,
    size_t sz)
{
	long long	 v[AUDIT_DETAIL_NUMBERS];
	char		 list[AUDIT_DETAIL_NUMBERS * 24];
	size_t		 n, i, len = 0;
	json_t		*ctx;

	if ((n = numbers_in(detail, v, AUDIT_DETAIL_NUMBERS)) == 0)
		return NULL;
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len,
		    "%s%lld", i ? ", " : "", v[i]);
	ctx = json_pack("{s:s}", "counts", list);
	fill(N_("Votes for each choice, in order: {counts}"), ctx, words, out,
	    sz);
	json_decref(ctx);
	return out;
}

static const char *
batch_said(const char *detail, const struct catalogue *words, char *out,
    size_t sz)
{
	return batch_differ_words(detail, words, 0, out, sz);
}

/* The label of code among choices, or NULL. */
static const char *
choice_of(const struct choice *c, const char *code)
{
	for (; c->value != NULL; c++)
		if (strcmp(c->value, code) == 0)
			return c->label;
	return NULL;
}

/* What detail says under rule r, in words's language, or NULL when it
 * cannot be read. */
static const char *
detail_said(const struct detail_rule *r, const char *detail, json_t *row,
    const struct catalogue *words, char *out, size_t sz)
{
	const char	*said = NULL;
	long long	 n;
	size_t		 i;

	switch (r->kind) {
	case DETAIL_CHOICE:
		said = choice_of(r->choices, detail);
		return said != NULL ? catalogue_get(words, said) : NULL;
	case DETAIL_NAMES:
		for (i = 0; i < r->n; i++)
			if (strcmp(r->names[i], detail) == 0)
				return catalogue_get(words, r->labels[i]);
		return NULL;
	case DETAIL_DATE:
		date_words(detail, out, words);
		return out[0] != '\0' ? out : NULL;
	case DETAIL_MONTH:
		if (strlen(detail) != 7)
			return NULL;
		evidence_month_words(detail, words, out, sz);
		return strcmp(out, detail) != 0 ? out : NULL;
	case DETAIL_COUNT:
	case DETAIL_NUMBER:
		if (numbers_in(detail, &n, 1) == 0)
			return NULL;
		if (r->kind == DETAIL_NUMBER) {
			/* A sum keeps its pence: "£18.75". */
			json_object_set_new(row, "n", json_string(detail +
			    strcspn(detail, "0123456789")));
			fill(r->said, row, words, out, sz);
			json_object_del(row, "n");
			return out;
		}
		return catalogue_fill_n(catalogue_nget(words, r->said,
		    r->said_many, (unsigned long)n), n, out, sz);
	case DETAIL_READ:
		return r->fn(detail, words, out, sz);
	default:
		return NULL;
	}
}

void
audit_detail_add(json_t *rows, const struct catalogue *words)
{
	const struct detail_rule *r;
	json_t		*row;
	const char	*detail, *said;
	char		 out[AUDIT_DETAIL_WORDS];
	size_t		 i;

	json_array_foreach(rows, i, row) {
		detail = json_string_value(json_object_get(row, "detail"));
		if (detail == NULL || *detail == '\0' ||
		    json_object_get(row, "detail_msgid") != NULL)
			continue;
		r = rule_for(json_string_value(json_object_get(row,
		    "action")));
		if (r != NULL && r->kind == DETAIL_NONE)
			continue;
		if (r != NULL && r->kind == DETAIL_TYPED) {
			json_object_set_new(row, "detail_said", json_string(
			    detail));
			json_object_set_new(row, "detail_typed", json_true());
			continue;
		}
		out[0] = '\0';
		said = r != NULL ? detail_said(r, detail, row, words, out,
		    sizeof(out)) : NULL;
		if (said != NULL && *said != '\0') {
			json_object_set_new(row, "detail_said", json_string(
			    said));
			continue;
		}
		/* Kept in a form this table cannot read: shown as kept,
		 * said to be so. */
		json_object_set_new(row, "detail_recorded", json_true());
		json_object_set_new(row, "detail_said", json_string(fill(
		    N_("As recorded: {detail}"), row, words, out,
		    sizeof(out))));
	}
}
