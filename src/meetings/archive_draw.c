/*
 * A group's archive, drawn where a hostile paper can do no harm: every
 * meeting's record and every paper's bytes are read from the database
 * first (struct archive_plan), then the whole PDF is drawn in a
 * confined child (util/confined_child.h) that has no database, may read
 * files (fonts: SANDBOX_READ_FILES, open read-only) but not write them,
 * has archive_draw_s seconds and a memory limit.  A child that fails or
 * runs out of time (a PDF hanging inside poppler) is killed, and the
 * archive is drawn again here with every paper named, not drawn, so it
 * still answers.
 *
 * Why the whole document in the child rather than each paper: a paper's
 * pages are drawn onto the archive's own cairo surface, so text stays
 * text; drawing them elsewhere would mean parsing the child's output in
 * the server, which is what the child is there to avoid.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <seccomp.h>

#include "meetings.h"
#include "../db/db.h"
#include "../limits.h"
#include "../render/pdf.h"
#include "../render/pdf_embed.h"
#include "../render/print_words.h"
#include "../server/test_hooks.h"
#include "../util/catalogue.h"
#include "../util/confined_child.h"
#include "../util/log.h"
#include "../util/sandbox.h"
#include "../util/view.h"

#define UNDRAWN	N_("It is not drawn here: drawing this archive's papers " \
		"failed or took too long, so every paper is named instead.")

/* One paper read before drawing.  Owns data, mime and ext. */
struct plan_paper {
	struct buf	 data;
	char		*mime;
	char		*ext;
	const json_t	*row;		/* borrowed from its meeting's papers */
	int		 fetched;	/* data holds the bytes */
};

/* One meeting: its record (minutes_load, owned) and its papers (owned). */
struct plan_meeting {
	json_t			*minutes;
	struct plan_paper	*papers;
	size_t			 npapers;
};

/* Everything an archive draws.  Owns its meetings. */
struct archive_plan {
	const char		*title;		/* borrowed */
	enum pdf_size		 size;		/* the reader's text size */
	const struct catalogue	*words;		/* the reader's language */
	struct plan_meeting	*meetings;
	size_t			 n;
};

/* PDFs and pictures are drawn; other papers are named. */
static int
drawable(const char *mime)
{
	return strcmp(mime, "application/pdf") == 0 ||
	    strncmp(mime, "image/", 6) == 0;
}

static void
plan_release(struct archive_plan *plan)
{
	size_t	 i, j;

	for (i = 0; i < plan->n; i++) {
		for (j = 0; j < plan->meetings[i].npapers; j++) {
			buf_release(&plan->meetings[i].papers[j].data);
			free(plan->meetings[i].papers[j].mime);
			free(plan->meetings[i].papers[j].ext);
		}
		free(plan->meetings[i].papers);
		json_decref(plan->meetings[i].minutes);
	}
	free(plan->meetings);
}

/* Reads a meeting's papers; bytes only while the archive's paper bytes
 * stay within ARCHIVE_PAPER_BYTES_MAX (more would be named anyway), so
 * a long history is never all in memory.  0 or -1. */
static int
papers_load(struct db *db, struct plan_meeting *pm, size_t *bytes)
{
	const json_t		*papers = json_object_get(pm->minutes, "papers");
	struct plan_paper	*pp;
	size_t			 i;

	pm->npapers = json_array_size(papers);
	if (pm->npapers == 0)
		return 0;
	if ((pm->papers = calloc(pm->npapers, sizeof(*pm->papers))) == NULL)
		return -1;
	for (i = 0; i < pm->npapers; i++) {
		pp = &pm->papers[i];
		pp->row = json_array_get(papers, i);
		buf_init(&pp->data, SIZE_MAX / 2);
		if (paper_read(db, view_int(pp->row, "id"), &pp->data,
		    &pp->mime, &pp->ext) <= 0)
			return -1;
		/* Word and OpenDocument papers are named: no bytes needed. */
		pp->fetched = drawable(pp->mime) &&
		    pp->data.len <= ARCHIVE_PAPER_BYTES_MAX - *bytes;
		if (pp->fetched)
			*bytes += pp->data.len;
		else
			buf_release(&pp->data);
	}
	return 0;
}

static int
plan_load(struct db *db, const json_t *list, struct archive_plan *plan)
{
	const json_t	*row;
	size_t		 i, bytes = 0;

	plan->n = 0;
	if (json_array_size(list) > 0 && (plan->meetings = calloc(
	    json_array_size(list), sizeof(*plan->meetings))) == NULL)
		return -1;
	json_array_foreach(list, i, row) {
		plan->meetings[i].minutes = minutes_load(db, view_int(row, "id"));
		plan->n = i + 1;
		if (plan->meetings[i].minutes == NULL ||
		    papers_load(db, &plan->meetings[i], &bytes) == -1)
			return -1;
	}
	return 0;
}

/* Whether a paper of len bytes, drawn, should still leave the document
 * within ARCHIVE_FULL_PERCENT of the response's ceiling. */
static int
room_for(const struct buf *out, size_t len)
{
	size_t	 limit = out->max / 100 * ARCHIVE_FULL_PERCENT;

	return out->len < limit &&
	    len <= (limit - out->len) / ARCHIVE_PAPER_GROWTH;
}

static void
paper_draw(struct pdf *pdf, struct print_words *w, const struct buf *out,
    const struct plan_paper *pp, struct embed_budget *budget, int drawn)
{
	struct embed_budget	 none = { 0, 0, 0 };
	struct embed_paper	 p;
	char			 download[48];

	snprintf(download, sizeof(download), "/papers/%lld",
	    (long long)view_int(pp->row, "id"));
	p.data = (const unsigned char *)pp->data.data;
	p.len = pp->fetched ? pp->data.len : 0;
	p.mime = pp->mime;
	p.title = view_str(pp->row, "title");
	p.circulated_on = view_str(pp->row, "circulated_on");
	p.download = download;
	if (!drawn && drawable(p.mime))
		pdf_embed_named(pdf, w, &p, print_say(w, UNDRAWN, NULL));
	else
		pdf_embed_paper(pdf, w, &p, pp->fetched && room_for(out,
		    pp->data.len) ? budget : &none);
}

/*
 * Each meeting's record, then its papers: drawn (drawn = 1) within the
 * budget of pages, bytes and time, or all named.  Once the budget is
 * spent, or a paper would take the document near out's ceiling, papers
 * get a note instead, so a big archive still comes out, whole.  0 or -1.
 */
static int
plan_draw(const struct archive_plan *plan, struct buf *out, int drawn)
{
	struct embed_budget	 budget;
	struct print_words	 w;
	struct pdf		*pdf;
	size_t			 i, j;

	embed_budget_init(&budget, ARCHIVE_PAGES_MAX, ARCHIVE_PAPER_BYTES_MAX,
	    ARCHIVE_DRAW_SECONDS);
	print_words_init(&w, plan->words, 0);
	pdf = print_pdf_new(&w, out, plan->title, plan->size);
	pdf_heading(pdf, plan->title, 1);
	if (plan->n == 0)
		pdf_paragraph(pdf, print_say(&w, N_("No minutes were published "
		    "in this period."), NULL));
	/* Each meeting on a page of its own, the first under the title. */
	for (i = 0; i < plan->n; i++) {
		if (i > 0)
			pdf_page_break(pdf);
		minutes_draw_loaded(pdf, &w, plan->meetings[i].minutes);
		for (j = 0; j < plan->meetings[i].npapers; j++)
			paper_draw(pdf, &w, out, &plan->meetings[i].papers[j],
			    &budget, drawn);
	}
	print_words_free(&w);
	return pdf_finish(pdf);
}

/* What the drawing child needs, with out's ceiling. */
struct drawing {
	const struct archive_plan	*plan;
	size_t				 max;
};

/* In the confined child: the whole PDF, written to fd. */
static int
draw_in_child(void *arg, int fd)
{
	const struct drawing	*d = arg;
	struct buf		 out;
	size_t			 off = 0;
	ssize_t			 n;
	unsigned		 nap = test_hook_drawer_sleep();

	while (nap > 0)
		nap = sleep(nap);
	buf_init(&out, d->max);
	if (plan_draw(d->plan, &out, 1) == -1) {
		log_line(LOG_WARNING, "archive: the drawing failed at %zu bytes",
		    out.len);
		return -1;
	}
	while (off < out.len) {
		n = write(fd, out.data + off, out.len - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		off += (size_t)n;
	}
	return 0;
}

/* Beyond sandbox_base_calls and sandbox_file_calls: GLib starts a
 * thread of its own while poppler draws (found when the child died with
 * "pthread_create: Operation not permitted"), and a new thread asks for
 * its CPU affinity and stack limit.  A thread or grandchild stays under
 * these filters; a grandchild would outlive the kill only until its own
 * RLIMIT_CPU. */
static const int drawer_calls[] = {
	SCMP_SYS(clone), SCMP_SYS(clone3), SCMP_SYS(set_robust_list),
	SCMP_SYS(rseq), SCMP_SYS(sched_getaffinity), SCMP_SYS(prlimit64),
};

int
archive_draw(struct db *db, const json_t *meetings, const char *title,
    enum pdf_size size, const struct catalogue *words, int seconds,
    struct buf *out)
{
	struct archive_plan	 plan = { title, size, words, NULL, 0 };
	struct drawing		 d = { &plan, out->max };
	enum child_result	 result;
	struct child_spec	 spec = { draw_in_child, &d, seconds,
				    ARCHIVE_DRAW_MEMORY, drawer_calls,
				    sizeof(drawer_calls) / sizeof(drawer_calls[0]),
				    SANDBOX_READ_FILES | SANDBOX_OPEN_READ_ONLY };
	int			 rc = -1;

	if (plan_load(db, meetings, &plan) == -1)
		goto out;
	if ((result = confined_child_run(&spec, out)) == CHILD_OK) {
		rc = 0;
		goto out;
	}
	log_line(LOG_WARNING, "archive \"%s\": the drawing child %s; its "
	    "papers are named instead", title, result == CHILD_TIMED_OUT ?
	    "ran out of time and was killed" : result == CHILD_TOO_LONG ?
	    "made more than page_max" : "failed");
	buf_clear(out);
	rc = plan_draw(&plan, out, 0);
out:
	plan_release(&plan);
	return rc;
}
