#!/usr/bin/env python3
"""score.py - the rule library against the independent reply corpus.

  score.py BOUNCEWATCH PATTERNS_DIR CORPUS_TSV [--min-rows N] [--exclude-source REGEX]... [--dev-diff | -v]

CORPUS_TSV is tests/corpus/independent.tsv: replies from public sources,
labelled by the definition in patterns/README.md and split once into dev and
test by a hash of the row id. Every row is classified by
  BOUNCEWATCH --rules PATTERNS_DIR rules classify --hosts
(relay host and recipient domain as the source gave them) and the figures
are printed per split:
  category   verdict category = label (no verdict counts as wrong)
  provider   verdict provider = label, over rows whose label names one
  pool       verdict pool = label (tools/pool.py: providers.conf, relay then
             recipient domain), over the same rows
  block      precision and recall of block = yes
  ip         block rows that name the sending IP: verdict IP = label
--dev-diff prints the dev rows the rules get wrong (the rows to write rules
from); -v prints the test rows too (to read, never to write rules from).
--exclude-source REGEX (repeatable) leaves out of the figures every row whose
source column REGEX matches (Python re.search), e.g. the rows taken from mail
servers' source code, so a note can give the figures with and without a
family of sources; how many rows each split left out is printed. The checks
below still cover every row.
Every row's id and split are checked: id = sha256(source TAB reply)[:12],
split = test when the first 32 bits of sha256(id) mod 100 are below 30 (so a
row's split is decided when it is added, never chosen).
Exits 1 when a row's id or split is not the derived one, when a test row's
reply is a rule example (a test row never becomes
a rule example: the figures would no longer measure unseen replies), or when
the file has fewer than N rows; 2 on usage errors. The figures themselves
are reported, not asserted: targets are in the notes, not here.
"""
import glob
import hashlib
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "tools"))
from verdicts import ClassifyError, all_rows, classify, exclude_sources, excluded  # noqa: E402


def fold(s):
	return re.sub(r"\s+", " ", s).strip().lower()


def row_id(f):
	"""A row's id: the first 12 hex digits of sha256(source TAB reply)."""
	return hashlib.sha256((f[2] + "\t" + f[5]).encode()).hexdigest()[:12]


def split_of(rid):
	"""The split, fixed once by a hash of the id: 30 % test, the rest dev."""
	return "test" if int(hashlib.sha256(rid.encode()).hexdigest()[:8], 16) % 100 < 30 else "dev"


def rule_examples(patterns):
	"""Every example of every rule, continuation lines joined, folded."""
	out = {}
	for path in sorted(glob.glob(patterns + "/*.rules")):
		cur = None
		for n, line in enumerate(open(path, encoding="utf-8", errors="replace"), 1):
			m = re.match(r"^(example\+?)\s*=\s?(.*)$", line.rstrip("\n"))
			if m and m.group(1) == "example":
				cur = [path, n, m.group(2)]
				out.setdefault(id(cur), cur)
			elif m and cur is not None:
				cur[2] += " " + m.group(2)
			else:
				cur = None if not line.startswith("example") else cur
	return {fold(v[2]): "%s:%d" % (v[0], v[1]) for v in out.values()}


def main():
	args = [a for a in sys.argv[1:] if a not in ("-v", "--dev-diff")]
	min_rows = 0
	if "--min-rows" in args:
		i = args.index("--min-rows")
		min_rows = int(args[i + 1])
		del args[i:i + 2]
	exclude = exclude_sources(args)
	if exclude is None or len(args) != 3:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	bw, patterns, tsv = args
	try:
		rows = all_rows(tsv)
	except ValueError as e:
		print(e, file=sys.stderr)
		return 2
	bad = 0
	for f in rows:
		if f[0] != row_id(f) or f[1] != split_of(f[0]):
			print("FAIL %s: id must be sha256(source TAB reply)[:12] = %s and split %s (hash of the id)" %
			      (f[0], row_id(f), split_of(row_id(f))))
			bad += 1
	if len(rows) < min_rows:
		print("FAIL %s: %d rows, fewer than %d" % (tsv, len(rows), min_rows))
		bad += 1
	examples = rule_examples(patterns)
	for f in rows:
		where = examples.get(fold(f[5]))
		if where and f[1] == "test":
			print("FAIL %s: test row %s is a rule example" % (where, f[0]))
			bad += 1
	left_out = {"dev": 0, "test": 0}
	for f in rows:
		if excluded(f, exclude):
			left_out[f[1]] += 1
	rows = [f for f in rows if not excluded(f, exclude)]
	try:
		verdicts = classify(bw, patterns, [(f[3], f[4], f[5]) for f in rows])
	except ClassifyError as e:
		print("FAIL %s" % e)
		return 1
	for split in ("dev", "test"):
		if exclude:
			print("%-4s rows left out by --exclude-source: %d" % (split, left_out[split]))
		s = [(f, v) for f, v in zip(rows, verdicts) if f[1] == split]
		cat = sum(1 for f, v in s if v[1] == f[8])
		prov = [(f, v) for f, v in s if f[6]]
		provok = sum(1 for f, v in prov if v[4] == f[6])
		poolok = sum(1 for f, v in prov if v[6] == f[7])
		tp = sum(1 for f, v in s if f[9] == "yes" and v[2] == "yes")
		fp = sum(1 for f, v in s if f[9] == "no" and v[2] == "yes")
		fn = sum(1 for f, v in s if f[9] == "yes" and v[2] != "yes")
		ipr = [(f, v) for f, v in s if f[9] == "yes" and f[10]]
		ipok = sum(1 for f, v in ipr if v[3] == f[10])

		def pct(a, b):
			return "%5.1f %% (%d/%d)" % (100.0 * a / b, a, b) if b else "    - (0/0)"
		print("%-4s rows %d: category %s, provider %s, pool %s, block precision %s, block recall %s, sending IP %s" %
		      (split, len(s), pct(cat, len(s)), pct(provok, len(prov)), pct(poolok, len(prov)), pct(tp, tp + fp),
		       pct(tp, tp + fn), pct(ipok, len(ipr))))
		if "-v" in sys.argv or split == "dev" and "--dev-diff" in sys.argv:
			for f, v in s:
				if v[1] != f[8] or v[2] != f[9] or (f[6] and (v[4] != f[6] or v[6] != f[7])):
					print("DIFF %s %s: want %s/%s/%s/%s got %s/%s/%s/%s (%s) %s" % (split, f[0], f[8], f[9], f[6], f[7],
					      v[1], v[2], v[4], v[6], v[0], f[5][:140]))
	return 1 if bad else 0


sys.exit(main())
