#!/usr/bin/env python3
"""standin.py - how the generic rules read wordings no rule was written for.

  standin.py BOUNCEWATCH PATTERNS_DIR CORPUS_TSV [--exclude-source REGEX]... [--diff] [--cat-diff] [--prov-diff]

Two stand-ins for unseen replies, computed on the DEV rows of the
independent corpus only (test rows are never classified or printed):
  leave-one-out  every rule whose provider is not "generic" is removed in
                 turn, and the dev rows it matched are classified by the
                 remaining rules (how the library reads a wording it has no
                 rule for);
  generic-only   every dev row classified with the generic rules alone
                 (every rule that names a provider removed).
Prints block precision and recall and category agreement for each, and
provider and pool agreement over the rows whose label names a provider (as
score.py counts them): with a provider's own rule removed, the provider
comes from the relay host, the recipient domain and the reply's words
(providers.conf: relays, domains, signs), so the figure measures that
attribution apart from the provider rules. --diff prints the dev rows whose
block verdict differs from the label, --cat-diff those whose category
differs (with the same block verdict), --prov-diff those whose provider or
pool differs. --exclude-source REGEX (repeatable, as score.py's) leaves out
the dev rows whose source REGEX matches, and prints how many.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from verdicts import classify as classify_rows, exclude_sources, excluded


def classify(bw, patterns, rows):
	return classify_rows(bw, patterns, [(f[3], f[4], f[5]) for f in rows])


def without(patterns, dest, drop):
	"""A copy of PATTERNS in DEST with the rule sections named in DROP removed."""
	if os.path.exists(dest):
		shutil.rmtree(dest)
	os.mkdir(dest)
	for name in os.listdir(patterns):
		src = os.path.join(patterns, name)
		if not name.endswith(".rules"):
			if os.path.isfile(src):
				shutil.copy(src, dest)
			continue
		out, skip = [], False
		for line in open(src, encoding="utf-8", errors="replace"):
			m = re.match(r"^\[([^\]]+)\]", line)
			if m:
				skip = m.group(1) in drop
			if not skip:
				out.append(line)
		with open(os.path.join(dest, name), "w", encoding="utf-8") as o:
			o.writelines(out)


def rule_table(bw, patterns):
	"""{rule id: (provider, priority)} as `rules list` prints them."""
	listing = subprocess.run([bw, "--rules", patterns, "rules", "list"], capture_output=True, check=True)
	table = {}
	for line in listing.stdout.decode().split("\n")[1:]:
		p = line.split()
		if len(p) >= 5:
			table[p[0]] = (p[1], int(p[4]))
	return table


def standins(bw, patterns, rows):
	"""The two stand-ins for ROWS: leave-one-out as (row, verdict, the rule
	removed) triples, generic-only as (row, verdict) pairs."""
	provider = {r: p for r, (p, _) in rule_table(bw, patterns).items()}
	verdicts = classify(bw, patterns, rows)
	tmp = tempfile.mkdtemp(prefix="standin.")
	try:
		by_rule = {}
		for f, v in zip(rows, verdicts):
			if provider.get(v[0], "generic") != "generic":
				by_rule.setdefault(v[0], []).append(f)
		loo = []
		for rule, rs in sorted(by_rule.items()):
			without(patterns, os.path.join(tmp, "p"), {rule})
			loo += [(f, v, rule) for f, v in zip(rs, classify(bw, os.path.join(tmp, "p"), rs))]
		without(patterns, os.path.join(tmp, "p"), {r for r, p in provider.items() if p != "generic"})
		generic = list(zip(rows, classify(bw, os.path.join(tmp, "p"), rows)))
	finally:
		shutil.rmtree(tmp)
	return loo, generic


def figures(name, pairs, diff, cat_diff, prov_diff):
	tp = sum(1 for f, v in pairs if f[9] == "yes" and v[2] == "yes")
	fp = sum(1 for f, v in pairs if f[9] == "no" and v[2] == "yes")
	fn = sum(1 for f, v in pairs if f[9] == "yes" and v[2] != "yes")
	cat = sum(1 for f, v in pairs if v[1] == f[8])
	named = [(f, v) for f, v in pairs if f[6]]
	prov = sum(1 for f, v in named if v[4] == f[6])
	pool = sum(1 for f, v in named if v[6] == f[7])

	def pct(a, b):
		return "%5.1f %% (%d/%d)" % (100.0 * a / b, a, b) if b else "    - (0/0)"
	print("%-13s dev rows %d: category %s, block precision %s, block recall %s" %
	      (name, len(pairs), pct(cat, len(pairs)), pct(tp, tp + fp), pct(tp, tp + fn)))
	print("%-13s dev rows %d naming a provider: provider %s, pool %s" %
	      (name, len(named), pct(prov, len(named)), pct(pool, len(named))))
	if diff or cat_diff:
		for f, v in pairs:
			if (diff and v[2] != f[9]) or (cat_diff and v[2] == f[9] and v[1] != f[8]):
				print("  %s %s want %s/%s got %s/%s (%s) %s" % (name, f[0], f[8], f[9], v[1], v[2], v[0],
				      f[5][:160]))
	if prov_diff:
		for f, v in named:
			if v[4] != f[6] or v[6] != f[7]:
				print("  %s %s want %s/%s got %s/%s (%s) relay=%s domain=%s %s" %
				      (name, f[0], f[6], f[7], v[4], v[6], v[0], f[3], f[4], f[5][:160]))


def main():
	args = [a for a in sys.argv[1:] if a not in ("--diff", "--cat-diff", "--prov-diff")]
	exclude = exclude_sources(args)
	if exclude is None or len(args) != 3:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	bw, patterns, tsv = args
	diff = "--diff" in sys.argv
	cat_diff = "--cat-diff" in sys.argv
	prov_diff = "--prov-diff" in sys.argv
	rows = []
	for line in open(tsv, encoding="utf-8"):
		if line.startswith("#") or not line.strip():
			continue
		f = line.rstrip("\n").split("\t")
		if len(f) == 12 and f[1] == "dev":
			rows.append(f)
	if exclude:
		print("dev rows left out by --exclude-source: %d" % sum(1 for f in rows if excluded(f, exclude)))
		rows = [f for f in rows if not excluded(f, exclude)]
	loo, generic = standins(bw, patterns, rows)
	figures("leave-one-out", [(f, v) for f, v, _ in loo], diff, cat_diff, prov_diff)
	figures("generic-only", generic, diff, cat_diff, prov_diff)
	return 0


if __name__ == "__main__":
	sys.exit(main())
