/* http_get - fetching one URL with libcurl
 *
 * The only file that includes curl/curl.h. One GET, into a buffer capped at
 * max bytes, with a connect timeout and a total timeout; HTTPS with the
 * system's CA store; proxies from the environment (http_proxy, https_proxy,
 * no_proxy, as libcurl reads them). A redirect is followed at most 3 times,
 * to http(s) only. An HTTP status of 400 or more is an error.
 *
 * Secrets: callers pass the URL's secret query parameter name (e.g. "key");
 * every error message shows the URL with that parameter's value replaced by
 * "***", and nothing else here prints anything.
 */
#ifndef BW_HTTP_GET_H
#define BW_HTTP_GET_H
#include <stddef.h>

struct http_opts {
	long connect_timeout_ms;	/* default 10000 */
	long timeout_ms;		/* whole transfer; default 60000 */
	size_t max_bytes;		/* default 64 MiB */
	const char *secret_param;	/* query parameter to hide in messages, or NULL */
};

struct http_body {
	char *data;	/* NUL-terminated (the NUL is not counted in len); caller frees */
	size_t len;
	long status;	/* HTTP status code */
};

/* GET url. 0 with *body (status < 400); -1 with err naming the URL (secret
 * hidden) and what failed: DNS, connect, TLS, timeout, too large, HTTP
 * status. body->data is NULL after a failure. */
int http_get(const char *url, const struct http_opts *o, struct http_body *body, char *err,
	     size_t errlen);

/* Writes url into out with the value of ?name= / &name= replaced by ***. */
void http_redact(const char *url, const char *name, char *out, size_t outsz);

#endif
