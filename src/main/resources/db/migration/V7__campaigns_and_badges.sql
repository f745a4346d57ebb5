-- Campaigns: time-boxed challenges on a set of content for some groups, with an optional goal.
create table campaigns (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    name             text not null,
    description      text,
    -- utm_campaign of the campaign's short links; unique in the organization.
    slug             text not null,
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    -- Optional goal across participants: goal_target of goal_metric (points, shares or clicks).
    goal_metric      text,
    goal_target      integer,
    -- Points granted to each participant when the goal is reached (through the ledger, action 'campaign').
    bonus_points     integer not null default 0,
    reward           text,
    goal_reached_at  timestamptz,
    created_by       uuid,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint campaigns_id_org_uk unique (id, organization_id),
    constraint campaigns_window_check check (ends_at > starts_at),
    constraint campaigns_name_check check (char_length(name) between 1 and 200),
    constraint campaigns_goal_check check ((goal_metric is null) = (goal_target is null)
        and (goal_metric is null or goal_metric in ('points', 'shares', 'clicks'))
        and (goal_target is null or goal_target > 0)),
    constraint campaigns_bonus_check check (bonus_points between 0 and 100000)
);
create unique index campaigns_slug_uk on campaigns (organization_id, slug);
create index campaigns_window_idx on campaigns (organization_id, starts_at desc, id desc);

create table campaign_content (
    organization_id  uuid not null,
    campaign_id      uuid not null,
    content_id       uuid not null,
    primary key (campaign_id, content_id),
    foreign key (campaign_id, organization_id) references campaigns (id, organization_id) on delete cascade,
    foreign key (content_id, organization_id) references content (id, organization_id)
);
-- Awards look up the campaigns of their content.
create index campaign_content_content_idx on campaign_content (organization_id, content_id);

-- Target groups; none means every member of the organization.
create table campaign_groups (
    organization_id  uuid not null,
    campaign_id      uuid not null,
    group_id         uuid not null,
    primary key (campaign_id, group_id),
    foreign key (campaign_id, organization_id) references campaigns (id, organization_id) on delete cascade,
    foreign key (group_id, organization_id) references groups (id, organization_id) on delete cascade
);

-- Per campaign and member: what they earned on the campaign's content inside its window. Kept in step
-- by the awarding transaction; rebuilt from the ledger when the campaign's content or window changes.
-- Who counts (target groups, listed) is decided when reading, so group changes need no rebuild.
create table campaign_scores (
    organization_id  uuid not null,
    campaign_id      uuid not null,
    member_id        uuid not null,
    points           bigint not null default 0,
    shares           integer not null default 0,
    clicks           integer not null default 0,
    primary key (campaign_id, member_id),
    foreign key (campaign_id, organization_id) references campaigns (id, organization_id) on delete cascade
);
create index campaign_scores_points_idx on campaign_scores (campaign_id, points desc, member_id);

-- Badges, each awarded once: badge is the kind (first_share, shares_10, ..., campaign_goal, top10_month);
-- qualifier tells which campaign or month ('' when the kind is awarded once in a lifetime).
create table member_badges (
    organization_id  uuid not null,
    member_id        uuid not null,
    badge            text not null,
    qualifier        text not null default '',
    awarded_at       timestamptz not null,
    primary key (organization_id, member_id, badge, qualifier),
    foreign key (member_id, organization_id) references members (id, organization_id)
);
