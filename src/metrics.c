/* metrics - the node_exporter textfile (see metrics.h). Knows nothing of
 * SQLite or the log: it renders a struct metrics and writes a file.
 * Format: https://prometheus.io/docs/instrumenting/exposition_formats/
 * (text format 0.0.4: HELP and TYPE lines, label values with \\, \" and \n
 * escaped); names: https://prometheus.io/docs/practices/naming/ .
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "metrics.h"

void metrics_add_attempts(struct metrics *m, const char *status, const char *provider, uint64_t n)
{
	size_t i;
	if (provider == NULL || *provider == '\0')
		provider = "unknown";
	for (i = 0; i < m->nseries; i++)
		if (strcmp(m->series[i].status, status) == 0 && strcmp(m->series[i].provider, provider) == 0)
			break;
	if (i == m->nseries && m->nseries >= METRICS_SERIES_MAX - 8 && strcmp(provider, "other") != 0) {
		metrics_add_attempts(m, status, "other", n);	/* room kept for "other" */
		return;
	}
	if (i == m->nseries) {
		if (m->nseries == METRICS_SERIES_MAX)
			return;
		snprintf(m->series[i].status, sizeof m->series[i].status, "%s", status);
		snprintf(m->series[i].provider, sizeof m->series[i].provider, "%s", provider);
		m->series[i].n = 0;
		m->nseries++;
	}
	m->series[i].n += n;
}

/* A label value: \, " and newline escaped; other control bytes dropped. */
static void label(struct buf *b, const char *v)
{
	for (; *v; v++) {
		if (*v == '\\' || *v == '"')
			buf_addc(b, '\\'), buf_addc(b, *v);
		else if (*v == '\n')
			buf_adds(b, "\\n");
		else if ((unsigned char)*v >= 0x20 && *v != 0x7f)
			buf_addc(b, *v);
	}
}

static void head(struct buf *b, const char *name, const char *type, const char *help)
{
	buf_addf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

void metrics_render(const struct metrics *m, struct buf *b)
{
	head(b, "bouncewatch_attempts_total", "counter",
	     "Delivery attempts stored since tail started, by status and provider.");
	for (size_t i = 0; i < m->nseries; i++) {
		buf_adds(b, "bouncewatch_attempts_total{status=\"");
		label(b, m->series[i].status);
		buf_adds(b, "\",provider=\"");
		label(b, m->series[i].provider);
		buf_addf(b, "\"} %llu\n", (unsigned long long)m->series[i].n);
	}
	head(b, "bouncewatch_open_episodes", "gauge", "Block and configuration episodes not cleared.");
	buf_addf(b, "bouncewatch_open_episodes %lld\n", (long long)m->open_episodes);
	head(b, "bouncewatch_lines_read_total", "counter", "Log lines read since tail started.");
	buf_addf(b, "bouncewatch_lines_read_total %llu\n", (unsigned long long)m->lines);
	head(b, "bouncewatch_lines_not_understood_total", "counter",
	     "Lines without a known syslog header or MTA status lines that could not be read.");
	buf_addf(b, "bouncewatch_lines_not_understood_total %llu\n", (unsigned long long)m->not_understood);
	head(b, "bouncewatch_last_line_timestamp_seconds", "gauge",
	     "Clock time of the last commit of lines read (0: none).");
	buf_addf(b, "bouncewatch_last_line_timestamp_seconds %.3f\n", m->last_line);
	head(b, "bouncewatch_last_delivery_timestamp_seconds", "gauge",
	     "Log time of the newest delivery attempt stored (0: none).");
	buf_addf(b, "bouncewatch_last_delivery_timestamp_seconds %.3f\n", m->last_delivery);
	head(b, "bouncewatch_commit_duration_seconds", "summary",
	     "Time the commits of rows and read positions took.");
	buf_addf(b, "bouncewatch_commit_duration_seconds_sum %.6f\n", m->commit_seconds);
	buf_addf(b, "bouncewatch_commit_duration_seconds_count %llu\n", (unsigned long long)m->commits);
	head(b, "bouncewatch_alert_failures_total", "counter",
	     "Alert deliveries that failed since tail started (each is retried).");
	buf_addf(b, "bouncewatch_alert_failures_total %llu\n", (unsigned long long)m->alert_failures);
	head(b, "bouncewatch_alerts_undelivered", "gauge", "Alerts tried and not delivered yet.");
	buf_addf(b, "bouncewatch_alerts_undelivered %lld\n", (long long)m->alerts_undelivered);
	head(b, "bouncewatch_episode_cap_hits_total", "counter",
	     "Block replies since tail started that opened no episode: their pool was at its cap.");
	buf_addf(b, "bouncewatch_episode_cap_hits_total %llu\n", (unsigned long long)m->episode_cap_hits);
}

int metrics_write(const char *path, const char *text, size_t len, char *err, size_t errlen)
{
	char tmp[4096];
	int fd;
	ssize_t w = 0;
	if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) {
		snprintf(err, errlen, "%s: path too long", path);
		return -1;
	}
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644)) < 0) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		return -1;
	}
	for (size_t off = 0; off < len && w >= 0; off += (size_t)w)
		w = write(fd, text + off, len - off);
	if (w < 0 || close(fd) != 0) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		if (w < 0)
			close(fd);
		unlink(tmp);
		return -1;
	}
	if (rename(tmp, path) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}
