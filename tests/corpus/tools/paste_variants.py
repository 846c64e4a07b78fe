#!/usr/bin/env python3
"""paste_variants.py - does a reply pasted by hand read the same as in the log?

  paste_variants.py BOUNCEWATCH PATTERNS_DIR CORPUS_TSV [--base BW2 PATTERNS2]
                    [--seed N] [--kinds K1,K2,...] [--diff] [--max N]
                    [--exclude-source REGEX]...

Administrators quote refusals in forums, issue threads, pastebins and
mailing lists, and some mail systems hand them over in the same shapes: an
HTML page's entities, a word processor's quotes, masked addresses, a mail
client's wrapping and quote prefix. This script takes every DEV row of
CORPUS_TSV (tests/corpus/independent.tsv; test rows are skipped unread) and
every rule example of PATTERNS_DIR (and of PATTERNS2), makes one variant of
each per transformation below (seeded: the same --seed and text give the
same variant), classifies originals and variants with
`BOUNCEWATCH --rules PATTERNS_DIR rules classify --hosts` (a rule example
with no relay and no recipient domain, as `rules check` reads it), and
counts per transformation the variants whose category, block or provider
differs from their original's. --base classifies the same originals and
variants with a second binary and rule directory (a baseline, in the same
run) and prints its table under the first.

Transformations (kinds), each of which keeps the reply's meaning, and where
the shape is seen:
  entities     the five characters HTML escapes as a page shows its source
               or a feed double-escapes it: & < > " ' -> &amp; &lt; &gt;
               &quot; &#39; (an Exchange NDR's HTML part writes the
               recipient as "&lt;addr&gt;"; forum and issue exports keep
               "&quot;" and "&#39;")
  numeric      the same five as numeric character references, decimal or
               hexadecimal: &#60; &#x3C; &#34; &#39; &#38; ...
  typo-quotes  apostrophes, quotes and "..." as a word processor or a blog
               engine writes them: ' -> U+2019 (or U+2018 opening a
               quotation), "x" -> U+201C x U+201D, "..." -> U+2026
               (blog.warmy.io's 550 5.7.1 page quotes its replies this
               way, Sendmail's "<a@b>... Relaying denied" with U+2026)
  nbsp         one or two word gaps (the one after the reply code too) as
               U+00A0, as a web page's "&nbsp;" copies
  zero-width   a zero-width space (U+200B) or byte order mark (U+FEFF)
               before the text or a word, as copying from chat and web
               pages leaves them
  mask-ip      every IPv4 address masked by hand, one way per reply:
               x.x.x.x, xx.xx.xx.xx (devmehq/email-validator-js#100),
               xxx.xxx.xxx.xxx, the last part as "xxx" (reacherhq/backend
               #189: "[54.224.254.xxx]"), "IP" ("[IP]"), "redacted"
               (simple-login/app#2675: "Client host [redacted]")
  mask-addr    every e-mail address (not a role's: abuse@, postmaster@ ...)
               masked: user@example.com, someone@domain.tld, "redacted"
               (simple-login/app#2675: "RCPT from <redacted>"), "***",
               Cloudflare's "[email protected]" (blog.warmy.io)
  wrap         a line break and an indentation at a word gap near the 72nd
               column, as a mail client or a forum wraps a long reply and
               a paste joins it again: the break reads as a space, the
               indentation as blanks after it
  quote        a mail client's quote prefix "> " before the text
  backticks    the reply as Markdown inline code: `R`

--kinds restricts the run to some kinds. --exclude-source REGEX
(repeatable, as score.py takes it) leaves out the dev rows whose source
it matches (e.g. 'github\.com/[^/]+/[^/]+/(blob|tree)/': the rows taken
from source code, leaving those from web pages, issues and pastes).
--diff prints, after the tables,
the variants that changed under the first binary as "kind TAB relay TAB
domain TAB original TAB variant TAB old category/block/provider rule TAB
new" lines (at most --max). The IP column ("ip": the variant's sending IP
is not the original's) is counted only for the kinds that keep the IP.
Exits 0 after printing; 2 on usage errors.
"""
import re
import sys

import variants
import verdicts

KINDS = ["entities", "numeric", "typo-quotes", "nbsp", "zero-width", "mask-ip", "mask-addr", "wrap",
	 "quote", "backticks"]
HIDES_IP = {"mask-ip"}

CODE = re.compile(r"^[2-5]\d\d[ -](?:[2-5]\.\d{1,3}\.\d{1,3}(?= |$))?")
NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
IPV4 = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.]*\d)")
ADDR = re.compile(r"(?<![\w.+-])([\w.+-]+)@((?:[\w-]+\.)+[A-Za-z]{2,})")
ROLE = re.compile(r"(?i)^(?:abuse|postmaster|hostmaster|tosa|noc|security|support|spam|blocked|delist\w*|"
		  r"unblock\w*|mailer-daemon)$")


def entities(reply, rng):
	v = "".join(NAMED.get(c, c) for c in reply)
	return v if v != reply else None


def numeric(reply, rng):
	form = rng.choice(["&#%d;", "&#x%X;"])
	v = "".join(form % ord(c) if c in NAMED else c for c in reply)
	return v if v != reply else None


def typo_quotes(reply, rng):
	out = []
	for i, c in enumerate(reply):
		before = reply[i - 1] if i else " "
		opening = before in " ([{=<:"
		if c == "'":
			out.append("\u2018" if opening else "\u2019")
		elif c == '"':
			out.append("\u201c" if opening else "\u201d")
		else:
			out.append(c)
	v = "".join(out).replace("...", "\u2026")
	return v if v != reply else None


def gaps(text, start=1):
	return [i for i in range(start, len(text) - 1) if text[i] == " " and text[i - 1] != " " and text[i + 1] != " "]


def nbsp(reply, rng):
	g = gaps(reply)
	if not g:
		return None
	chars = list(reply)
	for i in rng.sample(g, min(len(g), rng.choice([1, 2]))):
		chars[i] = "\u00a0"
	return "".join(chars)


def zero_width(reply, rng):
	mark = rng.choice(["\u200b", "\ufeff"])
	g = gaps(reply)
	if not g or rng.random() < 0.5:
		return mark + reply
	i = rng.choice(g) + 1
	return reply[:i] + mark + reply[i:]


def mask_ip(reply, rng):
	form = rng.choice(["x.x.x.x", "xx.xx.xx.xx", "xxx.xxx.xxx.xxx", "last", "IP", "redacted"])

	def one(m):
		parts = m.group(1).split(".")
		if any(int(p) > 255 for p in parts):
			return m.group(0)
		return ".".join(parts[:3]) + ".xxx" if form == "last" else form
	v = IPV4.sub(one, reply)
	return v if v != reply else None


def mask_addr(reply, rng):
	form = rng.choice(["user@example.com", "someone@domain.tld", "redacted", "***", "[email protected]"])
	v = ADDR.sub(lambda m: m.group(0) if ROLE.match(m.group(1)) else form, reply)
	return v if v != reply else None


def wrap(reply, rng):
	head = CODE.match(reply)
	g = [i for i in gaps(reply, head.end() + 1 if head else 1) if i >= 60]
	if not g:
		return None
	i = min(g, key=lambda x: abs(x - rng.randint(66, 76)))
	return reply[:i] + " " * (1 + rng.choice([2, 4, 8])) + reply[i + 1:]


def quote(reply, rng):
	return "> " + reply


def backticks(reply, rng):
	return "`" + reply + "`"


MAKERS = {"entities": entities, "numeric": numeric, "typo-quotes": typo_quotes, "nbsp": nbsp,
	  "zero-width": zero_width, "mask-ip": mask_ip, "mask-addr": mask_addr, "wrap": wrap, "quote": quote,
	  "backticks": backticks}


def table(name, bw, patterns, orig, var, diff):
	"""Prints the counts per kind; appends the changed variants to diff."""
	vo = variants.classify(bw, patterns, orig)
	vv = variants.classify(bw, patterns, [v[2] for v in var])
	stats = {k: [0] * 6 for k in KINDS}	# variants, changed, category, block, provider, ip
	for (kind, i, row, _), got in zip(var, vv):
		st, was = stats[kind], vo[i]
		st[0] += 1
		if was[3] and kind not in HIDES_IP and got[3] != was[3]:
			st[5] += 1
		if variants.count(st, was, got) and diff is not None:
			diff.append(variants.diff_line(kind, orig[i], row[2], was, got))
	variants.table("%s: %s --rules %s" % (name, bw, patterns),
		       ["variants", "changed", "categ", "block", "prov", "ip"], KINDS, stats)


def main():
	args = sys.argv[1:]
	exclude = verdicts.exclude_sources(args)
	try:
		if exclude is None:
			raise ValueError("--exclude-source")
		o = variants.options(args, KINDS, flags=("--diff",))
	except ValueError:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	(bw, patterns, tsv), base = o["args"], o["base"]
	orig, ndev = variants.originals(tsv, [patterns] + ([base[1]] if base else []), exclude)
	var = variants.make(orig, o["kinds"], MAKERS, o["seed"])
	print("seed %d: %d dev rows and %d rule examples, %d variants" % (o["seed"], ndev, len(orig) - ndev, len(var)))
	out = [] if o["--diff"] else None
	table("this tree", bw, patterns, orig, var, out)
	if base:
		table("base", base[0], base[1], orig, var, None)
	sys.stdout.writelines((out or [])[:o["max"]])
	return 0


sys.exit(main())
