# Waiting helpers, sourced (POSIX sh) by tests/e2e/lib.sh and by the
# benchmarks that start the same servers (bench/journal.sh): not run.
# Both return 0 as soon as one run of COMMAND succeeds, without running it
# again: a condition on a system that keeps moving (a log still written, rows
# still committed) may hold at one look and not at the next, and a second look
# after a success would fail a test that saw what it waited for. Once the
# time is up, COMMAND runs one last time and the status is that run's.
# wait_for TENTHS COMMAND...: polls COMMAND (a program or a shell function)
# every 0.1 s, at most TENTHS times after the first.
wait_for() {
	_wait_for_n=$1; shift; _wait_for_i=0
	while [ $_wait_for_i -lt "$_wait_for_n" ]; do
		"$@" && return 0
		sleep 0.1; _wait_for_i=$((_wait_for_i + 1))
	done
	"$@"
}
# wait_until SECONDS COMMAND...: polls COMMAND every 0.1 s until SECONDS of
# wall-clock time have passed (however slow each poll is under load).
wait_until() {
	_wait_until_end=$(($(date +%s) + $1)); shift
	while [ "$(date +%s)" -lt "$_wait_until_end" ]; do
		"$@" && return 0
		sleep 0.1
	done
	"$@"
}
