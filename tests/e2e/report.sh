#!/bin/sh
# report, query and check on databases of known rows: bouncewatch makes the
# database (schema and migrations), sqlite3 then loads data/fixture.sql (the
# deliveries of data/fixture.log) and data/extra.sql (rules, episodes,
# hostile values), so the figures do not depend on the parser or the rules.
# tests/e2e/report_samples.sh checks the same commands on a scanned log.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
unset NO_COLOR
DATA="$TOP/tests/e2e/data"
WIN="--since 2026-11-20 --until 2026-11-23"

# mkdb DB: an empty database made by bouncewatch itself (a scan of nothing
# with no rules creates and migrates it); the stdin source row it leaves is
# dropped, the fixtures bring their own sources and rules.
mkdir -p "$T/norules"
mkdb() {
	"$BW" --db "$1" --rules "$T/norules" scan - </dev/null >/dev/null 2>&1 &&
		sqlite3 "$1" "DELETE FROM sources"
}
# run NAME EXIT CMD...: status, keeping stdout in $T/last and stderr in $T/lasterr
run() { status "$@"; cp "$T/.out" "$T/last"; cp "$T/.err" "$T/lasterr"; }
# has NAME PATTERN: the last run's stdout matches PATTERN (grep -E)
has() { if grep -qE -- "$2" "$T/last"; then ok "$1"; else notok "$1" "$(head -c 1500 "$T/last")"; fi; }
# pycheck NAME FILE PYTHON: runs PYTHON with the file's path as sys.argv[1]
pycheck() { name=$1; file=$2; shift 2
	if python3 -c "$1" "$file" >"$T/.py" 2>&1; then ok "$name"; else notok "$name" "$(head -c 1500 "$T/.py")"; fi; }

DB=$T/r.db
mkdb "$DB" && sqlite3 "$DB" <"$DATA/fixture.sql" && sqlite3 "$DB" <"$DATA/extra.sql"
eq "fixture loaded" 25 "$(sql "$DB" 'SELECT count(*) FROM deliveries')"
eq "schema at the binary's version" "$(ls "$TOP/schema" | sed -n 's/^0*\([0-9][0-9]*\)_.*/\1/p' | sort -n | tail -n 1)" "$(sql "$DB" 'PRAGMA user_version')"
PLAIN=$T/plain.db	# the deliveries of fixture.log alone, as pflogsumm sees them
mkdb "$PLAIN" && sqlite3 "$PLAIN" <"$DATA/fixture.sql"

# --- report: json ----------------------------------------------------------
run "report json" 0 "$BW" --db "$DB" report $WIN --format json
cp "$T/last" "$T/r.json"
pycheck "json totals" "$T/r.json" '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["report"] == "bouncewatch" and d["version"] == 1, d
assert d["since"] == "2026-11-20T00:00:00Z" and d["until"] == "2026-11-23T00:00:00Z"
want = dict(attempts=24, sent=15, deferred=5, bounced=4, expired=0, other=0, blocks=4,
            messages=22, deferred_messages=4, recipients=24,
            first="2026-11-20T10:00:01Z", last="2026-11-22T09:00:00Z", received=0, rejected=0)
assert d["totals"] == want, d["totals"]
assert list(d)[5:] == ["totals", "provider", "pool", "domain", "relay", "sending-ip", "sender", "blocklists",
                       "day", "hour", "local", "reasons", "blocks", "snds", "complaints"], list(d)
assert d["snds"] == [] and d["complaints"] == [], (d["snds"], d["complaints"])'
pycheck "json per provider" "$T/r.json" '
import json, sys
p = {r["provider"]: r for r in json.load(open(sys.argv[1]))["provider"]}
m, g, y, u = p["microsoft"], p["google"], p["yahoo"], p["(unknown)"]
assert (m["attempts"], m["sent"], m["deferred"], m["bounced"], m["blocks"]) == (10, 6, 1, 3, 3), m
assert m["deferred_rate"] == 0.1 and m["bounced_rate"] == 0.3, m
assert m["avg_delay"] == 1.67 and m["max_delay"] == 3.5, m
assert m["last_sent"] == "2026-11-20T12:10:01Z", m
assert (g["attempts"], g["sent"], g["deferred"], g["avg_delay"], g["max_delay"]) == (7, 5, 2, 3.2, 6.0), g
assert g["deferred_rate"] == 0.2857, g
assert (y["sent"], y["deferred"], y["blocks"]) == (1, 1, 1) and (u["sent"], u["bounced"]) == (2, 1)
assert p["<script>alert(1)</script>"]["deferred"] == 1 and p["寿司"]["sent"] == 1
assert list(p)[:2] == ["microsoft", "google"]'
pycheck "json domain, relay, sending ip" "$T/r.json" '
import json, sys
d = json.load(open(sys.argv[1]))
dom = {r["domain"]: (r["attempts"], r["sent"], r["deferred"], r["bounced"]) for r in d["domain"]}
assert dom["gmail.com"] == (7, 5, 2, 0) and dom["outlook.com"] == (6, 4, 0, 2), dom
assert dom["hotmail.com"] == (4, 2, 1, 1) and dom["例え.jp"] == (1, 1, 0, 0), dom
rel = {r["relay_ip"]: r for r in d["relay"]}
assert rel["52.101.0.2"]["bounced"] == 3 and rel["52.101.0.2"]["relay_host"] == "outlook-com.olc.protection.outlook.com"
assert rel["52.101.0.2"]["avg_delay"] is None
sip = {r["sending_ip"]: r for r in d["sending-ip"]}
assert (sip["203.0.113.7"]["attempts"], sip["203.0.113.7"]["blocks"]) == (7, 4), sip'
pycheck "json per sender (every fixture row is news@example.net; extra.sql rows have none)" "$T/r.json" '
import json, sys
s = {r["sender"]: (r["attempts"], r["sent"], r["deferred"], r["bounced"], r["blocks"])
     for r in json.load(open(sys.argv[1]))["sender"]}
assert s["news@example.net"] == (22, 14, 4, 4, 4) and s["(unknown)"][0] == 2, s'
# A compromised account: one sender's burst draws the block replies; the null
# sender (bounces) shows as <>, and a sender's bytes are escaped like any value.
SND=$T/senders.db
cp "$PLAIN" "$SND"
sqlite3 "$SND" "INSERT INTO deliveries (id, ts, host, mta, status, sender, recipient, rcpt_domain, is_block, source_id, offset)
	SELECT 3298534883328 + value, 1795250000 + value, 'mx1', 'postfix', CASE WHEN value < 6 THEN 'bounced' ELSE 'sent' END,
	       'hacked@example.net', 'r' || value || '@outlook.com', 'outlook.com', value < 6, 1, 100 + value
	FROM generate_series(0, 9);
	INSERT INTO deliveries (id, ts, host, mta, status, sender, recipient, rcpt_domain, is_block, source_id, offset) VALUES
	(3298534883400, 1795250100, 'mx1', 'postfix', 'sent', '', 'dsn@example.org', 'example.org', 0, 1, 200),
	(3298534883401, 1795250200, 'mx1', 'postfix', 'sent', 'evil' || char(27) || '[31m@example.net', 'x@example.org', 'example.org', 0, 1, 201);" 2>"$T/snd.err"
eq "sender rows added" "35" "$(sql "$SND" 'SELECT count(*) FROM deliveries')"
run "report --by sender" 0 "$BW" --db "$SND" report $WIN --format json --by sender
pycheck "per sender: the burst on top with its block replies, <> for the null sender" "$T/last" '
import json, sys
rows = json.load(open(sys.argv[1]))["sender"]
s = {r["sender"]: (r["attempts"], r["sent"], r["bounced"], r["blocks"]) for r in rows}
assert rows[0]["sender"] == "news@example.net" and s["news@example.net"] == (22, 14, 4, 4), rows
assert s["hacked@example.net"] == (10, 4, 6, 6) and rows[1]["bounced_rate"] == 0.6, rows[1]
assert s["<>"] == (1, 1, 0, 0) and s["evil\x1b[31m@example.net"] == (1, 1, 0, 0), s'
run "report text --by sender" 0 "$BW" --db "$SND" report $WIN --by sender
has "text: the section and the burst" "^  hacked@example.net  *10 "
check "text: the escape byte is shown, not sent to the terminal" sh -c "! grep -q \"$(printf '\033')\" '$T/last'"
pycheck "json day and hour" "$T/r.json" '
import json, sys
d = json.load(open(sys.argv[1]))
days = [(r["day"], r["attempts"], r["sent"], r["deferred"], r["bounced"]) for r in d["day"]]
assert days == [("2026-11-20", 13, 13, 0, 0), ("2026-11-21", 10, 1, 5, 4),
                ("2026-11-22", 1, 1, 0, 0)], days
hours = {r["hour"]: r["attempts"] for r in d["hour"]}
assert hours == {"08": 2, "09": 3, "10": 4, "11": 3, "12": 3, "13": 3, "14": 3, "15": 1, "16": 2}, hours'
pycheck "json reasons normalised and counted" "$T/r.json" '
import json, sys
r = json.load(open(sys.argv[1]))["reasons"]
top = r[0]
assert top["count"] == 3 and top["rule_id"] == "microsoft-s3140" and top["status"] == "bounced", top
assert "[<ip>]" in top["reason"] and "203.0.113.7" not in top["reason"], top
assert top["domains"] in ("outlook.com,hotmail.com", "hotmail.com,outlook.com")
g = [x for x in r if x["rule_id"] == "google-4.7.28"]
assert len(g) == 1 and g[0]["count"] == 2, g
assert sum(x["count"] for x in r) == 9, r
u = [x for x in r if x["rule_id"] == "user-unknown"][0]
assert u["reason"].startswith("550 5.1.1 <addr>: Recipient"), u
assert "[<ip> <n>]" in g[0]["reason"] and "<id> - gsmtp" in g[0]["reason"], g'
pycheck "json blocks: open first, old episode left out, advice" "$T/r.json" '
import json, sys
b = json.load(open(sys.argv[1]))["blocks"]
assert [(x["state"], x["provider"]) for x in b] == [("open", "microsoft"), ("cleared", "yahoo")], b
assert b[0]["cleared"] is None and b[0]["events"] == 3 and b[0]["opened"] == "2026-11-21T08:00:02Z"
assert b[0]["clear_reason"] is None and b[0]["advice"] == "https://sender.office.com", b[0]
assert b[1]["advice"] == "https://senders.yahooinc.com/contact", b[1]
assert b[1]["cleared"] == "2026-11-21T15:00:00Z" and b[1]["clear_reason"] == "delivered", b[1]
assert list(b[0]) == ["state", "kind", "provider", "pool", "sending_ip", "category", "opened",
                      "last_seen", "cleared", "clear_reason", "events", "rule_id", "advice",
                      "first_reply", "evidence", "worded_as", "behaviour"]
assert b[0]["evidence"] is None and b[0]["worded_as"] is None and b[0]["behaviour"] is None, b[0]
assert [x["kind"] for x in b] == ["BLOCK", "BLOCK"], b'
pycheck "json hostile bytes escaped" "$T/r.json" '
import json, sys
raw = open(sys.argv[1], "rb").read()
assert b"\x1b" not in raw and b"\xff" not in raw
reason = [x for x in json.loads(raw)["reasons"] if x["provider"] == "<script>alert(1)</script>"][0]["reason"]
assert "\x1b[31mRED" in reason and "\u202e" in reason and "\ufffd" in reason, repr(reason)'
run "report --top 2" 0 "$BW" --db "$DB" report $WIN --format json --top 2 --by provider,reasons
pycheck "--top bounds lists" "$T/last" '
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["provider"]) == 2 and len(d["reasons"]) == 2 and "totals" not in d'

# --- report: the default window; a window without episodes ---------------------
run "report json, no episodes in the window" 0 "$BW" --db "$PLAIN" report $WIN --format json --by totals,blocks
pycheck "blocks an empty list" "$T/last" '
import json, sys
d = json.load(open(sys.argv[1])); assert d["blocks"] == [] and d["totals"]["attempts"] == 22, d'
run "report text, no episodes" 0 "$BW" --db "$PLAIN" report $WIN --by blocks
has "text says none" "^  \(none\)$"
run "report default window (last 7 days)" 0 "$BW" --db "$DB" report --format json --by totals
set -- $(python3 -c '
import json, sys, time, calendar
d = json.load(open(sys.argv[1]))
e = lambda k: calendar.timegm(time.strptime(d[k], "%Y-%m-%dT%H:%M:%SZ"))
print(e("since"), e("until"), d["totals"]["attempts"])' "$T/last")
eq "default window is 7 days" 604800 "$(( $2 - $1 ))"
eq "default window counts what it covers" \
	"$(sql "$DB" "SELECT count(*) FROM deliveries WHERE ts >= $1 AND ts < $2")" "$3"

# --- report: csv --------------------------------------------------------------
for by in totals provider domain relay sending-ip sender blocklists host day hour reasons blocks; do
	run "report csv --by $by" 0 "$BW" --db "$DB" report $WIN --format csv --by $by
	cp "$T/last" "$T/$by.csv"
done
pycheck "csv provider parsed" "$T/provider.csv" '
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
p = {r["provider"]: r for r in rows}
assert p["microsoft"]["attempts"] == "10" and p["microsoft"]["deferred_rate"] == "0.1", p["microsoft"]
assert p["microsoft"]["last_sent"] == "2026-11-20T12:10:01Z"
assert p["<script>alert(1)</script>"]["deferred"] == "1"'
pycheck "csv totals, day" "$T/totals.csv" '
import csv, sys
r = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(r) == 1 and r[0]["attempts"] == "24" and r[0]["bounced"] == "4", r
d = list(csv.DictReader(open(sys.argv[1].replace("totals", "day"), newline="")))
assert [(x["day"], x["sent"]) for x in d] == [("2026-11-20", "13"), ("2026-11-21", "1"), ("2026-11-22", "1")], d'
run "csv of two tables refused" 2 "$BW" --db "$DB" report $WIN --format csv --by totals,day

# --- report: html -------------------------------------------------------------
run "report html --output" 0 "$BW" --db "$DB" report $WIN --format html --output "$T/r.html"
eq "html: nothing on stdout with --output" "" "$(cat "$T/last")"
pycheck "html well-formed, charts present, self-contained" "$T/r.html" '
import sys, re
from html.parser import HTMLParser
VOID = {"meta", "br", "img", "hr", "input", "link"}
class P(HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True); s.stack = []; s.svg = 0; s.tags = []
    def handle_starttag(s, t, a):
        s.tags.append(t)
        for k, v in a:
            # links (<a href>) load nothing; nothing else may point outside
            assert not ((k == "src" or (k == "href" and t != "a")) and v and re.match(r"\s*(https?:|//)", v)), (t, k, v)
            assert not (k == "href" and not re.match(r"https?://", v or "")), (t, k, v)
        if t == "svg": s.svg += 1
        if t not in VOID: s.stack.append(t)
    def handle_startendtag(s, t, a):
        s.tags.append(t)
    def handle_endtag(s, t):
        assert s.stack and s.stack[-1] == t, ("mismatch", t, s.stack[-3:])
        s.stack.pop()
text = open(sys.argv[1], encoding="utf-8").read()
p = P(); p.feed(text); p.close()
assert p.stack == [], p.stack
assert p.svg == 3, p.svg
assert "script" not in p.tags and "link" not in p.tags and "iframe" not in p.tags, set(p.tags)
assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>" not in text
assert text.count("<rect") > 20, text.count("<rect")
assert re.search(r"<svg[^>]*aria-label=\"timeline of episodes\"", text)
assert "microsoft 203.0.113.7" in text'
if command -v xmllint >/dev/null 2>&1; then
	check "html is also well-formed XML (xmllint)" xmllint --noout "$T/r.html"
fi

# --- report: text ---------------------------------------------------------------
run "report text" 0 "$BW" --db "$DB" report $WIN
cp "$T/last" "$T/r.txt"
check "text: no raw escape byte when piped" sh -c "! grep -q \"\$(printf '\\033')\" '$T/r.txt'"
check "text: hostile escape shown as \\x1b" grep -q 'x1b\[31mRED' "$T/r.txt"
run "query text with a bidi override" 0 "$BW" --db "$DB" query "SELECT 'a' || char(8238) || 'b' AS x"
has "text: bidi override shown escaped" 'a\\u\{202e\}b' 
pycheck "text: columns aligned with wide and hostile values" "$T/r.txt" '
import re, sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
i = lines.index("Per provider") + 1
block = []
while lines[i]:
    block.append(lines[i]); i += 1
assert len(block) == 7, block
# where the attempts column ends, in display columns, on every line
ends = {width(l[:re.match(r"^(.*?)\s+(\d+|attempts) ", l).end(2)]) for l in block}
assert len(ends) == 1, (ends, block)'
if command -v script >/dev/null 2>&1; then
	script -qec "$BW --db $DB report $WIN --by provider" /dev/null >"$T/tty.txt" 2>&1
	check "text: colour on a terminal" grep -q "$(printf '\033')\[1m" "$T/tty.txt"
	NO_COLOR=1 script -qec "$BW --db $DB report $WIN --by provider" /dev/null >"$T/tty2.txt" 2>&1
	check "text: NO_COLOR honoured" sh -c "! grep -q \"\$(printf '\\033')\" '$T/tty2.txt'"
fi
run "unknown section" 2 "$BW" --db "$DB" report --by nonsense
run "bad --since" 2 "$BW" --db "$DB" report --since yesterday-ish
run "missing database" 1 "$BW" --db "$T/none.db" report

# --- the same log through pflogsumm: per-domain delivery figures agree ---------
if command -v pflogsumm >/dev/null 2>&1; then
	pflogsumm "$DATA/fixture.log" >"$T/pfl.txt" 2>/dev/null
	run "report json of the whole fixture" 0 "$BW" --db "$PLAIN" report --since 2026-11-01 \
		--until 2026-12-01 --format json --by totals,domain,day
	pycheck "pflogsumm and report agree (totals, per day, per domain)" "$T/last" '
import json, re, sys
d = json.load(open(sys.argv[1]))
p = open(sys.argv[1].replace("last", "pfl.txt")).read()
num = lambda what: int(re.search(r"^\s*(\d+)\s+" + what, p, re.M).group(1))
assert num("delivered") == d["totals"]["sent"] == 15
assert num("bounced") == d["totals"]["bounced"]
assert num("deferred") == d["totals"]["deferred_messages"]
dom = {r["domain"]: r for r in d["domain"]}
sec = p.split("Host/Domain Summary: Message Delivery")[1].split("\n\n")[0]
rows = re.findall(r"^\s*(\d+)\s+\d+\s+(\d+)\s+([\d.]+) s\s+([\d.]+) s\s+(\S+)$", sec, re.M)
assert len(rows) == 5, sec
for sent, defers, avg, mx, name in rows:
    r = dom[name]
    assert (r["sent"], r["deferred"]) == (int(sent), int(defers)), (name, r)
    assert abs(r["avg_delay"] - float(avg)) < 0.051 and abs(r["max_delay"] - float(mx)) < 0.051, (name, r)
days = re.findall(r"^[ ]+(\w{3} \d+ \d{4})[ ]+(\d+)[ ]+(\d+)[ ]*(\d*)[ ]*(\d*)", p, re.M)
ours = [(r["sent"], r["deferred"], r["bounced"]) for r in d["day"]]
assert [(int(a), int(b or 0), int(c or 0)) for _, _, a, b, c in days] == ours, (days, ours)'
else
	notok "pflogsumm installed (DEB_PKGS): the comparison cannot run without it"
fi

# --- query ------------------------------------------------------------------
run "query json" 0 "$BW" --db "$DB" query --format json \
	"SELECT provider, count(*) AS n, max(ts) AS t, NULL AS z FROM deliveries GROUP BY 1 ORDER BY 2 DESC, 1"
pycheck "query json parsed, typed" "$T/last" '
import json, sys
r = json.load(open(sys.argv[1]))
assert r[0] == {"provider": "google", "n": 8, "t": 1795338000, "z": None} or r[0]["provider"] == "microsoft", r[0]
assert {x["provider"]: x["n"] for x in r}["microsoft"] == 10'
run "query csv" 0 "$BW" --db "$DB" query --format csv \
	"SELECT reply, recipient FROM deliveries WHERE rcpt_domain = 'evil.example'"
pycheck "query csv: newline, quotes, comma survive" "$T/last" '
import csv, sys
r = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert r[0] == ["reply", "recipient"] and len(r) == 2, r
v = r[1][0]
assert v.startswith("451 4.3.0 \"quoted\", comma\nsecond line \x1b[31mRED"), repr(v)
assert "\ufffd" in v and v.endswith("<b>bold</b> & done"), repr(v)'
run "query csv, no rows: header only" 0 "$BW" --db "$DB" query --format csv "SELECT id, ts FROM deliveries WHERE 0"
eq "query csv header" "id,ts" "$(tr -d '\r' <"$T/last")"
run "query text, wide values" 0 "$BW" --db "$DB" query "SELECT rcpt_domain, provider, count(*) AS n FROM deliveries GROUP BY 1, 2 ORDER BY 1"
pycheck "query text aligned (right-aligned last column)" "$T/last" '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l]
assert len({w(l) for l in lines}) == 1, [(w(l), l) for l in lines]'
run "query: read pragma allowed" 0 "$BW" --db "$DB" query "PRAGMA table_info(deliveries)"
run "query: bw_normalise available" 0 "$BW" --db "$DB" query "SELECT bw_normalise('550 5.7.1 from [192.0.2.1] id 4F3A21C0A1B')"
eq "bw_normalise output" "550 5.7.1 from [<ip>] id <id>" "$(sed -n 2p "$T/last" | sed 's/ *$//; s/^ *//')"
before=$(sql "$DB" "SELECT count(*) FROM deliveries")
for q in "DELETE FROM deliveries" \
	 "INSERT INTO rules (id, category, block, priority) VALUES ('x', 'y', 0, 0)" \
	 "UPDATE deliveries SET status = 'sent'" \
	 "DROP VIEW daily_provider" \
	 "CREATE TABLE t (x)" \
	 "ATTACH DATABASE '$T/other.db' AS o" \
	 "PRAGMA writable_schema = 1" \
	 "PRAGMA query_only = 0" \
	 "PRAGMA journal_mode = DELETE" \
	 "VACUUM INTO '$T/copy.db'" \
	 "SELECT 1; DELETE FROM deliveries" \
	 "WITH x AS (SELECT 1) DELETE FROM deliveries"; do
	run "query refuses: $q" 2 "$BW" --db "$DB" query "$q"
	check "  ... with a clear message" grep -q "refused" "$T/lasterr"
done
eq "nothing changed by refused statements" "$before" "$(sql "$DB" "SELECT count(*) FROM deliveries")"
check "no attached or copied file" sh -c "[ ! -e '$T/other.db' ] && [ ! -e '$T/copy.db' ]"
run "query: SQL error is exit 2" 2 "$BW" --db "$DB" query "SELEC nonsense"
run "query: missing database" 1 "$BW" --db "$T/none.db" query "SELECT 1"

# --- the example queries of docs/sql.md, from query and from sqlite3 --------
# (each is extracted from the document by its number so the doc and the test agree)
exq() { awk -v n="$1" '/^```sql$/ {k++; on = (k == n); next} /^```$/ {on = 0} on' "$TOP/docs/sql.md"; }
nq=$(grep -c '^```sql$' "$TOP/docs/sql.md")
eq "docs/sql.md has five example queries" 5 "$nq"
eq "README.md shows the same five queries" \
	"$(awk '/^```sql$/ {on = 1; next} /^```$/ {on = 0} on' "$TOP/docs/sql.md")" \
	"$(awk '/^```sql$/ {on = 1; next} /^```$/ {on = 0} on' "$TOP/README.md")"
exp1="google|2
<script>alert(1)</script>|1
microsoft|1
yahoo|1"
exp2="2026-11-20 12:10:01"
exp3="microsoft|203.0.113.7|blocklist|2026-11-21 08:00:02|https://sender.office.com"
exp4="2026-11-21|microsoft|4|0|1|3|0.25|0.75"
exp5="421-4.7.28 [<ip> <n>] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. To protect our users 421-4.7.28 from spam, mail sent from your IP address has been temporarily rate 421 4.7.28 limited. <id> - gsmtp|2"
i=1
while [ $i -le 5 ]; do
	q=$(exq $i | sed "s/date('now', 'localtime', '-1 day')/'2026-11-21'/")
	eval "want=\$exp$i"
	if [ $i != 5 ]; then
		eq "example query $i from sqlite3" "$want" "$(sqlite3 -batch -noheader "$DB" "$q")"
	fi
	got=$("$BW" --db "$DB" query --format csv "$q" |
		python3 -c 'import csv, sys; [print("|".join(r)) for r in list(csv.reader(sys.stdin))[1:]]')
	eq "example query $i from bouncewatch query" "$want" "$got"
	i=$((i + 1))
done

# --- check --------------------------------------------------------------------
C=$T/c.db
mkdb "$C"
now=$(date +%s)
sqlite3 "$C" "INSERT INTO sources (id, path, dev, ino, fp, fp_len, offset, active, first_seen, updated)
	VALUES (1, 'mail.log', 1, 1, 0, 0, 0, 1, $now - 100, $now - 60);"
add() { sqlite3 "$C" "INSERT INTO deliveries (ts, mta, status, provider, is_block, sending_ip, source_id, offset)
	VALUES ($now - $1, 'postfix', '$2', '$3', ${4:-0}, ${5:-NULL}, 1, (SELECT count(*) FROM deliveries));"; }
for k in 1 2 3 4 5 6 7 8 9 10; do add $((k * 60)) sent google; done
for k in 1 2 3 4 5 6 7 8 9 10; do add $((k * 60)) sent microsoft; done
run "check OK" 0 "$BW" --db "$C" check
check "check OK status line" grep -q '^BOUNCEWATCH OK - 0 open blocks, deferral 0.0% .*| open_blocks=0;1;1;0 deferred_rate=0.0000;' "$T/last"
eq "check prints one line" 1 "$(wc -l <"$T/last")"
add 30 deferred google; add 40 deferred google
run "check WARNING on a deferral rate" 1 "$BW" --db "$C" check --warning 1,10% --critical 1,50%
check "names the worst provider" grep -q 'worst google 16.7%.*deferred_rate_google=0.1667' "$T/last"
# an open episode, as src/episode.c records a block reply
add 20 bounced microsoft 1 "'203.0.113.7'"
sqlite3 "$C" "INSERT INTO episodes (provider, sending_ip, key, category, categories, opened,
	last_seen, event_count, first_reply, rule_id, hosts) VALUES ('microsoft', '203.0.113.7',
	'microsoft 203.0.113.7', 'blocklist', 'blocklist', $now - 20, $now - 20, 1, '550 5.7.1 ...',
	'microsoft-s3140', 'mx1')"
run "check CRITICAL on an open block" 2 "$BW" --db "$C" check
check "names the block" grep -q '^BOUNCEWATCH CRITICAL - 1 open block (microsoft 203.0.113.7)' "$T/last"
run "check WARNING when blocks only warn" 1 "$BW" --db "$C" check --warning 1,0.9 --critical 2,0.95
check "  ... perf data counts it" grep -q '| open_blocks=1;1;2;0 ' "$T/last"
# a later delivery clears the episode (src/episode.c); check follows the table
add 10 sent microsoft
sqlite3 "$C" "UPDATE episodes SET cleared = $now - 10, clear_reason = 'delivered'"
run "check: a cleared episode no longer counts" 1 "$BW" --db "$C" check --warning 1,10% --critical 1,50%
check "  ... 0 open blocks" grep -q '0 open blocks' "$T/last"
run "check --stale: fresh" 1 "$BW" --db "$C" check --stale 1h --warning 1,10% --critical 1,50%
sqlite3 "$C" "UPDATE sources SET updated = $now - 7200"
run "check UNKNOWN when the log was not read for --stale" 3 "$BW" --db "$C" check --stale 1h
check "  ... says so" grep -q '^BOUNCEWATCH UNKNOWN - log not read' "$T/last"
sqlite3 "$C" "UPDATE sources SET updated = $now; UPDATE deliveries SET ts = ts - 7200"
run "check WARNING when no delivery for --stale" 1 "$BW" --db "$C" check --stale 1h
check "  ... says so" grep -q '^BOUNCEWATCH WARNING - no delivery for' "$T/last"
run "check UNKNOWN: missing database" 3 "$BW" --db "$T/none.db" check
check "  ... one status line" grep -q '^BOUNCEWATCH UNKNOWN - ' "$T/last"
printf 'not a database, just text\n%.0s' 1 2 3 4 5 6 7 8 9 >"$T/junk.db"
run "check UNKNOWN: not a database" 3 "$BW" --db "$T/junk.db" check
run "check UNKNOWN: bad option" 3 "$BW" --db "$C" check --warning x
