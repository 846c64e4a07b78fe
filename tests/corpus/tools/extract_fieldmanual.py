#!/usr/bin/env python3
"""extract_fieldmanual.py - provider replies collected by the SMTP Field Manual.

  extract_fieldmanual.py GIT_DIR URL_PREFIX > rows.tsv

Reads data/codes/*.json and data/EmailProviders.json of
https://github.com/ActiveCampaign/smtp-field-manual (the data behind
smtpfieldmanual.com: replies that senders saw from each mailbox provider,
contributed with the provider named). Each response becomes one raw row;
the leading "smtp;" of the Diagnostic-Code form is dropped. The recipient
domain is the provider's first listed domain (or, for providers listed
without one, its own mailbox domain from DOMAINS) (the replies are that
provider's); there is no relay host. Output columns (raw rows for
label.py): source, relay, rcpt_domain, reply, hint (empty). source is
URL_PREFIX/data/codes/NNN.json.
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
	if len(sys.argv) != 3:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	repo, url = sys.argv[1], sys.argv[2].rstrip("/")
	domains = dict(DOMAINS)
	for p in json.loads(git(repo, "show", "HEAD:data/EmailProviders.json")):
		if p.get("domains"):
			domains[p["id"]] = p["domains"][0]
	names = git(repo, "ls-tree", "--name-only", "HEAD", "data/codes/").decode().split()
	for name in sorted(names):
		if not name.endswith(".json"):
			continue
		data = json.loads(git(repo, "show", "HEAD:" + name))
		for prov in data.get("providers", []):
			for r in prov.get("responses", []):
				reply = re.sub(r"\s+", " ", re.sub(r"^smtp;\s*", "", r.get("response", ""), flags=re.I)).strip()
				if re.match(r"^[45]\d\d", reply):
					print("\t".join([url + "/" + name, "", domains.get(prov["id"], ""), reply, ""]))
	return 0


sys.exit(main())
