# sink_env.sh - the scripted SMTP servers (build/tools/smtpsink) that the
# delivering end-to-end tests send to: postfix_env.sh and mta_env.sh source it
# once they have chosen SINK_PORT. Sourced (POSIX sh) after lib.sh; no #! line.
#
# sink_start TABLE [MAX_SECONDS]: one smtpsink on every address of $SINK_ADDRS,
# port $SINK_PORT, answering as TABLE says (smtpsink's --table); with
# SINK_SAVE=DIR it keeps each message it receives there (--save). It runs
# until sink_stop, which the test's exit calls. MAX_SECONDS only ends a sink a
# test failed to stop; a loaded machine (the sanitizers, landing trains) can
# make a test run for minutes, and a sink gone early turns into deferrals and
# connection-refused rows that look like product faults, so a value below
# SINK_LIFE_MIN is raised to it.
SINK_ADDRS="127.0.0.2 127.0.0.3 127.0.0.4 127.0.0.5 127.0.0.6"
SINK_BIN="$TOP/${BW_BUILD:-build}/tools/smtpsink"
SINK_LOG="$T/smtpsink.log"
SINK_PID=""
SINK_LIFE_MIN=900

sink_start() {
	[ -x "$SINK_BIN" ] || make -s -C "$TOP" "${BW_BUILD:-build}/tools/smtpsink" >&2 || return 1
	_sink_life=${2:-$SINK_LIFE_MIN}
	[ "$_sink_life" -ge "$SINK_LIFE_MIN" ] 2>/dev/null || _sink_life=$SINK_LIFE_MIN
	rm -f "$T/sink.ready"
	set -- --table "$1" --max-seconds "$_sink_life" --conn-seconds 20 \
		--port "$SINK_PORT" --ready "$T/sink.ready" --log "$SINK_LOG"
	[ -n "${SINK_SAVE:-}" ] && set -- "$@" --save "$SINK_SAVE"
	for _sink_a in $SINK_ADDRS; do set -- "$@" --addr "$_sink_a"; done
	"$SINK_BIN" "$@" &
	SINK_PID=$!
	at_exit sink_stop
	_sink_i=0
	while [ $_sink_i -lt 50 ]; do
		[ -s "$T/sink.ready" ] && return 0
		kill -0 "$SINK_PID" 2>/dev/null || break
		sleep 0.1; _sink_i=$((_sink_i + 1))
	done
	echo "# smtpsink did not start" >&2; cat "$SINK_LOG" >&2; return 1
}

sink_stop() {
	[ -n "$SINK_PID" ] || return 0
	kill "$SINK_PID" 2>/dev/null
	wait "$SINK_PID" 2>/dev/null
	SINK_PID=""
}
