/*
 * Group commit: the server's writing requests share one durable
 * transaction on one writer connection, each in a savepoint of its own,
 * so that one fsync carries every request that arrived while the last
 * one was being written (docs/ARCHITECTURE.md, "Group commit").
 *
 * A request that writes calls group_commit_run(): it takes the writers'
 * lock, opens the batch if none is open (BEGIN IMMEDIATE), and runs its
 * work inside SAVEPOINT request on the writer connection; work that
 * refuses is rolled back to its savepoint alone.  Then, if another
 * writer is waiting for the lock and the batch holds fewer than
 * GROUP_COMMIT_MAX requests, it leaves the batch open for that writer
 * and sleeps until the batch ends; otherwise it commits the batch and
 * wakes every member.  Whoever takes the lock finds either a batch it
 * joins or one it must end first (group_commit_alone), so a batch never
 * stays open with nobody to end it.  No response is sent before the
 * commit that holds its work: the caller returns only after it.
 *
 * On PostgreSQL there are no batches (it groups commits across
 * connections itself, commit_delay): every writer takes the lock through
 * group_commit_alone and commits on its own connection.
 *
 * Ownership: struct group_commit owns its lock, its condition and the
 * writer connection (opened on first use, closed by group_commit_free).
 * Members live on their callers' stacks while they wait.
 */
#ifndef RT_GROUP_COMMIT_H
#define RT_GROUP_COMMIT_H

#include <pthread.h>
#include <stdatomic.h>

struct db;

struct group_member {
	int			 rc;	/* the batch's commit: enum db_result */
	int			 ended;	/* set by whoever ended the batch */
	struct group_member	*next;	/* borrowed: the next in the batch */
};

struct group_commit {
	pthread_mutex_t		 lock;		/* the writers' lock */
	pthread_cond_t		 ended;		/* a batch has ended */
	const char		*path;		/* borrowed: the database */
	int			 busy_ms;
	int			 batching;	/* 0 on PostgreSQL: see below */
	struct db		*db;		/* owned: the writer connection */
	int			 open;		/* a batch is open on db */
	int			 members;	/* requests in the open batch */
	int			 checkpoint;	/* truncate the WAL after it */
	struct group_member	*list;		/* the open batch's members */
	atomic_int		 waiting;	/* writers waiting for the lock */
	unsigned long		 commits;	/* batches committed, ever */
};

/*
 * A request's work, run on the writer connection db inside its own
 * savepoint: 1 keeps it, 0 undoes it (rolled back to the savepoint), and
 * *checkpoint set asks for the WAL to be truncated after the commit.
 */
typedef int	(*group_work)(void *arg, struct db *db, int *checkpoint);

int	 group_commit_init(struct group_commit *, const char *path,
	    int busy_ms);
void	 group_commit_free(struct group_commit *);
/*
 * Runs work as a member of a batch and returns once the batch has ended:
 * the batch's COMMIT (enum db_result) when the work was kept, DB_OK when
 * it was undone.  *ran says whether work ran at all: 0 when the batch
 * could not be opened or the savepoint made (the result then says why:
 * DB_BUSY or DB_ERROR), and nothing was changed.
 */
int	 group_commit_run(struct group_commit *, group_work, void *arg,
	    int *ran);
/*
 * The writers' lock for a writer that commits on a connection of its
 * own (an audited read, the housekeeping thread): ends any open batch
 * first.  group_commit_unlock() gives it back.
 */
void	 group_commit_alone(struct group_commit *);
void	 group_commit_unlock(struct group_commit *);

#endif
