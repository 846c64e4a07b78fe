#!/usr/bin/env python3
"""continuation_variants.py - do line breaks change the classifier's verdicts?

  continuation_variants.py BOUNCEWATCH PATTERNS_DIR CORPUS_TSV [--seed N]
                           [--emit FILE] [--max N]

Makes, from every dev row of CORPUS_TSV (tests/corpus/independent.tsv; test
rows are skipped unread) whose reply opens with a reply code, two
multi-line variants of its reply, the line break at one word gap chosen by
a seeded random generator (--seed, default 1):
  postfix   the lines joined by a space, as Postfix logs them:
            "550-5.7.1 first words 550 5.7.1 last words"
  exim      the break written as a literal backslash-n, as Exim logs it:
            "550-5.7.1 first words\\n550 5.7.1 last words"
The first line takes '-' (a reply that goes on); the new line repeats the
first line's code and enhanced code, with '-' when the reply already had
several lines (then the gap is before its last line), else ' ' (the new
last line). Every original and every variant
is classified by
  BOUNCEWATCH --rules PATTERNS_DIR rules classify --hosts
and the script prints how many variants get another verdict than their
one-line original (any of the seven fields: rule, category, block, IP,
provider, block list, pool) and how many another category or block. For
comparison it prints the same for a control: the first line's '-' alone,
without a line break ("550-5.7.1 first words last words"), which no
joining of lines can change; the control is not counted with the variants.
--emit FILE writes the variants that changed as "relay TAB domain TAB
original TAB variant" lines (at most --max, default all), to make a fixed
test set from. Exits 0 after printing; 2 on usage errors.
"""
import random
import re
import sys

import verdicts
from variants import classify

PREFIX = re.compile(r"^([2-5]\d\d)([ -])(?:([2-5]\.\d{1,3}\.\d{1,3}) )?")


def variants(reply, rng):
	"""The two multi-line forms of reply, or [] when it has no code or no gap."""
	m = PREFIX.match(reply)
	if not m or (m.group(3) and m.group(3)[0] != m.group(1)[0]):
		return []
	code, sep, esc = m.group(1), m.group(2), m.group(3)
	end = len(reply) - 1
	if sep == "-" and reply.rfind(" " + code + " ") > 0:
		end = reply.rfind(" " + code + " ")	# a new middle line comes before the last one
	gaps = [i for i in range(m.end() + 1, end)
		if reply[i] == " " and reply[i - 1] != " " and reply[i + 1] != " "]
	if not gaps:
		return []
	g = rng.choice(gaps)
	mark = code + ("-" if sep == "-" else " ") + (esc + " " if esc else "")
	first = code + "-" + reply[4:g]
	rest = reply[g + 1:]
	return [("postfix", first + " " + mark + rest), ("exim", first + "\\n" + mark + rest),
		("control", first + " " + rest)]


def main():
	args = sys.argv[1:]
	seed, emit, most = 1, None, None
	for opt in ("--seed", "--emit", "--max"):
		if opt in args:
			i = args.index(opt)
			if i + 1 >= len(args):
				print(__doc__.strip().splitlines()[2], file=sys.stderr)
				return 2
			val = args[i + 1]
			del args[i:i + 2]
			if opt == "--seed":
				seed = int(val)
			elif opt == "--emit":
				emit = val
			else:
				most = int(val)
	if len(args) != 3:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	bw, patterns, tsv = args
	rng = random.Random(seed)
	orig, var = [], []	# (relay, domain, reply); var also (kind, index into orig)
	for f in verdicts.dev_rows(tsv):
		for kind, text in variants(f[5], rng):
			var.append((kind, len(orig), (f[3], f[4], text)))
		orig.append((f[3], f[4], f[5]))
	vo = classify(bw, patterns, orig)
	vv = classify(bw, patterns, [v[2] for v in var])
	changed, catblock, kinds, out = 0, 0, {}, []
	for (kind, i, row), got in zip(var, vv):
		kinds.setdefault(kind, [0, 0])[0] += 1
		if got == vo[i]:
			continue
		kinds[kind][1] += 1
		if kind == "control":
			continue
		changed += 1
		catblock += vo[i][1:3] != got[1:3]
		out.append("%s\t%s\t%s\t%s\n" % (orig[i][0], orig[i][1], orig[i][2], row[2]))
	nvar = len(var) - kinds.get("control", [0])[0]
	print("seed %d: %d dev rows, %d variants: verdict changed %d (%.1f %%), category or block changed %d (%.1f %%)"
	      % (seed, len(orig), nvar, changed, 100.0 * changed / max(nvar, 1), catblock,
		 100.0 * catblock / max(nvar, 1)))
	for kind in sorted(kinds):
		print("  %-8s %d variants, %d changed" % (kind, kinds[kind][0], kinds[kind][1]))
	if emit:
		with open(emit, "w", encoding="utf-8") as f:
			f.writelines(out[:most] if most else out)
	return 0


sys.exit(main())
