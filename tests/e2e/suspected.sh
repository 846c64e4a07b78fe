#!/bin/sh
# suspected: the detector that needs no rule, end to end. A real Postfix on
# loopback (tests/e2e/postfix_env.sh) delivers to scripted SMTP servers that
# refuse in words no rule knows, and `bouncewatch scan` reads its log.
#   example.com  refuses six recipients with one reply (a ref number and the
#                address aside): the shape of a block -> one SUSPECTED episode,
#                announced with the reply and the counts as evidence, in
#                blocks, report and check; `rules test` lists it first;
#   example.net  refuses six recipients with 550 5.2.0 (a mailbox code, no
#                rule): a wave of per-recipient refusals, no episode;
#   example.org  refuses six recipients, each in words naming the person: no
#                two replies alike, no episode;
#   and with --suspect-recipients 0 nothing is suspected at all.
# The block accuracy figures never count these: the rows stay is_block = 0.
# Needs root (Postfix). Fails, never skips, when Postfix cannot run. Every
# process it starts is stopped by pid.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/postfix_env.sh"
DB=$T/s.db

hold='550 5.7.0 Message refused by PolicyShield (ref 8812): sender server on hold'
{
	printf '@example.com\t%s\n' "$hold"
	printf '@example.net\t%s\n' '550 5.2.0 Mailbox unavailable at PolicyShield'
	for who in alice bob carol dave erin frank; do
		printf '%s@example.org\t550 %s has left Example Org, mail to this address is not read\n' "$who" "$who"
	done
} >"$T/table"

if ! sink_start "$T/table"; then
	notok "scripted SMTP server starts"; exit 1
fi
if ! pf_start; then
	notok "Postfix instance starts (root, Debian postfix >= 3.4 needed)"; exit 1
fi
ok "Postfix and the scripted servers run"

fails=""
for who in alice bob carol dave erin frank; do
	for dom in example.com example.net example.org; do
		# the sender is at gmail.com: the bounce notices go there and are accepted
		pf_send newsletter@gmail.com "$who@$dom" "bouncewatch suspected $who" 2>>"$T/send.err" ||
			fails="$fails $who@$dom"
	done
done
eq "18 messages accepted by smtpd" "" "$fails"
pf_wait_log ' to=<[^>]*@example\.[a-z]*>, .*status=bounced' 18 40
pf_wait_idle 20

status "scan" 0 "$BW" --db "$DB" --rules "$RULES" scan "$PF_LOG"
err=$T/.err
eq "one episode: SUSPECTED at example.com, all six refusals in it (the generic 5.7.x guess as its rule)" "SUSPECTED|example.com|6|1" \
	"$(sql "$DB" "SELECT kind || '|' || pool || '|' || event_count || '|' || (rule_id IS NOT NULL) FROM episodes")"
check "evidence: the counts, nothing accepted, no rule" sh -c "sqlite3 '$DB' 'SELECT evidence FROM episodes' | grep -Eq '^5 recipients refused with this reply within [0-9]+m[0-9]{2}s since 20[0-9-]+T[0-9:]+Z, nothing accepted; no rule calls it a block\$'"
eq "the first reply stored as evidence too" "$hold" "$(sql "$DB" "SELECT first_reply FROM episodes")"
check "announced: SUSPECTED OPEN with the reply and the evidence" \
	grep -q "^SUSPECTED OPEN example.com [^ ]* content since .*: $hold — evidence: 5 recipients refused" "$err"
eq "the refusals stay is_block = 0 (accuracy figures count rules' blocks only)" 0 \
	"$(sql "$DB" "SELECT count(*) FROM deliveries WHERE is_block = 1")"

"$BW" --db "$DB" blocks >"$T/blocks" 2>&1
check "blocks: SUSPECTED OPEN and its evidence" sh -c "grep -q '^example.com [^ ]* content: SUSPECTED OPEN since' '$T/blocks' && grep -q '^  evidence: 5 recipients refused' '$T/blocks'"
"$BW" --db "$DB" report --since 1d --format json >"$T/r.json" 2>/dev/null
check "report: kind and behaviour" python3 -c '
import json, sys
b = json.load(open(sys.argv[1]))["blocks"]
assert [(x["kind"], x["pool"]) for x in b] == [("SUSPECTED", "example.com")], b
assert b[0]["behaviour"].startswith("5 recipients refused"), b' "$T/r.json"
"$BW" --db "$DB" check --min-attempts 1000 >"$T/check" 2>&1
eq "check: WARNING (exit 1)" 1 $?
check "check: the suspected episode named" grep -q '^BOUNCEWATCH WARNING - 0 open blocks and 1 suspected (SUSPECTED example.com .*open_suspected=1;' "$T/check"

"$BW" --rules "$RULES" rules test "$PF_LOG" >"$T/test" 2>&1
check "rules test: the reply listed first, as a rule to write" sh -c "
	sed -n '/^Rules to write first/,/^\$/p' '$T/test' | sed -n 2p |
	grep -Eq '^ +6  example.com  550 5.7.0 Message refused by PolicyShield \\(ref <n>\\): sender server on hold\$'"
check "rules test: the per-recipient waves are not among them" sh -c "! sed -n '/^Rules to write first/,/^\$/p' '$T/test' | grep -Eq 'example.(net|org)'"

status "scan with --suspect-recipients 0" 0 "$BW" --db "$T/off.db" --rules "$RULES" scan --suspect-recipients 0 "$PF_LOG"
eq "... no episode" 0 "$(sql "$T/off.db" "SELECT count(*) FROM episodes")"
status "--suspect-recipients 1 is a usage error" 2 "$BW" --db "$T/x.db" scan --suspect-recipients 1 "$PF_LOG"
status "--suspect-window 0 is a usage error" 2 "$BW" --db "$T/x.db" scan --suspect-window 0 "$PF_LOG"
status "scan with --suspect-recipients 7" 0 "$BW" --db "$T/seven.db" --rules "$RULES" scan --suspect-recipients 7 "$PF_LOG"
eq "... six recipients are not seven: no episode" 0 "$(sql "$T/seven.db" "SELECT count(*) FROM episodes")"
