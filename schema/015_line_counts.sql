-- bouncewatch schema, version 15: how many lines were read and how many of
-- them were not understood, per hour of the (pinnable) clock at commit.
-- Written by scan and tail in the transaction of the rows those lines made;
-- read by `bouncewatch check` (a jump in the share not understood: the MTA
-- changed its log format) and the metrics.
CREATE TABLE line_counts (
    hour           INTEGER PRIMARY KEY,  -- UTC epoch seconds of the hour's start
    lines          INTEGER NOT NULL,     -- lines read
    not_understood INTEGER NOT NULL      -- no syslog header, or an MTA status line not read
);
