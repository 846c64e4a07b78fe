#!/bin/sh
# The provider pattern library against the labelled reply corpus
# (tests/corpus/replies.tsv): every rule compiles (PCRE2, no UTF, JIT), every
# example and corpus row is matched first by the expected rule with the
# expected sending IP, and no row labelled "not a block" gets a block verdict.
. "$(dirname "$0")/lib.sh"
CHECK="$TOP/tests/corpus/check.sh"
TSV="$TOP/tests/corpus/replies.tsv"

engine=""
[ -x "$BW" ] && engine="$BW"
check "rule library and corpus agree" sh "$CHECK" "$RULES" "$TSV" $engine

# The checker must be able to fail: a row naming the wrong rule.
awk -F'\t' 'BEGIN { OFS = "\t" } NR == 2 { $6 = "generic-5-7-1" } { print }' "$TSV" >"$T/bad.tsv"
status "checker rejects a row with the wrong rule_id" 1 sh "$CHECK" "$RULES" "$T/bad.tsv"

# ... and a rule file whose example is stolen by an earlier rule.
mkdir "$T/p" && cp "$RULES"/* "$T/p/"
printf '[zz-steal]\nprovider = generic\ncategory = other\nblock = no\npriority = 1\nmatch = ^5\nexample = 550 x\n' >"$T/p/aaa.rules"
status "checker rejects a rule that steals other examples" 1 sh "$CHECK" "$T/p" "$TSV"

status "usage error" 2 sh "$CHECK" "$RULES"

# The stage column: a row is classified at its stage, so a row of a rule
# for one stage read without it is taken by another rule; a stage that is
# no SMTP stage is rejected; a file of seven columns (no stage) still reads.
awk -F'\t' 'BEGIN { OFS = "\t" } $6 == "proofpoint-local-policy-blacklist" { $8 = "" } { print }' "$TSV" >"$T/nostage.tsv"
status "checker rejects a staged row read without its stage" 1 sh "$CHECK" "$RULES" "$T/nostage.tsv" "$BW"
check "... naming the rule that took it" grep -q 'first match proofpoint-local-policy-data, want proofpoint-local-policy-blacklist' "$T/.out"
awk -F'\t' 'BEGIN { OFS = "\t" } $8 == "rcpt" { $8 = "RCPT TO" } { print }' "$TSV" >"$T/badstage.tsv"
status "checker rejects a stage that is no SMTP stage" 1 sh "$CHECK" "$RULES" "$T/badstage.tsv" "$BW"
check "... with its line" grep -q "stage 'RCPT TO' is not one of connect" "$T/.out"
{ head -1 "$TSV" | cut -f1-7; awk -F'\t' 'NR > 1 && $8 == "" && $6 !~ /^proofpoint-local-policy-/' "$TSV" | cut -f1-7; } >"$T/seven.tsv"
sh "$CHECK" "$RULES" "$T/seven.tsv" "$BW" >"$T/seven.out" 2>&1
check "a corpus of seven columns reads: no header or column problem" sh -c "! grep -Eq 'header is|columns, want' '$T/seven.out'"
check "... and its rows are classified" grep -q "corpus rows: $(($(wc -l <"$T/seven.tsv") - 1))\$" "$T/seven.out"

# The independent corpus (public replies the rules were not written from):
# both splits' figures are printed; a test row must never be a rule example.
IND="$TOP/tests/corpus/independent.tsv"
SCORE="$TOP/tests/corpus/score.py"
python3 "$SCORE" "$BW" "$RULES" "$IND" --min-rows 1000 >"$T/score.out" 2>&1
rc=$?
sed 's/^/# /' "$T/score.out"
check "independent corpus: no test row is a rule example" test "$rc" -eq 0
check "independent corpus: figures for both splits" grep -q '^test rows [0-9]*: category' "$T/score.out"
# The guard can fail: a rule that takes a test row as its example.
mkdir "$T/q" && cp "$RULES"/* "$T/q/"
awk -F'\t' '$2 == "test" { print $6; exit }' "$IND" >"$T/testrow"
{ printf '[zz-leak]\nprovider = generic\ncategory = other\nblock = no\npriority = 9999\nmatch = ^\\d\n'
  printf 'example = %s\n' "$(cat "$T/testrow")"; } >"$T/q/zzz.rules"
status "independent corpus: a test row used as a rule example is rejected" 1 python3 "$SCORE" "$BW" "$T/q" "$IND"
# The split is the id's hash, never chosen: a test row moved to dev is rejected.
awk -F'\t' 'BEGIN { OFS = "\t" } $2 == "test" && !done { $2 = "dev"; done = 1 } { print }' "$IND" >"$T/moved.tsv"
status "independent corpus: a row whose split is not its id's hash is rejected" 1 python3 "$SCORE" "$BW" "$RULES" "$T/moved.tsv"
status "independent corpus: usage error" 2 python3 "$SCORE" "$BW"

# label.py's hand calls never quote a test row (rule writers read label.py):
# a call on a test row whose wording patterns/ does not show goes by the
# row's id in REVIEW_IDS. The guard can fail: a REVIEW entry holding such a
# reply, or an id in REVIEW_IDS that is not a test row's.
LEAKS="$TOP/tests/corpus/tools/review_leaks.py"
LABEL="$TOP/tests/corpus/tools/label.py"
check "label.py's REVIEW quotes no test row" python3 "$LEAKS" "$LABEL" "$IND" "$RULES"
python3 - "$LABEL" "$IND" "$T/leak.py" "$T/devid.py" <<'PY'
import sys
label, ind, leak, devid = sys.argv[1:]
src = open(label, encoding="utf-8").read()
ns = {}
exec(src.split("def main():")[0], ns)
rows = {l.split("\t")[0]: l.rstrip("\n").split("\t") for l in open(ind, encoding="utf-8") if not l.startswith("#")}
rid = sorted(ns["REVIEW_IDS"])[0]
dev = next(k for k, r in rows.items() if r[1] == "dev")
open(leak, "w", encoding="utf-8").write(src.replace("REVIEW = [\n", "REVIEW = [\n\t(%r, 'other', 'no', ''),\n" % rows[rid][5], 1))
open(devid, "w", encoding="utf-8").write(src.replace("REVIEW_IDS = {\n", "REVIEW_IDS = {\n\t%r: ('other', 'no', ''),\n" % dev, 1))
PY
status "review_leaks: a REVIEW entry holding a test row's reply is rejected" 1 python3 "$LEAKS" "$T/leak.py" "$IND" "$RULES"
status "review_leaks: a dev row's id in REVIEW_IDS is rejected" 1 python3 "$LEAKS" "$T/devid.py" "$IND" "$RULES"
check "review_leaks: names the row by id, never its reply" sh -c "python3 '$LEAKS' '$T/leak.py' '$IND' '$RULES' | grep -q '^REVIEW entry 0 quotes test row'"
status "review_leaks: usage error" 2 python3 "$LEAKS" "$LABEL"

# --exclude-source REGEX: the figures without a family of sources. Each split
# prints how many rows it left out, and its figures count the rest only.
python3 "$SCORE" "$BW" "$RULES" "$IND" --exclude-source 'github\.com/sisimai/' >"$T/ex.out" 2>&1
for split in dev test; do
	all=$(awk -F'\t' -v s=$split '$2 == s' "$IND" | wc -l)
	out=$(awk -F'\t' -v s=$split '$2 == s && $3 ~ /github\.com\/sisimai\//' "$IND" | wc -l)
	check "exclude-source: $split counts $out rows left out" grep -qx "$split *rows left out by --exclude-source: $out" "$T/ex.out"
	check "exclude-source: $split figures over the $((all - out)) others" grep -q "^$split *rows $((all - out)): category" "$T/ex.out"
done
check "exclude-source: some rows left out" test "$(awk -F'\t' '$3 ~ /github\.com\/sisimai\//' "$IND" | wc -l)" -gt 0
status "exclude-source: an expression that does not compile is a usage error" 2 python3 "$SCORE" "$BW" "$RULES" "$IND" --exclude-source '('
status "exclude-source: a missing expression is a usage error" 2 python3 "$SCORE" "$BW" "$RULES" "$IND" --exclude-source
# standin.py takes the same option (on a few dev rows: its leave-one-out runs once per rule).
STANDIN="$TOP/tests/corpus/tools/standin.py"
{ awk -F'\t' '$2 == "dev" && $3 ~ /github\.com\/sisimai\//' "$IND" | head -3
  awk -F'\t' '$2 == "dev" && $3 !~ /github\.com\/sisimai\//' "$IND" | head -4; } >"$T/few.tsv"
python3 "$STANDIN" "$BW" "$RULES" "$T/few.tsv" >"$T/st-all.out" 2>&1
python3 "$STANDIN" "$BW" "$RULES" "$T/few.tsv" --exclude-source 'github\.com/sisimai/' >"$T/st-ex.out" 2>&1
check "standin: every dev row without the option" grep -q '^generic-only  dev rows 7: ' "$T/st-all.out"
check "standin: exclude-source counts the rows left out" grep -qx 'dev rows left out by --exclude-source: 3' "$T/st-ex.out"
check "standin: exclude-source figures over the others" grep -q '^generic-only  dev rows 4: ' "$T/st-ex.out"
status "standin: an expression that does not compile is a usage error" 2 python3 "$STANDIN" "$BW" "$RULES" "$T/few.tsv" --exclude-source '['

# The block definition (patterns/README.md, "What counts as a block") is
# enforced on every rule: PTR refusals are not blocks, reputation always is.
mkdir "$T/d" && cp "$RULES"/* "$T/d/"
sed -i '/^\[google-ptr\]/,/^\[/ s/^block *= *no/block    = yes/' "$T/d/google.rules"
status "checker rejects a ptr rule that says block = yes" 1 sh "$CHECK" "$T/d" "$TSV"
cp "$RULES"/google.rules "$T/d/"
sed -i '/^\[google-low-reputation\]/,/^\[/ s/^block *= *yes/block    = no/' "$T/d/google.rules"
status "checker rejects a reputation rule that says block = no" 1 sh "$CHECK" "$T/d" "$TSV"

# The extractors fill the relay column with the host the source shows
# answering: Postfix's "host H[IP] said:" (wrapped or not) and "refused to
# talk to me:", Exim's "host H [IP]:" and its log's "H=H [IP]", sendmail's
# transcript "while talking to H.:" and its log's "relay=H. [IP]" before a
# deferral's "stat=Deferred: NNN", a DSN part without Remote-MTA whose
# text part names the host. (All hosts and addresses are documentation ones.)
TOOLS="$TOP/tests/corpus/tools"
G="$T/src.git"
git init -q --bare "$G"
mkdir "$T/src"
cat >"$T/src/postfix.txt" <<'BOUNCE'
<a@example.com>: host mx1.example.com[192.0.2.10]
    said: 550 5.7.1 Service unavailable; client [198.51.100.7] blocked using
    zen.spamhaus.org (in reply to RCPT TO command)
BOUNCE
cat >"$T/src/exim.txt" <<'BOUNCE'
  b@example.net
    host mx2.example.net [192.0.2.20]: 554 5.7.1 Message rejected as spam
BOUNCE
cat >"$T/src/sendmail.txt" <<'BOUNCE'
----- Transcript of session follows -----
... while talking to mx3.example.org.:
>>> RCPT To:<c@example.org>
<<< 550 5.1.1 <c@example.org>... No such user here
BOUNCE
cat >"$T/src/mail.log" <<'BOUNCE'
Dec  1 10:00:00 out postfix/smtp[1]: 1A2B: host mx4.example.com[192.0.2.40] refused to talk to me: 554 5.7.1 Your access to this mail system has been rejected
2026-12-01 10:00:01 1abc-000001-AB ** d@example.com R=dnslookup T=remote_smtp H=mx5.example.com [192.0.2.50] X=TLS1.3: SMTP error from remote mail server after RCPT TO:<d@example.com>: 452 4.2.2 Mailbox over quota
Dec  1 10:00:02 out sm-mta[7]: 5B1A2b3C000001: to=<f@example.org>, delay=00:00:01, mailer=esmtp, pri=120000, relay=mx7.example.org. [192.0.2.70], dsn=4.0.0, stat=Deferred: 421 4.7.0 Try again later, closing connection.
BOUNCE
cat >"$T/src/dsn.eml" <<'BOUNCE'
Final-Recipient: rfc822; e@example.com
Action: failed
Status: 5.7.1
Diagnostic-Code: smtp; 550 5.7.1 Client host rejected: too many bad recipients

<e@example.com>: host mx6.example.com[192.0.2.60] said: 550 5.7.1 Client host
    rejected: too many bad recipients (in reply to RCPT TO command)
BOUNCE
(cd "$T/src" && git init -q && git add . && git -c user.name=t -c user.email=t@example.com commit -qm fixtures && git push -q "$G" HEAD:refs/heads/main) >/dev/null 2>&1
git --git-dir="$G" symbolic-ref HEAD refs/heads/main
python3 "$TOOLS/extract_text.py" "$G" https://example.com/src . >"$T/extracted.tsv" 2>"$T/extract.err"
relay_of() { awk -F'\t' -v r="$1" 'index($4, r) == 1 { print $2 }' "$T/extracted.tsv"; }
eq "extractor: relay of Postfix's wrapped 'host H[IP] said:'" mx1.example.com "$(relay_of '550 5.7.1 Service unavailable')"
eq "extractor: relay of Exim's 'host H [IP]:'" mx2.example.net "$(relay_of '554 5.7.1 Message rejected')"
eq "extractor: relay of sendmail's 'while talking to H.:'" mx3.example.org "$(relay_of '550 5.1.1')"
eq "extractor: relay of Postfix's 'refused to talk to me'" mx4.example.com "$(relay_of '554 5.7.1 Your access')"
eq "extractor: relay of Exim's log 'H=H [IP]'" mx5.example.com "$(relay_of '452 4.2.2')"
eq "extractor: a DSN part without Remote-MTA takes the host its text names" mx6.example.com "$(relay_of '550 5.7.1 Client host rejected')"
eq "extractor: relay of sendmail's log 'relay=H. [IP]' with 'stat=Deferred:'" mx7.example.org "$(relay_of '421 4.7.0 Try again later')"
eq "extractor: one row per reply" 7 "$(wc -l <"$T/extracted.tsv" | tr -d ' ')"
