-- bouncewatch schema, version 25: what the MTA itself received and refused.
-- One row per message the MTA queued (Postfix smtpd "client=" / pickup,
-- Exim "<=", OpenSMTPD "smtp message", Sendmail "from=... nrcpts=") and per
-- refusal it gave a client (Postfix "NOQUEUE: reject:", Exim "rejected RCPT",
-- OpenSMTPD "failed-command", Sendmail "ruleset=... reject="): the
-- "received" and "rejected" of a pflogsumm summary. The id is a delivery's
-- (source id * 2^40 + the line's position), so a line read twice counts
-- once; written in the transaction of the batch that read it.
CREATE TABLE mail_events (
    id    INTEGER PRIMARY KEY,
    ts    REAL NOT NULL,                 -- UTC epoch seconds (the log line's time)
    kind  TEXT NOT NULL CHECK (kind IN ('received', 'rejected')),
    host  TEXT                           -- log host
);
CREATE INDEX mail_events_ts ON mail_events(ts);
