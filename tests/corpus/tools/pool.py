#!/usr/bin/env python3
"""pool.py - fill the pool column of the independent corpus from providers.conf.

  pool.py PROVIDERS_CONF CORPUS_TSV > new.tsv

The pool of a row is derived as the engine attributes a reply (src/rules.h,
POOLS): the [provider/pool] section whose relays name the row's relay host
(exact host, then the longest ".suffix"), else whose domains name the
recipient domain (the domain, then each parent); when that section belongs
to the row's labelled provider, the pool is that section's pool (a
[provider] section's pool is the provider id itself); otherwise the pool is
the labelled provider id (its default pool). Rows without a provider label
have no pool. Only column 8 (pool) changes.
"""
import re
import sys


def load(path):
	exact, suffix, domains = {}, {}, {}
	sect = None
	for line in open(path, encoding="utf-8"):
		line = line.split("#", 1)[0].strip()
		m = re.match(r"^\[([^\]]+)\]$", line)
		if m:
			prov, _, pool = m.group(1).partition("/")
			sect = (prov, pool or prov)
			continue
		m = re.match(r"^(relays|domains)\s*=\s*(.*)$", line)
		if not m or sect is None:
			continue
		for word in m.group(2).lower().split():
			if m.group(1) == "domains":
				domains[word] = sect
			elif word.startswith("."):
				suffix[word] = sect
			else:
				exact[word] = sect
	return exact, suffix, domains


def lookup(tables, relay, domain):
	exact, suffix, domains = tables
	host = relay.lower().rstrip(".")
	if host:
		if host in exact:
			return exact[host]
		for i in range(1, len(host)):
			if host[i] == "." and host[i:] in suffix:
				return suffix[host[i:]]
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
		sys.stdout.write("\t".join(f) + "\n")
	return 0


sys.exit(main())
