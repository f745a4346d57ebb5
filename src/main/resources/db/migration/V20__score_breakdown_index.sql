-- A member's score sums their points by kind over every day they scored (GET /api/v1/me/score, on every app screen).
-- Read from the table, a year of days was ~370 scattered pages a request; from this index, a handful.
-- Not built concurrently: Flyway's migration lock is a transaction, which a concurrent build would wait for forever.
-- Awards wait meanwhile (about 10 s for 10,000,000 ledger rows' days on the benchmark machine).
create index if not exists score_days_breakdown_idx on score_days (organization_id, member_id)
    include (share_points, click_points, submission_points, campaign_points, adjustment_points);
