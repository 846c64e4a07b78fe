/* arf - complaint reports, parsed with GMime (see arf.h for the shapes).
 * Ownership: every GMime object made here is unreffed before return; the
 * strings GMime hands out are copied (cut and UTF-8-repaired) into r.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <gmime/gmime.h>
#include <stdio.h>
#include <string.h>
#include "dynlib.h"
#include "arf.h"
#include "utf8.h"

#define GMIME_FUNCS(X) X(g_byte_array_append) X(g_byte_array_new) X(g_byte_array_unref) \
	X(g_date_time_to_unix) X(g_date_time_unref) X(g_mime_content_type_is_type) \
	X(g_mime_data_wrapper_write_to_stream) X(g_mime_header_get_name) \
	X(g_mime_header_get_raw_value) X(g_mime_header_list_get_count) \
	X(g_mime_header_list_get_header_at) X(g_mime_init) X(g_mime_message_foreach) \
	X(g_mime_message_get_date) X(g_mime_message_get_from) X(g_mime_message_get_message_id) \
	X(g_mime_message_get_subject) X(g_mime_message_part_get_message) \
	X(g_mime_message_part_get_type) X(g_mime_object_get_content_type) \
	X(g_mime_object_get_header) X(g_mime_object_get_header_list) \
	X(g_mime_parser_construct_message) X(g_mime_parser_new_with_stream) \
	X(g_mime_part_get_content) X(g_mime_part_get_type) X(g_mime_stream_mem_get_byte_array) \
	X(g_mime_stream_mem_new) X(g_mime_stream_mem_new_with_buffer) \
	X(g_mime_utils_header_decode_date) X(g_object_unref) \
	X(g_type_check_instance_is_a) X(internet_address_list_get_address) \
	X(internet_address_list_length) X(internet_address_mailbox_get_addr) \
	X(internet_address_mailbox_get_type)
DYNLIB_DEFINE(libgmime, GMIME_FUNCS, BW_SONAME_GMIME, "libgmime-3.0-0", "complaint reports (arf)");

/* GMime's type macros (GMIME_IS_PART, GMIME_PART ...) call GLib's type
 * checks by their linked names, and the library is loaded, not linked: the
 * check is made here through the loaded functions, then a plain cast. */
static int is_a(const void *obj, GType (*type)(void))
{
	return obj && dl_g_type_check_instance_is_a((GTypeInstance *)obj, type());
}

/* Copies s into out (cap >= 1): valid UTF-8 only ('?' for each bad byte),
 * control characters as spaces, cut at a character boundary. */
static void put(char *out, size_t cap, const char *s)
{
	size_t o = 0, n = s ? strlen(s) : 0;
	for (size_t i = 0; i < n;) {
		size_t k = utf8_decode((const unsigned char *)s + i, n - i, NULL);
		if (k == 0) {
			if (o + 1 >= cap)
				break;
			out[o++] = '?';
			i++;
			continue;
		}
		if (o + k >= cap)
			break;
		if (k == 1 && ((unsigned char)s[i] < 0x20 || s[i] == 0x7f))
			out[o++] = ' ';
		else
			memcpy(out + o, s + i, k), o += k;
		i += k;
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
}

void arf_addr_domain(const char *addr, char *out, size_t outsz)
{
	const char *at = addr ? strrchr(addr, '@') : NULL;
	size_t o = 0;
	if (outsz == 0)
		return;
	if (at)
		for (const char *p = at + 1; *p && *p != '>' && !isspace((unsigned char)*p) && o + 1 < outsz; p++)
			out[o++] = (char)tolower((unsigned char)*p);
	out[o] = '\0';
}

/* Strips "<...>" and spaces around an address-like field. */
static void put_addr(char *out, size_t cap, const char *s)
{
	char tmp[ARF_TEXT_MAX];
	char *p = tmp, *e;
	put(tmp, sizeof tmp, s);
	while (*p == ' ' || *p == '<')
		p++;
	e = p + strlen(p);
	while (e > p && (e[-1] == ' ' || e[-1] == '>'))
		*--e = '\0';
	put(out, cap, p);
}

static int ip_ok(const char *s)
{
	unsigned char b[16];
	return inet_pton(AF_INET, s, b) == 1 || inet_pton(AF_INET6, s, b) == 1;
}

static double date_of(const char *s)
{
	GDateTime *d = s ? dl_g_mime_utils_header_decode_date(s) : NULL;
	double t = 0;
	if (d) {
		t = (double)dl_g_date_time_to_unix(d);
		dl_g_date_time_unref(d);
	}
	return t;
}

/* Reads the "Name: value" fields of a message/feedback-report body (RFC
 * 5965 section 3: header syntax, folded lines allowed). Only the first
 * occurrence of a field counts. */
static void feedback_fields(const char *b, size_t len, struct arf_report *r)
{
	const char *p = b, *end = b ? b + len : b;
	int seen_src = 0, seen_from = 0, seen_rcpt = 0, seen_arr = 0, seen_type = 0, seen_ua = 0,
	    seen_dom = 0;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p)), *colon;
		char name[40], val[ARF_TEXT_MAX];
		size_t nl, vl = 0;
		eol = eol ? eol : end;
		colon = memchr(p, ':', (size_t)(eol - p));
		if (colon == NULL || colon == p || (size_t)(colon - p) >= sizeof name) {
			p = eol + (eol < end);
			continue;
		}
		nl = (size_t)(colon - p);
		memcpy(name, p, nl);
		name[nl] = '\0';
		for (const char *q = colon + 1;;) {	/* the value with its continuation lines */
			for (; q < eol && vl + 1 < sizeof val; q++)
				if (*q != '\r')
					val[vl++] = *q;
			p = eol + (eol < end);
			if (p >= end || (*p != ' ' && *p != '\t'))
				break;
			q = p;
			eol = memchr(p, '\n', (size_t)(end - p));
			eol = eol ? eol : end;
		}
		val[vl] = '\0';
		char *v = val;
		while (*v == ' ' || *v == '\t')
			v++;
#define FIELD(N, FLAG) (!FLAG && strcasecmp(name, N) == 0 && (FLAG = 1))
		if (FIELD("Source-IP", seen_src)) {
			char ip[64];
			put(ip, sizeof ip, v);
			if (ip_ok(ip))
				put(r->source_ip, sizeof r->source_ip, ip);
		} else if (FIELD("Original-Mail-From", seen_from))
			put_addr(r->mail_from, sizeof r->mail_from, v);
		else if (FIELD("Original-Rcpt-To", seen_rcpt))
			put_addr(r->rcpt, sizeof r->rcpt, v);
		else if (FIELD("Arrival-Date", seen_arr) || FIELD("Received-Date", seen_arr))
			r->arrival = date_of(v);
		else if (FIELD("Feedback-Type", seen_type))
			put(r->feedback_type, sizeof r->feedback_type, v);
		else if (FIELD("User-Agent", seen_ua))
			put(r->user_agent, sizeof r->user_agent, v);
		else if (FIELD("Reported-Domain", seen_dom))
			put(r->reported_domain, sizeof r->reported_domain, v);
#undef FIELD
	}
}

/* The bracketed IP of the topmost Received header that has one: the hop
 * into the receiver, i.e. our server as the receiver saw it. */
static void received_ip(GMimeObject *o, char *out, size_t cap)
{
	GMimeHeaderList *hl = dl_g_mime_object_get_header_list(o);
	int n = hl ? dl_g_mime_header_list_get_count(hl) : 0;
	for (int i = 0; i < n; i++) {
		GMimeHeader *h = dl_g_mime_header_list_get_header_at(hl, i);
		const char *v, *lb;
		if (strcasecmp(dl_g_mime_header_get_name(h), "Received") != 0)
			continue;
		v = dl_g_mime_header_get_raw_value(h);
		for (lb = v ? strchr(v, '[') : NULL; lb; lb = strchr(lb + 1, '[')) {
			const char *rb = strchr(lb, ']');
			char ip[64];
			size_t len;
			if (rb == NULL)
				break;
			len = (size_t)(rb - lb - 1);
			if (len == 0 || len >= sizeof ip)
				continue;
			memcpy(ip, lb + 1, len);
			ip[len] = '\0';
			if (strncasecmp(ip, "IPv6:", 5) == 0)
				memmove(ip, ip + 5, len - 4);
			if (ip_ok(ip)) {
				put(out, cap, ip);
				return;
			}
		}
		return;	/* only the topmost Received header is the receiver's */
	}
}

static void original(GMimeMessage *m, struct arf_report *r)
{
	GMimeObject *o = (GMimeObject *)m;
	const char *v;
	if (!r->message_id[0] && (v = dl_g_mime_message_get_message_id(m)))
		put(r->message_id, sizeof r->message_id, v);
	if (!r->subject[0] && (v = dl_g_mime_message_get_subject(m)))
		put(r->subject, sizeof r->subject, v);
	if (!r->mail_from[0] && (v = dl_g_mime_object_get_header(o, "Return-Path")))
		put_addr(r->mail_from, sizeof r->mail_from, v);
	if (!r->rcpt[0] && (v = dl_g_mime_object_get_header(o, "X-HmXmrOriginalRecipient")))
		put_addr(r->rcpt, sizeof r->rcpt, v);
	if (!r->rcpt[0] && (v = dl_g_mime_object_get_header(o, "To")))
		put_addr(r->rcpt, sizeof r->rcpt, v);
	if (!r->source_ip[0])
		received_ip(o, r->source_ip, sizeof r->source_ip);
	if (r->arrival == 0) {
		GDateTime *d = dl_g_mime_message_get_date(m);
		if (d)
			r->arrival = (double)dl_g_date_time_to_unix(d);
	}
}

struct walk {
	struct arf_report *r;
	int feedback, attached;
	GMimeMessage *orig;	/* the first attached original, borrowed */
};

/* The decoded body of a leaf part, as a GByteArray the caller frees. */
static GByteArray *body_of(GMimePart *p)
{
	GMimeDataWrapper *w = dl_g_mime_part_get_content(p);
	GMimeStream *s;
	GByteArray *a;
	if (w == NULL)
		return NULL;
	s = dl_g_mime_stream_mem_new();
	dl_g_mime_data_wrapper_write_to_stream(w, s);
	a = dl_g_byte_array_new();
	dl_g_byte_array_append(a, dl_g_mime_stream_mem_get_byte_array((GMimeStreamMem *)s)->data,
			    dl_g_mime_stream_mem_get_byte_array((GMimeStreamMem *)s)->len);
	dl_g_object_unref(s);
	return a;
}

static GMimeMessage *parse_message(const char *buf, size_t len)
{
	GMimeStream *s = dl_g_mime_stream_mem_new_with_buffer(buf, len);
	GMimeParser *p = dl_g_mime_parser_new_with_stream(s);
	GMimeMessage *m = dl_g_mime_parser_construct_message(p, NULL);
	dl_g_object_unref(p);
	dl_g_object_unref(s);
	return m;
}

static void visit(GMimeObject *parent, GMimeObject *part, gpointer arg)
{
	struct walk *w = arg;
	GMimeContentType *ct = dl_g_mime_object_get_content_type(part);
	(void)parent;
	if (is_a(part, dl_g_mime_message_part_get_type)) {
		GMimeMessage *m = dl_g_mime_message_part_get_message((GMimeMessagePart *)part);
		if (m && w->orig == NULL) {
			w->orig = m;
			w->attached = 1;
		}
		return;
	}
	if (!is_a(part, dl_g_mime_part_get_type) || ct == NULL)
		return;
	if (dl_g_mime_content_type_is_type(ct, "message", "feedback-report") && !w->feedback) {
		GByteArray *a = body_of((GMimePart *)part);
		if (a) {
			feedback_fields((const char *)a->data, a->len, w->r);
			dl_g_byte_array_unref(a);
			w->feedback = 1;
		}
	} else if (dl_g_mime_content_type_is_type(ct, "text", "rfc822-headers") && !w->attached) {
		GByteArray *a = body_of((GMimePart *)part);
		if (a) {
			GMimeMessage *m;
			dl_g_byte_array_append(a, (const guint8 *)"\n\n", 2);
			m = parse_message((const char *)a->data, a->len);
			if (m) {
				original(m, w->r);
				dl_g_object_unref(m);
				w->attached = 1;
			}
			dl_g_byte_array_unref(a);
		}
	}
}

int arf_init(char *err, size_t errlen)
{
	static int done;
	if (!done) {
		if (dynlib_load(&libgmime, err, errlen) < 0)
			return -1;
		dl_g_mime_init();
		done = 1;
	}
	return 0;
}

int arf_parse(const char *buf, size_t len, struct arf_report *r, char *err, size_t errlen)
{
	struct walk w = { .r = r };
	GMimeMessage *m;
	InternetAddressList *from;

	memset(r, 0, sizeof *r);
	if (len > ARF_INPUT_MAX) {
		snprintf(err, errlen, "report of %zu bytes is larger than the %u-byte limit", len,
			 ARF_INPUT_MAX);
		return -1;
	}
	if (arf_init(err, errlen) < 0)
		return -1;
	if ((m = parse_message(buf, len)) == NULL) {
		snprintf(err, errlen, "not a MIME message");
		return -1;
	}
	dl_g_mime_message_foreach(m, visit, &w);
	if (!w.feedback && !w.attached) {
		dl_g_object_unref(m);
		snprintf(err, errlen, "no feedback-report part and no attached message: not a complaint report");
		return -1;
	}
	if (w.orig)
		original(w.orig, r);
	from = dl_g_mime_message_get_from(m);
	if (from && dl_internet_address_list_length(from) > 0) {
		InternetAddress *a = dl_internet_address_list_get_address(from, 0);
		if (is_a(a, dl_internet_address_mailbox_get_type))
			arf_addr_domain(dl_internet_address_mailbox_get_addr((InternetAddressMailbox *)a),
					r->reporter_domain, sizeof r->reporter_domain);
	}
	if (r->arrival == 0) {
		GDateTime *d = dl_g_mime_message_get_date(m);
		if (d)
			r->arrival = (double)dl_g_date_time_to_unix(d);
	}
	put(r->format, sizeof r->format, w.feedback ? "arf" : "forward");
	if (!r->feedback_type[0])
		put(r->feedback_type, sizeof r->feedback_type, "abuse");
	dl_g_object_unref(m);
	return 0;
}
