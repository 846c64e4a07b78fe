#!/usr/bin/env python3
"""extract_code_table.py - reply texts out of a provider's published SMTP code table.

  extract_code_table.py GIT_DIR URL_PREFIX RELAY DIR > rows.tsv

Reads the archived HTML copies under DIR of a repository (a git directory,
read with `git show`), e.g. google-3726730-smtp-errors-and-codes/html of
https://github.com/azumakuniyuki/feb-2024-no-auth-no-entry, which keeps dated
copies of https://support.google.com/a/answer/3726730 ("Gmail SMTP errors
and codes"). Each table row <td>CODE</td><td>STATUS</td><td>TEXT</td> gives
the reply "CODE STATUS TEXT" as the provider documents it (links appear as
their link text, not as the URL the server would print). Copies are read
newest first; a row whose code, status and first eight words (case, "mail"
/ "email" and punctuation folded) were already taken from a newer copy is
skipped, so wording that only changed slightly is counted once.
Output columns (raw rows for label.py): source, relay, rcpt_domain, reply,
hint (empty). source is URL_PREFIX/path; relay is RELAY (the provider's
MX host the table applies to); rcpt_domain is empty.
"""
import html
import re
import subprocess
import sys


def git(repo, *args):
	return subprocess.run(["git", "--git-dir", repo] + list(args), capture_output=True, check=True).stdout


def cell(c):
	return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", c))).strip()


def key(status, text):
	words = re.sub(r"[^a-z0-9 ]", "", text.lower().replace("email", "mail")).split()
	return (status, " ".join(words[:8]))


def main():
	if len(sys.argv) != 5:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	repo, url, relay, top = sys.argv[1], sys.argv[2].rstrip("/"), sys.argv[3], sys.argv[4].rstrip("/") + "/"
	names = [n for n in git(repo, "ls-tree", "-r", "--name-only", "HEAD", top).decode().split("\n") if n.endswith(".html")]
	dated = sorted(names, key=lambda n: (re.findall(r"\d{4}-\d\d-\d\d", n) or [""])[-1], reverse=True)
	seen = set()
	for name in dated:
		page = git(repo, "show", "HEAD:" + name).decode("utf-8", "replace")
		for row in re.findall(r"<tr>(.*?)</tr>", page, re.S):
			cells = [cell(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
			if len(cells) != 3 or not re.match(r"^[245]\d\d$", cells[0]) or not re.match(r"^[245]\.\d+\.\d+$", cells[1]):
				continue
			k = key(cells[1], cells[2])
			if k in seen or not cells[2]:
				continue
			seen.add(k)
			reply = "%s %s %s" % (cells[0], cells[1], cells[2].replace("\t", " "))
			print("\t".join([url + "/" + name, relay, "", reply, ""]))
	return 0


sys.exit(main())
