#!/usr/bin/env python3
"""Appends Postfix delivery lines to a log, rotating it on the way, for the
tail end-to-end tests. Every line is one delivery attempt with a unique
queue id (its number in hex), so the database can be compared with the
writer exactly.

usage: tail_writer.py LOG FIRST COUNT [--chunk N] [--pause S]
                      [--rotate AT:KIND ...] [--late N] [--stamps FILE]
KIND: rename (logrotate's default: the logger writes --late more lines to
the renamed file before it reopens its log), copytruncate (copy, then
truncate in place), delete (unlink, then create again). Rotated files are
shifted like logrotate does: LOG.1 -> LOG.2 ... (rename keeps inodes).
--stamps FILE: write "queue_id<TAB>monotonic time" per line once appended
(the latency benchmark). The line shape is Postfix's smtp delivery record
(postfix/src/global/log_adhoc.c: to=, relay=, delay=, delays=, dsn=,
status=), with an RFC 3339 syslog stamp (rsyslog's high-precision format).
"""
import argparse, os, shutil, sys, time


def line(i):
    qid = "%011X" % (0x1A000000000 + i)
    t = time.time()
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".%06d+00:00" % (int(t * 1e6) % 1000000)
    return (f"{stamp} mx1 postfix/smtp[{2000 + i % 5000}]: {qid}: to=<user{i}@example.org>, "
            f"relay=mx.example.org[192.0.2.25]:25, delay=0.52, delays=0.1/0.01/0.2/0.21, "
            f"dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4Q{i:08X})\n"), qid


def shift(log):
    n = 1
    while os.path.exists(f"{log}.{n}"):
        n += 1
    for k in range(n - 1, 0, -1):
        os.rename(f"{log}.{k}", f"{log}.{k + 1}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("log")
    ap.add_argument("first", type=int)
    ap.add_argument("count", type=int)
    ap.add_argument("--chunk", type=int, default=50)
    ap.add_argument("--pause", type=float, default=0.005)
    ap.add_argument("--rotate", action="append", default=[])
    ap.add_argument("--late", type=int, default=20)
    ap.add_argument("--stamps")
    a = ap.parse_args()
    plan = {}
    for r in a.rotate:
        at, kind = r.split(":")
        plan[int(at)] = kind
    stamps = open(a.stamps, "w") if a.stamps else None
    f = open(a.log, "a")
    i, end = a.first, a.first + a.count
    while i < end:
        due = [at for at in plan if at <= i]
        kind = plan.pop(min(due)) if due else None
        if kind == "rename":
            shift(a.log)
            os.rename(a.log, a.log + ".1")
            for _ in range(min(a.late, end - i)):
                f.write(line(i)[0])
                i += 1
            f.close()
            f = open(a.log, "a")
        elif kind == "copytruncate":
            f.flush()
            shift(a.log)
            shutil.copyfile(a.log, a.log + ".1")
            os.truncate(a.log, 0)
            time.sleep(0.3)
        elif kind == "delete":
            f.close()
            os.unlink(a.log)
            f = open(a.log, "a")
        n = min(a.chunk, end - i)
        buf, ids = [], []
        for k in range(n):
            text, qid = line(i + k)
            buf.append(text)
            ids.append(qid)
        f.write("".join(buf))
        f.flush()
        if stamps:
            now = time.monotonic()
            stamps.write("".join(f"{q}\t{now:.6f}\n" for q in ids))
        i += n
        if a.pause:
            time.sleep(a.pause)
    f.close()
    if stamps:
        stamps.close()


if __name__ == "__main__":
    sys.exit(main())
