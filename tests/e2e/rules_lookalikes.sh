#!/bin/sh
# The shipped rules on replies that look like a block and are not, and on the
# blocks they resemble: each reply's category and block verdict through
# `bouncewatch rules classify` (the engine, the patterns/ directory).
. "$(dirname "$0")/lib.sh"

# verdict NAME CATEGORY BLOCK REPLY: the reply is classified CATEGORY/BLOCK.
verdict() {
	got=$(printf '%s\n' "$4" | "$BW" --rules "$RULES" rules classify | cut -f2,3)
	eq "$1" "$2	$3" "$got"
}

# "rbl" as part of a host name (a PTR reply quoting the client's name) is no
# block list; the word RBL or DNSBL on its own still is.
verdict "ptr reply naming an rbl host" ptr no \
	"550 5.7.1 Client host rejected: cannot find your hostname, [rbl.example.net]"
verdict "ptr reply naming an mx-rbl host" ptr no \
	"450 4.7.1 Client host rejected: cannot find your reverse hostname, [mx-rbl.example.org 192.0.2.1]"
verdict "listed in RBL" blocklist yes "550 5.7.1 Connection refused - listed in RBL"
verdict "found in a DNSBL" blocklist yes "554 Rejected: sender IP found in DNSBL"

# A message "from IP blocked as spam" is a verdict on that message (content,
# no block); the IP blocked for its own sake is a block.
verdict "message from IP blocked as spam" content no "550 5.7.1 Message from 192.0.2.1 blocked as spam"
verdict "message from IP n blocked as spam" content no "550 5.7.1 Message from IP 192.0.2.1 blocked as spam"
verdict "IP blocked" blocklist yes "550 5.7.1 Access denied: IP 192.0.2.14 blocked"
verdict "IP blacklisted" blocklist yes "554 Your IP 192.0.2.1 is blacklisted"

# The sending host refused without a reason is a block (other); refused for
# its PTR it is not.
verdict "host not allowed to connect" other yes "550 Your host is not allowed to connect to this server."
verdict "host not allowed to connect, PTR" ptr no \
	"550 Your host is not allowed to connect: no PTR record for 192.0.2.1"

# A mailbox too small for the message is the recipient's, not a size refusal.
verdict "message would exceed mailbox size" mailbox-full no \
	"552 bob: message would exceed maximum mailbox size for this recipient"
verdict "message size exceeded" size no "552 5.3.4 Message size of 31457280 bytes exceeds the limit"
verdict "recipient syntax" user-unknown no "501 5.5.2 RCPT TO syntax error"
verdict "command syntax" other no "501 5.5.2 Syntax error in parameters"
finish
