/* feed_jobs - the outside feeds `tail` keeps up beside the log (see
 * feed_jobs.h). Invariant: a job's child is either running (child != NULL)
 * or the job has a next due time; never both.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "feed_jobs.h"
#include "xmalloc.h"

#define JOB_ARGS_MAX 24
#define JOB_ENV_MAX 64
#define JOB_POLL_MS 200		/* how often a running child is polled */

struct job {
	const char *name;
	double every, due, timeout;
	char *argv[JOB_ARGS_MAX];
	int argc;
	struct run_child *child;
};

struct feed_jobs {
	char *exe;
	char *env[JOB_ENV_MAX + 2];
	struct job job[2];
	int njob;
};

static void arg(struct job *b, const char *s)
{
	if (b->argc < JOB_ARGS_MAX - 1)
		b->argv[b->argc++] = xstrdup(s);
}

static void arg_secs(struct job *b, const char *opt, double v)
{
	char n[32];
	snprintf(n, sizeof n, "%.0fs", v);
	arg(b, opt);
	arg(b, n);
}

static struct job *add(struct feed_jobs *j, const struct feed_jobs_cfg *c, const char *name,
		       const char *sub, double every, double timeout)
{
	struct job *b = &j->job[j->njob++];
	b->name = name;
	b->every = every;
	b->timeout = timeout;
	b->due = 0;	/* at the first tick */
	arg(b, c->exe);
	if (c->db) {
		arg(b, "--db");
		arg(b, c->db);
	}
	if (c->rules) {
		arg(b, "--rules");
		arg(b, c->rules);
	}
	arg(b, name);
	if (sub)
		arg(b, sub);
	arg_secs(b, "--clear-after", c->clear_after);
	arg_secs(b, "--alert-window", c->alert_window);
	arg_secs(b, "--min-interval", c->min_interval);
	return b;
}

struct feed_jobs *feed_jobs_new(const struct feed_jobs_cfg *c)
{
	struct feed_jobs *j = xcalloc(1, sizeof *j);
	int n = 0;
	j->exe = xstrdup(c->exe);
	for (char *const *e = c->env; e && *e && n < JOB_ENV_MAX; e++)
		j->env[n++] = xstrdup(*e);
	j->env[n++] = xstrdup("BOUNCEWATCH_ALERTS_BY_PARENT=1");
	j->env[n] = NULL;
	if (c->snds_every > 0) {
		struct job *b = add(j, c, "snds", "fetch", c->snds_every, 300);
		if (c->snds_url) {
			arg(b, "--snds-url");
			arg(b, c->snds_url);
		}
		if (c->snds_key_file) {
			arg(b, "--snds-key-file");
			arg(b, c->snds_key_file);
		}
	}
	if (c->arf_maildir) {
		struct job *b = add(j, c, "arf", NULL, c->arf_every > 0 ? c->arf_every : 60, 600);
		arg(b, "--maildir");
		arg(b, c->arf_maildir);
	}
	return j;
}

void feed_jobs_free(struct feed_jobs *j)
{
	if (j == NULL)
		return;
	for (int i = 0; i < j->njob; i++) {
		run_abandon(j->job[i].child);
		for (int k = 0; k < j->job[i].argc; k++)
			free(j->job[i].argv[k]);
	}
	for (char **e = j->env; *e; e++)
		free(*e);
	free(j->exe);
	free(j);
}

int feed_jobs_tick(struct feed_jobs *j, double now, struct feed_job_end *ends, int max, char *err,
		   size_t errlen)
{
	int ended = 0, rc = 0;
	for (int i = 0; i < j->njob; i++) {
		struct job *b = &j->job[i];
		struct run_result res;
		if (b->child && run_poll(b->child, &res)) {
			b->child = NULL;
			b->due = now + b->every;
			if (ended < max)
				ends[ended++] = (struct feed_job_end){ b->name, res, b->timeout };
		}
		if (b->child == NULL && now >= b->due) {
			b->child = run_start_argv(j->exe, b->argv, j->env, "", 0, b->timeout, err, errlen);
			if (b->child == NULL) {
				b->due = now + b->every;
				rc = -1;
			}
		}
	}
	return rc < 0 ? -1 : ended;
}

int feed_jobs_wait_ms(const struct feed_jobs *j, double now)
{
	double ms = INFINITY;
	for (int i = 0; i < j->njob; i++) {
		const struct job *b = &j->job[i];
		double w = b->child ? JOB_POLL_MS : (b->due - now) * 1000;
		ms = fmin(ms, w < 0 ? 0 : w);
	}
	return isinf(ms) ? -1 : (int)ceil(ms);
}
