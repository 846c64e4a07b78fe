#!/usr/bin/env python3
"""A stand-in SNDS server for tests/e2e/snds.sh: a real HTTP server on
loopback that serves the two SNDS feeds from files, in the documented shape
(CSV, no header, CRLF), plus the failures a real one shows.

usage: snds_server.py DIR PORTFILE
  GET /snds/data.aspx?key=K[&date=D]  -> DIR/data[-D].csv
  GET /snds/ipStatus.aspx?key=K       -> DIR/status.csv
Behaviour is chosen per request by files in DIR, so a test can change it
between fetches: 'key' holds the one key accepted (401 otherwise), 'fail'
holds an HTTP status to answer with, 'slow' holds seconds to wait before
answering. Every request is appended to DIR/requests.log.
"""
import http.server
import os
import sys
import time
import urllib.parse

DIR, PORTFILE = sys.argv[1], sys.argv[2]


def read(name):
    try:
        with open(os.path.join(DIR, name), "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        pass

    def answer(self, code, body=b""):
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        q = urllib.parse.parse_qs(url.query)
        with open(os.path.join(DIR, "requests.log"), "a") as log:
            log.write(self.path + "\n")
        slow = read("slow")
        if slow:
            time.sleep(float(slow))
        fail = read("fail")
        if fail:
            return self.answer(int(fail), b"Service Unavailable\r\n")
        key = (read("key") or b"").decode().strip()
        if q.get("key", [""])[0] != key:
            return self.answer(401, b"Unauthorized\r\n")
        if url.path == "/snds/data.aspx":
            date = q.get("date", [""])[0]
            body = read("data-%s.csv" % date if date else "data.csv")
        elif url.path == "/snds/ipStatus.aspx":
            body = read("status.csv")
        else:
            return self.answer(404, b"Not Found\r\n")
        self.answer(200, body or b"")


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(PORTFILE + ".tmp", "w") as f:
    f.write("%d\n" % server.server_address[1])
os.rename(PORTFILE + ".tmp", PORTFILE)
server.serve_forever()
