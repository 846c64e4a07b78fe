/* config - the configuration file (see config.h).
 *
 * One table, keys[], says for each key its section, its type and range,
 * the option it stands for, the commands that take that option, and the
 * environment variable that overrides it. Everything else follows from the
 * table: the check while reading, the options handed to a command, the
 * sources for tail and `bouncewatch config`. The [sending-ips] section is
 * the one whose key names are free: HOST = IP is --source-ip HOST=IP.
 * Only this file and rules_parse.c include ini.h.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <ini.h>
#include "alert_opts.h"
#include "cmd.h"
#include "config.h"
#include "optnum.h"
#include "xmalloc.h"

enum type { T_PATH, T_STR, T_DUR, T_INT, T_NUM, T_BOOL, T_IP };

enum {
	F_REPEAT = 1,	/* may be given more than once; every value is used */
	F_SOURCE = 2,	/* a tail source: only when tail is given no source */
	F_GLOBAL = 4,	/* main applies it (--db, --rules) */
	F_FLAG = 8,	/* a boolean option without a value (--syslog) */
};

/* The commands that ingest take the episode and alert options (alert_opts.c). */
#define ALERTING "tail scan snds arf"

struct key {
	const char *section, *name;
	enum type type;
	long lo, hi;		/* T_INT, T_NUM, T_DUR: the option's own range (config_values.sh) */
	unsigned flags;
	const char *opt;	/* the option, "--alert-exec" */
	const char *cmds;	/* the commands that take it, space-separated */
	const char *opt2, *cmds2;	/* the same key under another name */
	const char *env;	/* overrides the file */
	const char *def;	/* shown by `config` when unset */
	const char *fixed;	/* value of an F_FLAG option with one value ("clear") */
	int group;		/* keys of one group yield together to the command line */
};

static const struct key keys[] = {
	{ "general", "database", T_PATH, 0, 0, F_GLOBAL, "--db", "", NULL, NULL, "BOUNCEWATCH_DB",
	  BW_DEFAULT_DB, NULL, 0 },
	{ "general", "rules", T_PATH, 0, 0, F_GLOBAL, "--rules", "", NULL, NULL, "BOUNCEWATCH_RULES",
	  "the patterns installed beside the binary", NULL, 0 },
	{ "sources", "file", T_PATH, 0, 0, F_REPEAT | F_SOURCE, NULL, "tail", NULL, NULL, NULL,
	  "none (tail needs a FILE or --journal)", NULL, 0 },
	{ "sources", "journal", T_BOOL, 0, 0, F_SOURCE | F_FLAG, "--journal", "tail", NULL, NULL, NULL,
	  "no", NULL, 0 },
	{ "sources", "journal-dir", T_PATH, 0, 0, F_SOURCE, "--journal-dir", "tail", NULL, NULL, NULL,
	  "the local journal", NULL, 0 },
	{ "sources", "journal-file", T_PATH, 0, 0, F_SOURCE, "--journal-file", "tail", NULL, NULL, NULL,
	  "", NULL, 0 },
	{ "sources", "identifier", T_STR, 0, 0, F_REPEAT | F_SOURCE, "--identifier", "tail", NULL, NULL,
	  NULL, "the MTAs' (postfix*, exim, exim4, smtpd, sendmail ...)", NULL, 0 },
	{ "sources", "unit", T_STR, 0, 0, F_REPEAT | F_SOURCE, "--unit", "tail", NULL, NULL, NULL, "",
	  NULL, 0 },
	{ "sources", "poll", T_NUM, 0, 86400, 0, "--poll", "tail", NULL, NULL, NULL, "0 (inotify)", NULL,
	  0 },
	{ "sources", "grace", T_NUM, 0, 86400, 0, "--grace", "tail", NULL, NULL, NULL, "5", NULL, 0 },
	{ "sources", "batch-lines", T_INT, 1, 10000000, 0, "--batch-lines", "tail", NULL, NULL, NULL,
	  "5000", NULL, 0 },
	{ "sources", "batch-ms", T_INT, 1, 10000000, 0, "--batch-ms", "tail", NULL, NULL, NULL, "200",
	  NULL, 0 },
	{ "episodes", "clear-after", T_DUR, 1, 0, 0, "--clear-after", ALERTING, NULL, NULL, NULL, "24h",
	  NULL, 0 },
	{ "episodes", "clear-accepts", T_INT, 1, 1000000, 0, "--clear-accepts", ALERTING, NULL, NULL,
	  NULL, "3", NULL, 0 },
	{ "episodes", "clear-span", T_DUR, 0, 0, 0, "--clear-span", ALERTING, NULL, NULL, NULL, "15m",
	  NULL, 0 },
	{ "episodes", "suspect-recipients", T_INT, 0, 64, 0, "--suspect-recipients",
	  ALERTING, NULL, NULL, NULL, "5", NULL, 0 },
	{ "episodes", "suspect-window", T_DUR, 1, 0, 0, "--suspect-window", ALERTING, NULL, NULL, NULL,
	  "10m", NULL, 0 },
	{ "episodes", "pool-cap", T_INT, 1, 1000000, 0, "--pool-cap", ALERTING, NULL, NULL, NULL,
	  "65536", NULL, 0 },
	{ "episodes", "unlisted-pool-cap", T_INT, 1, 1000000, 0, "--unlisted-pool-cap", ALERTING, NULL,
	  NULL, NULL, "256", NULL, 0 },
	{ "episodes", "unlisted-cap", T_INT, 1, 1000000, 0, "--unlisted-cap", ALERTING, NULL, NULL,
	  NULL, "10000", NULL, 0 },
	{ "alerts", "syslog", T_BOOL, 0, 0, F_FLAG, "--syslog", ALERTING, NULL, NULL, NULL, "no", NULL,
	  0 },
	{ "alerts", "exec", T_PATH, 0, 0, 0, "--alert-exec", ALERTING, NULL, NULL, NULL, "none", NULL,
	  1 },
	{ "alerts", "mail", T_STR, 0, 0, 0, "--alert-mail", ALERTING, NULL, NULL, NULL, "none", NULL,
	  1 },
	{ "alerts", "timeout", T_DUR, 1, 0, 0, "--alert-timeout", ALERTING, NULL, NULL, NULL, "30s", NULL,
	  0 },
	{ "alerts", "on-clear", T_BOOL, 0, 0, F_FLAG, "--alert-on", ALERTING, NULL, NULL, NULL, "no",
	  "clear", 0 },
	{ "alerts", "window", T_DUR, 0, 0, 0, "--alert-window", ALERTING, NULL, NULL, NULL, "1h", NULL,
	  0 },
	{ "alerts", "min-interval", T_DUR, 0, 0, 0, "--min-interval", ALERTING, NULL, NULL, NULL, "1h",
	  NULL, 0 },
	{ "mail", "relay", T_STR, 0, 0, 0, "--smtp-relay", "alert-mail", "--relay", "digest",
	  "BOUNCEWATCH_SMTP_RELAY", "localhost:25", NULL, 0 },
	{ "mail", "from", T_STR, 0, 0, 0, "--mail-from", "alert-mail", "--from", "digest",
	  "BOUNCEWATCH_MAIL_FROM", "bouncewatch@HOSTNAME", NULL, 0 },
	{ "mail", "to", T_STR, 0, 0, 0, "--mail-to", "alert-mail", "--to", "digest", "BOUNCEWATCH_MAIL_TO",
	  "postmaster", NULL, 0 },
	{ "mail", "helo", T_STR, 0, 0, 0, "--smtp-helo", "alert-mail", "--helo", "digest",
	  "BOUNCEWATCH_SMTP_HELO", "HOSTNAME", NULL, 0 },
	{ "mail", "timeout", T_DUR, 1, 0, 0, "--smtp-timeout", "alert-mail", "--timeout", "digest",
	  "BOUNCEWATCH_SMTP_TIMEOUT", "20s", NULL, 0 },
	{ "retention", "attempts", T_DUR, 3600, 0, 0, "--retention", "tail", "--older-than", "prune",
	  NULL, "for ever", NULL, 0 },
	{ "snds", "key-file", T_PATH, 0, 0, 0, "--snds-key-file", "tail snds", NULL, NULL, NULL,
	  "$BOUNCEWATCH_SNDS_KEY", NULL, 0 },
	{ "snds", "url", T_STR, 0, 0, 0, "--snds-url", "tail snds", NULL, NULL, NULL,
	  "https://sendersupport.olc.protection.outlook.com/snds/", NULL, 0 },
	{ "snds", "interval", T_DUR, 1, 0, 0, "--snds-every", "tail", NULL, NULL, NULL, "never", NULL,
	  0 },
	{ "arf", "maildir", T_PATH, 0, 0, 0, "--arf-maildir", "tail", NULL, NULL, NULL, "none", NULL, 0 },
	{ "arf", "interval", T_DUR, 1, 0, 0, "--arf-every", "tail", NULL, NULL, NULL, "1m", NULL, 0 },
	{ "dns", "resolver", T_STR, 0, 0, 0, "--resolver", "tail dnsbl selfcheck", NULL, NULL, NULL,
	  "none (no DNS checks in tail)", NULL, 0 },
	{ "dns", "timeout-ms", T_INT, 10, 60000, 0, "--dns-timeout", "tail dnsbl selfcheck", NULL, NULL,
	  NULL, "2000", NULL, 0 },
	{ "dns", "tries", T_INT, 1, 10, 0, "--dns-tries", "tail dnsbl selfcheck", NULL, NULL, NULL, "2",
	  NULL, 0 },
	{ "dns", "dnsbl-zones", T_STR, 0, 0, 0, "--dnsbl-zones", "tail dnsbl", NULL, NULL, NULL,
	  "the built-in list", NULL, 0 },
	{ "dns", "dnsbl-lists", T_PATH, 0, 0, 0, "--dnsbl-lists", "tail dnsbl", NULL, NULL, NULL,
	  "the built-in list", NULL, 0 },
	{ "dns", "dnsbl-interval", T_DUR, 0, 0, 0, "--dnsbl-interval", "tail", NULL, NULL, NULL, "6h",
	  NULL, 0 },
	{ "selfcheck", "domain", T_STR, 0, 0, 0, "--domain", "tail selfcheck", NULL, NULL, NULL, "", NULL,
	  0 },
	{ "selfcheck", "helo", T_STR, 0, 0, 0, "--helo", "tail selfcheck", NULL, NULL, NULL, "", NULL,
	  0 },
	{ "selfcheck", "dkim-selector", T_STR, 0, 0, F_REPEAT, "--dkim-selector", "tail selfcheck", NULL,
	  NULL, NULL, "", NULL, 0 },
	{ "metrics", "file", T_PATH, 0, 0, 0, "--metrics-file", "tail", NULL, NULL, NULL, "none", NULL,
	  0 },
};
#define NKEYS (sizeof keys / sizeof *keys)
#define SENDING_IPS "sending-ips"

/* A value read from the file: keys[k] (or a sending IP when k == NKEYS). */
struct entry {
	size_t k;
	char *host;	/* [sending-ips] only */
	char *value;
	char *arg;	/* HOST=IP for --source-ip */
	int line;
};

struct config {
	char *path;
	struct entry *e;
	size_t n, cap;
	int argc;
	char **argv;
};

int config_locate(int argc, char **argv, const char **path, int *given)
{
	const char *env = getenv("BOUNCEWATCH_CONFIG");
	*path = NULL;
	*given = 0;
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strncmp(argv[i], "--config=", 9) == 0) {
			*path = argv[i] + 9;
		} else if (strcmp(argv[i], "--config") == 0) {
			if (i + 1 >= argc)
				return -1;
			*path = argv[++i];
		} else {
			continue;
		}
		*given = 1;
	}
	if (*given)
		return 0;
	if (env != NULL) {
		*path = *env ? env : NULL;
		*given = *env != '\0';
		return 0;
	}
	if (access(BW_CONFIG_FILE, F_OK) == 0)
		*path = BW_CONFIG_FILE;
	return 0;
}

/* A number or duration of the episode and alert options is checked by their
 * own parser (alert_opts.c) on a scratch configuration, so the file takes
 * exactly what the command line takes (suspect-recipients: 0, or 2 to 64). */
static int check_alert_value(const struct key *k, const char *v, char *why, size_t len)
{
	struct alert_cfg scratch;
	size_t n = strlen(k->opt);
	int rc;
	alert_cfg_init(&scratch);
	rc = alert_opt_set(&scratch, k->opt + 2, v, why, len);
	alert_cfg_release(&scratch);
	if (rc > 0)
		return 0;
	if (strncmp(why, k->opt, n) == 0 && strncmp(why + n, ": ", 2) == 0)
		memmove(why, why + n + 2, strlen(why + n + 2) + 1);	/* the key names it */
	return -1;
}

/* Checks value v against key k with the wording of the command line's
 * checks (optnum.h); 0, or -1 with why. */
static int check_value(const struct key *k, const char *v, char *why, size_t len)
{
	double d;
	long n;
	unsigned char ip[16];
	if (*v == '\0') {
		snprintf(why, len, "an empty value (leave the key out for the default)");
		return -1;
	}
	if ((k->type == T_DUR || k->type == T_INT || k->type == T_NUM) &&
	    strcmp(k->cmds, ALERTING) == 0)
		return check_alert_value(k, v, why, len);
	switch (k->type) {
	case T_PATH:
	case T_STR:
		return 0;
	case T_BOOL:
		if (strcmp(v, "yes") == 0 || strcmp(v, "no") == 0 || strcmp(v, "true") == 0 ||
		    strcmp(v, "false") == 0)
			return 0;
		snprintf(why, len, "expected yes or no, got '%s'", v);
		return -1;
	case T_DUR:
		return optnum_duration(NULL, v, k->lo, LONG_MAX, &n, why, len);
	case T_INT:
		return optnum_long(NULL, v, k->lo, k->hi, &n, why, len);
	case T_NUM:
		return optnum_double(NULL, v, (double)k->lo, (double)k->hi, &d, why, len);
	case T_IP:
		if (inet_pton(AF_INET, v, ip) == 1 || inet_pton(AF_INET6, v, ip) == 1)
			return 0;
		snprintf(why, len, "expected an IPv4 or IPv6 address, got '%s'", v);
		return -1;
	}
	return -1;
}

static int is_true(const char *v)
{
	return strcmp(v, "yes") == 0 || strcmp(v, "true") == 0;
}

/* The reader: counts lines, strips leading blanks (no continuation lines),
 * and turns a line that is too long or holds a NUL into an error. */
struct reader {
	struct config *c;
	FILE *f;
	int lineno;
	char *err;
	size_t errlen;
	int failed;
};

static void fail(struct reader *rd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(struct reader *rd, const char *fmt, ...)
{
	char why[512];
	va_list ap;
	if (rd->failed)
		return;
	rd->failed = 1;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	snprintf(rd->err, rd->errlen, "%s:%d: %s", rd->c->path, rd->lineno, why);
}

static char *rd_next(char *str, int num, void *stream)
{
	struct reader *rd = stream;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len = getline(&line, &cap, rd->f);
	if (len < 0) {
		free(line);
		return NULL;
	}
	rd->lineno++;
	size_t skip = strspn(line, " \t");
	if (memchr(line, '\0', (size_t)len) != NULL)
		fail(rd, "a NUL byte in the line");
	else if (len - (ssize_t)skip >= num - 1)
		fail(rd, "a line longer than %d bytes", num - 2);
	if (rd->failed) {
		snprintf(str, (size_t)num, "\n");
	} else {
		memcpy(str, line + skip, (size_t)len - skip);
		str[len - (ssize_t)skip] = '\0';
	}
	free(line);
	return str;
}

static void add(struct config *c, size_t k, const char *host, const char *v, int line)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->e = xrealloc(c->e, c->cap * sizeof *c->e);
	}
	struct entry *e = &c->e[c->n++];
	e->k = k;
	e->host = host ? xstrdup(host) : NULL;
	e->value = xstrdup(v);
	e->line = line;
	e->arg = NULL;
	if (host) {
		size_t n = strlen(host) + strlen(v) + 2;
		e->arg = xmalloc(n);
		snprintf(e->arg, n, "%s=%s", host, v);
	}
}

static int on_key(void *user, const char *section, const char *name, const char *value)
{
	struct reader *rd = user;
	struct config *c = rd->c;
	char why[256];
	if (rd->failed)
		return 1;
	if (strcmp(section, SENDING_IPS) == 0) {
		static const struct key ipkey = { .type = T_IP };
		if (strchr(name, '=') != NULL) {
			fail(rd, "[sending-ips] %s: '=' in a host name", name);
			return 1;
		}
		if (check_value(&ipkey, value, why, sizeof why) < 0) {
			fail(rd, "[sending-ips] %s: %s", name, why);
			return 1;
		}
		add(c, NKEYS, name, value, rd->lineno);
		return 1;
	}
	for (size_t k = 0; k < NKEYS; k++) {
		if (strcmp(keys[k].section, section) != 0 || strcmp(keys[k].name, name) != 0)
			continue;
		if (check_value(&keys[k], value, why, sizeof why) < 0) {
			fail(rd, "[%s] %s: %s", section, name, why);
			return 1;
		}
		for (size_t i = 0; i < c->n; i++)
			if (c->e[i].k == k && !(keys[k].flags & F_REPEAT)) {
				fail(rd, "[%s] %s given twice (first at line %d)", section, name, c->e[i].line);
				return 1;
			}
		add(c, k, NULL, value, rd->lineno);
		return 1;
	}
	for (size_t k = 0; k < NKEYS; k++)
		if (strcmp(keys[k].section, section) == 0) {
			fail(rd, "unknown key '%s' in [%s]", name, section);
			return 1;
		}
	if (*section == '\0')
		fail(rd, "'%s' outside a section (keys go under [general], [sources], ...)", name);
	else
		fail(rd, "unknown section [%s]", section);
	return 1;
}

struct config *config_load(const char *path, int argc, char **argv, char *err, size_t errlen)
{
	struct config *c = xcalloc(1, sizeof *c);
	struct reader rd = { .c = c, .err = err, .errlen = errlen };
	c->argc = argc;
	c->argv = argv;
	if (path == NULL)
		return c;
	c->path = xstrdup(path);
	if ((rd.f = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		config_free(c);
		return NULL;
	}
	int rc = ini_parse_stream(rd_next, &rd, on_key, &rd);
	fclose(rd.f);
	if (!rd.failed && rc != 0) {
		rd.lineno = rc > 0 ? rc : rd.lineno;
		fail(&rd, "%s", rc > 0 ? "syntax error (expected [section] or key = value)" : "cannot be read");
	}
	if (rd.failed) {
		config_free(c);
		return NULL;
	}
	return c;
}

void config_free(struct config *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->e[i].host);
		free(c->e[i].value);
		free(c->e[i].arg);
	}
	free(c->e);
	free(c->path);
	free(c);
}

static const char *value_of(const struct config *c, const char *section, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->e[i].k < NKEYS && strcmp(keys[c->e[i].k].section, section) == 0 &&
		    strcmp(keys[c->e[i].k].name, name) == 0)
			return c->e[i].value;
	return NULL;
}

const char *config_origin(const struct config *c, const char *value, char *out, size_t outsz)
{
	for (size_t i = 0; c && value && i < c->n; i++) {
		const struct entry *e = &c->e[i];
		if (value != e->value && value != e->arg)
			continue;
		if (e->k < NKEYS)
			snprintf(out, outsz, "%s:%d: [%s] %s", c->path, e->line, keys[e->k].section,
				 keys[e->k].name);
		else
			snprintf(out, outsz, "%s:%d: [%s] %s", c->path, e->line, SENDING_IPS, e->host);
		return out;
	}
	return NULL;
}

const char *config_db(const struct config *c)
{
	return value_of(c, "general", "database");
}

const char *config_rules(const struct config *c)
{
	return value_of(c, "general", "rules");
}

/* 1 when word is one of the space-separated words of list. */
static int in_list(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; p && *p;) {
		const char *sp = strchr(p, ' ');
		size_t len = sp ? (size_t)(sp - p) : strlen(p);
		if (len == n && strncmp(p, word, n) == 0)
			return 1;
		p = sp ? sp + 1 : NULL;
	}
	return 0;
}

/* The option key k stands for in command cmd, or NULL. */
static const char *option_for(const struct key *k, const char *cmd)
{
	if (k->opt && in_list(k->cmds, cmd))
		return k->opt;
	if (k->opt2 && in_list(k->cmds2, cmd))
		return k->opt2;
	return NULL;
}

/* 1 when argv[from..argc-1] holds option opt (alone or as opt=VALUE). */
static int has_option(int argc, char **argv, int from, const char *opt)
{
	size_t n = strlen(opt);
	for (int i = from; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strncmp(argv[i], opt, n) == 0 && (argv[i][n] == '\0' || argv[i][n] == '='))
			return 1;
	return 0;
}

/* 1 when the command line (argv from `from`) or the environment overrides
 * key k (or a key of its group) for command cmd. */
static int overridden(const struct key *k, const char *cmd, int argc, char **argv, int from)
{
	const char *env = k->env ? getenv(k->env) : NULL, *own = option_for(k, cmd);
	if ((env && *env) || (own && has_option(argc, argv, from, own)))
		return 1;
	for (size_t j = 0; j < NKEYS && k->group; j++) {
		const char *o = option_for(&keys[j], cmd);
		if (keys[j].group == k->group && o &&
		    has_option(argc, argv, from, o))
			return 1;
	}
	return 0;
}

/* Appends entry e as options of cmd to out (room checked by the caller). */
static int push(const struct entry *e, const char *opt, char **out, int n)
{
	const struct key *k = &keys[e->k];
	if (k->flags & F_FLAG) {
		if (!is_true(e->value))
			return n;
		out[n++] = (char *)opt;
		if (k->fixed)
			out[n++] = (char *)k->fixed;
		return n;
	}
	out[n++] = (char *)opt;
	out[n++] = e->value;
	return n;
}

char **config_argv(const struct config *c, int *argc, char **argv)
{
	static const struct key srcip = { .opt = "--source-ip", .cmds = ALERTING " dnsbl" };
	static const char *const verbs[] = { "snds fetch", "snds import", "dnsbl check", NULL };
	char **out = xmalloc(((size_t)*argc + 2 * c->n + 1) * sizeof *out);
	const char *cmd = argv[0];
	int at = 1, n = 0;
	for (const char *const *v = verbs; *v && *argc > 1; v++) {
		size_t len = strlen(cmd);
		if (strncmp(*v, cmd, len) == 0 && (*v)[len] == ' ' && strcmp(*v + len + 1, argv[1]) == 0)
			at = 2;
	}
	if (at == 1 && (strcmp(cmd, "snds") == 0 || strcmp(cmd, "dnsbl") == 0))
		at = *argc + 1;	/* not a verb (--help): nothing inserted */
	for (int i = 0; i < at && i < *argc; i++)
		out[n++] = argv[i];
	for (size_t i = 0; i < c->n && at <= *argc; i++) {
		const struct entry *e = &c->e[i];
		const struct key *k = e->k < NKEYS ? &keys[e->k] : &srcip;
		const char *opt = option_for(k, cmd);
		if (opt == NULL || (k->flags & (F_SOURCE | F_GLOBAL)) || overridden(k, cmd, *argc, argv, at))
			continue;
		if (e->k == NKEYS) {
			out[n++] = (char *)opt;
			out[n++] = e->arg;
		} else {
			n = push(e, opt, out, n);
		}
	}
	for (int i = at; i < *argc; i++)
		out[n++] = argv[i];
	out[n] = NULL;
	*argc = n;
	return out;
}

char **config_sources(const struct config *c, int *n)
{
	char **out = xmalloc((2 * c->n + 2) * sizeof *out);	/* room for argv[0] in front */
	*n = 0;
	for (size_t i = 0; i < c->n; i++) {
		const struct entry *e = &c->e[i];
		if (e->k == NKEYS || !(keys[e->k].flags & F_SOURCE))
			continue;
		if (keys[e->k].opt == NULL)
			out[(*n)++] = e->value;	/* a file: an operand */
		else
			*n = push(e, keys[e->k].opt, out, *n);
	}
	out[*n] = NULL;
	return out;
}

int config_is_option(const char *name, int *takes_value)
{
	for (size_t k = 0; k < NKEYS; k++) {
		const char *o[] = { keys[k].opt, keys[k].opt2 };
		for (int j = 0; j < 2; j++)
			if (o[j] && strcmp(o[j] + 2, name) == 0) {
				*takes_value = !(keys[k].flags & F_FLAG);
				return 1;
			}
	}
	if (strcmp(name, "source-ip") == 0) {
		*takes_value = 1;
		return 1;
	}
	return 0;
}

/* The value of option opt in argv[from..], or NULL. */
static const char *cli_value(int argc, char **argv, int from, const char *opt, int flag)
{
	const char *v = NULL;
	size_t n = strlen(opt);
	for (int i = from; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strncmp(argv[i], opt, n) != 0)
			continue;
		if (argv[i][n] == '=')
			v = argv[i] + n + 1;
		else if (argv[i][n] == '\0')
			v = flag ? "yes" : i + 1 < argc ? argv[++i] : v;
	}
	return v;
}

static void print_key(const struct config *c, size_t k, int n, char **extra, FILE *f)
{
	const struct key *key = &keys[k];
	const char *opts[] = { key->opt, key->opt2 }, *v = NULL, *env;
	int shown = 0;
	for (int j = 0; j < 2 && v == NULL; j++)
		if (opts[j]) {
			v = cli_value(n, extra, 0, opts[j], key->flags & F_FLAG);
			if (v == NULL && (key->flags & F_GLOBAL))
				v = cli_value(c->argc, c->argv, 1, opts[j], 0);
		}
	if (v) {
		fprintf(f, "%s.%s = %s  # command line\n", key->section, key->name, v);
		return;
	}
	if (key->env && (env = getenv(key->env)) != NULL && *env) {
		fprintf(f, "%s.%s = %s  # env %s\n", key->section, key->name, env, key->env);
		return;
	}
	for (size_t i = 0; i < c->n; i++)
		if (c->e[i].k == k) {
			fprintf(f, "%s.%s = %s  # %s:%d\n", key->section, key->name, c->e[i].value, c->path,
				c->e[i].line);
			shown = 1;
		}
	if (!shown)
		fprintf(f, "%s.%s = %s  # default\n", key->section, key->name, *key->def ? key->def : "(none)");
}

void config_print(const struct config *c, int n, char **extra, FILE *f)
{
	int ips = 0;
	fprintf(f, "# configuration file: %s\n", c->path ? c->path : "none");
	for (size_t k = 0; k < NKEYS; k++) {
		print_key(c, k, n, extra, f);
		if (k + 1 < NKEYS && strcmp(keys[k + 1].section, keys[k].section) != 0 &&
		    strcmp(keys[k].section, "sources") == 0) {
			const char *v;
			for (int i = 0; i < n; i++)
				if (strcmp(extra[i], "--source-ip") == 0 && i + 1 < n) {
					v = extra[++i];
					fprintf(f, "sending-ips = %s  # command line\n", v);
					ips = -1;
				}
			for (size_t i = 0; i < c->n && ips >= 0; i++)
				if (c->e[i].k == NKEYS) {
					fprintf(f, "sending-ips.%s = %s  # %s:%d\n", c->e[i].host, c->e[i].value,
						c->path, c->e[i].line);
					ips = 1;
				}
			if (ips == 0)
				fprintf(f, "sending-ips = (none)  # default\n");
		}
	}
}
