/* dnswork - one worker thread, a bounded request queue, a result list
 * (see dnswork.h). The mutex guards the queue, the results and the
 * counters; the worker holds it only to move items, never during a lookup.
 * A pipe's read end tells a poll loop that results wait.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "dnswork.h"
#include "xmalloc.h"

struct req {
	char ip[DNSBL_IP_MAX];
	int64_t episode_id;
	int selfcheck;
};

struct done {
	struct dnswork_result *r;
	struct done *next;
};

struct dnswork {
	const struct dnscheck_cfg *cfg;
	const struct dnsbl_conf *conf;
	struct dns *dns;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct req q[DNSWORK_QUEUE_MAX];
	unsigned head, count, running;
	struct done *results, **tail;
	int stop;
	int pipe[2];
	uint64_t dropped;
};

static double mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static struct dnswork_result *run(struct dnswork *w, const struct req *q)
{
	struct dnswork_result *r = xcalloc(1, sizeof *r);
	const char *ip = q->ip;
	char err[256];
	snprintf(r->ip, sizeof r->ip, "%s", q->ip);
	r->episode_id = q->episode_id;
	r->started = mono();
	r->checks = dnsbl_check_run(w->dns, w->conf, &ip, 1, &r->n, err, sizeof err);
	if (q->selfcheck) {
		struct selfcheck_opts o = w->cfg->self;
		o.ip = q->ip;
		r->has_self = selfcheck_run(w->dns, &o, &r->self, err, sizeof err) == 0;
	}
	r->finished = mono();
	return r;
}

static void *worker(void *arg)
{
	struct dnswork *w = arg;
	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (w->count == 0 && !w->stop)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->stop)
			break;
		struct req q = w->q[w->head];
		w->head = (w->head + 1) % DNSWORK_QUEUE_MAX;
		w->count--;
		w->running = 1;
		pthread_mutex_unlock(&w->mu);
		struct done *d = xmalloc(sizeof *d);
		d->r = run(w, &q);
		d->next = NULL;
		pthread_mutex_lock(&w->mu);
		w->running = 0;
		*w->tail = d;
		w->tail = &d->next;
		if (write(w->pipe[1], "r", 1) < 0) {
			/* full pipe: a reader is already woken */
		}
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

struct dnswork *dnswork_new(const struct dnscheck_cfg *cfg, const struct dnsbl_conf *conf,
			    char *err, size_t errlen)
{
	struct dnswork *w = xcalloc(1, sizeof *w);
	w->cfg = cfg;
	w->conf = conf;
	w->tail = &w->results;
	if ((w->dns = dns_new(&cfg->dns, err, errlen)) == NULL) {
		free(w);
		return NULL;
	}
	if (pipe2(w->pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		dns_free(w->dns);
		free(w);
		return NULL;
	}
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	int e = pthread_create(&w->thread, NULL, worker, w);
	if (e != 0) {
		snprintf(err, errlen, "cannot start the DNS thread: %s", strerror(e));
		close(w->pipe[0]);
		close(w->pipe[1]);
		dns_free(w->dns);
		free(w);
		return NULL;
	}
	return w;
}

void dnswork_result_free(struct dnswork_result *r)
{
	if (r == NULL)
		return;
	free(r->checks);
	free(r);
}

void dnswork_free(struct dnswork *w)
{
	if (w == NULL)
		return;
	pthread_mutex_lock(&w->mu);
	w->stop = 1;
	dns_cancel(w->dns);	/* the lookup in flight ends within 100 ms */
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->thread, NULL);
	for (struct dnswork_result *r; (r = dnswork_take(w)) != NULL;)
		dnswork_result_free(r);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->cv);
	close(w->pipe[0]);
	close(w->pipe[1]);
	dns_free(w->dns);
	free(w);
}

int dnswork_request(struct dnswork *w, const char *ip, int64_t episode_id, int selfcheck)
{
	unsigned char b[16];
	int rc = -1;
	if (strlen(ip) >= DNSBL_IP_MAX || (inet_pton(AF_INET, ip, b) != 1 && inet_pton(AF_INET6, ip, b) != 1))
		return -1;
	pthread_mutex_lock(&w->mu);
	if (w->count < DNSWORK_QUEUE_MAX) {
		struct req *q = &w->q[(w->head + w->count) % DNSWORK_QUEUE_MAX];
		snprintf(q->ip, sizeof q->ip, "%s", ip);
		q->episode_id = episode_id;
		q->selfcheck = selfcheck;
		w->count++;
		pthread_cond_signal(&w->cv);
		rc = 0;
	} else {
		w->dropped++;
	}
	pthread_mutex_unlock(&w->mu);
	return rc;
}

struct dnswork_result *dnswork_take(struct dnswork *w)
{
	struct dnswork_result *r = NULL;
	char buf[64];
	pthread_mutex_lock(&w->mu);
	if (w->results) {
		struct done *d = w->results;
		w->results = d->next;
		if (w->results == NULL)
			w->tail = &w->results;
		r = d->r;
		free(d);
	}
	if (w->results == NULL)
		while (read(w->pipe[0], buf, sizeof buf) > 0)
			;
	pthread_mutex_unlock(&w->mu);
	return r;
}

int dnswork_ready(struct dnswork *w)
{
	pthread_mutex_lock(&w->mu);
	int r = w->results != NULL;
	pthread_mutex_unlock(&w->mu);
	return r;
}

unsigned dnswork_pending(struct dnswork *w)
{
	pthread_mutex_lock(&w->mu);
	unsigned n = w->count + w->running;
	pthread_mutex_unlock(&w->mu);
	return n;
}

int dnswork_fd(const struct dnswork *w)
{
	return w->pipe[0];
}

uint64_t dnswork_dropped(const struct dnswork *w)
{
	return w->dropped;
}
