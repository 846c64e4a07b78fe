#!/bin/sh
# mta_fetch.sh - private copies of the MTAs the end-to-end tests run beside
# Postfix: Exim (exim4-daemon-light), OpenSMTPD (opensmtpd) and Sendmail
# (sendmail-bin).
#
# usage: sh tests/mta_fetch.sh DIR [PACKAGE...]
#
# Debian's MTA packages conflict with each other (each provides
# mail-transport-agent): installing exim4 would remove the Postfix the
# suite uses. So they are never installed: `apt-get download` fetches the
# .debs into DIR/debs and `dpkg-deb -x` unpacks them into DIR/root, from
# where the tests run the daemons with their own configuration, spool and
# log. The libraries they need (not MTAs) are installed with apt-get when
# missing, as root, as tests/deps.sh does for DEB_PKGS. Idempotent: a
# package already unpacked is not fetched again.
set -u
dir=${1:?usage: mta_fetch.sh DIR [PACKAGE...]}
shift
[ $# -gt 0 ] || set -- exim4-daemon-light exim4-base opensmtpd sendmail-bin sendmail-base sendmail-cf
mkdir -p "$dir/debs" "$dir/root" || exit 1
dir=$(cd "$dir" && pwd)
missing=""
for p in "$@"; do
	[ -f "$dir/root/.done-$p" ] || missing="$missing $p"
done
[ -n "$missing" ] || exit 0
command -v apt-get >/dev/null 2>&1 || { echo "mta_fetch: no apt-get (Debian needed)" >&2; exit 1; }
# apt-get download writes to the current directory; as root it warns that
# the _apt user cannot write there, which is harmless.
(cd "$dir/debs" && apt-get download $missing) >"$dir/download.log" 2>&1 || {
	if [ "$(id -u)" = 0 ]; then apt-get update >/dev/null 2>&1; fi
	(cd "$dir/debs" && apt-get download $missing) >"$dir/download.log" 2>&1 || {
		echo "mta_fetch: apt-get download$missing failed:" >&2; tail -5 "$dir/download.log" >&2; exit 1; }
}
libs=""
for p in $missing; do
	f=$(ls "$dir/debs/${p}_"*.deb 2>/dev/null | tail -n 1)
	[ -n "$f" ] || { echo "mta_fetch: no .deb for $p" >&2; exit 1; }
	dpkg-deb -x "$f" "$dir/root" || exit 1
	# the libraries (and m4, for sendmail's configuration) it depends on
	for d in $(dpkg-deb -f "$f" Depends | tr ',|' '\n\n' | sed 's/(.*//; s/ //g' | grep -E '^(lib|m4$)'); do
		dpkg -s "$d" >/dev/null 2>&1 || libs="$libs $d"
	done
	touch "$dir/root/.done-$p"
done
if [ -n "$libs" ]; then
	[ "$(id -u)" = 0 ] || { echo "mta_fetch: missing libraries (run as root):$libs" >&2; exit 1; }
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $libs >"$dir/install.log" 2>&1 || {
		echo "mta_fetch: apt-get install$libs failed:" >&2; tail -5 "$dir/install.log" >&2; exit 1; }
fi
exit 0
