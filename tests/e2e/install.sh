#!/bin/sh
# install - `make install DESTDIR=... PREFIX=/usr` of the build under test,
# then the installed tree as systemd would use it: the binary finds the
# rules installed beside it (whatever PREFIX it was compiled with), the unit
# names the installed paths and passes `systemd-analyze verify`, the
# settings file is installed once and never overwritten, uninstall removes
# what install put there but the settings.
. "$(dirname "$0")/lib.sh"
ROOT=$T/root
O=${BW_BUILD:-build}
INST=$ROOT/usr/bin/bouncewatch
UNIT=$ROOT/usr/lib/systemd/system/bouncewatch.service
DEF=$ROOT/etc/default/bouncewatch
PAT=$ROOT/usr/share/bouncewatch/patterns
unset BOUNCEWATCH_RULES
minst() { make -s -C "$TOP" O="$O" DESTDIR="$ROOT" PREFIX=/usr "$@"; }

check "make install DESTDIR PREFIX=/usr" minst install
check "binary installed" test -x "$INST"
eq "every rule file installed" "$(ls "$TOP/patterns" | sort)" "$(ls "$PAT" 2>&1 | sort)"
check "README installed where the unit's Documentation= points" test -f "$ROOT/usr/share/doc/bouncewatch/README.md"
eq "man pages installed" "$ROOT/usr/share/man/man1/bouncewatch.1 $ROOT/usr/share/man/man5/bouncewatch.conf.5 $ROOT/usr/share/man/man5/bouncewatch.rules.5" \
	"$(echo "$ROOT"/usr/share/man/man1/bouncewatch.1 "$ROOT"/usr/share/man/man5/bouncewatch.*.5)"
check "bash completion installed" test -f "$ROOT/usr/share/bash-completion/completions/bouncewatch"

# ---- the installed binary finds the installed rules -------------------------
# Run from a directory without ./patterns, so no fallback can hide a miss.
mkdir -p "$T/cwd"
cd "$T/cwd" || exit 1
status "installed binary: rules check with no --rules" 0 "$INST" -v rules check
check "it read $PAT" grep -qF "rules from $PAT" "$T/.err"
eq "it loads as many rules as the source tree has" \
	"$("$BW" --rules "$TOP/patterns" rules list | wc -l)" "$("$INST" rules list 2>&1 | wc -l)"
# The settings file's example option is one the installed binary knows.
status "installed binary accepts the documented --alert-mail" 0 \
	"$INST" --db "$T/inst.db" scan --alert-mail ops@example.org /dev/null
status "installed binary: scan classifies with the installed rules" 0 \
	"$INST" --db "$T/inst.db" scan "$TOP/tests/e2e/data/basic.log"
eq "the block is classified" "microsoft|blocklist|1" \
	"$(sql "$T/inst.db" "SELECT provider, category, is_block FROM deliveries WHERE recipient='alice@hotmail.com'")"
# The same binary elsewhere, with nothing beside it: says where it looked.
mkdir -p "$T/lone/bin"
cp "$INST" "$T/lone/bin/bouncewatch"
status "a binary with no rules anywhere fails" 2 "$T/lone/bin/bouncewatch" rules check
check "and names the places it looked" grep -qF "looked in $T/lone/bin/../share/bouncewatch/patterns" "$T/.err"
cd "$TOP" || exit 1

# ---- the unit ---------------------------------------------------------------
unitval() { sed -n "s/^$1=//p" "$UNIT"; }
eq "ExecStart runs the installed binary with the settings' words" \
	'/usr/bin/bouncewatch tail $BOUNCEWATCH_ARGS $BOUNCEWATCH_LOGS' "$(unitval ExecStart)"
eq "settings from the environment file (optional)" "-/etc/default/bouncewatch" "$(unitval EnvironmentFile)"
eq "empty defaults before it (the rest is in bouncewatch.conf)" "BOUNCEWATCH_LOGS=
BOUNCEWATCH_ARGS=" "$(unitval Environment)"
eq "Documentation" "file:/usr/share/doc/bouncewatch/README.md" "$(unitval Documentation)"
eq "SMTP to the relay allowed" "AF_UNIX AF_INET AF_INET6" "$(unitval RestrictAddressFamilies)"
eq "hardening kept" "yes|strict|yes" "$(unitval NoNewPrivileges)|$(unitval ProtectSystem)|$(unitval DynamicUser)"
eq "no placeholder left" "" "$(grep -n '@[A-Z]*@' "$UNIT" "$DEF")"
# systemd-analyze verify checks every directive and that ExecStart's binary
# exists, in a root holding the installed tree and the targets it names.
SYSD=$ROOT/usr/lib/systemd/system
for u in sysinit.target basic.target multi-user.target local-fs.target network.target \
	 sockets.target paths.target timers.target slices.target shutdown.target; do
	cp "/usr/lib/systemd/system/$u" "$SYSD/" 2>>"$T/cp.err"
done
mkdir -p "$ROOT/bin" && cp /bin/kill "$ROOT/bin/"
systemd-analyze verify --root="$ROOT" /usr/lib/systemd/system/bouncewatch.service >"$T/verify" 2>&1
eq "systemd-analyze verify: no complaint (exit 0)" "0:" "$?:$(cat "$T/cp.err" "$T/verify")"

# ---- the journal unit ---------------------------------------------------------
# For servers without /var/log/mail.log: follows the journal, in the group
# that may read it, hardened as bouncewatch.service (alerts over SMTP too).
JUNIT=$SYSD/bouncewatch-journal.service
junitval() { sed -n "s/^$1=//p" "$JUNIT"; }
hardening() { sed -n '/^# Hardening/,/^\[Install\]/p' "$1" | grep -v '^#' | grep .; }
eq "journal unit: follows the journal, with the settings' words" \
	'/usr/bin/bouncewatch tail --journal $BOUNCEWATCH_ARGS' "$(junitval ExecStart)"
eq "journal unit: only where there is no mail log file" '!/var/log/mail.log' "$(junitval ConditionPathExists)"
eq "journal unit: in the group that reads the journal" "systemd-journal" "$(junitval SupplementaryGroups)"
eq "journal unit: the hardening of bouncewatch.service" "$(hardening "$UNIT")" "$(hardening "$JUNIT")"
eq "journal unit: no placeholder left" "" "$(grep -n '@[A-Z]*@' "$JUNIT")"
systemd-analyze verify --root="$ROOT" /usr/lib/systemd/system/bouncewatch-journal.service >"$T/jverify" 2>&1
eq "journal unit: systemd-analyze verify: no complaint (exit 0)" "0:" "$?:$(cat "$T/jverify")"

# ---- the digest's units and cron example ----------------------------------------
DUNIT=$SYSD/bouncewatch-digest.service
check "digest service and timer installed" test -f "$DUNIT" -a -f "$SYSD/bouncewatch-digest.timer"
eq "the digest runs the installed binary" '/usr/bin/bouncewatch digest --since yesterday $BOUNCEWATCH_DIGEST_ARGS' \
	"$(sed -n 's/^ExecStart=//p' "$DUNIT")"
eq "every unit runs as one user name (tail and digest share the database)" "bouncewatch bouncewatch bouncewatch" \
	"$(sed -n 's/^User=//p' "$UNIT" "$SYSD/bouncewatch-journal.service" "$DUNIT" | tr '\n' ' ' | sed 's/ $//')"
eq "... and keep the state directory closed (0750)" "0750 0750" \
	"$(sed -n 's/^StateDirectoryMode=//p' "$UNIT" "$DUNIT" | tr '\n' ' ' | sed 's/ $//')"
eq "no placeholder left in the digest's files" "" \
	"$(grep -n '@[A-Z]*@' "$DUNIT" "$ROOT/usr/share/doc/bouncewatch/bouncewatch-digest.cron")"
check "the cron example runs the installed binary" grep -q ' bouncewatch  /usr/bin/bouncewatch digest ' \
	"$ROOT/usr/share/doc/bouncewatch/bouncewatch-digest.cron"
systemd-analyze verify --root="$ROOT" /usr/lib/systemd/system/bouncewatch-digest.service \
	/usr/lib/systemd/system/bouncewatch-digest.timer >"$T/verify2" 2>&1
eq "systemd-analyze verify of the digest's service and timer (exit 0)" "0:" "$?:$(cat "$T/verify2")"

# ---- the settings file --------------------------------------------------------
check "settings file installed" test -f "$DEF"
eq "it sets nothing by default (every line a comment)" "" "$(grep -v '^#' "$DEF" | grep -v '^$')"
check "it documents the files to follow" grep -q "^#BOUNCEWATCH_LOGS=/var/log/mail.log$" "$DEF"
check "it documents the relay" grep -q '^#BOUNCEWATCH_SMTP_RELAY=localhost:25$' "$DEF"
echo 'BOUNCEWATCH_ARGS="--alert-mail ops@example.org"' >>"$DEF"
check "make install again" minst install
check "a second install keeps the operator's settings" grep -q '^BOUNCEWATCH_ARGS="--alert-mail ops@example.org"$' "$DEF"

# ---- the configuration file --------------------------------------------------
CONF=$ROOT/etc/bouncewatch/bouncewatch.conf
check "configuration installed" test -f "$CONF"
status "the installed binary reads it" 0 env -u BOUNCEWATCH_DB "$INST" --config "$CONF" config
check "... the unit's tail follows /var/log/mail.log" grep -qx "sources.file = /var/log/mail.log  # $CONF:[0-9]*" "$T/.out"
check "... into the state directory" grep -qx "general.database = /var/lib/bouncewatch/bouncewatch.db  # $CONF:[0-9]*" "$T/.out"
echo '[alerts]' >>"$CONF"
check "make install again" minst install
check "a second install keeps the operator's configuration" sh -c "tail -1 '$CONF' | grep -qx '\[alerts\]'"

# ---- uninstall ----------------------------------------------------------------
check "make uninstall" minst uninstall
check "configuration kept" test -f "$CONF"
eq "binary, rules and unit removed" "no|no|no" \
	"$([ -e "$INST" ] && echo yes || echo no)|$([ -e "$PAT" ] && echo yes || echo no)|$([ -e "$UNIT" ] && echo yes || echo no)"
eq "digest units removed" "" "$(ls "$SYSD" | grep '^bouncewatch')"
eq "man pages and completion removed" "" "$(find "$ROOT/usr/share/man" "$ROOT/usr/share/bash-completion" -name 'bouncewatch*')"
check "settings kept" test -f "$DEF"
