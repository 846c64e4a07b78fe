# private_ns.sh - a mount namespace of the test's own. Sourced (POSIX sh); no #! line.
#
# private_ns COMMAND...: runs COMMAND in a new mount namespace whose mounts never
# reach the machine's. On a normal machine / is a mount point and its mounts are
# made private (unshare --propagation private). In a chroot (a fresh Debian made
# with debootstrap, say) / is not a mount point and cannot be made private; the
# namespace then keeps the propagation it inherits, which is safe only when the
# mount holding the chroot is not shared: a probe mount made in a namespace must
# not be seen outside it. If it is seen, the probe is undone and private_ns fails
# (status 111) with a message: a test that cannot isolate its mounts fails.
private_ns() {
	if mountpoint -q /; then
		unshare -m --propagation private "$@"
		return
	fi
	_pn=$(mktemp -d) || return 111
	mkdir "$_pn/probe"
	unshare -m --propagation unchanged mount -t tmpfs private-ns-probe "$_pn/probe" || { rm -rf "$_pn"; return 111; }
	if mountpoint -q "$_pn/probe"; then
		umount "$_pn/probe"; rm -rf "$_pn"
		echo "private_ns: / is not a mount point here (a chroot?) and its mounts are shared: a namespace's mounts would leak" >&2
		return 111
	fi
	rm -rf "$_pn"
	unshare -m --propagation unchanged "$@"
}
