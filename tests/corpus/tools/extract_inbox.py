#!/usr/bin/env python3
"""extract_inbox.py - remote SMTP replies in a public-inbox mailing-list archive.

  extract_inbox.py GIT_DIR URL_PREFIX > rows.tsv

A public-inbox archive (one git repository per list, one commit per message,
the message as the blob "m"; e.g. the list mirrors under
https://github.com/linux-mailinglist-archives) keeps the bounces and delivery
reports that reached the list next to its ordinary mail. Every commit's "m"
is read and each remote reply is taken the way extract_text.py takes it from
a file (a DSN part's Diagnostic-Code, the human-readable "said:" / Exim /
qmail wordings, quoted log lines). Output columns (raw rows for label.py):
source, relay, rcpt_domain, reply, hint (empty); source is
URL_PREFIX/blob/COMMIT/m, the message as the archive holds it. Replies
shorter than 8 characters, enhanced codes with a subject above 7 and
duplicates (case and whitespace folded) are skipped, as in extract_text.py.
"""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
ns = {"__name__": "lib", "__file__": os.path.join(here, "extract_text.py")}
exec(open(ns["__file__"], encoding="utf-8").read().rsplit("\ndef main():", 1)[0], ns)
new_replies = ns["new_replies"]


def blobs(repo):
	"""(commit, text) of the message each commit adds."""
	commits = subprocess.run(["git", "--git-dir", repo, "rev-list", "--all"], capture_output=True,
				 check=True, text=True).stdout.split()
	proc = subprocess.Popen(["git", "--git-dir", repo, "cat-file", "--batch"], stdin=subprocess.PIPE,
				stdout=subprocess.PIPE)
	for c in commits:
		proc.stdin.write((c + ":m\n").encode())
		proc.stdin.flush()
		head = proc.stdout.readline().split()
		if len(head) < 3 or head[1] != b"blob":
			continue
		data = proc.stdout.read(int(head[2]) + 1)[:-1]
		yield c, data.decode("utf-8", "replace").replace("\r\n", "\n")
	proc.stdin.close()
	proc.wait()


def main():
	if len(sys.argv) != 3:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	url = sys.argv[2].rstrip("/")
	seen = set()
	for commit, text in blobs(sys.argv[1]):
		for relay, dom, reply in new_replies(text, seen):
			print("\t".join([url + "/blob/" + commit + "/m", relay, dom, reply, ""]))
	return 0


if __name__ == "__main__":
	sys.exit(main())
