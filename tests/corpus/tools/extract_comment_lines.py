#!/usr/bin/env python3
"""extract_comment_lines.py - sample replies kept as comments in a rule file.

  extract_comment_lines.py GIT_DIR URL_PREFIX FILE... > rows.tsv

ZoneMTA's bounce rules (config/bounces.txt of
https://github.com/zone-eu/zone-mta) put, above a rule, the replies that
made its authors write it:
    # 550 5.7.1 11.22.33.44 has been blocked by zen.spamhaus.org
    #550-"JunkMail rejected - [hostname] [11.2.3.4]:24706 is in an RBL: ..."
Every comment line whose text (after "#", blanks and an optional quote)
starts with a reply code is taken as one reply; a closing quote is dropped.
No relay or recipient domain is known. Output columns (raw rows for
label.py): source, relay, rcpt_domain, reply, hint (empty).
"""
import re
import subprocess
import sys


def git(repo, *args):
	return subprocess.run(["git", "--git-dir", repo] + list(args), capture_output=True, check=True).stdout


def main():
	if len(sys.argv) < 4:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	repo, url = sys.argv[1], sys.argv[2].rstrip("/")
	for name in sys.argv[3:]:
		text = git(repo, "show", "HEAD:" + name).decode("utf-8", "replace")
		for line in text.split("\n"):
			m = re.match(r'^#\s*"?([45]\d\d[ -].*?)"?\s*$', line)
			if not m:
				continue
			reply = re.sub(r"\s+", " ", m.group(1)).strip()
			if len(reply) >= 8:
				print("\t".join([url + "/" + name, "", "", reply.replace("\t", " "), ""]))
	return 0


sys.exit(main())
