#!/bin/sh
# Installs the Debian packages named as arguments that are not installed yet.
# As root: apt-get update once, then apt-get install -y. Otherwise: print the command, fail.
missing=""
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "missing Debian packages:$missing" >&2
	echo "run as root: apt-get update && apt-get install -y$missing" >&2
	exit 1
fi
echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
# Another apt-get may hold the dpkg lock (unattended upgrades): wait for it.
lock="-o DPkg::Lock::Timeout=600"
apt-get $lock update -qq && apt-get $lock install -y -qq --no-install-recommends $missing >/dev/null || {
	echo "apt-get install failed for:$missing" >&2; exit 1; }
