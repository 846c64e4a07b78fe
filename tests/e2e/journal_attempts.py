#!/usr/bin/env python3
"""journal_attempts - the delivery attempts in journalctl -o json output.

Reads JSON lines (several snapshots of the same journal may be concatenated:
entries are counted once per __CURSOR) and prints one line per Postfix
delivery-status entry, "queue_id|recipient|status", sorted, duplicates kept;
with --fields first, "queue_id|recipient|status|SYSLOG_IDENTIFIER|_HOSTNAME".
An independent reading of the journal for comparison with what bouncewatch
stored; it shares no code with it. MESSAGE is a string, or a list of byte
values when it is not valid UTF-8 (journalctl(1), "-o json").
"""
import json
import re
import sys

STATUS = re.compile(rb"^([0-9A-F]{6,}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,}): "
                    rb"to=<([^>]*)>.*?, status=([a-zA-Z]+)")
args = sys.argv[1:]
fields = bool(args) and args[0] == "--fields"
if fields:
    args = args[1:]
seen = set()
out = []
for path in args:
    with open(path, "rb") as f:
        for line in f:
            e = json.loads(line)
            cur = e.get("__CURSOR")
            if cur in seen:
                continue
            seen.add(cur)
            ident = e.get("SYSLOG_IDENTIFIER") or ""
            if not ident.startswith("postfix"):
                continue
            msg = e.get("MESSAGE")
            if isinstance(msg, list):
                msg = bytes(msg)
            elif isinstance(msg, str):
                msg = msg.encode("utf-8", "surrogateescape")
            else:
                continue
            m = STATUS.match(msg)
            if m and b"\0" not in msg:
                row = b"|".join([m.group(1), m.group(2), m.group(3).lower()]).decode("utf-8", "replace")
                if fields:
                    row += "|%s|%s" % (ident, e.get("_HOSTNAME") or "")
                out.append(row)
for o in sorted(out):
    print(o)
