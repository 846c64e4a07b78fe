#!/usr/bin/env python3
"""journal_send - a syslog log file into a journald, through its native socket.

usage: journal_send.py LOG SOCKET

Each line "STAMP HOST PROG[PID]: MESSAGE" (RFC 3164 or RFC 3339 stamp) is
sent as one entry with SYSLOG_IDENTIFIER=PROG, SYSLOG_PID=PID and
MESSAGE=MESSAGE (the journal stamps it with the time it receives it). Lines
without that shape are sent whole as MESSAGE. Prints the number sent.
"""
import re
import socket
import sys

HDR = re.compile(rb"^(?:\w{3} [ \d]\d [\d:]{8}|\d{4}-\d\d-\d\dT\S+) \S+ ([^\s\[:]+)(?:\[(\d+)\])?: (.*)$")


def main():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    s.connect(sys.argv[2])
    n = 0
    with open(sys.argv[1], "rb") as f:
        for line in f:
            line = line.rstrip(b"\n")
            m = HDR.match(line)
            if m:
                d = b"SYSLOG_IDENTIFIER=" + m.group(1) + b"\n"
                if m.group(2):
                    d += b"SYSLOG_PID=" + m.group(2) + b"\n"
                d += b"MESSAGE=" + m.group(3) + b"\n"
            else:
                d = b"MESSAGE=" + line + b"\n"
            while True:
                try:
                    s.send(d)
                    break
                except BlockingIOError:
                    continue
            n += 1
    print(n)


if __name__ == "__main__":
    main()
