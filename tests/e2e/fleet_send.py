#!/usr/bin/env python3
"""One mail server of a fleet forwarding its log to a syslog relay, for
tests/e2e/fleet_rsyslog.sh.

usage: fleet_send.py PORT HOST FORM TRANSPORT LEDGER_DIR CLOCK_FILE < LINES

LINES are Postfix log lines in the traditional file form ("Nov 28 09:14:03
mx1 postfix/smtp[2212]: msg"); their time and host are replaced: each line
gets the next second of the shared clock (CLOCK_FILE holds the next epoch
second, so the lines of every server are in one time order) and HOST. FORM
is how the server's rsyslog would forward it to the collector at 127.0.0.1:PORT:
  3164      "<22>Nov 28 03:14:03 mx1 postfix/smtp[2212]: msg", UTC wall time
            (rsyslog's default forwarding template; RFC 3164 has no zone,
            the collector applies its own)
  fwd+01:00 "<22>2026-11-28T04:14:03.123456+01:00 mx2 postfix/smtp[2212]: msg"
            (RSYSLOG_ForwardFormat: RFC 3164 with an RFC 3339 time; the
            offset after "fwd" is the server's zone)
  5424Z, 5424-05:00
            "<22>1 2026-11-28T03:14:03.123456Z mx3 postfix/smtp 2212 - - msg"
            (RFC 5424, RSYSLOG_SyslogProtocol23Format)
TRANSPORT: tcp (one connection, each message ended by LF: RFC 6587
non-transparent framing), tcp-octet (RFC 6587 octet counting: "LEN SP MSG"),
udp (one datagram per message, RFC 5426).
PRI 22 is facility mail (2), severity info (6) (RFC 5424 section 6.2.1).
Non-RFC-3164 forms carry microseconds (a different fraction per line).

Each line sent is appended to LEDGER_DIR/HOST in the traditional form with the
time field replaced by the UTC epoch ("%.6f") the collector must store for it,
so tests/e2e/postfix_rows.awk lists the expected rows with their times.
"""
import datetime, os, re, socket, sys

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
HEADER = re.compile(r"^[A-Z][a-z]{2} +\d+ \S+ \S+ (.+)$")
TAG = re.compile(r"^([^\s\[:]+)(?:\[(\d+)\])?: ?(.*)$")


def stamp(form, t):
    """The syslog message's time field for epoch t (float)."""
    if form == "3164":
        d = datetime.datetime.fromtimestamp(int(t), datetime.timezone.utc)
        return "%s %2d %02d:%02d:%02d" % (MONTHS[d.month - 1], d.day, d.hour, d.minute, d.second)
    off = form[4:] if form.startswith("5424") else form[3:]
    if off == "Z":
        tz, suffix = datetime.timezone.utc, "Z"
    else:
        sign = -1 if off[0] == "-" else 1
        tz = datetime.timezone(sign * datetime.timedelta(hours=int(off[1:3]), minutes=int(off[4:6])))
        suffix = off
    d = datetime.datetime.fromtimestamp(t, tz)
    return d.strftime("%Y-%m-%dT%H:%M:%S") + ".%06d" % d.microsecond + suffix


def message(form, host, t, rest):
    if not form.startswith("5424"):
        return "<22>%s %s %s" % (stamp(form, t), host, rest)
    m = TAG.match(rest)
    app, pid, msg = (m.group(1), m.group(2) or "-", m.group(3)) if m else ("-", "-", rest)
    return "<22>1 %s %s %s %s - - %s" % (stamp(form, t), host, app, pid, msg)


def main():
    port, host, form, transport, ledger_dir, clock_file = sys.argv[1:7]
    port = int(port)
    with open(clock_file) as f:
        clock = int(f.read().split()[0])
    out = []
    ledger = []
    for n, line in enumerate(sys.stdin.read().splitlines()):
        m = HEADER.match(line)
        if not m:
            continue
        rest = m.group(1)
        frac = 0 if form == "3164" else ((clock * 7919 + n * 104729) % 999999 + 1) / 1e6
        t = clock + frac
        clock += 1
        out.append(message(form, host, t, rest).encode())
        d = datetime.datetime.fromtimestamp(int(t), datetime.timezone.utc)
        ledger.append("%s %d %.6f %s %s\n" % (MONTHS[d.month - 1], d.day, t, host, rest))
    if transport == "udp":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        for m in out:
            s.sendto(m, ("127.0.0.1", port))
        s.close()
    else:
        s = socket.create_connection(("127.0.0.1", port), 5)
        if transport == "tcp-octet":
            s.sendall(b"".join(b"%d %s" % (len(m), m) for m in out))
        else:
            s.sendall(b"".join(m + b"\n" for m in out))
        s.shutdown(socket.SHUT_WR)
        s.recv(1)	# the relay closes its side once it has read everything
        s.close()
    with open(os.path.join(ledger_dir, host), "a") as f:
        f.writelines(ledger)
    with open(clock_file, "w") as f:
        f.write("%d\n" % clock)


main()
