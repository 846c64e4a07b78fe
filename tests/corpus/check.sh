#!/bin/sh
# check.sh - the labelled reply corpus against the rule library.
#
#   sh tests/corpus/check.sh PATTERNS_DIR REPLIES_TSV [BOUNCEWATCH]
#
# Checks every rule file (keys, categories, no continuation lines,
# examples matched first by their own rule, example_ip captured) and every
# corpus row (first matching rule = rule_id, captured IP = sending_ip, no
# false block). Prints category agreement and block precision/recall.
# With BOUNCEWATCH, rows are classified by `BOUNCEWATCH --rules DIR rules
# classify` when the binary has it; otherwise by libpcre2-8 directly (same
# options as the engine: no UTF, JIT). Exit 0 ok, 1 mismatch, 2 usage.
set -eu

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
	echo "usage: $0 PATTERNS_DIR REPLIES_TSV [BOUNCEWATCH]" >&2
	exit 2
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "$0: python3 is needed" >&2
	exit 2
fi
here=$(dirname "$0")
exec python3 "$here/validate.py" "$@"
