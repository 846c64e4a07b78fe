#!/usr/bin/env python3
"""review_leaks.py - label.py's hand calls must not quote a test row.

  review_leaks.py LABEL_PY CORPUS_TSV PATTERNS_DIR

Rule writers read tests/corpus/tools/label.py; the replies of the test split
must stay out of what they read. A REVIEW entry (a substring of the reply)
that occurs in a test row's reply, in no dev row's reply and nowhere in
PATTERNS_DIR (its *.rules and README.md) or in the replies.tsv beside
CORPUS_TSV (written from dev rows and public sources) quotes that test row: its call belongs in REVIEW_IDS, by the row's
id, with the reason in general words. Every REVIEW_IDS key must be the id of
a test row of CORPUS_TSV (a dev row's call can name its wording in REVIEW).
Prints the REVIEW entry's position and the row ids, never a reply.
Exits 0 when nothing leaks, 1 when something does, 2 on usage errors.
"""
import glob
import os
import re
import sys


def fold(s):
	return re.sub(r"\s+", " ", s).strip().lower()


def load(path):
	"""label.py's tables (everything before main()), without running it."""
	ns = {}
	exec(open(path, encoding="utf-8").read().split("def main():")[0], ns)
	return ns.get("REVIEW", []), ns.get("REVIEW_IDS", {})


def main():
	if len(sys.argv) != 4:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	label, corpus, patterns = sys.argv[1:]
	review, ids = load(label)
	rows = [l.rstrip("\n").split("\t") for l in open(corpus, encoding="utf-8") if l.strip() and not l.startswith("#")]
	public = ""
	for path in sorted(glob.glob(os.path.join(patterns, "*.rules"))) + [os.path.join(patterns, "README.md"),
	                                                                  os.path.join(os.path.dirname(corpus), "replies.tsv")]:
		if os.path.exists(path):
			public += fold(open(path, encoding="utf-8", errors="replace").read()) + "\n"
	bad = 0
	for n, entry in enumerate(review):
		sub = entry[0]
		dev = any(sub in r[5] for r in rows if r[1] == "dev")
		test = [r[0] for r in rows if r[1] == "test" and sub in r[5]]
		if test and not dev and fold(sub) not in public:
			print("REVIEW entry %d quotes test row(s) %s: give the call by id in REVIEW_IDS" % (n, " ".join(test)))
			bad += 1
	split = {r[0]: r[1] for r in rows}
	for rid in sorted(ids):
		if split.get(rid) != "test":
			print("REVIEW_IDS key %s is not a test row's id (%s)" % (rid, split.get(rid, "no such row")))
			bad += 1
	print("review_leaks: %d REVIEW entries, %d REVIEW_IDS, %d problems" % (len(review), len(ids), bad))
	return 1 if bad else 0


sys.exit(main())
