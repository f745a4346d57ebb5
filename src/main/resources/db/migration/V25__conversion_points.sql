-- Points for conversions, and the click id in a first-party cookie.

-- A rule for attributed conversions. An organization without a row scores by ScoringRule.DEFAULTS, where a conversion
-- earns 0 points: off until an admin sets the rule.
alter table scoring_rules drop constraint scoring_rules_action_check;
alter table scoring_rules add constraint scoring_rules_action_check
    check (action in ('share', 'click', 'submission_approved', 'conversion'));

-- A conversion's award names its conversion (award_key conversion:{conversionId} makes it once per conversion).
-- Checking the new constraint reads the ledger once (a few seconds for 10,000,000 rows), as the migration's lock waits.
alter table points_ledger add column conversion_id uuid references conversions (id);
alter table points_ledger drop constraint points_ledger_action_check;
alter table points_ledger add constraint points_ledger_action_check check (
    action in ('share', 'click', 'submission_approved', 'campaign', 'adjustment', 'conversion'));
alter table points_ledger add constraint points_ledger_conversion_check check (
    (action = 'conversion') = (conversion_id is not null));

-- What conversions earned a member in a day (their rule's cap reads it), in the score's breakdown like the others.
alter table score_days add column conversion_points integer not null default 0;
-- Rebuilt with the new column, so that a member's score stays an index-only read (see V20: awards wait meanwhile).
drop index score_days_breakdown_idx;
create index score_days_breakdown_idx on score_days (organization_id, member_id)
    include (share_points, click_points, submission_points, campaign_points, adjustment_points, conversion_points);

-- Whether /c.js (loaded with a publishable key of the organization's) also keeps the click id in a first-party cookie
-- on the site, for the attribution window, so that a later visit still reports it. Off: sessionStorage only.
alter table organization_settings add column click_cookie boolean not null default false;
