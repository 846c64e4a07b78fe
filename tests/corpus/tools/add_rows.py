#!/usr/bin/env python3
"""add_rows.py - append newly labelled rows to the independent corpus.

  add_rows.py CORPUS_TSV PATTERNS_DIR LABELLED_TSV > new_corpus.tsv

LABELLED_TSV is label.py's output over the raw extractions. A labelled row
is appended only when
  - its id is not in the corpus yet,
  - no corpus row has the same reply shape (label.py shape(): copies of one
    wording that differ only in addresses, hosts, IPs or ids count once),
  - it is not one of the published code-table replies whose code, status
    and first eight words a corpus row from the same provider page already
    has (Google's table changed its wording slightly between copies),
  - it is not one of the SKIP extractions (not a single reply),
  - its reply is not a rule example in PATTERNS_DIR (a reply the rules were
    written from is not independent of them).
Existing rows are kept as they are (their labels are reviewed); the pool
column of new rows is filled by pool.py afterwards. Rows are appended in
the order label.py printed them; each row's split is its id's hash.
"""
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
ns = {}
exec(open(os.path.join(here, "label.py"), encoding="utf-8").read().split("def main():")[0], ns)
shape = ns["shape"]


# Extractions that are not one reply (reply substring: why).
SKIP = {
	"blocked using Spamhaus Les emails": "two quoted replies joined (FrancePTT module comment)",
	"----": "a bounce's text ran on into its next section",
	"--- Below this line": "a bounce's text ran on into the copy of the message",
	"Transcript of session": "a bounce's text ran on into the transcript",
	"\\par": "RTF markup, not the reply",
	"detected that this message is\t": "cut off at a line break",
}


def fold(s):
	return re.sub(r"\s+", " ", s).strip().lower()


def table_key(reply):
	m = re.match(r"^\d{3}[ -](\d\.\d+\.\d+) (.*)", reply)
	if not m:
		return None
	w = re.sub(r"[^a-z0-9 ]", "", m.group(2).lower().replace("email", "mail")).split()
	return (m.group(1), " ".join(w[:8]))


def examples(patterns):
	out, cur = set(), None
	for name in sorted(os.listdir(patterns)):
		if not name.endswith(".rules"):
			continue
		for line in open(os.path.join(patterns, name), encoding="utf-8", errors="replace"):
			m = re.match(r"^(example\+?)\s*=\s?(.*)$", line.rstrip("\n"))
			if m and m.group(1) == "example":
				if cur is not None:
					out.add(fold(cur))
				cur = m.group(2)
			elif m and cur is not None:
				cur += " " + m.group(2)
			elif cur is not None:
				out.add(fold(cur))
				cur = None
	if cur is not None:
		out.add(fold(cur))
	return out


def main():
	if len(sys.argv) != 4:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	lines = open(sys.argv[1], encoding="utf-8").readlines()
	rows = [l.rstrip("\n").split("\t") for l in lines if not l.startswith("#") and l.strip()]
	ids = {f[0] for f in rows}
	shapes = {shape(f[5]) for f in rows}
	tables = {table_key(f[5]) for f in rows if "google" in f[2]}
	ex = examples(sys.argv[2])
	sys.stdout.writelines(lines)
	added = 0
	for line in open(sys.argv[3], encoding="utf-8"):
		f = line.rstrip("\n").split("\t")
		if len(f) != 12 or f[0] in ids or shape(f[5]) in shapes or fold(f[5]) in ex:
			continue
		if any(k in f[5] + "\t" for k in SKIP):
			continue
		if "feb-2024-no-auth-no-entry" in f[2] and table_key(f[5]) in tables:
			continue
		ids.add(f[0])
		shapes.add(shape(f[5]))
		sys.stdout.write(line if line.endswith("\n") else line + "\n")
		added += 1
	print("add_rows.py: %d rows added" % added, file=sys.stderr)
	return 0


sys.exit(main())
