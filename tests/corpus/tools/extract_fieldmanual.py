#!/usr/bin/env python3
"""extract_fieldmanual.py - provider replies collected by the SMTP Field Manual.

  extract_fieldmanual.py [--history] GIT_DIR URL_PREFIX > rows.tsv

Reads data/codes/*.json and data/EmailProviders.json of
https://github.com/ActiveCampaign/smtp-field-manual (the data behind
smtpfieldmanual.com: replies that senders saw from each mailbox provider,
contributed with the provider named), or data/providers.json of its
successor https://github.com/fm/smtp-codes (smtp.codes). Each response becomes one raw row;
the leading "smtp;" of the Diagnostic-Code form is dropped. The recipient
domain is the provider's first listed domain (or, for providers listed
without one, its own mailbox domain from DOMAINS) (the replies are that
provider's); there is no relay host. Output columns (raw rows for
label.py): source, relay, rcpt_domain, reply, hint (empty). source is
URL_PREFIX/data/codes/NNN.json. With --history every commit that touched
data/codes is read, after HEAD, newest first (replies that contributors later edited or
removed were still replies someone saw); a reply is printed once, with the
newest commit that has it in its source (URL_PREFIX's /blob/<commit> is
replaced by that commit).
"""
import json
import re
import subprocess
import sys


# Providers the data lists without domains: their own mailbox domain.
DOMAINS = {"webde": "web.de", "gmx": "gmx.net", "qq": "qq.com", "free": "free.fr", "orange": "orange.fr",
	   "rambler": "rambler.ru", "protonmail": "proton.me", "hey": "hey.com"}


def git(repo, *args):
	return subprocess.run(["git", "--git-dir", repo] + list(args), capture_output=True, check=True).stdout


def main():
	history = len(sys.argv) > 1 and sys.argv[1] == "--history"
	if history:
		del sys.argv[1]
	if len(sys.argv) != 3:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	repo, url = sys.argv[1], sys.argv[2].rstrip("/")
	domains = dict(DOMAINS)
	names = git(repo, "ls-tree", "--name-only", "HEAD", "data/").decode().split()
	pfile = "data/EmailProviders.json" if "data/EmailProviders.json" in names else "data/providers.json"
	for p in json.loads(git(repo, "show", "HEAD:" + pfile)):
		if p.get("domains"):
			domains[p["id"]] = p["domains"][0]
	commits = ["HEAD"]
	if history:
		commits += git(repo, "log", "--format=%H", "--", "data/codes").decode().split()
	seen = set()
	for commit in commits:
		names = git(repo, "ls-tree", "--name-only", commit, "data/codes/").decode().split()
		for name in sorted(names):
			if not name.endswith(".json"):
				continue
			try:
				data = json.loads(git(repo, "show", commit + ":" + name))
			except ValueError:
				continue  # a commit with a broken file
			for prov in data.get("providers", []):
				for r in prov.get("responses", []):
					reply = re.sub(r"\s+", " ", re.sub(r"^smtp;\s*", "", r.get("response", ""), flags=re.I)).strip()
					if not re.match(r"^[45]\d\d", reply) or reply in seen:
						continue
					seen.add(reply)
					where = url + "/" + name if commit == "HEAD" else \
						re.sub(r"/blob/[0-9a-f]+$", "/blob/" + commit, url) + "/" + name
					print("\t".join([where, "", domains.get(prov["id"], ""), reply, ""]))
	return 0


sys.exit(main())
