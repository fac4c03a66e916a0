/*
 * The harness's servers (harness.h): a temporary folder with a config
 * file and a database made by the real binary's init and demo (or a
 * throw-away PostgreSQL cluster with RT_TEST_DB=pg), the server process
 * started on a free loopback port and stopped with SIGTERM, a second
 * server on the same database, and the command line on that database.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define START_WAIT_MS	15000

static int
free_port(void)
{
	struct sockaddr_in	 a;
	socklen_t		 len = sizeof(a);
	int			 fd, port;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return -1;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) == -1 ||
	    getsockname(fd, (struct sockaddr *)&a, &len) == -1) {
		close(fd);
		return -1;
	}
	port = ntohs(a.sin_port);
	close(fd);
	return port;
}

int
roundtable_cli(const struct server *s, const char *args, const char *input,
    char **out)
{
	char	*cmd, buf[4096];
	FILE	*p;
	size_t	 n, len = 0;
	int	 status;
	char	 infile[320];

	infile[0] = '\0';
	if (input != NULL) {
		snprintf(infile, sizeof(infile), "%s/stdin.txt", s->dir);
		if ((p = fopen(infile, "w")) == NULL)
			return -1;
		fputs(input, p);
		fclose(p);
	}
	if (asprintf(&cmd, "%s %s --db '%s' --config %s <%s 2>&1",
	    ROUNDTABLE_BIN, args, s->db, s->config,
	    input ? infile : "/dev/null") == -1)
		return -1;
	p = popen(cmd, "r");
	free(cmd);
	if (p == NULL)
		return -1;
	if (out != NULL)
		*out = NULL;
	while ((n = fread(buf, 1, sizeof(buf), p)) > 0) {
		if (out != NULL) {
			*out = realloc(*out, len + n + 1);
			memcpy(*out + len, buf, n);
			len += n;
			(*out)[len] = '\0';
		}
	}
	status = pclose(p);
	if (out != NULL && *out == NULL)
		*out = strdup("");
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Copies the word after marker in text into out. */
static void
word_after(const char *text, const char *marker, char *out, size_t sz)
{
	const char	*p = strstr(text, marker);
	size_t		 n = 0;

	out[0] = '\0';
	if (p == NULL)
		return;
	p += strlen(marker);
	while (p[n] != '\0' && p[n] != ' ' && p[n] != '\n' && p[n] != ')' &&
	    p[n] != ':' && n + 1 < sz)
		n++;
	memcpy(out, p, n);
	out[n] = '\0';
}

/* Where a server's database lives: as RT_TEST_DB says, or always one
 * engine whatever it says. */
enum engine { ENGINE_AS_ASKED, ENGINE_PG, ENGINE_SQLITE };

int
suite_on_pg(void)
{
	const char	*engine = getenv("RT_TEST_DB");

	return engine != NULL && strcmp(engine, "pg") == 0;
}

/*
 * With RT_TEST_DB=pg the server's database is a throw-away PostgreSQL
 * cluster of its own (tests/pg_cluster.sh), not a file: the same tests,
 * the other engine.  0, or -1.
 */
static int
pg_cluster_start(struct server *s, enum engine engine)
{
	FILE		*p;
	int		 ok;

	if (engine == ENGINE_SQLITE ||
	    (engine == ENGINE_AS_ASKED && !suite_on_pg()))
		return 0;
	if ((p = popen("sh tests/pg_cluster.sh start", "r")) == NULL)
		return -1;
	ok = fgets(s->cluster, sizeof(s->cluster), p) != NULL &&
	    fgets(s->db, sizeof(s->db), p) != NULL;
	if (pclose(p) != 0 || !ok)
		return -1;
	s->cluster[strcspn(s->cluster, "\n")] = '\0';
	s->db[strcspn(s->db, "\n")] = '\0';
	return 0;
}

static void
pg_cluster_stop(struct server *s)
{
	char	*cmd;

	if (s->cluster[0] == '\0' || asprintf(&cmd,
	    "sh tests/pg_cluster.sh stop '%s'", s->cluster) == -1)
		return;
	if (system(cmd) != 0)
		fprintf(stderr, "could not stop the cluster %s\n", s->cluster);
	free(cmd);
	s->cluster[0] = '\0';
}

/* The folder, the cluster when there is one, the config and the port. */
static int
server_empty_on(struct server *s, const char *extra, enum engine engine)
{
	FILE	*f;

	memset(s, 0, sizeof(*s));
	snprintf(s->dir, sizeof(s->dir), "/tmp/rt-test-XXXXXX");
	if (mkdtemp(s->dir) == NULL)
		return -1;
	snprintf(s->db, sizeof(s->db), "%s/roundtable.db", s->dir);
	if (pg_cluster_start(s, engine) == -1)
		return -1;
	snprintf(s->config, sizeof(s->config), "%s/roundtable.ini", s->dir);
	if ((s->port = free_port()) < 0)
		return -1;
	snprintf(s->base, sizeof(s->base), "http://127.0.0.1:%d", s->port);
	if ((f = fopen(s->config, "w")) == NULL)
		return -1;
	/* The key file named in the config, as a deployment would; first,
	 * so that extra settings without a section header stay in
	 * [server]. */
	fprintf(f, "[keys]\naudit_key = %s/audit.key\n[server]\n"
	    "listen_port = %d\naccess_log = 0\nstatic_dir = static\n%s\n",
	    s->dir, s->port, extra ? extra : "");
	fclose(f);
	return 0;
}

int
server_empty_file(struct server *s)
{
	return server_empty_on(s, NULL, ENGINE_SQLITE);
}

int
server_empty_pg(struct server *s)
{
	return server_empty_on(s, NULL, ENGINE_PG);
}

int
server_on_pg(const struct server *s)
{
	return s->cluster[0] != '\0';
}

static int
server_prepare_on(struct server *s, const char *extra, enum engine engine)
{
	char	*out = NULL;

	if (server_empty_on(s, extra, engine) == -1)
		return -1;
	if (roundtable_cli(s, "init", NULL, &out) != 0) {
		fprintf(stderr, "init failed: %s\n", out);
		free(out);
		return -1;
	}
	word_after(out, "one-time password ", s->admin_password,
	    sizeof(s->admin_password));
	free(out);
	if (roundtable_cli(s, "demo", NULL, &out) != 0) {
		fprintf(stderr, "demo failed: %s\n", out);
		free(out);
		return -1;
	}
	word_after(out, "(password ", s->demo_password,
	    sizeof(s->demo_password));
	free(out);
	return 0;
}

int
server_prepare(struct server *s, const char *extra)
{
	return server_prepare_on(s, extra, ENGINE_AS_ASKED);
}

int
server_prepare_file(struct server *s)
{
	return server_prepare_on(s, NULL, ENGINE_SQLITE);
}

int
server_launch(struct server *s)
{
	struct client	 c;
	struct reply	 r;
	struct timespec	 ts = { 0, 20 * 1000 * 1000 };
	int		 waited;

	if ((s->pid = fork()) == -1)
		return -1;
	if (s->pid == 0) {
		int	 fd;

		if (s->log[0] != '\0' && ((fd = open(s->log, O_WRONLY |
		    O_CREAT | O_APPEND, 0600)) == -1 || dup2(fd, 2) == -1))
			_exit(126);
		execl(ROUNDTABLE_BIN, ROUNDTABLE_BIN, "serve", "--db", s->db,
		    "--config", s->config, (char *)NULL);
		_exit(127);
	}
	client_init(&c, s);
	for (waited = 0; waited < START_WAIT_MS; waited += 20) {
		if (http_get(&c, "/healthz", &r) == 200) {
			reply_free(&r);
			client_free(&c);
			return 0;
		}
		reply_free(&r);
		nanosleep(&ts, NULL);
	}
	client_free(&c);
	return -1;
}

int
server_twin(struct server *twin, const struct server *first)
{
	FILE	*f, *in;
	char	 line[1024];

	*twin = *first;
	twin->pid = 0;
	if ((twin->port = free_port()) < 0)
		return -1;
	snprintf(twin->base, sizeof(twin->base), "http://127.0.0.1:%d",
	    twin->port);
	snprintf(twin->config, sizeof(twin->config), "%s/twin-%d.ini",
	    first->dir, twin->port);
	/* first's settings, every one, but for the port. */
	if ((in = fopen(first->config, "r")) == NULL)
		return -1;
	if ((f = fopen(twin->config, "w")) == NULL) {
		fclose(in);
		return -1;
	}
	while (fgets(line, sizeof(line), in) != NULL)
		if (strncmp(line, "listen_port", 11) == 0)
			fprintf(f, "listen_port = %d\n", twin->port);
		else
			fputs(line, f);
	fclose(in);
	fclose(f);
	/* The folder and the cluster are first's to remove. */
	twin->dir[0] = '\0';
	twin->cluster[0] = '\0';
	return server_launch(twin);
}

int
server_start(struct server *s, const char *extra)
{
	if (server_prepare(s, extra) == -1)
		return -1;
	return server_launch(s);
}

int
server_halt(struct server *s)
{
	int	 status;

	if (s->pid <= 0)
		return 0;
	kill(s->pid, SIGTERM);
	if (waitpid(s->pid, &status, 0) == -1)
		return -1;
	s->pid = 0;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void
server_kill(struct server *s)
{
	if (s->pid <= 0)
		return;
	kill(s->pid, SIGKILL);
	waitpid(s->pid, NULL, 0);
	s->pid = 0;
}

int
server_stop(struct server *s)
{
	char	*cmd;
	int	 rc;

	rc = server_halt(s);
	pg_cluster_stop(s);
	if (s->dir[0] != '\0' && asprintf(&cmd, "rm -rf %s", s->dir) != -1) {
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", s->dir);
		free(cmd);
	}
	return rc;
}

int
server_passwords(const struct server *s, const char *const *users,
    const char *password)
{
	char	 args[160], *input;
	int	 rc = 0;

	if (asprintf(&input, "%s\n", password) == -1)
		return -1;
	for (; *users != NULL && rc == 0; users++) {
		snprintf(args, sizeof(args), "user passwd %s --password-stdin",
		    *users);
		if (roundtable_cli(s, args, input, NULL) != 0)
			rc = -1;
	}
	free(input);
	return rc;
}
