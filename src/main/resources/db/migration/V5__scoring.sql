-- Scoring: rules, the append-only points ledger, and the aggregates leaderboards read.

-- The organization's time zone: days (daily caps) and calendar periods (leaderboards) are its.
alter table organization_settings add column time_zone text;
-- Lifetime points at which each level starts (level 1 at the first threshold, which is 0).
alter table organization_settings add column level_thresholds integer[];

-- Per organization and action: points per award and the most one member can earn from it in a day.
-- An action without a row scores by the defaults (ScoringRule.DEFAULTS).
create table scoring_rules (
    organization_id  uuid not null references organizations (id),
    action           text not null,
    points           integer not null,
    daily_cap        integer,
    updated_at       timestamptz not null,
    primary key (organization_id, action),
    constraint scoring_rules_action_check check (action in ('share', 'click', 'submission_approved')),
    constraint scoring_rules_points_check check (points between 0 and 10000),
    constraint scoring_rules_cap_check check (daily_cap is null or daily_cap between 0 and 1000000)
);

-- One row per award, never updated or deleted. award_key makes a second award of the same thing
-- impossible: share:{shareId}, click:{shareId}:{visitorId}, submission:{contentId},
-- adjustment:{uuid}, campaign:{campaignId}:{memberId}. requested is what the rule asked for; points
-- what was awarded once the daily cap cut it (requested - points is the cut).
create table points_ledger (
    id               bigint generated always as identity primary key,
    organization_id  uuid not null,
    member_id        uuid not null,
    action           text not null,
    points           integer not null,
    requested        integer not null,
    award_key        text not null,
    share_id         uuid,
    content_id       uuid,
    click_id         uuid,
    -- Adjustments: who made them and why.
    actor_id         uuid,
    reason           text,
    -- When it was earned, and the organization's day it counted against the cap.
    at               timestamptz not null,
    day              date not null,
    recorded_at      timestamptz not null default now(),
    constraint points_ledger_key_uk unique (organization_id, award_key),
    constraint points_ledger_member_fk foreign key (member_id, organization_id) references members (id, organization_id),
    constraint points_ledger_action_check check (
        action in ('share', 'click', 'submission_approved', 'campaign', 'adjustment')),
    constraint points_ledger_cut_check check (
        action = 'adjustment' or (points >= 0 and points <= requested)),
    constraint points_ledger_reason_check check (action <> 'adjustment' or (reason is not null and actor_id is not null))
);
create index points_ledger_member_idx on points_ledger (organization_id, member_id, id desc);
create index points_ledger_content_idx on points_ledger (organization_id, content_id, at) where content_id is not null;

create function points_ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'points_ledger is append-only: % refused', tg_op;
end
$$;
create trigger points_ledger_append_only before update or delete on points_ledger
    for each row execute function points_ledger_append_only();

-- Per member and organization day: what each action earned (daily caps read it) and the counts.
-- Maintained in the awarding transaction; can be rebuilt from the ledger.
create table score_days (
    organization_id    uuid not null,
    member_id          uuid not null,
    day                date not null,
    share_points       integer not null default 0,
    click_points       integer not null default 0,
    submission_points  integer not null default 0,
    campaign_points    integer not null default 0,
    adjustment_points  integer not null default 0,
    shares             integer not null default 0,
    clicks             integer not null default 0,
    primary key (organization_id, member_id, day)
);

-- Per member and calendar period (w week, m month, q quarter, y year, a all time, starting on
-- period_start in the organization's time zone): the leaderboards' figures. listed is false for
-- members who are not active: they are left out of leaderboards.
create table score_totals (
    organization_id  uuid not null,
    period           char(1) not null,
    period_start     date not null,
    member_id        uuid not null,
    points           bigint not null default 0,
    shares           integer not null default 0,
    clicks           integer not null default 0,
    listed           boolean not null,
    primary key (organization_id, period, period_start, member_id),
    constraint score_totals_period_check check (period in ('w', 'm', 'q', 'y', 'a'))
);
create index score_totals_points_idx on score_totals (organization_id, period, period_start, points desc, member_id)
    where listed;
create index score_totals_shares_idx on score_totals (organization_id, period, period_start, shares desc, member_id)
    where listed;
create index score_totals_clicks_idx on score_totals (organization_id, period, period_start, clicks desc, member_id)
    where listed;
create index score_totals_member_idx on score_totals (organization_id, member_id);
