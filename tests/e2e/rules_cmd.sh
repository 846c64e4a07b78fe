#!/bin/sh
# `bouncewatch rules check|list|test` against the unit-test fixture rules and
# a small Postfix log: exit codes, the check summary, error lines with
# file:line, shadowed examples, hit counts, unmatched groups, --explain.
. "$(dirname "$0")/lib.sh"
FX="$TOP/tests/unit/fixtures/rules-basic"
LOG="$TOP/tests/e2e/data/rules_test.log"

status "check fixtures" 0 "$BW" rules check --rules "$FX"
eq "check summary" "5 rules in 3 files: ok" "$(cat "$T/.out")"

mkdir "$T/bad"
printf '[a]\ncategory = nope\nmatch = ^5(\n[b]\ncategory = other\nmatch = x\nblock = maybe\n' >"$T/bad/a.rules"
status "check broken rules" 2 "$BW" rules check --rules "$T/bad"
eq "all load errors listed" "$T/bad/a.rules:2: unknown category 'nope'
$T/bad/a.rules:7: block must be yes or no, not 'maybe'
$T/bad/a.rules:3: match: missing closing parenthesis (PCRE2 offset 3)" "$(cat "$T/.err")"

mkdir "$T/shadow"
printf '[wide]\ncategory = other\nmatch = ^550\nexample = 550 x\n[narrow]\ncategory = other\nmatch = ^550 5\\.1\\.1\nexample = 550 5.1.1 y\n[noex]\ncategory = other\nmatch = zzz\n' >"$T/shadow/a.rules"
status "check shadowed example" 2 "$BW" rules check --rules "$T/shadow"
eq "shadowed example reported" "$T/shadow/a.rules:8: example of narrow is classified by wide
$T/shadow/a.rules:9: rule noex has no example" "$(cat "$T/.err")"
eq "check error summary" "3 rules in 1 files: 2 errors" "$(cat "$T/.out")"

status "list" 0 "$BW" --rules "$FX" rules list
eq "list first rule" "microsoft-s3140 microsoft blocklist yes 100 $FX/10-microsoft.rules:2" \
	"$(sed -n 2p "$T/.out" | tr -s ' ')"
status "list json" 0 "$BW" rules list --rules "$FX" --format json
cp "$T/.out" "$T/list.json"
check "list json parses" python3 -c "import json,sys; d=json.load(open('$T/list.json')); assert len(d)==5 and d[3]['id']=='generic-5.1.1' and d[3]['priority']==900"
# A rule whose every match reads one of its words, as consumed text or
# in a look-ahead every match passes through, is skipped for the replies
# without it; one without such a word is run on every reply: a warning
# naming it, a count in the summary, no error.
mkdir "$T/cost"
printf '[ahead]\ncategory = greylist\nmatch = (?i)^4\\d\\d (?=.*\\bgreylist)(?=.*\\blisted\\b).*\nexample = 450 greylisted, listed\n[bare]\ncategory = other\nmatch = ^5\\d\\d\\b\nexample = 550 x\n' >"$T/cost/a.rules"
status "check a rule without a required word" 0 "$BW" rules check --rules "$T/cost"
eq "the rule without one named" "$T/cost/a.rules:7: rule bare has no required word; it runs PCRE2 on every reply" "$(cat "$T/.err")"
eq "their count in the summary" "2 rules in 1 files: ok; 1 without a required word" "$(cat "$T/.out")"
status "list json with the required words" 0 "$BW" rules list --rules "$T/cost" --format json
cp "$T/.out" "$T/cost.json"
check "required words: a look-ahead's, none" python3 -c "import json; d=json.load(open('$T/cost.json')); assert [x['required_words'] for x in d]==[['greylist'], []], d"
# A rule that opens with its exclusions runs them after the match
# ("split"); with a top-level '|' they bind the first alternative only,
# and the rule stays whole.
mkdir "$T/split"
printf '[words]\ncategory = user-unknown\nmatch = (?i)^(?!.*?(?:spam|quota)).*?recipient rejected\nexample = 550 recipient rejected\n[bar]\ncategory = other\nmatch = (?i)^(?!.*?spam).*?recipient|rejected\nexample = 550 spam rejected\n' >"$T/split/a.rules"
status "list json of split rules" 0 "$BW" rules list --rules "$T/split" --format json
cp "$T/.out" "$T/split.json"
check "split: exclusions after the match, none with a top-level |" python3 -c "import json; d=json.load(open('$T/split.json')); assert [(x['id'], x['split']) for x in d]==[('words', True), ('bar', False)], d"
status "list bad format" 2 "$BW" rules list --rules "$FX" --format xml

status "test log" 0 "$BW" rules test --rules "$FX" "$LOG"
cp "$T/.out" "$T/test.out"
check "test counts deliveries" grep -q '^Deliveries: 7, 5 not plain success, 3 matched by a rule' "$T/test.out"
eq "hits sorted by count" "2 generic-5.1.1
1 microsoft-s3140" "$(sed -n '/^Rule hits:/,/^$/p' "$T/test.out" | awk 'NF>2 {print $1, $2}')"
check "unmatched grouped" grep -q '^ *2  421 4.7.0 \[TSS04\] Messages from <ip> temporarily deferred' "$T/test.out"

# A last resort (priority RULES_LAST_RESORT, 990, or later) classifies the
# replies no other rule knows, but `rules test` still lists them as
# unmatched: they are the rules to write. An earlier catch-all is a hit.
for prio in 999 989; do
	rm -rf "$T/last" && cp -R "$FX" "$T/last"
	printf '[catch-all]\nprovider = generic\ncategory = other\npriority = %s\nmatch = ^[45]\\d\\d\\b\nexample = 421 4.7.0 Try later\n' \
		"$prio" >"$T/last/99-last.rules"
	status "test with a catch-all at $prio" 0 "$BW" rules test --rules "$T/last" "$LOG"
	cp "$T/.out" "$T/last.out"
	if [ "$prio" = 999 ]; then
		check "last resort: not counted as matched" grep -q '^Deliveries: 7, 5 not plain success, 3 matched by a rule' "$T/last.out"
		check "last resort: its replies listed as unmatched" grep -q '^ *2  421 4.7.0 \[TSS04\] Messages from <ip> temporarily deferred' "$T/last.out"
	else
		check "earlier catch-all: counted as matched" grep -q '^Deliveries: 7, 5 not plain success, 5 matched by a rule' "$T/last.out"
		eq "earlier catch-all: a rule hit" "2 catch-all" \
			"$(sed -n '/^Rule hits:/,/^$/p' "$T/last.out" | awk '$2 == "catch-all" {print $1, $2}')"
	fi
done

status "test stdin with explain" 0 sh -c "\"$BW\" rules test --rules \"$FX\" --explain 7 - <\"$LOG\""
cp "$T/.out" "$T/explain.out"
check "explain shows the match" grep -q '^ *1 microsoft-s3140 .* MATCH' "$T/explain.out"
check "explain shows the verdict" grep -q 'verdict:  rule microsoft-s3140  provider microsoft  category blocklist  block yes  ip 203.0.113.7' "$T/explain.out"
check "explain expands advice" grep -q 'advice:   https://sender.office.com (delist 203.0.113.7)' "$T/explain.out"
eq "explain: no read line when the rules read the reply as logged" 0 "$(grep -c '^  read:' "$T/explain.out")"

# A reply with padding: --explain shows the text the rules read (the blank
# before the code gone, the others squeezed) after the reply as logged, and
# no joined line: it has one line only.
printf 'Dec  5 08:20:55 mx postfix/smtp[123]: ABC123: to=<a@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.1] said:  550  5.7.1   Blocked\there (in reply to RCPT TO command))\n' >"$T/pad.log"
status "explain a padded reply" 0 "$BW" rules test --rules "$FX" --explain 1 "$T/pad.log"
eq "explain: the reply as logged, then the text the rules read" "  reply:     550  5.7.1   Blocked\x09here
  read:     550 5.7.1 Blocked here" "$(grep -E '^  (reply|joined|read):' "$T/.out")"

# A multi-line reply as Exim logs it: --explain shows the joined text the
# rules match, and the verdict is its one-line form's.
printf '%s\n' '2026-12-05 08:20:55 1xZl0p-0002xs-22 == rate@gmail.com R=providers T=remote_smtp defer (-46) H=127.0.0.3 [127.0.0.3]: SMTP error from remote mail server after end of data: 421-4.7.28 [192.0.2.7      15] Gmail has detected an unusual rate of unsolicited\n421 4.7.28 mail originating from your IP address. a1b2c3d4e5.11 - gsmtp' >"$T/exim.log"
status "explain a multi-line reply" 0 "$BW" rules test --rules "$RULES" --explain 1 "$T/exim.log"
cp "$T/.out" "$T/joined.out"
check "explain shows the joined text" grep -qF 'joined:   421-4.7.28 [192.0.2.7      15] Gmail has detected an unusual rate of unsolicited mail originating from your IP address. a1b2c3d4e5.11 - gsmtp' "$T/joined.out"
check "explain shows the text the rules read" grep -qF 'read:     421-4.7.28 [192.0.2.7 15] Gmail has detected an unusual rate of unsolicited mail originating from your IP address. a1b2c3d4e5.11 - gsmtp' "$T/joined.out"
one=$(printf '\tgmail.com\t%s\n' '421 4.7.28 [192.0.2.7      15] Gmail has detected an unusual rate of unsolicited mail originating from your IP address. a1b2c3d4e5.11 - gsmtp' |
	"$BW" --rules "$RULES" rules classify --hosts | cut -f1)
eq "the one-line form has a rule" "yes" "$([ -n "$one" ] && echo yes)"
eq "explain: the one-line form's rule" "$one" "$(sed -n 's/^  verdict:  rule \([^ ]*\) .*/\1/p' "$T/joined.out")"

# "scope = own": a rule for its provider's own servers only. `rules check`
# reads its examples as from one of the provider's relays (here the example
# is the provider's, though a generic rule before it takes the same words
# from anyone else); --explain says why it was skipped on a line that names
# no provider; a bad value is an error at its file:line.
mkdir "$T/own"
printf '[mr]\nrelays = .mr.example\ndomains = mr.example\n' >"$T/own/providers.conf"
printf '[mr-blocked]\nprovider = mr\ncategory = blocklist\nblock = yes\nblocklist = mr\nscope = own\nmatch = ^550 \\S+ is blocked\nexample = 550 a.example is blocked\n[any]\ncategory = other\npriority = 900\nmatch = ^550\nexample = 550 x\n' >"$T/own/a.rules"
printf '[mr]\nname = Mr\n' >"$T/own/blocklists.conf"
status "check a rule for its own relays" 0 "$BW" rules check --rules "$T/own"
eq "own relays: check summary" "2 rules in 1 files: ok" "$(cat "$T/.out")"
printf 'Dec  5 08:20:55 mx postfix/smtp[123]: ABC123: to=<a@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.0.0, status=bounced (host mx.example.org[192.0.2.1] said: 550 a.example is blocked (in reply to RCPT TO command))\n' >"$T/own.log"
sed 's/mx\.example\.org/mx1.mr.example/g' "$T/own.log" >>"$T/own.log"
status "explain a rule for its own relays" 0 "$BW" rules test --rules "$T/own" --explain 1 "$T/own.log"
check "explain: skipped from another relay" grep -q '^ *1 mr-blocked .* skipped (for its own relays only)' "$T/.out"
check "explain: the verdict from another relay" grep -q 'verdict:  rule any  provider -  category other  block no' "$T/.out"
status "explain a rule for its own relays from one" 0 "$BW" rules test --rules "$T/own" --explain 2 "$T/own.log"
check "explain: tried from its own relay" grep -q '^ *1 mr-blocked .* MATCH' "$T/.out"
sed -i 's/^scope = own/scope = mine/' "$T/own/a.rules"
status "check a bad scope" 2 "$BW" rules check --rules "$T/own"
eq "bad scope reported" "$T/own/a.rules:6: scope must be own or any, not 'mine'" "$(cat "$T/.err")"

# "stage": the same words are one rule's at RCPT TO and another's after the
# message. `rules check` reads each rule's examples at its first stage;
# --explain names the stage a rule was skipped for; a bad stage is an error.
mkdir "$T/stage"
printf '[at-rcpt]\ncategory = blocklist\nblock = yes\nstage = connect, rcpt\nmatch = Local Policy Violation\nexample = 550 5.7.1 Local Policy Violation\n[at-data]\ncategory = content\nstage = data\nmatch = Local Policy Violation\nexample = 550 5.7.1 Local Policy Violation\n' >"$T/stage/a.rules"
status "check rules with stages" 0 "$BW" rules check --rules "$T/stage"
eq "stages: check summary" "2 rules in 1 files: ok" "$(cat "$T/.out")"
printf 'Dec  5 08:20:55 mx postfix/smtp[123]: ABC123: to=<a@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.1] said: 550 5.7.1 Local Policy Violation (in reply to end of DATA command))\n' >"$T/stage.log"
status "explain a reply after the message" 0 "$BW" rules test --rules "$T/stage" --explain 1 "$T/stage.log"
check "explain: the stage of the line" grep -q 'stage EOD' "$T/.out"
check "explain: skipped for its stage" grep -q '^ *1 at-rcpt .* skipped (stage)' "$T/.out"
check "explain: the verdict at that stage" grep -q 'verdict:  rule at-data  provider -  category content  block no' "$T/.out"
sed -i 's/^stage = data/stage = eod/' "$T/stage/a.rules"
status "check a bad stage" 2 "$BW" rules check --rules "$T/stage"
eq "bad stage reported" "$T/stage/a.rules:9: stage: 'eod' is not a list of SMTP stages (connect, helo, starttls, auth, mail, rcpt, data)" "$(cat "$T/.err")"

# `rules classify` at a stage: --stage for every line, --stage-column for
# each (its first column, empty for none, before the --hosts columns); the
# reply stays the rest of the line. Without a stage every rule is tried.
sed -i 's/^stage = eod/stage = data/' "$T/stage/a.rules"
lpv='550 5.7.1 Local Policy Violation'
cls() { "$BW" --rules "$T/stage" rules classify "$@" | cut -f1 | tr '\n' ' '; }
eq "classify without a stage" "at-rcpt " "$(echo "$lpv" | cls)"
eq "classify --stage data" "at-data " "$(echo "$lpv" | cls --stage data)"
eq "classify --stage rcpt" "at-rcpt " "$(echo "$lpv" | cls --stage rcpt)"
eq "classify --stage-column, one stage a line" "at-data at-rcpt at-rcpt at-data " \
	"$(printf 'data\t%s\nconnect\t%s\n\t%s\ndata\t%s\twith a tab\n' "$lpv" "$lpv" "$lpv" "$lpv" | cls --stage-column)"
eq "classify --stage-column --hosts" "at-data at-rcpt " \
	"$(printf 'data\tmx.example.org\texample.org\t%s\nrcpt\t\t\t%s\n' "$lpv" "$lpv" | cls --stage-column --hosts)"
status "classify --stage with another word" 2 "$BW" --rules "$T/stage" rules classify --stage eod </dev/null
check "the bad --stage named" grep -q "stage 'eod': not one of connect" "$T/.err"
status "classify --stage and --stage-column together" 2 "$BW" --rules "$T/stage" rules classify --stage data --stage-column </dev/null
printf 'end-of-data\t%s\n' "$lpv" >"$T/badstage.txt"
status "classify --stage-column with another word" 2 sh -c "\"$BW\" --rules \"$T/stage\" rules classify --stage-column <\"$T/badstage.txt\""
check "the line of the bad stage column" grep -q 'stdin:1: expected STAGE TAB' "$T/.err"
status "classify --stage-column on a line without a tab" 2 sh -c "echo '$lpv' | \"$BW\" --rules \"$T/stage\" rules classify --stage-column"

# "sending_ip = none": the reply names no sending IP; a bad value, or a
# rule that captures one or gives an example_ip, is an error at its line.
mkdir "$T/noip"
printf '[probe]\ncategory = other\nsending_ip = none\nmatch = unverified address\nexample = 450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.org[192.0.2.10] said: 554 5.7.1 blocked\n' >"$T/noip/a.rules"
status "check a rule that names no sending IP" 0 "$BW" rules check --rules "$T/noip"
eq "classify: no sending IP" "probe		" "$(printf '450 4.1.1 <a@example.org>: Recipient address rejected: unverified address: host mx.example.org[192.0.2.10] said: 554 5.7.1 Client host [198.51.100.7] blocked\n' | "$BW" --rules "$T/noip" rules classify | cut -f1,4,5)"
printf 'example_ip = 192.0.2.10\n' >>"$T/noip/a.rules"
status "check an example_ip under sending_ip = none" 2 "$BW" rules check --rules "$T/noip"
eq "example_ip under sending_ip = none reported" "$T/noip/a.rules:5: example_ip: rule 'probe' says sending_ip = none" "$(cat "$T/.err")"
sed -i '/^example_ip/d; s/^sending_ip = none/sending_ip = nowhere/' "$T/noip/a.rules"
status "check a bad sending_ip" 2 "$BW" rules check --rules "$T/noip"
eq "bad sending_ip reported" "$T/noip/a.rules:3: sending_ip must be none or reply, not 'nowhere'" "$(cat "$T/.err")"

# Each of Outlook.com's legacy code rules reads right by itself: with the
# rule for "on our block list" taken out, the code rules after it leave
# that wording to the generic list rules (a listing, not a reputation).
mkdir "$T/legacy"
cp "$RULES"/* "$T/legacy/"
awk '/^\[microsoft-legacy-block\]/ { skip = 1; next } /^\[/ { skip = 0 } !skip' "$RULES/microsoft.rules" >"$T/legacy/microsoft.rules"
for code in SC-001 SC-004 DY-001 DY-002 OU-001 OU-002; do
	printf "550 %s (SNT004-MC4F35) Unfortunately, messages from 203.0.113.2 weren't sent. Please contact your Internet service provider since part of their network is on our block list. You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.\n" "$code"
done >"$T/legacy.txt"
"$BW" --rules "$T/legacy" rules classify <"$T/legacy.txt" | cut -f2,3 | sort | uniq -c | sed 's/^ *//' >"$T/legacy.out"
eq "legacy codes on our block list, without their rule" "6 blocklist	yes" "$(cat "$T/legacy.out")"

status "test missing file" 2 "$BW" rules test --rules "$FX" "$T/none.log"
status "test without file" 2 "$BW" rules test --rules "$FX"
echo "1..$n_test"
