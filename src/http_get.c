/* http_get - fetching one URL with libcurl (see http_get.h).
 * libcurl is loaded (dynlib.h) and curl_global_init done once, at the first
 * fetch; bouncewatch is single-threaded here.
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dynlib.h"
#include "http_get.h"
#include "xmalloc.h"

#define CURL_FUNCS(X) X(curl_global_init) X(curl_easy_init) X(curl_easy_setopt) \
	X(curl_easy_perform) X(curl_easy_getinfo) X(curl_easy_cleanup) X(curl_easy_strerror)
DYNLIB_DEFINE(libcurl, CURL_FUNCS, BW_SONAME_CURL, "libcurl4", "fetching SNDS data");
/* Calls go through the loaded pointers (dl_NAME), so curl.h's own
 * curl_easy_setopt/getinfo macros (gcc's type checks) are not used: every
 * option below is a long, a string or a callback of curl's documented type. */

struct sink {
	char *p;
	size_t len, cap, max;
	int too_big;
};

static size_t on_data(char *ptr, size_t size, size_t n, void *arg)
{
	struct sink *s = arg;
	size_t add = size * n;
	if (add > s->max - s->len) {
		s->too_big = 1;
		return 0;	/* makes curl stop with CURLE_WRITE_ERROR */
	}
	if (s->len + add + 1 > s->cap) {
		size_t cap = s->cap ? s->cap : 65536;
		while (cap < s->len + add + 1)
			cap *= 2;
		s->p = xrealloc(s->p, cap);
		s->cap = cap;
	}
	memcpy(s->p + s->len, ptr, add);
	s->len += add;
	return add;
}

void http_redact(const char *url, const char *name, char *out, size_t outsz)
{
	size_t o = 0, nl = name ? strlen(name) : 0;
	if (outsz == 0)
		return;
	for (const char *p = url; *p && o + 1 < outsz;) {
		if (nl && (*p == '?' || *p == '&') && strncmp(p + 1, name, nl) == 0 && p[1 + nl] == '=') {
			int w = snprintf(out + o, outsz - o, "%c%s=***", *p, name);
			o = w < 0 ? o : o + (size_t)w < outsz ? o + (size_t)w : outsz - 1;
			p += 2 + nl;
			while (*p && *p != '&' && *p != '#')
				p++;
			continue;
		}
		out[o++] = *p++;
	}
	out[o] = '\0';
}

static int init_once(char *err, size_t errlen)
{
	static int done;
	if (!done && dynlib_load(&libcurl, err, errlen) < 0)
		return -1;
	if (!done && dl_curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		snprintf(err, errlen, "libcurl could not be initialised");
		return -1;
	}
	done = 1;
	return 0;
}

int http_get(const char *url, const struct http_opts *o, struct http_body *body, char *err,
	     size_t errlen)
{
	struct sink s = { .max = o->max_bytes ? o->max_bytes : 64u << 20 };
	char shown[512], cerr[CURL_ERROR_SIZE] = "";
	CURL *c;
	CURLcode rc;

	body->data = NULL;
	body->len = 0;
	body->status = 0;
	http_redact(url, o->secret_param, shown, sizeof shown);
	if (init_once(err, errlen) < 0)
		return -1;
	if ((c = dl_curl_easy_init()) == NULL) {
		snprintf(err, errlen, "%s: libcurl could not be initialised", shown);
		return -1;
	}
	dl_curl_easy_setopt(c, CURLOPT_URL, url);
	dl_curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	dl_curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
	dl_curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
	dl_curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	dl_curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, o->connect_timeout_ms ? o->connect_timeout_ms : 10000L);
	dl_curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, o->timeout_ms ? o->timeout_ms : 60000L);
	dl_curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	dl_curl_easy_setopt(c, CURLOPT_MAXREDIRS, 3L);
#if LIBCURL_VERSION_NUM >= 0x075500
	dl_curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	dl_curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	dl_curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	dl_curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	dl_curl_easy_setopt(c, CURLOPT_USERAGENT, "bouncewatch");
	dl_curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	rc = dl_curl_easy_perform(c);
	dl_curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &body->status);
	dl_curl_easy_cleanup(c);
	if (rc != CURLE_OK || body->status >= 400) {
		if (s.too_big)
			snprintf(err, errlen, "%s: answer larger than %zu bytes", shown, s.max);
		else if (rc == CURLE_OPERATION_TIMEDOUT)
			snprintf(err, errlen, "%s: timed out (%s)", shown, cerr[0] ? cerr : dl_curl_easy_strerror(rc));
		else if (rc != CURLE_OK)
			snprintf(err, errlen, "%s: %s", shown, cerr[0] ? cerr : dl_curl_easy_strerror(rc));
		else
			snprintf(err, errlen, "%s: HTTP status %ld%s", shown, body->status,
				 body->status == 401 || body->status == 403 ? " (the key was refused)" : "");
		free(s.p);
		return -1;
	}
	body->data = s.p ? s.p : xstrdup("");
	if (s.p)
		body->data[s.len] = '\0';
	body->len = s.len;
	return 0;
}
