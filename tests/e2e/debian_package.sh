#!/bin/sh
# debian_package - the Debian package: `dpkg-buildpackage -us -uc -b` on a copy
# of the source tree (the tree is left as it was: nothing outside debian/,
# nothing git does not ignore), lintian without an error, then the .deb
# installed with dpkg into a throwaway root: an overlay of this machine's /
# (its libraries satisfy the package's Depends) with a tmpfs on top, in a
# mount namespace of the test's own, so nothing reaches the machine. There:
# the conffiles, the system user and its groups, the units, the manual
# pages; `bouncewatch --version` and a scan of a log readable by group adm
# run as the packaged user; remove and purge.
# A debootstrap chroot would be a cleaner root but needs minutes and the
# network for every run; the overlay needs seconds.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/e2e/private_ns.sh"
unset BOUNCEWATCH_CONFIG BOUNCEWATCH_DB

# ---- build ---------------------------------------------------------------------
# The copy: the files git knows (committed or not) and untracked ones it does
# not ignore; a git repository of its own to tell what the build changed.
SRC=$T/pkg/bouncewatch
mkdir -p "$SRC"
(cd "$TOP" && git ls-files -co --exclude-standard -z | xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$SRC"
check "the copy has debian/" test -x "$SRC/debian/rules"
(cd "$SRC" && git init -q && git add -A && git -c user.name=t -c user.email=t@t commit -qm base) >"$T/git.log" 2>&1
check "a git repository of the copy" test -d "$SRC/.git"
(cd "$SRC" && dpkg-buildpackage -us -uc -b) >"$T/build.log" 2>&1
rc=$?
eq "dpkg-buildpackage -us -uc -b (exit 0)" "0" "$rc"
[ "$rc" = 0 ] || tail -n 30 "$T/build.log" | sed 's/^/# /'
VER=$(cd "$SRC" && dpkg-parsechangelog -S Version)
ARCH=$(dpkg --print-architecture)
DEB=$T/pkg/bouncewatch_${VER}_$ARCH.deb
check "the .deb is there" test -f "$DEB"
eq "the build changed nothing git tracks and left nothing untracked" "" "$(cd "$SRC" && git status --porcelain)"
eq "what it left (ignored) is under debian/ only" "" \
	"$(cd "$SRC" && git status --porcelain --ignored | grep -v '^!! debian/')"
eq "--version says the changelog's upstream version" "bouncewatch ${VER%-*}" \
	"$(dpkg-deb --fsys-tarfile "$DEB" | tar -xOf - ./usr/bin/bouncewatch >"$T/bin" && chmod +x "$T/bin" && "$T/bin" --version)"

# ---- lintian ---------------------------------------------------------------------
lintian --pedantic -I "$T/pkg/bouncewatch_${VER}_$ARCH.changes" >"$T/lintian" 2>&1
sed 's/^/# lintian: /' "$T/lintian" | grep -v 'root privileges'
eq "lintian: no error" "" "$(grep '^E:' "$T/lintian")"
check "lintian ran (it names the package)" grep -q 'bouncewatch' "$T/lintian"

# ---- the contents ----------------------------------------------------------------
dpkg-deb -c "$DEB" | awk '{ print $6 }' | sed 's|^\./|/|' >"$T/files"
for f in /usr/bin/bouncewatch /usr/share/bouncewatch/patterns/microsoft.rules \
	/usr/share/man/man1/bouncewatch.1.gz /usr/share/man/man5/bouncewatch.conf.5.gz \
	/usr/share/man/man5/bouncewatch.rules.5.gz /usr/share/bash-completion/completions/bouncewatch \
	/etc/bouncewatch/bouncewatch.conf /etc/default/bouncewatch; do
	check "the package has $f" grep -qx "$f" "$T/files"
done
eq "both units" "2" "$(grep -c 'systemd/system/bouncewatch\(-journal\)\?\.service$' "$T/files")"
dpkg-deb -e "$DEB" "$T/ctl"
# the libraries loaded with dlopen() (src/dynlib.h) are declared by hand
for p in libcurl4 libgmime-3.0-0 libc-ares2 libsystemd0 libspf2-2; do
	check "Depends names $p (loaded at first use)" sh -c "dpkg-deb -f '$DEB' Depends | tr ', ' '\n\n' | grep -qx '$p'"
done
eq "conffiles" "/etc/bouncewatch/bouncewatch.conf
/etc/default/bouncewatch" "$(sort "$T/ctl/conffiles")"
check "postinst makes the user" grep -q 'adduser --system' "$T/ctl/postinst"

# ---- installed in a throwaway root -------------------------------------------------
# A log of the mail server, readable by group adm only (as Debian's rsyslog writes it).
mkdir -p "$T/ov"
cp "$DEB" "$T/ov/pkg.deb"
cp "$TOP/tests/e2e/data/basic.log" "$T/ov/mail.log"
cat >"$T/ov/inside.sh" <<'IN'
set -u
say() { echo "$1=$2"; }
dpkg -i /tmp/bw/pkg.deb >/tmp/bw/dpkg.log 2>&1; say install $?
say version "$(bouncewatch --version 2>&1)"
say user "$(getent passwd bouncewatch | cut -d: -f3,6,7 | sed 's/^[0-9]*:/uid:/')"
say system_uid "$(u=$(id -u bouncewatch); [ "$u" -lt 1000 ] && echo yes || echo no)"
say groups "$(id -nG bouncewatch | tr ' ' '\n' | grep -x 'adm\|systemd-journal\|bouncewatch' | sort | tr '\n' ' ')"
say statedir "$(stat -c '%U:%G %a' /var/lib/bouncewatch)"
say unituser "$(grep -h '^User=\|^Group=\|^DynamicUser=' $(dpkg -L bouncewatch | grep '/systemd/system/bouncewatch.service$') | tr '\n' ' ')"
say digestuser "$(grep -h '^User=\|^Group=\|^DynamicUser=' $(dpkg -L bouncewatch | grep '/systemd/system/bouncewatch-digest.service$') | tr '\n' ' ')"
say digesttimer "$(dpkg -L bouncewatch | grep -c '/systemd/system/bouncewatch-digest.timer$')"
say conffiles "$(dpkg-query -W -f='${Conffiles}' bouncewatch | awk 'NF { print $1 }' | tr '\n' ' ')"
say manpage "$(MANPAGER=cat man -P cat bouncewatch 2>/dev/null | grep -c 'alert-mail')"
install -m 0640 -o root -g adm /tmp/bw/mail.log /var/log/bw-test-mail.log
say scan "$(setpriv --reuid=bouncewatch --regid=bouncewatch --init-groups \
	bouncewatch --db /var/lib/bouncewatch/bouncewatch.db scan /var/log/bw-test-mail.log >/dev/null 2>/tmp/bw/scan.err; echo $?)"
say dbowner "$(stat -c %U /var/lib/bouncewatch/bouncewatch.db)"
say block "$(sqlite3 /var/lib/bouncewatch/bouncewatch.db "SELECT provider, category, is_block FROM deliveries WHERE recipient='alice@hotmail.com'")"
say reinstall "$(dpkg -i /tmp/bw/pkg.deb >/tmp/bw/dpkg2.log 2>&1; echo $?)"
say remove "$(dpkg -r bouncewatch >/tmp/bw/rm.log 2>&1; echo $?)"
say after_remove "$({ [ -e /usr/bin/bouncewatch ] && echo bin; [ -e /etc/bouncewatch/bouncewatch.conf ] && echo conf; [ -e /var/lib/bouncewatch/bouncewatch.db ] && echo db; } | tr '\n' ' ')"
say purge "$(dpkg -P bouncewatch >/tmp/bw/purge.log 2>&1; echo $?)"
say after_purge "$({ [ -e /etc/bouncewatch/bouncewatch.conf ] && echo conf; [ -e /var/lib/bouncewatch ] && echo state; getent passwd bouncewatch >/dev/null && echo user; } | tr '\n' ' ')"
IN
mkdir -p "$T/ov-top"
private_ns sh -c '
	set -e
	R=$1/root
	mkdir -p "$R"
	mount -t tmpfs bw-pkg "$1/ov-top"
	mkdir "$1/ov-top/up" "$1/ov-top/work"
	mount -t overlay bw-pkg -o "lowerdir=/,upperdir=$1/ov-top/up,workdir=$1/ov-top/work" "$R"
	mount -t proc proc "$R/proc"
	mount -t tmpfs tmp "$R/tmp"
	mount -t tmpfs run "$R/run"
	mkdir "$R/tmp/bw" && cp -a "$1/ov/." "$R/tmp/bw/"
	chroot "$R" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C sh /tmp/bw/inside.sh >"$1/inside.out" 2>&1
	cp "$R/tmp/bw/"*.log "$R/tmp/bw/scan.err" "$1/" 2>/dev/null || true
' ns "$T" 2>"$T/ns.err" || true
got() { sed -n "s/^$1=//p" "$T/inside.out"; }
eq "dpkg -i in the throwaway root" "0" "$(got install)"
[ "$(got install)" = 0 ] || sed 's/^/# /' "$T/dpkg.log" "$T/ns.err" 2>/dev/null
eq "bouncewatch --version" "bouncewatch ${VER%-*}" "$(got version)"
eq "system user: home /var/lib/bouncewatch, no login shell" "uid:/var/lib/bouncewatch:/usr/sbin/nologin" "$(got user)"
eq "a system uid" "yes" "$(got system_uid)"
eq "groups adm (logs) and systemd-journal (journal)" "adm bouncewatch systemd-journal " "$(got groups)"
eq "state directory" "bouncewatch:bouncewatch 750" "$(got statedir)"
eq "the unit runs as that user" "User=bouncewatch Group=bouncewatch " "$(got unituser)"
eq "the digest's unit runs as the same user" "User=bouncewatch Group=bouncewatch " "$(got digestuser)"
eq "the digest's timer is in the package" "1" "$(got digesttimer)"
eq "dpkg knows the conffiles" "/etc/bouncewatch/bouncewatch.conf /etc/default/bouncewatch " "$(got conffiles)"
check "man bouncewatch renders the installed page" test "$(got manpage)" -gt 0
eq "scan as the packaged user, of a log readable by group adm (exit 0)" "0" "$(got scan)"
[ "$(got scan)" = 0 ] || sed 's/^/# /' "$T/scan.err" 2>/dev/null
eq "the database belongs to it" "bouncewatch" "$(got dbowner)"
eq "the block is classified with the packaged rules" "microsoft|blocklist|1" "$(got block)"
eq "installing again (postinst runs twice)" "0" "$(got reinstall)"
eq "dpkg -r" "0" "$(got remove)"
eq "remove keeps the conffiles and the database" "conf db " "$(got after_remove)"
eq "dpkg -P" "0" "$(got purge)"
eq "purge removes conffiles and the database, keeps the user" "user " "$(got after_purge)"
