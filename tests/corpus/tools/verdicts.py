"""verdicts.py - corpus rows through `bouncewatch rules classify --hosts`.

Imported by score.py, tools/standin.py, tools/continuation_variants.py,
tools/frame_variants.py and tools/paste_variants.py
(one way to run the classifier on rows). classify(BW, PATTERNS, ROWS): ROWS
are (relay, recipient domain, reply) triples; returns one verdict per row, a
list of its 7 fields (rule, category, block, ip, provider, blocklist, pool).
Raises ClassifyError when the program fails or prints another number of
lines or of fields. dev_rows(TSV): the fields of every dev row of a corpus
file, in order (test rows are skipped unread); all_rows(TSV) those of every
row, checked for their columns (score.py, tools/wave.py: test rows go into
aggregates only). examples(PATTERNS): every rule
example of a rule directory (example+ lines appended with a space), in file
order. exclude_sources(ARGS) takes every "--exclude-source REGEX" option
out of an argument list (score.py's and standin.py's), excluded(ROW,
EXCLUDE) says whether a row's source matches one.
"""
import os
import re
import subprocess
import sys


class ClassifyError(Exception):
	pass


def classify(bw, patterns, rows):
	inp = "".join("%s\t%s\t%s\n" % tuple(r) for r in rows)
	res = subprocess.run([bw, "--rules", patterns, "rules", "classify", "--hosts"], input=inp.encode(),
			     capture_output=True)
	if res.returncode != 0:
		raise ClassifyError("classify exited %d: %s" % (res.returncode, res.stderr.decode(errors="replace")))
	verdicts = [o.split("\t") for o in res.stdout.decode(errors="replace").split("\n") if o]
	if any(len(v) != 7 for v in verdicts):
		raise ClassifyError("classify printed lines without 7 columns "
				    "(rule, category, block, ip, provider, blocklist, pool)")
	if len(verdicts) != len(rows):
		raise ClassifyError("classify printed %d lines for %d rows" % (len(verdicts), len(rows)))
	return verdicts


def dev_rows(tsv):
	for line in open(tsv, encoding="utf-8"):
		if line.startswith("#") or not line.strip():
			continue
		f = line.rstrip("\n").split("\t")
		if len(f) < 6 or f[1] != "dev":
			continue	# test rows are never read
		yield f


def all_rows(tsv):
	"""The fields of every row of a corpus file, dev and test, in order;
	raises ValueError naming the first line without 12 columns, a split
	dev|test and a block yes|no."""
	rows = []
	for n, line in enumerate(open(tsv, encoding="utf-8"), 1):
		if line.startswith("#") or not line.strip():
			continue
		f = line.rstrip("\n").split("\t")
		if len(f) != 12 or f[1] not in ("dev", "test") or f[9] not in ("yes", "no"):
			raise ValueError("%s:%d: expected 12 columns, split dev|test, block yes|no" % (tsv, n))
		rows.append(f)
	return rows


def exclude_sources(args):
	"""Takes every --exclude-source REGEX out of ARGS; returns the compiled
	expressions, or None when one is missing or does not compile."""
	out = []
	while "--exclude-source" in args:
		i = args.index("--exclude-source")
		if i + 1 >= len(args):
			return None
		try:
			out.append(re.compile(args[i + 1]))
		except re.error as e:
			print("--exclude-source %r: %s" % (args[i + 1], e), file=sys.stderr)
			return None
		del args[i:i + 2]
	return out


def excluded(f, exclude):
	"""Whether row F's source matches one of the EXCLUDE expressions."""
	return any(x.search(f[2]) for x in exclude)


def examples(patterns):
	"""Every rule example of PATTERNS (example+ lines appended with a space)."""
	out = []
	for name in sorted(os.listdir(patterns)):
		if not name.endswith(".rules"):
			continue
		cur = None
		for line in open(os.path.join(patterns, name), encoding="utf-8", errors="replace"):
			m = re.match(r"^(example\+?)\s*=\s?(.*)$", line.rstrip("\n"))
			if not m:
				if re.match(r"^\[", line) and cur is not None:
					out.append(cur)
					cur = None
				continue
			if m.group(1) == "example":
				if cur is not None:
					out.append(cur)
				cur = m.group(2).strip()
			elif cur is not None:
				cur += " " + m.group(2).strip()
		if cur is not None:
			out.append(cur)
	return out
