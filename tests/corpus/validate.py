#!/usr/bin/env python3
"""validate.py - stand-in for `bouncewatch rules classify` until the engine has it.

Reads patterns/*.rules and patterns/providers.conf the way the engine does
(INI, one physical line per key, of any length: the engine takes a value past
libinih's 200-byte buffer from the whole line),
compiles every `match` with the real PCRE2 library (libpcre2-8 through
ctypes, no UTF, JIT), applies the documented precedence (priority, then file
name, then position in file; first match wins) and checks:

  - each rule file: known keys, closed category list, block yes/no,
    integer priority, unique ids, every example matched first by its own rule
    (at the first of its "stage" list's stages, as `rules check` reads it)
    and its example_ip captured by the (?<ip>) group, or else found as the
    reply's first IP literal (src/reply_ip.c);
  - each corpus row: the first matching rule is the row's rule_id (none when
    rule_id is empty), the captured IP equals sending_ip, and no row labelled
    block=no gets a block verdict (a false block alert is the worst error).
    Category disagreements and missed blocks are printed as DIFF lines and
    counted in the figures: the labels are the truth, the rules may lag.

Prints one FAIL line per problem, then the accuracy figures, and exits 1 on
any problem. Usage: validate.py PATTERNS_DIR REPLIES_TSV [BOUNCEWATCH]

With BOUNCEWATCH, corpus rows are classified by the engine instead, through
  BOUNCEWATCH --rules PATTERNS_DIR rules classify
which reads one reply per line on stdin and prints one line per reply:
  rule_id TAB category TAB block(yes/no) TAB sending_ip   (empty fields when
no rule matched). When the binary lacks that command, the built-in PCRE2
classifier is used and a note says so. A row whose rule_id is a rule for its
provider's own servers only ("scope = own") is classified as from that
provider (`rules classify --hosts`, one of its domains, or for a provider
without domains one of its relays), as `rules check` reads that rule's
examples; every other row names no relay and no domain.

REPLIES_TSV's columns: reply, provider, category, block, sending_ip,
rule_id, source, and an optional eighth, stage: the SMTP stage the reply
answered (connect, helo, starttls, auth, mail, rcpt, data; empty or absent:
not known, every rule is tried, as for a log line that names none). A row
with a stage is classified at it (`rules classify --stage-column`), so a
rule with a "stage" list is checked on the rows of its stages.
"""
import ctypes
import glob
import os
import re
import subprocess
import sys

CATEGORIES = {"blocklist", "reputation", "rate", "auth", "ptr", "content",
              "greylist", "user-unknown", "mailbox-full", "relay-denied",
              "size", "other"}
# The block definition of patterns/README.md ("What counts as a block").
NEVER_BLOCK = {"user-unknown", "mailbox-full", "size", "ptr", "auth", "content", "greylist", "relay-denied"}
ALWAYS_BLOCK = {"blocklist", "reputation"}
KEYS = {"provider", "category", "block", "priority", "match", "advice", "blocklist", "match_status",
        "description", "example", "example+", "example_ip", "scope", "stage", "sending_ip", "tie_break"}
REQUIRED = {"provider", "category", "block", "priority", "match"}
IP_RE = re.compile(r"^(\d{1,3}(\.\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]+)$")

problems = []


def problem(msg):
	problems.append(msg)
	print("FAIL " + msg)


class Pcre2:
	"""The few libpcre2-8 calls needed: compile (+JIT), match, named group."""
	UNSET = ctypes.c_size_t(-1).value

	def __init__(self):
		lib = ctypes.CDLL("libpcre2-8.so.0")
		lib.pcre2_compile_8.restype = ctypes.c_void_p
		lib.pcre2_compile_8.argtypes = [ctypes.c_char_p, ctypes.c_size_t,
			ctypes.c_uint32, ctypes.POINTER(ctypes.c_int),
			ctypes.POINTER(ctypes.c_size_t), ctypes.c_void_p]
		lib.pcre2_jit_compile_8.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
		lib.pcre2_match_data_create_from_pattern_8.restype = ctypes.c_void_p
		lib.pcre2_match_data_create_from_pattern_8.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
		lib.pcre2_match_8.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
			ctypes.c_size_t, ctypes.c_size_t, ctypes.c_uint32,
			ctypes.c_void_p, ctypes.c_void_p]
		lib.pcre2_get_ovector_pointer_8.restype = ctypes.POINTER(ctypes.c_size_t)
		lib.pcre2_get_ovector_pointer_8.argtypes = [ctypes.c_void_p]
		lib.pcre2_substring_number_from_name_8.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
		lib.pcre2_get_error_message_8.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t]
		self.lib = lib

	def compile(self, pattern):
		"""Returns (code, md, ipgroup) or raises ValueError with PCRE2's message."""
		err = ctypes.c_int(0)
		off = ctypes.c_size_t(0)
		pat = pattern.encode("latin-1")
		code = self.lib.pcre2_compile_8(pat, len(pat), 0, ctypes.byref(err), ctypes.byref(off), None)
		if not code:
			buf = ctypes.create_string_buffer(256)
			self.lib.pcre2_get_error_message_8(err.value, buf, 256)
			raise ValueError("offset %d: %s" % (off.value, buf.value.decode()))
		jit = self.lib.pcre2_jit_compile_8(code, 1)
		if jit != 0:
			raise ValueError("JIT compile failed (%d)" % jit)
		md = self.lib.pcre2_match_data_create_from_pattern_8(code, None)
		ipg = self.lib.pcre2_substring_number_from_name_8(code, b"ip")
		return (code, md, ipg if ipg > 0 else 0)

	def match(self, compiled, subject):
		"""None when no match, else the ip capture ('' when unset or absent)."""
		code, md, ipg = compiled
		s = subject.encode("utf-8", "surrogateescape")
		rc = self.lib.pcre2_match_8(code, s, len(s), 0, 0, md, None)
		if rc < 0:
			if rc == -1:
				return None
			raise ValueError("match error %d" % rc)
		if not ipg:
			return ""
		ov = self.lib.pcre2_get_ovector_pointer_8(md)
		a, b = ov[2 * ipg], ov[2 * ipg + 1]
		if a == self.UNSET or rc <= ipg:
			return ""
		return s[a:b].decode("utf-8", "surrogateescape")


def read_ini(path):
	"""Yields (lineno, section, key, value) like libinih, checking line rules."""
	section = None
	with open(path, encoding="utf-8") as f:
		for n, raw in enumerate(f, 1):
			line = raw.rstrip("\n")
			s = line.strip()
			if not s or s[0] in "#;":
				continue
			if line[0] in " \t":
				problem("%s:%d: continuation line (not allowed; use example+)" % (path, n))
				continue
			if s.startswith("["):
				if not s.endswith("]"):
					problem("%s:%d: bad section header" % (path, n))
				section = s[1:-1].strip()
				yield (n, section, None, None)
				continue
			m = re.match(r"^([^=:]+?)\s*[=:]\s*(.*)$", s)
			if not m:
				problem("%s:%d: no '=' in line" % (path, n))
				continue
			key, val = m.group(1), m.group(2)
			if re.search(r"\s;", val):
				problem("%s:%d: ' ;' starts an inline comment in libinih" % (path, n))
			yield (n, section, key, val)


def load_rules(pdir, pcre):
	rules = []
	seen = {}
	files = sorted(glob.glob(os.path.join(pdir, "*.rules")))
	for fi, path in enumerate(files):
		cur = None
		pos = 0
		for n, sec, key, val in read_ini(path):
			if key is None:
				if sec in seen:
					problem("%s:%d: duplicate rule id %s (first in %s)" % (path, n, sec, seen[sec]))
				seen[sec] = "%s:%d" % (path, n)
				cur = {"id": sec, "file": os.path.basename(path), "fileidx": fi,
				       "line": n, "pos": pos, "examples": []}
				pos += 1
				rules.append(cur)
				continue
			if cur is None:
				problem("%s:%d: key outside a section" % (path, n))
				continue
			if key not in KEYS:
				problem("%s:%d: unknown key %s" % (path, n, key))
			elif key == "example":
				cur["examples"].append([val, None, n])
			elif key == "example+":
				if not cur["examples"]:
					problem("%s:%d: example+ without example" % (path, n))
				else:
					cur["examples"][-1][0] += " " + val
			elif key == "example_ip":
				if not cur["examples"]:
					problem("%s:%d: example_ip without example" % (path, n))
				else:
					cur["examples"][-1][1] = val
			elif key in cur:
				problem("%s:%d: key %s repeated" % (path, n, key))
			else:
				cur[key] = val
	for r in rules:
		where = "%s:%d [%s]" % (r["file"], r["line"], r["id"])
		for k in REQUIRED:
			if k not in r:
				problem("%s: missing %s" % (where, k))
		if r.get("category") not in CATEGORIES:
			problem("%s: category %r not in the closed list" % (where, r.get("category")))
		if r.get("block") not in ("yes", "no"):
			problem("%s: block must be yes or no" % where)
		if r.get("scope", "any") not in ("own", "any"):
			problem("%s: scope must be own or any" % where)
		if "stage" in r and (not stages(r) or any(w.strip() not in STAGES
							 for w in r["stage"].split(",") if w.strip())):
			problem("%s: stage must list SMTP stages (%s)" % (where, ", ".join(STAGES)))
		if r.get("sending_ip", "reply") not in ("none", "reply"):
			problem("%s: sending_ip must be none or reply" % where)
		if no_ip(r) and any(ip for _, ip, _ in r["examples"]):
			problem("%s: example_ip in a rule that says sending_ip = none" % where)
		if r.get("block") == "yes" and r.get("category") in NEVER_BLOCK:
			problem("%s: %s is never a block" % (where, r.get("category")))
		if r.get("block") == "no" and r.get("category") in ALWAYS_BLOCK:
			problem("%s: %s is always a block" % (where, r.get("category")))
		try:
			r["prio"] = int(r.get("priority", "x"))
		except ValueError:
			problem("%s: priority is not an integer" % where)
			r["prio"] = 10**6
		if not r["examples"]:
			problem("%s: no example" % where)
		try:
			r["re"] = pcre.compile(r.get("match", ""))
			if no_ip(r) and r["re"][2]:
				problem("%s: sending_ip = none, but match captures (?<ip>...)" % where)
		except ValueError as e:
			problem("%s: match does not compile: %s" % (where, e))
			r["re"] = None
	rules.sort(key=lambda r: (r["prio"], r["fileidx"], r["pos"]))
	return rules


RUN_RE = re.compile(r"[0-9A-Fa-f.:]+")


def reply_ip(text):
	"""The first IP literal of a reply, as src/reply_ip.c takes it."""
	import ipaddress
	for m in RUN_RE.finditer(text):
		lit = m.group(0)
		while lit and (lit[-1] == "." or (lit[-1] == ":" and not lit.endswith("::"))):
			lit = lit[:-1]
		try:
			ipaddress.ip_address(lit)
		except ValueError:
			continue
		v6 = ":" in lit
		if lit in ("::", "::1") or (not v6 and (lit.startswith("0.") or lit.startswith("127."))):
			continue
		before = text[:m.start()].rstrip(" ")
		if not v6 and before.endswith("-") and lit[0] in "245" and lit[1] == ".":
			continue
		return lit
	return ""


STAGES = ["connect", "helo", "starttls", "auth", "mail", "rcpt", "data"]


def no_ip(r):
	"""Whether the rule says its reply names no sending IP."""
	return r.get("sending_ip") == "none"


def stages(r):
	"""The stages of a rule's "stage" list, in the SMTP dialogue's order."""
	listed = {w.strip() for w in r.get("stage", "").split(",") if w.strip()}
	return [s for s in STAGES if s in listed]


def classify(rules, pcre, reply, stage=None, own=None):
	"""The first rule that takes reply at stage (None: a reply whose stage
	is not known tries every rule), from a server of provider own (None:
	one that names no provider, where a "scope = own" rule is skipped)."""
	for r in rules:
		if r["re"] is None:
			continue
		if stage and stages(r) and stage not in stages(r):
			continue
		if r.get("scope") == "own" and r.get("provider") != own:
			continue
		ip = pcre.match(r["re"], reply)
		if ip is not None:
			if no_ip(r):
				ip = ""
			elif not IP_RE.match(ip or ""):
				ip = reply_ip(reply)
			return r, ip
	return None, ""


def engine_verdicts(binary, pdir, replies, hosts, stage_of):
	"""Verdicts from `bouncewatch rules classify --stage-column --hosts`
	(the stage, relay and recipient domain from stage_of and hosts, one per
	reply), or None if unavailable."""
	cmd = [binary, "--rules", pdir, "rules", "classify", "--stage-column", "--hosts"]
	lines = ["%s\t%s\t%s\t%s" % (st, h[0], h[1], r) for st, h, r in zip(stage_of, hosts, replies)]
	try:
		probe = subprocess.run(cmd, input=b"", capture_output=True, timeout=30)
		if probe.returncode != 0:
			return None
		out = subprocess.run(cmd, input=("\n".join(lines) + "\n").encode(),
				     capture_output=True, timeout=300)
	except (OSError, subprocess.TimeoutExpired):
		return None
	lines = out.stdout.decode("utf-8", "replace").split("\n")
	if out.returncode != 0 or len(lines) < len(replies):
		problem("engine: exit %d, %d lines for %d replies" % (out.returncode, len(lines), len(replies)))
		return None
	res = []
	for l in lines[:len(replies)]:
		f = (l.split("\t") + ["", "", "", ""])[:4]
		res.append(f)
	return res


def check_examples(rules, pcre):
	for r in rules:
		for text, want_ip, n in r["examples"]:
			where = "%s:%d [%s]" % (r["file"], n, r["id"])
			got, ip = classify(rules, pcre, text, (stages(r) or [None])[0],
					   r.get("provider") if r.get("scope") == "own" else None)
			if got is None:
				problem("%s: example matches no rule" % where)
			elif got is not r:
				problem("%s: example taken first by %s" % (where, got["id"]))
			elif want_ip and want_ip != ip:
				problem("%s: example_ip %r, captured %r" % (where, want_ip, ip))
			if want_ip and not IP_RE.match(want_ip):
				problem("%s: example_ip %r is not an address" % (where, want_ip))


def own_hosts(pdir, rules):
	"""Rule id -> (relay, domain) of its provider, for each "scope = own"
	rule: one of its domains, or for a provider without domains a host of
	its first relay (a suffix ".x.example" as "mx.x.example", a "*" label as
	"x", as `rules check` names it)."""
	domain, relay = {}, {}
	path = os.path.join(pdir, "providers.conf")
	if os.path.exists(path):
		for n, sec, key, val in read_ini(path):
			if key == "domains" and val.split():
				domain.setdefault(sec.split("/")[0], val.split()[0])
			elif key == "relays" and val.split():
				h = val.split()[0]
				relay.setdefault(sec.split("/")[0], ("mx" + h if h.startswith(".") else h).replace("*", "x"))
	out = {}
	for r in rules:
		p = r.get("provider")
		if r.get("scope") == "own":
			out[r["id"]] = ("", domain[p]) if p in domain else (relay.get(p, ""), "")
	return out


def check_providers(pdir, rules):
	path = os.path.join(pdir, "providers.conf")
	if not os.path.exists(path):
		problem("%s: missing" % path)
		return
	names = {"generic"}  # reserved by the engine: the RFC 3463 fallback
	for n, sec, key, val in read_ini(path):
		if key is None:
			names.add(sec)
		elif key == "gateway" and ("/" in sec or val not in ("yes", "no")):
			problem("%s:%d: gateway = yes|no, in a provider section (not a pool)" % (path, n))
		elif key == "appliances" and "/" in sec:
			problem("%s:%d: appliances in a provider section (not a pool)" % (path, n))
		elif key == "selfhosted" and ("/" in sec or val not in ("yes", "no")):
			problem("%s:%d: selfhosted = yes|no, in a provider section (not a pool)" % (path, n))
		elif key not in ("name", "domains", "relays", "signs", "advice", "gateway", "appliances", "selfhosted"):
			problem("%s:%d: unknown key %s" % (path, n, key))
	for r in rules:
		if r.get("provider") not in names:
			problem("%s [%s]: provider %s not in providers.conf" % (r["file"], r["id"], r.get("provider")))


def check_corpus(tsv, rules, pcre, engine=None, pdir=None):
	byid = {r["id"]: r for r in rules}
	verdicts = None
	if engine:
		own = own_hosts(pdir, rules)
		with open(tsv, encoding="utf-8") as f:
			rows_in = [l.rstrip("\n").split("\t") for l in f.readlines()[1:] if l.strip()]
		replies = [c[0] for c in rows_in]
		hosts = [own.get(c[5], ("", "")) if len(c) > 5 else ("", "") for c in rows_in]
		stage_of = [c[7] if len(c) > 7 and c[7] in STAGES else "" for c in rows_in]
		verdicts = engine_verdicts(engine, pdir, replies, hosts, stage_of)
		if verdicts is None:
			print("note: %s has no working `rules classify`; using the built-in PCRE2 classifier" % engine)
	vi = 0
	used = set()
	rows = 0
	cat_ok = 0
	pred_block = true_block = 0
	label_block = found_block = 0
	with open(tsv, encoding="utf-8") as f:
		header = f.readline().rstrip("\n").split("\t")
		want = ["reply", "provider", "category", "block", "sending_ip", "rule_id", "source"]
		if header not in (want, want + ["stage"]):
			problem("%s: header is %r, want %r (and stage)" % (tsv, header, want))
			return
		for n, line in enumerate(f, 2):
			line = line.rstrip("\n")
			if not line:
				continue
			cols = line.split("\t")
			if len(cols) not in (7, len(header)):
				problem("%s:%d: %d columns, want 7 or %d" % (tsv, n, len(cols), len(header)))
				continue
			reply, prov, cat, block, ip, rid, src = cols[:7]
			stage = cols[7] if len(cols) > 7 else ""
			if stage and stage not in STAGES:
				problem("%s:%d: stage %r is not one of %s" % (tsv, n, stage, ", ".join(STAGES)))
			rows += 1
			if cat and cat not in CATEGORIES:
				problem("%s:%d: category %r not in the closed list" % (tsv, n, cat))
			if block not in ("yes", "no"):
				problem("%s:%d: block must be yes or no" % (tsv, n))
			if not src:
				problem("%s:%d: no source" % (tsv, n))
			if rid and rid not in byid:
				problem("%s:%d: unknown rule_id %s" % (tsv, n, rid))
			if verdicts is not None:
				gid, gcat_e, gblock_e, gip = verdicts[vi]
				vi += 1
				got = dict(byid.get(gid, {}), id=gid, category=gcat_e, block=gblock_e or "no") if gid else None
			else:
				own = byid[rid].get("provider") if rid in byid and byid[rid].get("scope") == "own" else None
				got, gip = classify(rules, pcre, reply, stage or None, own)
			gid = got["id"] if got else ""
			if got:
				used.add(gid)
			if gid != rid:
				problem("%s:%d: first match %s, want %s" % (tsv, n, gid or "(none)", rid or "(none)"))
			if gip != ip:
				problem("%s:%d: captured ip %r, want %r" % (tsv, n, gip, ip))
			gcat = got["category"] if got else ""
			gblock = got["block"] if got else "no"
			if gcat == cat:
				cat_ok += 1
			else:
				print("DIFF %s:%d: category %s, labelled %s" % (tsv, n, gcat or "(none)", cat or "(none)"))
			if gblock == "yes":
				pred_block += 1
				if block == "yes":
					true_block += 1
			if block == "yes":
				label_block += 1
				if gblock == "yes":
					found_block += 1
			if gblock == "yes" and block != "yes":
				problem("%s:%d: false block: rule %s says block=yes, labelled no" % (tsv, n, gid))
			elif gblock != block:
				print("DIFF %s:%d: missed block (labelled yes, verdict no)" % (tsv, n))
	for r in rules:
		if r["id"] not in used:
			problem("%s [%s]: no corpus row is classified by this rule" % (r["file"], r["id"]))
	pct = lambda a, b: 100.0 * a / b if b else 100.0
	print("rules: %d   corpus rows: %d" % (len(rules), rows))
	print("category agreement: %d/%d = %.1f%%" % (cat_ok, rows, pct(cat_ok, rows)))
	print("block precision: %d/%d = %.1f%%   block recall: %d/%d = %.1f%%" % (
		true_block, pred_block, pct(true_block, pred_block),
		found_block, label_block, pct(found_block, label_block)))


def main():
	if len(sys.argv) not in (3, 4):
		sys.stderr.write("usage: validate.py PATTERNS_DIR REPLIES_TSV [BOUNCEWATCH]\n")
		return 2
	engine = sys.argv[3] if len(sys.argv) == 4 else None
	pcre = Pcre2()
	rules = load_rules(sys.argv[1], pcre)
	check_examples(rules, pcre)
	check_providers(sys.argv[1], rules)
	check_corpus(sys.argv[2], rules, pcre, engine, sys.argv[1])
	if problems:
		print("%d problem(s)" % len(problems))
		return 1
	print("ok")
	return 0


if __name__ == "__main__":
	sys.exit(main())
