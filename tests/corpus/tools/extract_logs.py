#!/usr/bin/env python3
"""extract_logs.py - SMTP replies quoted in mail-server log lines of a repository.

  extract_logs.py GIT_DIR URL_PREFIX PATH... > rows.tsv

Reads every file under each PATH of a repository (a git directory, read with
`git show`; e.g. the test logs of https://github.com/fail2ban/fail2ban or the
test cases of https://github.com/whyscream/postfix-grok-patterns) and prints
each SMTP reply a server gave in a log line:
  Postfix smtp:   ... said: 550 5.7.1 ... (in reply to RCPT TO command)
                  ... refused to talk to me: 554 ... (the greeting)
  Postfix smtpd:  NOQUEUE: reject: RCPT from h[ip]: 554 5.7.1 ...; from=<..>
  Sendmail:       reject=550 5.7.1 ...
                  relay=h. [ip], ..., stat=Deferred: 421 4.7.0 ...
  Exim:           SMTP error from remote mail server after RCPT TO:<..>: 550 ...
                  host h [ip]: 550 ...   (or H=h [ip] before it)
Output columns (raw rows for label.py): source, relay, rcpt_domain, reply,
hint (empty). source is URL_PREFIX/path. The relay is the host named by
Postfix's "host H[IP] said:", Exim's "host H [IP]:" / "H=H [IP]" or
Sendmail's "relay=H. [IP]" (the remote server); for smtpd rejects the
replying server is the log's own host, so relay and domain are left empty
unless the rcpt domain is logged (to=<..@D>). Replies shorter than 8
characters, replies whose enhanced code has a subject above 7 (RFC 3463
knows 0-7: made-up test values) and duplicates (case and whitespace folded) are skipped.
"""
import re
import subprocess
import sys

PATS = [
	re.compile(r"host (?P<relay>[\w.-]+)\[[^\]]*\] (?:said|refused to talk to me): (?P<r>[45]\d\d[ -].*?)(?: \(in reply to [^)]*\))?\s*(?:\"|$)"),
	re.compile(r"NOQUEUE: (?:reject|discard): \w+ from [^:]*: (?P<r>[45]\d\d .*?); (?:from=<[^>]*> )?to=<[^@>]*@?(?P<dom>[^>]*)>"),
	re.compile(r"\breject=(?P<r>[45]\d\d .*?)\s*(?:\"|$)"),
	re.compile(r"\brelay=(?P<relay>[\w.-]+?)\.? \[[^\]]*\].*?\bstat=Deferred: (?P<r>[45]\d\d[ -].*?)\s*(?:\"|$)"),
	re.compile(r"SMTP error from remote mail(?:er| server) after [^:]*(?::<[^>]*>)?: (?:host (?P<relay>[\w.-]+) \[[^\]]*\]: )?(?P<r>[45]\d\d[ -].*?)\s*(?:\"|$)"),
]

EXIM_HOST = re.compile(r"\bH=([\w.-]+) \[[^\]]*\]")


def git(repo, *args):
	return subprocess.run(["git", "--git-dir", repo] + list(args), capture_output=True, check=True).stdout


def fold(s):
	return re.sub(r"\s+", " ", s).strip()


def line_reply(line):
	"""(relay, rcpt_domain, reply) quoted in one log line, or None."""
	line = line.replace("\\\"", "\"")
	for p in PATS:
		m = p.search(line)
		if m:
			d = m.groupdict()
			if not d.get("relay"):
				# Exim's main log names the host before the error: H=host [ip]
				h = EXIM_HOST.search(line, 0, m.start())
				d["relay"] = h.group(1) if h and "SMTP error" in m.group(0) else ""
			reply = fold(m.group("r")).split(" (in reply to ")[0]
			return (d.get("relay") or "").lower(), (d.get("dom") or "").lower(), reply
	return None


def main():
	if len(sys.argv) < 4:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	repo, url = sys.argv[1], sys.argv[2].rstrip("/")
	seen = set()
	for top in sys.argv[3:]:
		tree = git(repo, "ls-tree", "-r", "HEAD", top).decode().split("\n")
		names = [t.split("\t", 1)[1] for t in tree if t and t.split()[1] == "blob"]
		for name in sorted(names):
			text = git(repo, "show", "HEAD:" + name).decode("utf-8", "replace")
			for line in text.split("\n"):
				found = line_reply(line)
				if not found:
					continue
				relay, dom, reply = found
				es = re.match(r"^\d{3}[ -]\d\.(\d{1,3})\.", reply)
				if es and int(es.group(1)) > 7:
					continue  # not an RFC 3463 code: a made-up test value
				k = reply.lower()
				if len(reply) >= 8 and k not in seen:
					seen.add(k)
					print("\t".join([url + "/" + name, relay, dom, reply.replace("\t", " "), ""]))
	return 0


sys.exit(main())
