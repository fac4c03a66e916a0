/*
 * Every audited action's sentence.  Decision (issue 20): the chain keeps
 * the action's name as written (the hash covers it, so it never
 * changes), and a page words it when shown, in its reader's language, a
 * whole sentence with the person in it ({who}) so a language that puts
 * the verb first (Welsh: "Sefydlodd {who} y lot") can.  An action that is
 * not here reads as its name, which administrators can still look up.
 * Tested in tests/http/test_audit_words.c and tests/unit/test_procurement.c.
 */
#include <string.h>

#include "audit_words.h"
#include "../limits.h"
#include "../render/template.h"
#include "../util/catalogue.h"

static const struct audit_sentence {
	const char	*action;
	const char	*detail;	/* NULL: any */
	const char	*said;
} audit_sentences[] = {
	/* Accounts and sign-in. */
	{ "session.start", NULL, N_("{who} signed in") },
	{ "session.end", NULL, N_("{who} signed out") },
	{ "session.end_all", NULL, N_("{who} signed out everywhere") },
	{ "account.create", NULL, N_("{who} made an account") },
	{ "account.disable", NULL, N_("{who} closed an account") },
	{ "account.password", NULL, N_("{who} changed a password") },
	{ "account.language", NULL, N_("{who} chose a language") },
	{ "account.text_size", NULL, N_("{who} chose a text size") },
	{ "account.reading", NULL, N_("{who} chose how to read pages") },
	{ "token.create", NULL, N_("{who} made an API token") },
	{ "token.revoke", NULL, N_("{who} withdrew an API token") },
	{ "grant.create", NULL, N_("{who} gave someone a role") },
	/* People and their records. */
	{ "person.read", NULL, N_("{who} opened a person's record") },
	{ "plan.read", NULL, N_("{who} read a person's plan") },
	{ "person.export", NULL, N_("{who} exported everything held about "
	    "a person") },
	{ "person.erase", NULL, N_("{who} erased a person's identity") },
	{ "person.leave", NULL, N_("{who} recorded that a person left") },
	{ "person.expected_leave", NULL, N_("{who} recorded when a person "
	    "expects to leave") },
	{ "person.create", NULL, N_("{who} added a person") },
	{ "person.update", NULL, N_("{who} changed a person's details") },
	{ "site.create", NULL, N_("{who} added a site") },
	{ "site.update", NULL, N_("{who} changed a site") },
	{ "unit.create", NULL, N_("{who} added a wing or place") },
	{ "unit.update", NULL, N_("{who} changed a wing or place") },
	{ "group.create", NULL, N_("{who} set up a group") },
	{ "group.update", NULL, N_("{who} changed a group") },
	{ "group.rules", NULL, N_("{who} changed a group's rules") },
	{ "membership.create", NULL, N_("{who} gave someone a role in a "
	    "group") },
	{ "membership.update", NULL, N_("{who} changed someone's role in a "
	    "group") },
	{ "membership.end", NULL, N_("{who} ended someone's role in a "
	    "group") },
	/* Proposals, decisions and actions. */
	{ "proposal.create", NULL, N_("{who} wrote a proposal") },
	{ "proposal.update", NULL, N_("{who} changed a proposal") },
	{ "proposal.comment", NULL, N_("{who} commented on a proposal") },
	{ "proposal.agree", NULL, N_("{who} recorded that the group agreed a "
	    "proposal") },
	{ "proposal.not_agree", NULL, N_("{who} recorded that the group did "
	    "not agree a proposal") },
	{ "proposal.submit", NULL, N_("{who} sent a proposal for a "
	    "decision") },
	{ "proposal.accept", NULL, N_("{who} accepted a proposal") },
	{ "proposal.accept_in_part", NULL, N_("{who} accepted part of a "
	    "proposal") },
	{ "proposal.not_accept", NULL, N_("{who} did not accept a "
	    "proposal") },
	{ "proposal.defer", NULL, N_("{who} put off a decision on a "
	    "proposal") },
	{ "proposal.more_info", NULL, N_("{who} asked for more about a "
	    "proposal") },
	{ "proposal.refer", NULL, N_("{who} passed a proposal to someone "
	    "else") },
	{ "proposal.resubmit", NULL, N_("{who} sent a proposal again") },
	{ "proposal.complete", NULL, N_("{who} recorded that a proposal was "
	    "done") },
	{ "decision.create", NULL, N_("{who} recorded a decision") },
	{ "action.create", NULL, N_("{who} set an action") },
	{ "action.progress", NULL, N_("{who} recorded progress on an "
	    "action") },
	{ "action.close", NULL, N_("{who} closed an action") },
	{ "action.reassign", NULL, N_("{who} gave an action to someone "
	    "else") },
	/* Meetings. */
	{ "meeting.create", NULL, N_("{who} arranged a meeting") },
	{ "meeting.attendance", NULL, N_("{who} recorded who came to a "
	    "meeting") },
	{ "agenda.add", NULL, N_("{who} added an item to an agenda") },
	{ "agenda.move", NULL, N_("{who} moved an item on an agenda") },
	{ "minutes.save", NULL, N_("{who} wrote minutes") },
	{ "minutes.approve", NULL, N_("{who} approved minutes") },
	{ "minutes.publish", NULL, N_("{who} published minutes") },
	{ "paper.create", NULL, N_("{who} added a meeting paper") },
	{ "document.create", NULL, N_("{who} published a group's "
	    "document") },
	{ "document.update", NULL, N_("{who} changed a group's document") },
	/* Voice. */
	{ "conversation.create", NULL, N_("{who} logged a conversation") },
	{ "followup.create", NULL, N_("{who} set a follow-up") },
	{ "followup.close", NULL, N_("{who} closed a follow-up") },
	{ "followup.reassign", NULL, N_("{who} gave a follow-up to someone "
	    "else") },
	{ "issue.create", NULL, N_("{who} raised an issue") },
	{ "issue.decide", NULL, N_("{who} recorded a decision on an "
	    "issue") },
	{ "issue.resolve", NULL, N_("{who} resolved an issue") },
	{ "topic.create", NULL, N_("{who} added a topic") },
	{ "topic.retire", NULL, N_("{who} stopped using a topic") },
	/* Membership. */
	{ "expense.claim", NULL, N_("{who} claimed expenses") },
	{ "expense.decide", NULL, N_("{who} decided an expense claim") },
	{ "expense.paid", NULL, N_("{who} recorded an expense claim as "
	    "paid") },
	{ "course.create", NULL, N_("{who} added a course") },
	{ "completion.create", NULL, N_("{who} recorded a completed "
	    "course") },
	{ "supervision.create", NULL, N_("{who} recorded a supervision") },
	/* Elections. */
	{ "election.create", NULL, N_("{who} set up an election") },
	{ "election.nominate", NULL, N_("{who} nominated a candidate") },
	{ "election.vote", NULL, N_("{who} voted in an election") },
	{ "election.proxy", NULL, N_("{who} named a proxy to vote") },
	{ "election.publish", NULL, N_("{who} published an election's "
	    "result") },
	/* Surveys. */
	{ "survey.create", NULL, N_("{who} made a survey") },
	{ "survey.update", NULL, N_("{who} changed a survey") },
	{ "survey.response", NULL, N_("{who} entered a survey's answers") },
	/* Peer support. */
	{ "peer_shift.create", NULL, N_("{who} put someone on the peer support "
	    "rota") },
	{ "peer_shift.swap", NULL, N_("{who} swapped a peer support shift") },
	{ "peer_cover.update", NULL, N_("{who} changed the peer support cover "
	    "a place needs") },
	{ "peer_request.create", NULL, N_("{who} asked for peer support") },
	{ "peer_request.accept", NULL, N_("{who} took on a request for peer "
	    "support") },
	{ "peer_request.acknowledge", NULL, N_("{who} saw that a request for "
	    "peer support was passed on") },
	{ "peer_request.seen", NULL, N_("{who} saw someone who asked for peer "
	    "support") },
	{ "peer_request.close", NULL, N_("{who} closed a request for peer "
	    "support") },
	{ "peer_debrief.ask", NULL, N_("{who} asked for a debrief") },
	{ "peer_debrief.done", NULL, N_("{who} recorded a debrief") },
	{ "peer.step_back", NULL, N_("{who} stepped back from peer support") },
	{ "peer.step_return", NULL, N_("{who} came back to peer support") },
	/* Evidence. */
	{ "activity.count", NULL, N_("{who} recorded how much activity there "
	    "was") },
	{ "population.count", NULL, N_("{who} recorded how many people a site "
	    "holds") },
	{ "equality.update", NULL, N_("{who} answered the equality questions") },
	{ "objective.create", NULL, N_("{who} set an objective") },
	{ "objective.done", NULL, N_("{who} recorded an objective as met") },
	{ "strategy.save", NULL, N_("{who} saved a strategy") },
	{ "evidence.target", NULL, N_("{who} set a target") },
	{ "evidence.target_drop", NULL, N_("{who} removed a target") },
	/* Voice. */
	{ "issue.logs", NULL, N_("{who} linked conversations to an issue") },
	{ "followup.hand_on", NULL, N_("{who} handed someone's follow-ups on") },
	{ "action.hand_on", NULL, N_("{who} handed someone's actions on") },
	{ "arrival.create", NULL, N_("{who} recorded a new arrival") },
	{ "arrival_plan.update", NULL, N_("{who} changed the plan for new "
	    "arrivals") },
	{ "arrival_step.done", NULL, N_("{who} recorded a step for a new "
	    "arrival as done") },
	{ "service.create", NULL, N_("{who} added a service") },
	{ "service.update", NULL, N_("{who} changed a service") },
	{ "service.checked", NULL, N_("{who} checked a service's details") },
	{ "service.needs", NULL, N_("{who} changed the needs a service meets") },
	/* Plans. */
	{ "plan.card", NULL, N_("{who} added to a person's plan") },
	{ "plan.step", NULL, N_("{who} added a step to a person's plan") },
	{ "plan.worker", NULL, N_("{who} named a plan's worker") },
	{ "plan.confirm", NULL, N_("{who} signed off a plan") },
	{ "wish.create", NULL, N_("{who} recorded a wish") },
	{ "wish.answer", NULL, N_("{who} answered a wish") },
	{ "release.plan", NULL, N_("{who} changed a release plan") },
	{ "referral.make", NULL, N_("{who} referred someone to a service") },
	{ "referral.progress", NULL, N_("{who} recorded how a referral is "
	    "going") },
	{ "treating.declare", NULL, N_("{who} declared a treating relationship") },
	/* Membership. */
	{ "recruit.refer", NULL, N_("{who} put someone forward to join") },
	{ "recruit.apply", NULL, N_("{who} recorded that someone applied") },
	{ "recruit.check", NULL, N_("{who} recorded an eligibility check") },
	{ "recruit.induct", NULL, N_("{who} recorded an induction") },
	{ "recruit.train", NULL, N_("{who} recorded that someone was trained") },
	{ "recruit.activate", NULL, N_("{who} recorded that someone started "
	    "their role") },
	{ "recruit.leave", NULL, N_("{who} recorded that a recruit left") },
	{ "recruit.left", NULL, N_("{who} recorded that a recruit left") },
	{ "shadowing.start", NULL, N_("{who} started someone shadowing") },
	{ "shadowing.end", NULL, N_("{who} ended someone's shadowing") },
	{ "course_session.create", NULL, N_("{who} arranged a course session") },
	/* Elections and surveys. */
	{ "election.state", NULL, N_("{who} moved an election to its next "
	    "stage") },
	{ "election.batch_entry", NULL, N_("{who} entered a batch of paper "
	    "ballots") },
	{ "election.batch_accepted", NULL, N_("{who} accepted a batch of paper "
	    "ballots") },
	{ "election.batch_mismatch", NULL, N_("{who} found two entries of a "
	    "batch of paper ballots differ") },
	{ "seat.create", NULL, N_("{who} set up a rotating seat") },
	{ "seat.swap", NULL, N_("{who} swapped turns on a rotating seat") },
	{ "group.posts", NULL, N_("{who} changed a group's posts") },
	{ "group.election_rules", NULL, N_("{who} changed a group's election "
	    "rules") },
	{ "event_vote.create", NULL, N_("{who} set up a vote at an event") },
	{ "event_vote.count", NULL, N_("{who} counted a vote at an event") },
	{ "event_vote.publish", NULL, N_("{who} published a vote's result") },
	{ "survey.open", NULL, N_("{who} opened a survey") },
	{ "survey.closed", NULL, N_("{who} closed a survey") },
	{ "survey.questions", NULL, N_("{who} changed a survey's questions") },
	{ "survey.question_remove", NULL, N_("{who} removed a question from a "
	    "survey") },
	{ "survey.version", NULL, N_("{who} made a new version of a survey") },
	{ "survey.paper_entry", NULL, N_("{who} entered a paper survey") },
	{ "survey.theme", NULL, N_("{who} added a theme to a survey's answers") },
	{ "survey.theme_tag", NULL, N_("{who} gave answers a theme") },
	{ "survey.theme_issue", NULL, N_("{who} raised an issue from a theme") },
	{ "exchange.settle", NULL, N_("{who} settled a difference from the "
	    "exchange") },
	/* Procurement: the lot's audit trail, printed in its report. */
	{ "procurement.create", NULL, N_("{who} set up the procurement") },
	{ "procurement.reserve", NULL, N_("{who} named a reserve for the "
	    "procurement's panels") },
	{ "lot.create", NULL, N_("{who} set up the lot") },
	{ "lot.question", NULL, N_("{who} added a question") },
	{ "lot.bid", NULL, N_("{who} added a bid") },
	{ "lot.consensus_meeting", NULL, N_("{who} recorded the consensus "
	    "meeting of {detail | date}") },
	{ "bid.document", NULL, N_("{who} added a bid's document") },
	/* The panel member's kind is the row's detail; a sentence per kind,
	 * so the kind is worded in the sentence's grammar (Welsh mutates
	 * it: "Ychwanegodd Ann glinigwr at y panel") and no page has to
	 * label the detail first. */
	{ "panel.add", "expert_by_experience", N_("{who} added an expert by "
	    "experience to the panel") },
	{ "panel.add", "governor", N_("{who} added a governor to the "
	    "panel") },
	{ "panel.add", "clinician", N_("{who} added a clinician to the "
	    "panel") },
	{ "panel.add", "pharmacist", N_("{who} added a pharmacist to the "
	    "panel") },
	{ "panel.add", "commissioner", N_("{who} added a commissioner to the "
	    "panel") },
	{ "panel.add", NULL, N_("{who} added a member to the panel") },
	{ "panel.declare", "conflict", N_("{who} declared a conflict of "
	    "interest") },
	{ "panel.declare", NULL, N_("{who} declared no connection with any "
	    "bidder") },
	{ "panel.removed", NULL, N_("{who} left the panel because of a "
	    "conflict of interest") },
	{ "panel.reserve", NULL, N_("{who} brought in a reserve in place of a "
	    "member of the panel") },
	{ "score.draft", NULL, N_("{who} saved draft scores") },
	{ "score.submit", NULL, N_("{who} submitted scores") },
	{ "score.change", NULL, N_("{who} changed a submitted score, giving a "
	    "reason") },
	{ "consensus.score", NULL, N_("{who} recorded a consensus score") },
	/* The program's own work. */
	{ "retention.run", NULL, N_("{who} deleted or anonymised records past "
	    "their keeping period") },
	{ "exchange.export", NULL, N_("{who} made a bundle for the "
	    "exchange") },
	{ "exchange.import", NULL, N_("{who} brought in a bundle from the "
	    "exchange") },
	{ "exchange.pair", NULL, N_("{who} paired with another place") },
	{ "demo.load", NULL, N_("{who} loaded the demonstration data") },
	{ NULL, NULL, NULL },
};

const char *
audit_words_sentence(const char *action, const char *detail)
{
	const struct audit_sentence *a;

	for (a = audit_sentences; a->action != NULL; a++)
		if (action != NULL && strcmp(a->action, action) == 0 &&
		    (a->detail == NULL || (detail != NULL &&
		    strcmp(a->detail, detail) == 0)))
			break;
	return a->said;
}

void
audit_words_add(json_t *rows, const struct catalogue *words,
    const char *unknown)
{
	json_t		*row;
	const char	*who, *action, *said;
	size_t		 i;

	json_array_foreach(rows, i, row) {
		who = json_string_value(json_object_get(row, "who"));
		/* TRANSLATORS: who did it, in an audit sentence where no
		 * one did; it stands where {who} stands ("The system added
		 * a bid"), so mid-sentence in Welsh ("Ychwanegodd y
		 * system gynnig"). */
		if (who == NULL || *who == '\0')
			json_object_set_new(row, "who", json_string(
			    catalogue_get(words, N_("The system"))));
		action = json_string_value(json_object_get(row, "action"));
		said = audit_words_sentence(action, json_string_value(
		    json_object_get(row, "detail")));
		if (said == NULL)
			said = unknown;
		if (said != NULL)
			json_object_set_new(row, "said_msgid", json_string(
			    said));
	}
}

void
audit_words_fill(json_t *rows, const struct catalogue *words)
{
	json_t		*row;
	const char	*said, *action;
	size_t		 i;

	json_array_foreach(rows, i, row) {
		said = json_string_value(json_object_get(row, "said_msgid"));
		action = json_string_value(json_object_get(row, "action"));
		if (said == NULL || template_words_set(row, "said", said, row,
		    words, DOCUMENT_BYTES_MAX) == -1)
			json_object_set_new(row, "said", json_string(action ?
			    action : ""));
		said = json_string_value(json_object_get(row,
		    "detail_msgid"));
		if (said != NULL)
			(void)template_words_set(row, "detail_said", said, row,
			    words, DOCUMENT_BYTES_MAX);
	}
}
