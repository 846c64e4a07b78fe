"""variants.py - what frame_variants.py and paste_variants.py share.

Both make seeded variants of every dev row of a corpus and every rule
example, classify originals and variants with one or two trees and print a
table of counts per kind of variant. options(ARGS, KINDS, VALUED, FLAGS)
takes "--seed N", "--kinds K1,K2", "--base BW PATTERNS", "--max N", every
option of VALUED (one value each) and of FLAGS (none) out of ARGS and
returns them in a dict with "args", the three arguments left (BOUNCEWATCH,
PATTERNS_DIR, CORPUS_TSV); ValueError on a bad or missing one.
originals(TSV, DIRS[, EXCLUDE]): the (relay, domain, reply) triples of every
dev row (but those whose source an EXCLUDE expression matches), then of
every rule example of each rule directory once (no relay, no domain), and
how many dev rows came first. make(ORIG, KINDS, MAKERS, SEED):
(kind, index into ORIG, variant row, extra) for every maker's variant that
differs from its original and holds no tab; a maker returns None, a text,
or (text, extra). classify(BW, PATTERNS, ROWS): verdicts.classify, exiting
with its message on failure. table(TITLE, COLUMNS, KINDS, STATS) prints the
counts, one row per kind that has variants (STATS[kind][0]) and their sum,
with the share of variants changed (STATS[kind][1]).
"""
import random
import sys

import verdicts


def options(args, kinds, valued=(), flags=()):
	out = {"seed": 1, "kinds": list(kinds), "base": None, "max": None}
	args = list(args)
	for f in flags:
		out[f] = f in args
		while f in args:
			args.remove(f)
	for opt in ("--seed", "--max", "--kinds", "--base") + tuple(valued):
		while opt in args:
			i = args.index(opt)
			n = 3 if opt == "--base" else 2
			if i + n > len(args):
				raise ValueError(opt)
			val = args[i + 1:i + n]
			del args[i:i + n]
			if opt in ("--seed", "--max"):
				out[opt[2:]] = int(val[0])
			elif opt == "--kinds":
				out["kinds"] = val[0].split(",")
				if any(k not in kinds for k in out["kinds"]):
					raise ValueError(opt)
			else:
				out[opt[2:]] = val if opt == "--base" else val[0]
	if len(args) != 3 or any(a.startswith("--") for a in args):
		raise ValueError("arguments")
	out["args"] = args
	return out


def originals(tsv, dirs, exclude=()):
	orig, seen = [(f[3], f[4], f[5]) for f in verdicts.dev_rows(tsv) if not verdicts.excluded(f, exclude)], set()
	ndev = len(orig)
	for p in dirs:
		for x in verdicts.examples(p):
			if x not in seen:
				seen.add(x)
				orig.append(("", "", x))
	return orig, ndev


def make(orig, kinds, makers, seed):
	var = []
	for i, (relay, domain, reply) in enumerate(orig):
		for kind in kinds:
			got = makers[kind](reply, random.Random("%d:%s:%s" % (seed, kind, reply)))
			if got is None:
				continue
			text, extra = got if isinstance(got, tuple) else (got, None)
			if text != reply and "\t" not in text:
				var.append((kind, i, (relay, domain, text), extra))
	return var


def classify(bw, patterns, rows):
	try:
		return verdicts.classify(bw, patterns, rows)
	except verdicts.ClassifyError as e:
		sys.exit(str(e))


def table(title, columns, kinds, stats):
	w = max(len(k) for k in list(kinds) + ["kind"])

	def row(name, vals):
		return "  %-*s" % (w, name) + "".join(" %*s" % (max(len(c), 6), v) for c, v in zip(columns, vals))
	print(title)
	print(row("kind", columns))
	tot = [0] * len(columns)
	for k in kinds:
		if stats[k][0]:
			tot = [a + b for a, b in zip(tot, stats[k])]
			print(row(k, stats[k]))
	print(row("all", tot) + "   (%.2f %% changed)" % (100.0 * tot[1] / max(tot[0], 1)))


def count(st, was, got):
	"""Whether verdict GOT differs from WAS in category, block or provider;
	if so, counts it in ST[1] (changed) and ST[2..4] (which fields)."""
	d = [was[1] != got[1], was[2] != got[2], was[4] != got[4]]
	if not any(d):
		return False
	st[1] += 1
	for k in range(3):
		st[2 + k] += d[k]
	return True


def diff_line(kind, orig, variant, was, got):
	"""kind TAB relay TAB domain TAB original TAB variant TAB old verdict TAB new."""
	return "%s\t%s\t%s\t%s\t%s\t%s/%s/%s %s\t%s/%s/%s %s\n" % (
		kind, orig[0], orig[1], orig[2], variant, was[1], was[2], was[4], was[0], got[1], got[2], got[4], got[0])
