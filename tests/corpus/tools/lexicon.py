#!/usr/bin/env python3
"""lexicon.py - could a word model read the replies no rule knows?

  lexicon.py BOUNCEWATCH PATTERNS_DIR CORPUS_TSV REPLIES_TSV
             [--model nb|knn] [--features uni|bi] [--alpha A] [--versus-rule] [--show T]
             [--priority P]

A measurement of the idea of a statistical model beside the rules: when the
rule that matched a reply is a last resort (priority >= 950, a bare reply
or enhanced status code read without its words, or no rule at all), could a
model of the words of every labelled reply give the category and block
verdict instead? (--priority P: rules of priority P or later count as last
resorts, default 950; 990 is src/rules.h's RULES_LAST_RESORT, the
catch-alls only.) Classes are (category, block) pairs. Training data: the
DEV rows of CORPUS_TSV (tests/corpus/independent.tsv; test rows are never
read) and the labelled rule examples of REPLIES_TSV
(tests/corpus/replies.tsv).

THE MODELS. --model nb (the default): a multinomial naive Bayes over the
reply's tokens, each counted once per reply, Laplace smoothing --alpha
(default 0.5); its margin is the log-odds (natural log) of its top class
over the second, or with --versus-rule over the class of the rules' own
verdict (0 when they agree). --model knn: the labelled reply nearest by
cosine similarity of idf-weighted token sets; its margin is ten times that
similarity (0 to 10).

THE TOKENS of a reply, read from the text the rules read (the frame
around a quoted reply taken off as src/reply_frame.h does: "host H[A]
said: ", Exim's "host H [A]: " and "SMTP error from remote mail server
after C: ", "smtp;", Exchange's "Remote Server returned '...'", Postfix's
" (in reply to C command)" tail). The join of a multi-line reply's
prefixes (src/reply_join.h) needs no copy: a prefix is a code, and codes
after the first are no words:
  "c:D"     the class of a leading reply code (three digits, the first 2
            to 5, then ' ', '-' or the end): "c:5";
  "r:DDD"   the code itself;
  "e:D.S.D" the enhanced code right after it (1 to 3 digits a part);
  words     maximal runs of ASCII letters and digits and bytes >= 0x80,
            ASCII letters lower-cased, each run of digits read as one "0",
            cut to 40 bytes; a run without a letter (a number, a code's
            part) is no word;
  "A B"     every pair of consecutive words, with --features bi (the
            default).

THE EVALUATION: 5-fold cross-validation on the dev rows (fold = the first
32 bits of sha256("fold:" + id) mod 5). The rows of a fold are read by a
model trained on the other folds and the replies.tsv examples whose text is
no row of the fold; the model's verdict replaces the rules' only on a last
resort and only when its margin is at least a threshold. Four settings:
  full           the dev rows through every rule of PATTERNS_DIR;
  generic-only   through the generic rules alone (standin.py);
  leave-one-out  each non-generic rule removed in turn, the dev rows it
                 matched classified by the rest (standin.py);
  loo-strict     as leave-one-out, with the model trained without the
                 removed rule's dev rows and replies.tsv examples either:
                 a wording nobody labelled at all.
For each: the rules alone (category agreement, block precision and
recall), the ceiling (every last resort given its label: the most any
model that only reads last resorts could gain), then per threshold the
rows the model took and the figures with it. --show T prints the dev rows
whose verdict the model changes at threshold T, FIX when it made them
right, HURT when it made them wrong. Verdicts come from `bouncewatch rules
classify --hosts` (verdicts.py); LEXICON_CACHE=FILE keeps them in FILE
between runs with the same rules and corpus (delete it when they change).
"""
import collections
import hashlib
import math
import os
import pickle
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from standin import rule_table, standins  # noqa: E402
from verdicts import classify, dev_rows  # noqa: E402

LAST_RESORT = [950]	# --priority
WORD_MAX = 40
FOLDS = 5
THRESHOLDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, float("inf")]

# ---- the text the rules read (src/reply_frame.c, reply_unframe) ----

CODE = re.compile(rb"[2-5][0-9][0-9](?:[ -]|$)")


def code_at(b, i, quoted):
	if CODE.match(b, i):
		return True
	return quoted and re.compile(rb"[2-5][0-9][0-9]'").match(b, i) is not None


def host_len(b, i):
	j = i
	while j < len(b) and (chr(b[j]).isascii() and (chr(b[j]).isalnum() or b[j] in b".-_")):
		j += 1
	return j - i


def bracket_len(b, i):
	if i >= len(b) or b[i:i + 1] != b"[":
		return 0
	j = i + 1
	while j < len(b) and b[j] not in b"][ \t\n":
		j += 1
	return j + 1 - i if j < len(b) and b[j:j + 1] == b"]" and j > i + 1 else 0


def host_frame(b, i):
	if b[i:i + 5].lower() != b"host ":
		return 0
	j = i + 5
	h = host_len(b, j)
	if h == 0:
		return 0
	j += h
	if b[j:j + 1] == b" ":
		k = bracket_len(b, j + 1)
		if k == 0 or b[j + 1 + k:j + 3 + k] != b": ":
			return 0
		return j + 3 + k - i
	k = bracket_len(b, j)
	if k == 0:
		return 0
	j += k
	for tail in (b" said: ", b" refused to talk to me: "):
		if b[j:j + len(tail)].lower() == tail:
			return j + len(tail) - i
	return 0


def exim_frame(b, i):
	lead = b"smtp error from remote mail server after "
	if b[i:i + len(lead)].lower() != lead:
		return 0
	j = i + len(lead)
	while True:
		c = b.find(b":", j)
		if c < 0:
			return 0
		if b[c + 1:c + 2] == b" " and code_at(b, c + 2, False):
			return c + 2 - i
		j = c + 1


def dsn_frame(b, i):
	if b[i:i + 5].lower() != b"smtp;":
		return 0
	j = i + 5
	while j < len(b) and b[j] in b" \t":
		j += 1
	return j - i


def drop_stage(b, at, n):
	while True:
		e = n
		while e > at and b[e - 1] in b" \t":
			e -= 1
		if e - at < 9 or b[e - 9:e].lower() != b" command)":
			return n
		s = e - 9
		while s > at and e - s < 64 and (chr(b[s - 1]).isascii() and (chr(b[s - 1]).isalpha() or
									     b[s - 1] in b" \t/-")):
			s -= 1
		if s - at < 2 or b[s - 1:s] != b"(" or b[s - 2:s - 1] != b" " or e - 9 - s <= 12 or \
		   b[s:s + 12].lower() != b"in reply to ":
			return n
		n = s - 2


def unframe(b):
	exch = b"remote server returned '"
	at = cand = 0
	quoted = q_cand = False
	for _ in range(4):
		if cand >= len(b) or not (chr(b[cand]).isascii() and chr(b[cand]).isalpha()):
			break
		q = b[cand:cand + len(exch)].lower() == exch
		f = len(exch) if q else (host_frame(b, cand) or exim_frame(b, cand) or dsn_frame(b, cand))
		if f == 0:
			break
		cand += f
		q_cand = q_cand or q
		if code_at(b, cand, q_cand):
			at, quoted = cand, q_cand
	n = drop_stage(b, at, len(b))
	if quoted:
		e = n
		while e > at and b[e - 1] in b" \t":
			e -= 1
		if e > at and b[e - 1:e] == b"'":
			n = drop_stage(b, at, e - 1)
	return b[at:n]


# ---- tokens ----

LEAD = re.compile(rb"([2-5])([0-9][0-9])(?:[ -]|$)")
ENH = re.compile(rb"([2-5]\.[0-9]{1,3}\.[0-9]{1,3})(?: |$)")
WORD = re.compile(rb"[A-Za-z0-9\x80-\xff]+")
DIGITS = re.compile(rb"[0-9]+")


def tokens(text, features):
	"""The tokens of TEXT (bytes, already unframed), in order, repeats kept."""
	out = []
	m = LEAD.match(text)
	if m:
		out.append(b"c:" + m.group(1))
		out.append(b"r:" + m.group(1) + m.group(2))
		e = ENH.match(text, 4)
		if e and text[3:4] in (b" ", b"-"):
			out.append(b"e:" + e.group(1))
	words = []
	for w in WORD.findall(text):
		w = DIGITS.sub(b"0", w.lower())
		if not re.search(rb"[a-z\x80-\xff]", w):
			continue
		words.append(w[:WORD_MAX])
	out += words
	if "bi" in features:
		out += [a + b" " + b for a, b in zip(words, words[1:])]
	return out


def doc(reply, features):
	return set(tokens(unframe(reply.encode("utf-8", "surrogateescape")), features))


# ---- the model ----

class NB:
	def __init__(self, docs, alpha=0.5):
		"""docs: (token set, class) pairs."""
		self.alpha = alpha
		self.ndoc = collections.Counter(c for _, c in docs)
		self.count = collections.defaultdict(collections.Counter)	# class -> token -> docs
		self.total = collections.Counter()
		vocab = set()
		for toks, c in docs:
			self.count[c].update(toks)
			self.total[c] += len(toks)
			vocab |= toks
		self.vocab = vocab
		self.classes = sorted(self.ndoc)
		n = sum(self.ndoc.values())
		self.prior = {c: math.log(self.ndoc[c] / n) for c in self.classes}
		v = len(vocab)
		self.denom = {c: math.log(self.total[c] + alpha * v) for c in self.classes}

	def scores(self, toks):
		known = [t for t in toks if t in self.vocab]
		out = []
		for c in self.classes:
			cnt = self.count[c]
			s = self.prior[c] + sum(math.log(cnt[t] + self.alpha) for t in known) - len(known) * self.denom[c]
			out.append((s, c))
		out.sort(reverse=True)
		return out

	def predict(self, toks):
		"""(top class, margin over the second, {class: score})."""
		s = self.scores(toks)
		if len(s) < 2:
			return s[0][1], float("inf"), dict((c, x) for x, c in s)
		return s[0][1], s[0][0] - s[1][0], dict((c, x) for x, c in s)


class KNN:
	"""The nearest labelled reply by cosine similarity of idf-weighted
	token sets; the margin is 10 x the similarity (0..10), so the same
	thresholds read it."""

	def __init__(self, docs):
		df = collections.Counter()
		for toks, _ in docs:
			df.update(toks)
		n = len(docs)
		self.idf = {t: math.log((n + 1) / (c + 1)) + 1 for t, c in df.items()}
		self.docs = []
		self.index = collections.defaultdict(list)
		for k, (toks, c) in enumerate(docs):
			w = {t: self.idf[t] for t in toks}
			norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
			self.docs.append((w, norm, c))
			for t in toks:
				self.index[t].append(k)

	def predict(self, toks):
		w = {t: self.idf[t] for t in toks if t in self.idf}
		norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
		dot = collections.Counter()
		for t, x in w.items():
			for k in self.index[t]:
				dot[k] += x * self.docs[k][0][t]
		best = {}
		for k, d in dot.items():
			sim = d / (norm * self.docs[k][1])
			c = self.docs[k][2]
			if sim > best.get(c, -1):
				best[c] = sim
		if not best:
			return ("other", "no"), 0.0, {}
		c = max(best, key=best.get)
		return c, 10 * best[c], {k: 10 * v for k, v in best.items()}


# ---- cross-validation ----

def fold_of(rid):
	return int(hashlib.sha256(("fold:" + rid).encode()).hexdigest()[:8], 16) % FOLDS


def examples(path):
	"""(reply, category, block, rule) of each replies.tsv line."""
	out = []
	for line in open(path, encoding="utf-8", errors="surrogateescape"):
		f = line.rstrip("\n").split("\t")
		if len(f) < 6 or f[0] == "reply":
			continue
		out.append((f[0], f[2], f[3], f[5]))
	return out


def verdict_sets(bw, patterns, rows):
	"""{setting: [(row index, verdict, the rule removed or None)]} and the
	rule table of PATTERNS."""
	at = {id(f): i for i, f in enumerate(rows)}
	full = classify(bw, patterns, [(f[3], f[4], f[5]) for f in rows])
	loo, generic = standins(bw, patterns, rows)
	return {"full": [(i, v, None) for i, v in enumerate(full)],
		"generic-only": [(at[id(f)], v, None) for f, v in generic],
		"leave-one-out": [(at[id(f)], v, rule) for f, v, rule in loo]}, rule_table(bw, patterns)


def last_resort(v, table):
	return v[0] in ("", "-") or table.get(v[0], ("generic", 0))[1] >= LAST_RESORT[0]


def figures(rows, pairs):
	"""pairs: (row index, category, block): category %, block precision %, recall %."""
	tp = sum(1 for i, c, b in pairs if rows[i][9] == "yes" and b == "yes")
	fp = sum(1 for i, c, b in pairs if rows[i][9] == "no" and b == "yes")
	fn = sum(1 for i, c, b in pairs if rows[i][9] == "yes" and b != "yes")
	cat = sum(1 for i, c, b in pairs if c == rows[i][8])

	def pct(a, n):
		return 100.0 * a / n if n else 0.0
	return "category %5.1f  precision %5.1f  recall %5.1f" % (pct(cat, len(pairs)), pct(tp, tp + fp),
								 pct(tp, tp + fn))


class Trainer:
	"""The model of fold j, optionally without one rule's rows and examples."""

	def __init__(self, opt, rows, docs, folds, full, ex, edocs):
		self.opt, self.rows, self.docs, self.folds, self.full = opt, rows, docs, folds, full
		self.ex, self.edocs = ex, edocs
		self.fold_text = [set(f[5] for f, k in zip(rows, folds) if k == j) for j in range(FOLDS)]
		self.cache = {}

	def model(self, j, drop=None):
		if (j, drop) not in self.cache:
			d = [(t, (f[8], f[9])) for f, t, k, v in zip(self.rows, self.docs, self.folds, self.full)
			     if k != j and (drop is None or v[0] != drop)]
			d += [(t, (e[1], e[2])) for e, t in zip(self.ex, self.edocs)
			      if e[0] not in self.fold_text[j] and (drop is None or e[3] != drop)]
			self.cache[(j, drop)] = KNN(d) if self.opt["model"] == "knn" else NB(d, self.opt["alpha"])
		return self.cache[(j, drop)]


def setting(name, runs, rows, table, predict, opt):
	wrong = [v for i, v, _ in runs if (v[1], v[2]) != (rows[i][8], rows[i][9])]
	lr = [(i, v, rule) for i, v, rule in runs if last_resort(v, table)]
	print("%-13s rows %4d, at a last resort %3d; wrong (category or block) %d, %d of them at a last resort" %
	      (name, len(runs), len(lr), len(wrong), sum(1 for v in wrong if last_resort(v, table))))
	print("%-13s   rules alone                %s" % (name, figures(rows, [(i, v[1], v[2]) for i, v, _ in runs])))
	print("%-13s   ceiling                    %s" % (name, figures(rows, [
	      (i, rows[i][8], rows[i][9]) if last_resort(v, table) else (i, v[1], v[2]) for i, v, _ in runs])))
	pred = {(i, rule): predict(i, rule) for i, v, rule in lr}
	for th in THRESHOLDS:
		pairs, took = [], 0
		for i, v, rule in runs:
			c, b = v[1], v[2]
			if last_resort(v, table):
				cls, m, sc = pred[(i, rule)]
				if opt["versus"] and (v[1], v[2]) in sc:
					m = sc[cls] - sc[(v[1], v[2])]
				if m >= th:
					c, b = cls
					took += 1
			pairs.append((i, c, b))
			if opt["show"] == th and (c, b) != (v[1], v[2]):
				f = rows[i]
				print("    %s %s %s want %s/%s rules %s/%s (%s) model %s/%s %s" % (
				      "FIX " if (c, b) == (f[8], f[9]) else "HURT" if (v[1], v[2]) == (f[8], f[9]) else "    ",
				      name, f[0], f[8], f[9], v[1], v[2], v[0], c, b, f[5][:150]))
		print("%-13s   margin >= %-4g took %3d: %s" % (name, th, took, figures(rows, pairs)))


def options(argv):
	opt = {"model": "nb", "features": "bi", "alpha": 0.5, "versus": False, "show": None, "priority": 950}
	args = []
	it = iter(argv)
	for a in it:
		if a in ("--model", "--features", "--alpha", "--show", "--priority"):
			v = next(it, None)
			if v is None:
				return None, None
			opt[a[2:]] = float(v) if a in ("--alpha", "--show", "--priority") else v
		elif a == "--versus-rule":
			opt["versus"] = True
		else:
			args.append(a)
	if len(args) != 4 or opt["model"] not in ("nb", "knn") or opt["features"] not in ("uni", "bi"):
		return None, None
	return opt, args


def main():
	opt, args = options(sys.argv[1:])
	if opt is None:
		print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
		return 2
	bw, patterns, tsv, replies = args
	LAST_RESORT[0] = opt["priority"]
	rows = [f for f in dev_rows(tsv) if len(f) == 12]
	ex = examples(replies)
	cache = os.environ.get("LEXICON_CACHE")
	if cache and os.path.exists(cache):
		with open(cache, "rb") as fh:
			runs, table = pickle.load(fh)
	else:
		runs, table = verdict_sets(bw, patterns, rows)
		if cache:
			with open(cache, "wb") as fh:
				pickle.dump((runs, table), fh)
	full = [v for _, v, _ in runs["full"]]
	folds = [fold_of(f[0]) for f in rows]
	docs = [doc(f[5], opt["features"]) for f in rows]
	tr = Trainer(opt, rows, docs, folds, full, ex, [doc(e[0], opt["features"]) for e in ex])
	print("last resort: priority >= %g; model %s, features %s%s%s; dev rows %d, replies.tsv examples %d" % (
	      opt["priority"], opt["model"], opt["features"], ", alpha %g" % opt["alpha"] if opt["model"] == "nb" else "",
	      ", margin over the rules' verdict" if opt["versus"] else "", len(rows), len(ex)))
	for name in ("full", "generic-only", "leave-one-out"):
		setting(name, runs[name], rows, table, lambda i, rule: tr.model(folds[i]).predict(docs[i]), opt)
	setting("loo-strict", runs["leave-one-out"], rows, table,
		lambda i, rule: tr.model(folds[i], rule).predict(docs[i]), opt)
	return 0


if __name__ == "__main__":
	sys.exit(main())
