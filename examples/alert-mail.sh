#!/bin/sh
# alert-mail.sh - mail a bouncewatch block alert with sendmail -t.
#
#   bouncewatch tail --alert-exec /usr/local/share/bouncewatch/examples/alert-mail.sh /var/log/mail.log
#
# bouncewatch runs this program with no arguments and no shell in between;
# the facts arrive in the environment (BOUNCEWATCH_EVENT open|clear,
# _PROVIDER, _SENDING_IP, _CATEGORY, _REPLY, _ADVICE, _FIRST_SEEN, _LAST_SEEN,
# _COUNT, _EPISODE, _RULE, _CLEARED, _CLEAR_REASON) and as JSON on stdin.
# Configure it through bouncewatch's own environment, which passes every
# BOUNCEWATCH_* variable on:
#   BOUNCEWATCH_MAIL_TO    recipient (default: postmaster)
#   BOUNCEWATCH_MAIL_FROM  sender (default: bouncewatch@<hostname>)
#   BOUNCEWATCH_SENDMAIL   sendmail program (default: /usr/sbin/sendmail)
# Exit status 0 means delivered; anything else makes bouncewatch retry later.
#
# The reply text comes from a remote server: it only ever goes into the body,
# never into a header, and is never evaluated.
set -eu
to=${BOUNCEWATCH_MAIL_TO:-postmaster}
from=${BOUNCEWATCH_MAIL_FROM:-bouncewatch@$(uname -n)}
sendmail=${BOUNCEWATCH_SENDMAIL:-/usr/sbin/sendmail}
# Header values: printable characters only, no line breaks.
hdr() { printf '%s' "$1" | tr -cd '[:alnum:][:punct:] ' | cut -c1-200; }
event=$(hdr "${BOUNCEWATCH_EVENT:-}")
provider=$(hdr "${BOUNCEWATCH_PROVIDER:-}")
ip=$(hdr "${BOUNCEWATCH_SENDING_IP:-}")
case $event in
open)  subject="Mail blocked: $provider refuses $ip" ;;
clear) subject="Mail block cleared: $provider accepts $ip again" ;;
*)     subject="bouncewatch: $event $provider $ip" ;;
esac
cat >/dev/null	# the JSON on stdin is not needed here
{
	printf 'To: %s\nFrom: %s\nSubject: %s\nAuto-Submitted: auto-generated\n' \
		"$(hdr "$to")" "$(hdr "$from")" "$subject"
	printf 'Content-Type: text/plain; charset=utf-8\n\n'
	printf 'Provider:    %s\n' "${BOUNCEWATCH_PROVIDER:-}"
	printf 'Sending IP:  %s\n' "${BOUNCEWATCH_SENDING_IP:-}"
	printf 'Category:    %s\n' "${BOUNCEWATCH_CATEGORY:-}"
	printf 'First seen:  %s\n' "${BOUNCEWATCH_FIRST_SEEN:-}"
	printf 'Last seen:   %s (%s refusals)\n' "${BOUNCEWATCH_LAST_SEEN:-}" "${BOUNCEWATCH_COUNT:-}"
	[ "$event" = clear ] && printf 'Cleared:     %s (%s)\n' \
		"${BOUNCEWATCH_CLEARED:-}" "${BOUNCEWATCH_CLEAR_REASON:-}"
	printf '\nThe remote server said:\n  %s\n\nWhat to do:\n  %s\n' \
		"${BOUNCEWATCH_REPLY:-}" "${BOUNCEWATCH_ADVICE:-(no advice for this rule)}"
	printf '\nEpisode %s, rule %s. See: bouncewatch blocks\n' \
		"${BOUNCEWATCH_EPISODE:-}" "${BOUNCEWATCH_RULE:-}"
} | "$sendmail" -t -i
