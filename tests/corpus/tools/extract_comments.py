#!/usr/bin/env python3
"""extract_comments.py - provider replies quoted in a bounce parser's comments.

  extract_comments.py GIT_DIR URL_PREFIX FILE=DOMAIN... > rows.tsv

Sisimai's per-provider modules (lib/Sisimai/Rhost/*.pm of
https://github.com/sisimai/p5-sisimai) list, in comments, the replies the
maintainers saw from that provider's servers, one per item:
    # - 550 5.7.1 Your email was rejected due to having a domain present in the Spamhaus
    #   DBL -- see https://www.spamhaus.org/dbl/
An item starts with "# - " and a reply code; indented comment lines after
it continue it; a trailing "(in reply to ... command)" of the quoted log
is dropped. Each FILE=DOMAIN argument names a module and the provider's
mailbox domain (the recipient domain of its rows), FILE=@HOST its MX host
instead (the relay of its rows). La Poste's replies (LPNnnn_nnn codes) in
the FrancePTT module get laposte.net as their domain.
Output columns (raw rows for label.py): source, relay, rcpt_domain, reply,
hint (empty). source is URL_PREFIX/FILE.
"""
import re
import subprocess
import sys


def git(repo, *args):
	return subprocess.run(["git", "--git-dir", repo] + list(args), capture_output=True, check=True).stdout


def items(text):
	cur = None
	for line in text.split("\n"):
		m = re.match(r"^\s*#\s?-\s+(.*)$", line)
		c = re.match(r"^\s*#\s{2,}(\S.*)$", line)
		if m:
			if cur:
				yield cur
			cur = m.group(1).strip() if re.match(r"^[45]\d\d[ -]", m.group(1)) else None
		elif c and cur is not None:
			cur += " " + c.group(1).strip()
		else:
			if cur:
				yield cur
			cur = None
	if cur:
		yield cur


def main():
	if len(sys.argv) < 4:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	repo, url = sys.argv[1], sys.argv[2].rstrip("/")
	for arg in sys.argv[3:]:
		name, _, where = arg.partition("=")
		relay, domain = (where[1:], "") if where.startswith("@") else ("", where)
		text = git(repo, "show", "HEAD:" + name).decode("utf-8", "replace")
		for reply in items(text):
			reply = re.sub(r"\s+", " ", reply).strip()
			reply = re.sub(r"\s*\(in reply to [^)]*\)+.*$|\s*\",$", "", reply)
			dom = "laposte.net" if re.search(r"\bLPN\d{3}_\d{3}\b|Laposte", reply) else domain
			if len(reply) >= 8:
				print("\t".join([url + "/" + name, relay, dom, reply.replace("\t", " "), ""]))
	return 0


sys.exit(main())
