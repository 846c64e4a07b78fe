#!/usr/bin/env python3
"""Writes fixture.log (a Postfix log, RFC 3164, year 2026, times in UTC) and
fixture.sql (the deliveries rows bouncewatch stores for it, with the verdicts
the starter rules give) from one list of deliveries, so that `report` on
fixture.sql and `pflogsumm` on fixture.log describe the same mail.
Run from this directory: python3 mkfixture.py"""
import calendar, time

ME = "mx1"
IP = "203.0.113.7"
MS1 = ("outlook-com.olc.protection.outlook.com", "52.101.0.1")
MS2 = ("outlook-com.olc.protection.outlook.com", "52.101.0.2")
GM = ("gmail-smtp-in.l.google.com", "142.250.102.27")
YH = ("mta7.am0.yahoodns.net", "67.195.204.72")
EX = ("mx.example.org", "192.0.2.25")

# Reply wordings as the providers document them (see patterns/ for sources).
S3140 = ("550 5.7.1 Unfortunately, messages from [203.0.113.7] weren't sent. Please contact "
         "your Internet service provider since part of their network is on our block list "
         "(S3140). You can also refer your provider to "
         "http://mail.live.com/mail/troubleshooting.aspx#errors. "
         "[AM4PEPF0002{n}.eurprd04.prod.outlook.com 2026-11-21T0{h}:00:02.123Z 08DCE00000000{n}]")
REP = ("451 4.7.650 The mail server [203.0.113.7] has been temporarily rate limited due to "
       "IP reputation. For e-mail delivery information, see https://postmaster.live.com "
       "(S775) [DB5PEPF000{n}.eurprd02.prod.outlook.com]")
G428 = ("421-4.7.28 [203.0.113.7      {n}] Our system has detected an unusual rate of "
        "421-4.7.28 unsolicited mail originating from your IP address. To protect our users "
        "421-4.7.28 from spam, mail sent from your IP address has been temporarily rate "
        "421 4.7.28 limited. {n}si1234567abc.{n} - gsmtp")
TSS04 = ("421 4.7.0 [TSS04] Messages from 203.0.113.7 temporarily deferred due to unexpected "
         "volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes")
UNK = ("550 5.1.1 <u3@example.org>: Recipient address rejected: User unknown in virtual "
       "mailbox table")

# ts (UTC), queue id, recipient, relay, delay, status, reply, stage, provider, rule, category, block
D = []
def add(ts, rcpt, relay, delay, status, reply=None, stage=None, provider=None, rule=None,
        cat=None, block=0, sip=None):
    D.append(dict(ts=ts, rcpt=rcpt, relay=relay, delay=delay, status=status, reply=reply,
                  stage=stage, provider=provider, rule=rule, cat=cat, block=block, sip=sip))

for t, r, d in [("2026-11-20 10:00:01", "alice@outlook.com", 1.5), ("2026-11-20 10:05:01", "bob@outlook.com", 2.5),
                ("2026-11-20 11:00:01", "carol@outlook.com", 0.5), ("2026-11-20 11:30:01", "dave@hotmail.com", 3.5),
                ("2026-11-20 12:00:01", "erin@outlook.com", 1.0), ("2026-11-20 12:10:01", "frank@hotmail.com", 1.0)]:
    add(t, r, MS1, d, "sent", provider="microsoft")
for t, r, d in [("2026-11-20 13:00:01", "g1@gmail.com", 2.0), ("2026-11-20 13:10:01", "g2@gmail.com", 4.0),
                ("2026-11-20 14:00:01", "g3@gmail.com", 1.0), ("2026-11-20 14:20:01", "g4@gmail.com", 3.0)]:
    add(t, r, GM, d, "sent", provider="google")
add("2026-11-20 15:00:01", "y1@yahoo.com", YH, 5.0, "sent", provider="yahoo")
add("2026-11-20 16:00:01", "u1@example.org", EX, 0.8, "sent")
add("2026-11-20 16:30:01", "u2@example.org", EX, 1.2, "sent")
for n, (t, r) in enumerate([("2026-11-21 08:00:02", "h1@outlook.com"), ("2026-11-21 08:30:02", "h2@outlook.com"),
                            ("2026-11-21 09:00:02", "h3@hotmail.com")]):
    add(t, r, MS2, 0.9, "bounced", S3140.format(n=70 + n, h=8 + n // 2), "MAIL", "microsoft",
        "microsoft-s3140", "blocklist", 1, IP)
add("2026-11-21 09:15:00", "h4@hotmail.com", MS2, 1.1, "deferred", REP.format(n=11), "RCPT",
    "microsoft", "microsoft-ip-reputation", "reputation", 0, IP)
add("2026-11-21 10:00:03", "g5@gmail.com", GM, 2.2, "deferred", G428.format(n=15), "EOD",
    "google", "google-4.7.28", "rate", 0, IP)
add("2026-11-21 10:20:03", "g6@gmail.com", GM, 2.4, "deferred", G428.format(n=16), "EOD",
    "google", "google-4.7.28", "rate", 0, IP)
add("2026-11-21 11:00:04", "y2@yahoo.com", YH, 0.7, "deferred", TSS04, "CONNECT", "yahoo",
    "yahoo-tss04", "reputation", 1, IP)
add("2026-11-21 12:00:05", "u3@example.org", EX, 0.6, "bounced", UNK, "RCPT", None,
    "user-unknown", "user-unknown", 0)
add("2026-11-22 09:00:00", "g7@gmail.com", GM, 6.0, "sent", provider="google")
OUTSIDE = dict(ts="2026-11-10 10:00:00", rcpt="old@gmail.com", relay=GM, delay=1.0,
               status="sent", reply=None, stage=None, provider="google", rule=None, cat=None,
               block=0, sip=None)

STAGE_TEXT = {"MAIL": "MAIL FROM", "RCPT": "RCPT TO", "EOD": "end of DATA", "CONNECT": None}

def epoch(ts):
    return calendar.timegm(time.strptime(ts, "%Y-%m-%d %H:%M:%S"))

def syslog_time(ts):
    t = time.strptime(ts, "%Y-%m-%d %H:%M:%S")
    return time.strftime("%b %e %H:%M:%S", t)

def log_lines(i, d):
    e = epoch(d["ts"])
    qid = "4F%03dA%04X" % (i, i * 7919 % 65536)
    host, ip = d["relay"]
    sender = "news@example.net"
    lines = []
    def at(off, prog, pid, text):
        lines.append((e + off, "%s %s %s[%d]: %s" % (syslog_time(time.strftime(
            "%Y-%m-%d %H:%M:%S", time.gmtime(e + off))), ME, prog, pid, text)))
    at(-2, "postfix/pickup", 900, "%s: uid=1000 from=<%s>" % (qid, sender))
    at(-2, "postfix/cleanup", 901, "%s: message-id=<%d.%s@example.net>" % (qid, e, qid))
    at(-1, "postfix/qmgr", 902, "%s: from=<%s>, size=%d, nrcpt=1 (queue active)" % (qid, sender, 1200 + i))
    dl = d["delay"]
    head = "%s: to=<%s>, relay=%s[%s]:25, delay=%.1f, delays=0.1/0/%.1f/%.1f, " % (
        qid, d["rcpt"], host, ip, dl, dl / 2 - 0.05, dl / 2 - 0.05)
    if d["status"] == "sent":
        dsn, detail = "2.0.0", "250 2.0.0 OK %d %s - queued" % (e, qid)
    else:
        dsn = d["reply"].split()[1] if d["reply"][3] == " " else d["reply"][4:10]
        stage = STAGE_TEXT[d["stage"]]
        if stage is None:
            detail = "host %s[%s] refused to talk to me: %s" % (host, ip, d["reply"])
        else:
            detail = "host %s[%s] said: %s (in reply to %s command)" % (host, ip, d["reply"], stage)
    at(0, "postfix/smtp", 1000 + i, head + "dsn=%s, status=%s (%s)" % (dsn, d["status"], detail))
    if d["status"] == "bounced":
        at(0, "postfix/bounce", 1500, "%s: sender non-delivery notification: 5%s" % (qid, qid[1:]))
    if d["status"] != "deferred":
        at(0, "postfix/qmgr", 902, "%s: removed" % qid)
    return lines

def sql_str(v):
    if v is None:
        return "NULL"
    if isinstance(v, (int, float)):
        return repr(v)
    return "'" + v.replace("'", "''") + "'"

def sql_row(i, d, src=1):
    host, ip = d["relay"]
    dom = d["rcpt"].split("@")[1]
    code = int(d["reply"][:3]) if d["reply"] else None
    dsn = None
    if d["reply"]:
        dsn = d["reply"].split()[1] if d["reply"][3] == " " else d["reply"][4:10]
    reply = d["reply"] if d["reply"] else "250 2.0.0 OK"
    vals = [src * 2 ** 40 + i, "%d" % epoch(d["ts"]), ME, "postfix", "postfix/smtp",
            "4F%03dA%04X" % (i, i * 7919 % 65536), "news@example.net", d["rcpt"], None, dom, host,
            ip, 25, d["status"], code if d["reply"] else 250, dsn or "2.0.0", d["stage"], reply,
            d["delay"], None, d["rule"], d["provider"], d["cat"], d["block"], d["sip"], src, i]
    return "(" + ", ".join(sql_str(v) if not (j == 1) else v for j, v in enumerate(vals)) + ")"

rows = [OUTSIDE] + D
lines = []
for i, d in enumerate(rows):
    lines += log_lines(i, d)
lines.sort(key=lambda x: x[0])
with open("fixture.log", "w") as f:
    for _, l in lines:
        f.write(l + "\n")
with open("fixture.sql", "w") as f:
    f.write("-- generated by mkfixture.py: the deliveries of fixture.log as bouncewatch stores them\n")
    f.write("INSERT INTO sources (id, path, dev, ino, fp, fp_len, offset, active, first_seen, updated)"
            " VALUES (1, 'fixture.log', 1, 1, 0, 0, 0, 1, 1795000000, 1795000000);\n")
    f.write("INSERT INTO deliveries (id, ts, host, mta, program, queue_id, sender, recipient, orig_to,"
            " rcpt_domain, relay_host, relay_ip, relay_port, status, smtp_code, dsn, stage, reply,"
            " delay, delays, rule_id, provider, category, is_block, sending_ip, source_id, offset)"
            " VALUES\n")
    f.write(",\n".join(sql_row(i, d) for i, d in enumerate(rows)) + ";\n")
