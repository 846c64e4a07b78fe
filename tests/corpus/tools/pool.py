#!/usr/bin/env python3
"""pool.py - fill the pool column of the independent corpus from providers.conf.

  pool.py PROVIDERS_CONF CORPUS_TSV > new.tsv

The pool of a row is derived as the engine attributes a reply (src/rules.h,
POOLS): the [provider/pool] section whose relays name the row's relay host
(exact host, then the longest ".suffix", then a name with "*" labels,
each any one label), else whose domains name the
recipient domain (the domain, then each parent); when that section belongs
to the row's labelled provider, the pool is that section's pool (a
[provider] section's pool is the provider id itself); otherwise the pool is
the labelled provider id (its default pool). A provider marked
"gateway = yes" (an on-premises gateway, src/rules.h GATEWAYS) whose row has
a relay host that providers.conf does not name is pooled by that relay's
registered domain (regdom() below, as src/regdom.c approximates it). Rows
without a provider label have no pool. Only column 8 (pool) changes.
"""
import re
import sys


# src/regdom.c's second-level labels of two-letter country registries.
CCSLD = {"ac", "co", "com", "edu", "go", "gob", "gov", "gr", "in", "lg", "ltd", "me",
	 "mil", "ne", "net", "nic", "nom", "or", "org", "plc", "sch"}


def regdom(host):
	"""The registered domain of a host name, as src/regdom.c approximates it; None for
	an IP literal, a bare label or bytes a host name does not have."""
	h = host.lower().rstrip(".")
	if not h or not re.match(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$", h) or re.match(r"^[\d.]+$", h):
		return None
	labels = h.split(".")
	keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in CCSLD else 2
	return ".".join(labels[-keep:])


def load(path):
	exact, suffix, domains, gateways, wild = {}, {}, {}, set(), {}
	sect = None
	for line in open(path, encoding="utf-8"):
		line = line.split("#", 1)[0].strip()
		m = re.match(r"^\[([^\]]+)\]$", line)
		if m:
			prov, _, pool = m.group(1).partition("/")
			sect = (prov, pool or prov)
			continue
		if sect and sect[0] == sect[1] and re.match(r"^gateway\s*=\s*yes$", line):
			gateways.add(sect[0])
		m = re.match(r"^(relays|domains)\s*=\s*(.*)$", line)
		if not m or sect is None:
			continue
		for word in m.group(2).lower().split():
			if m.group(1) == "domains":
				domains[word] = sect
			elif "*" in word:
				wild[word] = sect
			elif word.startswith("."):
				suffix[word] = sect
			else:
				exact[word] = sect
	return exact, suffix, domains, gateways, wild


def wild_match(pat, host):
	"""Whether host is a name of pat, whose "*" labels are any one label (src/rules.c)."""
	p, h = pat.lstrip(".").split("."), host.split(".")
	if pat.startswith("."):
		if len(h) <= len(p):
			return False
		h = h[len(h) - len(p):]
	return len(h) == len(p) and all(a == b or (a == "*" and b) for a, b in zip(p, h))


def relay_section(tables, relay):
	exact, suffix, wild = tables[0], tables[1], tables[4]
	host = relay.lower().rstrip(".")
	if host in exact:
		return exact[host]
	for i in range(1, len(host)):
		if host[i] == "." and host[i:] in suffix:
			return suffix[host[i:]]
	for pat, sect in wild.items():
		if wild_match(pat, host):
			return sect
	return None


def lookup(tables, relay, domain):
	domains = tables[2]
	if relay:
		sect = relay_section(tables, relay)
		if sect:
			return sect
	d = domain.lower()
	while d:
		if d in domains:
			return domains[d]
		d = d.partition(".")[2]
	return None


def main():
	if len(sys.argv) != 3:
		print(__doc__.strip().splitlines()[2], file=sys.stderr)
		return 2
	tables = load(sys.argv[1])
	for line in open(sys.argv[2], encoding="utf-8"):
		if line.startswith("#") or not line.strip():
			sys.stdout.write(line)
			continue
		f = line.rstrip("\n").split("\t")
		prov = f[6]
		sect = lookup(tables, f[3], f[4]) if prov else None
		f[7] = sect[1] if sect and sect[0] == prov else prov
		if prov in tables[3] and not relay_section(tables, f[3]) and regdom(f[3]):
			f[7] = regdom(f[3])	# a gateway on a relay providers.conf does not name
		sys.stdout.write("\t".join(f) + "\n")
	return 0


sys.exit(main())
