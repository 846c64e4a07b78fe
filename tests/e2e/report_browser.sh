#!/bin/sh
# report_browser: `report --format html` opened in a real browser (headless
# Chromium, Debian package chromium). A known log with two block episodes
# (one open at the window's end, one cleared a minute after the window
# starts, drawn as a bar, not a sliver), a hostile reply and an advice URL.
# The page is rendered to a screenshot kept in the build's artefacts
# (build/artefacts/report.png); the PNG is decoded here (zlib, no PyPI) and
# must hold many colours and a fair share of non-white pixels; Chromium's
# log must show no console message. Fails, never skips, when Chromium
# cannot start.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
export BOUNCEWATCH_NOW=1795932000	# 2026-11-29T06:00:00Z
DB=$T/r.db
ART="$TOP/${BW_BUILD:-build}/artefacts"
mkdir -p "$ART"
s3140() {
	printf '%s mx1 postfix/smtp[2211]: %s: to=<%s>, relay=hotmail-com.olc.protection.outlook.com[52.101.8.44]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host hotmail-com.olc.protection.outlook.com[52.101.8.44] said: 550 5.7.1 Unfortunately, messages from [203.0.113.7] weren'"'"'t sent. Please contact your Internet service provider since part of their network is on our block list (S3140). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [DB5EUR03FT021.eop-EUR03.prod.protection.outlook.com] (in reply to MAIL FROM command))\n' "$1" "$2" "$3"
}
sent() {
	printf '%s mx1 postfix/smtp[2300]: %s: to=<%s>, relay=hotmail-com.olc.protection.outlook.com[52.101.9.10]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=2.6.0, status=sent (250 2.6.0 <%s@example.org> Queued mail for delivery)\n' "$1" "$2" "$3" "$2"
}
{
	s3140 'Nov 28 06:00:30' A100000001 a@hotmail.com
	sent 'Nov 28 06:00:40' A100000002 b@hotmail.com
	sent 'Nov 28 06:08:00' A100000003 c@hotmail.com
	sent 'Nov 28 06:16:00' A100000004 d@hotmail.com
	printf 'Nov 28 07:00:00 mx1 postfix/smtp[2500]: A100000005: to=<e@example.com>, relay=mx.example.com[192.0.2.20]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=4.7.1, status=deferred (host mx.example.com[192.0.2.20] said: 450 4.7.1 <script>alert(1)</script> \342\200\256deferred (in reply to RCPT TO command))\n'
	s3140 'Nov 29 05:59:00' A100000006 f@hotmail.com
} >"$T/mail.log"
status "scan" 0 "$BW" --db "$DB" --rules "$RULES" scan --year 2026 "$T/mail.log"
status "report --format html" 0 "$BW" --db "$DB" report --since 2026-11-28T06:00 --format html -o "$T/r.html"
H=$T/r.html
check "IP x pool matrix: open now" grep -q '<tr><th>203.0.113.7</th><td class="open">open</td></tr>' "$H"
check "advice URL is a link" grep -q '<a href="http://mail.live.com/mail/troubleshooting.aspx#errors">' "$H"
check "hostile reply escaped, no script element" sh -c "grep -q '&lt;script&gt;alert' '$H' && ! grep -qi '<script' '$H'"
check "bidi override shown, not obeyed" grep -qF '\u{202e}deferred' "$H"
check "short cells never break inside a word" grep -q 'th,td{white-space:nowrap}' "$H"
# bars: the episode cleared 16 minutes into a 24 h window is still >= 6 px wide
check "no sliver bars in the timeline" python3 - "$H" <<'PY'
import re, sys
w = [float(x) for x in re.findall(r'<rect x="[0-9.]+" y="[0-9.]+" width="([0-9.]+)" height="14"', open(sys.argv[1]).read())]
assert len(w) == 2 and min(w) >= 6, w
PY

command -v chromium >/dev/null 2>&1 || { notok "chromium is installed (Debian package chromium)"; finish; exit 1; }
rm -f "$ART/report.png"
timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$T/chr" \
	--enable-logging=stderr --v=0 --window-size=1200,1600 --screenshot="$ART/report.png" \
	"file://$H" >"$T/chr.out" 2>"$T/chr.err"
rc=$?
if [ $rc -eq 0 ] && [ -s "$ART/report.png" ]; then ok "chromium renders the page ($ART/report.png)"; else
	notok "chromium renders the page (exit $rc)" "$(tail -5 "$T/chr.err")"; finish; exit 1; fi
check "no console messages" sh -c "! grep -E 'CONSOLE|Uncaught' '$T/chr.err'"
check "the screenshot is not blank" python3 - "$ART/report.png" <<'PY'
import struct, sys, zlib
d = open(sys.argv[1], "rb").read()
assert d[:8] == b"\x89PNG\r\n\x1a\n"
pos, idat, w = 8, b"", 0
while pos < len(d):
    n, typ = struct.unpack(">I4s", d[pos:pos + 8])
    body = d[pos + 8:pos + 8 + n]
    if typ == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and ctype in (2, 6), (depth, ctype)
        bpp = 3 if ctype == 2 else 4
    elif typ == b"IDAT":
        idat += body
    pos += 12 + n
raw, stride = zlib.decompress(idat), w * bpp
prev, colours, inked, i = bytearray(stride), set(), 0, 0
for _ in range(h):
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b, c = prev[x], prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp * 4):
        px = bytes(line[x:x + 3]); colours.add(px); inked += px != b"\xff\xff\xff"
    prev = line
share = inked / (h * w / 4)
print("colours", len(colours), "non-white share", round(share, 3))
assert len(colours) > 20 and share > 0.05, (len(colours), share)
PY
finish
