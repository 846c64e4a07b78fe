#!/bin/sh
# alert-webhook.sh - POST a bouncewatch block alert as JSON to a webhook.
#
#   BOUNCEWATCH_WEBHOOK_URL=https://hooks.example.net/T/B/X \
#       bouncewatch tail --alert-exec /usr/local/share/bouncewatch/examples/alert-webhook.sh /var/log/mail.log
#
# bouncewatch runs this program with no arguments and no shell in between,
# writes one JSON object to its stdin ({"event":"open","provider":...,
# "sending_ip":...,"category":...,"reply":...,"advice":...,"first_seen":...,
# "last_seen":...,"count":N,"episode":N,"rule":...}) and passes every
# BOUNCEWATCH_* variable of its own environment on, so the URL is set there:
#   BOUNCEWATCH_WEBHOOK_URL  where to POST (required)
#   BOUNCEWATCH_WEBHOOK_AUTH optional value of an Authorization header
# The JSON is sent unchanged as the request body (curl --data-binary @-).
# A non-2xx answer or a network error exits non-zero: bouncewatch retries
# later with back-off. Needs curl(1).
set -eu
url=${BOUNCEWATCH_WEBHOOK_URL:?BOUNCEWATCH_WEBHOOK_URL is not set}
if [ -n "${BOUNCEWATCH_WEBHOOK_AUTH:-}" ]; then
	exec curl --silent --show-error --fail --max-time 20 \
		-H 'Content-Type: application/json' \
		-H "Authorization: $BOUNCEWATCH_WEBHOOK_AUTH" \
		--data-binary @- -- "$url"
fi
exec curl --silent --show-error --fail --max-time 20 \
	-H 'Content-Type: application/json' --data-binary @- -- "$url"
