#!/usr/bin/env python3
"""extract_bounces.py - remote SMTP replies out of public bounce-message corpora.

  extract_bounces.py [--all-text] [--deleted] GIT_DIR DIR [P5_SISIMAI_GIT] > rows.tsv

Reads every file under DIR of a repository (a git directory; read with `git
show`), e.g. maildir/bsd of https://github.com/sisimai/set-of-emails, and
takes from each bounce the remote
server's reply: the Diagnostic-Code of each DSN recipient block when it is
an SMTP reply, else the reply quoted in the human-readable part ("said:",
"Remote host said:", Exim's "host H [IP]: NNN"). The expected reason that
Sisimai's own test suite (t/*-lhost-*.t, t/*-rhost-*.t of
https://github.com/sisimai/p5-sisimai) gives to each sample is printed as a
hint for labelling. With --all-text the replies quoted in the text part
are taken as well when the DSN part has some (a bounce may quote replies for
recipients its DSN part does not list). With --deleted the files that the
history removed or renamed away under DIR are read instead (each at the
parent of the commit that removed it; printed as PARENT:PATH). Output columns: path, remote_mta, rcpt_domain, reply,
sisimai_reason. Duplicate replies (after whitespace folding) are printed once.
"""
import email
import email.policy
import re
import subprocess
import sys

REPLY = re.compile(r"^[245]\d\d[ -]")


def git(repo, *args):
	return subprocess.run(["git", "--git-dir", repo] + list(args), capture_output=True, check=True).stdout


def fold(s):
	return re.sub(r"\s+", " ", s).strip()


def reasons(p5):
	"""{'lhost-exim-01': ['blocked', ...]} from Sisimai's test expectations."""
	out = {}
	for name in git(p5, "ls-tree", "--name-only", "HEAD", "t/").decode().split():
		m = re.match(r"t/\d+-(lhost|rhost)-(\w+)\.t$", name)
		if not m:
			continue
		text = git(p5, "show", "HEAD:" + name).decode("utf-8", "replace")
		e = re.search(r"\$enginename\s*=\s*'([^']+)'", text)
		if not e:
			continue
		prefix = "%s-%s" % (m.group(1), e.group(1).lower())
		for idx, body in re.findall(r"'(\d+)'\s*=>\s*\[(.*?)\],?\s*\n(?=\s*'\d+'|\s*\};)", text, re.S):
			out["%s-%02d" % (prefix, int(idx))] = re.findall(r"\['[^']*',\s*'[^']*',\s*'([a-z]+)'", body)
	return out


def dsn_blocks(msg):
	for part in msg.walk():
		if part.get_content_type() != "message/delivery-status":
			continue
		payload = part.get_payload()
		blocks = payload if isinstance(payload, list) else []
		for b in blocks[1:] if len(blocks) > 1 else blocks:
			yield b


# The answering host a bounce's text names just before the reply it quotes:
# Postfix's "host H[IP] said:" (the reply may be wrapped onto the next line)
# and sendmail's transcript "... while talking to H.:" before its "<<< NNN"
# lines (the last one before the reply counts).
POSTFIX_HOST = re.compile(r"host ([\w.-]+)\s*\[[^\]\n]*\]\s*$")
TALKING = re.compile(r"while talking to ([\w.-]+?)\.?:[ \t]*$", re.M)


def text_replies(body):
	"""(relay, reply) of each reply quoted in a bounce's text; relay is the
	answering host the text names (lower case), or empty."""
	out = []
	for m in re.finditer(r"(?:said|Remote host said):\s*([245]\d\d[ -].*?)(?:\(in reply to|\n\s*\n|\n\S|$)", body, re.S):
		h = POSTFIX_HOST.search(body[max(0, m.start() - 300):m.start()]) if m.group(0).startswith("said") else None
		out.append(((h.group(1) if h else "").lower(), fold(m.group(1))))
	for m in re.finditer(r"host (\S+) \[[^\]]+\]:\s*([245]\d\d[ -].*?)(?:\n\s*\n|\n\S|$)", body, re.S):
		out.append((m.group(1).lower(), fold(m.group(2))))
	for m in re.finditer(r"^<<< ([45]\d\d .*)$", body, re.M):
		talks = list(TALKING.finditer(body, 0, m.start()))
		out.append(((talks[-1].group(1) if talks else "").lower(), fold(m.group(1))))
	for m in re.finditer(r"\(reason: ([45]\d\d .*?)\)\s*$", body, re.M):
		out.append(("", fold(m.group(1))))
	return out


ALL_TEXT = False
DELETED = False


def main():
	global ALL_TEXT, DELETED
	while len(sys.argv) > 1 and sys.argv[1] in ("--all-text", "--deleted"):
		if sys.argv[1] == "--all-text":
			ALL_TEXT = True
		else:
			DELETED = True
		del sys.argv[1]
	soe, top = sys.argv[1], sys.argv[2].rstrip("/") + "/"
	expect = reasons(sys.argv[3]) if len(sys.argv) > 3 else {}
	seen = set()
	if DELETED:
		# files removed (or renamed away) in the history: read each at the
		# commit before its removal; printed as COMMIT:PATH
		log = git(soe, "log", "--diff-filter=D", "--name-only", "--format=C %H", "--", top).decode()
		objs, commit = [], None
		for line in log.split("\n"):
			if line.startswith("C "):
				commit = git(soe, "rev-parse", line[2:] + "^").decode().strip()
			elif line.strip() and commit:
				objs.append(("%s:%s" % (commit, line), "%s:%s" % (commit, line)))
	else:
		names = git(soe, "ls-tree", "-r", "--name-only", "HEAD", top).decode().split("\n")
		objs = [("HEAD:" + n, n) for n in sorted(n for n in names if n)]
	for obj, name in objs:
		raw = git(soe, "show", obj)
		msg = email.message_from_bytes(raw, policy=email.policy.compat32)
		key = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
		hint = ",".join(sorted(set(expect.get(key, []))))
		rows = []
		for b in dsn_blocks(msg):
			diag = fold(str(b.get("Diagnostic-Code", "")))
			if ";" not in diag:
				continue
			kind, reply = diag.split(";", 1)
			reply = reply.strip()
			if kind.strip().lower() != "smtp" or not REPLY.match(reply):
				continue
			mta = fold(str(b.get("Remote-MTA", ""))).split(";")[-1].strip()
			rcpt = fold(str(b.get("Final-Recipient", ""))).split(";")[-1].strip()
			rows.append((mta, rcpt.rsplit("@", 1)[-1].strip("<> ").lower(), reply))
		if not rows or ALL_TEXT:
			body = ""
			for part in msg.walk():
				if part.get_content_maintype() == "text" and not part.is_multipart():
					p = part.get_payload(decode=True) or b""
					body += p.decode("utf-8", "replace") + "\n"
			rows += [(relay, "", r) for relay, r in text_replies(body)]
		for mta, dom, reply in rows:
			k = reply.lower()
			if k in seen or len(reply) < 8:
				continue
			seen.add(k)
			print("\t".join([name, mta, dom, reply.replace("\t", " "), hint]))


main()
