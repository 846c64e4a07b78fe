#!/usr/bin/env python3
"""wave.py - what the tool alerts on, end to end, when a receiver refuses a wave.

  wave.py BOUNCEWATCH PATTERNS CORPUS_TSV [--dev] [--wave N]... [--rows]
          [--base BOUNCEWATCH PATTERNS] [--stage none|rcpt|data|mail] [--keep DIR]
          [--generic-only] [--vary-ids]

score.py scores one reply at a time; an operator hears of episodes. For every
row of CORPUS_TSV (tests/corpus/independent.tsv; --dev: dev rows only, test
rows are then never read) this writes a Postfix log (the smtp(8) status lines
src/fmt_postfix.c reads, RFC 3339 times, log host mx1) in which N distinct
recipients at one receiving domain are refused with the row's reply, 15
seconds apart or closer (a wave of at most 5 minutes), nothing accepted there,
then runs the real `BOUNCEWATCH --rules PATTERNS scan` into a fresh database
and reads its episodes table back. Each row's outcome is the kind of the
episode its wave opened: BLOCK (a rule's block), CONFIG (ptr / auth), SUSPECTED
(the no-rule detector, src/suspect.c) or none.

How a row becomes a wave:
  - the recipient domain is the row's domain, else r<ID>.example; the relay
    host the row's relay, else mx.r<ID>.example (RFC 2606 names: each row its
    own), at a documentation address (RFC 5737);
  - the recipients are distinct names without digits (alice, bob, ... then
    joined pairs), as people's addresses are;
  - a reply that names the recipient names each its own, as a receiver does:
    an address at the row's domain (or, for a row without one, the first
    address that is not a sender's, postmaster's or abuse desk's), the
    corpus's placeholders <EMAIL> and [RCPT_TO], and that address's local
    part where the reply repeats it alone ("user kijitora unknown");
  - the status is deferred for a 4xx reply, else bounced; dsn= is the
    reply's enhanced code, else X.0.0 from its reply code (as Postfix
    derives it); the reply is logged as "host R[IP] said: REPLY", with
    " (in reply to S command)" when --stage names one (default none: the
    stage `rules classify` assumes, so the verdicts are score.py's).
With --vary-ids each recipient's reply also carries its own message ids, as
a receiver's do (queue, session and server ids): outside URLs, every run of
8 or more letters, digits and joins (- . + / = ~) with a letter and a digit
has each of its parts that holds a letter and a digit redrawn in the same
shape: its digits, and its letters too when they mix with the digits
("mxeue109" keeps its name, "a72fcca58" is redrawn whole; hexadecimal stays
hexadecimal), drawn from the row id and the recipient, so every run writes
the same logs.
Without it the reply's ids stay as the corpus has them: the wave then shows
what the detector does when the normaliser has nothing to mask.
Rows are laid out in logs (one scan each) so that no two rows of a log share
a receiving pool (the pool `rules classify --hosts` gives the row's relay and
domain, else its provider, else its domain: an episode's key), each row in
its own 15-minute slot (longer than the detector's 10-minute window); an
episode belongs to the row whose slot holds its opening time.

Printed for each wave size (--wave, repeatable; default 5, the detector's
default threshold, and 20) and each split: of the block = yes rows, the share
alerted as BLOCK, CONFIG, SUSPECTED and not at all; of the block = no rows,
the share alerted as BLOCK (false blocks), SUSPECTED (noise), CONFIG (split
into ptr / auth rows, where it is right, and the others) and none; then the
same counts per category. With --base, a second binary and rule directory
(the baseline) is run on the same waves and both are printed, base first.
--generic-only stands in for replies no rule was written for (as
standin.py's generic-only figures): dev rows only, each side's rules without
every rule that names a provider, so the detector's share of the blocks the
generic rules miss shows on dev rows.
--rows prints each dev row's outcome (and the rule that reads its reply) (never a test row's: test rows are
counted in aggregates only, and nothing bouncewatch prints while scanning a
log that holds test rows is shown). --keep DIR leaves the logs and databases
there. Exits 1 when a scan fails, 2 on usage errors.
"""
import collections
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from standin import rule_table, without  # noqa: E402
from verdicts import ClassifyError, all_rows, classify, dev_rows  # noqa: E402

SLOT = 900		# seconds per row: longer than the detector's 10-minute window
SPAN = 300		# a wave lasts at most this long
START = 1767225600	# 2026-01-01T00:00:00Z: every log's first slot
NAMES = ("alice bob carol dave erin frank grace heidi ivan judy mallory niaj olivia peggy rupert "
	 "sybil trent victor walter xavier yvonne zoe").split()
STAGES = {"none": None, "rcpt": "RCPT TO", "data": "end of DATA", "mail": "MAIL FROM"}
NOT_RECIPIENT = re.compile(r"^(sender|from|mail-?from|postmaster|abuse[\w-]*|mailer-daemon|no-?reply|"
			   r"bounces?|hostmaster|support|help|admin)$", re.I)
ADDR = re.compile(r"[A-Za-z0-9._%+=-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# local parts that are words of the reply too ("recipient address rejected")
GENERIC_LOCAL = re.compile(r"^(recipient|rcpt|user|users|email|e-mail|mail|example|to|info|test|address|"
			   r"account|mailbox|name|someone|somebody|x+)$", re.I)
PLACEHOLDER = re.compile(r"<EMAIL>|\[RCPT_TO\]")
KINDS = ("BLOCK", "CONFIG", "SUSPECTED", "none")


def usage():
	print(__doc__.strip().splitlines()[2], file=sys.stderr)
	print(__doc__.strip().splitlines()[3], file=sys.stderr)
	return 2


def recipients(n):
	"""n distinct local parts without digits."""
	out = list(NAMES[:n])
	for a in NAMES:
		for b in NAMES:
			if len(out) >= n:
				return out
			if a != b:
				out.append(a + "." + b)
	return out


def recipient_address(reply, domain, has_domain):
	"""The address in reply that names the recipient, else None."""
	for m in ADDR.finditer(reply):
		local, _, dom = m.group(0).rpartition("@")
		if has_domain:
			if dom.lower().rstrip(".") == domain:
				return m.group(0)
		elif not NOT_RECIPIENT.match(local):
			return m.group(0)
	return None


def reply_for(reply, named, local, domain):
	"""The reply as the receiver words it for recipient local@domain: the
	recipient's address (named) and its local part alone replaced, and the
	placeholders."""
	addr = local + "@" + domain
	if named:
		old_local = named.rpartition("@")[0]
		reply = reply.replace(named, "\0")
		if len(old_local) >= 3 and not GENERIC_LOCAL.match(old_local):
			reply = re.sub(r"(?<![\w.+=-])" + re.escape(old_local) + r"(?![\w@-]|\.\w)", local, reply)
		reply = reply.replace("\0", addr)
	return PLACEHOLDER.sub(lambda m: "<" + addr + ">" if m.group(0) == "<EMAIL>" else addr, reply)


ID_RUN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9+/=~-]|\.(?=[A-Za-z0-9]))*")
URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+")
ID_PART = re.compile(r"[A-Za-z0-9]+")


def redraw(part, rnd):
	"""part in the same shape: its digits redrawn; its letters too when they
	mix with the digits (not a name's letters before a number, "mxeue109"),
	hexadecimal kept hexadecimal."""
	hexa = all(c in "0123456789abcdef" for c in part) or all(c in "0123456789ABCDEF" for c in part)
	mixed = re.search(r"\d[A-Za-z]", part) is not None
	out = []
	for c in part:
		if c.isdigit():
			out.append(rnd.choice("0123456789"))
		elif not mixed:
			out.append(c)
		elif hexa:
			out.append(rnd.choice("abcdef" if c.islower() else "ABCDEF"))
		else:
			out.append(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c.isupper() else "abcdefghijklmnopqrstuvwxyz"))
	return "".join(out)


def vary_ids(reply, seed):
	"""reply with its message ids redrawn (see --vary-ids), URLs kept."""
	rnd = random.Random(seed)

	def one(m):
		t = m.group(0)
		if len(t) < 8 or not re.search(r"\d", t) or not re.search(r"[A-Za-z]", t):
			return t
		return ID_PART.sub(lambda p: p.group(0) if p.group(0).isdigit() or p.group(0).isalpha()
				   else redraw(p.group(0), rnd), t)
	out, last = [], 0
	for u in URL.finditer(reply):
		out.append(ID_RUN.sub(one, reply[last:u.start()]))
		out.append(u.group(0))
		last = u.end()
	out.append(ID_RUN.sub(one, reply[last:]))
	return "".join(out)


def dsn_of(reply):
	m = re.match(r"^\s*(?:([245])\d\d[ -])?([245]\.\d{1,3}\.\d{1,3})\b", reply)
	if m and m.group(2):
		return m.group(2)
	m = re.match(r"^\s*([245])\d\d\b", reply)
	return (m.group(1) if m else "5") + ".0.0"


class Row:
	def __init__(self, f):
		self.f = f
		self.id, self.split, self.category, self.block = f[0], f[1], f[8], f[9]
		self.has_domain = bool(f[4].strip())
		self.domain = f[4].strip().lower().rstrip(".") if self.has_domain else "r%s.example" % f[0]
		self.relay = f[3].strip().lower() if f[3].strip() else "mx.r%s.example" % f[0]
		self.reply = f[5]
		self.named = recipient_address(self.reply, self.domain, self.has_domain)


def pool_keys(bw, patterns, rows):
	"""Each row's pool key and the rule `rules classify --hosts` gives it."""
	verdicts = classify(bw, patterns, [(r.relay, r.domain, r.reply) for r in rows])
	return [v[6] or v[4] or r.domain for r, v in zip(rows, verdicts)], [v[0] or "-" for v in verdicts]


def layout(rows, keys):
	"""Logs of rows no two of which share a pool key, in row order."""
	logs, used = [], []
	for r, k in zip(rows, keys):
		for i, u in enumerate(used):
			if k not in u:
				u.add(k)
				logs[i].append(r)
				break
		else:
			used.append({k})
			logs.append([r])
	return logs


def stamp(t):
	return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(int(t))) + "+00:00"


def write_log(path, rows, n, stage, vary):
	step = min(15, SPAN // max(n - 1, 1))
	qid = 0x10000
	with open(path, "w", encoding="utf-8", errors="surrogateescape") as out:
		for j, r in enumerate(rows):
			t0 = START + j * SLOT
			relay = "%s[192.0.2.%d]:25" % (r.relay, 1 + j % 250)
			for i, local in enumerate(recipients(n)):
				qid += 1
				t = stamp(t0 + i * step)
				reply = reply_for(r.reply, r.named, local, r.domain)
				if vary:
					reply = vary_ids(reply, "%s %s" % (r.id, local))
				dsn = dsn_of(reply)
				status = "deferred" if dsn[0] == "4" else "bounced"
				tail = " (in reply to %s command)" % STAGES[stage] if STAGES[stage] else ""
				out.write("%s mx1 postfix/qmgr[20]: %X: from=<newsletter@sender.example>, size=2048, "
					  "nrcpt=1 (queue active)\n" % (t, qid))
				out.write("%s mx1 postfix/smtp[21]: %X: to=<%s@%s>, relay=%s, delay=1.2, "
					  "delays=0.1/0/0.5/0.6, dsn=%s, status=%s (host %s said: %s%s)\n" %
					  (t, qid, local, r.domain, relay, dsn, status, relay.rsplit(":", 1)[0], reply, tail))


def run_log(bw, patterns, rows, n, opts, work, tag, show):
	"""Outcome per row of one log: the kinds of the episodes opened in its slot."""
	log, db = os.path.join(work, tag + ".log"), os.path.join(work, tag + ".db")
	conf = os.path.join(work, "empty.conf")
	open(conf, "w").close()
	write_log(log, rows, n, opts["stage"], opts["vary-ids"])
	res = subprocess.run([bw, "--config", conf, "--db", db, "--rules", patterns, "scan", log],
			     capture_output=True)
	if res.returncode != 0:
		msg = res.stderr.decode(errors="replace")[-2000:] if show else "(output withheld: the log holds test rows)"
		raise RuntimeError("%s scan %s exited %d: %s" % (bw, log, res.returncode, msg))
	con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
	got = collections.defaultdict(set)
	for kind, opened in con.execute("SELECT kind, opened FROM episodes"):
		j = int((opened - START) // SLOT)
		if 0 <= j < len(rows):
			got[rows[j].id].add(kind)
	con.close()
	return got


def generic_only(bw, patterns, dest):
	"""A copy of patterns in dest without the rules that name a provider."""
	without(patterns, dest, {r for r, (p, _) in rule_table(bw, patterns).items() if p != "generic"})
	return dest


def outcome(kinds):
	for k in KINDS[:-1]:
		if k in kinds:
			return k
	return "none"


def run(bw, patterns, rows, n, opts, work, tag):
	keys, rules = pool_keys(bw, patterns, rows)
	out = {"rule": dict((r.id, rule) for r, rule in zip(rows, rules))}
	for i, part in enumerate(layout(rows, keys)):
		show = all(r.split == "dev" for r in part)
		got = run_log(bw, patterns, part, n, opts, work, "%s-%d-%d" % (tag, n, i), show)
		for r in part:
			out[r.id] = outcome(got.get(r.id, ()))
	return out


def pct(a, b):
	return "%5.1f %% (%d/%d)" % (100.0 * a / b, a, b) if b else "    - (0/0)"


def summary(name, rows, res):
	lines = []
	yes = [r for r in rows if r.block == "yes"]
	no = [r for r in rows if r.block == "no"]
	cy = collections.Counter(res[r.id] for r in yes)
	cn = collections.Counter(res[r.id] for r in no)
	cfg_right = sum(1 for r in no if res[r.id] == "CONFIG" and r.category in ("ptr", "auth"))
	lines.append("  %s block=yes %d: BLOCK %s, SUSPECTED %s, CONFIG %s, none %s" %
		     (name, len(yes), pct(cy["BLOCK"], len(yes)), pct(cy["SUSPECTED"], len(yes)),
		      pct(cy["CONFIG"], len(yes)), pct(cy["none"], len(yes))))
	lines.append("  %s block=no %d: BLOCK %s, SUSPECTED %s, CONFIG ptr/auth %s, CONFIG other %s, none %s" %
		     (name, len(no), pct(cn["BLOCK"], len(no)), pct(cn["SUSPECTED"], len(no)),
		      pct(cfg_right, len(no)), pct(cn["CONFIG"] - cfg_right, len(no)), pct(cn["none"], len(no))))
	return lines


def by_category(name, rows, res):
	lines = ["  %s by category (rows: BLOCK CONFIG SUSPECTED none)" % name]
	groups = collections.defaultdict(list)
	for r in rows:
		groups[(r.category, r.block)].append(r)
	for (cat, blk), rs in sorted(groups.items()):
		c = collections.Counter(res[r.id] for r in rs)
		lines.append("    %-13s block=%-3s %4d: %s" % (cat, blk, len(rs), " ".join("%4d" % c[k] for k in KINDS)))
	return lines


def read_rows(tsv, dev_only):
	return [Row(f) for f in (dev_rows(tsv) if dev_only else all_rows(tsv))]


def parse_args(argv):
	opts = {"dev": False, "rows": False, "generic-only": False, "vary-ids": False, "waves": [], "base": None, "stage": "none",
		"keep": None}
	args = []
	i = 0
	while i < len(argv):
		a = argv[i]
		if a in ("--dev", "--rows", "--generic-only", "--vary-ids"):
			opts[a[2:]] = True
		elif a == "--wave" and i + 1 < len(argv) and argv[i + 1].isdigit():
			opts["waves"].append(int(argv[i + 1]))
			i += 1
		elif a == "--base" and i + 2 < len(argv):
			opts["base"] = (argv[i + 1], argv[i + 2])
			i += 2
		elif a in ("--stage", "--keep") and i + 1 < len(argv):
			opts[a[2:]] = argv[i + 1]
			i += 1
		elif a.startswith("-"):
			return None, None
		else:
			args.append(a)
		i += 1
	if len(args) != 3 or opts["stage"] not in STAGES or any(w < 1 or w > 400 for w in opts["waves"]):
		return None, None
	opts["waves"] = opts["waves"] or [5, 20]
	return args, opts


def main():
	args, opts = parse_args(sys.argv[1:])
	if args is None:
		return usage()
	bw, patterns, tsv = args
	try:
		rows = read_rows(tsv, opts["dev"] or opts["generic-only"])
	except ValueError as e:
		print(e, file=sys.stderr)
		return 2
	sides = ([("base", opts["base"][0], opts["base"][1])] if opts["base"] else []) + [("this", bw, patterns)]
	work = opts["keep"] or tempfile.mkdtemp(prefix="wave.")
	os.makedirs(work, exist_ok=True)
	try:
		if opts["generic-only"]:
			sides = [(name, b, generic_only(b, p, os.path.join(work, name + "-generic"))) for name, b, p in sides]
		for n in opts["waves"]:
			results = []
			for name, b, p in sides:
				results.append((name, run(b, p, rows, n, opts, work, name)))
			for split in ("dev", "test"):
				s = [r for r in rows if r.split == split]
				if not s:
					continue
				print("wave of %d recipients, %s rows %d (stage %s%s)" % (n, split, len(s), opts["stage"],
											  ", ids varied" if opts["vary-ids"] else ""))
				for name, res in results:
					print("\n".join(summary(name, s, res)))
				for name, res in results:
					print("\n".join(by_category(name, s, res)))
			if opts["rows"]:
				for r in rows:
					if r.split != "dev":
						continue
					print("ROW %d %s %s/%s %s %s" % (n, r.id, r.category, r.block,
								      " ".join("%s=%s(%s)" % (name, res[r.id], res["rule"][r.id])
									       for name, res in results), r.reply[:160]))
	except (ClassifyError, RuntimeError) as e:
		print("FAIL %s" % e, file=sys.stderr)
		return 1
	finally:
		if not opts["keep"]:
			shutil.rmtree(work, ignore_errors=True)
	return 0


if __name__ == "__main__":
	sys.exit(main())
