-- Shared counts, version 1: attempts counted against limits that hold across every node on the store
-- (failed sign-ins), one row per thing counted. window_ends is in milliseconds since 1970 (UTC), and
-- names the window: a count taken back in an earlier window must not lower the current one.
CREATE TABLE shared_counts (
    counted     VARCHAR(300) PRIMARY KEY,
    attempts    INTEGER NOT NULL,
    window_ends BIGINT NOT NULL
);
