# Waiting helpers, sourced (POSIX sh) by tests/e2e/lib.sh and by the
# benchmarks that start the same servers (bench/journal.sh): not run.
# wait_for TENTHS COMMAND...: polls COMMAND (a program or a shell function)
# every 0.1 s until it succeeds, at most TENTHS times; its status is the last run's.
wait_for() { _wait_for_n=$1; shift; _wait_for_i=0; while ! "$@" && [ $_wait_for_i -lt "$_wait_for_n" ]; do sleep 0.1; _wait_for_i=$((_wait_for_i + 1)); done; "$@"; }
# wait_until SECONDS COMMAND...: polls COMMAND every 0.1 s until it succeeds
# or SECONDS of wall-clock time have passed (however slow each poll is under
# load); its status is the last run's.
wait_until() { _wait_until_end=$(($(date +%s) + $1)); shift; while ! "$@" && [ "$(date +%s)" -lt "$_wait_until_end" ]; do sleep 0.1; done; "$@"; }
