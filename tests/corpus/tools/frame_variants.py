#!/usr/bin/env python3
"""frame_variants.py - does the frame around a wording change the verdict?

  frame_variants.py BOUNCEWATCH PATTERNS_DIR CORPUS_TSV [--base BW2 PATTERNS2]
                    [--seed N] [--kinds K1,K2,...] [--emit FILE] [--max N]

The same refusal reaches bouncewatch in many frames: with or without its
enhanced status code, as 4xx or 5xx, quoted by another server, in another
letter case, with other IPs, host names, addresses and ids in it, with
extra spaces, an id appended or its last full stop gone. This script takes
every DEV row of CORPUS_TSV (tests/corpus/independent.tsv; test rows are
skipped unread) and every rule example of PATTERNS_DIR (and of PATTERNS2),
makes one variant of each per transformation below (seeded: the same
--seed and text give the same variant), classifies originals and variants
with `BOUNCEWATCH --rules PATTERNS_DIR rules classify --hosts` (a rule
example with no relay and no recipient domain, as `rules check` reads it),
and counts per transformation the variants whose category, block or
provider differs from their original's. --base classifies the same
originals and variants with a second binary and rule directory (a
baseline, in the same run) and prints its table under the first.

Transformations (kinds), each of which must not change the verdict:
  esc-drop     the enhanced status code removed after every reply code
               that carries it ("550 5.7.1 x" -> "550 x"; a multi-line
               reply's later prefixes too)
  esc-add      a neutral enhanced code added where there is none
               ("550 x" -> "550 5.0.0 x": X.0.0, "other undefined status")
  code-flip    4xx <-> 5xx, the enhanced code's class with it ("550 5.7.1"
               -> "450 4.7.1"); only when the words state neither a
               deferral nor a permanent refusal (no "try again", "later",
               "temporar", "defer", "permanent", "retry", "greylist",
               "unavailable", "busy", ...)
  quote-postfix  as a Postfix bounce quotes it: "host mx.example.net[IP]
               said: R (in reply to RCPT TO command)"
  quote-exim   as an Exim bounce quotes it: "SMTP error from remote mail
               server after RCPT TO:<addr>: R"
  quote-exchange  as an Exchange NDR quotes it: "Remote Server returned 'R'"
  quote-dsn    as a DSN's Diagnostic-Code (RFC 3464) and Sisimai give it:
               "smtp; R"
               (the quote-* kinds only for a reply that opens with its reply
               code: a server quotes the whole reply, the code with it)
  in-reply     Postfix's stage appended: "R (in reply to end of DATA command)"
               or another command
  upper        the whole reply in upper case (ASCII letters: PCRE2 reads
               the reply as bytes, other scripts' case is not the rules')
  lower        the words in lower case (ASCII); tokens with a digit and upper-case
               acronyms (codes: S3150, TSS04, RBL, SPF) keep their case
  ids          IPv4 / IPv6 addresses, server host names (the labels before
               the registered domain), e-mail local parts (not a role's:
               abuse@, postmaster@, ...), message / queue
               ids and dates replaced by others of the same kind (an IP by
               a documentation address: the verdict's IP must follow it)
  spaces       one or two word gaps after the code doubled
  suffix       an id appended as servers do: " [id]", " (id)", " #id", " id=id"
  punct        the final full stop removed, or one added where there is none

What may change a verdict legitimately, and how it is counted:
  - esc-drop, esc-add and code-flip when the original verdict came from a
    rule that reads the status codes alone: the same rule classifies the
    original's codes without their text ("550 5.1.1" taken by
    generic-user-unknown, "421" by generic-421-451). The code was all the
    reply said; these variants are counted apart ("code-read"), not as
    changes.
  - code-flip is not made when the words say the refusal is temporary or
    permanent (there the class of the code is part of the meaning: a 5xx
    "try again later" is not a deferral a 4xx would be), nor for RFC 5321's
    "unavailable" / "busy" (450 "mailbox unavailable" is a busy or blocked
    mailbox, 550 a missing one).
  - quoting adds a host name and an IP: the host is a neutral one
    (mx.example.net), so no provider is named, but the frame's IP may become
    the sending IP when the reply names none; the IP column is therefore
    compared only for the kinds that do not add one ("ip" counts the
    variants whose sending IP is not the original's, mapped for "ids").
Everything else, a change of category, block or provider, is a rule that
depends on its frame (counted under "changed").

--kinds restricts the run to some kinds. --emit FILE writes the variants
that changed under the first binary as "kind TAB relay TAB domain TAB
original TAB variant TAB old category/block/provider TAB new" lines (at
most --max), to read and to make fixed test sets from. Exits 0 after
printing; 2 on usage errors.
"""
import random
import re
import sys

import variants

KINDS = ["esc-drop", "esc-add", "code-flip", "quote-postfix", "quote-exim", "quote-exchange",
	 "quote-dsn", "in-reply", "upper", "lower", "ids", "spaces", "suffix", "punct"]
ADDS_IP = {"quote-postfix"}

CODE = re.compile(r"^([2-5])(\d\d)([ -])(?:([2-5])(\.\d{1,3}\.\d{1,3})(?= |$))?")
TEMPORAL = re.compile(r"(?i)try (?:again|later)|again later|later|temporar|defer|permanent|retry|"
		      r"gr[ae]y-?list|not yet|postpone|come back|in \d+ (?:sec|min)|tempfail|transient|"
		      r"\bwait\b|resend|re-send|queued|unavailable|busy")
STAGES = ["RCPT TO", "end of DATA", "MAIL FROM", "DATA"]
LOCALS = ["j.doe", "info", "user4711", "m.rossi", "sales", "kontakt", "p_smith", "noreply"]


def later_prefixes(reply, code, esc):
	"""Spans (start, end) of every "CODE[- ]ESC " of the reply after its first."""
	if not esc:
		return []
	pat = re.compile(r"(?:(?<=[ \t])|(?<=\\n)|(?<=\n))" + re.escape(code) + r"[ -]" + re.escape(esc) + r"(?= |$)")
	return [(m.start(), m.end()) for m in pat.finditer(reply, 1)]


def esc_drop(reply, rng):
	m = CODE.match(reply)
	if not m or not m.group(4):
		return None
	code, esc = m.group(1) + m.group(2), m.group(4) + m.group(5)
	out, at = [], 0
	for b, e in [(0, m.end())] + later_prefixes(reply, code, esc):
		out.append(reply[at:b])
		out.append(reply[b:b + 4])	# the code and its separator, without the enhanced code
		at = e + 1 if e < len(reply) and reply[e] == " " else e
	out.append(reply[at:])
	return "".join(out)


def esc_add(reply, rng):
	m = CODE.match(reply)
	if not m or m.group(4) or m.group(1) not in "45" or reply[4:5] == "" or \
	   re.match(r"#?[2-5]\.\d", reply[4:]):
		return None
	esc = m.group(1) + ".0.0"
	code = m.group(1) + m.group(2)
	pat = re.compile(r"(?:(?<=[ \t])|(?<=\\n)|(?<=\n))" + code + r"[ -](?!#?[2-5]\.\d)")
	text = reply[:4] + esc + " " + reply[4:]
	if m.group(3) == "-":	# the later lines of a multi-line reply
		text = text[:4] + pat.sub(lambda x: x.group(0) + esc + " ", text[4:])
	return text


def code_flip(reply, rng):
	m = CODE.match(reply)
	if not m or m.group(1) not in "45" or TEMPORAL.search(reply):
		return None
	if m.group(4) and m.group(4) != m.group(1):
		return None
	old, new = m.group(1), "5" if m.group(1) == "4" else "4"
	code, esc = old + m.group(2), (m.group(4) + m.group(5)) if m.group(4) else ""
	spans = [(0, m.end())] + later_prefixes(reply, code, esc)
	if not esc:
		pat = re.compile(r"(?:(?<=[ \t])|(?<=\\n)|(?<=\n))" + code + r"-")
		spans += [(x.start(), x.end()) for x in pat.finditer(reply, 1)]
	chars = list(reply)
	for b, e in spans:
		chars[b] = new
		if esc and e - b > 4:
			chars[b + 4] = new
	return "".join(chars)


def rand_ip(rng):
	return "%s.%d" % (rng.choice(["192.0.2", "198.51.100", "203.0.113"]), rng.randint(2, 254))


def frame_host(rng):
	return rng.choice(["mx.example.net", "mx2.example.org", "mail.example.com", "in1.example.net"])


def quote_postfix(reply, rng):
	if not CODE.match(reply):
		return None	# a server quotes a whole reply, its code with it
	return "host %s[%s] said: %s (in reply to %s command)" % (frame_host(rng), rand_ip(rng), reply,
								 rng.choice(STAGES))


def quote_exim(reply, rng):
	if not CODE.match(reply):
		return None
	return "SMTP error from remote mail server after RCPT TO:<%s@example.net>: %s" % (rng.choice(LOCALS), reply)


def quote_exchange(reply, rng):
	if not CODE.match(reply):
		return None
	return "Remote Server returned '%s'" % reply


def quote_dsn(reply, rng):
	if not CODE.match(reply):
		return None
	return "smtp; " + reply


def in_reply(reply, rng):
	return "%s (in reply to %s command)" % (reply.rstrip(), rng.choice(STAGES))


def split_code(reply):
	"""(prefix kept as is, rest): the reply code and enhanced code stay."""
	m = CODE.match(reply)
	return (reply[:m.end()], reply[m.end():]) if m else ("", reply)


def ascii_case(text, up):
	return re.sub(r"[a-z]+" if up else r"[A-Z]+", lambda m: m.group(0).upper() if up else m.group(0).lower(), text)


def upper(reply, rng):
	v = ascii_case(reply, True)
	return v if v != reply else None


def lower(reply, rng):
	head, rest = split_code(reply)

	def low(m):
		w = m.group(0)
		if re.search(r"\d", w) or (w.isupper() and len(w) > 1):
			return w
		return ascii_case(w, False)
	v = head + re.sub(r"[A-Za-z0-9_]+", low, rest)
	return v if v != reply else None


def classwise(tok, rng):
	out = []
	for c in tok:
		if c.isdigit():
			out.append(rng.choice("0123456789"))
		elif "a" <= c <= "z":
			out.append(rng.choice("abcdefghijklmnopqrstuvwxyz"))
		elif "A" <= c <= "Z":
			out.append(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
		else:
			out.append(c)
	return "".join(out)


IPV4 = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.]*\d)")
IPV6 = re.compile(r"(?<![0-9A-Fa-f:])((?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f:]*[0-9A-Fa-f])(?![0-9A-Fa-f:])")
ISO = re.compile(r"\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d)?")
RFCDATE = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
		     r"\d{4} \d\d:\d\d:\d\d")
ADDR = re.compile(r"(?<![\w.+-])([\w.+-]+)@((?:[\w-]+\.)+[A-Za-z]{2,})")
HOST = re.compile(r"(?<![\w.@/-])((?:[A-Za-z0-9-]+\.)+)((?:[A-Za-z0-9-]+)\.[A-Za-z]{2,})(?![\w.-])")
# role addresses name a desk, not a recipient: rules may read them
ROLE = re.compile(r"(?i)^(?:abuse|postmaster|hostmaster|tosa|noc|security|support|spam|blocked|delist\w*|"
		  r"unblock\w*|mailer-daemon)$")
TOKEN = re.compile(r"(?<![\w./=?&#:-])[A-Za-z0-9][A-Za-z0-9-]{9,}(?![\w/])")


def is_id(tok):
	digits = sum(c.isdigit() for c in tok)
	letters = sum(c.isalpha() for c in tok)
	if digits < 3 or letters < 2 or re.match(r"^[2-5]\d\d-", tok) or re.match(r"^[A-Z]{1,4}\d+$", tok):
		return False
	return True


def ids(reply, rng):
	"""Returns (variant, {old ip: new ip}) or None when nothing changed."""
	ipmap = {}
	text = reply

	def v4(m):
		if m.group(1) not in ipmap:
			parts = m.group(1).split(".")
			if any(int(p) > 255 for p in parts):
				return m.group(0)
			ipmap[m.group(1)] = rand_ip(rng)
		return ipmap[m.group(1)]

	def v6(m):
		s = m.group(1)
		if s.count(":") < 2 or not re.search(r"[a-fA-F]|::", s) or re.match(r"^\d\d:\d\d:\d\d$", s):
			return s
		if s not in ipmap:
			ipmap[s] = "2001:db8:%x::%x" % (rng.randint(1, 0xffff), rng.randint(1, 0xffff))
		return ipmap[s]
	text = ISO.sub(lambda m: "%04d-%02d-%02d%s%02d:%02d:%02d" % (
		rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28), m.group(0)[10],
		rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))[:len(m.group(0))], text)
	text = RFCDATE.sub(lambda m: "%s, %d %s %d %02d:%02d:%02d" % (
		rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri"]), rng.randint(1, 28),
		rng.choice(["Jan", "Mar", "Jun", "Sep", "Nov"]), rng.randint(2015, 2026),
		rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)), text)
	text = IPV4.sub(v4, text)
	text = IPV6.sub(v6, text)
	text = ADDR.sub(lambda m: m.group(0) if ROLE.match(m.group(1)) else rng.choice(LOCALS) + "@" + m.group(2),
			text)
	head, rest = split_code(text)
	rest = HOST.sub(lambda m: (classwise(m.group(1), rng) if re.search(r"\d", m.group(1)) else m.group(1))
			+ m.group(2), rest)
	rest = TOKEN.sub(lambda m: classwise(m.group(0), rng) if is_id(m.group(0)) else m.group(0), rest)
	text = head + rest
	return (text, ipmap) if text != reply else None


def spaces(reply, rng):
	head, rest = split_code(reply)
	gaps = [i for i in range(1, len(rest) - 1) if rest[i] == " " and rest[i - 1] != " " and rest[i + 1] != " "]
	if not gaps:
		return None
	for g in sorted(rng.sample(gaps, min(len(gaps), rng.choice([1, 2]))), reverse=True):
		rest = rest[:g] + "  " + rest[g + 1:]
	return head + rest


def suffix(reply, rng):
	tid = classwise(rng.choice(["Ab3dE5fG7hJ", "4Qx7Lm2Z3kz9", "a1b2c3d4e5f6", "AM6PR05MB4198",
				    "1701234567-Xy9zQw"]), rng)
	form = rng.choice([" [%s]", " (%s)", " #%s", " id=%s"])
	return reply.rstrip() + form % tid


def punct(reply, rng):
	r = reply.rstrip()
	if r.endswith("."):
		return r[:-1]
	if r and r[-1].isalnum():
		return r + "."
	return None


MAKERS = {"esc-drop": esc_drop, "esc-add": esc_add, "code-flip": code_flip, "quote-postfix": quote_postfix,
	  "quote-exim": quote_exim, "quote-exchange": quote_exchange, "quote-dsn": quote_dsn,
	  "in-reply": in_reply, "upper": upper, "lower": lower, "ids": ids, "spaces": spaces,
	  "suffix": suffix, "punct": punct}


def code_read(bw, patterns, orig, vo):
	"""Indexes of the originals whose rule also takes their codes alone."""
	probes = {}
	for i, (relay, domain, reply) in enumerate(orig):
		m = CODE.match(reply)
		if m:
			probes.setdefault(reply[:m.end()].rstrip(" -"), []).append(i)
	keys = sorted(probes)
	got = variants.classify(bw, patterns, [(orig[probes[k][0]][0], orig[probes[k][0]][1], k) for k in keys])
	out = set()
	for k, v in zip(keys, got):
		out.update(i for i in probes[k] if vo[i][0] and v[0] == vo[i][0])
	return out


def table(name, bw, patterns, orig, var, emit):
	vo = variants.classify(bw, patterns, orig)
	vv = variants.classify(bw, patterns, [v[2] for v in var])
	apart = code_read(bw, patterns, orig, vo)
	stats = {k: [0, 0, 0, 0, 0, 0, 0] for k in KINDS}	# variants, changed, cat, block, prov, code-read, ip
	for (kind, i, row, ipmap), got in zip(var, vv):
		st, was = stats[kind], vo[i]
		st[0] += 1
		if was[3] and kind not in ADDS_IP and got[3] != (ipmap or {}).get(was[3], was[3]):
			st[6] += 1
		if was[1:3] + was[4:5] == got[1:3] + got[4:5]:
			continue
		if kind in ("esc-drop", "esc-add", "code-flip") and i in apart:
			st[5] += 1
			continue
		variants.count(st, was, got)
		if emit is not None:
			emit.append(variants.diff_line(kind, orig[i], row[2], was, got))
	variants.table("%s: %s --rules %s" % (name, bw, patterns),
		       ["variants", "changed", "categ", "block", "prov", "code-read", "ip"], KINDS, stats)


def main():
	try:
		o = variants.options(sys.argv[1:], KINDS, valued=("--emit",))
	except ValueError:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	(bw, patterns, tsv), base, emit, seed = o["args"], o["base"], o.get("emit"), o["seed"]
	orig, ndev = variants.originals(tsv, [patterns] + ([base[1]] if base else []))
	var = variants.make(orig, o["kinds"], MAKERS, seed)	# (kind, index into orig, row, ip map)
	print("seed %d: %d dev rows and %d rule examples, %d variants" % (seed, ndev, len(orig) - ndev, len(var)))
	out = [] if emit else None
	table("this tree", bw, patterns, orig, var, out)
	if base:
		table("base", base[0], base[1], orig, var, None)
	if emit:
		with open(emit, "w", encoding="utf-8") as f:
			f.writelines(out[:o["max"]])
	return 0


sys.exit(main())
