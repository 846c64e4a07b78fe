-- bouncewatch schema, version 3: views for people and their SQL.
-- Views hold no data; they read deliveries (and rules) as they are now, so
-- they work from the sqlite3 shell while `bouncewatch tail` writes.
-- Days are local dates of the process reading the view (its TZ), as in
-- `bouncewatch report`. Rates are fractions of attempts (0.05 = 5 %).

-- Per provider and local day: what we tried, what came of it.
-- provider is NULL-free ('(unknown)' when no provider could be attributed).
CREATE VIEW daily_provider AS
SELECT date(ts, 'unixepoch', 'localtime')  AS day,
       coalesce(provider, '(unknown)')     AS provider,
       count(*)                            AS attempts,
       sum(status = 'sent')                AS sent,
       sum(status = 'deferred')            AS deferred,
       sum(status = 'bounced')             AS bounced,
       sum(is_block)                       AS blocks,
       round(avg(status = 'deferred'), 4)  AS deferred_rate,
       round(avg(status = 'bounced'), 4)   AS bounced_rate
FROM deliveries
GROUP BY day, provider;

-- Every refusal and deferral, grouped by what classified it: the rule when
-- one matched, else the remote status (smtp_code, dsn). `example` is one
-- reply text of the group; `bouncewatch report --by reasons` groups by the
-- reply text itself, with addresses, ids and numbers masked.
CREATE VIEW top_reasons AS
SELECT d.status                            AS status,
       d.rule_id                           AS rule_id,
       coalesce(d.provider, r.provider)    AS provider,
       coalesce(d.category, r.category)    AS category,
       d.smtp_code                         AS smtp_code,
       d.dsn                               AS dsn,
       count(*)                            AS count,
       count(DISTINCT d.rcpt_domain)       AS domains,
       min(d.reply)                        AS example,
       datetime(min(d.ts), 'unixepoch')    AS first_utc,
       datetime(max(d.ts), 'unixepoch')    AS last_utc
FROM deliveries d LEFT JOIN rules r ON r.id = d.rule_id
WHERE d.status <> 'sent'
GROUP BY d.status, d.rule_id, d.provider, d.smtp_code, d.dsn
ORDER BY count DESC;

-- Per provider: when it last accepted, deferred, bounced or blocked a mail
-- (UTC, as text; NULL when never).
CREATE VIEW provider_last AS
SELECT coalesce(provider, '(unknown)')                                      AS provider,
       datetime(max(CASE WHEN status = 'sent' THEN ts END), 'unixepoch')    AS last_sent_utc,
       datetime(max(CASE WHEN status = 'deferred' THEN ts END), 'unixepoch') AS last_deferred_utc,
       datetime(max(CASE WHEN status = 'bounced' THEN ts END), 'unixepoch') AS last_bounced_utc,
       datetime(max(CASE WHEN is_block = 1 THEN ts END), 'unixepoch')       AS last_block_utc,
       count(*)                                                              AS attempts
FROM deliveries
GROUP BY 1;
