#!/usr/bin/env python3
"""Latency of `bouncewatch tail`: from a line appended to its row committed.

usage: tail_latency.py LOG DB [--lines N] [--rate LINES_PER_S] [--journal-socket PATH]
                       [--block-every K] [--start I] [--steady-after S] [--dump FILE]

Appends N Postfix delivery lines (unique queue ids) to LOG at a steady rate,
recording for each the monotonic time just after its write() returned. In
the same loop it polls DB (a read-only connection; WAL lets it read while
tail writes) every POLL seconds for rows it has not seen yet, and records
the time each queue id first becomes visible, i.e. committed. latency =
visible - appended. The method over-states each latency by up to one poll
interval (uniform, 2.5 ms on average at POLL = 5 ms) and needs no hook in
the program under test. Prints p50, p90, p99 and max in milliseconds, the
latency of the first line (first_ms: it comes after the tail was idle) and
the p99 of the lines appended S seconds (--steady-after, 1) or more after
the first (steady_p99_ms).

--journal-socket PATH: instead of appending to LOG, each line's message is
sent to a journald's native socket (SYSLOG_IDENTIFIER, SYSLOG_PID, MESSAGE;
the time is taken just after sendto() returned, i.e. before journald has
received it), for `tail --journal`. The latency is then also split at the
entry's __REALTIME_TIMESTAMP (the row's ts, journald's own stamp): journald_*
is stamped - sent (wall clock), reader_* is committed - stamped.
--dump FILE writes one line per line sent: queue id, sent, row ts and
committed (wall clock seconds; 0 when never committed).
--start I numbers the lines (and their queue ids) from I, so that several
runs can share one log, journal or database.
--block-every K makes every K-th line an Outlook.com S3140 refusal naming a
new sending IP (198.18.x.y), so each opens a block episode (and, with DNS
checks on, asks the resolver about that IP).
"""
import argparse, socket, sqlite3, sys, time

POLL = 0.005


def line(i, block=False):
    t = time.time()
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".%06d+00:00" % (int(t * 1e6) % 1000000)
    qid = "%011X" % (0x2C000000000 + i)
    if block:
        ip = "198.18.%d.%d" % ((i >> 8) & 255, i & 255)
        return qid, (f"{stamp} mx1 postfix/smtp[{3000 + i % 500}]: {qid}: to=<user{i}@hotmail.com>, "
                     f"relay=hotmail-com.olc.protection.outlook.com[52.101.8.44]:25, delay=1.2, "
                     f"delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host "
                     f"hotmail-com.olc.protection.outlook.com[52.101.8.44] said: 550 5.7.1 "
                     f"Unfortunately, messages from [{ip}] weren't sent. Please contact your Internet "
                     f"service provider since part of their network is on our block list (S3140). "
                     f"(in reply to RCPT TO command))\n")
    return qid, (f"{stamp} mx1 postfix/smtp[{3000 + i % 500}]: {qid}: to=<user{i}@example.net>, "
                 f"relay=mx.example.net[192.0.2.26]:25, delay=0.41, delays=0.1/0.01/0.1/0.2, "
                 f"dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 5R{i:08X})\n")


def quantile(v, p):
    """The p-th percentile of the sorted list v (nearest rank below)."""
    return v[min(len(v) - 1, int(p / 100 * len(v)))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("db")
    ap.add_argument("--lines", type=int, default=10000)
    ap.add_argument("--rate", type=float, default=500)
    ap.add_argument("--journal-socket")
    ap.add_argument("--block-every", type=int, default=0)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--steady-after", type=float, default=1.0)
    ap.add_argument("--dump")
    a = ap.parse_args()
    db = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    appended, seen, last_id = {}, {}, -1
    sent_wall, seen_wall, row_ts = {}, {}, {}

    def poll():
        nonlocal last_id
        now, wall = time.monotonic(), time.time()
        for rid, qid, ts in db.execute("SELECT id, queue_id, ts FROM deliveries WHERE id > ? ORDER BY id",
                                       (last_id,)):
            last_id = rid
            if qid not in seen:
                seen[qid], seen_wall[qid], row_ts[qid] = now, wall, ts

    js = None
    if a.journal_socket:
        js = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        js.connect(a.journal_socket)
    f = None if js else open(a.log, "a")
    t0 = time.monotonic()
    next_poll = t0
    for i in range(a.lines):
        due = t0 + i / a.rate
        while True:
            now = time.monotonic()
            if now >= next_poll:
                poll()
                next_poll = now + POLL
            if now >= due:
                break
            time.sleep(min(due, next_poll) - now if min(due, next_poll) > now else 0)
        qid, text = line(a.start + i, a.block_every > 0 and i % a.block_every == 0)
        if js:
            msg = text.split("]: ", 1)[1].rstrip("\n")
            js.send(f"SYSLOG_IDENTIFIER=postfix/smtp\nSYSLOG_PID={3000 + i % 500}\n"
                    f"MESSAGE={msg}\n".encode())
        else:
            f.write(text)
            f.flush()
        appended[qid] = time.monotonic()
        sent_wall[qid] = time.time()
    if f:
        f.close()
    end = time.monotonic() + 10
    while any(q not in seen for q in appended) and time.monotonic() < end:
        poll()
        time.sleep(POLL)
    lat = sorted((seen[q] - t) * 1000 for q, t in appended.items() if q in seen)
    if not lat:
        print("no row became visible")
        return 1
    q50 = lambda v: quantile(v, 50)
    q99 = lambda v: quantile(v, 99)
    out = (f"lines={len(appended)} committed={len(lat)} rate={a.rate:.0f}/s "
           f"p50_ms={q50(lat):.1f} p90_ms={quantile(lat, 90):.1f} p99_ms={q99(lat):.1f} max_ms={lat[-1]:.1f}")
    # The first line comes after the tail has been idle; the steady p99 leaves
    # out the lines of the first --steady-after seconds (a reader that is
    # told of changes late, like the journal's, shows that delay there).
    order = sorted(appended, key=appended.get)
    t_first = appended[order[0]]
    steady = sorted((seen[q] - appended[q]) * 1000 for q in order
                    if q in seen and appended[q] - t_first >= a.steady_after)
    if order[0] in seen:
        out += f" first_ms={(seen[order[0]] - t_first) * 1000:.1f}"
    if steady:
        out += f" steady_p99_ms={q99(steady):.1f}"
    if js:
        # The two parts of each latency, split at the entry's
        # __REALTIME_TIMESTAMP (the row's ts). journald stamps an entry with
        # the time its event loop started processing the datagram, right
        # before writing it (dispatch_message_real() in systemd's
        # journald-server.c). journald = stamped - sent: the datagram waiting
        # in journald's socket; reader = committed - stamped: the write, the
        # reader learning of it, reading, committing, and this poll.
        got = [q for q in order if q in seen]
        jd = sorted((row_ts[q] - sent_wall[q]) * 1000 for q in got)
        bw = sorted((seen_wall[q] - row_ts[q]) * 1000 for q in got)
        out += (f" journald_p50_ms={q50(jd):.1f} journald_p99_ms={q99(jd):.1f} journald_max_ms={jd[-1]:.1f}"
                f" reader_p50_ms={q50(bw):.1f} reader_p99_ms={q99(bw):.1f} reader_max_ms={bw[-1]:.1f}")
    if a.dump:
        with open(a.dump, "w") as d:
            for q in order:
                d.write("%s %.6f %.6f %.6f\n" % (q, sent_wall[q], row_ts.get(q, 0), seen_wall.get(q, 0)))
    print(out)
    return 0 if len(lat) == len(appended) else 1


if __name__ == "__main__":
    sys.exit(main())
