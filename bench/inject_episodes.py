#!/usr/bin/env python3
"""Adds three known block episodes to a loggen log (stdin -> stdout):
 A. Outlook.com consumer S3140 for lines [A0, A1): every status=sent to an
    *.olc.protection.outlook.com relay becomes a S3140 bounce (Microsoft 365
    tenants, *.mail.protection.outlook.com, keep accepting in between);
 B. GMX for [B0, B1): every status=sent to *.emig.gmx.net becomes the GMX
    "IP address is block listed" refusal, logged as real Postfix does with a
    backup MX: "host mx00 refused to talk to me" then status=deferred;
 C. T-Online for [C0, C1): likewise with T-Online's "(BL)" greeting.
Front-end server tags and ids vary per line as the providers' do."""
import random, re, sys
N = int(sys.argv[1])
A = (int(N * .30), int(N * .45)); B = (int(N * .55), int(N * .62)); C = (int(N * .75), int(N * .80))
rnd = random.Random(7)
regions = ["EUR01", "EUR02", "EUR03", "EUR05", "NAM02", "NAM04", "NAM11", "NAM12"]
def tag():
    r = rnd.choice(regions)
    return "[%s%02dFT%03d.eop-%s.prod.protection.outlook.com 2026-11-27T%02d:%02d:%02d.%03dZ %016X]" % (
        r[:2] + "P" if False else "DB5", rnd.randint(1, 9), rnd.randint(1, 99), r, rnd.randint(0, 23),
        rnd.randint(0, 59), rnd.randint(0, 59), rnd.randint(0, 999), rnd.getrandbits(64))
st = re.compile(r'^(.* postfix/smtp\[\d+\]: )(\w+): to=<([^>]*)>, relay=([^\[,]+)\[([^\]]+)\]:25, (delay=[^,]*, delays=[^,]*), dsn=[^,]*, status=sent \(.*\)$')
for i, line in enumerate(sys.stdin):
    line = line.rstrip("\n")
    m = st.match(line)
    if m:
        pre, qid, rcpt, relay, rip, delays = m.groups()
        if A[0] <= i < A[1] and relay.endswith(".olc.protection.outlook.com"):
            line = ("%s%s: to=<%s>, relay=%s[%s]:25, %s, dsn=5.7.1, status=bounced (host %s[%s] said: 550 5.7.1 "
                    "Unfortunately, messages from [203.0.113.7] weren't sent. Please contact your Internet service "
                    "provider since part of their network is on our block list (S3140). You can also refer your "
                    "provider to http://mail.live.com/mail/troubleshooting.aspx#errors. %s (in reply to MAIL FROM command))"
                    % (pre, qid, rcpt, relay, rip, delays, relay, rip, tag()))
        elif (B[0] <= i < B[1] and relay.endswith(".emig.gmx.net")) or (C[0] <= i < C[1] and relay.endswith(".t-online.de")):
            if relay.endswith(".emig.gmx.net"):
                text = ("554-gmx.net (mxgmx%03d) Nemesis ESMTP Service not available 554-No SMTP service 554-IP address "
                        "is block listed. 554 For explanation visit https://postmaster.gmx.net/en/case?c=hi&i=ip&v=203.0.113.7&r=%016X"
                        % (rnd.randint(100, 999), rnd.getrandbits(64)))
                first, final = "mx00.emig.gmx.net", "mx01.emig.gmx.net"
            else:
                text = ("554 IP=203.0.113.7 - A problem occurred. (Ask your postmaster for help or to contact "
                        "tosa@rx.t-online.de to clarify.) (BL)")
                first, final = "mx00.t-online.de", "mx01.t-online.de"
            print("%s%s: host %s[%s] refused to talk to me: %s" % (pre, qid, first, rip, text))
            line = ("%s%s: to=<%s>, relay=%s[%s]:25, %s, dsn=4.0.0, status=deferred (host %s[%s] refused to talk to me: %s)"
                    % (pre, qid, rcpt, final, rip, delays, final, rip, text))
    print(line)
