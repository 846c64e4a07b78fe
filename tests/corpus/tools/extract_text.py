#!/usr/bin/env python3
"""extract_text.py - SMTP replies quoted anywhere in a repository's text files.

  extract_text.py GIT_DIR URL_PREFIX PATH... > rows.tsv

For repositories that keep real bounces or mail logs among other files
(test fixtures of help-desk, bounce-handling and log-parsing software):
every blob under each PATH (a git directory, read with `git show`) that is
text and under 1 MiB is read, and each remote reply is taken from
  - a bounce's DSN part (Diagnostic-Code: smtp; NNN ..., folded lines
    joined; Remote-MTA and Final-Recipient give relay and domain),
  - the human-readable wordings extract_bounces.py knows ("said:",
    "Remote host said:", Exim's "host H [IP]: NNN", "<<< NNN"),
  - the log-line shapes extract_logs.py knows (Postfix, Sendmail, Exim).
A reply that is the start of a longer one from the same file (a wrapped
line) is skipped. String escapes of source files (\\n, \\", \\t) are undone first. Output
columns (raw rows for label.py): source, relay, rcpt_domain, reply, hint
(empty). Replies shorter than 8 characters, enhanced codes with a subject
above 7 and duplicates (case and whitespace folded) are skipped.
"""
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))


def load(name, cut):
	ns = {"__name__": "lib"}
	exec(open(os.path.join(here, name), encoding="utf-8").read().split(cut)[0], ns)
	return ns


LOGS = load("extract_logs.py", "def main():")
BOUNCES = load("extract_bounces.py", "ALL_TEXT = False")


def git(repo, *args):
	return subprocess.run(["git", "--git-dir", repo] + list(args), capture_output=True, check=True).stdout


def fold(s):
	return re.sub(r"\s+", " ", s).strip()


DIAG = re.compile(r"^Diagnostic-Code:\s*smtp;\s*((?:.*)(?:\n[ \t]+.*)*)", re.M | re.I)
REMOTE = re.compile(r"^Remote-MTA:\s*(?:dns;\s*)?([\w.-]+)", re.M | re.I)
FINAL = re.compile(r"^(?:Final|Original)-Recipient:\s*rfc822;\s*<?[^@\s>]*@([\w.-]+)", re.M | re.I)


def replies(text):
	"""(relay, domain, reply) quoted in one file's text."""
	out = []
	# one DSN recipient block at a time: a blank line separates them
	for block in re.split(r"\n\s*\n", text):
		for m in DIAG.finditer(block):
			r = REMOTE.search(block)
			d = FINAL.search(block)
			out.append(((r.group(1) if r else "").lower(), (d.group(1) if d else "").lower(), fold(m.group(1))))
	out += [(relay, "", r) for relay, r in BOUNCES["text_replies"](text)]
	out += [r for r in map(LOGS["line_reply"], text.split("\n")) if r]
	return out


def texts(repo, tops):
	"""(path, text) of each text blob under 1 MiB under the paths, string escapes undone."""
	for top in tops:
		tree = git(repo, "ls-tree", "-r", "-l", "-z", "HEAD", top).decode("utf-8", "surrogateescape").split("\0")
		names = []
		for t in tree:
			if not t:
				continue
			meta, name = t.split("\t", 1)
			kind, size = meta.split()[1], meta.split()[3]
			if kind == "blob" and size.isdigit() and int(size) < 1 << 20:
				names.append(name)
		for name in sorted(names):
			raw = git(repo, "cat-file", "blob", "HEAD:" + name)
			if b"\0" in raw[:8192]:
				continue
			text = raw.decode("utf-8", "replace").replace("\r\n", "\n")
			yield name, text.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\t", " ")


def new_replies(text, seen):
	"""(relay, domain, reply) of one text's replies not in seen (folded), which is updated."""
	out = []
	found = [(r, d, re.sub(r"\s*\(in reply to [^)]*\)\s*$", "", fold(x)).strip().rstrip("\"',;"))
		 for r, d, x in replies(text)]
	# the same reply found twice (a DSN part without Remote-MTA and the text
	# part naming the host): the answering host is kept from either copy
	hosts = {}
	for relay, _, reply in found:
		if relay:
			hosts.setdefault(reply.lower(), relay)
	for relay, dom, reply in found:
		relay = relay or hosts.get(reply.lower(), "")
		# a log line wrapped in a bounce's text part: its reply is cut short
		if any(o != reply and o.lower().startswith(reply.lower()) for _, _, o in found):
			continue
		es = re.match(r"^\d{3}[ -]\d\.(\d{1,3})\.", reply)
		if len(reply) < 8 or not re.match(r"^[45]\d\d[ -]", reply) or (es and int(es.group(1)) > 7):
			continue
		k = reply.lower()
		if k in seen:
			continue
		seen.add(k)
		out.append((relay, dom, reply.replace("\t", " ")))
	return out


def main():
	if len(sys.argv) < 4:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	url = sys.argv[2].rstrip("/")
	seen = set()
	for name, text in texts(sys.argv[1], sys.argv[3:]):
		for relay, dom, reply in new_replies(text, seen):
			print("\t".join([url + "/" + name, relay, dom, reply, ""]))
	return 0


if __name__ == "__main__":
	sys.exit(main())
