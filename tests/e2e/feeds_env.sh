# Shared set-up of the feed tests (snds, feeds_day, feeds_tail): sourced
# after lib.sh, with $KEY set. Starts the SNDS stand-in (snds_server.py) on
# a free loopback port serving $S (stopped at exit), sets $URL, and writes
# the recording alert program $T/rec.sh: one env file per run (alert
# programs run several at once, so no shared counter); runs() counts them.
S=$T/srv
mkdir -p "$S" "$T/rec"
echo "$KEY" >"$S/key"
python3 "$TOP/tests/e2e/snds_server.py" "$S" "$T/port" &
at_exit "kill $! 2>/dev/null"
wait_until 60 test -s "$T/port" || notok "the HTTP server started"
URL="http://127.0.0.1:$(cat "$T/port")/snds/"
cat >"$T/rec.sh" <<REC
#!/bin/sh
env >"\$(mktemp "$T/rec/env.XXXXXX")"
REC
chmod 755 "$T/rec.sh"
runs() { ls "$T/rec" | grep -c '^env\.'; }
